"""The orders workspace: the shop's whole order history, filtered, reviewed and exported."""
