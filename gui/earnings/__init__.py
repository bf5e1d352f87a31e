"""The earnings workspace: the balance and what becomes available when, the statements, the
monthly income chart, withdrawals and the reconciliation of the statements with the orders."""
