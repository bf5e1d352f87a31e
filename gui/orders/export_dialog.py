"""Export the orders in view, in the background: progress from the first moment, cancel, and
the folder one click away when the file is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from gui import messages, tasks
from gui.formatting import count, fill
from gui.orders.labels import column_titles, own_store, review_label, status_label
from gui.orders.summary import OrderCounts
from models import wire
from models.export import ExportCancelled, ExportLabels, ExportProgress, export_orders
from models.profile import Profile
from models.services.order_table import OrderFilter, Sort

LAST_FOLDER = "orders/export_folder"
FolderOpener = Callable[[Path], None]


def export_labels() -> ExportLabels:
    titles = {column.value: title for column, title in column_titles().items()}
    return ExportLabels(
        headers={
            **titles,
            "reviewed": QCoreApplication.translate("orders", "Reviewed"),
            "flag": QCoreApplication.translate("orders", "Flag"),
            "note": QCoreApplication.translate("orders", "Note"),
        },
        statuses={s: status_label(s) for s in wire.ORDER_STATUSES},
        flags={
            "none": "",
            "problem": review_label("problem"),
            "follow_up": review_label("follow_up"),
        },
        yes=QCoreApplication.translate("orders", "Yes"),
        no=QCoreApplication.translate("orders", "No"),
        own_store=own_store(),
    )


def default_name(kind: str, today: dt.date, *, selected: bool = False) -> str:
    """orders-2026-11-24.xlsx, 订单-2026-11-24.xlsx: a new name every day, never orders.xlsx."""
    stem = (
        QCoreApplication.translate("orders", "selected-orders-%1")
        if selected
        else QCoreApplication.translate("orders", "orders-%1")
    )
    return f"{fill(stem, today.isoformat())}.{kind}"


def ask_path(
    parent: QWidget, kind: str, *, selected: bool = False, today: dt.date | None = None
) -> Path | None:
    settings = QSettings()
    folder = str(settings.value(LAST_FOLDER, str(Path.home())))
    name = default_name(kind, today or dt.date.today(), selected=selected)
    pattern = (
        QCoreApplication.translate("orders", "Excel workbook (*.xlsx)")
        if kind == "xlsx"
        else QCoreApplication.translate("orders", "CSV file (*.csv)")
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("orders", "Export orders"),
        str(Path(folder) / name),
        pattern,
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != f".{kind}":
        path = path.with_suffix(f".{kind}")
    settings.setValue(LAST_FOLDER, str(path.parent))
    return path


def open_in_file_manager(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def start_export(
    parent: QWidget,
    profile: Profile,
    path: Path,
    f: OrderFilter,
    sort: Sort,
    *,
    only_ids: Sequence[int] | None = None,
    report: Callable[[str], None] = lambda _text: None,
    open_folder: FolderOpener = open_in_file_manager,
) -> tasks.Task[int]:
    """Run the export in the pool behind a progress dialog, shown at once, whose Cancel stops it;
    when the file is written, say so and offer its folder."""
    labels = export_labels()
    dialog = QProgressDialog(
        QCoreApplication.translate("orders", "Counting the orders to export…"),
        QCoreApplication.translate("orders", "Cancel"),
        0,
        0,
        parent,
    )
    dialog.setObjectName("export_progress")
    dialog.setWindowTitle(QCoreApplication.translate("orders", "Export orders"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.show()

    def work(control: tasks.Control) -> int:
        return export_orders(
            profile,
            path,
            f=f,
            sort=sort,
            labels=labels,
            only_ids=only_ids,
            progress=control.report,
            cancelled=control.cancelled,
        )

    task = tasks.run_controlled(work, name="orders.export")

    def on_progress(value: object) -> None:
        assert isinstance(value, ExportProgress)
        dialog.setMaximum(max(value.total, 1))
        dialog.setValue(min(value.done, value.total))
        if value.saving:
            text = QCoreApplication.translate("orders", "Saving the file…")
        else:
            text = fill(
                QCoreApplication.translate("orders", "Exporting orders… %1 of %2"),
                count(value.done),
                count(value.total),
            )
        dialog.setLabelText(text)

    def on_finished(rows: int) -> None:
        dialog.close()
        said = OrderCounts().written(rows, str(path))
        report(said)
        _show_written(parent, said, path, open_folder)

    def on_failed(error: Exception) -> None:
        dialog.close()
        if isinstance(error, ExportCancelled):
            report(QCoreApplication.translate("orders", "Export cancelled; no file was written."))
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("orders", "Export failed"),
            messages.describe(error),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    task.progress.connect(on_progress)
    task.then(on_finished, on_failed)
    dialog.canceled.connect(task.cancel)
    return task


def _show_written(parent: QWidget, said: str, path: Path, open_folder: FolderOpener) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("orders", "Export orders"),
        said,
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("export_written")
    folder = box.addButton(
        QCoreApplication.translate("orders", "Open the folder"), QMessageBox.ButtonRole.ActionRole
    )
    folder.setObjectName("open_folder")
    box.setDefaultButton(folder)
    folder.clicked.connect(lambda: open_folder(path.parent))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
