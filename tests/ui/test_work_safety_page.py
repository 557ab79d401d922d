"""特种作业与应急 on the demo factory: the certificates with their status, a 动火 permit refused for
the welder whose certificate expired (in Chinese, nothing written) and issued for a valid one, a
certificate voided with its reason, the printouts previewed, the form dialog's own checks, and
首页's reminder."""

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dualprev.domain.certificates import CertificateKind, CertificateStatus
from dualprev.domain.permits import PermitStatus
from dualprev.services import organisation_service as org
from dualprev.services.work_safety import permits
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog
from dualprev.ui.dialogs.record_form_dialog import FieldKind, FormField, RecordFormDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.home_page import HomePage
from dualprev.ui.pages.work_safety_page import WorkSafetyPage

from ..conftest import DEMO_TODAY
from .conftest import MessageLog, wait_for_tasks


@pytest.fixture
def page(demo_window: MainWindow) -> WorkSafetyPage:
    shown = demo_window.show_page("work_safety")
    assert isinstance(shown, WorkSafetyPage)
    return shown


def _answer(monkeypatch: pytest.MonkeyPatch, *answers: dict[str, Any] | None) -> list[str]:
    """Make RecordFormDialog.ask return ``answers`` in turn (merged over the values it was given)."""
    queue = list(answers)
    titles: list[str] = []

    def ask(
        _cls: Any, _parent: Any, title: str, _fields: Any, values: Any = None, *_a: Any, **_k: Any
    ) -> Any:
        titles.append(title)
        answer = queue.pop(0)
        return None if answer is None else {**(values or {}), **answer}

    monkeypatch.setattr(RecordFormDialog, "ask", classmethod(ask))
    return titles


def test_certificates_tab_shows_status(page: WorkSafetyPage, qtmodeltester: ModelTester) -> None:
    model = page.certificates_tab.model
    qtmodeltester.check(model)
    rows = model.records()
    assert len(rows) == 7
    yang = next(r for r in rows if r.person_name == "杨帆")
    assert yang.status is CertificateStatus.EXPIRED and yang.kind is CertificateKind.WELDING
    assert "已过期 1 本" in page.summary_label.text()
    for tab in (page.permits_tab, page.spaces_tab, page.plans_tab, page.drills_tab):
        qtmodeltester.check(tab.model)
        assert tab.model.rowCount() > 0


def test_hot_work_permit_refused_for_the_expired_welder(
    page: WorkSafetyPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    people = {p.name: p.id for p in org.list_people(page.ctx.db)}
    before = len(permits.list_permits(page.ctx.db))
    base = {"location": "机加工车间", "content": "设备底座补焊", "attendant_id": people["陈永刚"], "hours": "",
            "measures": "配备灭火器", "issuer_name": "陈永刚", "work_on": DEMO_TODAY}  # fmt: skip
    _answer(monkeypatch, {**base, "worker_id": people["杨帆"]}, {**base, "worker_id": people["王海"]})
    page.tabs.setCurrentIndex(page.PERMITS_TAB)
    page.permits_tab.findChild(QPushButton, "new_hot_work_btn").click()
    assert len(message_log.errors) == 1
    assert "杨帆" in message_log.errors[0] and "焊接与热切割作业" in message_log.errors[0]
    assert len(permits.list_permits(page.ctx.db)) == before
    page.permits_tab.findChild(QPushButton, "new_hot_work_btn").click()
    assert len(message_log.errors) == 1
    newest = page.permits_tab.selected()
    assert newest.worker_name == "王海" and newest.status is PermitStatus.ISSUED
    assert page.permits_tab.approve_btn.isEnabled() and not page.permits_tab.close_btn.isEnabled()


def test_void_certificate_and_print(
    qtbot: QtBot, page: WorkSafetyPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = page.certificates_tab
    row = next(r for r in tab.model.records() if r.person_name == "王海")
    tab.select(row.id)
    _answer(monkeypatch, {"reason": "证书编号录错"})
    next(b for b in tab.findChildren(QPushButton) if b.objectName() == "void_certificate_btn").click()
    voided = next(r for r in tab.model.records() if r.id == row.id)
    assert voided.status is CertificateStatus.VOID and voided.void_reason == "证书编号录错"
    asked = _answer(monkeypatch)  # a form opened now would find no answer queued and fail
    tab.on_edit()  # 编辑… (and a double click) leaves a voided record as it is
    assert asked == []
    shown: list[bytes] = []
    monkeypatch.setattr(
        CheckPrintDialog,
        "show_pdf",
        classmethod(lambda cls, parent, data, title, name, **_kw: shown.append(data)),
    )
    next(b for b in tab.findChildren(QPushButton) if b.objectName() == "print_certificates_btn").click()
    wait_for_tasks(qtbot)
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(shown[0])).pages)
    assert "特种作业人员持证台账" in text and "已作废" in text and "证书编号录错" in text


def test_form_dialog_refuses_a_bad_date_and_returns_values(qtbot: QtBot) -> None:
    dialog = RecordFormDialog(
        "t",
        [FormField("name", "名称"), FormField("due", "复审日期", FieldKind.OPTIONAL_DATE)],
        {"name": "x"},
        lambda v: [] if v["name"] else [("name", "请填写名称")],
    )
    qtbot.addWidget(dialog)
    dialog.widgets["due"].setText("2026-13-01")  # type: ignore[attr-defined]
    dialog._on_accept()
    assert "不是有效日期" in dialog.error_label.text() and dialog.result() == 0
    dialog.widgets["due"].setText("2027-01-04")  # type: ignore[attr-defined]
    dialog._on_accept()
    assert dialog.values() == {"name": "x", "due": date(2027, 1, 4)}


def test_home_shows_certificate_reminders(demo_window: MainWindow) -> None:
    home = demo_window.show_page("home")
    assert isinstance(home, HomePage)
    text = home.certificate_box.certificates_label.text()
    assert "已过期" in text and "杨帆" in text and "冯伟" in text and "彭涛" in text


def test_report_page_builds_the_inspection_pack_for_its_period(
    qtbot: QtBot,
    demo_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
    tmp_path: Path,
) -> None:
    from dualprev.reports.ledger_period import ReportPeriod
    from dualprev.services.inspection_pack import PackResult
    from dualprev.ui.widgets import inspection_pack_box

    asked: list[tuple[Path, Any]] = []
    monkeypatch.setattr(
        inspection_pack_box, "choose_pack_file", lambda _parent, _suggested: tmp_path / "p.zip"
    )
    monkeypatch.setattr(
        inspection_pack_box,
        "build_pack",
        lambda _db, out, period, today: asked.append((out, period)) or PackResult(out, ()),
    )
    reports = demo_window.show_page("reports")
    reports.set_period(ReportPeriod.quarter(2026, 4))  # type: ignore[attr-defined]
    reports.findChild(QPushButton, "inspection_pack_btn").click()
    wait_for_tasks(qtbot)
    [(out, period)] = asked
    assert out == tmp_path / "p.zip"
    assert (period.start, period.end) == (date(2026, 10, 1), DEMO_TODAY)  # not beyond today
    assert "已生成迎检资料包" in message_log.infos[0]


def test_permit_form_says_why_the_expired_welder_cannot_be_the_worker(
    page: WorkSafetyPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's own check refuses him while it is still open (nothing typed is lost)."""
    people = {p.name: p.id for p in org.list_people(page.ctx.db)}
    checks: list[Any] = []
    monkeypatch.setattr(
        RecordFormDialog,
        "ask",
        classmethod(lambda _c, _p, _t, _f, _v=None, check=None, **_k: checks.append(check)),
    )
    page.permits_tab.findChild(QPushButton, "new_hot_work_btn").click()
    values = {"location": "仓库", "content": "补焊", "attendant_id": None, "confined_space_id": None,
              "work_on": DEMO_TODAY, "worker_id": people["杨帆"]}  # fmt: skip
    (problems,) = [dict(checks[0](values))]
    assert "焊接与热切割作业" in problems["worker_id"] and "过期" in problems["worker_id"]
    assert "杨帆" in problems["worker_id"]
    assert dict(checks[0]({**values, "worker_id": people["王海"]})) == {}
