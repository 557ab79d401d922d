"""风险分级方案与管控层级: which scheme grades each method, the level → control-tier table, copying and
editing a scheme, and applying a change after seeing how many risks it regrades."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.grading import GradingScheme, format_decimal
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel
from dualprev.errors import UserError
from dualprev.services import scheme_service
from dualprev.services.scheme_service import RegradePreview
from dualprev.ui import messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.scheme_dialog import SchemeDialog
from dualprev.ui.operations import FAILED

_METHODS = (EvaluationMethod.LEC, EvaluationMethod.LS)


class SchemeSettings(QGroupBox):
    """Emits ``applied`` after a regrade was written."""

    applied = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("风险分级方案与管控层级"))
        self.setObjectName("scheme_settings_box")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        form = QFormLayout()
        self.scheme_combos: dict[EvaluationMethod, QComboBox] = {}
        for method in _METHODS:
            combo = QComboBox(self)
            combo.setObjectName(f"scheme_{method.value.lower()}_combo")
            form.addRow(method.label, combo)
            self.scheme_combos[method] = combo
            combo.currentIndexChanged.connect(self._show_bands)
        self.tier_combos: dict[RiskLevel, QComboBox] = {}
        for level in RiskLevel:
            combo = QComboBox(self)
            combo.setObjectName(f"tier_{int(level)}_combo")
            for tier in ControlTier:
                combo.addItem(tier.label, tier.value)
            form.addRow(self.tr("{level} 管控层级").format(level=level.label), combo)
            self.tier_combos[level] = combo
        row.addLayout(form, 1)
        self.bands_table = QTableWidget(0, 3, self)
        self.bands_table.setObjectName("bands_table")
        self.bands_table.setHorizontalHeaderLabels(
            [self.tr("分值范围"), self.tr("危险程度"), self.tr("风险等级")]
        )
        self.bands_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.bands_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.bands_table.setMinimumHeight(160)
        row.addWidget(self.bands_table, 1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.copy_btn = QPushButton(self.tr("复制所选方案并编辑…"), self)
        self.copy_btn.setObjectName("copy_scheme_btn")
        self.edit_btn = QPushButton(self.tr("编辑自定义方案…"), self)
        self.edit_btn.setObjectName("edit_scheme_btn")
        self.apply_btn = QPushButton(self.tr("预览并应用…"), self)
        self.apply_btn.setObjectName("apply_scheme_btn")
        for button in (self.copy_btn, self.edit_btn):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_btn)
        layout.addLayout(buttons)
        self.hint_label = QLabel(
            self.tr(
                "更换方案或管控层级会对全部已评价的危险源重新分级（原评价保留在历史中），应用前会显示将改变等级的数量。"
            ),
            self,
        )
        self.hint_label.setWordWrap(True)
        layout.addWidget(self.hint_label)
        self.copy_btn.clicked.connect(self._on_copy)
        self.edit_btn.clicked.connect(self._on_edit)
        self.apply_btn.clicked.connect(self._on_apply)
        self._shown_method = EvaluationMethod.LEC
        for combo in self.scheme_combos.values():
            combo.activated.connect(self._remember_method)

    # --- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.ctx.db
        active = scheme_service.active_schemes(db)
        for method, combo in self.scheme_combos.items():
            combo.blockSignals(True)
            combo.clear()
            for scheme in scheme_service.list_schemes(db, method):
                suffix = "" if scheme_service.is_preset(scheme.code) else self.tr("（自定义）")
                combo.addItem(f"{scheme.code} {scheme.name}{suffix}", scheme.code)
            combo.setCurrentIndex(max(combo.findData(active[method].code), 0))
            combo.blockSignals(False)
        for level, tier in scheme_service.tier_table(db).items():
            self.tier_combos[level].setCurrentIndex(self.tier_combos[level].findData(tier.value))
        self._show_bands()

    def chosen_schemes(self) -> dict[EvaluationMethod, str]:
        return {method: str(combo.currentData()) for method, combo in self.scheme_combos.items()}

    def chosen_tiers(self) -> dict[RiskLevel, ControlTier]:
        return {level: ControlTier(combo.currentData()) for level, combo in self.tier_combos.items()}

    def _remember_method(self) -> None:
        sender = self.sender()
        for method, combo in self.scheme_combos.items():
            if combo is sender:
                self._shown_method = method
        self._show_bands()

    def _shown_scheme(self) -> GradingScheme | None:
        code = self.scheme_combos[self._shown_method].currentData()
        if not code:
            return None
        try:
            return scheme_service.get_scheme(self.ctx.db, str(code))
        except UserError:
            return None

    def _show_bands(self) -> None:
        scheme = self._shown_scheme()
        self.bands_table.setRowCount(0)
        self.edit_btn.setEnabled(scheme is not None and not scheme_service.is_preset(scheme.code))
        if scheme is None:
            return
        symbol = "D" if scheme.method is EvaluationMethod.LEC else "R"
        for band in scheme.bands:
            low = format_decimal(band.low) if band.low is not None else None
            high = format_decimal(band.high) if band.high is not None else None
            if low is None:
                text = f"{symbol} < {high}"
            elif high is None:
                text = f"{symbol} ≥ {low}"
            else:
                text = f"{low} ≤ {symbol} < {high}"
            r = self.bands_table.rowCount()
            self.bands_table.insertRow(r)
            self.bands_table.setItem(r, 0, QTableWidgetItem(text))
            self.bands_table.setItem(r, 1, QTableWidgetItem(band.label))
            self.bands_table.setItem(r, 2, QTableWidgetItem(band.level.label))
        self.bands_table.resizeColumnToContents(0)

    # --- writing ------------------------------------------------------------------------------------

    def _on_copy(self) -> None:
        source = self._shown_scheme()
        if source is None:
            return
        code, ok = QInputDialog.getText(
            self,
            self.tr("复制分级方案"),
            self.tr("新方案代码（字母、数字和连字符，如 {x}）：").format(x=f"{source.code}-企业"),
        )
        if not ok or not code.strip():
            return
        copied = operations.attempt(
            self,
            lambda: scheme_service.copy_scheme(
                self.ctx.db, source.code, code.strip(), f"{source.name}（企业自定义）", actor=self.ctx.actor()
            ),
        )
        if copied is FAILED:
            return
        self.reload()
        combo = self.scheme_combos[copied.method]
        combo.setCurrentIndex(max(combo.findData(copied.code), 0))
        self._shown_method = copied.method
        self._show_bands()
        self._on_edit()

    def _on_edit(self) -> None:
        scheme = self._shown_scheme()
        if scheme is None or scheme_service.is_preset(scheme.code):
            return
        edited = SchemeDialog.edit(self, scheme)
        if edited is None:
            return
        if (
            operations.attempt(
                self, lambda: scheme_service.save_custom_scheme(self.ctx.db, edited, actor=self.ctx.actor())
            )
            is FAILED
        ):
            return
        self._show_bands()
        messages.show_info(
            self, self.tr("方案已保存。要启用它，请在上方选择该方案后点“预览并应用…”，对现有评价重新分级。")
        )

    def _on_apply(self) -> None:
        db, schemes, tiers = self.ctx.db, self.chosen_schemes(), self.chosen_tiers()
        tasks.run_in_background(
            self,
            self.tr("正在计算重新分级的影响…"),
            lambda: scheme_service.preview_regrade(db, schemes=schemes, tiers=tiers),
            lambda preview: self._confirm_regrade(preview, schemes, tiers),
        )

    def _confirm_regrade(
        self,
        preview: RegradePreview,
        schemes: dict[EvaluationMethod, str],
        tiers: dict[RiskLevel, ControlTier],
    ) -> None:
        if preview.conflicts:
            lines = "\n".join(
                f"· {c.risk_point_name}：{c.description[:30]}（固有 {c.inherent_level.label}，现有 {c.current_level.label}）"
                for c in preview.conflicts[:8]
            )
            messages.show_error(
                self,
                self.tr(
                    "按新方案，以下 {n} 条危险源的现有风险将高于固有风险，请先调整其评价：\n{lines}"
                ).format(n=len(preview.conflicts), lines=lines),
            )
            return
        examples = "\n".join(
            f"· {c.risk_point_name}：{c.description[:24]}　{c.stage.label} {c.old_level.label} → {c.new_level.label}"
            for c in preview.changes[:10]
        )
        more = self.tr("\n……等共 {n} 处").format(n=len(preview.changes)) if len(preview.changes) > 10 else ""
        text = self.tr(
            "应用后：{h} 条危险源的风险等级将改变（涉及 {p} 个风险点），{t} 条危险源的管控层级将按新对照表调整。"
        ).format(h=preview.hazards_changed, p=preview.risk_points_changed, t=preview.tiers_changed)
        if examples:
            text += "\n\n" + examples + more
        text += self.tr("\n\n原评价保留在历史中，本次变更记入操作日志。确定应用？")
        if not messages.confirm(self, text, title=self.tr("重新分级"), action=self.tr("应用")):
            return
        db, actor, today = self.ctx.db, self.ctx.actor(), self.ctx.today()
        tasks.run_in_background(
            self,
            self.tr("正在重新分级…"),
            lambda: scheme_service.apply_regrade(db, schemes=schemes, tiers=tiers, actor=actor, today=today),
            self._on_regraded,
        )

    def _on_regraded(self, result: RegradePreview) -> None:
        self.applied.emit()
        messages.show_info(
            self,
            self.tr("已应用：{h} 条危险源重新分级，{t} 条调整了管控层级。").format(
                h=result.hazards_changed, t=result.tiers_changed
            ),
        )
