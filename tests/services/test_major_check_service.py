"""The 判定标准 self-check end to end: the items that apply, 不符合 answers registered as linked
重大隐患, the signed record PDF and ``dualprev export major-check``, and the 重大隐患 duties
(report before 销号, 挂牌督办, 职代会) as the user meets them."""

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from dualprev.app import main
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.major_duties import AnswerDraft, CheckAnswer, MajorCheckKind, SupervisionDraft
from dualprev.domain.major_standard import Sector, SpecialCondition
from dualprev.errors import NotFoundError, ValidationError
from dualprev.services import ledger_report_service as lrs
from dualprev.services import major_check_service as checks
from dualprev.services import major_standard_service as standard
from dualprev.services import organisation_service as org
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import duties, lifecycle, registration
from dualprev.services.hidden_dangers.lifecycle import (
    AcceptanceInput,
    CompletionInput,
    PostEvaluationInput,
    RemediationPlanInput,
    ReportInput,
    StartInput,
)
from dualprev.services.info_service import file_info
from dualprev.services.risk_report_service import load_risk_report
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import HiddenDanger, MajorCheck

from ..conftest import count_rows

TODAY = date(2026, 11, 20)
ACTOR = "沈立明"
SCOPE = standard.StandardScope((Sector.MACHINERY,), (SpecialCondition.DUST,))


def _people(db: Database) -> tuple[int, int]:
    people = [p.id for p in org.list_people(db) if p.id is not None]
    return people[0], people[1]


def _answers(db: Database, *, failing: dict[str, str]) -> tuple[AnswerDraft, ...]:
    rectifier, _ = _people(db)
    out = []
    for key, _label, _text, _verified in checks.applicable_items(db):
        if key in failing:
            out.append(
                AnswerDraft(
                    key, CheckAnswer.NON_COMPLIANT, failing[key], "抛光车间", rectifier, date(2026, 12, 31)
                )
            )
        elif key.startswith("7-"):
            out.append(AnswerDraft(key, CheckAnswer.NOT_APPLICABLE, "无熔融金属作业"))
        else:
            out.append(AnswerDraft(key, CheckAnswer.COMPLIANT))
    return tuple(out)


FAILING = {"11-2": "铝合金件与钢件抛光粉尘共用1号除尘器", "3-2": "焊工王某焊接与热切割作业证已过期仍上岗"}


def test_the_self_check_lists_the_articles_of_machinery_with_dust(demo_db: Database) -> None:
    standard.save_scope(demo_db, SCOPE, actor=ACTOR)
    keys = [key for key, *_rest in checks.applicable_items(demo_db)]
    assert {k.split("-")[0] for k in keys} == {"3", "7", "11"} and len(keys) == 20
    assert standard.get_scope(demo_db).text == "机械、粉尘涉爆"
    standard.save_scope(demo_db, standard.StandardScope(), actor=ACTOR)
    assert [key for key, *_ in checks.applicable_items(demo_db)] == ["3-1", "3-2", "3-3"]


def test_non_compliant_answers_become_linked_major_hidden_dangers(demo_db: Database, tmp_path: Path) -> None:
    standard.save_scope(demo_db, SCOPE, actor=ACTOR)
    before = count_rows(demo_db, HiddenDanger)
    data = checks.MajorCheckInput(TODAY, "沈立明、顾建华", _answers(demo_db, failing=FAILING))
    info = checks.record_self_check(demo_db, data, actor=ACTOR, today=TODAY)
    assert count_rows(demo_db, HiddenDanger) == before + 2
    assert info.count(CheckAnswer.NON_COMPLIANT) == 2 and info.count(CheckAnswer.NOT_APPLICABLE) == 7
    failed = {a.item_key: a for a in info.answers if a.answer is CheckAnswer.NON_COMPLIANT}
    dust = hd_detail.get_detail(demo_db, failed["11-2"].hidden_danger_id or 0, today=TODAY)
    assert dust.level is HiddenDangerLevel.MAJOR and dust.status is HiddenDangerStatus.PENDING
    assert dust.draft.standard_item == "11-2" and "第十一条第（二）项" in dust.draft.basis
    assert dust.self_check_id == info.id  # linked both ways
    assert failed["11-2"].hidden_danger_number == dust.number
    assert dust.draft.description == FAILING["11-2"] and dust.draft.source_detail.startswith("年度自查")
    # The record prints with every item, the conclusions, the numbers and the signature lines.
    out = tmp_path / "check.pdf"
    result = checks.export_check(demo_db, out)
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert result.items == 20
    assert "重大事故隐患自查记录" in text and "机械、粉尘涉爆" in text
    assert "第十一条" in text and "第七条" in text and "第三条" in text and "第四条" not in text
    assert dust.number in text and "不符合2项" in text and "不适用7项" in text
    assert "主要负责人（签字）" in text and "自查人员（签字）" in text
    assert "※" in text  # unverified wording is marked, with the note under the table
    assert "未能与官方文本逐字核对" in text


def test_a_refused_self_check_writes_nothing(demo_db: Database) -> None:
    standard.save_scope(demo_db, SCOPE, actor=ACTOR)
    answers = _answers(demo_db, failing=FAILING)
    incomplete = (
        replace(answers[1], rectifier_id=None)
        if answers[1].answer is CheckAnswer.NON_COMPLIANT
        else answers[1]
    )
    before, checks_before = count_rows(demo_db, HiddenDanger), count_rows(demo_db, MajorCheck)
    with pytest.raises(ValidationError, match="请逐项给出结论"):
        checks.record_self_check(
            demo_db, checks.MajorCheckInput(TODAY, "x", answers[:-1]), actor=ACTOR, today=TODAY
        )
    with pytest.raises(ValidationError, match="整改责任人"):
        checks.record_self_check(
            demo_db,
            checks.MajorCheckInput(TODAY, "x", (answers[0], incomplete, *answers[2:])),
            actor=ACTOR,
            today=TODAY,
        )
    assert count_rows(demo_db, HiddenDanger) == before and count_rows(demo_db, MajorCheck) == checks_before


def test_export_major_check_prints_the_latest(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(demo_path)
    try:
        standard.save_scope(db, SCOPE, actor=ACTOR)
        first = checks.MajorCheckInput(date(2026, 1, 10), "甲", _answers(db, failing={}))
        checks.record_self_check(db, first, actor=ACTOR, today=TODAY)
        second = checks.MajorCheckInput(
            TODAY, "乙丙", _answers(db, failing=FAILING), kind=MajorCheckKind.ON_DEMAND
        )
        checks.record_self_check(db, second, actor=ACTOR, today=TODAY)
    finally:
        db.close()
    out = tmp_path / "latest.pdf"
    assert main(["export", "major-check", "--db", str(demo_path), "--out", str(out)]) == 0
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "专项自查" in text and "2026-11-20" in text and "乙丙" in text and "不符合2项" in text
    capsys.readouterr()
    assert main(["info", "--db", str(demo_path)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["major_hidden_dangers_open"] == 5  # the demo's three and the two just found
    assert summary["accident_vocabulary"]
    assert file_info(demo_path).major_hidden_dangers_open == 5


def test_without_a_self_check_there_is_nothing_to_print(empty_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    with pytest.raises(NotFoundError, match="还没有判定标准自查记录"):
        checks.export_check(empty_db, out)
    assert not out.exists()


def test_the_demo_registers_the_two_major_hidden_dangers_its_self_check_finds(demo_db: Database) -> None:
    (latest,) = checks.list_checks(demo_db)
    assert latest.scope.text == "机械、粉尘涉爆" and latest.kind is MajorCheckKind.ANNUAL
    assert {a.item_key.split("-")[0] for a in latest.answers} == {"3", "7", "11"}
    failed = {a.item_key: a for a in latest.answers if a.answer is CheckAnswer.NON_COMPLIANT}
    assert set(failed) == {"3-2", "7-7", "11-2"}
    assert failed["7-7"].hidden_danger_number == "YH-2026-0021"  # already in rectification: linked
    for key in ("3-2", "11-2"):
        found = hd_detail.get_detail(demo_db, failed[key].hidden_danger_id or 0, today=TODAY)
        assert found.level is HiddenDangerLevel.MAJOR and found.draft.standard_item == key
        assert found.plan is not None and found.plan_missing == ()
        assert found.reported_on is not None and found.report_method == "书面报告"
        assert found.self_check_id == latest.id
    assert {failed["3-2"].hidden_danger_number, failed["11-2"].hidden_danger_number} == {
        "YH-2026-0037",
        "YH-2026-0038",
    }


def test_a_major_is_closed_only_after_its_report_and_supervision_approval(demo_db: Database) -> None:
    standard.save_scope(demo_db, SCOPE, actor=ACTOR)
    info = checks.record_self_check(
        demo_db, checks.MajorCheckInput(TODAY, "沈立明", _answers(demo_db, failing={"3-2": FAILING["3-2"]})),
        actor=ACTOR, today=TODAY,
    )  # fmt: skip
    hd = next(a.hidden_danger_id for a in info.answers if a.hidden_danger_id) or 0
    _rectifier, acceptor = _people(demo_db)
    plan = RemediationPlanInput(*(f"内容{i}" for i in range(6)))
    lifecycle.save_remediation_plan(demo_db, hd, plan, actor=ACTOR, today=TODAY)
    lifecycle.start_rectification(
        demo_db, hd, StartInput(interim_measures="停止其焊接作业"), actor=ACTOR, today=TODAY
    )
    lifecycle.submit_for_acceptance(
        demo_db, hd, CompletionInput(TODAY, "复审取证后上岗"), actor=ACTOR, today=TODAY
    )
    lifecycle.record_post_evaluation(
        demo_db, hd, PostEvaluationInput("已取得有效证书", TODAY), actor=ACTOR, today=TODAY
    )
    accept = AcceptanceInput(acceptor, TODAY, "验收合格")
    with pytest.raises(ValidationError, match="须先记录向负有安全生产监督管理职责的部门报告"):
        lifecycle.accept(demo_db, hd, accept, actor=ACTOR, today=TODAY)
    with pytest.raises(ValidationError, match="报告方式"):
        lifecycle.record_report_to_authority(
            demo_db, hd, ReportInput("镇应急办", TODAY, method=" "), actor=ACTOR, today=TODAY
        )
    reported = lifecycle.record_report_to_authority(
        demo_db,
        hd,
        ReportInput("丰泽镇应急管理办公室", TODAY, "书面报告", "恒锐安〔2026〕12号"),
        actor=ACTOR,
        today=TODAY,
    )
    assert reported.report_document_number == "恒锐安〔2026〕12号"
    assert (
        reported.events[-1].remark == "2026-11-20 以书面报告报告丰泽镇应急管理办公室，文号 恒锐安〔2026〕12号"
    )
    supervised = duties.record_supervision(
        demo_db,
        hd,
        SupervisionDraft("武进区应急管理局", TODAY, "武应急督〔2026〕5号"),
        actor=ACTOR,
        today=TODAY,
    )
    assert supervised.supervision_number == "武应急督〔2026〕5号"
    with pytest.raises(ValidationError, match="挂牌督办"):
        lifecycle.accept(demo_db, hd, accept, actor=ACTOR, today=TODAY)
    duties.record_supervision(
        demo_db, hd, SupervisionDraft("武进区应急管理局", TODAY, "武应急督〔2026〕5号", TODAY, TODAY), actor=ACTOR,
        today=TODAY,
    )  # fmt: skip
    congress = duties.record_congress_report(demo_db, hd, TODAY, actor=ACTOR, today=TODAY)
    assert congress.congress_reported_on == TODAY
    assert lifecycle.accept(demo_db, hd, accept, actor=ACTOR, today=TODAY).status is HiddenDangerStatus.CLOSED


def test_duties_are_for_major_hidden_dangers_only(demo_db: Database) -> None:
    general = next(h for h in checks_general(demo_db))
    with pytest.raises(ValidationError, match="只有重大隐患"):
        duties.record_congress_report(demo_db, general, TODAY, actor=ACTOR, today=TODAY)
    with pytest.raises(NotFoundError):
        checks.get_check(demo_db, 999)


def checks_general(db: Database) -> list[int]:
    with db.read_session() as s:
        rows = s.exec(select(HiddenDanger).where(HiddenDanger.level == HiddenDangerLevel.GENERAL)).all()
        return [r.id for r in rows if r.id is not None]


def test_the_major_report_prints_the_cause_apart_from_the_basis_and_the_duties(
    demo_db: Database, tmp_path: Path
) -> None:
    standard.save_scope(demo_db, SCOPE, actor=ACTOR)
    info = checks.record_self_check(
        demo_db, checks.MajorCheckInput(TODAY, "沈立明", _answers(demo_db, failing={"11-2": FAILING["11-2"]})),
        actor=ACTOR, today=TODAY,
    )  # fmt: skip
    hd = next(a.hidden_danger_id for a in info.answers if a.hidden_danger_id) or 0
    detail = hd_detail.get_detail(demo_db, hd, today=TODAY)
    cause = "新增铝件抛光工位时未经变更管理，直接接入原钢件除尘管网"
    registration.update(demo_db, hd, replace(detail.draft, cause=cause), actor=ACTOR, today=TODAY)
    out = tmp_path / "before.pdf"
    lrs.export_major_report(demo_db, out, detail.number, today=TODAY)
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert f"产生原因：{cause}" in text and "判定依据：《工贸企业重大事故隐患判定标准》" in text
    assert "判定依据（产生原因）" not in text
    assert "向负有安全生产监督管理职责的部门报告：尚未报告" in text and "挂牌督办：未挂牌督办" in text
    lifecycle.record_report_to_authority(
        demo_db,
        hd,
        ReportInput("丰泽镇应急管理办公室", TODAY, "书面报告", "恒锐安〔2026〕12号"),
        actor=ACTOR,
        today=TODAY,
    )
    duties.record_supervision(
        demo_db,
        hd,
        SupervisionDraft("武进区应急管理局", TODAY, "武应急督〔2026〕5号", TODAY),
        actor=ACTOR,
        today=TODAY,
    )
    duties.record_congress_report(demo_db, hd, TODAY, actor=ACTOR, today=TODAY)
    lrs.export_major_report(demo_db, out, detail.number, today=TODAY)
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "报告文号恒锐安〔2026〕12号" in text or "恒锐安〔2026〕12号" in text
    assert "武进区应急管理局于2026-11-20挂牌督办，督办编号：武应急督〔2026〕5号" in text
    assert "2026-11-20申请销号，待督办单位批准" in text
    assert "向职工代表大会（职工大会）报告：2026-11-20已报告" in text


def test_the_statistics_form_prints_the_rate_that_counts_overdue_items(
    demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stats.pdf"
    assert (
        main(["export", "ledger-stats", "--db", str(demo_path), "--period", "2026", "--out", str(out)]) == 0
    )
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
    assert "到期应整改" in text and "按期整改÷到期应整改（逾期未销号的计入分母）" in text
    assert "按期整改率=按期整改÷到期应整改（整改期限在统计期内的全部隐患，逾期未销号的也计入分母）" in text


def test_risk_list_and_major_risk_notice_flag_an_owner_below_the_tier(
    demo_path: Path, tmp_path: Path
) -> None:
    """The demo is consistent; a 公司级 重大风险 handed to a team leader is flagged in both printouts."""
    db = open_database(demo_path)
    try:
        assert not any(h.owner_mismatch for p in load_risk_report(db).risk_points for h in p.hazards)
    finally:
        db.close()
    with closing(sqlite3.connect(demo_path)) as conn:
        team_leader = conn.execute(
            "SELECT person.id FROM person JOIN department ON department.id = person.department_id "
            "WHERE department.kind = 'team' LIMIT 1"
        ).fetchone()[0]
        conn.execute(
            "UPDATE hazard SET responsible_person_id = ? WHERE current_level = 1 AND control_tier = 'company'",
            (team_leader,),
        )
        conn.commit()
    for kind in ("major-risks", "risk-list"):
        out = tmp_path / f"{kind}.pdf"
        assert main(["export", kind, "--db", str(demo_path), "--out", str(out)]) == 0
        text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(out)).pages)
        assert "（应为公司级责任人）" in text and "请改为公司级责任人" in text, kind
