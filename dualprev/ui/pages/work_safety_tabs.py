"""What the tabs of 特种作业与应急 share: a button bar over one table, the selected record, the
reason asked before 作废, and the forms' choices (people, kinds)."""

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from dualprev.services import organisation_service as org
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.record_form_dialog import FieldKind, FormField, RecordFormDialog
from dualprev.ui.models.record_table_model import RecordTableModel
from dualprev.ui.pages.check_tab import CheckTab
from dualprev.ui.widgets.record_list_panel import make_table_view, select_record, selected_record

NO_PERSON = "（无）"


def enum_choices(enum_cls: type[StrEnum]) -> tuple[tuple[str, Any], ...]:
    return tuple((getattr(member, "label"), member) for member in enum_cls)  # noqa: B009 - every enum has label


def people_choices(ctx: AppContext, *, allow_none: bool = False) -> tuple[tuple[str, Any], ...]:
    people = tuple((p.name, p.id) for p in org.list_people(ctx.db) if p.is_active and p.id is not None)
    return ((NO_PERSON, None), *people) if allow_none else people


class RecordTab(CheckTab):
    """A table of one kind of record with its buttons; ``load`` reads it from the services."""

    def __init__(
        self,
        ctx: AppContext,
        model: RecordTableModel[Any],
        name: str,
        loader: Callable[[], list[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.model = model
        self._loader = loader
        layout = QVBoxLayout(self)
        self.bar = QHBoxLayout()
        layout.addLayout(self.bar)
        self.table: QTableView = make_table_view(model, name, self)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._needs_selection: list[QPushButton] = []

    def add_button(
        self, name: str, text: str, handler: Callable[[], Any], *, needs_selection: bool
    ) -> QPushButton:
        button = self.button(self.bar, name, text, handler)
        if needs_selection:
            self._needs_selection.append(button)
        return button

    def load(self) -> None:
        selected = self.selected()
        self.model.set_records(self._loader())
        kept = selected is not None and select_record(self.table, self.model, selected.id)
        if not kept and self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Any:
        return selected_record(self.table)

    def select(self, record_id: int) -> None:
        select_record(self.table, self.model, record_id)

    def _update_buttons(self, *_args: object) -> None:
        record = self.selected()
        for button in self._needs_selection:
            button.setEnabled(record is not None and self.may(button, record))

    def may(self, button: QPushButton, record: Any) -> bool:
        """Whether ``button`` applies to ``record`` (a tab narrows it, e.g. 批准 only when issued)."""
        return not getattr(record, "is_void", False)

    def edit_record(self, record: Any) -> None:
        """The form of ``record`` (None: a new one); a tab with 编辑… overrides it."""
        raise NotImplementedError(type(self).__name__)

    def on_edit(self) -> None:
        """编辑… and a double click: the selected record's form; a voided record stays as it is."""
        record = self.selected()
        if record is not None and not getattr(record, "is_void", False):
            self.edit_record(record)

    def void_selected(
        self, what: str, void: Callable[[int, str], object], done: Callable[[Any], str] = lambda _r: ""
    ) -> None:
        """作废…: ask the reason, then ``void(record id, reason)``; ``done`` names what was voided."""
        record = self.selected()
        reason = self.ask_void_reason(what) if record else None
        if record and reason:
            self.write(lambda: void(record.id, reason), done(record))

    def ask_void_reason(self, what: str) -> str | None:
        values = RecordFormDialog.ask(
            self,
            self.tr("作废{what}").format(what=what),
            [
                FormField(
                    "reason", self.tr("作废原因"), FieldKind.LONG_TEXT, placeholder=self.tr("如：录入错误")
                )
            ],
            check=lambda v: [] if v["reason"] else [("reason", "请填写作废原因")],
            intro=self.tr("作废后记录仍保留（标为“已作废”），不能恢复。"),
        )
        return None if values is None else str(values["reason"])
