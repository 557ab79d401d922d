"""SQLite failures turned into one-line Chinese messages by their result code, not their text.

Python 3.11's sqlite3 exceptions carry ``sqlite_errorcode``; SQLAlchemy wraps them in ``orig``. The
primary code is the low byte of the extended code (SQLITE_IOERR_WRITE → SQLITE_IOERR).
"""

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_TOOBIG = 18
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26

_MESSAGES: dict[int, str] = {
    SQLITE_FULL: "磁盘空间不足，本次修改未保存。请清理磁盘后重试。",
    SQLITE_READONLY: "数据库文件或所在文件夹是只读的（如光盘、写保护的 U 盘），无法保存修改。请检查文件权限。",
    SQLITE_BUSY: "数据库正被其他程序或窗口占用，等待后仍未释放，本次操作未执行。请稍后重试。",
    SQLITE_LOCKED: "数据库正被其他程序或窗口占用，等待后仍未释放，本次操作未执行。请稍后重试。",
    SQLITE_PROTOCOL: "数据库正被其他程序或窗口占用，等待后仍未释放，本次操作未执行。请稍后重试。",
    SQLITE_CORRUPT: "数据库文件已损坏。请从备份恢复（数据备份 → 恢复备份）。",
    SQLITE_NOTADB: "该文件不是数据库文件，或文件头已损坏（可能是其他类型的文件，或已被覆盖、加密）。",
    SQLITE_CANTOPEN: "无法打开数据库文件：文件夹不存在，或没有访问权限。",
    SQLITE_PERM: "没有访问数据库文件的权限。请检查文件权限。",
    SQLITE_IOERR: "读写数据库文件时出错（磁盘、网络盘或 U 盘故障，或已被拔出）。本次修改未保存。",
    SQLITE_NOMEM: "内存不足，本次操作未执行。请关闭其他程序后重试。",
    SQLITE_TOOBIG: "数据过大，无法保存到数据库。",
    SQLITE_CONSTRAINT: "数据与已有记录冲突（编号重复或引用的记录不存在），本次修改未保存。",
}

_TEXT_FALLBACK: tuple[tuple[str, int], ...] = (
    ("disk is full", SQLITE_FULL),
    ("readonly", SQLITE_READONLY),
    ("read-only", SQLITE_READONLY),
    ("locked", SQLITE_BUSY),
    ("busy", SQLITE_BUSY),
    ("malformed", SQLITE_CORRUPT),
    ("not a database", SQLITE_NOTADB),
    ("unable to open", SQLITE_CANTOPEN),
    ("disk i/o", SQLITE_IOERR),
)


def primary_code(exc: BaseException) -> int | None:
    """The SQLite primary result code behind ``exc`` (or its SQLAlchemy wrapper), if known."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int):
            return code & 0xFF
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__
    # Errors raised without a code (older Python, wrapped by hand) keep the text as a last resort.
    text = str(exc).lower()
    for fragment, fallback in _TEXT_FALLBACK:
        if fragment in text:
            return fallback
    return None


def message_for(exc: BaseException) -> str:
    """A one-line Chinese message for an SQLite failure, distinct for each cause."""
    code = primary_code(exc)
    if code is not None and code in _MESSAGES:
        return _MESSAGES[code]
    return f"数据库操作失败：{exc}"


def is_busy(exc: BaseException) -> bool:
    return primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the file itself is unusable (corrupt, not a database)."""
    return primary_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)
