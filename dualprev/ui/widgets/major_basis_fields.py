"""The hidden-danger form's 判定标准 part: the item of 《工贸企业重大事故隐患判定标准》 it matches
(the items the texts suggest come first) and the separate 产生原因 the 重大隐患报告 prints.

Added to the registration form's 隐患 section in code, next to 判定依据, so the Designer form stays
as it is."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.domain.major_standard import StandardItem, suggest_items

NONE_TEXT = "（不对应判定标准条款）"


def item_text(item: StandardItem, *, width: int = 46) -> str:
    text = item.text if len(item.text) <= width else item.text[: width - 1] + "…"
    return f"{item.label} {text}" + ("" if item.verified else "（※待核对）")


class MajorBasisFields(QObject):
    """The 判定标准条款 picker and the 产生原因 box, placed under 判定依据 in ``form``."""

    def __init__(
        self,
        form: QFormLayout,
        row: int,
        items: tuple[StandardItem, ...],
        draft: HiddenDangerDraft,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._items = items
        self.item_combo = QComboBox(parent)
        self.item_combo.setObjectName("standard_item_combo")
        self.item_combo.setMinimumContentsLength(30)
        self.item_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.suggestion_label = QLabel(parent)
        self.suggestion_label.setObjectName("standard_suggestion_label")
        self.suggestion_label.setWordWrap(True)
        self.cause_edit = QPlainTextEdit(parent)
        self.cause_edit.setObjectName("cause_edit")
        self.cause_edit.setPlaceholderText(self.tr("重大隐患报告中“产生原因”一项，如：新增工位未经变更管理"))
        self.cause_edit.setMaximumHeight(54)
        self.cause_edit.setPlainText(draft.cause)
        form.insertRow(row, QLabel(self.tr("判定标准条款"), parent), self.item_combo)
        form.insertRow(row + 1, QLabel("", parent), self.suggestion_label)
        form.insertRow(row + 2, QLabel(self.tr("产生原因"), parent), self.cause_edit)
        self._chosen = draft.standard_item
        self.fill([])

    def fill(self, suggested: list[StandardItem]) -> None:
        """List the suggested items first, then every applicable item; keep the choice."""
        current = self.item_combo.currentData() if self.item_combo.count() else self._chosen
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        self.item_combo.addItem(self.tr(NONE_TEXT), "")
        for item in suggested:
            self.item_combo.addItem(self.tr("建议：") + item_text(item), item.key)
        for item in self._items:
            if item not in suggested:
                self.item_combo.addItem(item_text(item), item.key)
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(current or ""), 0))
        self.item_combo.blockSignals(False)
        if suggested:
            self.suggestion_label.setText(
                self.tr("与描述相符的条款：")
                + "、".join(i.label for i in suggested)
                + self.tr("（请核对后选择）")
            )
        else:
            self.suggestion_label.setText(
                self.tr("本企业适用 {n} 项条款；符合任一项的应判定为重大隐患").format(n=len(self._items))
                if self._items
                else self.tr("未在企业信息中设置行业和特殊情形，仅适用第三条")
            )

    def suggest(self, *texts: str) -> list[StandardItem]:
        """Re-rank the picker by the form's texts; returns the suggestions."""
        suggested = suggest_items(list(self._items), *texts)
        self.fill(suggested)
        return suggested

    def standard_item(self) -> str:
        return str(self.item_combo.currentData() or "")

    def cause(self) -> str:
        return self.cause_edit.toPlainText().strip()
