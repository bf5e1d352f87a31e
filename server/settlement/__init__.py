"""A shop's money on the platform: the rules (``rules``), the weekly statements
(``statements``) and withdrawals of the balance (``withdrawals``)."""
