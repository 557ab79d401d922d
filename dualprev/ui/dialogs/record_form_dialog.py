"""A data-entry form built from a list of fields, for the simple records of 特种作业与应急 (certificates,
permits, confined spaces, plans, drills, and the small steps 批准/关闭/作废). It returns the values
typed, checked by the domain rules the caller hands in; it never saves."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.widgets.field_errors import FieldErrors

Problems = Iterable[tuple[str, str]]


class FieldKind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    OPTIONAL_DATE = "optional_date"  # typed as YYYY-MM-DD, empty for none
    CHOICE = "choice"
    CHECK = "check"
    NUMBER = "number"


@dataclass(frozen=True)
class FormField:
    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    choices: tuple[tuple[str, Any], ...] = ()
    placeholder: str = ""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RecordFormDialog(GuardedDialog):
    def __init__(
        self,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, Any],
        check: Callable[[dict[str, Any]], Problems] | None,
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("record_form_dialog")
        self.setMinimumWidth(520)
        self._fields = list(fields)
        self._check = check
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro, self)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        form = QFormLayout()
        layout.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        for f in self._fields:
            widget = self._make(f, values.get(f.key))
            widget.setObjectName(f"{f.key}_edit")
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        layout.addWidget(self.error_label)
        # Domain rules name a reference without its _id (worker for worker_id): both lead to the widget.
        aliases = {key.removesuffix("_id"): widget for key, widget in self.widgets.items()}
        self.errors = FieldErrors(self.error_label, {**aliases, **self.widgets})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _make(self, f: FormField, value: Any) -> QWidget:
        match f.kind:
            case FieldKind.LONG_TEXT:
                text = QPlainTextEdit(self)
                text.setPlainText(str(value or ""))
                text.setPlaceholderText(f.placeholder)
                text.setFixedHeight(64)
                return text
            case FieldKind.DATE:
                edit = QDateEdit(self)
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setDate(_qdate(value or date.today()))
                return edit
            case FieldKind.CHOICE:
                combo = QComboBox(self)
                for label, data in f.choices:
                    combo.addItem(label, data)
                index = next((i for i, (_l, d) in enumerate(f.choices) if d == value), 0)
                combo.setCurrentIndex(index)
                return combo
            case FieldKind.CHECK:
                check = QCheckBox(f.placeholder, self)
                check.setChecked(bool(value))
                return check
            case FieldKind.NUMBER:
                spin = QSpinBox(self)
                spin.setRange(0, 100000)
                spin.setValue(int(value or 0))
                return spin
            case FieldKind.OPTIONAL_DATE:
                line = QLineEdit(value.isoformat() if isinstance(value, date) else "", self)
                line.setPlaceholderText(f.placeholder or "YYYY-MM-DD，可空")
                return line
        line = QLineEdit(str(value or ""), self)
        line.setPlaceholderText(f.placeholder)
        return line

    def values(self) -> dict[str, Any]:
        """What the form holds; an optional date that is not a date is left as its text."""
        out: dict[str, Any] = {}
        for f in self._fields:
            widget = self.widgets[f.key]
            if isinstance(widget, QPlainTextEdit):
                out[f.key] = widget.toPlainText().strip()
            elif isinstance(widget, QDateEdit):
                out[f.key] = widget.date().toPython()
            elif isinstance(widget, QComboBox):
                out[f.key] = widget.currentData()
            elif isinstance(widget, QCheckBox):
                out[f.key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                out[f.key] = widget.value()
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                if f.kind is FieldKind.OPTIONAL_DATE:
                    out[f.key] = _parse_day(text)
                else:
                    out[f.key] = text
        return out

    def _on_accept(self) -> None:
        values = self.values()
        problems = [
            (f.key, f"{f.label}不是有效日期（格式 2026-01-31）")
            for f in self._fields
            if f.kind is FieldKind.OPTIONAL_DATE and isinstance(values[f.key], str)
        ]
        if not problems and self._check is not None:
            problems = list(self._check(values))
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, Any] | None = None,
        check: Callable[[dict[str, Any]], Problems] | None = None,
        intro: str = "",
    ) -> dict[str, Any] | None:
        """Show the form; the values entered, or None when cancelled."""
        dialog = cls(title, fields, values or {}, check, parent, intro)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _parse_day(text: str) -> date | str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text
