"""事故类型分类标准 on the 设置 page: the classification in use, its types, and the switch to
GB 6441-2025 for an enterprise still on GB 6441-1986."""

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dualprev.domain.vocabularies import GB6441_2025, GB6441_2025_VERIFIED, vocabulary_title
from dualprev.services.risks import accident_types, vocabulary_switch
from dualprev.ui import messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.vocabulary_switch_dialog import VocabularySwitchDialog
from dualprev.ui.operations import FAILED


class VocabularySettings(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("事故类型分类标准"))
        self.setObjectName("vocabulary_box")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.current_label = QLabel(self)
        self.current_label.setObjectName("vocabulary_label")
        self.current_label.setWordWrap(True)
        row.addWidget(self.current_label, 1)
        self.switch_btn = QPushButton(self.tr("切换到 GB 6441-2025…"), self)
        self.switch_btn.setObjectName("vocabulary_switch_btn")
        row.addWidget(self.switch_btn)
        layout.addLayout(row)
        self.types_label = QLabel(self)
        self.types_label.setObjectName("vocabulary_types_label")
        self.types_label.setWordWrap(True)
        self.types_label.setStyleSheet("color: #555;")
        layout.addWidget(self.types_label)
        self.switch_btn.clicked.connect(self._on_switch)

    def reload(self) -> None:
        vocabulary = accident_types.vocabulary(self.ctx.db)
        options = accident_types.accident_type_options(self.ctx.db)
        text = self.tr("当前使用：{title}").format(title=vocabulary_title(vocabulary))
        if vocabulary == GB6441_2025 and not GB6441_2025_VERIFIED:
            text += self.tr("（※ 类别名称和代码按公开资料整理，尚未与标准正式文本核对）")
        elif vocabulary != GB6441_2025:
            text += self.tr(
                "。GB 6441-2025《生产安全事故分类与编码》已发布，替代 1986 版；可切换，已有记录按对应关系改为新类别。"
            )
        self.current_label.setText(text)
        self.types_label.setText("　".join(f"{o.code} {o.name}" for o in options))
        self.switch_btn.setVisible(vocabulary != GB6441_2025)

    def _on_switch(self) -> None:
        db = self.ctx.db
        tasks.run_in_background(
            self,
            self.tr("正在统计使用中的事故类型…"),
            lambda: vocabulary_switch.switch_plan(db),
            self._confirm,
        )

    def _confirm(self, plan: vocabulary_switch.SwitchPlan) -> None:
        choices = VocabularySwitchDialog.choose(self, plan)
        if choices is None:
            return
        db, actor = self.ctx.db, self.ctx.actor()
        result = operations.write(
            self, self.ctx.events, lambda: vocabulary_switch.switch_to_2025(db, choices, actor=actor)
        )
        if result is FAILED:
            return
        self.reload()
        messages.show_info(
            self,
            self.tr("已切换到 {title}：改动危险源 {h} 条、隐患 {d} 条。已打印的告知卡请重新打印。").format(
                title=vocabulary_title(GB6441_2025), h=result.hazards, d=result.hidden_dangers
            ),
        )
