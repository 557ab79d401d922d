"""Finding the table in a real-world sheet and reading its rows.

A consultant's sheet has a title merged across the top, an enterprise line, a header of one or two
rows (group headings such as 风险评价 merged over L/E/C/D), then rows in which 风险点 or 作业步骤
are merged down over several rows, blank rows, and notes and signatures at the bottom. The header
is found, not assumed: it is the row (or pair of rows) whose headings name the most fields of the
kind being imported. A merged range gives its value to every cell it covers; an empty cell outside
any merged range stays empty (it does not inherit from the row above).
"""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile, ZipFile

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from dualprev.domain.importing.cells import CellValue, text
from dualprev.domain.importing.fields import Field, heading_key, missing_required, suggest_mapping
from dualprev.errors import UserError

EXAMPLE_MARKS = frozenset({"示例", "例", "填写示例"})
"""A row whose first cell says so is a template's example, not data."""
HEADER_SEARCH_ROWS = 30
"""The header is looked for in the first rows only."""
_MIN_FIELDS = 3
_FOOTER = re.compile(
    r"^(说明|注[:：]|注\s|备注[:：]|编制|审核|审定|批准|填表|制表|签字|签名|主要负责人|负责人[:：]|日期[:：]|\d+\s*[.、．]\s*\D)"
)


class UnreadableFile(UserError):
    """A file that is not an xlsx workbook, or one without a table of the kind wanted."""


@dataclass(frozen=True)
class SheetRow:
    number: int
    """1-based Excel row number."""
    cells: tuple[CellValue, ...]
    """One value per column of the table, merged ranges filled in."""


@dataclass(frozen=True)
class SheetTable:
    """The table found in one sheet."""

    name: str
    columns: tuple[tuple[str, str], ...]
    """(group heading, heading) per column; the group is the heading itself in a one-row header."""
    header_rows: tuple[int, ...]
    rows: tuple[SheetRow, ...]
    suggested: dict[str, int]
    """Field key → column index, from the headings."""

    @property
    def labels(self) -> tuple[str, ...]:
        """Each column's heading as shown to the user: "风险评价/L", or "序号"."""
        return tuple(column_label(group, heading) for group, heading in self.columns)


def column_label(group: str, heading: str) -> str:
    if not group or group == heading:
        return heading
    if not heading:
        return group
    return f"{group}/{heading}"


@dataclass(frozen=True)
class _Grid:
    values: list[tuple[CellValue, ...]]
    width: int
    covered: dict[tuple[int, int], tuple[int, int]]
    """(row, col) → top-left (row, col) of the merged range covering it (0-based), top-left excluded."""
    spans: dict[tuple[int, int], int]
    """(row, col) of a merged range's top-left → how many columns it spans."""

    def own(self, row: int, col: int) -> CellValue:
        line = self.values[row]
        return line[col] if col < len(line) else None

    def value(self, row: int, col: int) -> CellValue:
        source = self.covered.get((row, col))
        return self.own(*source) if source else self.own(row, col)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)"')


def _merged_ranges(archive: ZipFile, sheet: ReadOnlyWorksheet) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of each merged range, read from the sheet's XML: the
    read-only reader (several times faster on large files) does not parse them."""
    xml = archive.read(sheet._worksheet_path)
    return [range_boundaries(ref.decode("ascii")) for ref in _MERGE.findall(xml)]


def _grid(sheet: ReadOnlyWorksheet, merges: list[tuple[int, int, int, int]]) -> _Grid:
    sheet.reset_dimensions()
    values = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    width = max((len(r) for r in values), default=0)
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], int] = {}
    for min_col, min_row, max_col, max_row in merges:
        top, left = min_row - 1, min_col - 1
        spans[(top, left)] = max_col - min_col + 1
        width = max(width, max_col)
        for r in range(top, max_row):
            for c in range(left, max_col):
                if (r, c) != (top, left):
                    covered[(r, c)] = (top, left)
    return _Grid(values, width, covered, spans)


def _header(grid: _Grid, row: int, rows: int) -> list[tuple[str, str]]:
    columns = []
    for c in range(grid.width):
        top = text(grid.value(row, c)).replace("\n", "")
        sub = (
            text(grid.value(row + 1, c)).replace("\n", "") if rows == 2 and row + 1 < len(grid.values) else ""
        )
        columns.append((top, sub or top) if rows == 2 else (top, top))
    return columns


def _has_merge_into_next(grid: _Grid, row: int) -> bool:
    """A two-row header shows itself by merges: a group heading across columns, or a heading merged down."""
    for c in range(grid.width):
        if grid.spans.get((row, c), 1) > 1 or grid.covered.get((row + 1, c)) == (row, c):
            return True
    return False


def find_header(
    grid_values: "_Grid", fields: Sequence[Field]
) -> tuple[int, int, list[tuple[str, str]], dict[str, int]] | None:
    """(first header row, number of header rows, columns, mapping) of the best header, or None."""
    best: tuple[int, int, int, list[tuple[str, str]], dict[str, int]] | None = None
    for row in range(min(HEADER_SEARCH_ROWS, len(grid_values.values))):
        options = (
            [1, 2] if row + 1 < len(grid_values.values) and _has_merge_into_next(grid_values, row) else [1]
        )
        for rows in options:
            columns = _header(grid_values, row, rows)
            mapping = suggest_mapping(fields, columns)
            score = len([k for k in mapping if k != "seq"])
            if score < _MIN_FIELDS or missing_required(fields, mapping):
                continue
            # On a tie the one-row header wins: a title merged across the top is no group heading.
            if best is None or (score, -rows) > (best[0], -best[2]):
                best = (score, row, rows, columns, mapping)
    if best is None:
        return None
    _score, row, rows, columns, mapping = best
    return row, rows, columns, mapping


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip(" \t\r\n\u3000"))


def _is_footer(grid: _Grid, row: int, filled: list[int]) -> bool:
    """Notes, signatures and section lines: one text across most of the width, or a short line
    that starts like 说明/编制/审核/填表人…"""
    if len(filled) == 1 and grid.spans.get((row, filled[0]), 1) * 2 >= max(grid.width, 2):
        return True
    if len(filled) <= 3:
        first = text(grid.own(row, filled[0]))
        return bool(_FOOTER.match(first))
    return False


def _body(grid: _Grid, start: int, header_texts: list[str]) -> Iterator[SheetRow]:
    header_keys = [heading_key(h) for h in header_texts]
    first_keys = {k for k in header_keys if k}
    for r in range(start, len(grid.values)):
        own = grid.values[r]
        filled = [c for c, v in enumerate(own) if not _is_blank(v)]
        if not filled or _is_footer(grid, r, filled) or text(own[filled[0]]) in EXAMPLE_MARKS:
            continue
        cells = tuple(grid.value(r, c) for c in range(grid.width))
        first = own[filled[0]]
        if isinstance(first, str) and heading_key(first) in first_keys:
            same = sum(
                1 for c in filled if c < len(header_keys) and heading_key(text(own[c])) == header_keys[c]
            )
            if same * 2 > len(filled):  # a header repeated on a later page
                continue
        yield SheetRow(r + 1, cells)


def read_sheet(
    sheet: ReadOnlyWorksheet, merges: list[tuple[int, int, int, int]], fields: Sequence[Field]
) -> SheetTable | None:
    """The table of ``sheet`` for ``fields``, or None when the sheet has no such table."""
    grid = _grid(sheet, merges)
    found = find_header(grid, fields)
    if found is None:
        return None
    row, rows, columns, mapping = found
    body = tuple(_body(grid, row + rows, [h for _g, h in columns]))
    return SheetTable(sheet.title, tuple(columns), tuple(range(row + 1, row + rows + 1)), body, mapping)


def read_tables(path: Path, fields: Sequence[Field]) -> list[SheetTable]:
    """Every sheet of the workbook at ``path`` that holds a table of ``fields``.

    Sheets whose header names fewer than half as many fields as the best sheet's are left out (a
    summary sheet that happens to repeat a few headings). Raises UnreadableFile.
    """
    try:
        workbook = load_workbook(path, data_only=True, read_only=True)
        archive = ZipFile(path)
    except (OSError, InvalidFileException, BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableFile(f"无法读取文件：{Path(path).name}（{_reason(exc)}）") from exc
    try:
        sheets = [ws for ws in workbook.worksheets if isinstance(ws, ReadOnlyWorksheet)]
        found = (read_sheet(ws, _merged_ranges(archive, ws), fields) for ws in sheets)
        tables = [t for t in found if t is not None]
    except (KeyError, ValueError) as exc:
        raise UnreadableFile(f"无法读取文件：{Path(path).name}（{_reason(exc)}）") from exc
    finally:
        archive.close()
        workbook.close()
    if not tables:
        labels = "、".join(f.label for f in fields if f.required)
        raise UnreadableFile(f"在 {Path(path).name} 中找不到表头（至少需要：{labels}，并能识别三列以上）")
    best = max(len(t.suggested) for t in tables)
    return [t for t in tables if len(t.suggested) * 2 >= best]


def _reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return "不是 xlsx 格式的 Excel 文件"
