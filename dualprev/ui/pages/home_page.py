"""首页: the state of the two mechanisms at a glance — risk points by level, hidden dangers by status,
整改率 this month, checks due today and overdue, hidden dangers overdue or due within three days,
post risk cards to reprint, the last six months and what happened lately. Every figure and line
is a click away in the filtered list it counts (the target page's own focus method does the
filtering, so this page only knows page keys and what to ask for)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter
from dualprev.domain.risk import RiskLevel
from dualprev.services import dashboard_service, post_card_service, setup_guide
from dualprev.services.changes import Entity
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskScope
from dualprev.services.dashboard_service import ActivityKind, DashboardFigures
from dualprev.services.duties import reminders as duty_reminders
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.info_service import database_info
from dualprev.services.setup_guide import SetupStep
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.ledger_page import LedgerFocus
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.activity_box import ActivityBox
from dualprev.ui.widgets.certificate_reminder_box import CertificateReminderBox
from dualprev.ui.widgets.check_tasks_box import CheckTasksBox
from dualprev.ui.widgets.dashboard_chart import MonthBar, MonthlyChart
from dualprev.ui.widgets.dashboard_tile import DashboardLink, DashboardTile
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR
from dualprev.ui.widgets.deadline_box import DeadlineBox
from dualprev.ui.widgets.duty_reminders_box import DutyRemindersBox
from dualprev.ui.widgets.hidden_danger_style import (
    DUE_SOON_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
)
from dualprev.ui.widgets.level_bar import LevelBar
from dualprev.ui.widgets.reprint_box import ReprintBox
from dualprev.ui.widgets.setup_guide_box import SetupGuideBox

DEADLINE_LIST_LIMIT = 50
TASK_LIST_LIMIT = 30
COUNT_LABELS = (
    ("areas", "区域"),
    ("posts", "岗位"),
    ("risk_points", "风险点"),
    ("hazards", "危险源"),
    ("control_measures", "管控措施"),
    ("hidden_dangers", "隐患"),
    ("check_records", "排查记录"),
)
COUNT_TARGETS = {
    "areas": "enterprise",
    "posts": "post_cards",
    "risk_points": "risk",
    "hazards": "risk",
    "control_measures": "risk",
    "hidden_dangers": "ledger",
    "check_records": "checks",
}


def _swatch(level: RiskLevel) -> QLabel:
    label = QLabel()
    label.setFixedSize(14, 14)
    label.setStyleSheet(f"background: {level.colour.hex}; border: 1px solid #555;")
    return label


class HomePage(Page):
    key = "home"
    title = "首页"
    shows = frozenset(Entity)  # the dashboard summarises everything, recent activity included

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._figures: DashboardFigures | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("home_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        body.setObjectName("home_body")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        head = QHBoxLayout()
        self.enterprise_label = QLabel(body)
        self.enterprise_label.setObjectName("enterprise_label")
        self.enterprise_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        head.addWidget(self.enterprise_label)
        head.addStretch(1)
        self.date_label = QLabel(body)
        self.date_label.setObjectName("date_label")
        head.addWidget(self.date_label)
        layout.addLayout(head)

        self.setup_box = SetupGuideBox(body)
        self.setup_box.step_requested.connect(self.open_setup_step)
        layout.addWidget(self.setup_box)
        layout.addWidget(self._build_counts_box(body))
        first = QHBoxLayout()
        first.addWidget(self._build_risk_box(body), 1)
        first.addWidget(self._build_danger_box(body), 1)
        layout.addLayout(first)
        second = QHBoxLayout()
        self.checks_box = CheckTasksBox(body)
        self.activity_box = ActivityBox(body)
        second.addWidget(self.checks_box, 1)
        second.addWidget(self.activity_box, 1)
        layout.addLayout(second)
        self.deadline_box = DeadlineBox(body)
        layout.addWidget(self.deadline_box)
        self.duty_reminders_box = DutyRemindersBox(body)
        layout.addWidget(self.duty_reminders_box)
        self.duty_reminders_box.open_requested.connect(lambda tab: self._go("duties", "show_tab", tab))
        self.certificate_box = CertificateReminderBox(body)
        layout.addWidget(self.certificate_box)
        third = QHBoxLayout()
        third.addWidget(self._build_trend_box(body), 1)
        self.reprint_box = ReprintBox(body)
        third.addWidget(self.reprint_box, 1)
        layout.addLayout(third)
        layout.addStretch(1)
        self.checks_box.tasks_requested.connect(self.open_checks)
        self.checks_box.records_requested.connect(lambda: self._go("checks", "show_records"))
        self.activity_box.activity_requested.connect(self._on_activity)
        self.deadline_box.open_requested.connect(self.open_ledger)
        self.certificate_box.open_requested.connect(lambda: self._go("work_safety", "show_certificates"))
        self.reprint_box.post_requested.connect(
            lambda post_id: self._go("post_cards", "select_post", post_id)
        )

    # --- building -----------------------------------------------------------------------------------

    def _build_counts_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("基础数据"), body)
        box.setObjectName("counts_box")
        row = QHBoxLayout(box)
        self.count_tiles: dict[str, DashboardTile] = {}
        self.count_labels: dict[str, QLabel] = {}
        for key, text in COUNT_LABELS:
            tile = DashboardTile(f"{key}_count", self.tr(text), box)
            tile.set_clickable(True, self.tr("单击查看"))
            tile.clicked.connect(lambda k=key: self._open_count(k))
            row.addWidget(tile)
            self.count_tiles[key] = tile
            self.count_labels[key] = tile.number_label
        return box

    def _build_risk_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("风险点分级（按危险源现有风险从严从高）"), body)
        box.setObjectName("risk_box")
        layout = QVBoxLayout(box)
        self.level_bar = LevelBar(box)
        layout.addWidget(self.level_bar)
        legend = QHBoxLayout()
        self.level_labels: dict[RiskLevel, DashboardLink] = {}
        for level in RiskLevel:
            legend.addWidget(_swatch(level))
            text = DashboardLink(parent=box)
            text.setObjectName(f"level_{level.colour.key}_label")
            text.setToolTip(self.tr("单击查看{level}的危险源").format(level=level.label))
            text.clicked.connect(lambda lv=level: self.open_risk_level(lv))
            legend.addWidget(text)
            legend.addSpacing(12)
            self.level_labels[level] = text
        self.unevaluated_label = QLabel(box)
        self.unevaluated_label.setObjectName("unevaluated_label")
        legend.addWidget(self.unevaluated_label)
        legend.addStretch(1)
        layout.addLayout(legend)
        layout.addStretch(1)
        return box

    def _build_danger_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("隐患排查治理"), body)
        box.setObjectName("danger_box")
        layout = QVBoxLayout(box)
        grid = QGridLayout()
        self.status_tiles: dict[HiddenDangerStatus, DashboardTile] = {}
        self.status_labels: dict[HiddenDangerStatus, QLabel] = {}
        for column, status in enumerate(HiddenDangerStatus):
            tile = DashboardTile(f"status_{status.value}", status.label, box, size=18)
            tile.set_clickable(True, self.tr("单击在隐患台账中查看“{s}”的隐患").format(s=status.label))
            tile.clicked.connect(lambda st=status: self.open_ledger(LedgerFilter(statuses=(st,))))
            grid.addWidget(tile, 0, column)
            self.status_tiles[status] = tile
            self.status_labels[status] = tile.number_label
        self.rate_tile = DashboardTile("rate", self.tr("本月整改率"), box, size=18)
        self.rate_tile.set_clickable(True, self.tr("单击在隐患台账中查看本月发现的隐患"))
        self.rate_tile.clicked.connect(self._open_this_month)
        grid.addWidget(self.rate_tile, 0, len(HiddenDangerStatus))
        layout.addLayout(grid)
        self.rate_label = QLabel(box)
        self.rate_label.setObjectName("rate_label")
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.rate_label)
        self.overdue_label = DashboardLink(parent=box)
        self.overdue_label.setObjectName("overdue_label")
        self.overdue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overdue_label.clicked.connect(lambda: self.open_ledger(LedgerFilter(overdue_only=True)))
        layout.addWidget(self.overdue_label)
        return box

    def _build_trend_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("近6个月隐患发现与销号"), body)
        box.setObjectName("trend_box")
        layout = QVBoxLayout(box)
        self.trend_chart = MonthlyChart(box)
        self.trend_chart.month_clicked.connect(self._on_month_clicked)
        layout.addWidget(self.trend_chart)
        return box

    # --- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        today = self.ctx.today()
        db = self.ctx.db
        actor = self.ctx.actor()
        loaded = operations.attempt(
            self,
            lambda: (
                check_tasks.generate_tasks(db, today=today, actor=actor),
                database_info(db, today=today),
                dashboard_service.dashboard(db, today=today),
                setup_guide.setup_progress(db),
            ),
        )
        if loaded is FAILED:
            return
        _generated, info, figures, steps = loaded
        self.setup_box.set_steps(steps)
        self._figures = figures
        self.enterprise_label.setText(info.enterprise)
        self.date_label.setText(
            self.tr("今天是 {date}").format(date=f"{today.year}年{today.month}月{today.day}日")
        )
        for key, tile in self.count_tiles.items():
            tile.set_number(str(info.counts.get(key, 0)))
        self.level_bar.set_counts(info.risk_levels)
        for level, label in self.level_labels.items():
            label.setText(f"{level.label} {info.risk_levels.get(level, 0)}")
        self.unevaluated_label.setText(self.tr("未评价 {n}").format(n=info.unevaluated_risk_points))
        self.unevaluated_label.setVisible(info.unevaluated_risk_points > 0)
        for status, tile in self.status_tiles.items():
            n = info.hidden_danger_status.get(status, 0)
            tile.set_number(str(n), STATUS_COLOURS[status] if n else "#222222")
        self._fill_rate(figures)
        overdue = info.overdue_hidden_dangers
        if overdue:
            self.overdue_label.setText(
                self.tr("逾期未整改的隐患：{n} 条，请到“隐患台账”督促整改").format(n=overdue)
            )
            self.overdue_label.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            self.overdue_label.setText(self.tr("没有逾期未整改的隐患"))
            self.overdue_label.setStyleSheet(f"color: {GOOD_COLOUR};")
        self._fill_checks(figures, today)
        self.activity_box.fill(figures.recent)
        self._fill_deadlines()
        self.trend_chart.set_bars([MonthBar(m.label, m.found, m.closed) for m in figures.months])
        self._fill_reprints()
        self._fill_duty_reminders(today)
        self.certificate_box.fill(figures.certificates)

    def _fill_duty_reminders(self, today: date) -> None:
        found = operations.attempt(self, lambda: duty_reminders.reminders(self.ctx.db, today=today))
        if found is not FAILED:
            self.duty_reminders_box.fill(found)

    def _fill_checks(self, figures: DashboardFigures, today: date) -> None:
        self.checks_box.set_counts(figures.tasks, figures.month_checks)
        db = self.ctx.db
        lists = operations.attempt(
            self,
            lambda: (
                check_tasks.list_tasks(db, today=today, scope=TaskScope.OVERDUE, limit=TASK_LIST_LIMIT),
                check_tasks.list_tasks(db, today=today, scope=TaskScope.TODAY, limit=TASK_LIST_LIMIT),
            ),
        )
        if lists is not FAILED:
            self.checks_box.set_tasks(*lists)

    def _fill_reprints(self) -> None:
        needs = operations.attempt(self, lambda: post_card_service.cards_needing_reprint(self.ctx.db))
        if needs is not FAILED:
            self.reprint_box.fill(needs)

    def _fill_rate(self, figures: DashboardFigures) -> None:
        rate = figures.month_rate
        colour = "#222222" if rate is None else (GOOD_COLOUR if rate >= 80 else DUE_SOON_COLOUR)
        self.rate_tile.set_number(figures.month_rate_text, colour)
        if figures.month_found:
            self.rate_label.setText(
                self.tr("本月（{m}月）发现隐患 {f} 条，已整改销号 {c} 条").format(
                    m=figures.month_start.month, f=figures.month_found, c=figures.month_closed
                )
            )
        else:
            self.rate_label.setText(self.tr("本月（{m}月）尚未发现隐患").format(m=figures.month_start.month))

    # --- deadlines ----------------------------------------------------------------------------------

    def _fill_deadlines(self) -> None:
        today = self.ctx.today()
        db = self.ctx.db
        lists = operations.attempt(
            self,
            lambda: (
                hd_ledger.overdue(db, today=today, limit=DEADLINE_LIST_LIMIT),
                hd_ledger.due_soon(db, today=today, limit=DEADLINE_LIST_LIMIT),
            ),
        )
        if lists is not FAILED:
            self.deadline_box.fill(*lists)

    # --- clicks -------------------------------------------------------------------------------------

    def _on_activity(self, kind: ActivityKind, target: int) -> None:
        match kind:
            case ActivityKind.CHECK_RECORD:
                self._go("checks", "show_record", target)
            case ActivityKind.HIDDEN_DANGER:
                self.open_ledger(LedgerFilter(), target)
            case ActivityKind.POST_CARD:
                self._go("post_cards", "select_post", target)

    def _on_month_clicked(self, index: int) -> None:
        if self._figures is None or not 0 <= index < len(self._figures.months):
            return
        month = self._figures.months[index]
        start = date(month.year, month.month, 1)
        end = (date(month.year + month.month // 12, month.month % 12 + 1, 1)) - timedelta(days=1)
        self.open_ledger(LedgerFilter(found_from=start, found_to=end))

    def _open_this_month(self) -> None:
        if self._figures is not None:
            self.open_ledger(LedgerFilter(found_from=self._figures.month_start, found_to=self.ctx.today()))

    def _open_count(self, key: str) -> None:
        target = COUNT_TARGETS[key]
        if target == "ledger":
            self.open_ledger(LedgerFilter())
        elif target == "checks":
            self._go("checks", "show_records")
        else:
            self._go(target)

    # --- going to other pages -----------------------------------------------------------------------

    def _go(self, key: str, focus: str = "", *args: Any) -> Any:
        """Switch to page ``key`` and, when it has one, call its focus method ``focus(*args)``."""
        window = self.window()
        show_page: Callable[[str], Any] | None = getattr(window, "show_page", None)
        if show_page is None:
            return None
        page = show_page(key)
        method = getattr(page, focus, None) if focus else None
        if method is not None:
            method(*args)
        return page

    def open_setup_step(self, step: SetupStep) -> None:
        """Go where a 开始使用 step is done (企业信息's tab for the organisation steps)."""
        if step.tab is not None:
            self._go(step.page, "show_tab", step.tab)
        else:
            self._go(step.page)

    def open_ledger(self, flt: LedgerFilter, select_id: int | None = None) -> None:
        """Switch to the ledger, filtered by ``flt``, with ``select_id`` selected.

        The main window's ``show_page`` switches pages; the ledger page's ``apply_focus`` takes the
        request, so this page only knows the ledger's key and the focus it hands over.
        """
        self._go("ledger", "apply_focus", LedgerFocus(flt, select_id))

    def open_checks(self, scope: TaskScope, task_id: int | None = None) -> None:
        """Switch to 隐患排查, showing the tasks of ``scope`` (``task_id`` selected)."""
        self._go("checks", "show_tasks", scope, task_id)

    def open_risk_level(self, level: RiskLevel) -> None:
        """Switch to 风险辨识评估 showing the hazards of ``level``."""
        self._go("risk", "focus_level", level)
