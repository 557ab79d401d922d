"""报表导出's 迎检资料包: one button that writes every part an inspector asks for, for the period
chosen in the page's 统计期 box, into a zip (or a new folder) with a contents page."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from dualprev.reports.ledger_period import ReportPeriod
from dualprev.services.inspection_pack import PackPeriod, PackResult, build_pack
from dualprev.ui import messages, tasks
from dualprev.ui.context import AppContext


def choose_pack_file(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save the pack (a .zip); None when cancelled (tests replace this)."""
    path, _chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("保存迎检资料包"), str(suggested), parent.tr("zip 压缩包 (*.zip)")
    )
    if not path:
        return None
    result = Path(path)
    return result if result.suffix.lower() == ".zip" else result.with_name(result.name + ".zip")


class InspectionPackBox(QGroupBox):
    def __init__(
        self, ctx: AppContext, period: Callable[[], ReportPeriod], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._period = period
        self.setTitle(self.tr("迎检资料包"))
        self.setObjectName("inspection_pack_box")
        line = QHBoxLayout(self)
        self.pack_btn = QPushButton(self.tr("生成迎检资料包…"), self)
        self.pack_btn.setObjectName("inspection_pack_btn")
        self.pack_btn.clicked.connect(lambda _c=False: self._on_pack())
        line.addWidget(self.pack_btn)
        hint = QLabel(
            self.tr(
                "按上方统计期，一次导出风险清单、告知卡、四色图、隐患台账及统计表、排查记录、判定标准自查、"
                "责任清单、培训记录、持证台账、应急演练、作业许可等全部资料（zip，含目录页）"
            ),
            self,
        )
        hint.setWordWrap(True)
        line.addWidget(hint, 1)
        self.last_result: PackResult | None = None

    def _on_pack(self) -> None:
        chosen = self._period()
        end = min(chosen.end, self.ctx.today())
        period = PackPeriod(chosen.start, end if end >= chosen.start else chosen.end)
        suggested = Path.home() / f"迎检资料包_{period.start.isoformat()}_{period.end.isoformat()}.zip"
        out = choose_pack_file(self, suggested)
        if out is None:
            return
        db, today = self.ctx.db, self.ctx.today()
        tasks.run_in_background(
            self,
            self.tr("正在生成迎检资料包…"),
            lambda: build_pack(db, out, period, today=today),
            self._on_done,
            on_refused=lambda error: messages.show_user_error(self, error),
        )

    def _on_done(self, result: PackResult) -> None:
        self.last_result = result
        missing = [o.part.title for o in result.outcomes if not o.file_name]
        text = self.tr("已生成迎检资料包：{path}\n共 {n} 部分").format(path=result.path, n=result.written)
        if missing:
            text += self.tr("；无数据未生成：{m}").format(m="、".join(missing))
        messages.show_info(self, text, title=self.tr("迎检资料包"))
