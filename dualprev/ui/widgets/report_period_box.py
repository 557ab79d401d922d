"""统计期: the period a report covers — a month, a quarter, a year or any range of dates."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from dualprev.reports.ledger_period import QUARTER_NAMES, PeriodKind, ReportPeriod
from dualprev.ui.dialogs.hidden_danger_fields import get_date


class ReportPeriodBox(QGroupBox):
    """Kind, year, month or quarter (or two dates) and the resulting range in words."""

    changed = Signal()
    """The user picked another period (or ``set_period`` was called)."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("统计期"))
        self._today = today
        form = QFormLayout(self)
        now = today()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR, PeriodKind.CUSTOM):
            self.kind_combo.addItem(self.tr(kind.label), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(PeriodKind.YEAR.value))
        form.addRow(self.tr("类型"), self.kind_combo)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(now.year)
        self.year_spin.setSuffix(self.tr(" 年"))
        form.addRow(self.tr("年度"), self.year_spin)
        self.part_combo = QComboBox(self)
        self.part_combo.setObjectName("part_combo")
        self.part_label = QLabel(self.tr("月份"), self)
        form.addRow(self.part_label, self.part_combo)
        self.from_edit = QDateEdit(QDate(now.year, 1, 1), self)
        self.from_edit.setObjectName("from_edit")
        self.to_edit = QDateEdit(QDate(now.year, now.month, now.day), self)
        self.to_edit.setObjectName("to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_label = QLabel(self.tr("起始日期"), self)
        self.to_label = QLabel(self.tr("截止日期"), self)
        form.addRow(self.from_label, self.from_edit)
        form.addRow(self.to_label, self.to_edit)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("range_label")
        self.range_label.setWordWrap(True)
        form.addRow(self.range_label)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (
            self.year_spin.valueChanged,
            self.part_combo.currentIndexChanged,
            self.from_edit.dateChanged,
            self.to_edit.dateChanged,
        ):
            signal.connect(self._on_period_changed)
        self._sync_widgets()
        self._show_range()

    def kind(self) -> PeriodKind:
        return PeriodKind(self.kind_combo.currentData())

    def period(self) -> ReportPeriod:
        """The period the widgets describe (a custom range with its dates swapped into order)."""
        year = self.year_spin.value()
        match self.kind():
            case PeriodKind.MONTH:
                return ReportPeriod.month(year, self.part_combo.currentIndex() + 1)
            case PeriodKind.QUARTER:
                return ReportPeriod.quarter(year, self.part_combo.currentIndex() + 1)
            case PeriodKind.YEAR:
                return ReportPeriod.year(year)
            case _:
                start, end = get_date(self.from_edit), get_date(self.to_edit)
                return ReportPeriod.custom(min(start, end), max(start, end))

    def set_period(self, period: ReportPeriod) -> None:
        """Show ``period`` as if the user had picked it (``changed`` is emitted)."""
        self.show_period(period)
        self.changed.emit()

    def show_period(self, period: ReportPeriod) -> None:
        """Show ``period`` without emitting ``changed``."""
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(period.kind.value))
        self.kind_combo.blockSignals(False)
        self._sync_widgets()
        for widget in (self.year_spin, self.part_combo, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.year_spin.setValue(period.start.year)
        if period.kind is PeriodKind.MONTH:
            self.part_combo.setCurrentIndex(period.start.month - 1)
        elif period.kind is PeriodKind.QUARTER:
            self.part_combo.setCurrentIndex(period.quarter_number - 1)
        self.from_edit.setDate(QDate(period.start.year, period.start.month, period.start.day))
        self.to_edit.setDate(QDate(period.end.year, period.end.month, period.end.day))
        for widget in (self.year_spin, self.part_combo, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self._show_range()

    def _sync_widgets(self) -> None:
        kind = self.kind()
        custom = kind is PeriodKind.CUSTOM
        self.year_spin.setEnabled(not custom)
        for widget in (self.from_edit, self.to_edit, self.from_label, self.to_label):
            widget.setVisible(custom)
        has_part = kind in (PeriodKind.MONTH, PeriodKind.QUARTER)
        self.part_combo.setVisible(has_part)
        self.part_label.setVisible(has_part)
        self.part_combo.blockSignals(True)
        current = self.part_combo.currentIndex()
        self.part_combo.clear()
        today = self._today()
        if kind is PeriodKind.MONTH:
            self.part_label.setText(self.tr("月份"))
            self.part_combo.addItems([self.tr("{m} 月").format(m=m) for m in range(1, 13)])
            self.part_combo.setCurrentIndex(current if 0 <= current < 12 else today.month - 1)
        elif kind is PeriodKind.QUARTER:
            self.part_label.setText(self.tr("季度"))
            self.part_combo.addItems([self.tr(name) for name in QUARTER_NAMES])
            quarter = (today.month - 1) // 3
            self.part_combo.setCurrentIndex(current if 0 <= current < 4 else quarter)
        self.part_combo.blockSignals(False)

    def _on_kind_changed(self) -> None:
        self._sync_widgets()
        self._on_period_changed()

    def _on_period_changed(self) -> None:
        self._show_range()
        self.changed.emit()

    def _show_range(self) -> None:
        period = self.period()
        self.range_label.setText(
            self.tr("{label}：{start} 至 {end}").format(
                label=period.label, start=period.start.isoformat(), end=period.end.isoformat()
            )
        )
