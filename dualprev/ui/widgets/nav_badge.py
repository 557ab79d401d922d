"""The navigation's live badge: how many phone reports wait in 待审核, on the 手机访问 entry.
Reports sent from phones are committed in the LAN service's thread; the database's commit
announcement reaches the GUI thread as ``data_changed``, so the number follows at once."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget

from dualprev.services.changes import Entity, OpChanges
from dualprev.services.phone import reports
from dualprev.ui.context import AppContext

PHONE_PAGE_KEY = "phone"


class ReportBadge(QObject):
    """Keeps the 手机访问 entry's text as “手机访问（N）” while N reports wait for review."""

    def __init__(self, nav_list: QListWidget, ctx: AppContext) -> None:
        super().__init__(nav_list)
        self._nav = nav_list
        self._ctx = ctx
        self._item = next(
            (
                nav_list.item(row)
                for row in range(nav_list.count())
                if nav_list.item(row).data(Qt.ItemDataRole.UserRole) == PHONE_PAGE_KEY
            ),
            None,
        )
        self._title = self._item.text() if self._item is not None else ""
        ctx.events.data_changed.connect(self._on_data_changed)
        self.update()

    @property
    def count(self) -> int:
        return reports.pending_count(self._ctx.db)

    def update(self) -> None:
        if self._item is None:
            return
        pending = self.count
        self._item.setText(f"{self._title}（{pending}）" if pending else self._title)
        self._item.setForeground(QColor("#C62828") if pending else QColor())

    def _on_data_changed(self, changes: OpChanges) -> None:
        if changes.touches({Entity.PHONE}):
            self.update()
