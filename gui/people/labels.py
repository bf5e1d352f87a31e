"""The owner's words for the people of the shop: roles, states and what they did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import fill, money
from gui.orders.labels import review_label
from models.services.people import PersonAction


def role_label(role: str) -> str:
    return {
        "owner": QCoreApplication.translate("people", "Owner"),
        "assistant": QCoreApplication.translate("people", "Assistant"),
        "manager": QCoreApplication.translate("people", "Store manager"),
    }.get(role, role)


def person_status_label(status: str) -> str:
    return {
        "invited": QCoreApplication.translate("people", "Not signed up yet"),
        "active": QCoreApplication.translate("people", "Active"),
        "disabled": QCoreApplication.translate("people", "Disabled"),
    }.get(status, status)


def poster_kind_label(kind: str) -> str:
    return {
        "shop": QCoreApplication.translate("people", "the shop's poster"),
        "sale_event": QCoreApplication.translate("people", "a sale event's poster"),
        "product": QCoreApplication.translate("people", "product posters"),
        "manager": QCoreApplication.translate("people", "a sub-store's poster"),
    }.get(kind, kind)


def action_label(action: PersonAction) -> str:
    """Reviewed order 2026…, Picked 连衣裙, Printed 2 × the shop's poster, …"""
    translate = QCoreApplication.translate
    if action.kind == "review":
        if action.detail == "unreviewed":
            return fill(translate("people", "Unmarked order %1 as reviewed"), action.subject)
        if action.detail in ("problem", "follow_up"):
            return fill(
                translate("people", "Reviewed order %1 (%2)"),
                action.subject,
                review_label(action.detail),
            )
        return fill(translate("people", "Reviewed order %1"), action.subject)
    if action.kind == "pick":
        return fill(translate("people", "Picked %1"), action.subject)
    if action.kind == "unpick":
        return fill(translate("people", "Dropped %1"), action.subject)
    if action.kind == "decision":
        if action.detail == "approve":
            return fill(translate("people", "Approved the release of %1"), action.subject)
        return fill(translate("people", "Declined the release of %1"), action.subject)
    if action.kind == "poster":
        return fill(
            translate("people", "Printed %1 × %2"), action.detail, poster_kind_label(action.subject)
        )
    return fill(translate("people", "Asked to withdraw %1"), money(int(action.subject or 0)))
