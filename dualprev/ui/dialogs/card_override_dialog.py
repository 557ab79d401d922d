"""Editor of a post card's texts: each field shows what prints; a field whose text differs from the
computed one is marked 已修改 and can go back to the computed text. Returns the changes, never saves."""

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.post_card import OVERRIDABLE_FIELDS, CardContent, CardField
from dualprev.domain.post_card_overrides import field_text, normalised_override, override_problem
from dualprev.domain.safety_signs import SignLibrary
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.widgets.field_errors import FieldErrors

OVERRIDDEN_STYLE = "background: #FFF4E5;"
MARKER_STYLE = "background: #E46C0A; color: white; border-radius: 3px; padding: 1px 6px; font-size: 12px;"
Changes = dict[CardField, str | None]
"""Field → new override text, or None to go back to the computed text."""


class _FieldEditor:
    """One field's widgets: caption, 已修改 marker, 恢复 button, the editor and its hint."""

    def __init__(
        self, dialog: "CardOverrideDialog", card_field: CardField, computed: str, current: str
    ) -> None:
        self.field = card_field
        self.computed = computed
        self.caption = QLabel(card_field.label, dialog.form)
        self.caption.setObjectName(f"{card_field.value}_caption_label")
        self.caption.setStyleSheet("font-weight: bold;")
        self.marker = QLabel(dialog.tr("已修改"), dialog.form)
        self.marker.setObjectName(f"{card_field.value}_overridden_label")
        self.marker.setStyleSheet(MARKER_STYLE)
        self.marker.setToolTip(dialog.tr("此项使用人工填写的文字，不再随风险清单自动更新"))
        self.restore_btn = QPushButton(dialog.tr("恢复自动内容"), dialog.form)
        self.restore_btn.setObjectName(f"{card_field.value}_restore_btn")
        self.editor: QLineEdit | QPlainTextEdit
        if card_field.multiline:
            editor = QPlainTextEdit(dialog.form)
            editor.setPlainText(current)
            lines = max(3, min(10, current.count("\n") + 2))
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * lines + 14)
            editor.textChanged.connect(self.refresh)
            self.editor = editor
        else:
            line = QLineEdit(dialog.form)
            line.setText(current)
            line.textChanged.connect(self.refresh)
            self.editor = line
        self.editor.setObjectName(f"{card_field.value}_edit")
        self.editor.setToolTip(
            dialog.tr("自动生成的内容：\n{text}").format(text=computed or dialog.tr("（空）"))
        )
        self.hint = QLabel(card_field.hint, dialog.form)
        self.hint.setStyleSheet("color: #666; font-size: 12px;")
        self.hint.setVisible(bool(card_field.hint))
        self.restore_btn.clicked.connect(self.restore)
        self.refresh()

    def text(self) -> str:
        return self.editor.toPlainText() if isinstance(self.editor, QPlainTextEdit) else self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    def is_overridden(self) -> bool:
        return normalised_override(self.field, self.text()) != normalised_override(self.field, self.computed)

    def restore(self) -> None:
        self.set_text(self.computed)

    def refresh(self) -> None:
        overridden = self.is_overridden()
        self.marker.setVisible(overridden)
        self.restore_btn.setEnabled(overridden)
        self.editor.setStyleSheet(OVERRIDDEN_STYLE if overridden else "")


class CardOverrideDialog(GuardedDialog):
    """Edits the texts of one post's card; returns the overrides to set or clear."""

    def __init__(
        self,
        content: CardContent,
        computed: CardContent,
        overrides: Mapping[CardField, str],
        signs: SignLibrary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card_override_dialog")
        self.setWindowTitle(self.tr("编辑告知卡内容 — {post}").format(post=computed.post))
        self.resize(760, 720)
        self._signs = signs
        self._overrides = dict(overrides)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "告知卡的内容由风险辨识评估结果自动生成。在这里改写的文字会一直保留，风险清单变化后重新生成时也不会被覆盖；"
                "标有“已修改”的项目不再随风险清单自动更新，点“恢复自动内容”即可还原。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        level = computed.level.label if computed.level is not None else self.tr("未评价")
        self.level_label = QLabel(
            self.tr("风险等级：{level}（由风险评价结果决定，不能在此修改）").format(level=level), self
        )
        self.level_label.setObjectName("level_label")
        layout.addWidget(self.level_label)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.form = QWidget(scroll)
        grid = QGridLayout(self.form)
        grid.setColumnStretch(1, 1)
        self.editors: dict[CardField, _FieldEditor] = {}
        row = 0
        for card_field in OVERRIDABLE_FIELDS:
            editor = _FieldEditor(
                self, card_field, field_text(computed, card_field), field_text(content, card_field)
            )
            head = QHBoxLayout()
            head.addWidget(editor.caption)
            head.addWidget(editor.marker)
            head.addStretch(1)
            head.addWidget(editor.restore_btn)
            grid.addLayout(head, row, 0, 1, 2)
            grid.addWidget(editor.editor, row + 1, 0, 1, 2)
            grid.addWidget(editor.hint, row + 2, 0, 1, 2)
            row += 3
            self.editors[card_field] = editor
        sign_list = QLabel(
            self.tr("可用的安全警示标志：") + "、".join(s.wording for s in signs.signs), self.form
        )
        sign_list.setWordWrap(True)
        sign_list.setStyleSheet("color: #666; font-size: 12px;")
        grid.addWidget(sign_list, row, 0, 1, 2)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        layout.addWidget(self.error_label)
        self.errors = FieldErrors(self.error_label, {f.value: e.editor for f, e in self.editors.items()})
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.button_box.accepted.connect(self._on_accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

    def editor(self, card_field: CardField) -> _FieldEditor:
        return self.editors[card_field]

    def value(self) -> Changes:
        """Only what changes: new or edited overrides, and overrides to drop."""
        changes: Changes = {}
        for card_field, editor in self.editors.items():
            stored = self._overrides.get(card_field)
            if editor.is_overridden():
                text = normalised_override(card_field, editor.text())
                if text != stored:
                    changes[card_field] = text
            elif stored is not None:
                changes[card_field] = None
        return changes

    def _on_accept(self) -> None:
        problems = [
            (card_field.value, problem)
            for card_field, text in self.value().items()
            if text is not None and (problem := override_problem(card_field, text, self._signs))
        ]
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        content: CardContent,
        computed: CardContent,
        overrides: Mapping[CardField, str],
        signs: SignLibrary,
    ) -> Changes | None:
        """Show the dialog; the changes to save, or None when cancelled."""
        dialog = cls(content, computed, overrides, signs, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
