"""The ledger's detail panel: one hidden danger's fields, photos, remediation plan and timeline, and
a button for each step of the loop. The panel only asks (``action_requested``); the page acts."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerLevel,
    HiddenDangerStatus,
    PhotoStage,
    transition_problem,
)
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.ui.widgets.hidden_danger_style import (
    DUE_SOON_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    badge,
    date_text,
    deadline_text,
    paint_badge,
    paint_level_badge,
)
from dualprev.ui.widgets.hidden_danger_timeline import HiddenDangerTimeline
from dualprev.ui.widgets.photo_strip import PhotoStrip

S = HiddenDangerStatus

ACTIONS: tuple[tuple[str, str], ...] = (
    ("edit", "修改"),
    ("start", "开始整改"),
    ("submit", "整改完成"),
    ("accept", "验收销号"),
    ("reject", "验收不通过"),
    ("plan", "治理方案"),
    ("report", "记录上报"),
    ("evaluate", "治理后评估"),
    ("supervise", "挂牌督办"),
    ("congress", "报告职代会"),
    ("photos", "添加照片"),
    ("void", "作废"),
)
"""Action keys and button texts, in the order of the loop."""

MAJOR_ONLY = {"plan", "report", "evaluate", "supervise", "congress"}

# The fields of the 基本信息 tab: (key, label, spans both columns).
_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("description", "隐患描述", True),
    ("found_on", "排查日期", False),
    ("source", "来源", False),
    ("check_record", "排查记录", False),
    ("check_type", "排查类型", False),
    ("finders", "排查人/报告人", False),
    ("category", "隐患类别", False),
    ("area", "区域", False),
    ("risk_point", "风险点", False),
    ("location", "部位", False),
    ("owner_tier", "分级负责", False),
    ("accident_types", "可能导致的事故类型", True),
    ("basis", "判定依据", True),
    ("measures", "整改措施", True),
    ("department", "整改责任单位", False),
    ("rectifier", "整改责任人", False),
    ("deadline", "整改期限", False),
    ("funds", "整改资金", False),
    ("interim", "临时管控措施", True),
    ("completed_on", "整改完成日期", False),
    ("acceptor", "验收人", False),
    ("accepted_on", "验收日期", False),
    ("conclusion", "验收结论", False),
    ("void_reason", "作废原因", True),
    ("note", "备注", True),
)


def funds_text(fen: int | None) -> str:
    if fen is None:
        return ""
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,} 元" if not cents else f"{fen / 100:,.2f} 元"


def field_values(detail: HiddenDangerDetail) -> dict[str, str]:
    """What the 基本信息 tab shows for each field key."""
    d = detail.draft
    source = d.source.label + (f"（{d.source_detail}）" if d.source_detail else "")
    deadline = date_text(d.deadline)
    if detail.days_left is not None:
        deadline += f"（{deadline_text(detail.days_left)}）"
    return {
        "description": d.description,
        "found_on": date_text(d.found_on),
        "source": source,
        "check_record": detail.check_record_text,
        "check_type": d.check_type.label if d.check_type else "",
        "finders": d.finder_names,
        "category": d.category.label,
        "area": detail.area_name,
        "risk_point": detail.risk_point_name,
        "location": d.location,
        "owner_tier": d.owner_tier.label if d.owner_tier else "",
        "accident_types": "、".join(detail.accident_type_names),
        "basis": d.basis,
        "measures": d.rectification_measures,
        "department": detail.department_name,
        "rectifier": detail.rectifier_name,
        "deadline": deadline,
        "funds": funds_text(d.funds_fen),
        "interim": d.interim_measures,
        "completed_on": date_text(detail.completed_on) + ("（立即整改）" if detail.is_immediate else ""),
        "acceptor": detail.acceptor_name,
        "accepted_on": date_text(detail.accepted_on),
        "conclusion": detail.acceptance_conclusion,
        "void_reason": detail.void_reason,
        "note": d.note,
    }


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text + "：", parent)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    label.setStyleSheet("color: #555555;")
    return label


class HiddenDangerDetailPanel(QWidget):
    """Shows :meth:`set_detail`; emits ``action_requested(key)`` with a key of :data:`ACTIONS`."""

    action_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail_panel")
        self._detail: HiddenDangerDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)

        header = QHBoxLayout()
        self.number_label = QLabel(self)
        self.number_label.setObjectName("number_label")
        self.number_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        header.addWidget(self.number_label)
        self.level_badge = badge(self, "level_badge")
        self.status_badge = badge(self, "status_badge")
        self.deadline_badge = badge(self, "deadline_badge")
        for item in (self.level_badge, self.status_badge, self.deadline_badge):
            header.addWidget(item)
        header.addStretch(1)
        layout.addLayout(header)
        self.reminder_label = QLabel(self)
        self.reminder_label.setObjectName("reminder_label")
        self.reminder_label.setWordWrap(True)
        layout.addWidget(self.reminder_label)

        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text in ACTIONS:
            button = QPushButton(self.tr(text), self)
            button.setObjectName(f"{key}_btn")
            button.clicked.connect(lambda _checked=False, k=key: self.action_requested.emit(k))
            actions.addWidget(button)
            self.action_buttons[key] = button
        actions.addStretch(1)
        layout.addLayout(actions)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("detail_splitter")
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName("detail_tabs")
        self.tabs.addTab(self._build_fields_tab(), self.tr("基本信息"))
        self.tabs.addTab(self._build_photos_tab(), self.tr("照片"))
        self.tabs.addTab(self._build_plan_tab(), self.tr("治理方案"))
        timeline_box = QGroupBox(self.tr("处理记录"), self.splitter)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(4, 4, 4, 4)
        self.timeline = HiddenDangerTimeline(timeline_box)
        timeline_layout.addWidget(self.timeline)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(timeline_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 460])
        layout.addWidget(self.splitter, 1)
        self.set_detail(None)

    # --- building ---------------------------------------------------------------------------------

    def _scrolling(self, body: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _build_fields_tab(self) -> QWidget:
        body = QWidget(self)
        self._fields_grid = QGridLayout(body)
        self._fields_grid.setHorizontalSpacing(8)
        self._fields_grid.setVerticalSpacing(6)
        self._fields_grid.setColumnStretch(1, 1)
        self._fields_grid.setColumnStretch(3, 1)
        self.field_labels: dict[str, QLabel] = {}
        self._field_captions: dict[str, QLabel] = {}
        for key, text, _wide in _FIELDS:
            self._field_captions[key] = _caption(self.tr(text), body)
            value = _value_label(body)
            value.setObjectName(f"{key}_value_label")
            self.field_labels[key] = value
        self._place_fields({key for key, _text, _wide in _FIELDS})
        return self._scrolling(body)

    def _place_fields(self, shown: set[str]) -> None:
        """Lay out the shown fields two to a row (wide ones alone), so no gaps are left by hidden ones."""
        grid = self._fields_grid
        for key, _text, _wide in _FIELDS:
            for widget in (self._field_captions[key], self.field_labels[key]):
                grid.removeWidget(widget)
                widget.setVisible(key in shown)
        row, column = 0, 0
        for key, _text, wide in _FIELDS:
            if key not in shown:
                continue
            if wide and column:
                row, column = row + 1, 0
            grid.addWidget(self._field_captions[key], row, column)
            grid.addWidget(self.field_labels[key], row, column + 1, 1, 3 if wide else 1)
            if wide or column:
                row, column = row + 1, 0
            else:
                column = 2
        for stretch_row in range(grid.rowCount()):
            grid.setRowStretch(stretch_row, 0)
        grid.setRowStretch(row + 1, 1)

    def _build_photos_tab(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.photo_strips: dict[PhotoStage, PhotoStrip] = {}
        self._photo_captions: dict[PhotoStage, QLabel] = {}
        for stage in (PhotoStage.BEFORE, PhotoStage.AFTER, PhotoStage.ACCEPTANCE):
            caption = QLabel(self.tr("{stage}照片").format(stage=stage.label), body)
            caption.setStyleSheet("font-weight: bold;")
            strip = PhotoStrip(body)
            strip.setObjectName(f"{stage.value}_photos")
            layout.addWidget(caption)
            layout.addWidget(strip)
            self.photo_strips[stage] = strip
            self._photo_captions[stage] = caption
        layout.addStretch(1)
        return self._scrolling(body)

    def _build_plan_tab(self) -> QWidget:
        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        self.plan_state_label = QLabel(body)
        self.plan_state_label.setObjectName("plan_state_label")
        self.plan_state_label.setWordWrap(True)
        grid.addWidget(self.plan_state_label, 0, 0, 1, 2)
        self.plan_labels: dict[str, QLabel] = {}
        self._plan_captions: list[QLabel] = []
        items = [*REMEDIATION_PLAN_ITEMS, ("post_evaluation", "治理后评估"), ("report", "上报情况")]
        for row, (key, text) in enumerate(items, start=1):
            caption = _caption(self.tr(text), body)
            value = _value_label(body)
            value.setObjectName(f"plan_{key}_label")
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.plan_labels[key] = value
            self._plan_captions.append(caption)
        grid.setRowStretch(len(items) + 1, 1)
        return self._scrolling(body)

    # --- showing ----------------------------------------------------------------------------------

    def detail(self) -> HiddenDangerDetail | None:
        return self._detail

    def set_detail(self, detail: HiddenDangerDetail | None) -> None:
        self._detail = detail
        self.splitter.setVisible(detail is not None)
        if detail is None:
            self.number_label.setText(self.tr("请在上方台账中选择一条隐患"))
            for item in (self.level_badge, self.status_badge, self.deadline_badge, self.reminder_label):
                item.setVisible(False)
            for button in self.action_buttons.values():
                button.setVisible(True)
                button.setEnabled(False)
                button.setToolTip("")
            self.timeline.set_events([])
            return
        self.number_label.setText(detail.number)
        paint_level_badge(self.level_badge, detail.level)
        paint_badge(self.status_badge, detail.status.label, STATUS_COLOURS[detail.status])
        if detail.is_overdue:
            paint_badge(self.deadline_badge, deadline_text(detail.days_left), OVERDUE_COLOUR)
        elif detail.days_left is not None and detail.days_left <= 3:
            paint_badge(self.deadline_badge, deadline_text(detail.days_left), DUE_SOON_COLOUR)
        else:
            paint_badge(self.deadline_badge, "", "#FFFFFF")
        self._show_reminder(detail)
        self._show_fields(detail)
        for stage, strip in self.photo_strips.items():
            photos = detail.photos_of(stage)
            strip.set_photos(photos)
            visible = stage is not PhotoStage.ACCEPTANCE or bool(photos)
            strip.setVisible(visible)
            self._photo_captions[stage].setVisible(visible)
        self.tabs.setTabText(1, self.tr("照片（{n}）").format(n=len(detail.photos)))
        self._show_plan(detail)
        self.timeline.set_events(detail.events)
        self._update_actions(detail)

    def _show_reminder(self, detail: HiddenDangerDetail) -> None:
        lines: list[str] = []
        if detail.level is HiddenDangerLevel.MAJOR and detail.status is not S.VOID:
            if detail.reported_on is None:
                lines.append(self.tr("重大隐患须及时报告属地负有安全生产监督管理职责的部门，尚未记录上报。"))
            if detail.plan_missing and detail.status.is_open:
                lines.append(
                    self.tr("治理方案（五到位）尚缺：{items}。").format(items="、".join(detail.plan_missing))
                )
            if detail.status is S.AWAITING_ACCEPTANCE and not (detail.plan and detail.plan.post_evaluation):
                lines.append(self.tr("整改已完成，须先进行治理后评估，才能验收销号。"))
        if detail.status is S.VOID:
            lines.append(self.tr("此记录已作废：{reason}").format(reason=detail.void_reason))
        self.reminder_label.setText("\n".join(lines))
        self.reminder_label.setVisible(bool(lines))
        colour = "#757575" if detail.status is S.VOID else OVERDUE_COLOUR
        self.reminder_label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _show_fields(self, detail: HiddenDangerDetail) -> None:
        values = field_values(detail)
        always = {"description", "rectifier", "deadline", "measures", "location"}
        for key, label in self.field_labels.items():
            label.setText(values.get(key, ""))
        # Fields that do not apply (yet) are left out rather than shown with an empty value.
        self._place_fields({key for key in self.field_labels if values.get(key) or key in always})
        self.field_labels["deadline"].setStyleSheet(
            f"color: {OVERDUE_COLOUR}; font-weight: bold;" if detail.is_overdue else ""
        )

    def _show_plan(self, detail: HiddenDangerDetail) -> None:
        major = detail.level is HiddenDangerLevel.MAJOR
        self.tabs.setTabVisible(2, major)
        for caption in self._plan_captions:
            caption.setVisible(major)
        for label in self.plan_labels.values():
            label.setVisible(major)
        if not major:
            return
        plan = detail.plan
        items = plan.items() if plan else {}
        for key, _text in REMEDIATION_PLAN_ITEMS:
            value = items.get(key, "")
            label = self.plan_labels[key]
            label.setText(value or self.tr("（未填写）"))
            label.setStyleSheet("" if value else f"color: {OVERDUE_COLOUR};")
        evaluation = ""
        if plan and plan.post_evaluation:
            evaluation = f"{plan.post_evaluation}（{date_text(plan.post_evaluated_on)}）"
        self.plan_labels["post_evaluation"].setText(evaluation or self.tr("（尚未评估）"))
        report = (
            self.tr("{day} 已报告{to}").format(day=date_text(detail.reported_on), to=detail.reported_to)
            if detail.reported_on
            else self.tr("（尚未记录上报）")
        )
        duties = [report]
        if detail.reported_on and detail.report_method:
            duties[0] += f"（{detail.report_method}" + (
                f"，文号 {detail.report_document_number}）" if detail.report_document_number else "）"
            )
        if detail.supervised_by:
            duties.append(
                self.tr("{by}挂牌督办（{day}）").format(
                    by=detail.supervised_by, day=date_text(detail.supervised_on)
                )
            )
            if detail.closure_approved_on:
                duties.append(self.tr("{day} 批准销号").format(day=date_text(detail.closure_approved_on)))
            elif detail.closure_applied_on:
                duties.append(
                    self.tr("{day} 申请销号，待批准").format(day=date_text(detail.closure_applied_on))
                )
        if detail.congress_reported_on:
            duties.append(self.tr("{day} 已报告职代会").format(day=date_text(detail.congress_reported_on)))
        if detail.draft.standard_item:
            duties.append(self.tr("判定标准条款：{key}").format(key=detail.draft.standard_item))
        self.plan_labels["report"].setText("；".join(duties))
        if detail.plan_missing:
            state = self.tr("治理方案尚缺：{items}").format(items="、".join(detail.plan_missing))
            self.plan_state_label.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            state = self.tr("治理方案五到位（措施、责任、资金、时限、预案）内容齐全。")
            self.plan_state_label.setStyleSheet("color: #2E7D32; font-weight: bold;")
        self.plan_state_label.setText(state)

    def _update_actions(self, detail: HiddenDangerDetail) -> None:
        status, level = detail.status, detail.level
        is_open = status.is_open
        reasons: dict[str, str | None] = {
            "edit": None if is_open else self.tr("隐患{status}，不能再修改").format(status=status.label),
            "start": transition_problem(status, S.RECTIFYING, level)
            if status is S.PENDING
            else self.tr("只有“待整改”的隐患才能开始整改"),
            "submit": None if status is S.RECTIFYING else self.tr("只有“整改中”的隐患才能报请验收"),
            "accept": transition_problem(status, S.CLOSED, level),
            "reject": None if status is S.AWAITING_ACCEPTANCE else self.tr("只有“待验收”的隐患才能验收"),
            "plan": None
            if is_open
            else self.tr("隐患{status}，治理方案不能再修改").format(status=status.label),
            "report": None if status is not S.VOID else self.tr("该隐患已经作废"),
            "supervise": None if status is not S.VOID else self.tr("该隐患已经作废"),
            "congress": None if status is not S.VOID else self.tr("该隐患已经作废"),
            "evaluate": None
            if status is S.AWAITING_ACCEPTANCE
            else self.tr("治理后评估须在整改完成、报请验收之后进行"),
            "photos": None
            if is_open
            else self.tr("隐患{status}，不能再添加照片").format(status=status.label),
            "void": None if is_open else self.tr("隐患{status}，不能作废").format(status=status.label),
        }
        for key, button in self.action_buttons.items():
            button.setVisible(key not in MAJOR_ONLY or level is HiddenDangerLevel.MAJOR)
            reason = reasons.get(key)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
        self.action_buttons["accept"].setStyleSheet(
            "font-weight: bold;" if status is S.AWAITING_ACCEPTANCE else ""
        )

    def visible_actions(self) -> list[str]:
        return [key for key, button in self.action_buttons.items() if not button.isHidden()]

    def enabled_actions(self) -> list[str]:
        return [key for key in self.visible_actions() if self.action_buttons[key].isEnabled()]
