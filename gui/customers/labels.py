"""The owner's words for how a customer came to a store, and for each change of owner."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import day as date_text
from gui.formatting import fill
from models.services import customer_timeline as timeline
from models.services.customer_timeline import TimelineEntry
from models.services.customers import CustomerRow, CustomerSort


def day(seconds: int) -> str:
    return date_text(seconds)


def via_label(via: str) -> str:
    return {
        "own": QCoreApplication.translate("customers", "Own customer"),
        "manager": QCoreApplication.translate("customers", "Via a store manager"),
        "public_domain": QCoreApplication.translate("customers", "Public-domain traffic"),
        "transferred_in": QCoreApplication.translate("customers", "Transferred in"),
    }.get(via, via)


def own_store() -> str:
    return QCoreApplication.translate("customers", "Own store")


def store_text(row: CustomerRow) -> str:
    if row.status == "left":
        return (
            fill(QCoreApplication.translate("customers", "Left with %1"), row.left_with)
            if row.left_with
            else QCoreApplication.translate("customers", "Left the shop")
        )
    return row.store_name or own_store()


def column_titles() -> dict[CustomerSort, str]:
    return {
        CustomerSort.NAME: QCoreApplication.translate("customers", "Customer"),
        CustomerSort.STORE: QCoreApplication.translate("customers", "Store"),
        CustomerSort.VIA: QCoreApplication.translate("customers", "How"),
        CustomerSort.SINCE: QCoreApplication.translate("customers", "Since"),
        CustomerSort.ORDERS: QCoreApplication.translate("customers", "Paid orders"),
        CustomerSort.SPENT: QCoreApplication.translate("customers", "Spent"),
    }


def binding_sentence(row: CustomerRow) -> str:
    """Where the customer belongs now, since when, and how, in one sentence."""
    since = day(row.bound_at)
    if row.status == "left":
        if row.left_with:
            return fill(
                QCoreApplication.translate(
                    "customers", "Left the shop with store manager %1, whose release you approved."
                ),
                row.left_with,
            )
        return QCoreApplication.translate(
            "customers", "Left the shop with a released store manager."
        )
    if row.bound_via == "public_domain":
        return fill(
            QCoreApplication.translate(
                "customers",
                "Allocated to your shop from public-domain traffic on %1; belongs to %2.",
            ),
            since,
            _store_words(row),
        )
    if row.bound_via == "transferred_in":
        return fill(
            QCoreApplication.translate(
                "customers",
                "Transferred in on %1, when the store manager opened this shop; belongs to %2.",
            ),
            since,
            _store_words(row),
        )
    return fill(
        QCoreApplication.translate("customers", "Belongs to %1 since %2."), _store_words(row), since
    )


def _store_words(row: CustomerRow) -> str:
    if row.store_name:
        return fill(QCoreApplication.translate("customers", "%1's sub-store"), row.store_name)
    return QCoreApplication.translate("customers", "your own store")


def entry_sentence(entry: TimelineEntry) -> str:
    """One change of owner, explained."""
    manager = entry.manager_name or QCoreApplication.translate("customers", "a store manager")
    request = f"#{entry.release_request_id}" if entry.release_request_id is not None else ""
    if entry.kind == timeline.BOUND_OWN:
        return QCoreApplication.translate(
            "customers", "Bound to your own store by their first paid order."
        )
    if entry.kind == timeline.BOUND_MANAGER:
        return fill(
            QCoreApplication.translate(
                "customers", "Bound to %1's sub-store by their first paid order there."
            ),
            manager,
        )
    if entry.kind == timeline.LEFT_WITH_MANAGER:
        return fill(
            QCoreApplication.translate(
                "customers",
                "Left with %1 when you approved the release (request %2): "
                "they had a paid order in %1's sub-store.",
            ),
            manager,
            request,
        )
    if entry.kind == timeline.ALLOCATED_AFTER_RELEASE:
        if entry.upcoming:
            return fill(
                QCoreApplication.translate(
                    "customers",
                    "Will arrive from public-domain traffic, to make up for release %1.",
                ),
                request,
            )
        return fill(
            QCoreApplication.translate(
                "customers",
                "Allocated to your own store from public-domain traffic after release %1.",
            ),
            request,
        )
    if entry.kind == timeline.ALLOCATED:
        if entry.upcoming:
            return QCoreApplication.translate(
                "customers", "Will arrive from public-domain traffic."
            )
        return QCoreApplication.translate(
            "customers", "Allocated to your own store from public-domain traffic by the platform."
        )
    if entry.kind == timeline.TRANSFERRED_IN:
        return fill(
            QCoreApplication.translate(
                "customers", "Transferred in with %1, released into this shop (request %2)."
            ),
            manager,
            request,
        )
    return entry.note or QCoreApplication.translate("customers", "Their store changed.")
