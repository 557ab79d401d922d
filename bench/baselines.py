"""The baseline side of every figure: the same work done with the raw libraries, no dualprev code.

Each function takes the benchmark database's path and returns the work as a callable, like
``product.py``. They read the same rows with plain sqlite3 and write the same kind of output
(same columns, same strings, same page size) as directly as each library allows.
"""

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from fixture import LEDGER_START, TODAY

PAGE = 200
FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
_LEDGER_SELECT = """
SELECT hd.id, hd.number, hd.found_on, hd.description, hd.level, hd.category, hd.source, hd.source_detail,
       hd.status, area.name, risk_point.name, hd.location, department.name, person.name, hd.deadline,
       hd.completed_on, hd.accepted_on, hd.finder_names, hd.rectification_measures, hd.note
FROM hidden_danger AS hd
LEFT JOIN area ON area.id = hd.area_id
LEFT JOIN risk_point ON risk_point.id = hd.risk_point_id
LEFT JOIN department ON department.id = hd.responsible_department_id
LEFT JOIN person ON person.id = hd.rectifier_id
"""


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def ledger_first_page(path: Path) -> Callable[[], object]:
    """The page the 隐患台账 opens on: newest first, 200 rows with their names."""
    conn = _connect(path)
    sql = _LEDGER_SELECT + " ORDER BY hd.found_on DESC, hd.id DESC LIMIT ?"
    return lambda: conn.execute(sql, (PAGE,)).fetchall()


def ledger_keyword(path: Path) -> Callable[[], object]:
    """The same page for rows containing both words ("叉车", "3号工位") in a text or a name."""
    conn = _connect(path)
    texts = ("hd.number", "hd.description", "hd.location", "hd.finder_names", "hd.source_detail",
             "hd.rectification_measures", "hd.note", "area.name", "risk_point.name", "department.name",
             "person.name")  # fmt: skip
    one = "(" + " OR ".join(f"instr({t}, ?) > 0" for t in texts) + ")"
    sql = _LEDGER_SELECT + f" WHERE {one} AND {one} ORDER BY hd.found_on DESC, hd.id DESC LIMIT ?"
    args = ("叉车",) * len(texts) + ("3号工位",) * len(texts) + (PAGE,)
    return lambda: conn.execute(sql, args).fetchall()


def _ledger_rows(conn: sqlite3.Connection, start: str, end: str) -> Iterator[tuple[str, ...]]:
    sql = _LEDGER_SELECT + " WHERE hd.found_on BETWEEN ? AND ? ORDER BY hd.found_on, hd.id"
    for n, row in enumerate(conn.execute(sql, (start, end)), 1):
        yield (str(n), *("" if v is None else str(v) for v in row[1:]))


def _xlsx(rows: Iterator[tuple[str, ...]], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    for row in rows:
        sheet.append(row)
    book.save(out)


def _pdf(rows: Iterator[tuple[str, ...]], out: Path, width: int) -> None:
    """reportlab Tables of 500 rows, CJK font, grid, wrapped cells, A3 landscape."""
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    if "bench-cjk" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("bench-cjk", str(FONT), subfontIndex=0))
    style = ParagraphStyle("cell", fontName="bench-cjk", fontSize=7, leading=9)
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), "bench-cjk"), ("FONTSIZE", (0, 0), (-1, -1), 7)])  # fmt: skip
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A3))
    col = doc.width / width
    story, chunk = [], []

    def flush() -> None:
        story.append(Table(chunk, colWidths=[col] * width, style=grid, repeatRows=0))

    for row in rows:
        chunk.append([Paragraph(v, style) if len(v) > 8 else v for v in row[:width]])
        if len(chunk) == 500:
            flush()
            chunk = []
    if chunk:
        flush()
    doc.build(story)


def _out(name: str) -> Path:
    return Path(tempfile.mkdtemp()) / name


def ledger_xlsx(path: Path) -> Callable[[], object]:
    conn, out = _connect(path), _out("ledger.xlsx")
    return lambda: _xlsx(_ledger_rows(conn, LEDGER_START.isoformat(), TODAY.isoformat()), out)


def ledger_pdf(path: Path) -> Callable[[], object]:
    conn, out = _connect(path), _out("ledger.pdf")
    days = (TODAY - LEDGER_START).days
    start = TODAY.fromordinal(TODAY.toordinal() - days // 10 + 1).isoformat()
    return lambda: _pdf(_ledger_rows(conn, start, TODAY.isoformat()), out, 20)


_RISK_SELECT = """
SELECT area.name, risk_point.code, risk_point.name, hazard.step_or_item, hazard.description,
       hazard.consequence, hazard.current_method, hazard.current_score, hazard.current_level,
       hazard.control_tier, department.name,
       (SELECT group_concat(content, '；') FROM control_measure WHERE hazard_id = hazard.id)
FROM hazard JOIN risk_point ON risk_point.id = hazard.risk_point_id
LEFT JOIN area ON area.id = risk_point.area_id
LEFT JOIN department ON department.id = risk_point.department_id
ORDER BY area.sort_order, risk_point.code, hazard.seq
"""


def _risk_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, ...]]:
    for n, row in enumerate(conn.execute(_RISK_SELECT), 1):
        yield (str(n), *("" if v is None else str(v) for v in row))


def risk_list_pdf(path: Path) -> Callable[[], object]:
    conn, out = _connect(path), _out("risks.pdf")
    return lambda: _pdf(_risk_rows(conn), out, 13)


def risk_list_xlsx(path: Path) -> Callable[[], object]:
    conn, out = _connect(path), _out("risks.xlsx")
    return lambda: _xlsx(_risk_rows(conn), out)


def post_cards(path: Path) -> Callable[[], object]:
    """One A4 page per post: its name, its hazards and measures as lines of text, and a QR image of
    a 400-byte payload (zxing-cpp encodes it, the modules are drawn as rectangles)."""
    import zxingcpp
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    conn, out = _connect(path), _out("cards.pdf")
    sql = """
    SELECT post.id, post.name, hazard.description, hazard.consequence,
           (SELECT group_concat(content, '；') FROM control_measure WHERE hazard_id = hazard.id)
    FROM post JOIN post_risk_point AS link ON link.post_id = post.id
    JOIN hazard ON hazard.risk_point_id = link.risk_point_id
    WHERE hazard.current_level IS NOT NULL ORDER BY post.id, hazard.id
    """

    def run() -> None:
        if "bench-cjk" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("bench-cjk", str(FONT), subfontIndex=0))
        cards: dict[int, list[str]] = {}
        for post_id, name, description, consequence, measures in conn.execute(sql):
            lines = cards.setdefault(post_id, [f"岗位安全风险告知卡 {name}"])
            lines += [f"{description} → {consequence}", measures or ""]
        canvas = Canvas(str(out), pagesize=A4)
        for post_id, lines in cards.items():
            canvas.setFont("bench-cjk", 9)
            y = 800.0
            for line in lines[:60]:
                canvas.drawString(40, y, line[:60])
                y -= 12
            payload = f"DP1:BENCH:{post_id}:r1\n" + "".join(lines)[:120]
            image = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
            matrix = image.to_image(scale=1, add_quiet_zones=False)
            side = matrix.shape[0]
            bits = memoryview(matrix).tobytes()
            module = 80 / side
            path_ = canvas.beginPath()
            for r in range(side):
                for c in range(side):
                    if bits[r * side + c] == 0:
                        path_.rect(480 + c * module, 60 + (side - r - 1) * module, module, module)
            canvas.drawPath(path_, fill=1, stroke=0)
            canvas.showPage()
        canvas.save()

    return run


def bare_window() -> None:
    """A bare PySide6 QMainWindow to its first paint (run in its own process; prints the time.time() of
    the paint)."""
    import time

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(time.time(), flush=True)
                app.quit()
            return False

    window.installEventFilter(painted := FirstPaint())
    window.resize(1180, 760)
    window.show()
    app.exec()
    del painted
