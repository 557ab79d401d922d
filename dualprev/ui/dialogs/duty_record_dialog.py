"""履职记录 editor: a check led (linked to its 排查记录), a drill, a meeting or an investment."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QWidget

from dualprev.domain.duties import DutyRecordKind
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.services.organisation_service import PersonInfo
from dualprev.ui.dialogs.duty_form_dialog import DutyFormDialog
from dualprev.ui.dialogs.hidden_danger_fields import get_funds, set_funds
from dualprev.ui.widgets import combos


class DutyRecordDialog(DutyFormDialog):
    def __init__(
        self, record: DutyRecordInfo | None, people: list[PersonInfo], check_records: list[tuple[str, int]],
        today: date, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__("新增履职记录" if record is None else "编辑履职记录", parent)
        self.setObjectName("duty_record_dialog")
        self._record = record or DutyRecordInfo(DutyRecordKind.CHECK, today, "")
        self._today = today
        r = self._record
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for kind in DutyRecordKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(r.kind.value), 0))
        self.held_on_edit = self.make_date_edit("held_on_edit", r.held_on)
        self.title_edit = QLineEdit(r.title, self)
        self.title_edit.setObjectName("title_edit")
        self.leader_combo = QComboBox(self)
        self.leader_combo.setObjectName("leader_combo")
        combos.fill(self.leader_combo, [(p.name, p.id) for p in people if p.id is not None], r.leader_id)
        self.attendees_edit = QLineEdit(r.attendees, self)
        self.attendees_edit.setObjectName("attendees_edit")
        self.content_edit = QPlainTextEdit(r.content, self)
        self.content_edit.setObjectName("content_edit")
        self.content_edit.setMaximumHeight(110)
        self.amount_spin = QDoubleSpinBox(self)
        self.amount_spin.setObjectName("amount_spin")
        self.amount_spin.setRange(0, 1e9)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setSuffix(" 元")
        set_funds(self.amount_spin, r.amount_fen)
        self.check_combo = QComboBox(self)
        self.check_combo.setObjectName("check_combo")
        combos.fill(self.check_combo, check_records, r.check_record_id)
        self.drill_edit = QLineEdit(r.drill_ref, self)
        self.drill_edit.setObjectName("drill_edit")
        self.drill_edit.setPlaceholderText(self.tr("演练日期和名称（应急演练记录建好后可关联）"))
        self.add_row("类别", self.kind_combo, "kind")
        self.add_row("日期", self.held_on_edit, "held_on")
        self.add_row("主题", self.title_edit, "title")
        self.add_row("带队/主持人", self.leader_combo, "leader_id")
        self.add_row("参加人员", self.attendees_edit, "attendees")
        self.add_row("内容/决定/用途", self.content_edit, "content")
        self.add_row("投入金额", self.amount_spin, "amount_fen")
        self.add_row("关联排查记录", self.check_combo, "check_record_id")
        self.add_row("关联演练", self.drill_edit, "drill_ref")
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def _kind(self) -> DutyRecordKind:
        return DutyRecordKind(self.kind_combo.currentData())

    def _on_kind_changed(self, *_args: object) -> None:
        kind = self._kind()
        self.amount_spin.setEnabled(kind is DutyRecordKind.INVESTMENT)
        self.check_combo.setEnabled(kind is DutyRecordKind.CHECK)
        self.drill_edit.setEnabled(kind is DutyRecordKind.DRILL)

    def value(self) -> DutyRecordInfo:
        kind = self._kind()
        return DutyRecordInfo(
            kind=kind,
            held_on=self.date_of(self.held_on_edit),
            title=self.title_edit.text().strip(),
            leader_id=combos.chosen_id(self.leader_combo),
            attendees=self.attendees_edit.text().strip(),
            content=self.content_edit.toPlainText().strip(),
            amount_fen=get_funds(self.amount_spin) if kind is DutyRecordKind.INVESTMENT else None,
            check_record_id=combos.chosen_id(self.check_combo) if kind is DutyRecordKind.CHECK else None,
            drill_ref=self.drill_edit.text().strip() if kind is DutyRecordKind.DRILL else "",
            id=self._record.id,
        )

    def problem(self) -> tuple[str, str] | None:
        v = self.value()
        if not v.title:
            return "title", self.tr("主题不能为空")
        if v.held_on > self._today:
            return "held_on", self.tr("日期不能晚于今天")
        if v.kind is not DutyRecordKind.INVESTMENT and v.leader_id is None:
            return "leader_id", self.tr("请选择带队（主持）人")
        if v.kind is DutyRecordKind.INVESTMENT and not v.amount_fen:
            return "amount_fen", self.tr("请填写投入金额（元）")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, record: DutyRecordInfo | None, people: list[PersonInfo],
        check_records: list[tuple[str, int]], today: date,
    ) -> DutyRecordInfo | None:  # fmt: skip
        dialog = cls(record, people, check_records, today, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
