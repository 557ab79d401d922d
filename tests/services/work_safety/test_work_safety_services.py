"""Certificates, permits, confined spaces, plans and drills through the services: create, edit,
void (audited, never deleted), the expired-certificate refusal, the permit's steps, the 首页
reminders, and an improvement registered as a hidden danger — each read back from the database."""

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from dualprev.domain.certificates import CertificateKind, CertificateStatus
from dualprev.domain.drills import DrillForm
from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.domain.permits import PermitKind, PermitStatus
from dualprev.errors import ValidationError
from dualprev.services import organisation_service as org
from dualprev.services.work_safety import certificates, drills, permits
from dualprev.services.work_safety.certificates import CertificateInput
from dualprev.services.work_safety.permits import PermitInput
from dualprev.storage.models import AuditLog, Certificate
from tests.conftest import DEMO_TODAY, count_rows

TODAY = DEMO_TODAY


def _person(db: Any, name: str) -> int:
    return next(p.id for p in org.list_people(db) if p.name == name)


def _hot_work(db: Any, worker: str, *, on: date = TODAY) -> PermitInput:
    return PermitInput(PermitKind.HOT_WORK, on, "机加工车间", "设备底座补焊", _person(db, worker), None)


def test_demo_reminders_agree_with_the_story(demo_db: Any) -> None:
    found = certificates.reminders(demo_db, today=TODAY)
    assert [(r.person_name, r.kind) for r in found.expired] == [("杨帆", CertificateKind.WELDING)]
    assert [r.person_name for r in found.within_30] == ["冯伟"]
    assert [r.person_name for r in found.within_60] == ["彭涛"]


def test_expired_certificate_refuses_the_worker_of_a_hot_work_permit(demo_db: Any) -> None:
    before = len(permits.list_permits(demo_db))
    with pytest.raises(ValidationError) as refused:
        permits.save_permit(demo_db, None, _hot_work(demo_db, "杨帆"), actor="t")
    assert "杨帆" in str(refused.value) and "焊接与热切割作业" in str(refused.value)
    assert refused.value.field == "worker"
    with pytest.raises(ValidationError, match="没有“焊接与热切割作业”"):
        permits.save_permit(demo_db, None, _hot_work(demo_db, "孙磊"), actor="t")
    assert len(permits.list_permits(demo_db)) == before  # nothing written
    permit_id = permits.save_permit(demo_db, None, _hot_work(demo_db, "王海"), actor="t")
    row = next(p for p in permits.list_permits(demo_db) if p.id == permit_id)
    assert row.number == "DH-2026-003" and row.status is PermitStatus.ISSUED and row.worker_name == "王海"


def test_a_certificate_that_runs_out_before_the_work_day_is_refused(demo_db: Any) -> None:
    # 王海's review is due in 195 days after the demo day: work beyond it is refused.
    with pytest.raises(ValidationError, match="王海"):
        permits.save_permit(
            demo_db, None, _hot_work(demo_db, "王海", on=TODAY + timedelta(days=200)), actor="t"
        )


def test_certificate_create_edit_void_audited(demo_db: Any) -> None:
    data = CertificateInput(
        _person(demo_db, "孙磊"), CertificateKind.WELDING, " T3204 ", "常州市应急管理局",
        date(2026, 1, 5), date(2032, 1, 4), date(2029, 1, 4),
    )  # fmt: skip
    cert_id = certificates.save_certificate(demo_db, None, data, actor="陆婷")
    certificates.save_certificate(demo_db, cert_id, replace(data, number="T3204-1"), actor="陆婷")
    row = next(r for r in certificates.list_certificates(demo_db, today=TODAY) if r.id == cert_id)
    assert (row.number, row.status) == ("T3204-1", CertificateStatus.VALID)
    permits.save_permit(demo_db, None, _hot_work(demo_db, "孙磊"), actor="t")  # now he may weld
    with pytest.raises(ValidationError, match="作废原因"):
        certificates.void_certificate(demo_db, cert_id, "  ", actor="陆婷")
    certificates.void_certificate(demo_db, cert_id, "录入错误", actor="陆婷")
    row = next(r for r in certificates.list_certificates(demo_db, today=TODAY) if r.id == cert_id)
    assert row.status is CertificateStatus.VOID and row.void_reason == "录入错误"
    assert count_rows(demo_db, Certificate, Certificate.id == cert_id) == 1  # never deleted
    with pytest.raises(ValidationError):
        permits.save_permit(demo_db, None, _hot_work(demo_db, "孙磊"), actor="t")
    with demo_db.read_session() as s:
        trail = [a.action for a in s.exec(AuditLog.__table__.select().where(AuditLog.entity == "certificate")
                                          .where(AuditLog.entity_id == cert_id))]  # fmt: skip
    assert trail == ["create", "update", "void"]


def test_certificate_bad_input_names_the_field(demo_db: Any) -> None:
    data = CertificateInput(
        _person(demo_db, "孙磊"), CertificateKind.ELECTRICIAN, "X", "", date(2026, 1, 5), date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        certificates.save_certificate(demo_db, None, data, actor="t")
    assert refused.value.field == "expires_on"


def test_confined_space_permit_steps_and_gas_readings(demo_db: Any) -> None:
    space = next(s for s in permits.list_confined_spaces(demo_db) if s.data.name.startswith("喷涂废水"))
    data = PermitInput(
        PermitKind.CONFINED_SPACE, TODAY, "喷涂车间北侧", "废水池清理", _person(demo_db, "邓刚"),
        _person(demo_db, "许文军"), space.id, ventilated=True, o2_percent="18.9", lel_percent="0",
        h2s_mg_m3="0", co_mg_m3="0",
    )  # fmt: skip
    permit_id = permits.save_permit(demo_db, None, data, actor="t")
    with pytest.raises(ValidationError, match="作业许可尚未批准，不能关闭"):
        permits.close_permit(demo_db, permit_id, TODAY, "", actor="t")
    with pytest.raises(ValidationError, match=r"氧气浓度 18\.9%"):
        permits.approve_permit(demo_db, permit_id, "沈立明", TODAY, actor="t")
    permits.save_permit(demo_db, permit_id, replace(data, o2_percent="20.9"), actor="t")
    permits.approve_permit(demo_db, permit_id, "沈立明", TODAY, actor="t")
    with pytest.raises(ValidationError, match="不能再修改"):
        permits.save_permit(demo_db, permit_id, data, actor="t")
    permits.close_permit(demo_db, permit_id, TODAY, "已撤离", actor="t")
    with pytest.raises(ValidationError, match="已关闭"):
        permits.void_permit(demo_db, permit_id, "误开", actor="t")
    row = next(p for p in permits.list_permits(demo_db) if p.id == permit_id)
    assert (row.status, row.approver_name, row.closed_on) == (PermitStatus.CLOSED, "沈立明", TODAY)
    assert row.number.startswith("YX-2026-")


def test_void_a_permit_and_a_space(demo_db: Any) -> None:
    pending = next(p for p in permits.list_permits(demo_db) if p.status is PermitStatus.ISSUED)
    permits.void_permit(demo_db, pending.id, "作业取消", actor="t")
    row = next(p for p in permits.list_permits(demo_db) if p.id == pending.id)
    assert (row.status, row.void_reason) == (PermitStatus.VOID, "作业取消")
    space = permits.list_confined_spaces(demo_db)[-1]
    permits.void_confined_space(demo_db, space.id, "已填埋", actor="t")
    assert next(s for s in permits.list_confined_spaces(demo_db) if s.id == space.id).void_reason == "已填埋"


def test_drill_edit_void_and_improvement_registered_as_hidden_danger(demo_db: Any) -> None:
    drill = next(d for d in drills.list_drills(demo_db) if "乙炔" in d.data.scenario)
    with pytest.raises(ValidationError, match="参演人员"):
        drills.save_drill(demo_db, drill.id, replace(drill.data, participants=""), actor="t")
    drills.save_drill(demo_db, drill.id, replace(drill.data, form=DrillForm.TABLETOP), actor="t")
    draft = HiddenDangerDraft(
        found_on=TODAY, description="气瓶间门口未配备湿棉被和推车式灭火器", location="焊接车间气瓶间",
        rectification_measures=drill.data.improvements,
        responsible_department_id=next(d.id for d in org.list_departments(demo_db) if d.name == "焊接车间"),
        rectifier_id=_person(demo_db, "陈永刚"), deadline=TODAY + timedelta(days=7),
    )  # fmt: skip
    number = drills.register_improvement(demo_db, drill.id, draft, actor="t", today=TODAY)
    row = next(d for d in drills.list_drills(demo_db) if d.id == drill.id)
    assert row.hidden_danger_number == number and row.data.form is DrillForm.TABLETOP
    with pytest.raises(ValidationError, match="已登记过隐患"):
        drills.register_improvement(demo_db, drill.id, draft, actor="t", today=TODAY)
    drills.void_drill(demo_db, drill.id, "重复录入", actor="t")
    assert next(d for d in drills.list_drills(demo_db) if d.id == drill.id).is_void


def test_drill_photos_are_stored_and_printed(demo_db: Any, tmp_path: Any) -> None:
    import io as _io

    from PIL import Image
    from pypdf import PdfReader

    from dualprev.reports.output import ExportFormat
    from dualprev.services import photo_service
    from dualprev.services.work_safety.printouts import export_drills

    buffer = _io.BytesIO()
    Image.new("RGB", (640, 480), (30, 120, 200)).save(buffer, "JPEG")
    photo = photo_service.prepare_bytes(buffer.getvalue(), "演练.jpg")
    drill = next(d for d in drills.list_drills(demo_db) if "疏散" in d.data.scenario)
    drills.save_drill(demo_db, drill.id, drill.data, actor="t", photos=(photo,))
    (stored,) = next(d for d in drills.list_drills(demo_db) if d.id == drill.id).photo_files
    assert (demo_db.files_dir / stored).is_file()
    out = tmp_path / "drills.pdf"
    export_drills(demo_db, out, ExportFormat.PDF, today=TODAY)
    reader = PdfReader(str(out))
    assert any(page.images for page in reader.pages)
    assert "现场照片" in "".join(p.extract_text() for p in reader.pages)
