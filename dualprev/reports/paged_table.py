"""A table that is laid out page by page in linear time, for lists of thousands of rows.

reportlab's Table re-measures all remaining rows, and re-maps every cell when the header has
spanned cells, each time it splits at a page end: quadratic in the number of rows, minutes for a
few thousand hazards. PagedTable measures each row once (with reportlab's own rule: the tallest
cell plus padding) and, at each page end, hands platypus an ordinary small Table holding the header
and exactly the rows that fit.
"""

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.tables import CellStyle

Command = tuple[Any, ...]
BIG = 1e9
EMPTY_CELL: tuple[()] = ()
"""A cell with nothing in it: an empty list of flowables, which reportlab neither measures nor
draws (an empty string is still drawn, as an empty line of text)."""


class CellParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph in a table cell, laid out once per width: the row is measured, its page's table
    is laid out and the cell is drawn, each wrapping it to the same width."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped is not None and abs(self._wrapped[0] - availWidth) < 1e-6:
            return self._wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


class PagedTable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Header rows repeated on every page above the body rows that fit there.

    ``row_commands[i]`` are the style commands of body row ``i``, written with row 0 meaning that
    row; ``commands`` apply to every page's table as they are (use them for the header and for
    whole-column styles written as (col, header_rows)…(col, -1)). ``frame_height`` is the tallest
    space a page offers: a row taller than that is split inside itself as a last resort.

    ``cell_styles`` (the header's rows, then one per body row) give every cell its font, colour,
    alignment and padding ready made, shared between cells that look alike: reportlab then applies
    no command to each cell of each page's table. The commands must then style no cell (grid, box,
    background and spans only).
    """

    def __init__(
        self,
        header: Sequence[Sequence[Any]],
        rows: Sequence[Sequence[Any]],
        *,
        widths: Sequence[float],
        commands: Sequence[Command],
        row_commands: Sequence[Sequence[Command]],
        padding: tuple[float, float],
        leading: float,
        frame_height: float,
        start: int = 0,
        measured: tuple[list[float], list[float]] | None = None,
        cell_styles: Sequence[Sequence[CellStyle]] | None = None,
    ) -> None:
        super().__init__()
        self.header = [list(r) for r in header]
        self.rows = rows
        self.widths = list(widths)
        self.commands = list(commands)
        self.row_commands = row_commands
        self.padding = padding
        self.leading = leading
        self.frame_height = frame_height
        self.start = start
        self.cell_styles = cell_styles
        self.hAlign = "LEFT"
        if measured is None:
            header_rows = len(self.header)
            heights = [
                self._row_height(r, None if cell_styles is None else cell_styles[header_rows + i])
                for i, r in enumerate(rows)
            ]
            measured = heights, [0.0, *accumulate(heights)]
        self._heights, self._cumulative = measured
        # The header may span cells across rows and columns; let reportlab itself measure it.
        header_only = Table(self.header, colWidths=self.widths, cellStyles=self._styles_of(0, 0))
        header_only.setStyle(TableStyle(self.commands))
        self._header_height = float(header_only.wrap(sum(self.widths), BIG)[1])

    def _row_height(self, row: Sequence[Any], styles: Sequence[CellStyle] | None) -> float:
        # The rule of reportlab's Table._calc_height: each cell's content plus top and bottom padding.
        tallest = 0.0
        for index, (value, width) in enumerate(zip(row, self.widths, strict=True)):
            if isinstance(value, Paragraph):
                height = float(value.wrap(width - 2 * self.padding[0], BIG)[1])
            elif isinstance(value, (list, tuple)) and not value:
                height = 0.0  # as reportlab measures an empty cell
            elif isinstance(value, (list, tuple)):
                # Table._listCellGeom: the flowables' heights with the space between them, but not
                # the space before the first or after the last.
                height = 0.0
                for flowable in value:
                    height += float(flowable.wrap(width - 2 * self.padding[0], BIG)[1])
                    height += flowable.getSpaceBefore() + flowable.getSpaceAfter()
                height -= value[0].getSpaceBefore() + value[-1].getSpaceAfter()
            else:
                leading = self.leading if styles is None else styles[index].leading
                height = leading * (str(value).count("\n") + 1)
            tallest = max(tallest, height)
        return tallest + 2 * self.padding[1]

    def _styles_of(self, start: int, end: int) -> list[list[CellStyle]] | None:
        """The cell styles of the header and body rows ``start`` to ``end`` (None: from commands)."""
        if self.cell_styles is None:
            return None
        header_rows = len(self.header)
        rows = [*self.cell_styles[:header_rows], *self.cell_styles[header_rows + start : header_rows + end]]
        return [list(row) for row in rows]

    def _height_of(self, start: int, end: int) -> float:
        return self._header_height + self._cumulative[end] - self._cumulative[start]

    def _table(self, start: int, end: int, *, split_in_row: bool = False) -> Table:
        header_rows = len(self.header)
        commands = list(self.commands)
        for index in range(start, end):
            row = header_rows + index - start
            for name, (c0, _r0), (c1, _r1), *args in self.row_commands[index]:
                commands.append((name, (c0, row), (c1, row), *args))
        table = Table(
            [*self.header, *(list(r) for r in self.rows[start:end])],
            colWidths=self.widths,
            repeatRows=header_rows,
            splitInRow=1 if split_in_row else 0,
            hAlign="LEFT",
            cellStyles=self._styles_of(start, end),
        )
        table.setStyle(TableStyle(commands))
        return table

    def _rest(self, start: int) -> "PagedTable":
        return PagedTable(
            self.header,
            self.rows,
            widths=self.widths,
            commands=self.commands,
            row_commands=self.row_commands,
            padding=self.padding,
            leading=self.leading,
            frame_height=self.frame_height,
            start=start,
            measured=(self._heights, self._cumulative),
            cell_styles=self.cell_styles,
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return sum(self.widths), self._height_of(self.start, len(self.rows))

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self.start >= len(self.rows):
            return []
        limit = self._cumulative[self.start] + avail_height - self._header_height
        end = min(bisect_right(self._cumulative, limit + 1e-6) - 1, len(self.rows))
        if end <= self.start:
            if self._height_of(self.start, self.start + 1) <= self.frame_height:
                return []  # the next row fits on a fresh page
            # A single row taller than any page: reportlab splits inside it (platypus wants a first
            # piece that fits, so split here rather than hand over the whole row).
            pieces = self._table(self.start, self.start + 1, split_in_row=True).split(
                avail_width, avail_height
            )
            return [*pieces, self._rest(self.start + 1)] if pieces else []
        if end >= len(self.rows):
            return [self._table(self.start, len(self.rows))]
        return [self._table(self.start, end), self._rest(end)]

    def draw(self) -> None:
        table = self._table(self.start, len(self.rows))
        table.wrapOn(self.canv, sum(self.widths), BIG)
        table.drawOn(self.canv, 0, 0)
