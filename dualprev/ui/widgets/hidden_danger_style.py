"""How hidden-danger states look everywhere in the GUI: one colour per status, overdue in red.

Colour never carries the meaning alone: every badge also names the status in words.
"""

from datetime import date, datetime

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from dualprev.domain.hidden_danger import OVERDUE_LABEL, HiddenDangerLevel, HiddenDangerStatus

STATUS_COLOURS: dict[HiddenDangerStatus, str] = {
    HiddenDangerStatus.PENDING: "#B35C00",
    HiddenDangerStatus.RECTIFYING: "#0B5CAD",
    HiddenDangerStatus.AWAITING_ACCEPTANCE: "#6A1B9A",
    HiddenDangerStatus.CLOSED: "#2E7D32",
    HiddenDangerStatus.VOID: "#757575",
}
OVERDUE_COLOUR = "#C00000"
DUE_SOON_COLOUR = "#8A5A00"
MAJOR_COLOUR = "#C00000"

OVERDUE_BACKGROUND = QColor(255, 220, 220)
DUE_SOON_BACKGROUND = QColor(255, 240, 200)


def status_colour(status: HiddenDangerStatus) -> QColor:
    return QColor(STATUS_COLOURS[status])


def deadline_text(days_left: int | None) -> str:
    """``逾期 3 天`` / ``今天到期`` / ``还剩 2 天`` for an open hidden danger; "" otherwise."""
    if days_left is None:
        return ""
    if days_left < 0:
        return f"{OVERDUE_LABEL} {-days_left} 天"
    if days_left == 0:
        return "今天到期"
    return f"还剩 {days_left} 天"


def status_text(status: HiddenDangerStatus, days_left: int | None, *, due_days: int = 3) -> str:
    """The status as the ledger shows it, e.g. ``整改中 · 逾期5天`` or ``待整改 · 今天到期``."""
    if days_left is not None and days_left <= due_days:
        return f"{status.label} · {deadline_text(days_left).replace(' ', '')}"
    return status.label


def badge(parent: QWidget | None, name: str) -> QLabel:
    """An empty badge label; fill it with :func:`paint_badge`."""
    label = QLabel(parent)
    label.setObjectName(name)
    return label


def paint_badge(label: QLabel, text: str, background: str, foreground: str = "#FFFFFF") -> None:
    label.setText(text)
    label.setVisible(bool(text))
    label.setStyleSheet(
        f"background: {background}; color: {foreground}; border-radius: 3px; padding: 2px 8px; font-weight: bold;"
    )


def paint_level_badge(label: QLabel, level: HiddenDangerLevel) -> None:
    if level is HiddenDangerLevel.MAJOR:
        paint_badge(label, level.label, MAJOR_COLOUR)
    else:
        paint_badge(label, level.label, "#E0E0E0", "#333333")


def local_time(value: datetime) -> str:
    """A stored UTC time as this computer's local time, to the minute."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""
