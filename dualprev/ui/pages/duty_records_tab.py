"""履职记录 tab: checks the principal led, drills, safety meetings and safety investment, with
which required records are overdue or still due."""

from typing import Any

from PySide6.QtWidgets import QWidget

from dualprev.domain.duties import DueState
from dualprev.services import organisation_service as org
from dualprev.services.duties import duty_records, printouts
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.duty_record_dialog import DutyRecordDialog
from dualprev.ui.models.duty_table_models import DutyRecordTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages import duty_tab
from dualprev.ui.pages.duty_tab import DutyTab
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR

OVERDUE_COLOUR = "#C00000"


class DutyRecordsTab(DutyTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DutyRecordTableModel(), "duty_records", [
            ("add_btn", "新增履职记录"), ("edit_btn", "编辑"), ("void_btn", "作废"), ("print_btn", "打印履职记录"),
        ], parent)  # fmt: skip
        b = self.buttons
        b["add_btn"].clicked.connect(lambda: self._edit(None))
        b["edit_btn"].clicked.connect(self.edit_selected)
        b["void_btn"].clicked.connect(self._on_void)
        b["print_btn"].clicked.connect(self._on_print)
        self._on_selection()

    def needs_selection(self) -> tuple[str, ...]:
        return ("edit_btn", "void_btn")

    def reload(self) -> None:
        today = self.ctx.today()
        loaded = operations.attempt(
            self,
            lambda: (
                duty_records.list_duty_records(self.ctx.db),
                duty_records.duty_status(self.ctx.db, today=today),
            ),
        )
        if loaded is FAILED:
            return
        records, status = loaded
        self.model.set_records(records)
        overdue = status.of_state(DueState.OVERDUE)
        due = status.of_state(DueState.DUE)
        parts = (
            [self.tr("逾期未完成：") + "、".join(f"{p.label}{p.kind.label}" for p in overdue)]
            if overdue
            else []
        )
        if due:
            parts.append(self.tr("本期待完成：") + "、".join(f"{p.label}{p.kind.label}" for p in due))
        done = len(status.of_state(DueState.DONE))
        parts.append(self.tr("近一年已完成 {n} 项").format(n=done))
        self.notice_label.setText("；".join(parts))
        colour = OVERDUE_COLOUR if overdue else GOOD_COLOUR
        self.notice_label.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if overdue else ""))

    def detail(self, record: Any) -> str:
        r: DutyRecordInfo = record
        lines = [f"{r.held_on.isoformat()} {r.kind.label}：{r.title}", f"带队/主持人：{r.leader_name}",
                 f"参加人员：{r.attendees}", f"内容：{r.content}"]  # fmt: skip
        if r.check_record_text:
            lines.append(f"关联排查记录：{r.check_record_text}")
        if r.drill_ref:
            lines.append(f"关联演练：{r.drill_ref}")
        if r.void_reason:
            lines.insert(0, f"已作废：{r.void_reason}")
        return "\n".join(lines)

    def _edit(self, current: DutyRecordInfo | None) -> None:
        db = self.ctx.db
        loaded = operations.attempt(
            self, lambda: (org.list_people(db, include_inactive=False), duty_records.check_record_choices(db))
        )
        if loaded is FAILED:
            return
        people, checks = loaded
        today = self.ctx.today()
        edited = DutyRecordDialog.edit(self, current, people, checks, today)
        if edited is not None:
            self.write(lambda: duty_records.save_duty_record(db, edited, actor=self.ctx.actor(), today=today))

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and not record.is_void:
            self._edit(record)

    def _on_void(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason = duty_tab.ask_void_reason(self, record.title)
        if reason is not None:
            self.write(
                lambda: duty_records.void_duty_record(self.ctx.db, record.id, reason, actor=self.ctx.actor())
            )

    def _on_print(self) -> None:
        self.print_pdf(
            lambda path, fmt: printouts.export_duty_records(self.ctx.db, path, fmt, today=self.ctx.today()),
            self.tr("主要负责人及领导履职记录"), "领导履职记录.pdf",
        )  # fmt: skip
