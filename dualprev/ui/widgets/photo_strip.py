"""A row of photo thumbnails: stored photos open in the system viewer; in edit mode the user adds
photos (checked and normalised at once, a broken file refused with a message) and may remove them
again before anything is saved."""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.errors import UserError
from dualprev.services import photo_service
from dualprev.services.photo_service import PhotoInfo, PreparedPhoto
from dualprev.ui import messages, tasks
from dualprev.ui.widgets.hidden_danger_style import local_time

THUMB_SIZE = 88
PHOTO_FILTER = "照片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.heic);;所有文件 (*)"


def choose_photo_files(parent: QWidget | None) -> list[Path]:
    """Ask for photo files (tests replace this)."""
    files, _selected = QFileDialog.getOpenFileNames(
        parent, parent.tr("选择照片") if parent else "选择照片", "", PHOTO_FILTER
    )
    return [Path(f) for f in files]


def open_photo(path: Path) -> bool:
    """Show a stored photo in the system's image viewer (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def prepare_photos(
    parent: QWidget | None, paths: Sequence[Path], on_done: Callable[[list[PreparedPhoto]], None]
) -> None:
    """Prepare ``paths`` in the background, then hand the usable ones to ``on_done`` on the GUI
    thread; a file that cannot be used is reported and skipped."""

    def work() -> tuple[list[PreparedPhoto], list[UserError]]:
        prepared: list[PreparedPhoto] = []
        refused: list[UserError] = []
        for path in paths:
            try:
                prepared.append(photo_service.prepare(path))
            except UserError as exc:
                refused.append(exc)
        return prepared, refused

    def done(outcome: tuple[list[PreparedPhoto], list[UserError]]) -> None:
        prepared, refused = outcome
        for exc in refused:
            messages.show_user_error(parent, exc)
        on_done(prepared)

    label = parent.tr("正在处理照片…") if parent else "正在处理照片…"
    tasks.run_in_background(parent, label, work, done)


class PhotoStrip(QWidget):
    """Stored photos (``set_photos``) followed by pending ones (edit mode, ``pending()``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored: list[PhotoInfo] = []
        self._pending: list[PreparedPhoto] = []
        self._editable = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("photos_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFixedHeight(THUMB_SIZE + 40)
        self.scroll_area.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }"
        )
        self._row = QWidget(self.scroll_area)
        self._row.setAutoFillBackground(False)
        self._row_layout = QHBoxLayout(self._row)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self._row_layout.setSpacing(8)
        self.scroll_area.setWidget(self._row)
        layout.addWidget(self.scroll_area, 1)
        self.add_btn = QPushButton(self.tr("添加照片…"), self)
        self.add_btn.setObjectName("add_photos_btn")
        self.add_btn.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.add_btn.setVisible(False)
        layout.addWidget(self.add_btn, 0, Qt.AlignmentFlag.AlignTop)
        self.add_btn.clicked.connect(self._on_add_clicked)
        self._rebuild()

    # --- content ------------------------------------------------------------------------------------

    def set_photos(self, photos: Sequence[PhotoInfo]) -> None:
        self._stored = list(photos)
        self._rebuild()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_btn.setVisible(editable)
        self._rebuild()

    def pending(self) -> tuple[PreparedPhoto, ...]:
        return tuple(self._pending)

    def clear_pending(self) -> None:
        self._pending.clear()
        self._rebuild()
        self.changed.emit()

    def add_prepared(self, photos: Sequence[PreparedPhoto]) -> None:
        self._pending.extend(photos)
        self._rebuild()
        self.changed.emit()

    def add_files(self, paths: Sequence[Path]) -> None:
        """Prepare ``paths`` in the background and add those that can be used."""
        prepare_photos(self, paths, lambda prepared: self.add_prepared(prepared) if prepared else None)

    def tile_count(self) -> int:
        return len(self._stored) + len(self._pending)

    # --- drawing ------------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        while self._row_layout.count():
            item = self._row_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # off screen now; deleteLater alone waits for the event loop
                widget.deleteLater()
        for info in self._stored:
            self._row_layout.addWidget(self._stored_tile(info))
        for index, photo in enumerate(self._pending):
            self._row_layout.addWidget(self._pending_tile(index, photo))
        if not self._stored and not self._pending:
            empty = QLabel(self.tr("暂无照片") if not self._editable else self.tr("尚未添加照片"), self._row)
            empty.setObjectName("no_photos_label")
            empty.setStyleSheet("color: #777777;")
            self._row_layout.addWidget(empty)
        self._row_layout.addStretch(1)

    def _tile(self, pixmap: QPixmap, tooltip: str) -> tuple[QFrame, QToolButton, QVBoxLayout]:
        frame = QFrame(self._row)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        button = QToolButton(frame)
        button.setObjectName("photo_btn")
        button.setAutoRaise(True)
        button.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        button.setFixedSize(THUMB_SIZE + 8, THUMB_SIZE + 8)
        if pixmap.isNull():
            button.setText(self.tr("文件缺失"))
        else:
            button.setIcon(QIcon(pixmap))
        button.setToolTip(tooltip)
        layout.addWidget(button)
        return frame, button, layout

    def _stored_tile(self, info: PhotoInfo) -> QFrame:
        pixmap = QPixmap(str(info.thumb_path))
        when = local_time(info.taken_at or info.created_at)
        tooltip = self.tr("{stage}照片 {name}\n拍摄 {when}\n单击查看原图").format(
            stage=info.stage.label, name=info.original_name, when=when
        )
        frame, button, layout = self._tile(pixmap, tooltip)
        caption = QLabel(when[:10], frame)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setStyleSheet("color: #555555; font-size: 11px;")
        layout.addWidget(caption)
        button.clicked.connect(lambda _checked=False, path=info.path: self._on_open(path))
        return frame

    def _pending_tile(self, index: int, photo: PreparedPhoto) -> QFrame:
        pixmap = QPixmap()
        pixmap.loadFromData(photo.thumbnail)
        frame, _button, layout = self._tile(pixmap, photo.original_name)
        remove = QPushButton(self.tr("移除"), frame)
        remove.setObjectName("remove_photo_btn")
        remove.setFlat(True)
        remove.setStyleSheet("color: #C00000;")
        remove.clicked.connect(lambda _checked=False, i=index: self._on_remove(i))
        layout.addWidget(remove)
        return frame

    # --- slots --------------------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        paths = choose_photo_files(self)
        if paths:
            self.add_files(paths)

    def _on_remove(self, index: int) -> None:
        if 0 <= index < len(self._pending):
            del self._pending[index]
            self._rebuild()
            self.changed.emit()

    def _on_open(self, path: Path) -> None:
        if not path.is_file():
            messages.show_error(
                self, self.tr("找不到照片文件：{name}（可能已被移动或删除）").format(name=path.name)
            )
            return
        open_photo(path)
