"""数据导入: bring in the spreadsheets a factory already keeps — the risk list, the hidden-danger
ledger and the staff list — through the import wizard, or take a blank template to fill in."""

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from dualprev.domain.importing.fields import ImportKind
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.import_dialog import ImportDialog, created_text, save_template
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.readable_width import readable_layout

_WHAT = {
    ImportKind.RISK_LIST: "咨询机构做的清单（作业活动类、设备设施类，LEC 或 LS 法）：风险点、危险源、评价、"
    "五类管控措施、管控层级和责任人。",
    ImportKind.LEDGER: "手工记的台账：排查日期、部位、隐患描述、级别、整改措施、责任人、期限、验收和状态。"
    "不符合规则的行（如验收人与整改责任人相同、已销号却无验收日期）会列出，不会按已销号保存。",
    ImportKind.PEOPLE: "姓名、部门、岗位、职务、电话。身份证号等个人信息不会保存。",
}


class ImportPage(Page):
    key = "import"
    title = "数据导入"
    shows = frozenset()  # nothing on it comes from the database

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = readable_layout(self)
        intro = QLabel(
            self.tr("已有 Excel 表格不必重新录入：选择表格，核对列对应，先检查后导入。导入在一个事务中完成，"
                    "出错或取消时数据库不会有任何改动；同一文件重复导入不会产生重复记录。"),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        for kind in ImportKind:
            box = QGroupBox(kind.label, self)
            grid = QGridLayout(box)
            text = QLabel(self.tr(_WHAT[kind]), box)
            text.setWordWrap(True)
            grid.addWidget(text, 0, 0, 1, 3)
            start = QPushButton(self.tr("导入{0}…").format(kind.label), box)
            start.setObjectName(f"import_{kind.name.lower()}_btn")
            template = QPushButton(self.tr("下载模板…"), box)
            template.setObjectName(f"template_{kind.name.lower()}_btn")
            grid.addWidget(start, 1, 0)
            grid.addWidget(template, 1, 1)
            grid.setColumnStretch(2, 1)
            start.clicked.connect(lambda _checked=False, k=kind: self._on_import_clicked(k))
            template.clicked.connect(lambda _checked=False, k=kind: self._on_template_clicked(k))
            layout.addWidget(box)
        layout.addWidget(self.result_label)
        layout.addStretch(1)

    def reload(self) -> None:
        """Nothing on this page comes from the database."""

    def _on_import_clicked(self, kind: ImportKind) -> None:
        result = ImportDialog.run(self.ctx, self, kind)
        if result is not None:
            self.result_label.setText(
                self.tr("上次导入（{0}）新增：{1}").format(kind.label, created_text(result.report))
            )
            self.show_status(self.result_label.text())

    def _on_template_clicked(self, kind: ImportKind) -> None:
        save_template(self, kind, self.ctx.prefs)
