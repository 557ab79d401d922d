"""Every dialog of the application, opened the way its page opens it, on the demo factory.

``open_all(window, inspect)`` replaces ``QDialog.exec`` while it runs: each dialog is shown, handed to
``inspect`` (which measures or photographs it) and closed as if cancelled. Used by the screen-fit test
and by ``tools/grab_dialogs.py``. No relative imports, so the tool can import it by path.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from dualprev.domain.accident_type_mapping import MAPPING_1986_TO_2025
from dualprev.domain.checks import FrequencyTable
from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.permits import PermitKind
from dualprev.domain.risk import RiskPointKind
from dualprev.services import export_profile_service, map_zone_service, post_card_service, scheme_service
from dualprev.services import organisation_service as org
from dualprev.services.checks import checklists, printouts
from dualprev.services.checks import frequency as check_frequency
from dualprev.services.checks import items as check_items
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks import risk_points
from dualprev.services.risks.vocabulary_switch import SwitchPlan, TypeInUse
from dualprev.ui.dialogs.area_dialog import AreaDialog
from dualprev.ui.dialogs.card_override_dialog import CardOverrideDialog
from dualprev.ui.dialogs.check_danger_dialog import CheckDanger, CheckDangerDialog
from dualprev.ui.dialogs.check_frequency_dialog import CheckFrequencyDialog
from dualprev.ui.dialogs.check_item_dialog import CheckItemDialog
from dualprev.ui.dialogs.check_item_picker import CheckItemPickerDialog
from dualprev.ui.dialogs.check_plan_dialog import CheckPlanDialog
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog
from dualprev.ui.dialogs.check_record_dialog import CheckRecordDialog
from dualprev.ui.dialogs.copy_risk_point_dialog import CopyRiskPointDialog
from dualprev.ui.dialogs.department_dialog import DepartmentDialog
from dualprev.ui.dialogs.export_profile_dialog import ExportProfileDialog
from dualprev.ui.dialogs.first_run_dialog import FirstRunDialog
from dualprev.ui.dialogs.hazard_dialog import HazardDialog
from dualprev.ui.dialogs.hidden_danger_acceptance_dialog import HiddenDangerAcceptanceDialog
from dualprev.ui.dialogs.hidden_danger_completion_dialog import HiddenDangerCompletionDialog
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog
from dualprev.ui.dialogs.hidden_danger_plan_dialog import HiddenDangerPlanDialog
from dualprev.ui.dialogs.hidden_danger_step_dialog import HiddenDangerStepDialog
from dualprev.ui.dialogs.import_dialog import ImportDialog
from dualprev.ui.dialogs.lec_consequence_dialog import LecConsequenceDialog
from dualprev.ui.dialogs.library_dialog import LibraryDialog
from dualprev.ui.dialogs.major_duties_dialog import MajorDutiesDialog
from dualprev.ui.dialogs.map_export_dialog import MapExportDialog
from dualprev.ui.dialogs.north_arrow_dialog import NorthArrowDialog
from dualprev.ui.dialogs.person_dialog import PersonDialog
from dualprev.ui.dialogs.post_dialog import PostDialog
from dualprev.ui.dialogs.risk_point_dialog import RiskPointDialog
from dualprev.ui.dialogs.scheme_dialog import SchemeDialog
from dualprev.ui.dialogs.vocabulary_switch_dialog import VocabularySwitchDialog
from dualprev.ui.dialogs.zone_dialog import ZoneDialog, ZoneDraft
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.duties_page import DutiesPage
from dualprev.ui.pages.risk_page import RiskPage
from dualprev.ui.pages.work_safety_page import WorkSafetyPage
from dualprev.ui.widgets.step_person import StepPerson

Inspect = Callable[[str, QDialog], None]


@contextmanager
def _captured(inspect: Inspect, name: list[str]) -> Iterator[None]:
    original = QDialog.exec

    def exec_(self: QDialog) -> int:
        self.show()
        for _ in range(3):
            QApplication.processEvents()
        inspect(name[0], self)
        self.hide()
        self.setResult(QDialog.DialogCode.Rejected)
        return int(QDialog.DialogCode.Rejected)

    QDialog.exec = exec_  # type: ignore[method-assign]
    try:
        yield
    finally:
        QDialog.exec = original  # type: ignore[method-assign]


def _detail(window: MainWindow, status: HiddenDangerStatus, today: date) -> HiddenDangerDetail:
    db = window.ctx.db
    for hidden_danger_id in range(1, 200):
        found = hd_detail.get_detail(db, hidden_danger_id, today=today)
        if found.status is status:
            return found
    raise LookupError(status)


def every_type_plan() -> SwitchPlan:
    """A GB 6441-1986 → 2025 switch plan naming every 1986 type, one 其他爆炸 record undecided: the
    largest table the switch dialog shows (a 2025 demo factory has nothing to switch)."""
    return SwitchPlan(
        "GB6441-1986",
        "GB6441-2025",
        tuple(
            TypeInUse(
                hazards=12,
                hidden_dangers=3,
                decided_by_words=0 if mapping.default else 9,
                undecided=() if mapping.default else ("普通车床：卡盘无防护罩，衣袖卷入",),
                mapping=mapping,
            )
            for mapping in MAPPING_1986_TO_2025.values()
        ),
    )


def openers(window: MainWindow) -> dict[str, Callable[[QWidget], object]]:
    """Dialog name → how its page opens it (the classmethod entry, with the page's own inputs)."""
    db, today = window.ctx.db, window.ctx.today()
    S = HiddenDangerStatus
    risk_page = window.page("risk")
    assert isinstance(risk_page, RiskPage)
    departments, people, posts, areas = (
        org.list_departments(db),
        org.list_people(db),
        org.list_posts(db),
        org.list_areas(db),
    )
    refs = org.list_risk_point_refs(db)
    choices = hd_choices.choices(db)
    items = check_items.list_items(db)
    table: FrequencyTable = check_frequency.frequency_table(db)
    point = risk_points.get_risk_point(db, refs[0].id)
    hazard = risk_hazards.get_hazard(db, 1)
    card = post_card_service.get_card(db, posts[0].id or 0, today=today)
    checklist = checklists.checklist(db, plan_id=1)
    pending, rectifying = _detail(window, S.PENDING, today), _detail(window, S.RECTIFYING, today)
    awaiting = _detail(window, S.AWAITING_ACCEPTANCE, today)
    lec = scheme_service.get_scheme(db, "LEC-4C")
    duties, work_safety = window.page("duties"), window.page("work_safety")
    assert isinstance(duties, DutiesPage) and isinstance(work_safety, WorkSafetyPage)
    who = StepPerson(tuple(p.name for p in people if p.is_active), window.ctx.actor())

    return {
        "north_arrow": lambda p: NorthArrowDialog.ask(p, "厂区平面图", 0.0),
        "first_run": lambda p: FirstRunDialog.choose(p),
        "department": lambda p: DepartmentDialog.edit(p, departments[1], departments),
        "person": lambda p: PersonDialog.edit(p, people[0], departments, posts),
        "post": lambda p: PostDialog.edit(p, posts[0], departments, areas, people, refs),
        "area": lambda p: AreaDialog.edit(p, areas[0], departments),
        "risk_point": lambda p: RiskPointDialog.edit(
            p, point, areas, departments, people, posts, today=today
        ),
        "copy_risk_point": lambda p: CopyRiskPointDialog.choose(
            p, point.name, point.area_id, 3, areas, posts
        ),
        "library": lambda p: LibraryDialog.choose(p, areas, posts, areas[0].id),
        "hazard_new": lambda p: HazardDialog.edit(
            p, point.id or 0, RiskPointKind.EQUIPMENT, None, risk_page._hazard_choices()
        ),
        "hazard_edit": lambda p: HazardDialog.edit(
            p, hazard.info.risk_point_id, point.kind, hazard, risk_page._hazard_choices()
        ),
        "lec_consequence": lambda p: LecConsequenceDialog.choose(p, lec.factor("C")),
        "scheme": lambda p: SchemeDialog.edit(p, lec),
        "vocabulary_switch": lambda p: VocabularySwitchDialog.choose(p, every_type_plan()),
        "card_override": lambda p: CardOverrideDialog.edit(
            p, card.content, card.computed, card.overrides, post_card_service.sign_library()
        ),
        "map_export": lambda p: MapExportDialog.ask(p, "pdf", window.ctx.actor(), 2),
        "zone": lambda p: ZoneDialog.edit(
            p, ZoneDraft(name="机加工区", area_id=areas[0].id), map_zone_service.zone_choices(db), new=False
        ),
        "check_item": lambda p: CheckItemDialog.edit(p, items[0], refs),
        "check_item_picker": lambda p: CheckItemPickerDialog.choose(p, items),
        "check_frequency": lambda p: CheckFrequencyDialog.edit(p, table),
        "check_plan": lambda p: CheckPlanDialog.edit(
            p, None, items, departments, people, areas, table, today, lambda *_a: ()
        ),
        "check_record": lambda p: CheckRecordDialog.record(
            p, checklist, choices, today, checker_names="吴志强"
        ),
        "check_danger": lambda p: CheckDangerDialog.ask(
            p,
            CheckDanger(
                checklists.failed_item_draft(
                    checklist.items[0], checked_on=today, check_type=None, checker_names="吴志强"
                )
            ),
            choices,
            today,
            item_text=checklist.items[0].content,
            risk_point_text=checklist.items[0].risk_point_text,
        ),
        "hidden_danger_register": lambda p: HiddenDangerDialog.register(p, choices, today, performer=who),
        "hidden_danger_edit": lambda p: HiddenDangerDialog.edit(p, pending, choices, today),
        "hidden_danger_start": lambda p: HiddenDangerStepDialog.start(p, pending, performer=who),
        "hidden_danger_completion": lambda p: HiddenDangerCompletionDialog.ask(
            p, rectifying, today, performer=who
        ),
        "hidden_danger_acceptance": lambda p: HiddenDangerAcceptanceDialog.ask(p, awaiting, choices, today),
        "hidden_danger_reject": lambda p: HiddenDangerStepDialog.reject_acceptance(
            p, awaiting, performer=who
        ),
        "hidden_danger_void": lambda p: HiddenDangerStepDialog.void(p, pending, performer=who),
        "hidden_danger_report": lambda p: HiddenDangerStepDialog.report(p, rectifying, today, performer=who),
        "hidden_danger_evaluation": lambda p: HiddenDangerStepDialog.post_evaluation(
            p, rectifying, today, performer=who
        ),
        "hidden_danger_plan": lambda p: HiddenDangerPlanDialog.edit(p, rectifying, performer=who),
        "export_profile": lambda p: ExportProfileDialog.edit(
            p, export_profile_service.column_options(), export_profile_service.list_profiles(db), None
        ),
        "import": lambda p: ImportDialog.run(window.ctx, p),
        "major_report": lambda p: MajorDutiesDialog.report(p, rectifying, today),
        "major_supervision": lambda p: MajorDutiesDialog.supervision(p, rectifying, today),
        "major_congress": lambda p: MajorDutiesDialog.congress(p, rectifying, today),
        # The pages' own editors, so each dialog gets the choices its page loads.
        "duty_list": lambda p: duties.lists_tab._edit(None),
        "duty_record": lambda p: duties.records_tab._edit(None),
        "training_session": lambda p: duties.training_tab._edit(None),
        "training_course": lambda p: duties.training_tab._edit_course(None),
        "certificate": lambda p: work_safety.certificates_tab.edit_record(None),
        "hot_work_permit": lambda p: work_safety.permits_tab._edit(None, PermitKind.HOT_WORK),
        "confined_space_permit": lambda p: work_safety.permits_tab._edit(None, PermitKind.CONFINED_SPACE),
        "confined_space": lambda p: work_safety.spaces_tab.edit_record(None),
        "emergency_plan": lambda p: work_safety.plans_tab.edit_record(None),
        "drill": lambda p: work_safety.drills_tab.edit_record(None),
        "check_print": lambda p: CheckPrintDialog.show_pdf(
            p,
            printouts.render_checklist_pdf(db, plan_id=1, today=today)[0],
            "打印空白排查清单",
            "隐患排查清单.pdf",
        ),
    }


def open_all(window: MainWindow, inspect: Inspect, names: set[str] | None = None) -> list[str]:
    """Open each dialog (all, or those named) over ``window``; returns the names opened."""
    opened: list[str] = []
    current = [""]
    with _captured(lambda n, d: (opened.append(n), inspect(n, d)), current):
        for name, opener in openers(window).items():
            if names and name not in names:
                continue
            current[0] = name
            opener(window)
    return opened
