"""隐患台账: every hidden danger with its status; open ones past the deadline are highlighted."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dualprev.services import overview_service
from dualprev.services.overview_service import HiddenDangerOverview
from dualprev.ui.context import AppContext
from dualprev.ui.models.hidden_danger_table_model import HiddenDangerTableModel
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.record_list_panel import make_table_view

SCOPES = (("all", "全部隐患"), ("open", "未销号"), ("overdue", "逾期未整改"), ("closed", "已销号"))


class LedgerFilterProxy(QSortFilterProxyModel):
    """Text filter (any column) plus the chosen scope."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scope = "all"

    def set_scope(self, scope: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10 deprecates invalidateFilter()
            self.beginFilterChange()
            self.scope = scope
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.scope = scope
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        record: HiddenDangerOverview = (
            self.sourceModel().index(source_row, 0, source_parent).data(Roles.RECORD)
        )
        match self.scope:
            case "open" if not record.status.is_open:
                return False
            case "overdue" if not record.is_overdue:
                return False
            case "closed" if record.status.is_open:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class LedgerPage(Page):
    key = "ledger"
    title = "隐患台账"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scope_combo")
        for key, text in SCOPES:
            self.scope_combo.addItem(self.tr(text), key)
        bar.addWidget(self.scope_combo)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("按编号、描述、区域、责任人筛选…"))
        self.filter_edit.setClearButtonEnabled(True)
        bar.addWidget(self.filter_edit, 1)
        layout.addLayout(bar)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        layout.addWidget(self.summary_label)
        self.model = HiddenDangerTableModel(self)
        self.ledger_table = make_table_view(self.model, "ledger_table", self)
        self.proxy = LedgerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Roles.SORT)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.ledger_table.setModel(self.proxy)
        layout.addWidget(self.ledger_table)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)

    def reload(self) -> None:
        records = overview_service.list_hidden_dangers(self.ctx.db, today=self.ctx.today())
        self.model.set_records(records)
        open_count = sum(1 for r in records if r.status.is_open)
        overdue = sum(1 for r in records if r.is_overdue)
        text = self.tr("共 {n} 条隐患，未销号 {o} 条").format(n=len(records), o=open_count)
        if overdue:
            text += self.tr("，其中逾期 {d} 条（红色底纹）").format(d=overdue)
        self.summary_label.setText(text + "。")

    def _on_scope_changed(self, _index: int) -> None:
        self.proxy.set_scope(self.scope_combo.currentData())

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
