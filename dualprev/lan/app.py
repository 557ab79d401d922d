"""The phone web application: routes to the services, with pairing, role checks, CSRF, size and
rate limits. Built on Starlette (ASGI), served by uvicorn (see ``server``)."""

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from dualprev.domain.checks import CheckResult
from dualprev.domain.phone import ONLINE_WINDOW, LevelSuggestion, Permission, may, parse_card_id
from dualprev.domain.post_card import clean_code
from dualprev.errors import NotFoundError, UserError, ValidationError
from dualprev.lan import html, limits
from dualprev.paths import resource_path
from dualprev.services import organisation_service, photo_service, post_card_service
from dualprev.services.database import Database
from dualprev.services.phone import devices, field_work, once, reports
from dualprev.services.phone.devices import DeviceSession
from dualprev.services.photo_service import PreparedPhoto

DEVICE_COOKIE = "dp_device"
PAIR_COOKIE = "dp_pair"
COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
STATIC_FILES = {"app.css": "text/css", "app.js": "text/javascript", "jsQR.js": "text/javascript"}
SEEN_WRITE_INTERVAL = timedelta(minutes=5)

NOT_PAIRED_MESSAGE = "此手机未配对或已被取消配对，请重新配对"
CSRF_MESSAGE = "安全校验失败（页面已过期或来源不明），请刷新页面后重试"
BAD_FORM_MESSAGE = "提交的内容格式不正确或字段过多，请刷新页面后重试"
REPEATED_MESSAGE = "这条记录已经提交过，没有重复保存"

_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class Seen:
    device_id: int
    device_name: str
    person_name: str
    address: str
    at: datetime


@dataclass
class Presence:
    """Which phones asked something lately (the PC's “who is connected”)."""

    _seen: dict[int, Seen] = field(default_factory=dict)
    _written: dict[int, datetime] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, device: DeviceSession, address: str, now: datetime) -> bool:
        """Record a request; True when the database should hear of it too (now and then)."""
        with self._lock:
            self._seen[device.device_id] = Seen(
                device.device_id, device.device_name, device.person_name, address, now
            )
            last = self._written.get(device.device_id)
            if last is None or now - last > SEEN_WRITE_INTERVAL:
                self._written[device.device_id] = now
                return True
            return False

    def forget(self, device_id: int) -> None:
        with self._lock:
            self._seen.pop(device_id, None)

    def connected(self, now: datetime) -> list[Seen]:
        with self._lock:
            return sorted(
                (s for s in self._seen.values() if now - s.at <= ONLINE_WINDOW),
                key=lambda s: s.at,
                reverse=True,
            )


@dataclass
class LanContext:
    db: Database
    today: Callable[[], date] = date.today
    now: Callable[[], datetime] = lambda: datetime.now().astimezone()
    presence: Presence = field(default_factory=Presence)
    requests: limits.RateLimiter = field(
        default_factory=lambda: limits.RateLimiter(limits.REQUESTS_PER_MINUTE, 60)
    )
    writes: limits.RateLimiter = field(
        default_factory=lambda: limits.RateLimiter(limits.WRITES_PER_MINUTE, 60)
    )
    pairing: limits.RateLimiter = field(
        default_factory=lambda: limits.RateLimiter(limits.PAIRING_TRIES_PER_10_MINUTES, 600)
    )


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _address(request: Request) -> str:
    return request.client.host if request.client else ""


def _wants_json(request: Request) -> bool:
    return request.headers.get("x-requested-with") == "dp-fetch"


def _respond(request: Request, status: int, message: str, *, device: DeviceSession | None,
             redirect: str = "/", ok: bool | None = None) -> Response:  # fmt: skip
    ok = status < 400 if ok is None else ok
    if _wants_json(request):
        return _secure(JSONResponse({"ok": ok, "message": message, "redirect": redirect}, status_code=status))
    title = "已提交" if ok else "没有保存"
    if status == 401:
        return _secure(RedirectResponse("/pair", status_code=303))
    return _secure(
        HTMLResponse(html.message_page(title, message, ok=ok, device=device, link=redirect), status)
    )


def _secure(response: Response) -> Response:
    for name, value in _SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _page(text: str, status: int = 200) -> Response:
    return _secure(HTMLResponse(text, status_code=status))


def create_app(ctx: LanContext) -> Starlette:
    """The phone application over ``ctx.db``."""
    db = ctx.db

    async def current(request: Request) -> tuple[DeviceSession, str] | None:
        token = request.cookies.get(DEVICE_COOKIE, "")
        if not token:
            return None
        device = await run_in_threadpool(devices.authenticate, db, token)
        if device is None:
            return None
        now = ctx.now()
        if ctx.presence.note(device, _address(request), now):
            await run_in_threadpool(devices.note_seen, db, device.device_id, _address(request), now=now)
        return device, token

    async def require(request: Request) -> tuple[DeviceSession, str]:
        if not ctx.requests.allow(f"ip:{_address(request)}"):
            raise _Refused(429, limits.TOO_FAST_MESSAGE)
        found = await current(request)
        if found is None:
            raise _Refused(401, NOT_PAIRED_MESSAGE)
        return found

    def check_origin(request: Request) -> None:
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
            raise _Refused(403, CSRF_MESSAGE)

    async def read_form(request: Request) -> FormData:
        try:
            return await request.form(max_files=limits.MAX_FILES, max_fields=limits.MAX_FIELDS)
        except (MultiPartException, HTTPException) as exc:
            raise _Refused(400, BAD_FORM_MESSAGE) from exc

    async def photos_of(form: FormData, name: str) -> tuple[PreparedPhoto, ...]:
        prepared: list[PreparedPhoto] = []
        for upload in form.getlist(name):
            if not isinstance(upload, UploadFile) or (not upload.filename and not upload.size):
                continue
            label = upload.filename or "照片"
            if upload.size is not None and upload.size > limits.MAX_PHOTO_BYTES:
                raise ValidationError(
                    f"照片“{label}”太大（{upload.size / 1024 / 1024:.1f} MB，每张最多 "
                    f"{limits.MAX_PHOTO_BYTES // 1024 // 1024} MB），没有保存任何内容"
                )
            data = await upload.read()
            prepared.append(await run_in_threadpool(photo_service.prepare_bytes, data, label))
        return tuple(prepared)

    def text(form: FormData, name: str) -> str:
        value = form.get(name)
        return value if isinstance(value, str) else ""

    def optional_id(form: FormData, name: str) -> int | None:
        value = text(form, name).strip()
        if not value:
            return None
        if not value.isdigit() or len(value) > 9:
            raise ValidationError("提交的选项无效，请刷新页面后重试")
        return int(value)

    async def write(
        request: Request,
        kind: str,
        permission: Permission,
        work: Callable[[FormData, DeviceSession], Any],
        *,
        redirect: str,
        message: str,
    ) -> Response:
        """A phone write: paired, allowed, same-origin, CSRF, rate, then exactly once."""
        device: DeviceSession | None = None
        try:
            check_origin(request)
            device, token = await require(request)
            if not may(device.role, permission):
                raise _Refused(403, f"您的手机权限（{device.role.label}）不能进行这项操作")
            if not ctx.writes.allow(f"device:{device.device_id}"):
                raise _Refused(429, limits.TOO_FAST_MESSAGE)
            form = await read_form(request)
            if not limits.same_token(text(form, "csrf"), limits.csrf_token(token)):
                raise _Refused(403, CSRF_MESSAGE)
            prepared = await work(form, device)
            bound_device = device
            done = await run_in_threadpool(
                once.once,
                db,
                bound_device,
                text(form, "client_id"),
                kind,
                lambda tx: prepared(tx, bound_device),
            )
        except _Refused as refused:
            return _respond(request, refused.status, refused.message, device=device)
        except NotFoundError as exc:
            return _respond(request, 404, exc.message, device=device)
        except UserError as exc:
            return _respond(request, 400, exc.message, device=device)
        text_out = REPEATED_MESSAGE if done.repeated else str(done.result.get("message", message))
        return _respond(request, 200, text_out, device=device, redirect=redirect)

    # --- pages --------------------------------------------------------------------------------

    async def page(request: Request, render: Callable[[DeviceSession, str], str]) -> Response:
        try:
            device, token = await require(request)
            text_out = await run_in_threadpool(render, device, limits.csrf_token(token))
        except _Refused as refused:
            if refused.status == 401:
                return _secure(RedirectResponse("/pair", status_code=303))
            return _respond(request, refused.status, refused.message, device=None)
        except NotFoundError as exc:
            return _page(html.message_page("无法打开", exc.message, ok=False, device=None), 404)
        except UserError as exc:
            return _page(html.message_page("无法打开", exc.message, ok=False, device=None), 403)
        return _page(text_out)

    async def home(request: Request) -> Response:
        today = ctx.today()

        def render(device: DeviceSession, _csrf: str) -> str:
            return html.home_page(
                device,
                reports.reports_of(db, device.person_id, limit=10),
                task_count=len(field_work.my_tasks(db, device, today=today)),
                rectify_count=len(field_work.my_rectifications(db, device, today=today)),
                accept_count=len(field_work.awaiting_acceptance(db, device, today=today))
                if may(device.role, Permission.ACCEPT)
                else 0,
            )

        return await page(request, render)

    async def pair_form(request: Request) -> Response:
        if await current(request) is not None:
            return _secure(RedirectResponse("/", status_code=303))
        token = request.cookies.get(PAIR_COOKIE) or secrets.token_urlsafe(16)
        response = _page(html.pair_page(token, code=request.query_params.get("code", "")[:6]))
        response.set_cookie(PAIR_COOKIE, token, max_age=3600, httponly=True, samesite="strict")
        return response

    async def pair_submit(request: Request) -> Response:
        try:
            check_origin(request)
            if not ctx.pairing.allow(f"ip:{_address(request)}"):
                raise _Refused(429, "配对尝试太多次，请 10 分钟后再试")
            form = await read_form(request)
            if not limits.same_token(text(form, "csrf"), request.cookies.get(PAIR_COOKIE, "")):
                raise _Refused(403, CSRF_MESSAGE)
            paired = await run_in_threadpool(
                devices.pair, db, text(form, "code"), text(form, "device_name"), address=_address(request)
            )
        except (_Refused, UserError) as exc:
            status = exc.status if isinstance(exc, _Refused) else 400
            token = request.cookies.get(PAIR_COOKIE) or secrets.token_urlsafe(16)
            return _page(html.pair_page(token, message=exc.message), status)
        response = _secure(RedirectResponse("/", status_code=303))
        response.set_cookie(
            DEVICE_COOKIE, paired.token, max_age=COOKIE_MAX_AGE, httponly=True, samesite="strict"
        )
        response.delete_cookie(PAIR_COOKIE)
        return response

    async def scan(request: Request) -> Response:
        return await page(request, lambda device, _csrf: html.scan_page(device))

    async def card(request: Request) -> Response:
        raw = request.query_params.get("id", "")
        today = ctx.today()

        def render(device: DeviceSession, _csrf: str) -> str:
            card_id = parse_card_id(raw)
            if card_id is None:
                raise NotFoundError(
                    "这不是本系统的岗位告知卡二维码（应以 DP1: 开头），请对准告知卡上的二维码重拍"
                )
            profile = organisation_service.get_enterprise(db)
            own_code = clean_code(profile.code if profile else "") or "-"
            if card_id.enterprise_code != own_code:
                raise NotFoundError("这张告知卡不属于本企业，无法打开")
            try:
                found = post_card_service.get_card(db, card_id.post_id, today=today)
            except NotFoundError as exc:
                raise NotFoundError("没有找到这张告知卡对应的岗位，可能已被删除") from exc
            note = ""
            if found.sheet.revision != card_id.revision:
                note = f"现场张贴的是第 {card_id.revision} 版，下面是最新的第 {found.sheet.revision} 版内容"
            return html.card_page(device, found, note)

        return await page(request, render)

    async def report_form(request: Request) -> Response:
        raw = request.query_params.get("post", "")

        def render(device: DeviceSession, csrf: str) -> str:
            post_id = int(raw) if raw.isdigit() and len(raw) < 10 else None
            post_name = ""
            if post_id is not None:
                post = post_card_service.get_card(db, post_id, today=ctx.today())
                post_name = post.content.post
            return html.report_page(
                device, csrf, organisation_service.list_areas(db), post_id=post_id, post_name=post_name
            )

        return await page(request, render)

    async def report_submit(request: Request) -> Response:
        async def work(
            form: FormData, device: DeviceSession
        ) -> Callable[[Database, DeviceSession], dict[str, Any]]:
            level = text(form, "level")
            data = reports.ReportInput(
                description=text(form, "description"),
                location=text(form, "location"),
                post_id=optional_id(form, "post_id"),
                area_id=optional_id(form, "area_id"),
                level_suggestion=LevelSuggestion(level)
                if level in set(LevelSuggestion)
                else LevelSuggestion.UNSURE,
                photos=await photos_of(form, "photos"),
            )

            def run(tx: Database, dev: DeviceSession) -> dict[str, Any]:
                report_id = reports.submit_report(tx, dev, data)
                return {"report_id": report_id, "message": "已上报，等待安全管理人员审核"}

            return run

        return await write(request, "report", Permission.REPORT, work, redirect="/", message="已上报")

    async def task_list(request: Request) -> Response:
        today = ctx.today()
        return await page(
            request,
            lambda device, _csrf: html.tasks_page(device, field_work.my_tasks(db, device, today=today)),
        )

    def _path_id(request: Request) -> int:
        raw = str(request.path_params.get("item_id", ""))
        if not raw.isdigit() or len(raw) > 9:
            raise NotFoundError("地址不正确")
        return int(raw)

    async def task_form(request: Request) -> Response:
        def render(device: DeviceSession, csrf: str) -> str:
            task_id = _path_id(request)
            checklist = field_work.task_checklist(db, device, task_id)
            return html.task_page(device, csrf, task_id, checklist, organisation_service.list_people(db))

        return await page(request, render)

    async def task_submit(request: Request) -> Response:
        today = ctx.today()

        async def work(
            form: FormData, device: DeviceSession
        ) -> Callable[[Database, DeviceSession], dict[str, Any]]:
            task_id = _path_id(request)
            answers: list[field_work.ItemAnswer] = []
            for key in form:
                if not key.startswith("result_"):
                    continue
                item = key.removeprefix("result_")
                value = text(form, key)
                if not item.isdigit() or value not in set(CheckResult):
                    raise ValidationError("提交的排查结果无效，请刷新页面后重试")
                answers.append(
                    field_work.ItemAnswer(
                        item_id=int(item),
                        result=CheckResult(value),
                        remark=text(form, f"remark_{item}"),
                        photos=await photos_of(form, f"photo_{item}"),
                        rectifier_id=optional_id(form, f"rectifier_{item}"),
                    )
                )

            def run(tx: Database, dev: DeviceSession) -> dict[str, Any]:
                record_id = field_work.record_task(tx, dev, task_id, answers, today=today)
                return {"record_id": record_id, "message": "排查记录已保存"}

            return run

        return await write(request, "check", Permission.CHECK, work, redirect="/tasks", message="已保存")

    async def rectify_list(request: Request) -> Response:
        today = ctx.today()
        return await page(
            request,
            lambda device, _csrf: html.rectify_list_page(
                device, field_work.my_rectifications(db, device, today=today)
            ),
        )

    async def rectify_form(request: Request) -> Response:
        today = ctx.today()

        def render(device: DeviceSession, csrf: str) -> str:
            item = field_work.danger_item(db, _path_id(request), today=today)
            if item.rectifier_id != device.person_id:
                raise NotFoundError("您不是这条隐患的整改责任人")
            return html.rectify_page(device, csrf, item)

        return await page(request, render)

    async def rectify_submit(request: Request) -> Response:
        today = ctx.today()

        async def work(
            form: FormData, device: DeviceSession
        ) -> Callable[[Database, DeviceSession], dict[str, Any]]:
            danger_id = _path_id(request)
            measures = text(form, "measures")
            photos = await photos_of(form, "photos")

            def run(tx: Database, dev: DeviceSession) -> dict[str, Any]:
                field_work.report_rectified(tx, dev, danger_id, measures, photos, today=today)
                return {"message": "已报告整改完成，等待验收"}

            return run

        return await write(
            request, "rectify", Permission.RECTIFY, work, redirect="/rectify", message="已报告"
        )

    async def accept_list(request: Request) -> Response:
        today = ctx.today()

        def render(device: DeviceSession, csrf: str) -> str:
            return html.accept_list_page(
                device, csrf, field_work.awaiting_acceptance(db, device, today=today)
            )

        return await page(request, render)

    async def accept_submit(request: Request) -> Response:
        today = ctx.today()

        async def work(
            form: FormData, device: DeviceSession
        ) -> Callable[[Database, DeviceSession], dict[str, Any]]:
            danger_id = _path_id(request)
            decision, remark = text(form, "decision"), text(form, "text")

            def run(tx: Database, dev: DeviceSession) -> dict[str, Any]:
                if decision == "accept":
                    field_work.accept_rectification(tx, dev, danger_id, remark, today=today)
                    return {"message": "验收通过，已销号"}
                if decision == "reject":
                    field_work.reject_rectification(tx, dev, danger_id, remark, today=today)
                    return {"message": "验收不通过，已退回整改"}
                raise ValidationError("请选择“验收通过”或“不通过”")

            return run

        return await write(request, "accept", Permission.ACCEPT, work, redirect="/accept", message="已保存")

    async def static(request: Request) -> Response:
        name = str(request.path_params.get("name", ""))
        if name not in STATIC_FILES:
            return _secure(Response("not found", status_code=404))
        response = FileResponse(resource_path("phone", name), media_type=STATIC_FILES[name])
        response.headers["Cache-Control"] = "max-age=3600"
        return response

    async def not_found(request: Request, _exc: Exception) -> Response:
        return _page(
            html.message_page("没有这个页面", "没有这个页面，请返回首页", ok=False, device=None), 404
        )

    routes = [
        Route("/", home),
        Route("/pair", pair_form, methods=["GET"]),
        Route("/pair", pair_submit, methods=["POST"]),
        Route("/scan", scan),
        Route("/card", card),
        Route("/report", report_form, methods=["GET"]),
        Route("/report", report_submit, methods=["POST"]),
        Route("/tasks", task_list),
        Route("/tasks/{item_id}", task_form, methods=["GET"]),
        Route("/tasks/{item_id}", task_submit, methods=["POST"]),
        Route("/rectify", rectify_list),
        Route("/rectify/{item_id}", rectify_form, methods=["GET"]),
        Route("/rectify/{item_id}", rectify_submit, methods=["POST"]),
        Route("/accept", accept_list, methods=["GET"]),
        Route("/accept/{item_id}", accept_submit, methods=["POST"]),
        Route("/static/{name}", static),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(limits.BodyLimit)],
        exception_handlers={404: not_found, 405: not_found},
    )
