"""Entries of the binding ledger: every change of a customer's owning store is one of these."""

from __future__ import annotations

from typing import Any

# Public-domain customers who make up for a release arrive over three weeks, not all at once.
ALLOCATION_DAYS = 21
COMPENSATION_NOTE = "放手后平台公域流量补充"


def binding_entry(
    entry_id: int,
    customer_id: int,
    at: int,
    *,
    event: str,
    via: str,
    from_manager: int | None = None,
    to_manager: int | None = None,
    request_id: int | None = None,
    note: str = "",
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "customer_id": customer_id,
        "at": at,
        "event": event,
        "from_manager_id": from_manager,
        "to_manager_id": to_manager,
        "via": via,
        "release_request_id": request_id,
        "note": note,
    }
