"""Every dialog fits a 1366×768 laptop screen (less a taskbar) with its buttons in view."""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractScrollArea, QDialog, QDialogButtonBox, QPushButton, QWidget

import dualprev.ui.dialogs
from dualprev.ui import screen_fit
from dualprev.ui.main_window import MainWindow

from .dialog_gallery import open_all

SCREEN = QRect(0, 0, 1366, 768 - 40)  # a Windows taskbar takes the bottom 40 px


@pytest.fixture
def small_screen() -> Iterator[QRect]:
    screen_fit.available_geometry_override = SCREEN
    yield SCREEN
    screen_fit.available_geometry_override = None


def _dialog_classes() -> set[type[QDialog]]:
    found: set[type[QDialog]] = set()
    for module_info in pkgutil.iter_modules(dualprev.ui.dialogs.__path__):
        module = importlib.import_module(f"dualprev.ui.dialogs.{module_info.name}")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, QDialog)
                and cls.__module__ == module.__name__
                and "Guarded" not in cls.__name__
            ):
                found.add(cls)
    # A shared base (DutyFormDialog) is opened through its subclasses.
    return {cls for cls in found if not any(other is not cls and issubclass(other, cls) for other in found)}


def _in_scroll_area(widget: QWidget, dialog: QDialog) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_every_dialog_fits_1366x768_with_its_buttons_visible(
    demo_window: MainWindow, small_screen: QRect
) -> None:
    measured: dict[str, tuple[QRect, list[QRect]]] = {}
    classes: set[type[QDialog]] = set()

    def measure(name: str, dialog: QDialog) -> None:
        classes.add(type(dialog))
        frame = QRect(dialog.frameGeometry().topLeft(), dialog.size() + screen_fit.DECORATION)
        # The button box; a dialog without one (首次使用) has its own buttons, outside any scroll area.
        found: list[QWidget] = [b for b in dialog.findChildren(QDialogButtonBox) if b.isVisibleTo(dialog)]
        if not found:
            found = [
                b
                for b in dialog.findChildren(QPushButton)
                if b.isVisibleTo(dialog) and not _in_scroll_area(b, dialog)
            ]
        boxes = [QRect(box.mapTo(dialog, QPoint(0, 0)), box.size()) for box in found]
        assert boxes, f"{name}: no visible buttons"
        measured[name] = (frame, boxes)
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if button.isVisibleTo(dialog):
                    assert button.width() >= button.minimumSizeHint().width(), (
                        f"{name}: {button.text()} clipped"
                    )

    opened = open_all(demo_window, measure)
    assert len(opened) >= 30
    missing = {c.__name__ for c in _dialog_classes()} - {c.__name__ for c in classes}
    assert not missing, f"dialogs the gallery does not open: {missing}"
    for name, (frame, boxes) in measured.items():
        assert SCREEN.contains(frame), f"{name}: {frame} does not fit {SCREEN}"
        inside = QRect(QPoint(0, 0), frame.size() - screen_fit.DECORATION)
        for box in boxes:
            assert inside.contains(box), f"{name}: buttons at {box} outside the dialog {inside}"


def test_a_dialog_taller_than_the_screen_scrolls_its_form(
    demo_window: MainWindow, small_screen: QRect
) -> None:
    heights: dict[str, int] = {}

    def measure(name: str, dialog: QDialog) -> None:
        scroll = dialog.findChild(screen_fit.FormScrollArea)
        assert scroll is not None
        heights[name] = scroll.widget().sizeHint().height()
        assert dialog.height() <= SCREEN.height() - screen_fit.DECORATION.height()

    open_all(demo_window, measure, {"hidden_danger_register"})
    # 登记隐患's form is taller than the room left on the laptop: it scrolls instead of pushing
    # 登记/取消 off the screen.
    assert heights["hidden_danger_register"] > SCREEN.height() - screen_fit.DECORATION.height() - 60
