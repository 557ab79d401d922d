"""首页: the state of the two mechanisms at a glance, from ``database_info``, and the hidden dangers
that need attention now — overdue, or due within three days — each a click away in the ledger."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import DUE_SOON_DAYS, HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.errors import UserError
from dualprev.services import hidden_danger_service as hs
from dualprev.services.hidden_danger_service import LedgerFilter, LedgerResult, LedgerRow
from dualprev.services.info_service import database_info
from dualprev.ui import messages
from dualprev.ui.context import AppContext
from dualprev.ui.pages.ledger_page import LedgerFocus
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.hidden_danger_style import DUE_SOON_COLOUR, OVERDUE_COLOUR, deadline_text
from dualprev.ui.widgets.level_bar import LevelBar

DEADLINE_LIST_LIMIT = 50
DEADLINE_COLUMNS = ("隐患编号", "隐患描述", "整改期限", "逾期/剩余", "整改责任人")
ID_ROLE = Qt.ItemDataRole.UserRole + 1

COUNT_LABELS = (
    ("areas", "区域"),
    ("posts", "岗位"),
    ("risk_points", "风险点"),
    ("hazards", "危险源"),
    ("control_measures", "管控措施"),
    ("hidden_dangers", "隐患"),
    ("check_records", "排查记录"),
)


def _swatch(level: RiskLevel) -> QLabel:
    label = QLabel()
    label.setFixedSize(14, 14)
    label.setStyleSheet(f"background: {level.colour.hex}; border: 1px solid #555;")
    return label


class HomePage(Page):
    key = "home"
    title = "首页"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.enterprise_label = QLabel(self)
        self.enterprise_label.setObjectName("enterprise_label")
        self.enterprise_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(self.enterprise_label)
        self.date_label = QLabel(self)
        self.date_label.setObjectName("date_label")
        layout.addWidget(self.date_label)

        counts_box = QGroupBox(self.tr("基础数据"), self)
        counts_layout = QHBoxLayout(counts_box)
        self.count_labels: dict[str, QLabel] = {}
        for key, text in COUNT_LABELS:
            card = QFrame(counts_box)
            card.setFrameShape(QFrame.Shape.StyledPanel)
            card_layout = QVBoxLayout(card)
            number = QLabel("0", card)
            number.setObjectName(f"{key}_count_label")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setStyleSheet("font-size: 22px; font-weight: bold;")
            caption = QLabel(self.tr(text), card)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card_layout.addWidget(number)
            card_layout.addWidget(caption)
            counts_layout.addWidget(card)
            self.count_labels[key] = number
        layout.addWidget(counts_box)

        risk_box = QGroupBox(self.tr("风险点分级（按危险源现有风险从严从高）"), self)
        risk_layout = QVBoxLayout(risk_box)
        self.level_bar = LevelBar(risk_box)
        risk_layout.addWidget(self.level_bar)
        legend = QHBoxLayout()
        self.level_labels: dict[RiskLevel, QLabel] = {}
        for level in RiskLevel:
            legend.addWidget(_swatch(level))
            text = QLabel(risk_box)
            text.setObjectName(f"level_{level.colour.key}_label")
            legend.addWidget(text)
            legend.addSpacing(16)
            self.level_labels[level] = text
        self.unevaluated_label = QLabel(risk_box)
        self.unevaluated_label.setObjectName("unevaluated_label")
        legend.addWidget(self.unevaluated_label)
        legend.addStretch(1)
        risk_layout.addLayout(legend)
        layout.addWidget(risk_box)

        danger_box = QGroupBox(self.tr("隐患排查治理"), self)
        danger_layout = QGridLayout(danger_box)
        self.status_labels: dict[HiddenDangerStatus, QLabel] = {}
        for column, status in enumerate(HiddenDangerStatus):
            number = QLabel("0", danger_box)
            number.setObjectName(f"status_{status.value}_label")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setStyleSheet("font-size: 18px; font-weight: bold;")
            caption = QLabel(status.label, danger_box)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            danger_layout.addWidget(number, 0, column)
            danger_layout.addWidget(caption, 1, column)
            self.status_labels[status] = number
        self.overdue_label = QLabel(danger_box)
        self.overdue_label.setObjectName("overdue_label")
        self.overdue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        danger_layout.addWidget(self.overdue_label, 2, 0, 1, len(HiddenDangerStatus))
        layout.addWidget(danger_box)
        layout.addWidget(self._build_deadlines_box(), 1)

    def _build_deadlines_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("整改期限提醒"), self)
        box.setObjectName("deadlines_box")
        row = QHBoxLayout(box)
        self.overdue_tree, self.overdue_title_label, self.all_overdue_btn = self._deadline_column(
            box, row, "overdue", self.tr("查看全部逾期")
        )
        self.due_soon_tree, self.due_soon_title_label, self.all_due_soon_btn = self._deadline_column(
            box, row, "due_soon", self.tr("查看全部临期")
        )
        self.all_overdue_btn.clicked.connect(lambda: self.open_ledger(LedgerFilter(overdue_only=True)))
        self.all_due_soon_btn.clicked.connect(
            lambda: self.open_ledger(LedgerFilter(due_within_days=DUE_SOON_DAYS))
        )
        self.overdue_tree.itemActivated.connect(self._on_overdue_item)
        self.overdue_tree.itemClicked.connect(self._on_overdue_item)
        self.due_soon_tree.itemActivated.connect(self._on_due_soon_item)
        self.due_soon_tree.itemClicked.connect(self._on_due_soon_item)
        return box

    def _deadline_column(
        self, box: QGroupBox, row: QHBoxLayout, key: str, button_text: str
    ) -> tuple[QTreeWidget, QLabel, QPushButton]:
        column = QVBoxLayout()
        head = QHBoxLayout()
        title = QLabel(box)
        title.setObjectName(f"{key}_title_label")
        title.setStyleSheet("font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        button = QPushButton(button_text, box)
        button.setObjectName(f"all_{key}_btn")
        head.addWidget(button)
        column.addLayout(head)
        tree = QTreeWidget(box)
        tree.setObjectName(f"{key}_tree")
        tree.setRootIsDecorated(False)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setMinimumHeight(120)
        tree.setHeaderLabels([self.tr(text) for text in DEADLINE_COLUMNS])
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tree.setCursor(Qt.CursorShape.PointingHandCursor)
        tree.setToolTip(self.tr("单击在隐患台账中查看"))
        column.addWidget(tree)
        row.addLayout(column, 1)
        return tree, title, button

    def reload(self) -> None:
        today = self.ctx.today()
        info = database_info(self.ctx.db, today=today)
        self.enterprise_label.setText(info.enterprise)
        self.date_label.setText(
            self.tr("今天是 {date}").format(date=f"{today.year}年{today.month}月{today.day}日")
        )
        for key, label in self.count_labels.items():
            label.setText(str(info.counts.get(key, 0)))
        self.level_bar.set_counts(info.risk_levels)
        for level, label in self.level_labels.items():
            label.setText(f"{level.label} {info.risk_levels.get(level, 0)}")
        self.unevaluated_label.setText(self.tr("未评价 {n}").format(n=info.unevaluated_risk_points))
        self.unevaluated_label.setVisible(info.unevaluated_risk_points > 0)
        for status, label in self.status_labels.items():
            label.setText(str(info.hidden_danger_status.get(status, 0)))
        overdue = info.overdue_hidden_dangers
        if overdue:
            self.overdue_label.setText(
                self.tr("逾期未整改的隐患：{n} 条，请到“隐患台账”督促整改").format(n=overdue)
            )
            self.overdue_label.setStyleSheet("color: #C00000; font-weight: bold;")
        else:
            self.overdue_label.setText(self.tr("没有逾期未整改的隐患"))
            self.overdue_label.setStyleSheet("color: #2E7D32;")
        self._fill_deadlines()

    # --- deadlines ----------------------------------------------------------------------------------

    def _fill_deadlines(self) -> None:
        today = self.ctx.today()
        try:
            overdue = hs.overdue(self.ctx.db, today=today, limit=DEADLINE_LIST_LIMIT)
            due = hs.due_soon(self.ctx.db, today=today, limit=DEADLINE_LIST_LIMIT)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        self.overdue_title_label.setText(self.tr("已逾期未整改：{n} 条").format(n=overdue.total))
        self.overdue_title_label.setStyleSheet(
            f"font-weight: bold; color: {OVERDUE_COLOUR};" if overdue.total else "font-weight: bold;"
        )
        self.due_soon_title_label.setText(
            self.tr("{days}日内到期：{n} 条").format(days=DUE_SOON_DAYS, n=due.total)
        )
        self._fill_list(self.overdue_tree, overdue, self.tr("没有逾期未整改的隐患"), OVERDUE_COLOUR)
        self._fill_list(
            self.due_soon_tree,
            due,
            self.tr("近{days}日没有到期的隐患").format(days=DUE_SOON_DAYS),
            DUE_SOON_COLOUR,
        )
        self.all_overdue_btn.setEnabled(overdue.total > 0)
        self.all_due_soon_btn.setEnabled(due.total > 0)

    def _fill_list(self, tree: QTreeWidget, result: LedgerResult, empty: str, colour: str) -> None:
        tree.clear()
        for row in result.rows:
            item = QTreeWidgetItem(tree, self.deadline_item_texts(row))
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(1, row.description)
            item.setForeground(3, QBrush(QColor(colour)))
            if row.level is HiddenDangerLevel.MAJOR:
                item.setForeground(1, QBrush(QColor(OVERDUE_COLOUR)))
        if result.total > len(result.rows):
            more = QTreeWidgetItem(
                tree, ["", self.tr("……另有 {n} 条，请点“查看全部”").format(n=result.total - len(result.rows))]
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if not result.rows:
            none = QTreeWidgetItem(tree, ["", empty])
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            none.setForeground(1, QBrush(QColor("#2E7D32")))

    @staticmethod
    def deadline_item_texts(row: LedgerRow) -> list[str]:
        """编号, 描述 (重大隐患 marked), 整改期限, 逾期/剩余, 整改责任人 — one list row."""
        description = " ".join(row.description.split())
        level = "【重大】" if row.level is HiddenDangerLevel.MAJOR else ""
        deadline = row.deadline.isoformat() if row.deadline else ""
        return [row.number, level + description, deadline, deadline_text(row.days_left), row.rectifier_name]

    def _on_overdue_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open_item(item, LedgerFilter(overdue_only=True))

    def _on_due_soon_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open_item(item, LedgerFilter(due_within_days=DUE_SOON_DAYS))

    def _open_item(self, item: QTreeWidgetItem, flt: LedgerFilter) -> None:
        hidden_danger_id = item.data(0, ID_ROLE)
        if isinstance(hidden_danger_id, int):
            self.open_ledger(flt, hidden_danger_id)

    def open_ledger(self, flt: LedgerFilter, select_id: int | None = None) -> None:
        """Switch to the ledger, filtered by ``flt``, with ``select_id`` selected.

        The main window's ``show_page`` switches pages; the ledger page's ``apply_focus`` takes the
        request, so this page only knows the ledger's key and the focus it hands over.
        """
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is None:
            return
        page = show_page("ledger")
        apply_focus = getattr(page, "apply_focus", None)
        if apply_focus is not None:
            apply_focus(LedgerFocus(flt, select_id))
