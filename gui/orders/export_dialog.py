"""Export the orders in view, in the background, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from gui import messages, tasks
from gui.formatting import count, fill
from gui.orders.labels import column_titles, own_store, review_label, status_label
from gui.orders.summary import OrderCounts
from models import wire
from models.export import COLUMNS, ExportCancelled, ExportLabels, export_orders
from models.profile import Profile
from models.services.order_table import REVIEW_FILTERS, OrderFilter, Sort, SortColumn

LAST_FOLDER = "orders/export_folder"


def export_labels() -> ExportLabels:
    titles = column_titles()
    return ExportLabels(
        headers={c.value: titles[c] for c in SortColumn},
        statuses={s: status_label(s) for s in wire.ORDER_STATUSES},
        reviews={s: review_label(s) for s in REVIEW_FILTERS},
        own_store=own_store(),
    )


def ask_path(parent: QWidget, kind: str) -> Path | None:
    settings = QSettings()
    folder = str(settings.value(LAST_FOLDER, str(Path.home())))
    name = "orders.xlsx" if kind == "xlsx" else "orders.csv"
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


def start_export(
    parent: QWidget,
    profile: Profile,
    path: Path,
    f: OrderFilter,
    sort: Sort,
    *,
    only_ids: Sequence[int] | None = None,
    report: Callable[[str], None] = lambda _text: None,
) -> tasks.Task[int]:
    """Run the export in the pool behind a progress dialog whose Cancel stops it."""
    labels = export_labels()
    dialog = QProgressDialog(
        QCoreApplication.translate("orders", "Exporting orders…"),
        QCoreApplication.translate("orders", "Cancel"),
        0,
        100,
        parent,
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def work(control: tasks.Control) -> int:
        return export_orders(
            profile,
            path,
            f=f,
            sort=sort,
            columns=COLUMNS,
            labels=labels,
            only_ids=only_ids,
            progress=lambda done, total: control.report((done, total)),
            cancelled=control.cancelled,
        )

    task = tasks.run_controlled(work, name="orders.export")

    def on_progress(value: object) -> None:
        assert isinstance(value, tuple)
        done, total = int(value[0]), int(value[1])
        dialog.setMaximum(max(int(total), 1))
        dialog.setValue(int(done))
        dialog.setLabelText(
            fill(
                QCoreApplication.translate("orders", "Exporting orders… %1 of %2"),
                count(done),
                count(total),
            )
        )

    def on_finished(rows: int) -> None:
        dialog.close()
        report(OrderCounts().written(rows, str(path)))

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
