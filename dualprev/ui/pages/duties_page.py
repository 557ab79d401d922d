"""履职与培训: 责任清单, 履职记录 and 培训, one tab each."""

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from dualprev.services.changes import Entity
from dualprev.ui.context import AppContext
from dualprev.ui.pages.duty_lists_tab import DutyListsTab
from dualprev.ui.pages.duty_records_tab import DutyRecordsTab
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.training_tab import TrainingTab


class DutiesPage(Page):
    key = "duties"
    title = "履职与培训"
    shows = frozenset({Entity.DUTY, Entity.TRAINING, Entity.ORGANISATION, Entity.CHECK, Entity.ENTERPRISE})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("duties_tabs")
        self.lists_tab = DutyListsTab(ctx, self.tabs)
        self.records_tab = DutyRecordsTab(ctx, self.tabs)
        self.training_tab = TrainingTab(ctx, self.tabs)
        self.tabs.addTab(self.lists_tab, self.tr("责任清单"))
        self.tabs.addTab(self.records_tab, self.tr("履职记录"))
        self.tabs.addTab(self.training_tab, self.tr("培训"))
        layout.addWidget(self.tabs)

    def reload(self) -> None:
        for tab in (self.lists_tab, self.records_tab, self.training_tab):
            tab.reload()

    def show_tab(self, name: str) -> None:
        """Bring the tab ``lists``, ``records`` or ``training`` forward (from a 首页 reminder)."""
        tab = {"lists": self.lists_tab, "records": self.records_tab, "training": self.training_tab}[name]
        self.tabs.setCurrentWidget(tab)
