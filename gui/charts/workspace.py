"""The charts workspace: choose a chart, a range, a bucket size (by default the range's own)
and a comparison; read the range's totals beside the period before and the year before, exact
values under the pointer; save the picture or the figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from collections.abc import Callable
from pathlib import Path

from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QDate, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.charts.breakdown_plots import BreakdownChart, GrowthChart
from gui.charts.labels import granularity_label, source_label, store_label
from gui.charts.plots import TimeChart
from gui.charts.request import (
    CHART_KINDS,
    COMPARISONS,
    GRANULARITY_CHOICES,
    PRESETS,
    ChartData,
    ChartKind,
    ChartRequest,
    load_chart,
)
from gui.charts.sales_plots import CommissionChart, SalesChart
from gui.charts.totals import totals_text
from gui.formatting import fill
from gui.workspace import Workspace
from models.profile import Profile
from models.services.sales_charts import Breakdown, GrowthSeries, SalesSeries
from models.services.sales_totals import preset_range

log = logging.getLogger(__name__)

LAST_FOLDER = "charts/last_folder"


def python_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ChartsWorkspace(Workspace):
    icon_name = "charts"
    shows = frozenset(
        {
            "order",
            "order_item",
            "customer",
            "customer_binding",
            "store_manager",
            "traffic_allocation",
        }
    )
    loaded = Signal()  # a chart (or the empty state) is on screen with fresh data

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = today
        self._generation = 0
        self.shown: ChartData | None = None
        self._create_widgets()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Sales charts")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.kinds = QTabBar()
        self.kinds.setExpanding(False)
        kind_names = {
            "sales": self.tr("Sales and orders"),
            "category": self.tr("By category"),
            "store": self.tr("By store"),
            "growth": self.tr("Customer growth"),
            "commission": self.tr("Commission"),
        }
        for kind in CHART_KINDS:
            self.kinds.addTab(kind_names[kind])
        self.presets = QComboBox()
        preset_names = {
            "30_days": self.tr("Last 30 days"),
            "90_days": self.tr("Last 90 days"),
            "this_month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "12_months": self.tr("Last 12 months"),
            "all": self.tr("All time"),
            "custom": self.tr("Custom dates"),
        }
        for preset in PRESETS:
            self.presets.addItem(preset_names[preset], preset)
        self.presets.setToolTip(self.tr("Range"))
        self.first_day = QDateEdit()
        self.last_day = QDateEdit()
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.granularities = QComboBox()
        for granularity in GRANULARITY_CHOICES:
            self.granularities.addItem(granularity_label(granularity), granularity)
        self.granularities.setToolTip(self.tr("Bucket size"))
        self.comparisons = QComboBox()
        comparison_names = {
            "none": self.tr("No comparison"),
            "previous": self.tr("Compare with the period before"),
            "year_before": self.tr("Compare with a year before"),
        }
        for comparison in COMPARISONS:
            self.comparisons.addItem(comparison_names[comparison], comparison)
        self.comparisons.setToolTip(
            self.tr("Draw the sales of the period before, or of a year before, over the bars")
        )
        self.totals = QLabel()
        self.totals.setObjectName("chartTotals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setWordWrap(True)
        self.save_png = QAction(self.tr("Save picture…"), self)
        self.save_csv = QAction(self.tr("Save data as CSV…"), self)
        save_menu = QMenu(self)
        save_menu.addAction(self.save_png)
        save_menu.addAction(self.save_csv)
        self.save = QPushButton(self.tr("Save"))
        self.save.setMenu(save_menu)
        self.readout = QLabel(self.tr("Point at the chart to read exact figures."))
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setObjectName("chartReadout")
        # A long readout is cut at the window's edge instead of widening the window.
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.charts: dict[ChartKind, TimeChart] = {
            "sales": SalesChart(),
            "category": BreakdownChart(
                lambda s: s.key, in_money=True, axis_label=self.tr("Sales (¥)")
            ),
            "store": BreakdownChart(store_label, in_money=True, axis_label=self.tr("Sales (¥)")),
            "growth": GrowthChart(lambda s: source_label(s.key)),
            "commission": CommissionChart(),
        }
        self.chart_stack = QStackedWidget()
        for kind in CHART_KINDS:
            self.chart_stack.addWidget(self.charts[kind])
        self.empty = QLabel(
            self.tr("No sales yet. Charts appear here once the first orders are paid.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.chart_stack)
        self.pages.addWidget(self.empty)

        bar = QHBoxLayout()
        bar.addWidget(self.presets)
        bar.addWidget(self.first_day)
        bar.addWidget(QLabel("–"))
        bar.addWidget(self.last_day)
        bar.addWidget(self.granularities)
        bar.addWidget(self.comparisons)
        bar.addStretch(1)
        bar.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kinds)
        layout.addLayout(bar)
        layout.addWidget(self.totals)
        layout.addWidget(self.readout)
        layout.addWidget(self.pages, 1)
        self._show_dates(*self._preset_range())

    def _connect_signals(self) -> None:
        self.kinds.currentChanged.connect(self._on_kinds_current_changed)
        self.presets.currentIndexChanged.connect(self._on_presets_changed)
        self.granularities.currentIndexChanged.connect(self._on_granularities_changed)
        self.comparisons.currentIndexChanged.connect(self._on_comparisons_changed)
        self.first_day.dateChanged.connect(self._on_dates_changed)
        self.last_day.dateChanged.connect(self._on_dates_changed)
        self.save_png.triggered.connect(self._on_save_png_triggered)
        self.save_csv.triggered.connect(self._on_save_csv_triggered)
        for chart in self.charts.values():
            chart.hovered.connect(self.readout.setText)

    # --- state ----------------------------------------------------------------------------

    def current_kind(self) -> ChartKind:
        return CHART_KINDS[max(0, self.kinds.currentIndex())]

    def current_chart(self) -> TimeChart:
        return self.charts[self.current_kind()]

    def current_request(self) -> ChartRequest:
        return ChartRequest(
            kind=self.current_kind(),
            preset=self.presets.currentData(),
            granularity=self.granularities.currentData(),
            today=self._today(),
            first=python_date(self.first_day.date()),
            last=python_date(self.last_day.date()),
            comparison=self.comparisons.currentData(),
        )

    def _preset_range(self) -> tuple[dt.date, dt.date]:
        return preset_range("30_days", self._today(), None)

    def _show_dates(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first_day, first), (self.last_day, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the rollups again, e.g. after a sync."""
        self._load()

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation
        profile, request = self._profile, self.current_request()
        tasks.run(lambda: load_chart(profile, request), name="charts.load").then(
            lambda data: self._on_chart_loaded(generation, data), self._on_chart_failed
        )

    def _on_chart_loaded(self, generation: int, data: ChartData) -> None:
        if generation != self._generation:
            return  # the owner asked for something else meanwhile
        self.shown = data
        self._show_dates(data.first, data.last)
        self.chart_stack.setCurrentWidget(self.charts[data.request.kind])
        has_data = data.series is not None
        self.pages.setCurrentWidget(self.chart_stack if has_data else self.empty)
        self.save.setEnabled(has_data)
        self.save_png.setEnabled(has_data)
        self.save_csv.setEnabled(has_data)
        self.readout.setText(self.tr("Point at the chart to read exact figures."))
        granularity = data.granularity
        auto = self.granularities.findData("auto")
        self.granularities.setItemText(
            auto,
            fill(self.tr("%1 (%2)"), granularity_label("auto"), granularity_label(granularity)),
        )
        self.totals.setText(totals_text(data.totals) if data.totals is not None else "")
        self.totals.setVisible(data.totals is not None)
        chart = self.charts[data.request.kind]
        series = data.series
        if isinstance(series, SalesSeries):
            assert isinstance(chart, SalesChart | CommissionChart)
            chart.show_series(series, granularity, data.compared, data.request.comparison)
        elif isinstance(series, GrowthSeries):
            assert isinstance(chart, GrowthChart)
            chart.show_series(series.times, series.series, granularity, series.unfinished)
            chart.show_releases(series.releases)
        elif isinstance(series, Breakdown):
            assert isinstance(chart, BreakdownChart)
            chart.show_series(series.times, series.series, granularity, series.unfinished)
        self.loaded.emit()

    def _on_chart_failed(self, error: Exception) -> None:
        log.warning("charts could not be read: %s", error)
        self.readout.setText(messages.describe(error))

    # --- slots ----------------------------------------------------------------------------

    def _on_kinds_current_changed(self, _index: int) -> None:
        self._load()

    def _on_presets_changed(self, _index: int) -> None:
        self._load()

    def _on_granularities_changed(self, _index: int) -> None:
        self._load()

    def _on_comparisons_changed(self, _index: int) -> None:
        self._load()

    def _on_dates_changed(self, _date: QDate) -> None:
        custom = PRESETS.index("custom")
        if self.presets.currentIndex() != custom:
            self.presets.blockSignals(True)
            self.presets.setCurrentIndex(custom)
            self.presets.blockSignals(False)
        self._load()

    def _on_save_png_triggered(self) -> None:
        path = self._ask_path("png", self.tr("PNG picture (*.png)"))
        if path is not None:
            self.save_picture(path)

    def _on_save_csv_triggered(self) -> None:
        path = self._ask_path("csv", self.tr("CSV file (*.csv)"))
        if path is not None:
            self.save_data(path)

    # --- saving ---------------------------------------------------------------------------

    def save_picture(self, path: Path) -> None:
        if not ImageExporter(self.current_chart().scene()).export(str(path)):
            self.readout.setText(fill(self.tr("The file could not be saved: %1"), path))

    def save_data(self, path: Path) -> None:
        """The chart's figures as CSV, UTF-8 with a BOM so that Excel reads the Chinese."""
        header, rows = self.current_chart().table()
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        try:
            path.write_text(out.getvalue(), encoding="utf-8-sig", newline="")
        except OSError as exc:
            self.readout.setText(fill(self.tr("The file could not be saved: %1"), exc.strerror))

    def _ask_path(self, suffix: str, pattern: str) -> Path | None:
        settings = QSettings()
        folder = Path(str(settings.value(LAST_FOLDER, str(Path.home()))))
        name = f"{self.current_kind()}-{self._today().isoformat()}.{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), str(folder / name), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_suffix(f".{suffix}")
        settings.setValue(LAST_FOLDER, str(path.parent))
        return path
