"""The phone pages in a real browser: headless Chromium in a 390×844 phone viewport drives a real
``dualprev serve`` on 127.0.0.1 through pairing, scanning a card, a report with a photo (reviewed on
the service side), a check task, a rectification and its acceptance, an offline draft, and bad
input; then the database is read back. Every page is saved as a screenshot
(``DUALPREV_SCREENSHOTS=folder`` keeps them)."""

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.lan.helpers import Served, card_qr_image, jpeg_bytes, photo_file, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    # CI installs them (.ci/run): there a missing browser fails the test rather than skips it.
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()) and not os.environ.get("CI"),
    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)",
)

WORKER_DEVICE = "吴的手机"


def _driver(profile: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--lang=zh-CN"):  # fmt: skip
        options.add_argument(flag)
    options.add_experimental_option(
        "mobileEmulation",
        {
            "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2},
            "userAgent": "Mozilla/5.0 (Linux; Android 10; M2004J7AC) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/86.0.4240.99 Mobile Safari/537.36 MicroMessenger/8.0.40",
        },
    )
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    wanted = os.environ.get("DUALPREV_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    profile = Path(tempfile.mkdtemp(prefix="dualprev-chromium-"))
    driver = _driver(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: Any, condition: Any, timeout: float = 15) -> Any:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, timeout, ignored_exceptions=ignored).until(condition)


def _text(driver: Any) -> str:
    return str(driver.execute_script("return document.body ? document.body.innerText : ''"))


def _shot(driver: Any, folder: Path, name: str) -> None:
    # The whole page, not only the first screen: make the window as tall as the page.
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": max(844, min(height, 4000)), "deviceScaleFactor": 2, "mobile": True},
    )
    assert driver.save_screenshot(str(folder / f"{name}.png"))
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
    )


def _notice(driver: Any) -> str:
    _wait(
        driver,
        lambda d: (
            d.find_element("id", "notice").is_displayed()
            and "正在发送" not in d.find_element("id", "notice").text
        ),
    )
    return str(driver.find_element("id", "notice").text)


def _pair(driver: Any, served: Served, code: str, device: str) -> None:
    driver.get(served.url + "/")
    _wait(driver, lambda d: "手机配对" in d.title)
    driver.find_element("id", "code").send_keys(code)
    driver.find_element("id", "device_name").send_keys(device)
    driver.find_element("id", "pair_btn").click()
    _wait(driver, lambda d: "首页" in d.title)


def test_a_phone_pairs_scans_reports_checks_and_rectifies(demo_path: Path, tmp_path: Path, browser: Any,
                                                          shots: Path) -> None:  # fmt: skip
    from dualprev.domain.checks import CheckTaskStatus
    from dualprev.domain.hidden_danger import HiddenDangerSource, HiddenDangerStatus, PhotoStage
    from dualprev.domain.phone import PhoneRole, ReportStatus
    from dualprev.services import post_card_export
    from dualprev.services.checks import records
    from dualprev.services.hidden_dangers.detail import get_detail
    from dualprev.services.phone import devices, reports
    from dualprev.storage.db import open_database

    today = date.today()
    db = open_database(demo_path, create=False)
    try:
        due = _due_task_with_assignee(db)
        worker_id = due["assignee_id"]
        post_id = _post_with_card(db)
        pdf = post_card_export.render_cards(db, post_ids=[post_id], today=today).pdf
        qr_text = card_qr_image(pdf, tmp_path / "card-qr.png")
        code = devices.create_pairing(db, worker_id, PhoneRole.WORKER, actor="安全员").code
        manager_code = devices.create_pairing(db, 3, PhoneRole.MANAGER, actor="安全员").code
    finally:
        db.close()

    with serving(demo_path) as served:
        driver = browser
        # Unpaired: every page leads to the pairing page.
        driver.get(served.url + "/tasks")
        _wait(driver, lambda d: "手机配对" in d.title)
        assert driver.execute_script("return window.innerWidth") == 390
        _shot(driver, shots, "01-pair")
        driver.find_element("id", "code").send_keys("123")
        driver.find_element("id", "device_name").send_keys(WORKER_DEVICE)
        driver.find_element("id", "pair_btn").click()
        _wait(driver, lambda d: "6 位数字" in _text(d))
        _shot(driver, shots, "02-pair-wrong-code")
        driver.find_element("id", "code").clear()
        driver.find_element("id", "device_name").clear()
        driver.find_element("id", "code").send_keys(code)
        driver.find_element("id", "device_name").send_keys(WORKER_DEVICE)
        driver.find_element("id", "pair_btn").click()
        _wait(driver, lambda d: "首页" in d.title)
        assert WORKER_DEVICE in _text(driver)
        _shot(driver, shots, "03-home")

        # 扫一扫: a photo of the card's QR code, decoded in the page.
        driver.find_element("id", "tile_scan").click()
        _wait(driver, lambda d: "扫码看卡" in d.title)
        _shot(driver, shots, "04-scan")
        driver.find_element("id", "qr_file").send_keys(str(tmp_path / "card-qr.png"))
        _wait(driver, lambda d: "告知卡" in d.title, timeout=30)
        assert "/card?id=" + qr_text.splitlines()[0].replace(":", "%3A") in driver.current_url
        card_text = _text(driver)
        for heading in ("主要危险有害因素", "管控措施", "应急处置措施", "应急电话", "119"):
            assert heading in card_text
        _shot(driver, shots, "05-card")

        # 随手拍 from the card, with a photo.
        driver.find_element("id", "report_here").click()
        _wait(driver, lambda d: "随手拍" in d.title)
        assert "来自扫码" in _text(driver)
        driver.find_element("id", "description").send_keys("砂轮机防护罩松动，手机上报")
        driver.find_element("id", "photos").send_keys(str(photo_file(tmp_path / "danger.jpg")))
        _wait(driver, lambda d: d.find_elements("css selector", "#photo_preview img"))
        _shot(driver, shots, "06-report")
        driver.find_element("id", "send_report_btn").click()
        assert "等待安全管理人员审核" in _notice(driver)
        _wait(driver, lambda d: "首页" in d.title)
        assert "待审核" in driver.find_element("id", "my_reports").text

        # Review on the service side: accepted into the ledger, with its number and photo.
        db = open_database(demo_path, create=False)
        try:
            (pending,) = reports.list_reports(db)
            assert pending.description == "砂轮机防护罩松动，手机上报"
            assert pending.post_id == post_id and len(pending.photos) == 1
            assert pending.photos[0].path.is_file()
            draft = reports.draft_for(db, pending.id, today=today)
            from dataclasses import replace

            draft = replace(draft, rectifier_id=worker_id, rectification_measures="")
            accepted = reports.accept_report(db, pending.id, draft, actor="安全员", today=today)
            assert accepted.number.startswith("YH-")
            assert accepted.draft.source is HiddenDangerSource.WORKER_REPORT
            assert len(accepted.photos_of(PhotoStage.BEFORE)) == 1
            reported_id = accepted.id
        finally:
            db.close()
        driver.get(served.url + "/")
        assert accepted.number in driver.find_element("id", "my_reports").text

        # 我的任务: record the due task item by item, one item 不合格 with a photo.
        driver.find_element("id", "tile_tasks").click()
        _wait(driver, lambda d: "我的任务" in d.title)
        _shot(driver, shots, "07-tasks")
        driver.find_element("css selector", f'a[href="/tasks/{due["id"]}"]').click()
        _wait(driver, lambda d: "排查任务" in d.title)
        items = driver.find_elements("css selector", "div.item")
        assert items
        first = items[0].get_attribute("id").removeprefix("item_")
        for item in items:
            item_id = item.get_attribute("id").removeprefix("item_")
            result = "fail" if item_id == first else "pass"
            label = driver.find_element("id", f"result_{item_id}_{result}")
            driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", label)
        driver.find_element("id", f"remark_{first}").send_keys("防护栏松脱")
        selects = driver.find_elements("id", f"rectifier_{first}")
        if selects:
            from selenium.webdriver.support.ui import Select

            Select(selects[0]).select_by_value(str(worker_id))
        driver.find_element("id", f"photo_{first}").send_keys(
            str(photo_file(tmp_path / "check.jpg", (30, 160, 60)))
        )
        _shot(driver, shots, "08-task-record")
        driver.execute_script("document.getElementById('save_check_btn').click()")
        assert "排查记录已保存" in _notice(driver)
        _wait(driver, lambda d: "我的任务" in d.title)

        # 我的整改: the accepted report is now this person's to rectify.
        driver.get(served.url + "/rectify")
        _wait(driver, lambda d: "我的整改" in d.title)
        _shot(driver, shots, "09-rectify-list")
        driver.find_element("css selector", f'a[href="/rectify/{reported_id}"]').click()
        _wait(driver, lambda d: d.title.split(" - ")[0] == "整改")
        driver.find_element("id", "measures").send_keys("重新紧固防护罩并加装防松垫圈")
        driver.find_element("id", "after_photos").send_keys(
            str(photo_file(tmp_path / "after.jpg", (40, 40, 200)))
        )
        _shot(driver, shots, "10-rectify")
        driver.find_element("id", "report_done_btn").click()
        assert "等待验收" in _notice(driver)

        # A manager's phone accepts it (never the rectifier's own).
        driver.delete_all_cookies()
        _pair(driver, served, manager_code, "安全部手机")
        driver.find_element("id", "tile_accept").click()
        _wait(driver, lambda d: "整改验收" in d.title)
        _shot(driver, shots, "11-accept")
        driver.find_element("id", f"accept_text_{reported_id}").send_keys("已紧固，符合要求")
        driver.find_element("id", f"accept_btn_{reported_id}").click()
        assert "验收通过" in _notice(driver)

        # A message page as a phone without script sees it (e.g. a forged card id).
        driver.get(served.url + "/card?id=DP1:HRJX:99999:r1")
        assert "没有找到这张告知卡" in _text(driver)
        _shot(driver, shots, "12-forged-card")

    db = open_database(demo_path, create=False)
    try:
        closed = get_detail(db, reported_id, today=today)
        assert closed.status is HiddenDangerStatus.CLOSED
        assert closed.acceptor_id == 3 and closed.draft.rectifier_id == worker_id
        assert len(closed.photos_of(PhotoStage.AFTER)) == 1
        assert any(WORKER_DEVICE in e.actor for e in closed.events)  # the rectifier's phone did the work
        assert any("安全部手机" in e.actor for e in closed.events)
        (report,) = reports.list_reports(db, status=None)
        assert report.status is ReportStatus.ACCEPTED and report.hidden_danger_id == reported_id
        task = _task(db, due["id"])
        assert task["status"] == CheckTaskStatus.DONE.value
        record = records.get_record(db, task["record_id"])
        failed = [r for r in record.results if r.hidden_danger_number]
        assert len(failed) == 1 and "防护栏松脱" in failed[0].remark
        assert WORKER_DEVICE in _audit_actors(db)
    finally:
        db.close()


def test_an_offline_report_is_kept_as_a_draft_and_sent_once(demo_path: Path, tmp_path: Path, browser: Any,
                                                            shots: Path) -> None:  # fmt: skip
    from dualprev.domain.phone import PhoneRole
    from dualprev.services.phone import devices, reports
    from dualprev.storage.db import open_database

    db = open_database(demo_path, create=False)
    code = devices.create_pairing(db, 8, PhoneRole.WORKER, actor="安全员").code
    db.close()
    with serving(demo_path) as served:
        driver = browser
        _pair(driver, served, code, "孙磊的手机")
        driver.get(served.url + "/report")
        _wait(driver, lambda d: "随手拍" in d.title)
        driver.find_element("id", "description").send_keys("叉车通道堆放杂物（离线草稿）")
        driver.find_element("id", "location").send_keys("仓库北门")
        driver.find_element("id", "photos").send_keys(str(photo_file(tmp_path / "offline.jpg")))
        _wait(driver, lambda d: d.find_elements("css selector", "#photo_preview img"))
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        driver.find_element("id", "send_report_btn").click()
        assert "已保存为草稿" in _notice(driver)
        drafts = json.loads(driver.execute_script("return localStorage.getItem('dualprev-drafts')"))
        assert len(drafts) == 1 and len(drafts[0]["files"]) == 1
        db = open_database(demo_path, create=False)
        assert reports.list_reports(db) == []
        db.close()

        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
        driver.get(served.url + "/")
        _wait(
            driver,
            lambda d: d.execute_script("return localStorage.getItem('dualprev-drafts')") == "[]",
            timeout=20,
        )
        _shot(driver, shots, "13-draft-sent")
        # The same draft sent again (as after a lost answer): stored once.
        driver.execute_script("localStorage.setItem('dualprev-drafts', arguments[0])", json.dumps(drafts))
        driver.get(served.url + "/")
        _wait(
            driver,
            lambda d: d.execute_script("return localStorage.getItem('dualprev-drafts')") == "[]",
            timeout=20,
        )
        assert "没有重复保存" in _notice(driver)
    db = open_database(demo_path, create=False)
    try:
        (sent,) = reports.list_reports(db)
        assert sent.description == "叉车通道堆放杂物（离线草稿）" and len(sent.photos) == 1
    finally:
        db.close()


def test_bad_input_is_refused_in_chinese_and_changes_nothing(demo_path: Path, tmp_path: Path, browser: Any,
                                                             shots: Path) -> None:  # fmt: skip
    import re

    from dualprev.domain.phone import PhoneRole
    from dualprev.lan.limits import MAX_PHOTO_BYTES, csrf_token
    from dualprev.services.phone import devices, reports
    from dualprev.storage.db import open_database

    db = open_database(demo_path, create=False)
    code = devices.create_pairing(db, 8, PhoneRole.WORKER, actor="安全员").code
    db.close()
    with serving(demo_path) as served:
        driver = browser
        _pair(driver, served, code, "孙磊的手机")
        # In the page: a file that is not a picture.
        driver.get(served.url + "/report")
        _wait(driver, lambda d: "随手拍" in d.title)
        bogus = tmp_path / "notes.jpg"
        bogus.write_bytes(b"this is not a picture at all" * 100)
        driver.find_element("id", "description").send_keys("地面油污")
        driver.find_element("id", "location").send_keys("一车间")
        driver.find_element("id", "photos").send_keys(str(bogus))
        driver.find_element("id", "send_report_btn").click()
        assert "不是支持的图片格式" in _notice(driver)
        _shot(driver, shots, "14-not-an-image")

        token = driver.get_cookie("dp_device")["value"]
        with httpx.Client(
            base_url=served.url, cookies={"dp_device": token}, follow_redirects=False
        ) as client:
            before = _snapshot(demo_path)
            form = {"csrf": csrf_token(token), "description": "测试", "location": "一车间"}

            def post(files: Any = None, **extra: str) -> httpx.Response:
                return client.post("/report", data={**form, **extra}, files=files,
                                   headers={"X-Requested-With": "dp-fetch"})  # fmt: skip

            big = post(
                {"photos": ("big.jpg", b"\xff" * (MAX_PHOTO_BYTES + 1), "image/jpeg")}, client_id="a" * 32
            )
            assert big.status_code == 400 and "太大" in big.json()["message"]
            not_image = post({"photos": ("x.jpg", b"GIF89a not really", "image/jpeg")}, client_id="b" * 32)
            assert "不是支持的图片格式" in not_image.json()["message"]
            forged_csrf = client.post("/report", data={**form, "csrf": "0" * 32, "client_id": "c" * 32})
            assert forged_csrf.status_code == 403 and "安全校验失败" in forged_csrf.text
            cross_site = client.post("/report", data={**form, "client_id": "d" * 32},
                                     headers={"Origin": "http://evil.example"})  # fmt: skip
            assert cross_site.status_code == 403
            no_id = post(client_id="")
            assert "编号" in no_id.json()["message"]
            bad_post = post(client_id="e" * 32, post_id="999999")
            assert "岗位已不存在" in bad_post.json()["message"]
            forged_card = client.get("/card", params={"id": "DP1:HRJX:99999:r1"})
            assert forged_card.status_code == 404 and "没有找到" in forged_card.text
            other_code = client.get("/card", params={"id": "DP1:OTHER:1:r1"})
            assert "不属于本企业" in other_code.text
            assert _snapshot(demo_path) == before

            # Replayed request: the first is stored, the repeat changes nothing.
            photo = {"photos": ("ok.jpg", jpeg_bytes(), "image/jpeg")}
            first = post(photo, client_id="f" * 32)
            assert first.status_code == 200, first.text
            after_first = _snapshot(demo_path)
            again = post(photo, client_id="f" * 32)
            assert again.status_code == 200 and "没有重复保存" in again.json()["message"]
            assert _snapshot(demo_path) == after_first

            # Revoked phone: refused, and nothing written.
            db = open_database(demo_path, create=False)
            (device,) = [d for d in devices.list_devices(db) if d.name == "孙磊的手机"]
            devices.revoke(db, device.id, actor="安全员")
            db.close()
            revoked_state = _snapshot(demo_path)
            refused = post(photo, client_id="g" * 32)
            assert refused.status_code == 401 and "取消配对" in refused.json()["message"]
            assert client.get("/").headers["location"] == "/pair"
            assert _snapshot(demo_path) == revoked_state
            # Too large a request altogether.
            huge = client.post("/report", content=b"x" * (41 * 1024 * 1024),
                               headers={"Content-Type": "application/octet-stream"})  # fmt: skip
            assert huge.status_code == 413 and "太大" in huge.json()["message"]
        driver.get(served.url + "/")
        _wait(driver, lambda d: "手机配对" in d.title)
        assert re.search("还没有配对", _text(driver))
    db = open_database(demo_path, create=False)
    try:
        assert [r.description for r in reports.list_reports(db)] == ["测试"]
    finally:
        db.close()


# --- helpers ----------------------------------------------------------------------------------------


def _snapshot(path: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'phone%' OR name IN ('hidden_danger','photo','audit_log','check_record')"
            )
        ]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _due_task_with_assignee(db: Any) -> dict[str, Any]:
    import sqlite3

    with sqlite3.connect(db.path) as conn:
        conn.row_factory = sqlite3.Row
        row = conn.execute(
            "SELECT t.id, t.assignee_id FROM check_task t JOIN check_plan p ON p.id = t.plan_id "
            "WHERE t.status = 'due' AND t.assignee_id IS NOT NULL AND p.is_active "
            "AND (SELECT count(*) FROM check_plan_item i WHERE i.plan_id = p.id) BETWEEN 1 AND 12 "
            "ORDER BY t.due_on LIMIT 1"
        ).fetchone()
    assert row is not None
    return dict(row)


def _task(db: Any, task_id: int) -> dict[str, Any]:
    import sqlite3

    with sqlite3.connect(db.path) as conn:
        conn.row_factory = sqlite3.Row
        return dict(
            conn.execute("SELECT status, record_id FROM check_task WHERE id = ?", (task_id,)).fetchone()
        )


def _post_with_card(db: Any) -> int:
    from dualprev.services import post_card_service

    return next(c.post_id for c in post_card_service.list_cards(db) if c.printable)


def _audit_actors(db: Any) -> str:
    import sqlite3

    with sqlite3.connect(db.path) as conn:
        return " ".join(r[0] for r in conn.execute("SELECT actor FROM audit_log"))
