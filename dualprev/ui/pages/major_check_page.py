"""重大隐患自查: the annual (or on-demand) self-check against 《工贸企业重大事故隐患判定标准》 — every
applicable item answered 符合/不符合/不适用 with a note and an optional photo; each 不符合 names where,
who and by when and is registered as a 重大隐患 on saving — and the signed record of past checks."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.major_duties import AnswerDraft, CheckAnswer, MajorCheckKind
from dualprev.services import major_check_service as checks
from dualprev.services import organisation_service as org
from dualprev.services import photo_service
from dualprev.services.changes import Entity
from dualprev.services.major_check_service import MajorCheckInfo
from dualprev.services.major_standard_service import get_scope
from dualprev.services.photo_service import PreparedPhoto
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.hidden_danger_fields import fill_people, get_date, set_date
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.standard_scope_box import StandardScopeBox

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("条款", "判定情形", "结论", "现场情况/说明", "隐患部位", "整改责任人", "整改期限", "照片")
_ANSWERS = (("（请选择）", ""), *((a.label, a.value) for a in CheckAnswer))


class MajorCheckPage(Page):
    key = "major_check"
    title = "重大隐患自查"
    shows = frozenset({Entity.ENTERPRISE, Entity.ORGANISATION, Entity.HIDDEN_DANGER})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._keys: list[str] = []
        self._photos: dict[str, PreparedPhoto] = {}
        layout = QVBoxLayout(self)
        self.scope_box = StandardScopeBox(ctx, self)
        layout.addWidget(self.scope_box)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._build_form())
        splitter.addWidget(self._build_history())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

    def _build_form(self) -> QWidget:
        box = QGroupBox(self.tr("新的自查"), self)
        layout = QVBoxLayout(box)
        head = QFormLayout()
        line = QHBoxLayout()
        self.kind_combo = QComboBox(box)
        self.kind_combo.setObjectName("kind_combo")
        for kind in MajorCheckKind:
            self.kind_combo.addItem(self.tr(kind.label), kind.value)
        self.date_edit = QDateEdit(box)
        self.date_edit.setObjectName("checked_on_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.checkers_edit = QLineEdit(box)
        self.checkers_edit.setObjectName("checkers_edit")
        self.checkers_edit.setPlaceholderText(self.tr("参加自查的人员，如：沈立明、曹建国"))
        for widget in (
            QLabel(self.tr("类型"), box),
            self.kind_combo,
            QLabel(self.tr("日期"), box),
            self.date_edit,
        ):
            line.addWidget(widget)
        line.addWidget(QLabel(self.tr("自查人员"), box))
        line.addWidget(self.checkers_edit, 1)
        head.addRow(line)
        layout.addLayout(head)
        self.items_table = QTableWidget(0, len(COLUMNS), box)
        self.items_table.setObjectName("items_table")
        self.items_table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        header = self.items_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 90), (3, 200), (4, 120), (5, 140), (6, 110), (7, 70)):
            self.items_table.setColumnWidth(column, width)
        self.items_table.setWordWrap(True)
        self.items_table.verticalHeader().setVisible(False)
        layout.addWidget(self.items_table, 1)
        bottom = QHBoxLayout()
        self.hint_label = QLabel(
            self.tr("“不符合”的条款保存时登记为重大隐患（判定依据为该条款），请填写部位、整改责任人和期限。"
                    "标有※的条款文字尚未与官方文本逐字核对。"),
            box,
        )  # fmt: skip
        self.hint_label.setWordWrap(True)
        bottom.addWidget(self.hint_label, 1)
        self.save_btn = QPushButton(self.tr("保存自查记录"), box)
        self.save_btn.setObjectName("save_check_btn")
        bottom.addWidget(self.save_btn)
        layout.addLayout(bottom)
        self.save_btn.clicked.connect(self._on_save)
        return box

    def _build_history(self) -> QWidget:
        box = QGroupBox(self.tr("自查记录"), self)
        layout = QHBoxLayout(box)
        self.history_list = QListWidget(box)
        self.history_list.setObjectName("history_list")
        layout.addWidget(self.history_list, 1)
        self.export_btn = QPushButton(self.tr("导出自查记录（PDF）…"), box)
        self.export_btn.setObjectName("export_check_btn")
        layout.addWidget(self.export_btn, 0, Qt.AlignmentFlag.AlignTop)
        self.export_btn.clicked.connect(self._on_export)
        return box

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.ctx.db
        self.scope_box.reload()
        today = self.ctx.today()
        set_date(self.date_edit, today)
        people, departments = org.list_people(db), org.list_departments(db)
        items = checks.applicable_items(db)
        self._keys = [key for key, *_rest in items]
        self._photos.clear()
        table = self.items_table
        table.setRowCount(len(items))
        for row, (key, label, text, verified) in enumerate(items):
            item = QTableWidgetItem(label)
            item.setData(ID_ROLE, key)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, item)
            wording = QTableWidgetItem(text + ("" if verified else "※"))
            wording.setFlags(wording.flags() & ~Qt.ItemFlag.ItemIsEditable)
            wording.setToolTip(text)
            table.setItem(row, 1, wording)
            answer = QComboBox(table)
            for caption, value in _ANSWERS:
                answer.addItem(self.tr(caption), value)
            table.setCellWidget(row, 2, answer)
            table.setCellWidget(row, 3, QLineEdit(table))
            table.setCellWidget(row, 4, QLineEdit(table))
            rectifier = QComboBox(table)
            fill_people(rectifier, people, departments, None)
            table.setCellWidget(row, 5, rectifier)
            deadline = QDateEdit(table)
            deadline.setCalendarPopup(True)
            deadline.setDisplayFormat("yyyy-MM-dd")
            set_date(deadline, today)
            table.setCellWidget(row, 6, deadline)
            photo = QPushButton(self.tr("照片…"), table)
            photo.clicked.connect(lambda _checked=False, k=key, b=photo: self._on_photo(k, b))
            table.setCellWidget(row, 7, photo)
            answer.currentIndexChanged.connect(lambda _i=0, r=row: self._on_answer_changed(r))
            self._on_answer_changed(row)
        table.resizeRowsToContents()
        self._fill_history(checks.list_checks(db))
        if not get_scope(db).sectors:
            self.show_status(self.tr("未设置所属行业：自查只列出第三条，请在上方选择行业和特殊情形"))

    def _fill_history(self, found: list[MajorCheckInfo]) -> None:
        self.history_list.clear()
        for info in found:
            text = self.tr("{title}　{scope}　{n} 项：不符合 {bad} 项").format(
                title=info.title, scope=info.scope.text, n=len(info.answers), bad=info.count(CheckAnswer.NON_COMPLIANT)
            )  # fmt: skip
            entry = QListWidgetItem(text, self.history_list)
            entry.setData(ID_ROLE, info.id)
        if self.history_list.count():
            self.history_list.setCurrentRow(0)
        self.export_btn.setEnabled(self.history_list.count() > 0)

    # --- reading ------------------------------------------------------------------------------------

    def _answer(self, row: int) -> AnswerDraft:
        table = self.items_table

        def widget(column: int) -> QWidget:
            found = table.cellWidget(row, column)
            assert found is not None
            return found

        combo = widget(2)
        assert isinstance(combo, QComboBox)
        value = combo.currentData()
        note, place, rectifier, deadline = widget(3), widget(4), widget(5), widget(6)
        assert isinstance(note, QLineEdit) and isinstance(place, QLineEdit)
        assert isinstance(rectifier, QComboBox) and isinstance(deadline, QDateEdit)
        return AnswerDraft(
            item_key=self._keys[row],
            answer=CheckAnswer(value) if value else None,
            note=note.text().strip(),
            location=place.text().strip(),
            rectifier_id=rectifier.currentData(),
            deadline=get_date(deadline),
        )

    def answers(self) -> tuple[AnswerDraft, ...]:
        return tuple(self._answer(row) for row in range(self.items_table.rowCount()))

    # --- behaviour ------------------------------------------------------------------------------------

    def _on_answer_changed(self, row: int) -> None:
        combo = self.items_table.cellWidget(row, 2)
        failing = isinstance(combo, QComboBox) and combo.currentData() == CheckAnswer.NON_COMPLIANT.value
        for column in (4, 5, 6):
            cell = self.items_table.cellWidget(row, column)
            if cell is not None:
                cell.setEnabled(failing)

    def _on_photo(self, key: str, button: QPushButton) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, self.tr("选择照片"), "", self.tr("图片 (*.jpg *.jpeg *.png)")
        )
        if not path:
            return
        photo = operations.attempt(self, lambda: photo_service.prepare(Path(path)))
        if photo is operations.FAILED:
            return
        self._photos[key] = photo
        button.setText(self.tr("已选 1 张"))

    def _on_save(self) -> None:
        data = checks.MajorCheckInput(
            checked_on=get_date(self.date_edit),
            checker_names=self.checkers_edit.text().strip(),
            answers=self.answers(),
            kind=MajorCheckKind(self.kind_combo.currentData()),
            photos=dict(self._photos),
        )
        today: date = self.ctx.today()
        saved = operations.write(
            self, self.ctx.events,
            lambda: checks.record_self_check(self.ctx.db, data, actor=self.ctx.actor(), today=today),
        )  # fmt: skip
        if saved is operations.FAILED:
            return
        numbers = [a.hidden_danger_number for a in saved.answers if a.answer is CheckAnswer.NON_COMPLIANT]
        found = (
            self.tr("，登记重大隐患：") + "、".join(numbers) if numbers else self.tr("，未发现重大事故隐患")
        )
        messages.show_info(self, self.tr("已保存自查记录") + found, title=self.tr("重大隐患自查"))
        self.checkers_edit.clear()
        self.reload()

    def _on_export(self) -> None:
        current = self.history_list.currentItem()
        if current is None:
            return
        check_id = int(current.data(ID_ROLE))
        suggested = Path.home() / f"重大事故隐患自查记录-{current.text()[:10]}.pdf"
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("导出自查记录"), str(suggested), "PDF (*.pdf)"
        )
        if not path:
            return
        result = operations.attempt(self, lambda: checks.export_check(self.ctx.db, Path(path), check_id))
        if result is not operations.FAILED:
            self.show_status(self.tr("已导出：{path}").format(path=result.path))
