"""分布图区块 editor: the zone's name, the area it stands for and/or the risk points linked to it,
and whether its label counts the risk points by level. Shows the colour the zone will take."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import ZONE_NAME_MAX, zone_level
from dualprev.domain.validation import required_problem
from dualprev.services.map_zone_service import ZoneChoices
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors

RISK_POINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ZoneDraft:
    """What the dialog edits; the geometry stays with the map."""

    name: str = ""
    area_id: int | None = None
    risk_point_ids: tuple[int, ...] = ()
    show_counts: bool = True


def level_icon(level: RiskLevel | None) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(level.colour.hex) if level is not None else QColor(200, 200, 200))
    return QIcon(pixmap)


class ZoneDialog(GuardedDialog):
    def __init__(
        self, draft: ZoneDraft, choices: ZoneChoices, *, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("zone_dialog")
        self.setWindowTitle(self.tr("新增区块") if new else self.tr("区块属性"))
        self.resize(560, 620)
        self._choices = choices
        self._levels = {p.id: p.level for p in choices.risk_points}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name_edit = QLineEdit(draft.name, self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(ZONE_NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("如：机加工车间、喷漆房"))
        form.addRow(self.tr("区块名称 *"), self.name_edit)
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("area_combo")
        combos.fill(
            self.area_combo,
            [(f"{a.name}（{a.risk_point_count} 个风险点）", a.id) for a in choices.areas],
            draft.area_id,
        )
        for index in range(1, self.area_combo.count()):
            area = choices.areas[index - 1]
            self.area_combo.setItemIcon(index, level_icon(area.level))
        form.addRow(self.tr("对应区域"), self.area_combo)
        hint = QLabel(
            self.tr(
                "选择区域后，该区域的全部风险点都计入本区块；也可以只关联下面勾选的风险点（如一台设备）。"
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("筛选：编号、名称或区域"))
        self.filter_edit.setClearButtonEnabled(True)
        form.addRow(self.tr("关联风险点"), self.filter_edit)
        self.points_list = QListWidget(self)
        self.points_list.setObjectName("points_list")
        chosen = set(draft.risk_point_ids)
        for point in choices.risk_points:
            level = point.level.label if point.level is not None else self.tr("未评价")
            where = f"（{point.area_name}）" if point.area_name else ""
            item = QListWidgetItem(
                level_icon(point.level), f"{point.code} {point.name}{where} — {level}".strip()
            )
            item.setData(RISK_POINT_ID_ROLE, point.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if point.id in chosen else Qt.CheckState.Unchecked)
            self.points_list.addItem(item)
        layout.addWidget(self.points_list, 1)
        self.show_counts_check = QCheckBox(self.tr("标签中显示各等级风险点数量"), self)
        self.show_counts_check.setObjectName("show_counts_check")
        self.show_counts_check.setChecked(draft.show_counts)
        layout.addWidget(self.show_counts_check)
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("preview_label")
        layout.addWidget(self.preview_label)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.errors = FieldErrors(self.error_label, {"name": self.name_edit, "area_id": self.area_combo})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._auto_name = not draft.name
        self.area_combo.currentIndexChanged.connect(self._on_area_changed)
        self.name_edit.textEdited.connect(self._on_name_edited)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.points_list.itemChanged.connect(lambda _item: self._update_preview())
        self._update_preview()

    # --- values -------------------------------------------------------------------------------------

    def chosen_risk_point_ids(self) -> tuple[int, ...]:
        items = (self.points_list.item(i) for i in range(self.points_list.count()))
        return tuple(
            sorted(int(i.data(RISK_POINT_ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked)
        )

    def value(self) -> ZoneDraft:
        return ZoneDraft(
            name=self.name_edit.text().strip(),
            area_id=combos.chosen_id(self.area_combo),
            risk_point_ids=self.chosen_risk_point_ids(),
            show_counts=self.show_counts_check.isChecked(),
        )

    def preview_level(self) -> RiskLevel | None:
        """The colour the zone would take: 从严从高 over its area's and its linked risk points."""
        area_id = combos.chosen_id(self.area_combo)
        covered = {p.id for p in self._choices.risk_points if area_id is not None and p.area_id == area_id}
        covered |= set(self.chosen_risk_point_ids())
        return zone_level(self._levels.get(rp) for rp in covered)

    # --- slots --------------------------------------------------------------------------------------

    def _on_area_changed(self) -> None:
        if self._auto_name:
            area_id = combos.chosen_id(self.area_combo)
            name = next((a.name for a in self._choices.areas if a.id == area_id), "")
            self.name_edit.setText(name)
        self._update_preview()

    def _on_name_edited(self, text: str) -> None:
        self._auto_name = not text.strip()

    def _on_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.points_list.count()):
            item = self.points_list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _update_preview(self) -> None:
        level = self.preview_level()
        if level is None:
            self.preview_label.setText(self.tr("区块颜色：未着色（还没有已评价的风险点）"))
            self.preview_label.setStyleSheet("padding: 4px; background: #DDDDDD; color: black;")
            return
        text = "#FFFFFF" if level.colour.text_rgb == (255, 255, 255) else "#000000"
        self.preview_label.setText(self.tr("区块颜色：{level}").format(level=level.label))
        self.preview_label.setStyleSheet(f"padding: 4px; background: {level.colour.hex}; color: {text};")

    def _on_accept(self) -> None:
        value = self.value()
        problems: list[tuple[str, str]] = []
        problem = required_problem(value.name, "区块名称", ZONE_NAME_MAX)
        if problem:
            problems.append(("name", problem))
        if value.area_id is None and not value.risk_point_ids:
            problems.append(("area_id", self.tr("请选择对应区域，或勾选至少一个风险点")))
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, draft: ZoneDraft, choices: ZoneChoices, *, new: bool = False
    ) -> ZoneDraft | None:
        """Show the dialog; the edited values, or None when cancelled."""
        dialog = cls(draft, choices, new=new, parent=parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
