"""报表导出: every file the app writes, in one place. Pick the period (month, quarter, year or any
range) and see its figures; then one button per export asks where to save the file, writes it off
the UI thread, and offers to open it or its folder.

The buttons come from :data:`EXPORTS`: adding an export to the page is adding one
:class:`HubExport` entry (its group, label, formats, and the service call that writes the file).
"""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.ledger_statistics import RATE_DEFINITIONS, format_rate
from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.services import (
    export_profile_service,
    ledger_report_service,
    organisation_service,
)
from dualprev.services.changes import Entity
from dualprev.ui import export_files, messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.export_profile_dialog import ExportProfileDialog, ProfileAction
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.report_exports import (
    ALL_DEPARTMENTS,
    EXPORTS,
    HIDDEN_DANGER_GROUP,
    ExportRequest,
    HubExport,
    Pick,
)
from dualprev.ui.widgets import desktop
from dualprev.ui.widgets.inspection_pack_box import InspectionPackBox
from dualprev.ui.widgets.readable_width import WIDE_MAX_WIDTH, centred
from dualprev.ui.widgets.report_period_box import ReportPeriodBox

FILTERS = {
    ExportFormat.XLSX: "Excel 工作簿 (*.xlsx)",
    ExportFormat.PDF: "PDF 文件 (*.pdf)",
    ExportFormat.PNG: "PNG 图片 (*.png)",
}
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\s]+')


# --- asking the user (module functions, so tests can answer them) ----------------------------------


def choose_output_file(
    parent: QWidget, title: str, suggested: Path, formats: tuple[ExportFormat, ...]
) -> tuple[Path, ExportFormat] | None:
    """Where to save an export and in which format (from the name's extension, else the chosen
    filter), or None when cancelled."""
    filters = ";;".join(parent.tr(FILTERS[f]) for f in formats)
    path, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    if not path:
        return None
    result = Path(path)
    for fmt in formats:
        if result.suffix.lower() == f".{fmt.value}":
            return result, fmt
    fmt = next((f for f in formats if parent.tr(FILTERS[f]) == chosen), formats[0])
    return result.with_name(f"{result.name}.{fmt.value}"), fmt


def choose_item(parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
    """The index of the item the user picks from a list, or None when cancelled."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(text) if ok and text in items else None


def open_file(path: Path) -> bool:
    """Open an exported file with the program the system associates with it (tests replace this)."""
    return desktop.open_file(path)


def safe_file_name(text: str) -> str:
    return _UNSAFE_FILE_CHARS.sub("_", text).strip("_") or "导出"


class ReportPage(Page):
    key = "reports"
    title = "报表导出"
    shows = frozenset(
        {Entity.EXPORT_PROFILE, Entity.HIDDEN_DANGER, Entity.CHECK, Entity.RISK, Entity.ENTERPRISE}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._last_result: ExportResult | None = None
        self._period_chosen = False
        """Whether the user picked a period; until then it follows the year of ctx.today()."""
        self.export_buttons: dict[str, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("report_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget(scroll)
        scroll.setWidget(centred(content, WIDE_MAX_WIDTH))
        layout = QVBoxLayout(content)

        top = QHBoxLayout()
        layout.addLayout(top)
        self.period_box = ReportPeriodBox(ctx.today, content)
        top.addWidget(self.period_box, 1)
        top.addWidget(self._build_summary_box(content), 2)
        for group in dict.fromkeys(spec.group for spec in EXPORTS):
            layout.addWidget(self._build_group(group, content))
        self.inspection_pack_box = InspectionPackBox(ctx, self.period, content)
        layout.addWidget(self.inspection_pack_box)
        layout.addWidget(self._build_result_bar(content))
        layout.addStretch(1)
        self.period_box.changed.connect(self._on_period_changed)

    # --- building ---------------------------------------------------------------------------------

    def _build_summary_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("本期隐患排查治理情况"), parent)
        grid = QGridLayout(box)
        self.value_labels: dict[str, QLabel] = {}
        items = (
            ("enterprise", "企业名称"), ("uscc", "统一社会信用代码"),
            ("period", "统计期"), ("as_of", "统计截至"),
            ("check_records", "排查次数"), ("found", "本期发现隐患"),
            ("major", "其中重大隐患"), ("closed", "已整改销号"),
            ("rate", "整改率"), ("on_time_rate", "按期整改率"),
            ("open", "期末未销号（含以前各期）"), ("overdue", "其中逾期"),
        )  # fmt: skip
        for index, (key, text) in enumerate(items):
            row, col = divmod(index, 2)
            caption = QLabel(self.tr(text) + "：", box)
            label = QLabel(box)
            label.setObjectName(f"{key}_value_label")
            label.setWordWrap(True)
            grid.addWidget(caption, row, col * 2)
            grid.addWidget(label, row, col * 2 + 1)
            self.value_labels[key] = label
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        note = QLabel(self.tr(RATE_DEFINITIONS), box)
        note.setObjectName("definition_label")
        note.setWordWrap(True)
        grid.addWidget(note, len(items) // 2, 0, 1, 4)
        return box

    def _build_group(self, group: str, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr(group), parent)
        grid = QGridLayout(box)
        row = 0
        if group == HIDDEN_DANGER_GROUP:
            row = self._build_ledger_options(box, grid)
        for spec in (s for s in EXPORTS if s.group == group):
            button = QPushButton(self.tr(spec.label) + "…", box)
            button.setObjectName(f"{spec.key}_btn")
            button.setMinimumWidth(180)
            formats = " / ".join(f.value.upper() for f in spec.formats)
            hint = QLabel(f"{self.tr(spec.hint)}（{formats}）", box)
            hint.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(hint, row, 1)
            button.clicked.connect(lambda _checked=False, s=spec: self._on_export(s))
            self.export_buttons[spec.key] = button
            row += 1
        grid.setColumnStretch(1, 1)
        return box

    def _build_ledger_options(self, box: QGroupBox, grid: QGridLayout) -> int:
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("台账列配置："), box))
        self.profile_combo = QComboBox(box)
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.setMinimumWidth(200)
        line.addWidget(self.profile_combo)
        self.edit_profiles_btn = QPushButton(self.tr("管理列配置…"), box)
        self.edit_profiles_btn.setObjectName("edit_profiles_btn")
        line.addWidget(self.edit_profiles_btn)
        self.photos_check = QCheckBox(self.tr("附整改前后照片缩略图"), box)
        self.photos_check.setObjectName("photos_check")
        line.addWidget(self.photos_check)
        line.addStretch(1)
        grid.addLayout(line, 0, 0, 1, 2)
        self.edit_profiles_btn.clicked.connect(self._on_edit_profiles)
        return 1

    def _build_result_bar(self, parent: QWidget) -> QFrame:
        self.result_frame = QFrame(parent)
        self.result_frame.setObjectName("result_frame")
        self.result_frame.setFrameShape(QFrame.Shape.StyledPanel)
        line = QHBoxLayout(self.result_frame)
        self.result_label = QLabel(self.result_frame)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line.addWidget(self.result_label, 1)
        self.open_file_btn = QPushButton(self.tr("打开文件"), self.result_frame)
        self.open_file_btn.setObjectName("open_file_btn")
        self.open_folder_btn = QPushButton(self.tr("打开所在文件夹"), self.result_frame)
        self.open_folder_btn.setObjectName("open_folder_btn")
        line.addWidget(self.open_file_btn)
        line.addWidget(self.open_folder_btn)
        self.open_file_btn.clicked.connect(self._on_open_file)
        self.open_folder_btn.clicked.connect(self._on_open_folder)
        self.result_frame.setVisible(False)
        return self.result_frame

    # --- period -------------------------------------------------------------------------------

    def period(self) -> ReportPeriod:
        return self.period_box.period()

    def set_period(self, period: ReportPeriod) -> None:
        """Show ``period`` and its figures, as if the user had picked it."""
        self.period_box.set_period(period)

    def _on_period_changed(self) -> None:
        self._period_chosen = True
        if not self._stale:
            self._reload_summary()

    # --- reloading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if not self._period_chosen:
            self.period_box.show_period(ReportPeriod.year(self.ctx.today().year))
        self._reload_profiles()
        self._reload_summary()

    def _reload_profiles(self) -> None:
        current = self.profile_combo.currentData()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        self.profile_combo.addItem(self.tr("标准列（台账全部 22 列）"), None)
        for profile in export_profile_service.list_profiles(self.ctx.db):
            self.profile_combo.addItem(profile.name, profile.name)
        index = self.profile_combo.findData(current)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _reload_summary(self) -> None:
        db = self.ctx.db
        period = self.period()
        profile = organisation_service.get_enterprise(db)
        values = {
            "enterprise": profile.name if profile else self.tr("（未填写）"),
            "uscc": (profile.uscc if profile else "") or self.tr("（未填写）"),
            "period": self.tr("{label}（{start} 至 {end}）").format(
                label=period.label, start=period.start.isoformat(), end=period.end.isoformat()
            ),
        }
        figures = (
            "as_of",
            "check_records",
            "found",
            "major",
            "closed",
            "rate",
            "on_time_rate",
            "open",
            "overdue",
        )
        if profile is None:  # nothing can be counted before the enterprise profile exists
            values |= dict.fromkeys(figures, "—")
        else:
            stats = ledger_report_service.period_statistics(db, period, today=self.ctx.today())
            values |= {
                "as_of": stats.as_of.isoformat(),
                "check_records": self.tr("{n} 次").format(n=stats.check_count),
                "found": self.tr("{n} 条").format(n=stats.found.total),
                "major": self.tr("{n} 条").format(n=stats.found.major),
                "closed": self.tr("{n} 条").format(n=stats.closed.total),
                "rate": format_rate(stats.rectification_rate()),
                "on_time_rate": format_rate(stats.on_time_rate()),
                "open": self.tr("{n} 条").format(n=stats.open_at_end.total),
                "overdue": self.tr("{n} 条").format(n=stats.overdue_at_end.total),
            }
        for key, value in values.items():
            self.value_labels[key].setText(value)

    # --- exporting ----------------------------------------------------------------------------

    def _suggested(self, spec: HubExport, period: ReportPeriod, picked: str | None) -> Path:
        profile = organisation_service.get_enterprise(self.ctx.db)
        parts = [profile.name if profile else "", spec.label]
        if spec.uses_period:
            parts.append(period.code)
        if picked and picked != ALL_DEPARTMENTS:
            parts.append(picked)
        stem = safe_file_name("-".join(p for p in parts if p))
        return export_files.suggested_path(self.ctx.prefs, f"{stem}.{spec.formats[0].value}")

    def _pick(self, spec: HubExport) -> tuple[bool, str | None]:
        """Ask for what ``spec`` needs; (False, None) when there is nothing to pick or the user
        cancelled."""
        db = self.ctx.db
        if spec.pick is None:
            return True, None
        if spec.pick is Pick.DEPARTMENT:
            names = ledger_report_service.notice_departments(db)
            if not names:
                messages.show_info(self, self.tr("目前没有待整改或整改中的隐患，无需下发整改通知单。"))
                return False, None
            shown = [n or "未指定整改责任单位" for n in names]
            items = [self.tr(ALL_DEPARTMENTS), *shown] if len(names) > 1 else shown
            index = choose_item(self, self.tr(spec.label), self.tr("整改责任单位："), items)
            if index is None:
                return False, None
            if len(names) > 1 and index == 0:
                return True, ALL_DEPARTMENTS
            return True, names[index - 1 if len(names) > 1 else index]
        major = spec.pick is Pick.MAJOR_HIDDEN_DANGER
        refs = ledger_report_service.hidden_danger_refs(db, major_only=major)
        if not refs:
            text = self.tr("没有重大隐患记录。") if major else self.tr("还没有登记隐患。")
            messages.show_info(self, text)
            return False, None
        index = choose_item(self, self.tr(spec.label), self.tr("选择隐患："), [r.text for r in refs])
        return (True, refs[index].number) if index is not None else (False, None)

    def _on_export(self, spec: HubExport) -> None:
        period = self.period()
        if spec.statutory and not period.is_statutory:
            messages.show_error(self, self.tr("统计表按季度或年度编制：请在“统计期”中选择季度或年度。"))
            return
        ok, picked = self._pick(spec)
        if not ok:
            return
        chosen = choose_output_file(self, self.tr("导出{label}").format(label=spec.label),
                                    self._suggested(spec, period, picked), spec.formats)  # fmt: skip
        if chosen is None:
            return
        out, fmt = chosen
        request = ExportRequest(
            out=out,
            fmt=fmt,
            period=period,
            today=self.ctx.today(),
            picked=picked,
            profile=self.profile_combo.currentData(),
            photos=self.photos_check.isChecked(),
        )
        db = self.ctx.db
        tasks.run_in_background(
            self,
            self.tr("正在导出{label}…").format(label=spec.label),
            lambda: spec.run(db, request),
            self._on_exported,
        )

    def _on_exported(self, result: ExportResult) -> None:
        export_files.remember(self.ctx.prefs, result.path)
        self._show_result(result)

    def _show_result(self, result: ExportResult) -> None:
        self._last_result = result
        pages = self.tr("，{n} 页").format(n=result.pages) if result.pages is not None else ""
        self.result_label.setText(
            self.tr("已导出{title}（{n} 项{pages}）：\n{path}").format(
                title=result.title, n=result.items, pages=pages, path=result.path
            )
        )
        self.result_frame.setVisible(True)

    def _on_open_file(self) -> None:
        if self._last_result is not None and not open_file(self._last_result.path):
            messages.show_error(self, self.tr("无法打开文件：{path}").format(path=self._last_result.path))

    def _on_open_folder(self) -> None:
        if self._last_result is not None and not desktop.open_folder(self._last_result.path.parent):
            messages.show_error(
                self, self.tr("无法打开文件夹：{path}").format(path=self._last_result.path.parent)
            )

    # --- profiles -----------------------------------------------------------------------------

    def _on_edit_profiles(self) -> None:
        db = self.ctx.db
        profiles = export_profile_service.list_profiles(db)
        current = next((p.id for p in profiles if p.name == self.profile_combo.currentData()), None)
        edit = ExportProfileDialog.edit(self, export_profile_service.column_options(), profiles, current)
        if edit is None:
            return
        actor = self.ctx.actor()

        def apply() -> str | None:
            """The profile to choose afterwards (None: the standard columns)."""
            if edit.action is ProfileAction.DELETE and edit.draft.id is not None:
                export_profile_service.delete_profile(db, edit.draft.id, actor=actor)
                return None
            return export_profile_service.save_profile(db, edit.draft, actor=actor).name

        chosen = operations.write(self, self.ctx.events, apply)
        if chosen is FAILED:
            return
        self._reload_profiles()
        self.profile_combo.setCurrentIndex(max(self.profile_combo.findData(chosen), 0))
