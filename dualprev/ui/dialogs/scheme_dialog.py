"""Editing a custom grading scheme (a copy of a preset): its name and its score bands. The factor
ladders stay those of the method; the bands decide which score is which level."""

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.grading import Band, GradingScheme, InvalidScheme, format_decimal, validate_scheme
from dualprev.domain.risk import RiskLevel


class SchemeDialog(QDialog):
    LOW, HIGH, LABEL, LEVEL = range(4)

    def __init__(self, scheme: GradingScheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheme_dialog")
        self.setWindowTitle(self.tr("编辑分级方案 {code}").format(code=scheme.code))
        self.resize(720, 480)
        self._scheme = scheme
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(scheme.name, self)
        self.name_edit.setObjectName("name_edit")
        form.addRow(self.tr("方案名称"), self.name_edit)
        symbol = "D" if scheme.method.value == "LEC" else "R"
        form.addRow(
            self.tr("方法"),
            QLabel(f"{scheme.method.label}（{symbol} = {' × '.join(f.key for f in scheme.factors)}）"),
        )
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "每一档：下限 ≤ 分值 < 上限；最低一档下限留空，最高一档上限留空。各档必须首尾相接、不重叠。"
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.bands_table = QTableWidget(0, 4, self)
        self.bands_table.setObjectName("bands_table")
        self.bands_table.setHorizontalHeaderLabels(
            [self.tr("下限（含）"), self.tr("上限（不含）"), self.tr("危险程度说明"), self.tr("风险等级")]
        )
        self.bands_table.horizontalHeader().setSectionResizeMode(self.LABEL, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.bands_table, 1)
        for band in scheme.bands:
            self._add_band(band)
        buttons_row = QHBoxLayout()
        self.add_band_btn = QPushButton(self.tr("添加一档"), self)
        self.add_band_btn.setObjectName("add_band_btn")
        self.remove_band_btn = QPushButton(self.tr("删除所选档"), self)
        self.remove_band_btn.setObjectName("remove_band_btn")
        buttons_row.addWidget(self.add_band_btn)
        buttons_row.addWidget(self.remove_band_btn)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存方案"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self._on_accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.add_band_btn.clicked.connect(lambda: self._add_band(None))
        self.remove_band_btn.clicked.connect(self._on_remove_band)

    def _add_band(self, band: Band | None) -> None:
        row = self.bands_table.rowCount()
        self.bands_table.insertRow(row)
        low = format_decimal(band.low) if band is not None and band.low is not None else ""
        high = format_decimal(band.high) if band is not None and band.high is not None else ""
        self.bands_table.setItem(row, self.LOW, QTableWidgetItem(low))
        self.bands_table.setItem(row, self.HIGH, QTableWidgetItem(high))
        self.bands_table.setItem(row, self.LABEL, QTableWidgetItem(band.label if band is not None else ""))
        level = QComboBox(self.bands_table)
        for option in RiskLevel:
            level.addItem(option.label, int(option))
        level.setCurrentIndex(level.findData(int(band.level)) if band is not None else 3)
        self.bands_table.setCellWidget(row, self.LEVEL, level)

    def _on_remove_band(self) -> None:
        for row in sorted({i.row() for i in self.bands_table.selectedIndexes()}, reverse=True):
            self.bands_table.removeRow(row)

    def _bound(self, row: int, column: int) -> Decimal | None:
        item = self.bands_table.item(row, column)
        text = item.text().strip() if item is not None else ""
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise InvalidScheme(
                [self.tr("第 {n} 档的“{text}”不是数字").format(n=row + 1, text=text)]
            ) from None

    def value(self) -> GradingScheme:
        """The edited scheme (raises InvalidScheme for a bound that is not a number)."""
        bands = []
        for row in range(self.bands_table.rowCount()):
            level = self.bands_table.cellWidget(row, self.LEVEL)
            assert isinstance(level, QComboBox)
            label_item = self.bands_table.item(row, self.LABEL)
            bands.append(
                Band(
                    number=row + 1,
                    low=self._bound(row, self.LOW),
                    high=self._bound(row, self.HIGH),
                    label=label_item.text().strip() if label_item is not None else "",
                    level=RiskLevel(level.currentData()),
                )
            )
        return replace(self._scheme, name=self.name_edit.text().strip(), bands=tuple(bands))

    def _on_accept(self) -> None:
        try:
            validate_scheme(self.value())
        except InvalidScheme as exc:
            self.error_label.setText(str(exc))
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, scheme: GradingScheme) -> GradingScheme | None:
        dialog = cls(scheme, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
