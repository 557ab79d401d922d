"""The main window: navigation on the left, one page at a time on the right, DB path below, and
the 文件 menu (新建/打开/最近使用/恢复备份/另存为归档)."""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from dualprev import APP_DISPLAY_NAME
from dualprev.paths import resource_path
from dualprev.services import archive_service, organisation_service
from dualprev.services.archive_service import ArchiveInfo
from dualprev.services.changes import Entity, OpChanges
from dualprev.services.database_lock import DatabaseLock
from dualprev.ui import messages
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page
from dualprev.ui.tasks import run_in_background
from dualprev.ui.widgets.nav_badge import ReportBadge


@dataclass(frozen=True)
class PageEntry:
    """A navigation entry: its page's module is imported when the page is first shown, so opening
    the window imports one page (and the libraries it needs), not eleven."""

    key: str
    title: str
    module: str
    class_name: str

    def page_class(self) -> type[Page]:
        page_cls: type[Page] = getattr(import_module(f"dualprev.ui.pages.{self.module}"), self.class_name)
        return page_cls


PAGES: tuple[PageEntry, ...] = (
    PageEntry("home", "首页", "home_page", "HomePage"),
    PageEntry("enterprise", "企业信息", "enterprise_page", "EnterprisePage"),
    PageEntry("risk", "风险辨识评估", "risk_page", "RiskPage"),
    PageEntry("post_cards", "岗位告知卡", "post_card_page", "PostCardPage"),
    PageEntry("risk_map", "四色分布图", "risk_map_page", "RiskMapPage"),
    PageEntry("checks", "隐患排查", "check_page", "CheckPage"),
    PageEntry("ledger", "隐患台账", "ledger_page", "LedgerPage"),
    PageEntry("major_check", "重大隐患自查", "major_check_page", "MajorCheckPage"),
    PageEntry("duties", "履职与培训", "duties_page", "DutiesPage"),
    PageEntry("work_safety", "特种作业与应急", "work_safety_page", "WorkSafetyPage"),
    PageEntry("reports", "报表导出", "report_page", "ReportPage"),
    PageEntry("import", "数据导入", "import_page", "ImportPage"),
    PageEntry("backup", "数据备份", "backup_page", "BackupPage"),
    PageEntry("settings", "设置", "settings_page", "SettingsPage"),
    PageEntry("phone", "手机访问", "phone_page", "PhonePage"),
)

NAV_STYLE = """
QListWidget#nav_list { background: #1F2D3D; border: none; outline: 0; font-size: 15px; color: #D5DCE4;
                       padding-top: 6px; }
QListWidget#nav_list::item { padding: 8px 10px; border-left: 3px solid transparent; }
QListWidget#nav_list::item:hover { background: #2B3C50; color: white; }
QListWidget#nav_list::item:selected { background: #0070C0; color: white; border-left: 3px solid #7FC4FF; }
"""
NAV_ICON_COLOUR = "#3A4A5C"
"""The stroke colour the icons are drawn in (resources/icons); the navigation shows them light."""


def nav_icon(key: str) -> QIcon:
    """The page's icon from ``resources/icons/<key>.svg`` (a plain page icon for a page without
    one), drawn light for the dark navigation."""
    try:
        path = resource_path("icons", f"{key}.svg")
    except FileNotFoundError:
        try:
            path = resource_path("icons", "page.svg")
        except FileNotFoundError:
            return QIcon()
    svg = path.read_bytes()
    icon = QIcon()
    for mode, colour in ((QIcon.Mode.Normal, "#C9D3DE"), (QIcon.Mode.Selected, "#FFFFFF")):
        pixmap = QPixmap()
        pixmap.loadFromData(svg.replace(NAV_ICON_COLOUR.encode(), colour.encode()), "SVG")
        icon.addPixmap(pixmap, mode)
    return icon


DATABASE_FILTER = "dualprev 数据库 (*.sqlite *.db);;所有文件 (*)"
ARCHIVE_FILTER = "dualprev 备份 (*.dpbak)"


def choose_new_database(parent: QWidget, start: Path) -> Path | None:
    """Where to create a new database (tests replace this function)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("新建数据库"), str(start), DATABASE_FILTER)
    return Path(chosen) if chosen else None


def choose_database(parent: QWidget, start: Path) -> Path | None:
    """Which database to open (tests replace this function)."""
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("打开数据库"), str(start), DATABASE_FILTER)
    return Path(chosen) if chosen else None


def choose_archive(parent: QWidget, start: Path) -> Path | None:
    """Which archive to restore (tests replace this function)."""
    chosen, _ = QFileDialog.getOpenFileName(parent, parent.tr("选择要恢复的备份"), str(start), ARCHIVE_FILTER)
    return Path(chosen) if chosen else None


def choose_archive_target(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save an archive, e.g. a USB stick (tests replace this function)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("另存为备份归档（可用于迁移到新电脑）"), str(suggested), ARCHIVE_FILTER
    )
    return Path(chosen) if chosen else None


class MainWindow(QMainWindow):
    """Owns the pages; holds the database lock until :meth:`shutdown`.

    Switching to another file or restoring an archive is asked for with :attr:`open_requested`
    and :attr:`restore_requested`; whoever owns the windows replaces this one.
    """

    open_requested = Signal(Path)
    restore_requested = Signal(Path)

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
        self.nav_list.setFixedWidth(168)
        self.nav_list.setIconSize(QSize(20, 20))
        self.nav_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages_stack = QStackedWidget(central)
        self.pages_stack.setObjectName("pages_stack")
        layout.addWidget(self.nav_list)
        layout.addWidget(self.pages_stack, 1)
        self.setCentralWidget(central)
        # A page is built the first time it is needed: opening the window pays for one page, not eleven.
        self._pages: list[Page | None] = [None] * len(PAGES)
        self._unbuilt_slots = [QWidget(self.pages_stack) for _entry in PAGES]
        for entry, slot in zip(PAGES, self._unbuilt_slots, strict=True):
            self.pages_stack.addWidget(slot)
            item = QListWidgetItem(nav_icon(entry.key), entry.title, self.nav_list)
            item.setSizeHint(QSize(160, 42))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
        self.db_path_label = QLabel(self.tr("数据库：{path}").format(path=ctx.db.path), self)
        self.db_path_label.setObjectName("db_path_label")
        self.statusBar().addPermanentWidget(self.db_path_label)
        self._build_file_menu()
        self.report_badge = ReportBadge(self.nav_list, ctx)
        self.nav_list.currentRowChanged.connect(self._on_nav_row_changed)
        ctx.events.data_changed.connect(self._on_data_changed)
        self._update_title()
        self.resize(1180, 760)
        geometry = ctx.prefs.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        keys = [entry.key for entry in PAGES]
        last = ctx.prefs.last_page
        self.nav_list.setCurrentRow(keys.index(last) if last in keys else 0)

    # --- pages ------------------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        return [self._page_at(row) for row in range(len(PAGES))]

    def page(self, key: str) -> Page:
        for row, entry in enumerate(PAGES):
            if entry.key == key:
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
            page = PAGES[row].page_class()(self.ctx, self.pages_stack)
            slot = self._unbuilt_slots[row]
            current = self.pages_stack.currentIndex()
            self.pages_stack.insertWidget(row, page)
            self.pages_stack.removeWidget(slot)
            slot.deleteLater()
            self.pages_stack.setCurrentIndex(current)
            self._pages[row] = page
            restore_requested = getattr(page, "restore_requested", None)  # the 数据备份 page's
            if restore_requested is not None:
                restore_requested.connect(self.restore_requested)
        return page

    def _on_nav_row_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        leaving = self._pages[self.pages_stack.currentIndex()]
        if row != self.pages_stack.currentIndex() and leaving is not None and not leaving.may_leave():
            self.nav_list.blockSignals(True)
            self.nav_list.setCurrentRow(self.pages_stack.currentIndex())
            self.nav_list.blockSignals(False)
            return
        page = self._page_at(row)
        self.pages_stack.setCurrentIndex(row)
        self.ctx.prefs.last_page = page.key
        page.refresh_if_stale()

    # --- 文件 menu ------------------------------------------------------------------------------------

    def _build_file_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.setObjectName("file_menu")
        self.new_action = self._action(menu, "new_action", self.tr("新建数据库…"), self._on_new)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.open_action = self._action(menu, "open_action", self.tr("打开数据库…"), self._on_open)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu(self.tr("最近使用"))
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        menu.addSeparator()
        self.restore_action = self._action(menu, "restore_action", self.tr("恢复备份…"), self._on_restore)
        self.archive_action = self._action(
            menu, "archive_action", self.tr("另存为/导出归档…"), self._on_save_archive
        )
        menu.addSeparator()
        quit_action = self._action(menu, "quit_action", self.tr("退出"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

    def _action(self, menu: QMenu, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.ctx.db.path
        recent = [p for p in self.ctx.prefs.recent_files if p != current]
        for path in recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_requested.emit(p))
        self.recent_menu.setEnabled(bool(recent))

    def _on_new(self) -> None:
        path = choose_new_database(self, self.ctx.db.path.parent / "新数据库.sqlite")
        if path is None:
            return
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            messages.show_error(
                self, self.tr("文件已存在：{path}\n要打开它，请用“打开数据库”。").format(path=path)
            )
            return
        self.open_requested.emit(path)

    def _on_open(self) -> None:
        path = choose_database(self, self.ctx.db.path.parent)
        if path is not None:
            self.open_requested.emit(path)

    def _on_restore(self) -> None:
        path = choose_archive(self, archive_service.backups_folder(self.ctx.db.path))
        if path is not None:
            self.restore_requested.emit(path)

    def _on_save_archive(self) -> None:
        db = self.ctx.db
        suggested = Path.home() / f"{db.path.stem}-{self.ctx.today():%Y%m%d}.dpbak"
        target = choose_archive_target(self, suggested)
        if target is None:
            return
        run_in_background(
            self,
            self.tr("正在备份…"),
            lambda: archive_service.create_archive(db, target),
            self._on_archive_saved,
        )

    def _on_archive_saved(self, info: ArchiveInfo) -> None:
        messages.show_info(
            self,
            self.tr(
                "已保存并校验备份归档：{path}\n在另一台电脑上用“文件 → 恢复备份”即可迁移全部数据和照片。"
            ).format(path=info.path),
        )

    # --- window -----------------------------------------------------------------------------------

    def _update_title(self) -> None:
        profile = organisation_service.get_enterprise(self.ctx.db)
        name = profile.name if profile else ""
        path = self.ctx.db.path
        self.setWindowFilePath(str(path))
        parts = [p for p in (name, f"{path.name}（{path.parent}）", APP_DISPLAY_NAME) if p]
        self.setWindowTitle(" - ".join(parts))

    def _on_data_changed(self, changes: OpChanges) -> None:
        if changes.touches({Entity.ENTERPRISE}):
            self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        leaving = self._pages[self.pages_stack.currentIndex()]
        if leaving is not None and not leaving.may_leave():
            event.ignore()
            return
        self.ctx.prefs.geometry = self.saveGeometry()
        self.ctx.prefs.sync()
        super().closeEvent(event)

    def take_lock(self) -> DatabaseLock | None:
        """Hand the database lock over (to the window that reopens the same file)."""
        lock, self._lock = self._lock, None
        return lock

    def shutdown(self) -> None:
        """Close the database and release the lock (after the event loop has ended)."""
        QThreadPool.globalInstance().waitForDone()  # background work may still be using the database
        self.ctx.db.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
