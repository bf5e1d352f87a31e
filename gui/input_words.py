"""Words for a value the owner gave that cannot be used (``models.errors.InvalidInput``).

Each subject and each problem has its words here, checked by mypy against the Literal types in
``models.errors``: a new subject without words does not type-check.
"""

from __future__ import annotations

from typing import assert_never

from PySide6.QtCore import QCoreApplication

from gui.formatting import count, fill
from models.errors import InputSubject, InvalidInput


def subject_words(subject: InputSubject) -> str:
    """What the value was for, as the start of a sentence."""
    match subject:
        case "flag":
            return QCoreApplication.translate("input", "The flag")
        case "note":
            return QCoreApplication.translate("input", "The note")
        case "view_name":
            return QCoreApplication.translate("input", "The view's name")
        case "copies":
            return QCoreApplication.translate("input", "The number of copies")
        case "decision":
            return QCoreApplication.translate("input", "The decision")
        case "reason":
            return QCoreApplication.translate("input", "The reason")
        case "page":
            return QCoreApplication.translate("input", "The number of rows asked for")
        case "column":
            return QCoreApplication.translate("input", "The column")
        case "columns":
            return QCoreApplication.translate("input", "The columns to export")
        case "file_type":
            return QCoreApplication.translate("input", "The type of file")
        case "poster_code":
            return QCoreApplication.translate("input", "The poster's code")
        case "release_request":
            return QCoreApplication.translate("input", "The release request")
        case "product":
            return QCoreApplication.translate("input", "The product")
        case "sale_event":
            return QCoreApplication.translate("input", "The sale event")
        case "store_manager":
            return QCoreApplication.translate("input", "The store manager")
        case "withdrawal":
            return QCoreApplication.translate("input", "The amount to withdraw")
        case "statement":
            return QCoreApplication.translate("input", "The statement")
        case "status":
            return QCoreApplication.translate("input", "The order status")
        case "date_range":
            return QCoreApplication.translate("input", "The range of days")
        case "person_name":
            return QCoreApplication.translate("input", "The person's name")
        case "user_name":
            return QCoreApplication.translate("input", "The user name")
        case "role":
            return QCoreApplication.translate("input", "The role")
        case _:
            assert_never(subject)


def describe_input(error: InvalidInput) -> str:
    """A full sentence: what was wrong with which value, and what would do."""
    what = subject_words(error.subject)
    match error.problem:
        case "missing":
            if error.subject == "view_name":
                return QCoreApplication.translate("input", "Please give the view a name.")
            if error.subject == "columns":
                return QCoreApplication.translate("input", "Choose at least one column to export.")
            return fill(
                QCoreApplication.translate("input", "%1 is missing; please fill it in."), what
            )
        case "too_long":
            return fill(
                QCoreApplication.translate(
                    "input", "%1 is too long: %2 characters, at most %3 fit. Nothing was saved."
                ),
                what,
                count(int(error.value)) if isinstance(error.value, int) else "?",
                count(error.limit or 0),
            )
        case "out_of_range":
            if error.low is not None and error.limit is not None:
                return fill(
                    QCoreApplication.translate(
                        "input", "%1 must be from %2 to %3; %4 is not possible."
                    ),
                    what,
                    count(error.low),
                    count(error.limit),
                    error.value if error.value is not None else "?",
                )
            return fill(QCoreApplication.translate("input", "%1 is out of range."), what)
        case "not_one_of":
            if error.subject == "flag":
                return QCoreApplication.translate(
                    "input", "Choose a flag from the list: none, problem or follow up."
                )
            if error.subject == "decision":
                return QCoreApplication.translate(
                    "input", "A release request is either approved or declined."
                )
            if error.subject == "file_type" and error.allowed == (".xlsx",):
                return QCoreApplication.translate("input", "Export to an Excel file (.xlsx).")
            if error.subject == "file_type":
                return QCoreApplication.translate(
                    "input", "Export to an Excel file (.xlsx) or a CSV file (.csv)."
                )
            return fill(
                QCoreApplication.translate("input", "%1 must be one of: %2."),
                what,
                ", ".join(error.allowed),
            )
        case "unknown":
            return fill(
                QCoreApplication.translate(
                    "input", "%1 (%2) is not on this computer. Sync to fetch the newest data."
                ),
                what,
                error.value if error.value is not None else "?",
            )
        case "unreadable":
            if error.subject == "user_name":
                return QCoreApplication.translate(
                    "input",
                    "A user name is 1 to 32 letters (a–z), digits, dots, dashes or underscores, "
                    "starting with a letter or a digit.",
                )
            return fill(QCoreApplication.translate("input", "%1 cannot be read."), what)
        case "decided":
            return QCoreApplication.translate(
                "input", "This release request was decided already; one decision counts."
            )
        case _:
            assert_never(error.problem)
