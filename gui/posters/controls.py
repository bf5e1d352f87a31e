"""The studio's left side: what the poster is for, its layout, and the buttons that print it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.posters.batch import ProductBatch
from gui.posters.layouts import LAYOUTS
from gui.posters.order import PosterOrder
from gui.posters.words import POSTER_LANGUAGES, language_name
from models import wire
from models.profile import Profile
from models.services.posters import KINDS, PosterChoice

SHOP, SALE_EVENT, PRODUCT, MANAGER = range(4)


class PosterControls(QWidget):
    changed = Signal()  # the order the controls describe changed

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        kinds: Sequence[str] = KINDS,
    ) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        kind_names = {
            "shop": self.tr("The shop"),
            "sale_event": self.tr("A sale event"),
            "product": self.tr("Products"),
            "manager": self.tr("A store manager's sub-store"),
        }
        for kind in KINDS:
            if kind in kinds:
                self.kind.addItem(kind_names[kind], kind)
        self.shop_note = QLabel(
            self.tr("Customers who scan the shop's code shop in your store and stay bound to it.")
        )
        self.shop_note.setWordWrap(True)
        self.shop_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.events = QComboBox()
        self.events.setPlaceholderText(self.tr("No running or coming sale events"))
        self.managers = QComboBox()
        self.managers.setPlaceholderText(self.tr("No active store managers"))
        self.batch = ProductBatch(profile)
        self.targets = QStackedWidget()
        for page in (self.shop_note, _top(self.events), self.batch, _top(self.managers)):
            self.targets.addWidget(page)
        self.layout_choice = QComboBox()
        for key, paper in LAYOUTS.items():
            self.layout_choice.addItem(paper.name(), key)
        # The customers' language, whatever language the desk is read in: the shop's first.
        self.language = QComboBox()
        for language in POSTER_LANGUAGES:
            self.language.addItem(language_name(language), language)
        self.language.setToolTip(self.tr("The language printed on the posters"))
        self.show_commission = QCheckBox(self.tr("Show my commission (for me only)"))
        self.show_commission.setToolTip(
            self.tr("Never on posters for customers: the line says it is for you only.")
        )
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("poster_status")

        form = QFormLayout()
        form.addRow(self.tr("Poster for"), self.kind)
        form.addRow(self.tr("Layout"), self.layout_choice)
        form.addRow(self.tr("Poster language"), self.language)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.pdf_button, self.png_button):
            buttons.addWidget(button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self.setMinimumWidth(280)
        self.setMaximumWidth(380)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(form)
        side.addWidget(self.targets, 1)
        side.addWidget(self.show_commission)
        side.addLayout(buttons)
        side.addLayout(busy)
        side.addWidget(self.status)
        self.show_busy(False)
        self.enable_output(False)

        self.kind.currentIndexChanged.connect(self._on_kind_current_index_changed)
        for combo in (self.events, self.managers, self.layout_choice, self.language):
            combo.currentIndexChanged.connect(self._on_choice_changed)
        self.batch.changed.connect(self._on_choice_changed)
        self.show_commission.toggled.connect(self._on_choice_changed)

    def current_order(self) -> PosterOrder | None:
        """What the controls ask for; None while they name nothing to print."""
        kind: wire.PosterKind = self.kind.currentData()
        targets: tuple[int, ...] = ()
        if kind == "product":
            targets = tuple(self.batch.chosen_ids())
        elif kind in ("sale_event", "manager"):
            combo = self.events if kind == "sale_event" else self.managers
            if combo.currentIndex() >= 0:
                targets = (int(combo.currentData()),)
        if kind != "shop" and not targets:
            return None
        layout: wire.PosterLayout = self.layout_choice.currentData()
        language = str(self.language.currentData())
        return PosterOrder(kind, targets, layout, self.show_commission.isChecked(), language)

    def set_choices(self, events: list[PosterChoice], managers: list[PosterChoice]) -> None:
        """Fill the event and manager pickers, keeping what was chosen when it is still there."""
        for combo, found in ((self.events, events), (self.managers, managers)):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for choice in found:
                combo.addItem(choice.label, choice.target_id)
            at = combo.findData(kept) if kept is not None else -1
            combo.setCurrentIndex(at if at >= 0 else (0 if found else -1))
            combo.blockSignals(False)
        self.changed.emit()

    def show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def enable_output(self, enabled: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.png_button):
            button.setEnabled(enabled)

    def _on_kind_current_index_changed(self, _index: int) -> None:
        # The stack holds a page for every kind, in KINDS' order, offered or not.
        kind = self.kind.currentData()
        self.targets.setCurrentIndex(KINDS.index(kind) if kind in KINDS else SHOP)
        self.changed.emit()

    def show_kind(self, kind: str) -> bool:
        """Choose the kind of poster; False when it is not one offered here."""
        at = self.kind.findData(kind)
        if at < 0:
            return False
        self.kind.setCurrentIndex(at)
        self.targets.setCurrentIndex(KINDS.index(kind))
        return True

    def _on_choice_changed(self, *_args: object) -> None:
        self.changed.emit()


def _top(widget: QWidget) -> QWidget:
    """``widget`` at the top of a page of the stack, not stretched down it."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    return page
