"""The sales charts: sales and orders, categories, stores, customer growth and commission."""
