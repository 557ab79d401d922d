"""首页's 开始使用 box: the six steps of setting up a new enterprise, each ticked when done, each a
click away from the page where it is done. Hidden once every step is done."""

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from dualprev.services.setup_guide import SetupStep

_DONE = "QPushButton { background: #E8F5E9; border: 1px solid #43A047; color: #1B5E20; }"
_NEXT = "QPushButton { background: #0070C0; border: 1px solid #005A9C; color: white; font-weight: bold; }"
_TODO = "QPushButton { background: #FFFFFF; border: 1px solid #C0C6CF; color: #333333; }"
_BUTTON = " QPushButton { border-radius: 6px; padding: 8px 10px; text-align: left; }"


class SetupGuideBox(QGroupBox):
    """Emits ``step_requested`` with the step the user clicked."""

    step_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("开始使用：按顺序完成以下步骤"), parent)
        self.setObjectName("setup_guide_box")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("setup_progress_label")
        head.addWidget(self.progress_label)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("setup_progress_bar")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        head.addWidget(self.progress_bar, 1)
        layout.addLayout(head)
        self._row = QHBoxLayout()
        layout.addLayout(self._row)
        self.step_buttons: dict[str, QPushButton] = {}
        self._steps: tuple[SetupStep, ...] = ()

    def set_steps(self, steps: Sequence[SetupStep]) -> None:
        self._steps = tuple(steps)
        if not self.step_buttons:
            for index, step in enumerate(self._steps, start=1):
                button = QPushButton(self)
                button.setObjectName(f"setup_{step.key}_btn")
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setMinimumHeight(54)
                button.clicked.connect(lambda _checked=False, k=step.key: self._on_clicked(k))
                self._row.addWidget(button, 1)
                self.step_buttons[step.key] = button
                button.setProperty("index", index)
        done = sum(step.done for step in self._steps)
        following = next((step.key for step in self._steps if not step.done), None)
        for index, step in enumerate(self._steps, start=1):
            button = self.step_buttons[step.key]
            mark = "✓" if step.done else f"{index}"
            state = self.tr("已完成（{n}）").format(n=step.count) if step.done else self.tr("未完成")
            button.setText(f"{mark}  {self.tr(step.title)}\n{state}")
            button.setToolTip(self.tr(step.hint))
            style = _DONE if step.done else _NEXT if step.key == following else _TODO
            button.setStyleSheet(style + _BUTTON)
        self.progress_label.setText(
            self.tr("已完成 {done}/{total} 步").format(done=done, total=len(self._steps))
        )
        self.progress_bar.setRange(0, len(self._steps))
        self.progress_bar.setValue(done)
        self.setVisible(done < len(self._steps))

    def _on_clicked(self, key: str) -> None:
        step = next((s for s in self._steps if s.key == key), None)
        if step is not None:
            self.step_requested.emit(step)
