"""Excel import benchmark: a 10,000-row 风险分级管控清单 (two-row header, 风险点 merged down over
its hazards, LEC factors, five measure columns) imported into an empty database.

    python bench/bench_import.py [--rows 10000] [--repeat 3]

The baseline is openpyxl alone reading every cell value of the same file in its fastest mode
(read-only, values only), so "import / baseline" says what finding the table and its merged
ranges, checking and grading every row and writing it in one transaction cost over merely reading
the workbook. openpyxl's ordinary full read is shown for comparison. Goal: the import under 10 s.
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from dualprev.domain.importing.fields import ImportKind
from dualprev.services.importing.runner import run_import
from dualprev.storage.db import open_database

_GROUPS = (("风险点", ("编号", "名称", "类型", "区域位置")), ("风险评价", ("L", "E", "C", "D")),
           ("管控措施", ("工程技术措施", "管理措施", "培训教育措施", "个体防护措施", "应急处置措施")))  # fmt: skip
_SINGLE = ("序号", "检查项目", "危险源或潜在事件", "事故类型", "风险等级", "管控层级", "责任单位", "责任人")
_LEC = ((1, 6, 7, "低风险"), (3, 6, 7, "一般风险"), (3, 6, 15, "较大风险"), (0.5, 6, 15, "低风险"))


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``work``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def write_list(path: Path, rows: int, per_point: int = 5) -> None:
    """A consultant-style list of ``rows`` hazards, ``per_point`` per risk point."""
    wb = Workbook()
    ws = wb.active
    ws.title = "设备设施类"
    headings = ["序号", *_GROUPS[0][1], "检查项目", "危险源或潜在事件", "事故类型", *_GROUPS[1][1], "风险等级",
                *_GROUPS[2][1], "管控层级", "责任单位", "责任人"]  # fmt: skip
    ws.append(["风险分级管控清单"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    top = [h if h in _SINGLE else "" for h in headings]
    for group, subs in _GROUPS:
        first = headings.index(subs[0])
        top[first] = group
    ws.append(top)
    ws.append([h if h not in _SINGLE else "" for h in headings])
    for col, heading in enumerate(headings, start=1):
        if heading in _SINGLE:
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
    for _group, subs in _GROUPS:
        first = headings.index(subs[0]) + 1
        ws.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + len(subs) - 1)
    for i in range(rows):
        point = i // per_point
        l_value, e_value, c_value, level = _LEC[i % len(_LEC)]
        first = i % per_point == 0
        ws.append([
            i + 1, f"FX-{point:05d}" if first else None, f"设备{point}" if first else None,
            "设备设施" if first else None, f"车间{point % 20}" if first else None,
            f"检查项目{i % per_point}", f"危险源描述{i}：防护装置缺失", "机械伤害、物体打击",
            l_value, e_value, c_value, l_value * e_value * c_value, level,
            "加装防护罩并联锁", "1. 班前点检\n2. 每周检查", "岗前培训", "/", "停机断电后施救",
            "班组级", f"车间{point % 20}", f"张{point % 50}（车间{point % 20}）" if first else None,
        ])  # fmt: skip
        if first and per_point > 1:
            base = ws.max_row
            for col in (2, 3, 4, 5, len(headings)):
                ws.merge_cells(start_row=base, start_column=col, end_row=base + per_point - 1, end_column=col)
    wb.save(path)


def _read_raw(path: Path, *, read_only: bool) -> int:
    wb = load_workbook(path, data_only=True, read_only=read_only)
    count = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for _ in row)
    wb.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "清单.xlsx"
        start = time.perf_counter()
        write_list(source, args.rows)
        print(f"wrote {args.rows} rows in {time.perf_counter() - start:.1f} s")
        baseline = median_seconds(lambda: _read_raw(source, read_only=True), args.repeat)
        full_read = median_seconds(lambda: _read_raw(source, read_only=False), args.repeat)
        runs = iter(range(args.repeat))

        def one_import() -> None:
            db = open_database(folder / f"run{next(runs)}.sqlite")
            report = run_import(db, ImportKind.RISK_LIST, source).report
            db.close()
            assert report.created.hazards == args.rows and not report.errors, report.to_json()

        product = median_seconds(one_import, args.repeat)
    print(f"baseline (openpyxl read-only read)   {baseline:7.2f} s")
    print(f"openpyxl full read (styles, merges)  {full_read:7.2f} s   ratio {full_read / baseline:5.1f}×")
    print(
        f"import {args.rows} rows                  {product:7.2f} s   ratio {product / baseline:5.1f}×   goal < 10 s"
    )


if __name__ == "__main__":
    main()
