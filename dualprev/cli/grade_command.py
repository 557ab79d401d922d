"""``dualprev grade lec|ls``: grade one evaluation, JSON out."""

import argparse
import json
import sys
from decimal import Decimal

from dualprev.cli.common import EXIT_OK, EXIT_USAGE, Parser
from dualprev.domain import grading
from dualprev.domain.risk import EvaluationMethod


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    grade = sub.add_parser("grade", help="按评价方法计算风险等级，输出 JSON")
    grade_sub = grade.add_subparsers(dest="method", metavar="METHOD", required=True, parser_class=Parser)
    lec = grade_sub.add_parser("lec", help="LEC：D = L × E × C")
    for name in ("L", "E", "C"):
        lec.add_argument(name)
    lec.add_argument("--scheme", default=grading.DEFAULT_SCHEME_CODES[EvaluationMethod.LEC])
    ls = grade_sub.add_parser("ls", help="风险矩阵：R = L × S")
    for name in ("L", "S"):
        ls.add_argument(name)
    ls.add_argument("--scheme", default=grading.DEFAULT_SCHEME_CODES[EvaluationMethod.LS])
    grade.set_defaults(handler=_grade)


def _grade(args: argparse.Namespace) -> int:
    try:
        scheme = grading.preset(args.scheme)
    except KeyError:
        known = "、".join(s.code for s in grading.PRESET_SCHEMES)
        print(f"错误：未知的分级方案 {args.scheme}，可用：{known}", file=sys.stderr)
        return EXIT_USAGE
    method = EvaluationMethod.LEC if args.method == "lec" else EvaluationMethod.LS
    if scheme.method is not method:
        print(f"错误：分级方案 {scheme.code} 不适用于 {method.value} 方法", file=sys.stderr)
        return EXIT_USAGE
    values = {f.key: getattr(args, f.key) for f in scheme.factors}
    try:
        result = grading.grade(scheme, values)
    except grading.FactorOutOfScale as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(grade_to_json(result), ensure_ascii=False))
    return EXIT_OK


def grade_to_json(result: grading.Grade) -> dict[str, object]:
    score: int | float = (
        int(result.score) if result.score == result.score.to_integral() else float(result.score)
    )
    if isinstance(score, float) and Decimal(repr(score)) != result.score:
        raise AssertionError("score not representable exactly")
    return {
        "method": result.method.value,
        "scheme": result.scheme,
        "score": score,
        "band": result.band,
        "band_label": result.band_label,
        "level": int(result.level),
        "level_name": result.level.label,
        "colour": result.level.colour.key,
    }
