"""Saving a statement as an Excel workbook or a one-page PDF, in the background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from gui import tasks
from gui.earnings.statement_pdf import write_statement_pdf
from gui.earnings.table_models import statement_labels
from models.profile import Profile
from models.services.statements import StatementSummary, statement, statement_lines
from models.statement_export import export_statement

LAST_FOLDER = "earnings/export_folder"


def suggested_name(summary: StatementSummary, suffix: str) -> str:
    first = dt.datetime.fromtimestamp(summary.period_start).date().isoformat()
    return f"statement-{first}.{suffix}"


def ask_path(parent: QWidget, summary: StatementSummary, suffix: str) -> Path | None:
    settings = QSettings()
    folder = Path(str(settings.value(LAST_FOLDER, str(Path.home()))))
    pattern = (
        QCoreApplication.translate("earnings", "Excel workbook (*.xlsx)")
        if suffix == "xlsx"
        else QCoreApplication.translate("earnings", "PDF document (*.pdf)")
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("earnings", "Save statement"),
        str(folder / suggested_name(summary, suffix)),
        pattern,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{suffix}":
        path = path.with_suffix(f".{suffix}")
    settings.setValue(LAST_FOLDER, str(path.parent))
    return path


def save_xlsx(
    profile: Profile, statement_id: int, path: Path, order: list[int] | None = None
) -> tasks.Task[int]:
    """Write the statement's lines (in ``order``, the view's) and subtotals; the task's result
    is the number of lines."""
    labels = statement_labels()
    return tasks.run(
        lambda: export_statement(profile, statement_id, path, labels, order=order),
        name="earnings.xlsx",
    )


def save_pdf(profile: Profile, statement_id: int, path: Path, shop_name: str) -> tasks.Task[int]:
    """Paint the statement's page; the task's result is its number of pages (one)."""

    def work() -> int:
        summary = statement(profile, statement_id)
        if summary is None:
            from models.errors import InvalidInput

            raise InvalidInput("statement", "unknown", value=statement_id)
        write_statement_pdf(path, summary, statement_lines(profile, statement_id), shop_name)
        return 1

    return tasks.run(work, name="earnings.pdf")
