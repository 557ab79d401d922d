"""The timeline of one hidden danger: every event, oldest first — who, when, from which status to
which, and the remark. Nothing in it can be edited or removed."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from dualprev.services.hidden_dangers.detail import EventInfo
from dualprev.ui.widgets.hidden_danger_style import STATUS_COLOURS, local_time

_NEUTRAL = "#9E9E9E"


def event_summary(event: EventInfo) -> str:
    """One line for an event, e.g. ``2026-10-21 14:00 开始整改（待整改 → 整改中）曹建国``."""
    move = ""
    if event.to_status is not None:
        start = f"{event.from_status.label} → " if event.from_status is not None else ""
        move = f"（{start}{event.to_status.label}）"
    return f"{local_time(event.at)} {event.action}{move} {who(event)}".strip()


def who(event: EventInfo) -> str:
    """Who did the step, and who entered it when that was someone else: ``王海（录入：沈立明）``."""
    person = event.performed_by or event.actor
    if event.actor and event.actor != person:
        return f"{person}（录入：{event.actor}）"
    return person


class HiddenDangerTimeline(QScrollArea):
    """Shows ``set_events``; the newest entry is scrolled into view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_scroll")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._events: list[EventInfo] = []
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(0)
        self.setWidget(self._body)
        self.set_events([])

    def events(self) -> list[EventInfo]:
        return list(self._events)

    def entry_texts(self) -> list[str]:
        return [event_summary(e) for e in self._events]

    def set_events(self, events: Sequence[EventInfo]) -> None:
        self._events = list(events)
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # off screen now; deleteLater alone waits for the event loop
                widget.deleteLater()
        if not self._events:
            empty = QLabel(self.tr("暂无处理记录"), self._body)
            empty.setStyleSheet("color: #777777;")
            self._layout.addWidget(empty)
        for index, event in enumerate(self._events):
            self._layout.addWidget(self._entry(event, last=index == len(self._events) - 1))
        self._layout.addStretch(1)
        if self._events:
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def _entry(self, event: EventInfo, *, last: bool) -> QWidget:
        colour = STATUS_COLOURS[event.to_status] if event.to_status is not None else _NEUTRAL
        entry = QFrame(self._body)
        entry.setObjectName("timeline_entry")
        row = QHBoxLayout(entry)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        rail = QVBoxLayout()
        rail.setSpacing(0)
        dot = QLabel(entry)
        dot.setFixedSize(12, 12)
        dot.setStyleSheet(f"background: {colour}; border-radius: 6px;")
        rail.addWidget(dot, 0, Qt.AlignmentFlag.AlignHCenter)
        line = QFrame(entry)
        line.setFixedWidth(2)
        line.setStyleSheet("background: #D0D5DD;" if not last else "background: transparent;")
        rail.addWidget(line, 1, Qt.AlignmentFlag.AlignHCenter)
        row.addLayout(rail)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 10)
        text.setSpacing(2)
        title = QLabel(entry)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setText(
            f"<b style='color:{colour}'>{event.action}</b>"
            f"&nbsp;&nbsp;<span style='color:#333'>{_escape(who(event))}</span>"
        )
        text.addWidget(title)
        when = QLabel(local_time(event.at), entry)
        when.setStyleSheet("color: #666666; font-size: 11px;")
        text.addWidget(when)
        if event.to_status is not None:
            start = f"{event.from_status.label} → " if event.from_status is not None else ""
            move = QLabel(f"{start}{event.to_status.label}", entry)
            move.setStyleSheet("color: #444444;")
            text.addWidget(move)
        if event.remark:
            remark = QLabel(event.remark, entry)
            remark.setWordWrap(True)
            remark.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.addWidget(remark)
        row.addLayout(text, 1)
        return entry


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
