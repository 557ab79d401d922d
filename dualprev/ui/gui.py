"""Starting the GUI: application, fonts, logging, crash handler, database lock, first run, main window."""

import logging
import logging.handlers
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dualprev import APP_DISPLAY_NAME, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from dualprev.errors import DamagedDatabaseError, UserError
from dualprev.paths import db_path_from, resource_path
from dualprev.services import (
    archive_service,
    backup_service,
    database_lock,
    organisation_service,
    settings_service,
)
from dualprev.services.database import Database
from dualprev.services.database_lock import DatabaseLock
from dualprev.ui import messages, operations, screen_fit, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.crash import CrashHandler
from dualprev.ui.database_windows import DatabaseWindows
from dualprev.ui.dialogs.first_run_dialog import FirstRunChoice, FirstRunDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.operations import FAILED
from dualprev.ui.prefs import Prefs

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

FONT_FILE = ("fonts", "wqy-microhei.ttc")
LOG_FILE_NAME = "dualprev.log"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log like everything else."""
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)


def install_cjk_font(app: QApplication) -> list[str]:
    """Register the bundled WenQuanYi Micro Hei and add it after the default family, so Chinese
    renders on machines (and the offscreen platform) without a Chinese system font."""
    try:
        font_file = resource_path(*FONT_FILE)
    except FileNotFoundError:
        log.warning("bundled CJK font missing; relying on system fonts")
        return []
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("could not load bundled CJK font %s", font_file)
        return []
    font = QFont(app.font())
    primary = font.families() or [font.family()]
    font.setFamilies([*primary, *[f for f in families if f not in primary]])
    app.setFont(font)
    return families


QT_TRANSLATION = "qtbase_zh_CN.qm"


def qt_translation_file() -> Path | None:
    """Qt's own Simplified-Chinese catalogue (OK/Cancel, context menus, file dialogs), looked up where
    Qt says it lives, then beside PySide6 (Windows wheel and PyInstaller bundle: ``PySide6/translations``;
    Linux wheel: ``PySide6/Qt/translations``)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    folders = [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        package / "translations",
        package / "Qt" / "translations",
    ]
    for folder in folders:
        candidate = folder / QT_TRANSLATION
        if candidate.is_file():
            return candidate
    return None


def install_qt_translation(app: QApplication) -> QTranslator | None:
    """Load Qt's Chinese strings so standard buttons and dialogs speak the UI's language; None (and a
    log line) when the catalogue is missing, in which case Qt falls back to English."""
    existing = app.findChild(QTranslator, "qt_translator")
    if isinstance(existing, QTranslator):
        return existing
    path = qt_translation_file()
    translator = QTranslator(app)
    translator.setObjectName("qt_translator")
    if path is None or not translator.load(str(path)):
        log.warning("Qt's Chinese translation %s not found; standard buttons stay English", QT_TRANSLATION)
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    install_cjk_font(app)
    install_qt_translation(app)
    screen_fit.install(app)
    return app


def default_data_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def configure_logging(log_dir: Path) -> Path | None:
    """A rotating log file in the data folder; None when the folder cannot be written."""
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        logging.basicConfig(level=logging.INFO)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_dir / LOG_FILE_NAME


def lock_database(db_path: Path) -> DatabaseLock | None:
    """Take the database's lock (shared with the CLI, keyed on the file's identity); None when
    another window or command holds it."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建数据文件夹：{db_path.parent}（{exc.strerror or exc}）") from exc
    return database_lock.try_lock(db_path)


def run_first_run(ctx: AppContext) -> bool:
    """The first-run screen until a profile is created or the demo loaded; False when the user quits."""
    initial = None
    while True:
        choice = FirstRunDialog.choose(None, initial)
        if choice is None:
            return False
        if not choice.load_demo and choice.profile is not None:
            initial = choice.profile
        if operations.attempt(None, partial(_carry_out, ctx, choice)) is FAILED:
            continue
        return organisation_service.get_enterprise(ctx.db) is not None


def _carry_out(ctx: AppContext, choice: FirstRunChoice) -> None:
    if choice.load_demo:
        load_demo(ctx)
    elif choice.profile is not None:
        actor = choice.profile.safety_manager_name or ctx.default_actor()
        organisation_service.save_enterprise(ctx.db, choice.profile, actor=actor)


def load_demo(ctx: AppContext) -> None:
    """Build the demo enterprise (one transaction) off the UI thread behind a progress dialog."""
    from dualprev.demo.builder import build_demo

    db, today = ctx.db, ctx.today()
    tasks.run_before_event_loop(
        None, "正在加载示例企业，请稍候…", lambda: build_demo(db, today=today, actor="系统")
    )


def start_main_window(
    db_path: Path,
    prefs: Prefs,
    *,
    today: Callable[[], date] = date.today,
    log_dir: Path | None = None,
    lock: DatabaseLock | None = None,
) -> MainWindow | None:
    """Lock and open ``db_path``, run the first-run screen if needed, and build the main window.

    ``lock``: the database's lock when the caller already holds it (after a restore). Returns None
    (after telling the user why) when the file is in use, cannot be opened, or the user quit the
    first-run screen. A damaged file is offered its newest good backup.
    """
    if lock is None:
        try:
            lock = lock_database(db_path)
        except (UserError, OSError) as exc:
            messages.show_error(None, exc.message if isinstance(exc, UserError) else str(exc))
            return None
    if lock is None:
        messages.show_error(
            None,
            f"这个数据库已经在另一个“{APP_DISPLAY_NAME}”窗口或命令中打开：\n{db_path}\n\n"
            "请切换到已经打开的窗口。同一个数据库不能同时打开两次，以免数据互相覆盖。",
            title="数据库正在使用",
        )
        return None
    db = _open_or_repair(db_path)
    if db is None:
        lock.unlock()
        return None
    ctx = AppContext(db=db, prefs=prefs, today=today, log_dir=log_dir)
    if organisation_service.get_enterprise(db) is None and not run_first_run(ctx):
        db.close()
        lock.unlock()
        return None
    report_setting_problems(db)
    prefs.add_recent_file(db_path)
    return MainWindow(ctx, lock)


def report_setting_problems(db: Database) -> None:
    """Tell the user about corrupt stored settings (they work as their defaults meanwhile)."""
    problems = settings_service.setting_problems(db)
    if problems:
        messages.show_error(None, "\n\n".join(p.message for p in problems), title="设置有误")


def _open_or_repair(db_path: Path) -> Database | None:
    """Open the file; a damaged one is replaced by its newest good backup if the user agrees."""
    try:
        return backup_service.open_database_file(db_path)
    except DamagedDatabaseError as exc:
        damaged = exc
    except UserError as exc:
        messages.show_user_error(None, exc)
        return None
    if damaged.backup is None and not damaged.recreate:
        messages.show_user_error(None, damaged)
        return None
    question = (
        damaged.message
        + "\n\n"
        + (
            f"是否用这份备份恢复？\n{damaged.backup}\n\n当前文件会先另存一份，不会删除。"
            if damaged.backup is not None
            else "是否重新创建这个数据库？当前文件会先另存一份，不会删除。"
        )
    )
    if not messages.confirm(None, question, title="数据库需要修复", action="恢复"):
        return None
    try:
        archive_service.restore_database_copy(db_path, damaged.backup)
        return backup_service.open_database_file(db_path)
    except UserError as exc:
        messages.show_user_error(None, exc)
        return None


def run_gui(db_arg: str | None, argv: list[str]) -> int:
    """The GUI's entry point; returns the process exit code."""
    app = create_application(argv)
    qInstallMessageHandler(_qt_message_handler)
    data_dir = default_data_dir()
    log_file = configure_logging(data_dir / "logs")
    crash = CrashHandler(log_file)
    crash.install()
    log.info("dualprev %s starting", __version__)
    try:
        db_path = db_path_from(db_arg, data_dir)
    except ValueError:
        messages.show_error(None, "无法确定数据文件夹，请用 --db 指定数据库文件。")
        return 1
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)
    log_dir = log_file.parent if log_file else None
    prefs = Prefs(settings)
    window = start_main_window(db_path, prefs, log_dir=log_dir)
    if window is None:
        return 1
    windows = DatabaseWindows(
        lambda path, lock: start_main_window(path, prefs, log_dir=log_dir, lock=lock), crash
    )
    windows.adopt(window)
    try:
        return app.exec()
    finally:
        windows.shutdown()
