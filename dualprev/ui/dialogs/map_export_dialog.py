"""Choices for printing the 风险四色分布图: paper size, drawn/checked by, and (PDF) whether every
plan goes into the file."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

PAPERS = (("A3", "A3 横向（默认，适合张贴）"), ("A4", "A4 横向"), ("A2", "A2 横向（大幅面）"))


@dataclass(frozen=True)
class MapExportOptions:
    fmt: str
    """"pdf" or "png"."""
    paper: str = "A3"
    drawn_by: str = ""
    checked_by: str = ""
    all_plans: bool = False
    mono: bool = False
    """Black and white: outline and hatch per level instead of the colours."""


class MapExportDialog(QDialog):
    def __init__(self, fmt: str, drawn_by: str, plan_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_export_dialog")
        self._fmt = fmt
        self.setWindowTitle(
            self.tr("导出四色分布图（PDF）") if fmt == "pdf" else self.tr("导出四色分布图（PNG 图片）")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("paper_combo")
        for key, text in PAPERS:
            self.paper_combo.addItem(self.tr(text), key)
        form.addRow(self.tr("纸张"), self.paper_combo)
        self.drawn_by_edit = QLineEdit(drawn_by, self)
        self.drawn_by_edit.setObjectName("drawn_by_edit")
        self.drawn_by_edit.setMaxLength(50)
        form.addRow(self.tr("制图"), self.drawn_by_edit)
        self.checked_by_edit = QLineEdit(self)
        self.checked_by_edit.setObjectName("checked_by_edit")
        self.checked_by_edit.setMaxLength(50)
        self.checked_by_edit.setPlaceholderText(self.tr("留空则打印后手签"))
        form.addRow(self.tr("审核"), self.checked_by_edit)
        self.mono_check = QCheckBox(self.tr("黑白打印（白底，以轮廓线和填充线区分风险等级）"), self)
        self.mono_check.setObjectName("mono_check")
        layout.addWidget(self.mono_check)
        self.all_plans_check = QCheckBox(
            self.tr("导出全部 {n} 张平面图（每张一页）").format(n=plan_count), self
        )
        self.all_plans_check.setObjectName("all_plans_check")
        self.all_plans_check.setVisible(fmt == "pdf" and plan_count > 1)
        layout.addWidget(self.all_plans_check)
        if fmt == "png":
            note = QLabel(self.tr("PNG 按所选纸张以 300 dpi 输出，可直接送图文店打印张贴。"), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> MapExportOptions:
        return MapExportOptions(
            fmt=self._fmt,
            paper=str(self.paper_combo.currentData()),
            drawn_by=self.drawn_by_edit.text().strip(),
            checked_by=self.checked_by_edit.text().strip(),
            all_plans=not self.all_plans_check.isHidden() and self.all_plans_check.isChecked(),
            mono=self.mono_check.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, fmt: str, drawn_by: str, plan_count: int) -> MapExportOptions | None:
        """Show the dialog; the chosen options, or None when cancelled."""
        dialog = cls(fmt, drawn_by, plan_count, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
