"""The 隐患台账 filter bar: status scope, level, source, department, place, the found-on period and
keywords, turned into a ``LedgerFilter`` (the database does the filtering)."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import (
    DUE_SOON_DAYS,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
)
from dualprev.domain.ledger import LedgerFilter
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.ui.dialogs.hidden_danger_fields import from_qdate, to_qdate
from dualprev.ui.widgets import combos

S = HiddenDangerStatus
KEYWORD_DELAY_MS = 300

SCOPES: tuple[tuple[str, str], ...] = (
    ("all", "全部状态"),
    ("open", "未销号"),
    ("overdue", "逾期未整改"),
    ("due_soon", f"{DUE_SOON_DAYS}日内到期"),
    (S.PENDING.value, S.PENDING.label),
    (S.RECTIFYING.value, S.RECTIFYING.label),
    (S.AWAITING_ACCEPTANCE.value, S.AWAITING_ACCEPTANCE.label),
    (S.CLOSED.value, S.CLOSED.label),
    (S.VOID.value, S.VOID.label),
)
"""The status filter: derived scopes first (what a safety manager looks for), then each status."""


def scope_filter(scope: str) -> LedgerFilter:
    """The status part of the filter for a scope key of :data:`SCOPES`."""
    match scope:
        case "open":
            return LedgerFilter(statuses=tuple(s for s in S if s.is_open))
        case "overdue":
            return LedgerFilter(overdue_only=True)
        case "due_soon":
            return LedgerFilter(due_within_days=DUE_SOON_DAYS)
        case "all":
            return LedgerFilter()
    return LedgerFilter(statuses=(S(scope),))


def scope_of(flt: LedgerFilter) -> str:
    """The scope key that shows ``flt``'s status part (``all`` when none matches exactly)."""
    for key, _text in SCOPES:
        wanted = scope_filter(key)
        if (wanted.statuses, wanted.overdue_only, wanted.due_within_days) == (
            flt.statuses,
            flt.overdue_only,
            flt.due_within_days,
        ):
            return key
    return "all"


class LedgerFilterBar(QWidget):
    """Two rows of filters (and the page's 登记隐患 button at the end of the first)."""

    changed = Signal()
    """The user changed a filter (keywords: once typing pauses)."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        # Typing in the keyword box queries once the user pauses, not at every keystroke.
        self._keyword_timer = QTimer(self)
        self._keyword_timer.setSingleShot(True)
        self._keyword_timer.setInterval(KEYWORD_DELAY_MS)
        self._keyword_timer.timeout.connect(self.changed)
        bar = QVBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scope_combo")
        for key, text in SCOPES:
            self.scope_combo.addItem(self.tr(text), key)
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level_combo")
        self.level_combo.addItem(self.tr("全部级别"), "")
        for level in HiddenDangerLevel:
            self.level_combo.addItem(level.label, level.value)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("source_combo")
        self.source_combo.addItem(self.tr("全部来源"), "")
        for source in HiddenDangerSource:
            self.source_combo.addItem(source.label, source.value)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        self.department_combo.setMinimumContentsLength(10)
        self.place_combo = QComboBox(self)
        self.place_combo.setObjectName("place_combo")
        self.place_combo.setMinimumContentsLength(14)
        self._combos = (
            self.scope_combo,
            self.level_combo,
            self.source_combo,
            self.department_combo,
            self.place_combo,
        )
        for caption, combo in zip(
            (
                self.tr("状态"),
                self.tr("级别"),
                self.tr("来源"),
                self.tr("整改责任单位"),
                self.tr("区域/风险点"),
            ),
            self._combos,
            strict=True,
        ):
            first.addWidget(QLabel(caption, self))
            first.addWidget(combo)
            first.addSpacing(6)
        first.addStretch(1)
        self.register_btn = QPushButton(self.tr("登记隐患"), self)
        self.register_btn.setObjectName("register_btn")
        self.register_btn.setStyleSheet("font-weight: bold;")
        first.addWidget(self.register_btn)

        self.date_check = QCheckBox(self.tr("排查日期"), self)
        self.date_check.setObjectName("date_check")
        self.from_date_edit = QDateEdit(self)
        self.from_date_edit.setObjectName("from_date_edit")
        self.to_date_edit = QDateEdit(self)
        self.to_date_edit.setObjectName("to_date_edit")
        for edit in (self.from_date_edit, self.to_date_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.keyword_edit = QLineEdit(self)
        self.keyword_edit.setObjectName("keyword_edit")
        self.keyword_edit.setPlaceholderText(self.tr("关键词：编号、描述、部位、责任人…（多个词用空格分开）"))
        self.keyword_edit.setClearButtonEnabled(True)
        self.clear_filters_btn = QPushButton(self.tr("清除筛选"), self)
        self.clear_filters_btn.setObjectName("clear_filters_btn")
        second.addWidget(self.date_check)
        second.addWidget(self.from_date_edit)
        second.addWidget(QLabel(self.tr("至"), self))
        second.addWidget(self.to_date_edit)
        second.addSpacing(12)
        second.addWidget(self.keyword_edit, 1)
        second.addWidget(self.clear_filters_btn)
        bar.addLayout(first)
        bar.addLayout(second)

        for combo in self._combos:
            combo.currentIndexChanged.connect(self.changed)
        self.date_check.toggled.connect(self._on_date_check_toggled)
        self.from_date_edit.dateChanged.connect(self.changed)
        self.to_date_edit.dateChanged.connect(self.changed)
        self.keyword_edit.textChanged.connect(self._keyword_timer.start)

    def fill_choices(self, choices: hd_choices.HiddenDangerChoices) -> None:
        """The departments, areas and risk points to filter by (keeping what is chosen)."""
        for combo in (self.department_combo, self.place_combo):
            combo.blockSignals(True)
        current_dept = self.department_combo.currentData()
        combos.fill(self.department_combo, combos.department_choices(choices.departments), current_dept)
        self.department_combo.setItemText(0, self.tr("全部单位"))
        current_place = self.place_combo.currentData()
        self.place_combo.clear()
        self.place_combo.addItem(self.tr("全部区域"), "")
        for area in choices.areas:
            self.place_combo.addItem(area.name, f"area:{area.id}")
            for point in choices.risk_points:
                if point.area_id == area.id:
                    self.place_combo.addItem(f"　{point.name}", f"rp:{point.id}")
        known = {a.id for a in choices.areas}
        for point in choices.risk_points:
            if point.area_id not in known:
                self.place_combo.addItem(
                    self.tr("（无区域）{name}").format(name=point.name), f"rp:{point.id}"
                )
        self.place_combo.setCurrentIndex(max(self.place_combo.findData(current_place or ""), 0))
        if not self.date_check.isChecked():
            today = self._today()
            self.from_date_edit.setDate(to_qdate(date(today.year, 1, 1)))
            self.to_date_edit.setDate(to_qdate(today))
        for combo in (self.department_combo, self.place_combo):
            combo.blockSignals(False)

    def current_filter(self) -> LedgerFilter:
        """The filter the widgets describe."""
        base = scope_filter(self.scope_combo.currentData() or "all")
        level = self.level_combo.currentData()
        source = self.source_combo.currentData()
        place = self.place_combo.currentData() or ""
        kind, _sep, place_id = place.partition(":")
        dated = self.date_check.isChecked()
        return LedgerFilter(
            statuses=base.statuses,
            overdue_only=base.overdue_only,
            due_within_days=base.due_within_days,
            levels=(HiddenDangerLevel(level),) if level else (),
            department_id=combos.chosen_id(self.department_combo),
            area_id=int(place_id) if kind == "area" else None,
            risk_point_id=int(place_id) if kind == "rp" else None,
            source=HiddenDangerSource(source) if source else None,
            found_from=from_qdate(self.from_date_edit.date()) if dated else None,
            found_to=from_qdate(self.to_date_edit.date()) if dated else None,
            keyword=self.keyword_edit.text().strip(),
        )

    def clear(self) -> None:
        """Back to no filter at all (without announcing ``changed``)."""
        widgets = (*self._combos, self.date_check, self.keyword_edit)
        for widget in widgets:
            widget.blockSignals(True)
        for combo in self._combos:
            combo.setCurrentIndex(0)
        self.date_check.setChecked(False)
        self.from_date_edit.setEnabled(False)
        self.to_date_edit.setEnabled(False)
        self.keyword_edit.clear()
        for widget in widgets:
            widget.blockSignals(False)

    def show_filter(self, flt: LedgerFilter) -> None:
        """Set the widgets to show ``flt`` (without announcing ``changed``); call after ``clear``."""
        for widget in self._combos:
            widget.blockSignals(True)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(scope_of(flt)), 0))
        if len(flt.levels) == 1:
            self.level_combo.setCurrentIndex(max(self.level_combo.findData(flt.levels[0].value), 0))
        if flt.source is not None:
            self.source_combo.setCurrentIndex(max(self.source_combo.findData(flt.source.value), 0))
        if flt.department_id is not None:
            self.department_combo.setCurrentIndex(max(self.department_combo.findData(flt.department_id), 0))
        place = (
            f"rp:{flt.risk_point_id}" if flt.risk_point_id else f"area:{flt.area_id}" if flt.area_id else ""
        )
        self.place_combo.setCurrentIndex(max(self.place_combo.findData(place), 0))
        for widget in self._combos:
            widget.blockSignals(False)
        self._show_dates(flt.found_from, flt.found_to)
        self.keyword_edit.blockSignals(True)
        self.keyword_edit.setText(flt.keyword)
        self.keyword_edit.blockSignals(False)

    def _show_dates(self, found_from: date | None, found_to: date | None) -> None:
        """Tick 排查日期 and show the asked period; an open end shows as the widest the edits allow."""
        if found_from is None and found_to is None:
            return
        edits = (self.date_check, self.from_date_edit, self.to_date_edit)
        for widget in edits:
            widget.blockSignals(True)
        start = to_qdate(found_from) if found_from is not None else self.from_date_edit.minimumDate()
        # Nothing is found in the future, so "up to today" is as open as no end at all.
        today = self._today()
        end = found_to if found_to is not None else max(today, found_from or today)
        self.from_date_edit.setDate(start)
        self.to_date_edit.setDate(to_qdate(end))
        self.date_check.setChecked(True)
        self.from_date_edit.setEnabled(True)
        self.to_date_edit.setEnabled(True)
        for widget in edits:
            widget.blockSignals(False)

    def _on_date_check_toggled(self, checked: bool) -> None:
        self.from_date_edit.setEnabled(checked)
        self.to_date_edit.setEnabled(checked)
        self.changed.emit()
