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
