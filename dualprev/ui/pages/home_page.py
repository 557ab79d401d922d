"""首页: the state of the two mechanisms at a glance, from ``database_info``."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.services.info_service import database_info
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.level_bar import LevelBar

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
        layout.addStretch(1)

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
