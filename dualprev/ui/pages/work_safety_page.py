"""特种作业与应急: 证书 (持证台账), 作业许可 (动火, 有限空间), 有限空间台账, 应急预案 and 应急演练.
Each record can be created, edited, voided with a reason and printed; the services check the rules
(an expired welder cannot be a 动火 worker, gas readings before an 有限空间 permit is approved)."""

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from dualprev.domain.certificates import CertificateFacts, CertificateKind, certificate_problems
from dualprev.domain.drills import DrillForm, EmergencyPlanKind, drill_problems
from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.domain.permits import PermitFacts, PermitKind, PermitStatus, editable, permit_problems
from dualprev.services import photo_service
from dualprev.services.changes import Entity
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.work_safety import certificates, drills, permits, printouts
from dualprev.services.work_safety.certificates import CertificateInput, CertificateRow
from dualprev.services.work_safety.drills import DrillInput, DrillRow, PlanInput, PlanRow
from dualprev.services.work_safety.permits import ConfinedSpaceInput, ConfinedSpaceRow, PermitInput, PermitRow
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog
from dualprev.ui.dialogs.record_form_dialog import FieldKind, FormField, Problems, RecordFormDialog
from dualprev.ui.models.work_safety_table_models import (
    CertificateTableModel,
    ConfinedSpaceTableModel,
    DrillTableModel,
    PermitTableModel,
    PlanTableModel,
)
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_tab import open_in_ledger
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.work_safety_tabs import RecordTab, enum_choices, people_choices
from dualprev.ui.widgets.photo_strip import choose_photo_files

_T = FieldKind


class CertificatesTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, CertificateTableModel(), "certificates_table",
            lambda: certificates.list_certificates(ctx.db, today=ctx.today()), parent,
        )  # fmt: skip
        self.add_button(
            "new_certificate_btn", self.tr("登记证书…"), lambda: self.edit_record(None), needs_selection=False
        )
        self.add_button("edit_certificate_btn", self.tr("编辑…"), self.on_edit, needs_selection=True)
        self.add_button("void_certificate_btn", self.tr("作废…"), self._on_void, needs_selection=True)
        self.bar.addStretch(1)
        self.add_button(
            "print_certificates_btn", self.tr("打印持证台账…"), self._on_print, needs_selection=False
        )
        self.table.doubleClicked.connect(lambda _i: self.on_edit())

    def edit_record(self, row: CertificateRow | None) -> None:
        fields = [
            FormField("person_id", self.tr("持证人"), _T.CHOICE, people_choices(self.ctx)),
            FormField("kind", self.tr("作业类别"), _T.CHOICE, enum_choices(CertificateKind)),
            FormField("number", self.tr("证书编号")),
            FormField("issuer", self.tr("发证机关"), placeholder=self.tr("如：常州市应急管理局")),
            FormField("issued_on", self.tr("发证日期"), _T.DATE),
            FormField("expires_on", self.tr("有效期至"), _T.DATE),
            FormField("review_due_on", self.tr("应复审日期"), _T.OPTIONAL_DATE, placeholder=self.tr("特种作业每3年复审，可空")),
            FormField("note", self.tr("备注"), _T.LONG_TEXT),
        ]  # fmt: skip
        values = (
            dict(vars(row.as_input()))
            if row
            else {"issued_on": self.ctx.today(), "expires_on": self.ctx.today()}
        )

        def check(v: dict[str, Any]) -> Problems:
            facts = CertificateFacts(
                v["kind"], v["number"], v["issued_on"], v["expires_on"], v["review_due_on"]
            )
            return certificate_problems(v["person_id"], facts).items()

        title = self.tr("登记证书") if row is None else self.tr("编辑证书")
        entered = RecordFormDialog.ask(self, title, fields, values, check)
        if entered is None:
            return
        data = CertificateInput(**entered)
        saved = self.write(
            lambda: certificates.save_certificate(
                self.ctx.db, row.id if row else None, data, actor=self.ctx.actor()
            ),
            self.tr("已保存证书：{n}").format(n=data.number),
        )
        if saved is not FAILED:
            self.select(saved)

    def _on_void(self) -> None:
        self.void_selected(
            self.tr("证书"),
            lambda i, why: certificates.void_certificate(self.ctx.db, i, why, actor=self.ctx.actor()),
            lambda row: self.tr("已作废证书：{n}").format(n=row.number),
        )

    def _on_print(self) -> None:
        db, today = self.ctx.db, self.ctx.today()
        self.print_pdf(
            lambda: printouts.certificates_pdf(db, today=today), self.tr("特种作业人员持证台账"), "持证台账"
        )


def _decimal_problems(v: dict[str, Any]) -> list[tuple[str, str]]:
    found = []
    for key in ("o2_percent", "lel_percent", "h2s_mg_m3", "co_mg_m3"):
        if v.get(key):
            try:
                Decimal(v[key])
            except InvalidOperation:
                found.append((key, f"检测值“{v[key]}”不是数字"))
    return found


class PermitsTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, PermitTableModel(), "permits_table", lambda: permits.list_permits(ctx.db), parent
        )
        self.add_button(
            "new_hot_work_btn", self.tr("开具动火许可…"), lambda: self._edit(None, PermitKind.HOT_WORK),
            needs_selection=False,
        )  # fmt: skip
        self.add_button(
            "new_confined_space_btn", self.tr("开具有限空间许可…"),
            lambda: self._edit(None, PermitKind.CONFINED_SPACE), needs_selection=False,
        )  # fmt: skip
        self.edit_btn = self.add_button(
            "edit_permit_btn", self.tr("编辑…"), self.on_edit, needs_selection=True
        )
        self.approve_btn = self.add_button(
            "approve_permit_btn", self.tr("批准…"), self._on_approve, needs_selection=True
        )
        self.close_btn = self.add_button(
            "close_permit_btn", self.tr("关闭…"), self._on_close, needs_selection=True
        )
        self.void_btn = self.add_button(
            "void_permit_btn", self.tr("作废…"), self._on_void, needs_selection=True
        )
        self.bar.addStretch(1)
        self.add_button("print_permit_btn", self.tr("打印许可证…"), self._on_print, needs_selection=True)
        self.add_button("print_permits_btn", self.tr("打印台账…"), self._on_print_list, needs_selection=False)
        self.table.doubleClicked.connect(lambda _i: self.on_edit())

    def may(self, button: QPushButton, record: Any) -> bool:
        status = record.status
        if button in (self.edit_btn, self.approve_btn):
            return editable(status)
        if button is self.close_btn:
            return status is PermitStatus.APPROVED
        if button is self.void_btn:
            return status in (PermitStatus.ISSUED, PermitStatus.APPROVED)
        return True

    def _edit(self, row: PermitRow | None, kind: PermitKind) -> None:
        ctx = self.ctx
        fields = [
            FormField("work_on", self.tr("作业日期"), _T.DATE),
            FormField("hours", self.tr("作业时段"), placeholder="08:30–11:30"),
            FormField("location", self.tr("作业地点")),
            FormField("content", self.tr("作业内容"), _T.LONG_TEXT),
            FormField("worker_id", self.tr("作业人"), _T.CHOICE, people_choices(ctx)),
            FormField("attendant_id", self.tr("监护人"), _T.CHOICE, people_choices(ctx, allow_none=True)),
            FormField("measures", self.tr("安全措施"), _T.LONG_TEXT),
            FormField("issuer_name", self.tr("开票人")),
        ]
        if kind is PermitKind.CONFINED_SPACE:
            spaces = tuple((s.data.name, s.id) for s in permits.list_confined_spaces(ctx.db) if not s.is_void)
            fields[2:2] = [
                FormField(
                    "confined_space_id", self.tr("有限空间"), _T.CHOICE, (("（请选择）", None), *spaces)
                )
            ]
            fields += [
                FormField("ventilated", self.tr("先通风"), _T.CHECK, placeholder=self.tr("已通风")),
                FormField("o2_percent", self.tr("氧气 %（19.5～23.5）")),
                FormField("lel_percent", self.tr("可燃气体 %LEL（<10）")),
                FormField("h2s_mg_m3", self.tr("硫化氢 mg/m³（≤10）")),
                FormField("co_mg_m3", self.tr("一氧化碳 mg/m³（≤30）")),
                FormField("tester_name", self.tr("检测人")),
            ]  # fmt: skip
        values = dict(vars(row.data)) if row else {"work_on": ctx.today()}

        def check(v: dict[str, Any]) -> Problems:
            facts = PermitFacts(
                kind,
                v["location"],
                v["content"],
                v["worker_id"],
                v["attendant_id"],
                v.get("confined_space_id"),
            )
            problems = [*permit_problems(facts).items(), *_decimal_problems(v)]
            refusal = permits.worker_refusal(ctx.db, kind, v["worker_id"], v["work_on"])
            return [*problems, ("worker_id", refusal)] if refusal else problems

        title = (self.tr("开具{k}许可") if row is None else self.tr("编辑{k}许可")).format(k=kind.label)
        entered = RecordFormDialog.ask(self, title, fields, values, check)
        if entered is None:
            return
        data = PermitInput(kind=kind, **entered)
        saved = self.write(
            lambda: permits.save_permit(ctx.db, row.id if row else None, data, actor=ctx.actor()),
            self.tr("已保存作业许可"),
        )
        if saved is not FAILED:
            self.select(saved)

    def on_edit(self) -> None:
        """A permit is edited only while 开具 (not yet approved or closed)."""
        row = self.selected()
        if row is not None and editable(row.status):
            self._edit(row, row.data.kind)

    def _on_approve(self) -> None:
        row = self.selected()
        if row is None:
            return
        v = RecordFormDialog.ask(
            self, self.tr("批准作业许可 {n}").format(n=row.number),
            [FormField("approver", self.tr("审批人")), FormField("approved_on", self.tr("批准日期"), _T.DATE)],
            {"approved_on": self.ctx.today()}, lambda v: [] if v["approver"] else [("approver", "请填写审批人")],
        )  # fmt: skip
        if v is not None:
            self.write(
                lambda: permits.approve_permit(
                    self.ctx.db, row.id, v["approver"], v["approved_on"], actor=self.ctx.actor()
                ),
                self.tr("已批准作业许可 {n}").format(n=row.number),
            )

    def _on_close(self) -> None:
        row = self.selected()
        if row is None:
            return
        v = RecordFormDialog.ask(
            self, self.tr("关闭作业许可 {n}").format(n=row.number),
            [FormField("closed_on", self.tr("关闭日期"), _T.DATE),
             FormField("note", self.tr("完工确认"), _T.LONG_TEXT, placeholder=self.tr("作业完毕，现场清理确认"))],
            {"closed_on": self.ctx.today()},
        )  # fmt: skip
        if v is not None:
            self.write(
                lambda: permits.close_permit(
                    self.ctx.db, row.id, v["closed_on"], v["note"], actor=self.ctx.actor()
                ),
                self.tr("已关闭作业许可 {n}").format(n=row.number),
            )

    def _on_void(self) -> None:
        self.void_selected(
            self.tr("作业许可"),
            lambda i, why: permits.void_permit(self.ctx.db, i, why, actor=self.ctx.actor()),
            lambda row: self.tr("已作废作业许可 {n}").format(n=row.number),
        )

    def _on_print(self) -> None:
        row = self.selected()
        if row is not None:
            db, today = self.ctx.db, self.ctx.today()
            self.print_pdf(lambda: printouts.permits_pdf(db, row.id, today=today), row.number, row.number)

    def _on_print_list(self) -> None:
        db, today = self.ctx.db, self.ctx.today()
        self.print_pdf(
            lambda: printouts.permit_list_pdf(db, today=today), self.tr("作业许可台账"), "作业许可台账"
        )


class ConfinedSpacesTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, ConfinedSpaceTableModel(), "confined_spaces_table", lambda: permits.list_confined_spaces(ctx.db), parent
        )  # fmt: skip
        self.add_button(
            "new_space_btn", self.tr("登记有限空间…"), lambda: self.edit_record(None), needs_selection=False
        )
        self.add_button("edit_space_btn", self.tr("编辑…"), self.on_edit, needs_selection=True)
        self.add_button("void_space_btn", self.tr("作废…"), self._on_void, needs_selection=True)
        self.bar.addStretch(1)
        self.table.doubleClicked.connect(lambda _i: self.on_edit())

    def edit_record(self, row: ConfinedSpaceRow | None) -> None:
        fields = [
            FormField("name", self.tr("有限空间名称")),
            FormField("location", self.tr("所在位置")),
            FormField(
                "hazards", self.tr("主要危险有害因素"), _T.LONG_TEXT, placeholder="缺氧窒息、硫化氢中毒…"
            ),
            FormField("sign_posted", self.tr("警示标识"), _T.CHECK, placeholder=self.tr("已设置")),
            FormField("note", self.tr("备注"), _T.LONG_TEXT),
        ]
        entered = RecordFormDialog.ask(
            self, self.tr("有限空间"), fields, dict(vars(row.data)) if row else {},
            lambda v: [] if v["name"] else [("name", "请填写有限空间名称")],
        )  # fmt: skip
        if entered is not None:
            data = ConfinedSpaceInput(**entered)
            self.write(
                lambda: permits.save_confined_space(
                    self.ctx.db, row.id if row else None, data, actor=self.ctx.actor()
                ),
                self.tr("已保存有限空间：{n}").format(n=data.name),
            )

    def _on_void(self) -> None:
        self.void_selected(
            self.tr("有限空间"),
            lambda i, why: permits.void_confined_space(self.ctx.db, i, why, actor=self.ctx.actor()),
        )


class PlansTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, PlanTableModel(), "plans_table", lambda: drills.list_plans(ctx.db), parent)
        self.add_button(
            "new_plan_btn", self.tr("新增预案…"), lambda: self.edit_record(None), needs_selection=False
        )
        self.add_button("edit_plan_btn", self.tr("编辑…"), self.on_edit, needs_selection=True)
        self.add_button("void_plan_btn", self.tr("作废…"), self._on_void, needs_selection=True)
        self.bar.addStretch(1)
        self.table.doubleClicked.connect(lambda _i: self.on_edit())

    def edit_record(self, row: PlanRow | None) -> None:
        fields = [
            FormField("kind", self.tr("预案类别"), _T.CHOICE, enum_choices(EmergencyPlanKind)),
            FormField("name", self.tr("预案名称")),
            FormField("issued_on", self.tr("发布日期"), _T.OPTIONAL_DATE),
            FormField("note", self.tr("备注"), _T.LONG_TEXT),
        ]
        entered = RecordFormDialog.ask(
            self, self.tr("应急预案"), fields, dict(vars(row.data)) if row else {},
            lambda v: [] if v["name"] else [("name", "请填写预案名称")],
        )  # fmt: skip
        if entered is not None:
            data = PlanInput(**entered)
            self.write(
                lambda: drills.save_plan(self.ctx.db, row.id if row else None, data, actor=self.ctx.actor()),
                self.tr("已保存应急预案：{n}").format(n=data.name),
            )

    def _on_void(self) -> None:
        self.void_selected(
            self.tr("应急预案"), lambda i, why: drills.void_plan(self.ctx.db, i, why, actor=self.ctx.actor())
        )


class DrillsTab(RecordTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, DrillTableModel(), "drills_table", lambda: drills.list_drills(ctx.db), parent)
        self.add_button(
            "new_drill_btn", self.tr("记录演练…"), lambda: self.edit_record(None), needs_selection=False
        )
        self.add_button("edit_drill_btn", self.tr("编辑…"), self.on_edit, needs_selection=True)
        self.add_button("add_photos_btn", self.tr("添加照片…"), self._on_photos, needs_selection=True)
        self.danger_btn = self.add_button(
            "register_danger_btn", self.tr("改进事项登记隐患…"), self._on_register, needs_selection=True
        )
        self.add_button("void_drill_btn", self.tr("作废…"), self._on_void, needs_selection=True)
        self.bar.addStretch(1)
        self.add_button("print_drill_btn", self.tr("打印演练记录…"), self._on_print, needs_selection=True)
        self.add_button("print_drills_btn", self.tr("打印台账…"), self._on_print_list, needs_selection=False)
        self.table.doubleClicked.connect(lambda _i: self.on_edit())

    def may(self, button: QPushButton, record: Any) -> bool:
        if button is self.danger_btn:
            return not record.is_void and record.hidden_danger_id is None
        return super().may(button, record) or button.objectName().startswith("print")

    def edit_record(self, row: DrillRow | None) -> None:
        plans = tuple((p.data.name, p.id) for p in drills.list_plans(self.ctx.db) if not p.is_void)
        fields = [
            FormField("held_on", self.tr("演练日期"), _T.DATE),
            FormField("plan_id", self.tr("演练预案"), _T.CHOICE, (("（无）", None), *plans)),
            FormField("form", self.tr("演练形式"), _T.CHOICE, enum_choices(DrillForm)),
            FormField("location", self.tr("演练地点")),
            FormField("scenario", self.tr("演练情景"), _T.LONG_TEXT),
            FormField("organiser", self.tr("组织人 / 总指挥")),
            FormField("participants", self.tr("参演人员"), _T.LONG_TEXT),
            FormField("participant_count", self.tr("参演人数"), _T.NUMBER),
            FormField("evaluation", self.tr("演练评估"), _T.LONG_TEXT),
            FormField("improvements", self.tr("改进措施"), _T.LONG_TEXT),
        ]
        entered = RecordFormDialog.ask(
            self, self.tr("应急演练记录"), fields, dict(vars(row.data)) if row else {"held_on": self.ctx.today()},
            lambda v: drill_problems(v["scenario"], v["participants"]).items(),
        )  # fmt: skip
        if entered is not None:
            data = DrillInput(**entered)
            saved = self.write(
                lambda: drills.save_drill(self.ctx.db, row.id if row else None, data, actor=self.ctx.actor()),
                self.tr("已保存应急演练记录"),
            )
            if saved is not FAILED:
                self.select(saved)

    def _on_photos(self) -> None:
        row = self.selected()
        files = choose_photo_files(self) if row is not None and not row.is_void else []
        if not files:
            return
        prepared = operations.attempt(self, lambda: [photo_service.prepare(f) for f in files])
        if prepared is FAILED:
            return
        self.write(
            lambda: drills.save_drill(self.ctx.db, row.id, row.data, actor=self.ctx.actor(), photos=prepared),
            self.tr("已添加 {n} 张照片").format(n=len(files)),
        )

    def _on_register(self) -> None:
        row: DrillRow | None = self.selected()
        if row is None:
            return
        db, today = self.ctx.db, self.ctx.today()
        choices = operations.attempt(self, lambda: hd_choices.choices(db))
        if choices is FAILED:
            return
        template = HiddenDangerDraft(
            found_on=row.data.held_on if row.data.held_on <= today else today,
            description=row.data.improvements,
            location=row.data.location,
            rectification_measures=row.data.improvements,
        )
        draft = HiddenDangerDialog.register(self, choices, today, template)
        if draft is None:
            return
        number = self.write(
            lambda: drills.register_improvement(db, row.id, draft.draft, actor=self.ctx.actor(), today=today),
        )
        if number is not FAILED:
            self.status.emit(self.tr("已登记隐患 {n}，并与本次演练关联").format(n=number))

    def _on_void(self) -> None:
        self.void_selected(
            self.tr("演练记录"), lambda i, why: drills.void_drill(self.ctx.db, i, why, actor=self.ctx.actor())
        )

    def _on_print(self) -> None:
        row = self.selected()
        if row is not None:
            db, today = self.ctx.db, self.ctx.today()
            self.print_pdf(
                lambda: printouts.drill_pdf(db, row.id, today=today), self.tr("应急演练记录"), "应急演练记录"
            )

    def _on_print_list(self) -> None:
        db, today = self.ctx.db, self.ctx.today()
        self.print_pdf(
            lambda: printouts.drill_list_pdf(db, today=today), self.tr("应急演练记录"), "应急演练台账"
        )

    def open_danger(self) -> None:
        row = self.selected()
        if row is not None and row.hidden_danger_id is not None:
            open_in_ledger(self, row.hidden_danger_id)


class WorkSafetyPage(Page):
    key = "work_safety"
    title = "特种作业与应急"
    shows = frozenset({Entity.WORK_SAFETY, Entity.ORGANISATION, Entity.HIDDEN_DANGER})

    CERTIFICATES_TAB, PERMITS_TAB, SPACES_TAB, PLANS_TAB, DRILLS_TAB = range(5)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        layout.addWidget(self.summary_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("work_safety_tabs")
        layout.addWidget(self.tabs, 1)
        self.certificates_tab = CertificatesTab(ctx, self)
        self.permits_tab = PermitsTab(ctx, self)
        self.spaces_tab = ConfinedSpacesTab(ctx, self)
        self.plans_tab = PlansTab(ctx, self)
        self.drills_tab = DrillsTab(ctx, self)
        for tab, text in (
            (self.certificates_tab, self.tr("特种作业证书")),
            (self.permits_tab, self.tr("作业许可")),
            (self.spaces_tab, self.tr("有限空间台账")),
            (self.plans_tab, self.tr("应急预案")),
            (self.drills_tab, self.tr("应急演练")),
        ):
            self.tabs.addTab(tab, text)
            tab.status.connect(self.show_status)

    def _tabs(self) -> tuple[RecordTab, ...]:
        return (self.certificates_tab, self.permits_tab, self.spaces_tab, self.plans_tab, self.drills_tab)

    def reload(self) -> None:
        today = self.ctx.today()
        loaded = operations.attempt(self, lambda: certificates.reminders(self.ctx.db, today=today))
        if loaded is FAILED:
            return
        for tab in self._tabs():
            tab.load()
        self.summary_label.setText(
            self.tr("证书已过期 {e} 本，30天内到期 {s} 本，60天内到期 {m} 本。").format(
                e=len(loaded.expired), s=len(loaded.within_30), m=len(loaded.within_60)
            )
        )

    def show_certificates(self) -> None:
        """首页's reminder: the certificates tab."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.CERTIFICATES_TAB)
