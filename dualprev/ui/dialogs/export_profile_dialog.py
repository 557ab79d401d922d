"""Editing the saved column profiles of the ledger export: pick a profile (or start a new one),
tick the columns to print, put them in order, change their headings, then save it — or delete it.

The dialog never writes: :meth:`ExportProfileDialog.edit` returns what the user asked for and the
caller hands it to ``export_profile_service``.
"""

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.reports.ledger_columns import STANDARD_KEYS, ColumnChoice
from dualprev.services.export_profile_service import ColumnOption, ExportProfileDraft, ExportProfileInfo

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NEW_PROFILE = -1


class ProfileAction(StrEnum):
    SAVE = "save"
    DELETE = "delete"


@dataclass(frozen=True)
class ProfileEdit:
    """What to do: save ``draft`` (a new profile when its id is None), or delete profile ``draft.id``."""

    action: ProfileAction
    draft: ExportProfileDraft


class ExportProfileDialog(QDialog):
    class Col:
        SHOW, DEFAULT, HEADING, NOTE = range(4)

    def __init__(
        self,
        options: list[ColumnOption],
        profiles: list[ExportProfileInfo],
        current_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_profile_dialog")
        self.setWindowTitle(self.tr("导出列配置"))
        self.resize(640, 620)
        self._options = {o.key: o for o in options}
        self._order = [o.key for o in options]
        self._profiles = {p.id: p for p in profiles}
        self._action = ProfileAction.SAVE

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "按乡镇或上级部门的要求保存一套列配置：勾选要输出的列，用“上移/下移”调整顺序，"
                "双击“输出标题”可改列名。导出台账时选择该配置即可，不需要改程序。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profile_combo")
        self.profile_combo.addItem(self.tr("（新建配置）"), NEW_PROFILE)
        for profile in profiles:
            self.profile_combo.addItem(profile.name, profile.id)
        form.addRow(self.tr("配置"), self.profile_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("例如：丰泽镇应急办报送格式"))
        form.addRow(self.tr("名称"), self.name_edit)
        layout.addLayout(form)

        self.columns_table = QTableWidget(0, 4, self)
        self.columns_table.setObjectName("columns_table")
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("输出"), self.tr("列"), self.tr("输出标题"), self.tr("说明")]
        )
        self.columns_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.columns_table.verticalHeader().setVisible(False)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(self.Col.HEADING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.Col.NOTE, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.columns_table, 1)

        moves = QHBoxLayout()
        self.up_btn = QPushButton(self.tr("上移"), self)
        self.up_btn.setObjectName("up_btn")
        self.down_btn = QPushButton(self.tr("下移"), self)
        self.down_btn.setObjectName("down_btn")
        self.standard_btn = QPushButton(self.tr("恢复标准列"), self)
        self.standard_btn.setObjectName("standard_btn")
        for button in (self.up_btn, self.down_btn, self.standard_btn):
            moves.addWidget(button)
        moves.addStretch(1)
        layout.addLayout(moves)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("button_box")
        self.save_btn = self.buttons.addButton(self.tr("保存配置"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_btn.setObjectName("save_btn")
        self.delete_btn = self.buttons.addButton(
            self.tr("删除配置"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_btn.setObjectName("delete_btn")
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_btn")
        layout.addWidget(self.buttons)

        self.profile_combo.currentIndexChanged.connect(self._on_profile_changed)
        self.up_btn.clicked.connect(lambda: self._on_move(-1))
        self.down_btn.clicked.connect(lambda: self._on_move(1))
        self.standard_btn.clicked.connect(self._on_standard)
        self.save_btn.clicked.connect(self._on_save)
        self.delete_btn.clicked.connect(self._on_delete)
        cancel.clicked.connect(self.reject)
        self.name_edit.textChanged.connect(self._validate)
        self.columns_table.itemChanged.connect(self._validate)

        index = self.profile_combo.findData(current_id) if current_id is not None else 0
        self.profile_combo.setCurrentIndex(max(index, 0))
        self._on_profile_changed()

    # --- filling the table ------------------------------------------------------------------------

    def _fill(self, choices: tuple[ColumnChoice, ...]) -> None:
        """Chosen columns first in their order, then every other column unticked."""
        chosen = {c.key: c for c in choices if c.key in self._options}
        keys = [c.key for c in choices if c.key in self._options]
        keys += [k for k in self._order if k not in chosen]
        table = self.columns_table
        table.blockSignals(True)
        table.setRowCount(0)
        for key in keys:
            option = self._options[key]
            row = table.rowCount()
            table.insertRow(row)
            show = QTableWidgetItem()
            show.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            show.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            show.setData(KEY_ROLE, key)
            table.setItem(row, self.Col.SHOW, show)
            default = QTableWidgetItem(option.heading)
            default.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, self.Col.DEFAULT, default)
            heading = chosen[key].heading if key in chosen and chosen[key].heading else option.heading
            table.setItem(row, self.Col.HEADING, QTableWidgetItem(heading))
            note = QTableWidgetItem(self.tr("含人员信息，报送版不输出") if option.personal else "")
            note.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            table.setItem(row, self.Col.NOTE, note)
        table.blockSignals(False)
        table.resizeColumnToContents(self.Col.SHOW)
        table.resizeColumnToContents(self.Col.DEFAULT)
        self._validate()

    def _on_profile_changed(self) -> None:
        profile = self._profiles.get(self.profile_combo.currentData())
        self.delete_btn.setEnabled(profile is not None)
        self.name_edit.setText(profile.name if profile else "")
        self._fill(profile.columns if profile else tuple(ColumnChoice(k) for k in STANDARD_KEYS))

    def _on_standard(self) -> None:
        self._fill(tuple(ColumnChoice(k) for k in STANDARD_KEYS))

    def _on_move(self, step: int) -> None:
        table = self.columns_table
        row = table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < table.rowCount():
            return
        table.blockSignals(True)
        for col in range(table.columnCount()):
            upper, lower = table.takeItem(row, col), table.takeItem(target, col)
            table.setItem(target, col, upper)
            table.setItem(row, col, lower)
        table.blockSignals(False)
        table.setCurrentCell(target, self.Col.HEADING)

    # --- result -------------------------------------------------------------------------------

    def choices(self) -> tuple[ColumnChoice, ...]:
        """The ticked columns in table order, with their headings ("" where it is the default)."""
        table = self.columns_table
        result: list[ColumnChoice] = []
        for row in range(table.rowCount()):
            show, heading_item = table.item(row, self.Col.SHOW), table.item(row, self.Col.HEADING)
            if show is None or heading_item is None or show.checkState() != Qt.CheckState.Checked:
                continue
            key = str(show.data(KEY_ROLE))
            heading = heading_item.text().strip()
            result.append(ColumnChoice(key, "" if heading == self._options[key].heading else heading))
        return tuple(result)

    def _problem(self) -> str:
        if not self.name_edit.text().strip():
            return self.tr("请填写配置名称")
        if not self.choices():
            return self.tr("请至少勾选一列")
        return ""

    def _validate(self) -> None:
        problem = self._problem()
        self.error_label.setText(problem)
        self.save_btn.setEnabled(not problem)

    def _on_save(self) -> None:
        if not self._problem():
            self._action = ProfileAction.SAVE
            self.accept()

    def _on_delete(self) -> None:
        if self.profile_id() is not None:
            self._action = ProfileAction.DELETE
            self.accept()

    def profile_id(self) -> int | None:
        data = self.profile_combo.currentData()
        return None if data in (None, NEW_PROFILE) else int(data)

    def value(self) -> ProfileEdit:
        draft = ExportProfileDraft(
            name=self.name_edit.text().strip(), columns=self.choices(), id=self.profile_id()
        )
        return ProfileEdit(self._action, draft)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        options: list[ColumnOption],
        profiles: list[ExportProfileInfo],
        current_id: int | None = None,
    ) -> ProfileEdit | None:
        """Show the editor on ``current_id`` (a new profile when None); what to save or delete, or
        None when cancelled."""
        dialog = cls(options, profiles, current_id, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
