"""岗位告知卡 on the demo factory: cards computed from the inventory, printing with snapshots,
需重新打印 after the risks change, overrides that survive, the export a user opens."""

import json
import math
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader
from sqlmodel import select

from dualprev.domain.post_card import CardField, CardStatus
from dualprev.domain.risk import RiskLevel
from dualprev.errors import NotFoundError, UserError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.services import post_card_export
from dualprev.services import post_card_service as cards
from dualprev.services.risks import hazard_list
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks import levels as risk_levels
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, Post, PostCardOverride, PostCardPrint

from ..conftest import count_rows

TODAY = date(2026, 11, 20)
LATER = date(2026, 12, 3)


@pytest.fixture
def demo_db(demo_db: Database) -> Database:
    """The demo factory without the cards it printed a month ago: these tests print their own."""
    with demo_db.session() as s:
        for row in s.exec(select(PostCardPrint)).all():
            s.delete(row)
    return demo_db


def _post_id(db: Database, name: str) -> int:
    return next(p.id for p in org.list_posts(db) if p.name == name and p.id is not None)


def _first_hazard_of(db: Database, post_name: str) -> risk_hazards.HazardDetail:
    post = next(p for p in org.list_posts(db) if p.name == post_name)
    hazards = hazard_list.list_hazards_of(db, post.risk_point_ids[0])
    return risk_hazards.get_hazard(db, hazards[0].id)


def test_cards_are_computed_from_the_inventory(demo_db: Database) -> None:
    all_cards = cards.list_cards(demo_db, today=TODAY)
    assert len(all_cards) == count_rows(demo_db, Post)  # one card per post
    levels = risk_levels.post_levels(demo_db)
    for card in all_cards:
        assert card.content.level == levels[card.post_id]
        assert card.status is CardStatus.UNPRINTED and card.status_text == "未打印"
        assert card.printable and card.sheet.revision == 1 and card.sheet.revision_date == TODAY
        assert card.sheet.qr_payload.startswith(f"DP1:HRJX:{card.post_id}:r1\n")
        assert len(card.sheet.qr_payload.encode("utf-8")) <= 400
    paint = cards.get_card(demo_db, _post_id(demo_db, "喷漆工"), today=TODAY)
    assert paint.content.level is RiskLevel.MAJOR
    assert paint.content.enterprise == "江苏恒锐精密机械有限公司"
    assert paint.content.card_number == f"HRJX-GZK-{paint.post_id:03d}"
    assert any("可燃气体" in h for h in paint.content.hazards[:2])  # the 重大 hazards come first
    assert {"火灾", "中毒", "可燃液体蒸汽爆炸"} <= set(paint.content.accident_types)
    assert paint.content.measures[0].label == "工程技术措施"
    assert "0519-86512110" in [p.number for p in paint.content.phones]
    assert {"当心中毒", "禁止烟火"} <= {s.wording for s in paint.content.signs}
    with pytest.raises(NotFoundError):
        cards.get_card(demo_db, 9999)


def test_a_post_without_evaluated_risk_gets_a_message_not_a_blank_card(
    demo_db: Database, tmp_path: Path
) -> None:
    posts = count_rows(demo_db, Post)
    post = org.save_post(demo_db, org.PostInfo(name="保洁员"), actor="测试")
    card = cards.get_card(demo_db, post.id or 0, today=TODAY)
    assert not card.printable and "尚未关联风险点" in (card.problem or "")
    with pytest.raises(UserError, match=r"保洁员.*尚未关联风险点"):
        post_card_export.export_cards(demo_db, tmp_path / "one.pdf", post_names=["保洁员"], today=TODAY)
    assert not (tmp_path / "one.pdf").exists()
    result = post_card_export.export_cards(demo_db, tmp_path / "all.pdf", today=TODAY)
    assert [s.post_name for s in result.skipped] == ["保洁员"] and result.pages == posts


def test_export_gives_one_page_per_post_that_decodes_and_records_prints(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "cards" / "告知卡.pdf"
    seen: list[tuple[int, int]] = []
    result = post_card_export.export_cards(
        demo_db, out, today=TODAY, actor="沈立明", progress=lambda d, t: seen.append((d, t))
    )
    posts = count_rows(demo_db, Post)
    assert result.path == out and out.exists() and result.pages == posts
    assert result.did_not_fit == () and result.skipped == ()
    assert seen[-1] == (posts, posts)
    reader = PdfReader(str(out))
    assert len(reader.pages) == posts
    listed = cards.list_cards(demo_db, today=TODAY)
    for page, card in enumerate(listed):
        assert card.content.post in reader.pages[page].extract_text()
    document = pdfium.PdfDocument(str(out))
    try:
        for page in (0, 5):
            image = document[page].render(scale=300 / 72).to_pil()
            assert [b.text for b in zxingcpp.read_barcodes(image)] == [listed[page].sheet.qr_payload]
    finally:
        document.close()
    assert all(c.status is CardStatus.PRINTED and c.status_text == "已打印 r1" for c in listed)
    assert cards.cards_needing_reprint(demo_db) == []
    with demo_db.read_session() as s:
        prints = s.exec(select(PostCardPrint)).all()
        audit = s.exec(select(AuditLog).where(AuditLog.entity == "post_card")).all()
    assert (
        len(prints) == posts
        and {p.revision for p in prints} == {1}
        and {p.page_size for p in prints} == {"A4"}
    )
    snap = json.loads(prints[0].snapshot)
    assert snap["revision"] == 1 and snap["revision_date"] == "2026-11-20" and snap["qr_payload"]
    assert audit[-1].actor == "沈立明" and "打印岗位告知卡" in audit[-1].summary


def test_changed_risks_mark_printed_cards_for_reprint(
    demo_db: Database, demo_path: Path, tmp_path: Path
) -> None:
    painter = _post_id(demo_db, "喷漆工")
    post_card_export.export_cards(demo_db, tmp_path / "a.pdf", post_names=["喷漆工", "电工"], today=TODAY)
    detail = _first_hazard_of(demo_db, "喷漆工")
    risk_hazards.save_hazard(
        demo_db, replace(detail.info, description="喷漆房可燃气体报警器失灵"), actor="测试"
    )

    needs = cards.cards_needing_reprint(demo_db)
    assert [n.post_name for n in needs] == ["喷漆工"]
    assert needs[0].printed_revision == 1 and "主要危险有害因素" in needs[0].changed
    card = cards.get_card(demo_db, painter, today=LATER)
    assert card.status is CardStatus.STALE and card.status_text == "需重新打印（已打印 r1）"
    assert card.sheet.revision == 2 and card.sheet.revision_date == LATER
    assert card.sheet.qr_payload.startswith(f"DP1:HRJX:{painter}:r2\n")
    assert "喷漆房可燃气体报警器失灵" in card.content.hazards

    cards.record_print(demo_db, [card], page_size="A3", actor="测试")
    demo_db.close()
    reopened = open_database(demo_path, create=False)
    try:
        again = cards.get_card(reopened, painter, today=date(2027, 1, 5))
        assert again.status is CardStatus.PRINTED and again.sheet.revision == 2
        assert again.sheet.revision_date == LATER  # the revision keeps its date
        assert cards.cards_needing_reprint(reopened) == []
    finally:
        reopened.close()


def test_enterprise_phone_change_and_qr_template_also_need_a_reprint(
    demo_db: Database, tmp_path: Path
) -> None:
    post_card_export.export_cards(demo_db, tmp_path / "a.pdf", post_names=["电工"], today=TODAY)
    profile = org.get_enterprise(demo_db)
    assert profile is not None
    org.save_enterprise(demo_db, replace(profile, duty_phone="0519-86510000"), actor="测试")
    needs = cards.cards_needing_reprint(demo_db)
    assert [(n.post_name, n.changed) for n in needs] == [("电工", ("应急电话",))]

    post_card_export.export_cards(demo_db, tmp_path / "b.pdf", post_names=["电工"], today=TODAY)
    assert cards.cards_needing_reprint(demo_db) == []
    with pytest.raises(ValidationError, match="未知占位符"):
        cards.set_qr_url_template(demo_db, "http://oa/{who}", actor="测试")
    cards.set_qr_url_template(demo_db, "http://oa.hr.local/cards/{code}/{post_id}?r={revision}", actor="测试")
    electrician = cards.get_card(demo_db, _post_id(demo_db, "电工"))
    assert electrician.sheet.qr_payload == f"http://oa.hr.local/cards/HRJX/{electrician.post_id}?r=3"
    assert [n.post_name for n in cards.cards_needing_reprint(demo_db)] == ["电工"]
    cards.set_qr_url_template(demo_db, "", actor="测试")
    assert cards.qr_url_template(demo_db) == ""


def test_overrides_survive_regeneration_and_can_be_cleared(demo_db: Database) -> None:
    welder = _post_id(demo_db, "电焊工")
    cards.save_override(demo_db, welder, CardField.HAZARDS, "1. 焊接烟尘\n2. 气瓶泄漏\n", actor="测试")
    cards.save_override(demo_db, welder, CardField.SIGNS, "当心弧光、必须戴防尘口罩", actor="测试")
    card = cards.get_card(demo_db, welder)
    assert card.content.hazards == ("焊接烟尘", "气瓶泄漏")
    assert [s.wording for s in card.content.signs] == ["当心弧光", "必须戴防尘口罩"]
    assert card.content.overridden == {CardField.HAZARDS, CardField.SIGNS}
    assert card.computed.hazards != card.content.hazards

    detail = _first_hazard_of(demo_db, "电焊工")
    risk_hazards.save_hazard(demo_db, replace(detail.info, description="焊机外壳接地线脱落"), actor="测试")
    regenerated = cards.get_card(demo_db, welder)
    assert regenerated.content.hazards == ("焊接烟尘", "气瓶泄漏")  # the override survives
    assert "焊机外壳接地线脱落" in regenerated.computed.hazards

    with pytest.raises(ValidationError, match="当心外星人"):
        cards.save_override(demo_db, welder, CardField.SIGNS, "当心外星人", actor="测试")
    with pytest.raises(ValidationError):
        cards.save_override(demo_db, welder, CardField.LEVEL, "低风险", actor="测试")
    cards.clear_override(demo_db, welder, CardField.HAZARDS, actor="测试")
    # Saving the computed text itself is no override.
    computed_phones = "\n".join(f"{p.label} {p.number}" for p in regenerated.computed.phones)
    cards.save_overrides(demo_db, welder, {CardField.PHONES: computed_phones + "\n"}, actor="测试")
    after = cards.get_card(demo_db, welder)
    assert after.content.overridden == {CardField.SIGNS}
    assert after.content.hazards == after.computed.hazards
    with demo_db.read_session() as s:
        rows = s.exec(select(PostCardOverride).where(PostCardOverride.post_id == welder)).all()
        audit = s.exec(select(AuditLog).where(AuditLog.entity == "post_card")).all()
    assert [r.field_key for r in rows] == ["signs"]
    assert any("安全警示标志" in a.summary for a in audit)


def test_export_choices_and_refusals(demo_db: Database, tmp_path: Path) -> None:
    result = post_card_export.export_cards(
        demo_db, tmp_path / "a3.pdf", size="A3", post_names=["车工"], record=False
    )
    assert result.cards == ("车工",) and result.pages == 1
    box = PdfReader(str(tmp_path / "a3.pdf")).pages[0].mediabox
    assert round(float(box.width)) == 842
    assert cards.list_cards(demo_db)[0].status is CardStatus.UNPRINTED  # record=False
    two = post_card_export.export_cards(demo_db, tmp_path / "2up.pdf", size="A4", two_up=True, actor="测试")
    # Two cards a sheet; an A5 half too small for a card at 9 pt continues it in the next half.
    assert two.pages >= math.ceil(count_rows(demo_db, Post) / 2) and set(two.did_not_fit) <= set(two.cards)
    with demo_db.read_session() as s:
        assert {p.page_size for p in s.exec(select(PostCardPrint)).all()} == {"A4x2"}
    with pytest.raises(NotFoundError, match="没有名为“门卫”的岗位"):
        post_card_export.export_cards(demo_db, tmp_path / "x.pdf", post_names=["门卫"])
    with pytest.raises(ValidationError, match="纸张大小"):
        post_card_export.export_cards(demo_db, tmp_path / "x.pdf", size="B5")
    with pytest.raises(ValidationError, match="A5 纸不能两张拼版"):
        post_card_export.export_cards(demo_db, tmp_path / "x.pdf", size="A5", two_up=True)


def test_cancelled_export_writes_and_records_nothing(demo_db: Database, tmp_path: Path) -> None:
    done: list[int] = []
    result = post_card_export.export_cards(
        demo_db, tmp_path / "c.pdf", progress=lambda d, _t: done.append(d), cancelled=lambda: len(done) >= 3
    )
    assert result.cancelled and result.path is None
    assert not (tmp_path / "c.pdf").exists()
    with demo_db.read_session() as s:
        assert s.exec(select(PostCardPrint)).all() == []


def _card_audit(db: Database) -> list[AuditLog]:
    with db.read_session() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.entity == "post_card")).all())


def test_printing_inside_a_larger_transaction(demo_db: Database) -> None:
    welder = _post_id(demo_db, "电焊工")
    printed_at = datetime(2026, 10, 21, 16, 0, tzinfo=timezone(timedelta(hours=8)))
    audited = _card_audit(demo_db)
    with demo_db.session() as s:
        (card,) = cards.cards_in(s, today=date(2026, 10, 21), post_ids=[welder])
        cards.record_print_in(s, [card], page_size="A3", printed_at=printed_at)
    again = cards.get_card(demo_db, welder, today=TODAY)
    assert again.status is CardStatus.PRINTED and again.sheet.revision_date == date(2026, 10, 21)
    assert again.printed_on == printed_at.astimezone().date()
    with demo_db.read_session() as s:
        (row,) = s.exec(select(PostCardPrint)).all()
        assert row.page_size == "A3"
    assert _card_audit(demo_db) == audited  # the caller audits
    cleaner = org.save_post(demo_db, org.PostInfo(name="保洁员"), actor="测试")
    with demo_db.session() as s:
        (blank,) = cards.cards_in(s, today=TODAY, post_ids=[cleaner.id or 0])
        with pytest.raises(ValidationError, match="尚未关联风险点"):
            cards.record_print_in(s, [blank])


def test_bundled_sign_library_loads() -> None:
    library = cards.sign_library()
    assert library.by_wording("当心机械伤人") is not None
