"""首页's 证书到期提醒: special-operation certificates expired, due within 30 days and within 60 days,
one line each; a click opens 特种作业与应急 on its certificates."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from dualprev.services.work_safety.certificates import CertificateReminders, CertificateRow
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR
from dualprev.ui.widgets.hidden_danger_style import DUE_SOON_COLOUR, OVERDUE_COLOUR

LIST_LIMIT = 8


class CertificateReminderBox(QGroupBox):
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("特种作业证书到期提醒"))
        self.setObjectName("certificate_box")
        layout = QVBoxLayout(self)
        self.certificates_label = QLabel(self)
        self.certificates_label.setObjectName("certificates_label")
        self.certificates_label.setTextFormat(Qt.TextFormat.RichText)
        self.certificates_label.setWordWrap(True)
        self.certificates_label.linkActivated.connect(lambda _link: self.open_requested.emit())
        layout.addWidget(self.certificates_label)

    def fill(self, reminders: CertificateReminders) -> None:
        if not reminders.total:
            self.certificates_label.setText(
                f"<span style='color:{GOOD_COLOUR}'>{self.tr('没有过期或60天内到期的证书')}</span>"
            )
            return
        lines = []
        for rows, what, colour in (
            (reminders.expired, self.tr("已过期（不得从事该作业）"), OVERDUE_COLOUR),
            (reminders.within_30, self.tr("30天内到期"), DUE_SOON_COLOUR),
            (reminders.within_60, self.tr("60天内到期"), "#806000"),
        ):
            if rows:
                names = "、".join(_line(r) for r in rows[:LIST_LIMIT]) + (
                    "…" if len(rows) > LIST_LIMIT else ""
                )
                lines.append(f"<b style='color:{colour}'>{what} {len(rows)} 本</b>：{names}")
        lines.append(f"<a href='certificates'>{self.tr('查看持证台账')}</a>")
        self.certificates_label.setText("<br>".join(lines))


def _line(row: CertificateRow) -> str:
    return f"{row.person_name}（{row.kind.label}，{row.deadline.isoformat()}）"
