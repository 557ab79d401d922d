"""Undoable edits of the risk map (QUndoStack commands). Each one writes through the services at
once (so the map is never "unsaved") and can be taken back.

Deleting a zone and undoing that creates it again under a new id; every command about one zone
shares a :class:`ZoneRef`, so later commands in the stack follow the zone to its new id.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from dualprev.domain.risk_map import Point
from dualprev.errors import UserError
from dualprev.services.map_zone_service import ZoneInfo


@dataclass
class ZoneRef:
    """The current id of one zone across delete/undo cycles."""

    id: int


class MapEditor(Protocol):
    """What the commands need from the page: the service calls, and what to do afterwards."""

    def create_zone(self, info: ZoneInfo) -> int: ...

    def update_zone(self, info: ZoneInfo) -> None: ...

    def move_zone(self, zone_id: int, points: tuple[Point, ...], label: Point | None) -> None: ...

    def delete_zone(self, zone_id: int) -> ZoneInfo: ...

    def zone_recreated(self, ref: ZoneRef) -> None: ...

    def map_changed(self, select: int | None) -> None: ...

    def report_error(self, error: UserError) -> None: ...


class _MapCommand(QUndoCommand):
    def __init__(self, editor: MapEditor, text: str) -> None:
        super().__init__(text)
        self.editor = editor

    def _run(self, action: Callable[[], int | None]) -> None:
        """Do ``action``; on a user error (the zone was deleted meanwhile, say) report it and drop
        the command from the stack, since it can no longer be done or undone."""
        try:
            select = action()
        except UserError as error:
            self.setObsolete(True)
            self.editor.report_error(error)
            self.editor.map_changed(None)
            return
        self.editor.map_changed(select)


class AddZoneCommand(_MapCommand):
    def __init__(self, editor: MapEditor, info: ZoneInfo) -> None:
        super().__init__(editor, f"新增区块“{info.name}”")
        self.info = replace(info, id=None)
        self.ref: ZoneRef | None = None

    def redo(self) -> None:
        def create() -> int:
            zone_id = self.editor.create_zone(self.info)
            if self.ref is None:
                self.ref = ZoneRef(zone_id)
            else:
                self.ref.id = zone_id
            self.editor.zone_recreated(self.ref)
            return zone_id

        self._run(create)

    def undo(self) -> None:
        ref = self.ref
        if ref is not None:
            self._run(lambda: self._delete(ref))

    def _delete(self, ref: ZoneRef) -> None:
        # Keep what the zone became (renamed, moved) in case it is re-created by redo.
        self.info = replace(self.editor.delete_zone(ref.id), id=None)


class DeleteZoneCommand(_MapCommand):
    def __init__(self, editor: MapEditor, ref: ZoneRef, name: str) -> None:
        super().__init__(editor, f"删除区块“{name}”")
        self.ref = ref
        self.deleted: ZoneInfo | None = None

    def redo(self) -> None:
        def delete() -> None:
            self.deleted = self.editor.delete_zone(self.ref.id)

        self._run(delete)

    def undo(self) -> None:
        deleted = self.deleted
        if deleted is None:
            return

        def restore() -> int:
            self.ref.id = self.editor.create_zone(replace(deleted, id=None))
            self.editor.zone_recreated(self.ref)
            return self.ref.id

        self._run(restore)


@dataclass(frozen=True)
class ZoneMove:
    ref: ZoneRef
    old_points: tuple[Point, ...]
    new_points: tuple[Point, ...]
    old_label: Point | None
    new_label: Point | None


class MoveZonesCommand(_MapCommand):
    """Zones moved or reshaped, or a label moved, in one drag."""

    def __init__(self, editor: MapEditor, moves: Sequence[ZoneMove], text: str) -> None:
        super().__init__(editor, text)
        self.moves = tuple(moves)

    def _apply(self, new: bool) -> int | None:
        for move in self.moves:
            points = move.new_points if new else move.old_points
            label = move.new_label if new else move.old_label
            self.editor.move_zone(move.ref.id, points, label)
        return self.moves[0].ref.id if len(self.moves) == 1 else None

    def redo(self) -> None:
        self._run(lambda: self._apply(True))

    def undo(self) -> None:
        self._run(lambda: self._apply(False))


class EditZoneCommand(_MapCommand):
    """A zone's properties changed (name, area, linked risk points, counts)."""

    def __init__(self, editor: MapEditor, ref: ZoneRef, old: ZoneInfo, new: ZoneInfo) -> None:
        super().__init__(editor, f"修改区块“{new.name}”")
        self.ref, self.old, self.new = ref, old, new

    def _save(self, info: ZoneInfo) -> int:
        self.editor.update_zone(replace(info, id=self.ref.id))
        return self.ref.id

    def redo(self) -> None:
        self._run(lambda: self._save(self.new))

    def undo(self) -> None:
        self._run(lambda: self._save(self.old))
