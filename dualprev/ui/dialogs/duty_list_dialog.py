"""责任清单 editor: whose list it is (a leader role or a post) and its duties, one a line, each
optionally followed by ``｜`` and where it comes from."""

from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from dualprev.domain.duties import LeaderRole
from dualprev.services.duties.duty_lists import DutyLine, DutyListInfo, library_lines, post_lines
from dualprev.services.organisation_service import PostInfo
from dualprev.ui.dialogs.duty_form_dialog import DutyFormDialog
from dualprev.ui.widgets import combos

SOURCE_MARK = "｜"
POST_SUBJECT = "post"


def lines_text(items: tuple[DutyLine, ...]) -> str:
    return "\n".join(f"{i.text}{SOURCE_MARK}{i.source}" if i.source else i.text for i in items)


def parse_lines(text: str) -> tuple[DutyLine, ...]:
    found: list[DutyLine] = []
    for raw in text.splitlines():
        duty, _mark, source = raw.partition(SOURCE_MARK)
        if duty.strip():
            found.append(DutyLine(duty.strip(), source.strip()))
    return tuple(found)


class DutyListDialog(DutyFormDialog):
    def __init__(
        self, duty_list: DutyListInfo | None, posts: list[PostInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__("新增责任清单" if duty_list is None else "编辑责任清单", parent)
        self.setObjectName("duty_list_dialog")
        self.resize(760, 560)
        self._list = duty_list or DutyListInfo(title="", role=LeaderRole.PRINCIPAL)
        self._posts = {p.id: p.name for p in posts if p.id is not None}
        self.title_edit = QLineEdit(self._list.title, self)
        self.title_edit.setObjectName("title_edit")
        self.subject_combo = QComboBox(self)
        self.subject_combo.setObjectName("subject_combo")
        for role in LeaderRole:
            self.subject_combo.addItem(role.label, role.value)
        self.subject_combo.addItem(self.tr("岗位"), POST_SUBJECT)
        current = self._list.role.value if self._list.role is not None else POST_SUBJECT
        self.subject_combo.setCurrentIndex(max(self.subject_combo.findData(current), 0))
        self.post_combo = QComboBox(self)
        self.post_combo.setObjectName("post_combo")
        combos.fill(self.post_combo, [(name, pid) for pid, name in self._posts.items()], self._list.post_id)
        self.items_edit = QPlainTextEdit(lines_text(self._list.items), self)
        self.items_edit.setObjectName("items_edit")
        self.items_edit.setPlaceholderText(
            self.tr("每行一条职责；可在“｜”后写依据，如：…｜安全生产法第二十一条")
        )
        self.library_btn = QPushButton(self.tr("按职责库填入"), self)
        self.library_btn.setObjectName("library_btn")
        self.add_row("清单名称", self.title_edit, "title")
        self.add_row("类别", self.subject_combo, "role")
        self.add_row("岗位", self.post_combo, "post_id")
        self.add_row("安全生产职责", self.items_edit, "items")
        self.add_row("", self.library_btn)
        self.subject_combo.currentIndexChanged.connect(self._on_subject_changed)
        self.library_btn.clicked.connect(self._on_library)
        self._on_subject_changed()

    def _role(self) -> LeaderRole | None:
        value = self.subject_combo.currentData()
        return None if value == POST_SUBJECT else LeaderRole(value)

    def _on_subject_changed(self, *_args: object) -> None:
        self.post_combo.setEnabled(self._role() is None)

    def _on_library(self) -> None:
        role = self._role()
        post_id = combos.chosen_id(self.post_combo)
        if role is not None:
            lines = library_lines(role)
        else:
            lines = post_lines(self._posts.get(post_id, "") if post_id else "本")
        self.items_edit.setPlainText(lines_text(lines))
        if not self.title_edit.text().strip():
            self.title_edit.setText(role.label if role else f"{self._posts.get(post_id or 0, '')}岗位")

    def value(self) -> DutyListInfo:
        role = self._role()
        return DutyListInfo(
            title=self.title_edit.text().strip(),
            role=role,
            post_id=None if role is not None else combos.chosen_id(self.post_combo),
            items=parse_lines(self.items_edit.toPlainText()),
            sort_order=self._list.sort_order,
            id=self._list.id,
        )

    def problem(self) -> tuple[str, str] | None:
        v = self.value()
        if not v.title:
            return "title", self.tr("清单名称不能为空")
        if v.role is None and v.post_id is None:
            return "post_id", self.tr("请选择岗位")
        if not v.items:
            return "items", self.tr("责任清单至少要有一条职责")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, duty_list: DutyListInfo | None, posts: list[PostInfo]
    ) -> DutyListInfo | None:
        dialog = cls(duty_list, posts, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
