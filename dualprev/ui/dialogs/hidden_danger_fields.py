"""Small helpers the hidden-danger dialogs share: dates, money, people and button texts."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialogButtonBox, QDoubleSpinBox, QWidget

from dualprev.services.organisation_service import DepartmentInfo, PersonInfo
from dualprev.ui.widgets import combos


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(to_qdate(value))


def get_date(edit: QDateEdit) -> date:
    return from_qdate(edit.date())


def set_funds(spin: QDoubleSpinBox, fen: int | None) -> None:
    spin.setValue((fen or 0) / 100)


def get_funds(spin: QDoubleSpinBox) -> int:
    """整改资金 in integer fen (the spin box shows 元 with two decimals)."""
    return round(spin.value() * 100)


def person_text(person: PersonInfo, departments: list[DepartmentInfo]) -> str:
    """``王海（冲压一班）`` so two people of the same name can be told apart."""
    dept = next((d.name for d in departments if d.id == person.department_id), "")
    return f"{person.name}（{dept}）" if dept else person.name


def fill_people(
    combo: QComboBox,
    people: list[PersonInfo],
    departments: list[DepartmentInfo],
    current: int | None,
    *,
    exclude: int | None = None,
) -> None:
    """Active people (and ``current`` even if no longer active), ``exclude`` left out."""
    choices = [
        (person_text(p, departments), p.id)
        for p in people
        if p.id is not None and (p.is_active or p.id == current) and p.id != exclude
    ]
    combos.fill(combo, choices, current)


def name_buttons(box: QDialogButtonBox, ok_text: str) -> None:
    """Chinese texts for the standard buttons, whatever the system language."""
    for which, text in (
        (QDialogButtonBox.StandardButton.Ok, ok_text),
        (QDialogButtonBox.StandardButton.Save, ok_text),
        (QDialogButtonBox.StandardButton.Cancel, box.tr("取消")),
    ):
        button = box.button(which)
        if button is not None:
            button.setText(text)


def required(label: QWidget, text: str, is_required: bool) -> None:
    """Mark a form label as required (``*``) or not."""
    label.setProperty("text", f"{text} *" if is_required else text)
