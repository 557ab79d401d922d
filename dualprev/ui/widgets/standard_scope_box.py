"""企业信息's 判定标准 scope: the enterprise's 行业 and declared special conditions, which decide the
articles of 《工贸企业重大事故隐患判定标准》 its self-check and hidden-danger form offer."""

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from dualprev.domain.major_standard import Sector, SpecialCondition
from dualprev.services import major_standard_service as standard
from dualprev.services.major_standard_service import StandardScope
from dualprev.ui import operations
from dualprev.ui.context import AppContext


class StandardScopeBox(QGroupBox):
    """Check boxes for the sectors and special conditions, and 保存."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("重大事故隐患判定标准适用范围"))
        self.setObjectName("standard_scope_box")
        self.ctx = ctx
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("所属行业："), self), 0, 0)
        self.sector_checks: dict[Sector, QCheckBox] = {}
        for i, sector in enumerate(Sector):
            check = QCheckBox(self.tr(sector.label), self)
            check.setObjectName(f"sector_{sector.value}_check")
            grid.addWidget(check, 0, 1 + i)
            self.sector_checks[sector] = check
        grid.addWidget(QLabel(self.tr("特殊情形："), self), 1, 0)
        self.condition_checks: dict[SpecialCondition, QCheckBox] = {}
        for i, condition in enumerate(SpecialCondition):
            check = QCheckBox(self.tr(condition.label), self)
            check.setObjectName(f"condition_{condition.value}_check")
            grid.addWidget(check, 1, 1 + 2 * i, 1, 2)
            self.condition_checks[condition] = check
        bottom = QHBoxLayout()
        self.articles_label = QLabel(self)
        self.articles_label.setObjectName("articles_label")
        self.articles_label.setWordWrap(True)
        bottom.addWidget(self.articles_label, 1)
        self.save_btn = QPushButton(self.tr("保存适用范围"), self)
        self.save_btn.setObjectName("save_scope_btn")
        bottom.addWidget(self.save_btn)
        grid.addLayout(bottom, 2, 0, 1, 1 + len(Sector))
        grid.setRowStretch(3, 1)
        self.save_btn.clicked.connect(self._on_save)

    def reload(self) -> None:
        scope = standard.get_scope(self.ctx.db)
        for sector, check in self.sector_checks.items():
            check.setChecked(sector in scope.sectors)
        for condition, check in self.condition_checks.items():
            check.setChecked(condition in scope.conditions)
        self._show_articles(scope)

    def scope(self) -> StandardScope:
        return StandardScope(
            tuple(s for s, c in self.sector_checks.items() if c.isChecked()),
            tuple(k for k, c in self.condition_checks.items() if c.isChecked()),
        )

    def _show_articles(self, scope: StandardScope) -> None:
        articles = scope.articles()
        self.articles_label.setText(
            self.tr("适用条款：") + "、".join(f"{a.label}（{a.title}）" for a in articles)
            + self.tr("，共 {n} 项").format(n=sum(len(a.items) for a in articles))
        )  # fmt: skip

    def _on_save(self) -> None:
        scope = self.scope()
        saved = operations.write(
            self, self.ctx.events, lambda: standard.save_scope(self.ctx.db, scope, actor=self.ctx.actor())
        )
        if saved is not operations.FAILED:
            self._show_articles(saved)
