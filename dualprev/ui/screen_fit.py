"""Dialogs that fit the screen they open on, down to a 1366×768 laptop with a taskbar.

Every dialog is capped to the available screen area when it is shown (an application-wide event
filter, installed by ``gui.create_application``), and a tall form puts its fields in a scroll area
(:func:`scroll_body`) so its 保存/取消 buttons stay on screen however small the screen is.
"""

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

#: Tests and tools pretend a screen of this size (None: the real screen).
available_geometry_override: QRect | None = None

#: Room for what the window system draws around a dialog (a Windows caption and borders), which
#: the frame geometry of an offscreen or not yet mapped window does not include.
DECORATION = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    """The part of the widget's screen not taken by taskbars."""
    if available_geometry_override is not None:
        return QRect(available_geometry_override)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room_for(widget: QWidget) -> QSize:
    """The largest client size a dialog may take on its screen."""
    area = available_geometry(widget)
    return QSize(area.width() - DECORATION.width(), area.height() - DECORATION.height())


def fit_to_screen(dialog: QWidget) -> None:
    """Shrink ``dialog`` to its screen and move it fully onto it (centred on its parent if it can)."""
    room = room_for(dialog)
    size = dialog.size()
    if dialog.findChild(FormScrollArea) is not None:
        # A scrolling form opens tall enough to show all of its fields where the screen allows.
        size = size.expandedTo(QSize(size.width(), dialog.sizeHint().height()))
    size = size.boundedTo(room).expandedTo(dialog.minimumSize())
    if size != dialog.size():
        dialog.resize(size)
    area = available_geometry(dialog)
    parent = dialog.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    left = max(
        area.left(), min(centre.x() - size.width() // 2, area.right() - size.width() - DECORATION.width())
    )
    top = max(
        area.top(), min(centre.y() - size.height() // 2, area.bottom() - size.height() - DECORATION.height())
    )
    dialog.move(left, top)


class ScreenFitFilter(QObject):
    """Fits every dialog to its screen as it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and not watched.property("screen_fitted")
        ):
            watched.setProperty("screen_fitted", True)
            fit_to_screen(watched)
        return False


def install(app: QObject) -> ScreenFitFilter:
    """Fit every dialog of ``app`` from now on (once per application)."""
    existing = app.findChild(ScreenFitFilter)
    if isinstance(existing, ScreenFitFilter):
        return existing
    fitter = ScreenFitFilter(app)
    app.installEventFilter(fitter)
    return fitter


class FormScrollArea(QScrollArea):
    """A scroll area that asks for its whole form, so a dialog opens at full size where the screen
    allows and scrolls only where it does not."""

    def sizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        needed = body.sizeHint().expandedTo(body.minimumSizeHint())
        return needed + QSize(bar + 2 * self.frameWidth(), 2 * self.frameWidth() + 4)


def scroll_body(dialog: QWidget, *outside: QWidget) -> QScrollArea:
    """Move everything in ``dialog``'s top-level box layout except the ``outside`` widgets (its
    button box, its error line) into a scroll area placed where the form was."""
    top = dialog.layout()
    if not isinstance(top, QVBoxLayout):
        raise TypeError(f"{dialog.objectName()}: scroll_body needs a QVBoxLayout at the top")
    body = QWidget()
    body.setObjectName("scroll_body")
    inner = QVBoxLayout(body)
    inner.setContentsMargins(0, 0, 4, 0)
    inner.setSpacing(top.spacing())
    kept: list[QWidget] = []
    while top.count():
        stretch = top.stretch(0)
        item = top.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        layout = item.layout()
        if widget is not None and widget in outside:
            kept.append(widget)
        elif widget is not None:
            inner.addWidget(widget, stretch)
        elif isinstance(layout, QLayout):
            layout.setParent(None)
            inner.addLayout(layout, stretch)
        else:
            inner.addItem(item)
    scroll = FormScrollArea(dialog)
    scroll.setObjectName("form_scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    top.addWidget(scroll, 1)
    for widget in kept:
        top.addWidget(widget)
    return scroll
