"""重大风险公告: the major risks, their measures and who is responsible, nothing else."""

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from dualprev.services.risk_report_service import export_major_risks

TODAY = date(2026, 11, 20)


def test_notice_lists_exactly_the_major_risks(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    with demo_db.engine.connect() as conn:
        major = conn.execute(
            text(
                """SELECT h.description, p.name, p.phone FROM hazard h
                   JOIN risk_point rp ON rp.id = h.risk_point_id
                   LEFT JOIN person p ON p.id = coalesce(h.responsible_person_id, rp.responsible_person_id)
                   WHERE h.current_level = 1"""
            )
        ).all()
        low = conn.execute(text("SELECT description FROM hazard WHERE current_level = 4 LIMIT 5")).all()
        principal = conn.execute(text("SELECT principal_name, duty_phone FROM enterprise")).one()
    out = tmp_path / "公告.pdf"
    result = export_major_risks(demo_db, out, today=TODAY)
    pdf = read_pdf(out)
    everything = pdf.compact()
    assert result.items == len(major) > 0 and result.pages == len(pdf.pages)
    assert "重大风险公告" in everything and "江苏恒锐精密机械有限公司" in everything
    for heading in ("危险源或潜在事件", "主要管控措施", "应急处置措施", "责任单位", "责任人", "联系电话"):
        assert heading in everything
    for description, person, phone in major:
        assert person in everything and phone in everything
        assert description[:6] in everything
    assert not any(description in everything for (description,) in low)
    assert principal.principal_name in everything and principal.duty_phone in everything
    assert "119" in everything and "120" in everything
    assert all(embedded for _name, embedded in pdf.fonts())


def test_the_posted_notice_keeps_the_posted_minimum_type_size(demo_db: Any, tmp_path: Path) -> None:
    """Like the post cards, a notice posted at the gate is set at 10 pt or more on A4 (12 on A3):
    every character of its table and notes, all but the small running header and footer."""
    from dualprev.reports.page import PaperSize

    from .card_text_sizes import text_sizes

    running = set("企业名称：江苏恒锐精密机械有限公司重大风险公告日期：年月日第页共/0123456789 -")
    for paper, least in ((PaperSize.A4, 10.0), (PaperSize.A3, 12.0)):
        out = tmp_path / f"{paper}.pdf"
        export_major_risks(demo_db, out, paper=paper, today=TODAY)
        sizes = text_sizes(out.read_bytes(), 0, card=False)
        small = {ch for ch, size in sizes if size < least - 0.01}
        assert small <= running, (paper, small - running)
        assert sum(1 for _ch, size in sizes if size >= least - 0.01) > 300
