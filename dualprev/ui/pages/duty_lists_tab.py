"""责任清单 tab: the lists of every leader role and post, generated from the library, edited,
voided, printed as one post's 签字确认 sheet or as the whole 全员安全生产责任清单."""

from typing import Any

from PySide6.QtWidgets import QWidget

from dualprev.services import organisation_service as org
from dualprev.services.duties import duty_lists, printouts
from dualprev.services.duties.duty_lists import DutyListInfo
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.duty_list_dialog import DutyListDialog
from dualprev.ui.models.duty_table_models import DutyListTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages import duty_tab
from dualprev.ui.pages.duty_tab import DutyTab


class DutyListsTab(DutyTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DutyListTableModel(), "duty_lists", [
            ("fill_btn", "从职责库生成"), ("add_btn", "新增清单"), ("edit_btn", "编辑"), ("void_btn", "作废"),
            ("sheet_btn", "打印签字确认表"), ("print_all_btn", "打印全员责任清单"),
        ], parent)  # fmt: skip
        b = self.buttons
        b["fill_btn"].clicked.connect(self._on_fill)
        b["add_btn"].clicked.connect(lambda: self._edit(None))
        b["edit_btn"].clicked.connect(self.edit_selected)
        b["void_btn"].clicked.connect(self._on_void)
        b["sheet_btn"].clicked.connect(self._on_sheet)
        b["print_all_btn"].clicked.connect(self._on_print_all)
        self._on_selection()

    def needs_selection(self) -> tuple[str, ...]:
        return ("edit_btn", "void_btn", "sheet_btn")

    def reload(self) -> None:
        lists = operations.attempt(self, lambda: duty_lists.list_duty_lists(self.ctx.db))
        if lists is FAILED:
            return
        self.model.set_records(lists)
        live = [d for d in lists if not d.is_void]
        self.notice_label.setText(
            self.tr("共 {n} 份有效责任清单（领导岗位 {r} 份，岗位 {p} 份）。").format(
                n=len(live), r=sum(1 for d in live if d.role), p=sum(1 for d in live if d.post_id)
            )
            if live
            else self.tr("还没有责任清单：单击“从职责库生成”，为每个领导岗位和岗位生成清单后再修改。")
        )

    def detail(self, record: Any) -> str:
        lines = [
            f"{n}. {i.text}" + (f"（{i.source}）" if i.source else "") for n, i in enumerate(record.items, 1)
        ]
        if record.is_void:
            lines.insert(0, f"已作废：{record.void_reason}")
        return "\n".join(lines)

    def _edit(self, current: DutyListInfo | None) -> None:
        posts = operations.attempt(self, lambda: org.list_posts(self.ctx.db))
        if posts is FAILED:
            return
        edited = DutyListDialog.edit(self, current, posts)
        if edited is not None:
            self.write(lambda: duty_lists.save_duty_list(self.ctx.db, edited, actor=self.ctx.actor()))

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and not record.is_void:
            self._edit(record)

    def _on_fill(self) -> None:
        created = operations.write(
            self, self.ctx.events, lambda: duty_lists.fill_from_library(self.ctx.db, actor=self.ctx.actor())
        )
        if created is not FAILED:
            messages.show_info(self, self.tr("已生成 {n} 份责任清单。").format(n=created))

    def _on_void(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason = duty_tab.ask_void_reason(self, record.title)
        if reason is not None:
            self.write(
                lambda: duty_lists.void_duty_list(self.ctx.db, record.id, reason, actor=self.ctx.actor())
            )

    def _on_sheet(self) -> None:
        record = self.selected()
        if record is None:
            return
        self.print_pdf(
            lambda path, fmt: printouts.export_duties(self.ctx.db, path, fmt, today=self.ctx.today(),
                                                      list_ids=(record.id,)),
            self.tr("安全生产责任清单签字确认表"), f"责任清单签字确认表_{record.title}.pdf",
        )  # fmt: skip

    def _on_print_all(self) -> None:
        self.print_pdf(
            lambda path, fmt: printouts.export_duties(self.ctx.db, path, fmt, today=self.ctx.today()),
            self.tr("全员安全生产责任清单"), "全员安全生产责任清单.pdf",
        )  # fmt: skip
