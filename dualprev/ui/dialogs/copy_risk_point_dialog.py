"""Where to copy a risk point to (many workshops repeat the same machines): area, posts, new name."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from dualprev.services.organisation_service import AreaInfo, PostInfo
from dualprev.ui.widgets import check_list, combos
from dualprev.ui.widgets.field_errors import FieldErrors


@dataclass(frozen=True)
class CopyTarget:
    area_id: int | None
    post_ids: tuple[int, ...]
    name: str


class CopyRiskPointDialog(QDialog):
    def __init__(
        self,
        source_name: str,
        source_area_id: int | None,
        hazard_count: int,
        areas: list[AreaInfo],
        posts: list[PostInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copy_risk_point_dialog")
        self.setWindowTitle(self.tr("复制风险点"))
        self.resize(520, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("将“{name}”连同其 {n} 条危险源、管控措施和最新评价复制到："
                    "复制后可按新位置的实际情况调整。").format(name=source_name, n=hazard_count),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("area_combo")
        others = [(a.name, a.id) for a in areas if a.id is not None]
        default_area = next(
            (a.id for a in areas if a.id is not None and a.id != source_area_id), source_area_id
        )
        combos.fill(self.area_combo, others, default_area)
        form.addRow(self.tr("目标区域"), self.area_combo)
        self.name_edit = QLineEdit(source_name, self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(200)
        form.addRow(self.tr("新风险点名称"), self.name_edit)
        self.posts_list = QListWidget(self)
        self.posts_list.setObjectName("posts_list")
        check_list.fill(self.posts_list, [(p.name, p.id) for p in posts if p.id is not None])
        form.addRow(self.tr("面临此风险的岗位"), self.posts_list)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #C00000;")
        layout.addWidget(self.error_label)
        self.errors = FieldErrors(self.error_label, {"name": self.name_edit})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("复制"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_post_checked(self, post_id: int, checked: bool) -> None:
        check_list.set_checked(self.posts_list, post_id, checked)

    def value(self) -> CopyTarget:
        return CopyTarget(
            area_id=combos.chosen_id(self.area_combo),
            post_ids=check_list.checked_ids(self.posts_list),
            name=self.name_edit.text().strip(),
        )

    def _on_accept(self) -> None:
        if not self.value().name:
            self.errors.show(self.tr("请填写新风险点名称。"), "name")
            return
        self.accept()

    @classmethod
    def choose(
        cls,
        parent: QWidget | None,
        source_name: str,
        source_area_id: int | None,
        hazard_count: int,
        areas: list[AreaInfo],
        posts: list[PostInfo],
    ) -> CopyTarget | None:
        dialog = cls(source_name, source_area_id, hazard_count, areas, posts, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
