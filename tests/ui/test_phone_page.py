"""手机访问 page: the service turned on and off, a pairing code for a person, a phone's report that
appears live (badge and queue) and is accepted into the ledger or sent back, and revoking a phone."""

import io
import re
import socket
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from pytestqt.qtbot import QtBot

from dualprev.domain.phone import ReportStatus
from dualprev.lan.limits import csrf_token
from dualprev.services.hidden_dangers.ledger import query
from dualprev.services.phone import reports
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog, HiddenDangerRegistration
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages import phone_page
from dualprev.ui.pages.phone_page import PhonePage

from .conftest import MessageLog


@pytest.fixture
def first_page() -> str:
    return "phone"


@pytest.fixture
def page(demo_window: MainWindow) -> Iterator[PhonePage]:
    found = demo_window.show_page("phone")
    assert isinstance(found, PhonePage)
    yield found
    found.server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _qr_text(page: PhonePage) -> str:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    page.qr_label.pixmap().save(buffer, "PNG")
    (found,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data().data()))))
    return str(found.text)


def _jpeg() -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(data, format="JPEG")
    return data.getvalue()


def _pair_phone(page: PhonePage, base: str, person: str) -> httpx.Client:
    page.person_combo.setCurrentIndex(
        page.person_combo.findText(person, flags=phone_page.Qt.MatchFlag.MatchStartsWith)
    )
    page.pair_btn.click()
    code = re.search(r"\d{6}", page.code_label.text())
    assert code is not None
    assert _qr_text(page) == f"{base}/pair?code={code.group(0)}"
    phone = httpx.Client(base_url=base)
    form = phone.get("/pair", params={"code": code.group(0)})
    pair_csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert pair_csrf is not None
    done = phone.post(
        "/pair", data={"csrf": pair_csrf.group(1), "code": code.group(0), "device_name": "测试手机"}
    )
    assert done.status_code == 303
    return phone


def _report(phone: httpx.Client, text: str, client_id: str) -> httpx.Response:
    token = phone.cookies["dp_device"]
    return phone.post(
        "/report",
        data={"csrf": csrf_token(token), "client_id": client_id, "description": text, "location": "一车间"},
        files={"photos": ("p.jpg", _jpeg(), "image/jpeg")},
        headers={"X-Requested-With": "dp-fetch"},
    )


def test_service_pairing_live_badge_review_and_revoke(
    qtbot: QtBot, page: PhonePage, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog, tmp_path: Path,
) -> None:  # fmt: skip
    assert "已关闭" in page.state_label.text()
    page.address_combo.setCurrentIndex(page.address_combo.findData("127.0.0.1"))
    port = _free_port()
    page.port_spin.setValue(port)
    page.start_btn.click()
    base = f"http://127.0.0.1:{port}"
    assert page.server.running and base in page.state_label.text()
    assert _qr_text(page) == base + "/"

    phone = _pair_phone(page, base, "孙磊")
    nav_item = demo_window.nav_list.item(demo_window.nav_list.count() - 1)
    assert nav_item.text() == "手机访问"
    assert _report(phone, "车床防护罩松动", "a" * 32).json()["ok"]
    qtbot.waitUntil(lambda: nav_item.text() == "手机访问（1）", timeout=5000)
    qtbot.waitUntil(lambda: page.reports_model.rowCount() == 1, timeout=5000)
    page.reload()
    assert "孙磊" in page.connected_label.text()
    demo_window.grab().save(str(tmp_path / "phone-page.png"))

    # Accept: the 登记 dialog comes pre-filled from the report; the reviewer names the rectifier.
    seen: list[HiddenDangerRegistration] = []

    def register(
        _parent: object, _choices: object, _today: object, template: object
    ) -> HiddenDangerRegistration:
        assert template is not None
        registration = HiddenDangerRegistration(replace(template, rectifier_id=8))  # type: ignore[type-var]
        seen.append(registration)
        return registration

    monkeypatch.setattr(HiddenDangerDialog, "register", register)
    page.reports_view.selectRow(0)
    page.accept_btn.click()
    assert seen and seen[0].draft.description == "车床防护罩松动" and seen[0].draft.finder_names == "孙磊"
    (accepted,) = reports.list_reports(page.ctx.db, status=ReportStatus.ACCEPTED)
    assert accepted.hidden_danger_number.startswith("YH-")
    assert nav_item.text() == "手机访问"
    ledger = query(page.ctx.db, today=page.ctx.today())
    assert any(row.number == accepted.hidden_danger_number for row in ledger.rows)

    # Reject: the reporter sees the reason.
    assert _report(phone, "地面有水", "b" * 32).json()["ok"]
    qtbot.waitUntil(lambda: page.reports_model.rowCount() == 1, timeout=5000)
    monkeypatch.setattr(phone_page, "reason_for_rejection", lambda _parent, _report: "重复上报，已在台账")
    page.reports_view.selectRow(0)
    page.reject_btn.click()
    (rejected,) = reports.list_reports(page.ctx.db, status=ReportStatus.REJECTED)
    assert rejected.reject_reason == "重复上报，已在台账"
    assert "重复上报，已在台账" in phone.get("/").text

    # Revoke: the phone is refused from its next request on.
    page.reload()
    row = next(
        r for r in range(page.devices_model.rowCount()) if page.devices_model.record(r).name == "测试手机"
    )
    page.devices_view.selectRow(row)
    page.revoke_btn.click()
    assert message_log.confirmations
    refused = _report(phone, "再报一次", "c" * 32)
    assert refused.status_code == 401 and "取消配对" in refused.json()["message"]

    page.start_btn.click()
    assert not page.server.running and "已关闭" in page.state_label.text()
    with pytest.raises(httpx.ConnectError):
        httpx.get(base + "/", timeout=2)
    phone.close()
