"""A table of records with 筛选 / 新增 / 编辑 / 删除, used by the 企业信息 tabs."""

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dualprev.ui.models.record_table_model import RecordTableModel, Roles
from dualprev.ui.widgets.column_fill import fill_column

MAX_COLUMN_WIDTH = 260


def make_table_view(model: RecordTableModel[Any], name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only, sortable, row-selecting view over ``model`` through a filter proxy."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(Roles.SORT)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    # Spare width goes to the column with the longest texts, not to the last one.
    filler = fill_column(view, -1, MAX_COLUMN_WIDTH)
    model.modelReset.connect(lambda: fit_columns(view))
    model.modelReset.connect(filler.fill)
    return view


def selected_record(view: QTableView) -> Any:
    """The row object (``Roles.RECORD``) of the view's selected row, or None."""
    rows = view.selectionModel().selectedRows()
    return view.model().data(rows[0], Roles.RECORD) if rows else None


def select_record(view: QTableView, model: RecordTableModel[Any], record_id: int) -> bool:
    """Select (and scroll to) the row of ``record_id``; False when ``model`` does not hold it."""
    source_row = model.row_of(record_id)
    if source_row < 0:
        return False
    proxy = view.model()
    index = (
        proxy.mapFromSource(model.index(source_row, 0))
        if isinstance(proxy, QSortFilterProxyModel)
        else model.index(source_row, 0)
    )
    view.selectRow(index.row())
    view.scrollTo(index)
    return True


def fit_columns(view: QTableView, *, max_width: int = MAX_COLUMN_WIDTH) -> None:
    """Size columns to their contents, but never so wide that one long text hides the rest."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionSize(column) > max_width:
            header.resizeSection(column, max_width)


class RecordListPanel(QWidget):
    """Emits what the user asked for; the page does the work through the services."""

    add_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(
        self, model: RecordTableModel[Any], prefix: str, noun: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{prefix}_panel")
        self.model = model
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"{prefix}_filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("筛选{noun}…").format(noun=noun))
        self.filter_edit.setClearButtonEnabled(True)
        bar.addWidget(self.filter_edit, 1)
        self.add_btn = QPushButton(self.tr("新增{noun}").format(noun=noun), self)
        self.add_btn.setObjectName(f"{prefix}_add_btn")
        self.edit_btn = QPushButton(self.tr("编辑"), self)
        self.edit_btn.setObjectName(f"{prefix}_edit_btn")
        self.delete_btn = QPushButton(self.tr("删除"), self)
        self.delete_btn.setObjectName(f"{prefix}_delete_btn")
        for button in (self.add_btn, self.edit_btn, self.delete_btn):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.table = make_table_view(model, f"{prefix}_table", self)
        proxy = self.table.model()
        assert isinstance(proxy, QSortFilterProxyModel)  # make_table_view always puts a proxy in between
        self.proxy = proxy
        layout.addWidget(self.table)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.add_btn.clicked.connect(self.add_requested.emit)
        self.edit_btn.clicked.connect(self._on_edit_clicked)
        self.delete_btn.clicked.connect(self._on_delete_clicked)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_selection_changed)
        self._on_selection_changed()

    def selected_record(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.proxy.data(rows[0], Roles.RECORD)

    def select_id(self, record_id: int) -> bool:
        """Select the row of the record with ``record_id``; False when it is not shown."""
        source_row = self.model.row_of(record_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    def _on_selection_changed(self, *_args: object) -> None:
        has = self.selected_record() is not None
        self.edit_btn.setEnabled(has)
        self.delete_btn.setEnabled(has)

    def _on_edit_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.edit_requested.emit(record)

    def _on_delete_clicked(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.delete_requested.emit(record)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        record = self.proxy.data(index, Roles.RECORD)
        if record is not None:
            self.edit_requested.emit(record)
