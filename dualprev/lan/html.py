"""The phone pages as HTML: mobile-first, Chinese, large touch targets, no script needed to read
them (the scanner, photo shrinking and offline drafts are ``/static/app.js``). Every text from the
database is escaped here."""

import secrets
from collections.abc import Iterable, Sequence
from html import escape

from dualprev.domain.checks import CheckResult
from dualprev.domain.phone import LevelSuggestion, Permission, may
from dualprev.services.checks.checklists import Checklist
from dualprev.services.checks.tasks import TaskRow
from dualprev.services.organisation_service import AreaInfo, PersonInfo
from dualprev.services.phone.devices import DeviceSession
from dualprev.services.phone.field_work import DangerItem
from dualprev.services.phone.reports import ReportInfo
from dualprev.services.post_card_service import PostCard

APP_TITLE = "双重预防·手机端"


def e(text: object) -> str:
    return escape(str(text), quote=True)


def new_client_id() -> str:
    """A request id for a form (the page's script makes its own when it can)."""
    return secrets.token_hex(16)


def layout(title: str, body: str, *, device: DeviceSession | None = None, home: bool = True) -> str:
    who = (
        f'<div class="who">{e(device.person_name)} · {e(device.device_name)} · {e(device.role.label)}</div>'
        if device
        else ""
    )
    back = '<a class="home-link" href="/">‹ 首页</a>' if home else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="format-detection" content="telephone=no">
<title>{e(title)} - {APP_TITLE}</title>
<link rel="stylesheet" href="/static/app.css">
</head><body>
<header><div class="bar">{back}<h1>{e(title)}</h1></div>{who}</header>
<div id="notice" class="notice" hidden></div>
<main>{body}</main>
<script src="/static/app.js"></script>
</body></html>"""


def message_page(title: str, message: str, *, ok: bool, device: DeviceSession | None, link: str = "/",
                 link_text: str = "返回首页") -> str:  # fmt: skip
    kind = "ok" if ok else "error"
    body = f'<p class="msg {kind}" id="message">{e(message)}</p><a class="btn" href="{e(link)}">{e(link_text)}</a>'
    return layout(title, body, device=device)


def _hidden(csrf: str, client_id: str | None = None) -> str:
    fields = f'<input type="hidden" name="csrf" value="{e(csrf)}">'
    if client_id is not None:
        fields += f'<input type="hidden" name="client_id" value="{e(client_id)}" data-client-id>'
    return fields


# --- pairing ---------------------------------------------------------------------------------------


def pair_page(csrf: str, code: str = "", message: str = "") -> str:
    error = f'<p class="msg error" id="message">{e(message)}</p>' if message else ""
    body = f"""{error}
<p class="lead">这部手机还没有配对。请在电脑“手机访问”页面生成配对码，再在下面输入。</p>
<form method="post" action="/pair" class="card">
{_hidden(csrf)}
<label>配对码（6 位数字）<input name="code" id="code" inputmode="numeric" autocomplete="one-time-code"
 maxlength="6" value="{e(code)}" required></label>
<label>手机名称<input name="device_name" id="device_name" maxlength="40" placeholder="如：张三的手机" required></label>
<button type="submit" class="btn primary" id="pair_btn">配对</button>
</form>"""
    return layout("手机配对", body, home=False)


# --- home ------------------------------------------------------------------------------------------


def home_page(device: DeviceSession, mine: Sequence[ReportInfo], *, task_count: int, rectify_count: int,
              accept_count: int) -> str:  # fmt: skip
    tiles = [
        ("/scan", "扫码看卡", "拍摄岗位告知卡上的二维码", "scan"),
        ("/report", "随手拍", "上报发现的隐患（待审核）", "report"),
        ("/tasks", f"我的任务（{task_count}）", "到期的排查任务", "tasks"),
        ("/rectify", f"我的整改（{rectify_count}）", "由我整改的隐患", "rectify"),
    ]
    if may(device.role, Permission.ACCEPT):
        tiles.append(("/accept", f"整改验收（{accept_count}）", "待验收的隐患", "accept"))
    menu = "".join(
        f'<a class="tile" id="tile_{key}" href="{href}"><b>{e(title)}</b><span>{e(hint)}</span></a>'
        for href, title, hint, key in tiles
    )
    rows = "".join(
        f'<li><b class="tag {r.status.value}">{e(r.status.label)}</b> {e(r.description[:40])}'
        + (f"<br><small>{e(r.hidden_danger_number)}</small>" if r.hidden_danger_number else "")
        + (f"<br><small>退回原因：{e(r.reject_reason)}</small>" if r.reject_reason else "")
        + "</li>"
        for r in mine
    )
    reports = f'<h2>我的上报</h2><ul class="list" id="my_reports">{rows}</ul>' if rows else ""
    drafts = """<div id="drafts" class="card drafts" hidden><p id="drafts_text"></p>
<button type="button" class="btn" id="send_drafts_btn">立即发送草稿</button></div>"""
    return layout("首页", f'{drafts}<nav class="tiles">{menu}</nav>{reports}', device=device, home=False)


# --- card ------------------------------------------------------------------------------------------


def scan_page(device: DeviceSession) -> str:
    body = """<p class="lead">对准岗位告知卡上的二维码拍照，识别后打开这张卡片。</p>
<label class="btn primary big" for="qr_file">扫一扫（拍照识别）</label>
<input type="file" id="qr_file" accept="image/*" capture="environment" class="hidden-file">
<p class="msg error" id="scan_message" hidden></p>
<canvas id="qr_canvas" hidden></canvas>
<details class="card"><summary>手动输入卡片编号</summary>
<form method="get" action="/card"><label>二维码第一行（如 DP1:HRJX:6:r2）<input name="id" id="card_id"></label>
<button class="btn" type="submit">打开</button></form></details>
<script src="/static/jsQR.js"></script>"""
    return layout("扫码看卡", body, device=device)


def _list(items: Iterable[str], css: str = "") -> str:
    return f'<ol class="{css}">' + "".join(f"<li>{e(i)}</li>" for i in items) + "</ol>"


def card_page(device: DeviceSession, card: PostCard, note: str = "") -> str:
    c = card.content
    level = c.level.label if c.level is not None else "未评价"
    level_css = f"level-{int(c.level)}" if c.level is not None else "level-none"
    measures = "".join(f"<h3>{e(g.label)}</h3>{_list(g.items)}" for g in c.measures)
    phones = "".join(
        f'<a class="phone" href="tel:{e(p.number)}">{e(p.label)} <b>{e(p.number)}</b></a>' for p in c.phones
    )
    note_html = f'<p class="msg warn">{e(note)}</p>' if note else ""
    body = f"""{note_html}
<section class="card-head {level_css}" id="card_head"><div class="post">{e(c.post)}</div>
<div class="level">风险等级：{e(level)}</div><div class="dept">{e(c.department)} {e(c.workplace)}</div></section>
<section class="card"><h2>主要危险有害因素</h2>{_list(c.hazards)}</section>
<section class="card"><h2>可能导致的事故类型</h2><p>{e("、".join(c.accident_types))}</p></section>
<section class="card"><h2>管控措施</h2>{measures}</section>
<section class="card"><h2>应急处置措施</h2>{_list(c.emergency)}</section>
<section class="card"><h2>应急电话</h2><div class="phones">{phones}</div>
<p>岗位负责人：{e(c.responsible)}</p></section>
<a class="btn primary" id="report_here" href="/report?post={card.post_id}">在这个岗位随手拍</a>
<p class="small">卡片编号 {e(c.card_number)} · 第 {card.sheet.revision} 版</p>"""
    return layout(f"告知卡：{c.post}", body, device=device)


# --- report ----------------------------------------------------------------------------------------


def report_page(device: DeviceSession, csrf: str, areas: Sequence[AreaInfo], *, post_id: int | None,
                post_name: str) -> str:  # fmt: skip
    options = '<option value="">（不选）</option>' + "".join(
        f'<option value="{a.id}">{e(a.name)}</option>' for a in areas
    )
    where = (
        f'<p class="msg ok">岗位：{e(post_name)}（来自扫码）</p><input type="hidden" name="post_id" value="{post_id}">'
        if post_id
        else ""
    )
    levels = "".join(
        f'<label class="choice"><input type="radio" name="level" value="{lv.value}"'
        f"{' checked' if lv is LevelSuggestion.UNSURE else ''}> {e(lv.label)}</label>"
        for lv in LevelSuggestion
    )
    body = f"""<form method="post" action="/report" enctype="multipart/form-data" class="card" data-send data-draft="随手拍">
{_hidden(csrf, new_client_id())}{where}
<label>看到了什么隐患？<textarea name="description" id="description" rows="4" maxlength="1000" required
 placeholder="如：砂轮机防护罩缺失"></textarea></label>
<label>位置<input name="location" id="location" maxlength="200" value="{e(post_name)}" placeholder="如：机加工车间东侧"></label>
<label>区域<select name="area_id" id="area_id">{options}</select></label>
<fieldset><legend>您觉得</legend>{levels}</fieldset>
<label class="btn" for="photos">拍照 / 选择照片（最多 6 张）</label>
<input type="file" name="photos" id="photos" accept="image/*" capture="environment" multiple class="hidden-file" data-preview="photo_preview">
<div class="previews" id="photo_preview"></div>
<button type="submit" class="btn primary" id="send_report_btn">提交上报</button>
<p class="small">提交后由安全管理人员审核，审核通过才会登记到隐患台账。</p>
</form>"""
    return layout("随手拍", body, device=device)


# --- tasks -----------------------------------------------------------------------------------------


def tasks_page(device: DeviceSession, rows: Sequence[TaskRow]) -> str:
    if not rows:
        return layout("我的任务", '<p class="lead" id="empty">目前没有到期的排查任务。</p>', device=device)
    items = "".join(
        f'<a class="row-link" href="/tasks/{t.id}"><b>{e(t.plan_name)}</b>'
        f"<span>{e(t.place)} · {t.item_count} 项 · {e(t.state_text)}</span></a>"
        for t in rows
    )
    return layout("我的任务", f'<div class="rows" id="task_list">{items}</div>', device=device)


def task_page(device: DeviceSession, csrf: str, task_id: int, checklist: Checklist,
              people: Sequence[PersonInfo]) -> str:  # fmt: skip
    people_options = '<option value="">（按排查项默认）</option>' + "".join(
        f'<option value="{p.id}">{e(p.name)}</option>' for p in people if p.is_active
    )
    items = []
    for n, item in enumerate(checklist.items, start=1):
        iid = item.item_id or 0
        radios = "".join(
            f'<label class="choice {r.value}"><input type="radio" name="result_{iid}" value="{r.value}"'
            f' id="result_{iid}_{r.value}" class="r-{r.value}" required> {e(r.label)}</label>'
            for r in CheckResult
        )
        items.append(
            f"""<div class="item card" id="item_{iid}"><p class="item-title">{n}. {e(item.content)}</p>
{f'<p class="small">标准：{e(item.standard)}</p>' if item.standard else ""}
<div class="choices">{radios}</div>
<div class="fail-block"><p class="small">不合格将登记隐患（与电脑端相同的预填内容）：{e(item.place)}</p>
<label>问题描述<textarea name="remark_{iid}" id="remark_{iid}" rows="2" maxlength="500"
 placeholder="{e(item.content)}——排查不符合要求"></textarea></label>
{"" if item.person_id else f'<label>整改责任人<select name="rectifier_{iid}" id="rectifier_{iid}">{people_options}</select></label>'}
<label class="btn" for="photo_{iid}">拍照</label>
<input type="file" name="photo_{iid}" id="photo_{iid}" accept="image/*" capture="environment" multiple class="hidden-file" data-preview="preview_{iid}">
<div class="previews" id="preview_{iid}"></div></div></div>"""
        )
    body = f"""<p class="lead">{e(checklist.title)} · {e(checklist.place)}</p>
<form method="post" action="/tasks/{task_id}" enctype="multipart/form-data" data-send data-draft="排查记录">
{_hidden(csrf, new_client_id())}{"".join(items)}
<button type="submit" class="btn primary" id="save_check_btn">提交排查记录</button></form>"""
    return layout("排查任务", body, device=device)


# --- rectification ---------------------------------------------------------------------------------


def _danger_head(d: DangerItem) -> str:
    deadline = d.deadline.isoformat() if d.deadline else "未定"
    overdue = ' <b class="tag rejected">逾期</b>' if d.is_overdue else ""
    return (
        f"<b>{e(d.number)}</b> {e(d.level.label)} · {e(d.status.label)}{overdue}<br>{e(d.description)}"
        f"<br><small>{e(d.location)} · 期限 {deadline}</small>"
    )


def rectify_list_page(device: DeviceSession, items: Sequence[DangerItem]) -> str:
    if not items:
        return layout("我的整改", '<p class="lead" id="empty">目前没有需要您整改的隐患。</p>', device=device)
    rows = "".join(f'<a class="row-link" href="/rectify/{d.id}">{_danger_head(d)}</a>' for d in items)
    return layout("我的整改", f'<div class="rows" id="rectify_list">{rows}</div>', device=device)


def rectify_page(device: DeviceSession, csrf: str, item: DangerItem) -> str:
    body = f"""<section class="card">{_danger_head(item)}</section>
<form method="post" action="/rectify/{item.id}" enctype="multipart/form-data" class="card" data-send data-draft="整改完成">
{_hidden(csrf, new_client_id())}
<label>采取的整改措施<textarea name="measures" id="measures" rows="3" maxlength="1000" required>{e(item.rectification_measures)}</textarea></label>
<label class="btn" for="after_photos">拍摄整改后照片</label>
<input type="file" name="photos" id="after_photos" accept="image/*" capture="environment" multiple class="hidden-file" data-preview="after_preview">
<div class="previews" id="after_preview"></div>
<button type="submit" class="btn primary" id="report_done_btn">整改完成，报请验收</button></form>"""
    return layout("整改", body, device=device)


def accept_list_page(device: DeviceSession, csrf: str, items: Sequence[DangerItem]) -> str:
    if not items:
        return layout("整改验收", '<p class="lead" id="empty">目前没有待验收的隐患。</p>', device=device)
    rows = []
    for d in items:
        rows.append(
            f"""<section class="card" id="accept_{d.id}">{_danger_head(d)}<p class="small">整改人：{e(d.rectifier_name)}；
措施：{e(d.rectification_measures)}</p>
<form method="post" action="/accept/{d.id}" data-send>{_hidden(csrf, new_client_id())}
<label>验收结论 / 不通过原因<textarea name="text" id="accept_text_{d.id}" rows="2" maxlength="500" required></textarea></label>
<div class="two"><button class="btn primary" name="decision" value="accept" id="accept_btn_{d.id}">验收通过</button>
<button class="btn danger" name="decision" value="reject" id="reject_btn_{d.id}">不通过</button></div></form></section>"""
        )
    return layout("整改验收", "".join(rows), device=device)
