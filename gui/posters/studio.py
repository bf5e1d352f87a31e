"""The poster studio: choose what a poster is for and its layout, see it, print it or save it.

Everything that reads the shop or draws pages runs in the background; only the printer, which
Qt keeps to the GUI thread, is painted here, from a job prepared in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import fill
from gui.posters.controls import PosterControls
from gui.posters.order import prepare, prepare_print
from gui.posters.render import (
    PosterCancelled,
    PosterJob,
    PosterOutputError,
    page_image,
    print_job,
    write_pdf,
    write_png,
)
from gui.workspace import Workspace
from models.images import PictureCache
from models.profile import Profile
from models.services.posters import (
    KINDS,
    PosterChoice,
    PrintsRecorded,
    manager_poster_choices,
    record_prints,
    sale_event_choices,
)

log = logging.getLogger(__name__)

PREVIEW_WIDTH: Final = 720
PREVIEW_DELAY_MS: Final = 150
LAST_FOLDER: Final = "posters/export_folder"


class PosterStudio(Workspace):
    icon_name = "posters"
    shows = frozenset({"shop", "sale_event", "store_manager", "product"})
    preview_shown = Signal()  # the preview shows the current choice

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, kinds: Sequence[str] = KINDS
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._kinds = tuple(kinds)
        self._pictures = PictureCache.for_profile(profile)
        self._generation = 0
        self._job: PosterJob | None = None
        self._preview: QImage | None = None
        self._busy: tasks.Task[object] | None = None
        self._create_widgets()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Posters")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.controls = PosterControls(self._profile, kinds=self._kinds)
        self.preview = QLabel()
        self.preview.setObjectName("poster_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(160, 160)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setStyleSheet("QLabel#poster_preview { background: palette(mid); }")
        self.pages = QLabel()
        self.pages.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.pages)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.controls)
        layout.addLayout(right, 1)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)

    def _connect_signals(self) -> None:
        self.controls.changed.connect(self._on_controls_changed)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self.controls.print_button.clicked.connect(self._on_print_button_clicked)
        self.controls.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.controls.png_button.clicked.connect(self._on_png_button_clicked)
        self.controls.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    # --- what the main window and the catalogue ask -----------------------------------------

    def refresh(self) -> None:
        """Read the events and managers again."""
        self._pictures.forget_source()
        profile = self._profile
        tasks.run(
            lambda: (sale_event_choices(profile), manager_poster_choices(profile)),
            name="posters.choices",
        ).then(self._on_choices_loaded, self._on_failed)
        self._schedule_preview()

    def show_products(self, product_ids: Sequence[int]) -> PosterStudio:
        """Make posters of these products (the catalogue's "Make posters…"); returns the studio,
        for the window to show it."""
        if self.controls.show_kind("product"):
            self.controls.batch.load_ids(product_ids)
        return self

    def preview_image(self) -> QImage | None:
        return self._preview

    def current_job(self) -> PosterJob | None:
        return self._job

    # --- output -------------------------------------------------------------------------------

    def export_pdf(self, path: Path) -> tasks.Task[object] | None:
        return self._write(path, "pdf")

    def export_png(self, path: Path) -> tasks.Task[object] | None:
        return self._write(path, "png")

    def _write(self, path: Path, kind: str) -> tasks.Task[object] | None:
        order = self.controls.current_order()
        if order is None or self._busy is not None:
            return None
        profile, cache = self._profile, self._pictures

        def work(control: tasks.Control) -> object:
            job = prepare(profile, order)

            def report(done: int, total: int) -> None:
                control.report((done, total))

            size, stop = job.picture_size(), control.cancelled
            with cache.session(size, cancelled=stop) as pictures:
                if kind == "pdf":
                    write_pdf(job, path, pictures=pictures, progress=report, cancelled=stop)
                    written = [path]
                else:
                    written = write_png(
                        job, path, pictures=pictures, progress=report, cancelled=stop
                    )
            recorded = record_prints(profile, job.subjects, job.layout)
            return written, recorded

        task: tasks.Task[object] = tasks.run_controlled(work, name="posters.export")
        self._start_busy(task, self.tr("Drawing the posters…"))
        task.then(self._on_written, self._on_failed)
        return task

    def print_posters(self) -> tasks.Task[object] | None:
        """Prepare the job in the background, then show the print preview with it."""
        order = self.controls.current_order()
        if order is None or self._busy is not None:
            return None
        profile, cache = self._profile, self._pictures
        task: tasks.Task[object] = tasks.run(
            lambda: prepare_print(profile, cache, order), name="posters.print"
        )
        self._start_busy(task, self.tr("Preparing the print…"))
        task.then(self._on_print_prepared, self._on_failed)
        return task

    # --- slots ----------------------------------------------------------------------------

    def _on_controls_changed(self) -> None:
        self._schedule_preview()

    def _on_choices_loaded(self, choices: tuple[list[PosterChoice], list[PosterChoice]]) -> None:
        self.controls.set_choices(*choices)

    def _on_preview_timer_timeout(self) -> None:
        self._generation += 1
        generation = self._generation
        order = self.controls.current_order()
        if order is None:
            self._job = self._preview = None
            self.preview.clear()
            self.preview.setText(self.tr("Choose what the poster is for."))
            self.pages.clear()
            self.controls.enable_output(False)
            self.preview_shown.emit()
            return
        profile, cache = self._profile, self._pictures

        def work() -> tuple[int, PosterJob, QImage]:
            job = prepare(profile, order)
            with cache.session(job.picture_size()) as pictures:
                image = page_image(job, 0, width=PREVIEW_WIDTH, pictures=pictures)
            return generation, job, image

        tasks.run(work, name="posters.preview").then(self._on_preview_drawn, self._on_failed)

    def _on_preview_drawn(self, drawn: tuple[int, PosterJob, QImage]) -> None:
        generation, job, image = drawn
        if generation != self._generation:
            return  # the owner changed the choice meanwhile; a newer preview is on its way
        self._job, self._preview = job, image
        self._show_preview()
        pages = job.pages()
        posters = len(job.subjects)
        self.pages.setText(
            fill(
                self.tr("%1 · %2"),
                self.tr("%Ln poster(s)", "", posters),
                self.tr("%Ln page(s)", "", pages),
            )
        )
        self.controls.enable_output(self._busy is None)
        self.preview_shown.emit()

    def _on_print_button_clicked(self) -> None:
        self.print_posters()

    def _on_pdf_button_clicked(self) -> None:
        path = self._ask_path("pdf", self.tr("PDF document (*.pdf)"))
        if path is not None:
            self.export_pdf(path)

    def _on_png_button_clicked(self) -> None:
        path = self._ask_path("png", self.tr("PNG picture (*.png)"))
        if path is not None:
            self.export_png(path)

    def _on_cancel_button_clicked(self) -> None:
        if self._busy is not None:
            self._busy.cancel()

    def _on_busy_progress(self, value: object) -> None:
        if isinstance(value, tuple):
            self.controls.show_progress(int(value[0]), int(value[1]))

    def _on_busy_done(self) -> None:
        self._busy = None
        self.controls.show_busy(False)
        self.controls.enable_output(self._job is not None)

    def _on_written(self, result: object) -> None:
        assert isinstance(result, tuple)
        written, recorded = result
        assert isinstance(recorded, PrintsRecorded)
        files = written if isinstance(written, list) else []
        where = str(files[0]) if len(files) == 1 else str(Path(files[0]).parent) if files else ""
        self.controls.status.setText(fill(self.tr("Saved to %1."), where))
        self.local_action_done.emit(recorded.changes)

    def _on_print_prepared(self, job: object) -> None:
        assert isinstance(job, PosterJob)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print posters"))
        dialog.paintRequested.connect(lambda target: print_job(job, target))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        copies = max(1, printer.copyCount())
        profile = self._profile
        tasks.run(
            lambda: record_prints(profile, job.subjects, job.layout, copies),
            name="posters.printed",
        ).then(self._on_printed, self._on_failed)

    def _on_printed(self, recorded: PrintsRecorded) -> None:
        self.controls.status.setText(self.tr("Sent to the printer."))
        self.local_action_done.emit(recorded.changes)

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, PosterCancelled):
            self.controls.status.setText(self.tr("Cancelled; no file was written."))
        elif isinstance(error, PosterOutputError):
            self.controls.status.setText(fill(self.tr("The file could not be written: %1"), error))
        else:
            self.controls.status.setText(messages.describe(error))

    # --- helpers --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_preview()

    def _show_preview(self) -> None:
        if self._preview is None:
            return
        size = self.preview.size()
        pixmap = QPixmap.fromImage(self._preview).scaled(
            size.width() - 16,
            size.height() - 16,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def _schedule_preview(self) -> None:
        self._preview_timer.start()

    def _start_busy(self, task: tasks.Task[object], text: str) -> None:
        self._busy = task
        self.controls.status.setText(text)
        self.controls.show_busy(True)
        self.controls.enable_output(False)
        task.progress.connect(self._on_busy_progress)
        task.done.connect(self._on_busy_done)

    def _ask_path(self, suffix: str, pattern: str) -> Path | None:
        settings = QSettings()
        folder = Path(str(settings.value(LAST_FOLDER, str(Path.home()))))
        job = self._job
        name = f"posters-{job.layout if job else 'a4'}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save posters"), str(folder / name), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_suffix(f".{suffix}")
        settings.setValue(LAST_FOLDER, str(path.parent))
        return path
