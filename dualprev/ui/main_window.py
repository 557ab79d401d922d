"""The main window: navigation on the left, one page at a time on the right, DB path below."""

from PySide6.QtCore import QSize, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from dualprev import APP_DISPLAY_NAME
from dualprev.services import organisation_service
from dualprev.services.database_lock import DatabaseLock
from dualprev.ui.context import AppContext
from dualprev.ui.events import ChangeSet
from dualprev.ui.pages.backup_page import BackupPage
from dualprev.ui.pages.check_page import CheckPage
from dualprev.ui.pages.enterprise_page import EnterprisePage
from dualprev.ui.pages.home_page import HomePage
from dualprev.ui.pages.ledger_page import LedgerPage
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.post_card_page import PostCardPage
from dualprev.ui.pages.report_page import ReportPage
from dualprev.ui.pages.risk_map_page import RiskMapPage
from dualprev.ui.pages.risk_page import RiskPage
from dualprev.ui.pages.settings_page import SettingsPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    HomePage,
    EnterprisePage,
    RiskPage,
    PostCardPage,
    RiskMapPage,
    CheckPage,
    LedgerPage,
    ReportPage,
    BackupPage,
    SettingsPage,
)

NAV_STYLE = """
QListWidget#nav_list { background: #F3F5F8; border: none; outline: 0; border-right: 1px solid #D0D5DD; font-size: 15px; }
QListWidget#nav_list::item { padding: 9px 14px; }
QListWidget#nav_list::item:selected { background: #0070C0; color: white; }
"""


class MainWindow(QMainWindow):
    """Owns the pages; holds the database lock until :meth:`shutdown`."""

    def __init__(
        self, ctx: AppContext, lock: DatabaseLock | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.ctx = ctx
        self._lock = lock
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav_list = QListWidget(central)
        self.nav_list.setObjectName("nav_list")
        self.nav_list.setStyleSheet(NAV_STYLE)
        self.nav_list.setFixedWidth(150)
        self.nav_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages_stack = QStackedWidget(central)
        self.pages_stack.setObjectName("pages_stack")
        layout.addWidget(self.nav_list)
        layout.addWidget(self.pages_stack, 1)
        self.setCentralWidget(central)
        # A page is built the first time it is needed: opening the window pays for one page, not ten.
        self._pages: list[Page | None] = [None] * len(PAGE_CLASSES)
        self._placeholders = [QWidget(self.pages_stack) for _cls in PAGE_CLASSES]
        for page_cls, placeholder in zip(PAGE_CLASSES, self._placeholders, strict=True):
            self.pages_stack.addWidget(placeholder)
            item = QListWidgetItem(page_cls.title, self.nav_list)
            item.setSizeHint(QSize(140, 40))
            item.setData(Qt.ItemDataRole.UserRole, page_cls.key)
        self.db_path_label = QLabel(self.tr("数据库：{path}").format(path=ctx.db.path), self)
        self.db_path_label.setObjectName("db_path_label")
        self.statusBar().addPermanentWidget(self.db_path_label)
        self.nav_list.currentRowChanged.connect(self._on_nav_row_changed)
        ctx.events.data_changed.connect(self._on_data_changed)
        self._update_title()
        self.resize(1180, 760)
        geometry = ctx.prefs.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        keys = [cls.key for cls in PAGE_CLASSES]
        last = ctx.prefs.last_page
        self.nav_list.setCurrentRow(keys.index(last) if last in keys else 0)

    # --- pages ------------------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        return [self._page_at(row) for row in range(len(PAGE_CLASSES))]

    def page(self, key: str) -> Page:
        for row, page_cls in enumerate(PAGE_CLASSES):
            if page_cls.key == key:
                return self._page_at(row)
        raise KeyError(key)

    def current_page(self) -> Page:
        return self._page_at(self.pages_stack.currentIndex())

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.nav_list.setCurrentRow(self._pages.index(page))
        return page

    def _page_at(self, row: int) -> Page:
        page = self._pages[row]
        if page is None:
            page = PAGE_CLASSES[row](self.ctx, self.pages_stack)
            placeholder = self._placeholders[row]
            current = self.pages_stack.currentIndex()
            self.pages_stack.insertWidget(row, page)
            self.pages_stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages_stack.setCurrentIndex(current)
            self._pages[row] = page
        return page

    def _on_nav_row_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGE_CLASSES):
            return
        page = self._page_at(row)
        self.pages_stack.setCurrentIndex(row)
        self.ctx.prefs.last_page = page.key
        page.refresh_if_stale()

    # --- window -----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        profile = organisation_service.get_enterprise(self.ctx.db)
        name = profile.name if profile else ""
        self.setWindowTitle(f"{name} - {APP_DISPLAY_NAME}" if name else APP_DISPLAY_NAME)

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if changes.touches("enterprise"):
            self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.prefs.geometry = self.saveGeometry()
        self.ctx.prefs.sync()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Close the database and release the lock (after the event loop has ended)."""
        QThreadPool.globalInstance().waitForDone()  # background work may still be using the database
        self.ctx.db.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
