"""从辨识库添加: pick typical risk points (with hazards, accident types, measures and a suggested
evaluation) from the built-in library and the area and posts they go to. Nothing is re-typed."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.library import LibraryEntry
from dualprev.services import library_service
from dualprev.services.organisation_service import AreaInfo, PostInfo
from dualprev.ui.widgets import check_list, combos

ALL_GROUPS = "全部类别"


@dataclass(frozen=True)
class LibraryChoice:
    keys: tuple[str, ...]
    area_id: int | None
    post_ids: tuple[int, ...]


def describe(entry: LibraryEntry) -> str:
    """The entry as HTML for the preview pane."""
    rows = []
    for number, hazard in enumerate(entry.hazards, start=1):
        level = hazard.evaluation.level
        text_colour = "#{:02X}{:02X}{:02X}".format(*level.colour.text_rgb)
        measures = "；".join(m.content for m in hazard.measures)
        rows.append(
            f"<p><b>{number}. {hazard.step_or_item}</b>：{hazard.description}<br>"
            f"<span style='color:#444'>事故类型：{'、'.join(hazard.accident_types)}；"
            f"建议评价：{hazard.evaluation.text}（<span style='background:{level.colour.hex};color:{text_colour};'>&nbsp;{level.label}&nbsp;</span>）"
            f"<br>管控措施：{measures}</span></p>"
        )
    return (
        f"<h3>{entry.name}</h3><p>{entry.kind.label} · {entry.group}</p><p>{entry.description}</p>"
        + "".join(rows)
    )


class LibraryDialog(QDialog):
    def __init__(
        self,
        areas: list[AreaInfo],
        posts: list[PostInfo],
        area_id: int | None,
        parent: QWidget | None = None,
        vocabulary: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("library_dialog")
        self.setWindowTitle(self.tr("从辨识库添加风险点"))
        self.resize(1100, 660)
        self._library = library_service.load_library(vocabulary)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("勾选本企业存在的风险点，连同其危险源、事故类型、典型管控措施和建议评价一起添加到所选区域。"
                    "添加后请结合现场实际复核和调整。"),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        search = QHBoxLayout()
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group_combo")
        self.group_combo.addItem(self.tr(ALL_GROUPS), None)
        for group in self._library.groups():
            self.group_combo.addItem(group, group)
        self.keyword_edit = QLineEdit(self)
        self.keyword_edit.setObjectName("keyword_edit")
        self.keyword_edit.setPlaceholderText(self.tr("搜索：如 叉车、焊接、粉尘"))
        self.keyword_edit.setClearButtonEnabled(True)
        search.addWidget(self.group_combo)
        search.addWidget(self.keyword_edit, 1)
        layout.addLayout(search)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.entries_list = QListWidget(splitter)
        self.entries_list.setObjectName("entries_list")
        self.preview = QTextBrowser(splitter)
        self.preview.setObjectName("preview_browser")
        splitter.setSizes([420, 680])
        layout.addWidget(splitter, 1)
        check_list.fill(
            self.entries_list,
            [
                (f"{e.name}（{e.kind.label}，{len(e.hazards)} 条危险源）", e.key)
                for e in self._library.entries
            ],
        )
        for item, entry in zip(check_list.items(self.entries_list), self._library.entries, strict=True):
            item.setToolTip(f"{entry.group}：{entry.description}（建议等级 {entry.level.label}）")
        form = QFormLayout()
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("area_combo")
        combos.fill(self.area_combo, [(a.name, a.id) for a in areas if a.id is not None], area_id)
        form.addRow(self.tr("添加到区域"), self.area_combo)
        self.posts_list = QListWidget(self)
        self.posts_list.setObjectName("posts_list")
        self.posts_list.setFlow(QListWidget.Flow.LeftToRight)
        self.posts_list.setWrapping(True)
        self.posts_list.setMaximumHeight(70)
        check_list.fill(self.posts_list, [(p.name, p.id) for p in posts if p.id is not None])
        form.addRow(self.tr("面临这些风险的岗位"), self.posts_list)
        layout.addLayout(form)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        layout.addWidget(self.count_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加所选"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self.group_combo.currentIndexChanged.connect(self._apply_filter)
        self.keyword_edit.textChanged.connect(self._apply_filter)
        self.entries_list.currentItemChanged.connect(self._on_current_changed)
        self.entries_list.itemChanged.connect(self._update_count)
        if self.entries_list.count():
            self.entries_list.setCurrentRow(0)
        self._update_count()

    def set_checked(self, key: str, checked: bool) -> None:
        check_list.set_checked(self.entries_list, key, checked)

    def chosen_keys(self) -> tuple[str, ...]:
        return tuple(str(key) for key in check_list.checked_keys(self.entries_list))

    def value(self) -> LibraryChoice:
        return LibraryChoice(
            keys=self.chosen_keys(),
            area_id=combos.chosen_id(self.area_combo),
            post_ids=check_list.checked_ids(self.posts_list),
        )

    def _apply_filter(self) -> None:
        shown = {
            e.key
            for e in self._library.select(self.group_combo.currentData(), self.keyword_edit.text().strip())
        }
        for i in range(self.entries_list.count()):
            item = self.entries_list.item(i)
            item.setHidden(check_list.key_of(item) not in shown)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            self.preview.clear()
            return
        self.preview.setHtml(describe(self._library.entry(str(check_list.key_of(current)))))

    def _update_count(self, *_args: object) -> None:
        chosen = self.chosen_keys()
        hazards = sum(len(self._library.entry(k).hazards) for k in chosen)
        self.count_label.setText(
            self.tr("已选 {n} 个风险点、{h} 条危险源（库中共 {total} 个）").format(
                n=len(chosen), h=hazards, total=len(self._library.entries)
            )
        )
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(chosen))

    @classmethod
    def choose(
        cls,
        parent: QWidget | None,
        areas: list[AreaInfo],
        posts: list[PostInfo],
        area_id: int | None,
        vocabulary: str = "",
    ) -> LibraryChoice | None:
        """``vocabulary``: the enterprise's, so the preview names the accident types it will get."""
        dialog = cls(areas, posts, area_id, parent, vocabulary)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
