"""Filling combo boxes with (text, id) choices and reading the chosen id back."""

from collections.abc import Collection, Iterable

from PySide6.QtWidgets import QComboBox

from dualprev.services.organisation_service import DepartmentInfo

NONE_TEXT = "（无）"


def fill(
    combo: QComboBox, choices: Iterable[tuple[str, int]], current: int | None, *, allow_none: bool = True
) -> None:
    """Replace the items with ``choices``; ``current`` (an id) is selected when present."""
    combo.clear()
    if allow_none:
        combo.addItem(NONE_TEXT, None)
    for text, item_id in choices:
        combo.addItem(text, item_id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))


def chosen_id(combo: QComboBox) -> int | None:
    value = combo.currentData()
    return value if isinstance(value, int) else None


def department_choices(
    departments: list[DepartmentInfo], *, exclude: Collection[int] = ()
) -> list[tuple[str, int]]:
    """Departments in tree order, indented by depth, with their kind (部门/车间/班组)."""
    children: dict[int | None, list[DepartmentInfo]] = {}
    known = {d.id for d in departments}
    for dept in departments:
        parent = dept.parent_id if dept.parent_id in known else None
        children.setdefault(parent, []).append(dept)
    result: list[tuple[str, int]] = []

    def walk(parent: int | None, depth: int) -> None:
        for dept in children.get(parent, []):
            if dept.id is None or dept.id in exclude:
                continue
            result.append((f"{'　' * depth}{dept.name}（{dept.kind.label}）", dept.id))
            walk(dept.id, depth + 1)

    walk(None, 0)
    return result


def descendants_of(departments: list[DepartmentInfo], dept_id: int) -> set[int]:
    """``dept_id`` and every department below it."""
    found = {dept_id}
    changed = True
    while changed:
        changed = False
        for dept in departments:
            if dept.id is not None and dept.parent_id in found and dept.id not in found:
                found.add(dept.id)
                changed = True
    return found
