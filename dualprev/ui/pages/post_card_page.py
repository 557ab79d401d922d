"""岗位告知卡: every post with the level its card carries (the most severe risk point it faces)."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dualprev.domain.risk import RiskLevel
from dualprev.services import overview_service
from dualprev.ui.context import AppContext
from dualprev.ui.models.post_overview_table_model import PostOverviewTableModel
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.record_list_panel import make_table_view


class PostCardPage(Page):
    key = "post_cards"
    title = "岗位告知卡"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = PostOverviewTableModel(self)
        self.posts_table = make_table_view(self.model, "post_cards_table", self)
        layout.addWidget(self.posts_table)
        hint = QLabel(
            self.tr("每个岗位一张告知卡；岗位的风险等级取其面临风险点中最高的等级。"
                    "在“企业信息 → 岗位”中编辑岗位并勾选它面临的风险点。"),
            self,
        )  # fmt: skip
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def reload(self) -> None:
        posts = overview_service.list_posts(self.ctx.db)
        self.model.set_records(posts)
        without = sum(1 for p in posts if p.risk_point_count == 0)
        by_level = "，".join(f"{lv.short_label} {sum(1 for p in posts if p.level == lv)}" for lv in RiskLevel)
        text = self.tr("共 {n} 个岗位（{levels}）。").format(n=len(posts), levels=by_level)
        if without:
            text += self.tr("其中 {n} 个岗位尚未关联风险点，告知卡将没有风险内容。").format(n=without)
        self.summary_label.setText(text)
