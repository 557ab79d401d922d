"""报表导出: the enterprise and period the reports cover, and the command-line tools available."""

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from dualprev.services import overview_service
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page


def cli_program() -> str:
    """How the headless commands are started on this installation."""
    if getattr(sys, "frozen", False):
        return "dualprev-cli.exe" if sys.platform == "win32" else "dualprev-cli"
    return "dualprev"


class ReportPage(Page):
    key = "reports"
    title = "报表导出"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        period_box = QGroupBox(self.tr("报表抬头与统计期"), self)
        form = QFormLayout(period_box)
        self.value_labels: dict[str, QLabel] = {}
        for key, text in (
            ("enterprise", "企业名称"),
            ("uscc", "统一社会信用代码"),
            ("period", "统计期"),
            ("check_records", "本期排查记录"),
            ("found", "本期发现隐患"),
            ("major", "其中重大隐患"),
            ("closed", "本期发现且已销号"),
            ("open", "目前未销号隐患（全部年份）"),
        ):
            label = QLabel(period_box)
            label.setObjectName(f"{key}_value_label")
            form.addRow(self.tr(text) + "：", label)
            self.value_labels[key] = label
        layout.addWidget(period_box)

        cli_box = QGroupBox(self.tr("命令行工具"), self)
        cli_layout = QVBoxLayout(cli_box)
        intro = QLabel(
            self.tr("以下命令可在“命令提示符”中运行，不需要打开本窗口（例如用计划任务定时导出概况）："),
            cli_box,
        )
        intro.setWordWrap(True)
        cli_layout.addWidget(intro)
        self.commands_edit = QPlainTextEdit(cli_box)
        self.commands_edit.setObjectName("commands_edit")
        self.commands_edit.setReadOnly(True)
        self.commands_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        cli_layout.addWidget(self.commands_edit)
        layout.addWidget(cli_box, 1)

    def commands_text(self, db_path: Path) -> str:
        program = cli_program()
        return "\n".join(
            (
                self.tr("# 以 JSON 输出本数据库概况（数量、风险点等级、隐患状态）"),
                f'{program} info --db "{db_path}"',
                "",
                self.tr("# 创建一个含示例企业的新数据库（用于培训或试用）"),
                f'{program} demo --db "{db_path.with_name("示例企业.sqlite")}"',
                "",
                self.tr("# 按 LEC 法计算风险等级：D = L × E × C（例：L=3 E=6 C=15）"),
                f"{program} grade lec 3 6 15",
                "",
                self.tr("# 按风险矩阵法计算风险等级：R = L × S（例：L=4 S=4）"),
                f"{program} grade ls 4 4",
            )
        )

    def reload(self) -> None:
        today = self.ctx.today()
        summary = overview_service.period_summary(self.ctx.db, today=today)
        values = {
            "enterprise": summary.enterprise,
            "uscc": summary.uscc or self.tr("（未填写）"),
            "period": self.tr("{y} 年（{start} 至 {end}）").format(
                y=summary.year, start=summary.period_start.isoformat(), end=summary.period_end.isoformat()
            ),
            "check_records": self.tr("{n} 次").format(n=summary.check_records),
            "found": self.tr("{n} 条").format(n=summary.hidden_dangers_found),
            "major": self.tr("{n} 条").format(n=summary.major_hidden_dangers_found),
            "closed": self.tr("{n} 条").format(n=summary.hidden_dangers_closed),
            "open": self.tr("{n} 条").format(n=summary.hidden_dangers_open),
        }
        for key, value in values.items():
            self.value_labels[key].setText(value)
        self.commands_edit.setPlainText(self.commands_text(self.ctx.db.path))
