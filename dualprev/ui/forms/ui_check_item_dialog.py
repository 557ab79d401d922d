# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'check_item_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CheckItemDialog(object):
    def setupUi(self, CheckItemDialog):
        if not CheckItemDialog.objectName():
            CheckItemDialog.setObjectName(u"CheckItemDialog")
        CheckItemDialog.resize(560, 460)
        self.main_layout = QVBoxLayout(CheckItemDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.source_label = QLabel(CheckItemDialog)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)

        self.main_layout.addWidget(self.source_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.risk_point_label = QLabel(CheckItemDialog)
        self.risk_point_label.setObjectName(u"risk_point_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.risk_point_label)

        self.risk_point_combo = QComboBox(CheckItemDialog)
        self.risk_point_combo.setObjectName(u"risk_point_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.risk_point_combo)

        self.content_label = QLabel(CheckItemDialog)
        self.content_label.setObjectName(u"content_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.content_label)

        self.content_edit = QPlainTextEdit(CheckItemDialog)
        self.content_edit.setObjectName(u"content_edit")
        self.content_edit.setMaximumSize(QSize(16777215, 80))

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.content_edit)

        self.standard_label = QLabel(CheckItemDialog)
        self.standard_label.setObjectName(u"standard_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.standard_label)

        self.standard_edit = QPlainTextEdit(CheckItemDialog)
        self.standard_edit.setObjectName(u"standard_edit")
        self.standard_edit.setMaximumSize(QSize(16777215, 80))

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.standard_edit)

        self.method_label = QLabel(CheckItemDialog)
        self.method_label.setObjectName(u"method_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.method_label)

        self.method_edit = QLineEdit(CheckItemDialog)
        self.method_edit.setObjectName(u"method_edit")
        self.method_edit.setMaxLength(100)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.method_edit)

        self.check_type_label = QLabel(CheckItemDialog)
        self.check_type_label.setObjectName(u"check_type_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.check_type_label)

        self.check_type_combo = QComboBox(CheckItemDialog)
        self.check_type_combo.setObjectName(u"check_type_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.check_type_combo)

        self.tier_label = QLabel(CheckItemDialog)
        self.tier_label.setObjectName(u"tier_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tier_label)

        self.tier_combo = QComboBox(CheckItemDialog)
        self.tier_combo.setObjectName(u"tier_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tier_combo)

        self.frequency_label = QLabel(CheckItemDialog)
        self.frequency_label.setObjectName(u"frequency_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.frequency_label)

        self.frequency_combo = QComboBox(CheckItemDialog)
        self.frequency_combo.setObjectName(u"frequency_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.frequency_combo)

        self.active_check = QCheckBox(CheckItemDialog)
        self.active_check.setObjectName(u"active_check")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.active_check)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(CheckItemDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(CheckItemDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.risk_point_label.setBuddy(self.risk_point_combo)
        self.content_label.setBuddy(self.content_edit)
        self.standard_label.setBuddy(self.standard_edit)
        self.method_label.setBuddy(self.method_edit)
        self.check_type_label.setBuddy(self.check_type_combo)
        self.tier_label.setBuddy(self.tier_combo)
        self.frequency_label.setBuddy(self.frequency_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CheckItemDialog)

        QMetaObject.connectSlotsByName(CheckItemDialog)
    # setupUi

    def retranslateUi(self, CheckItemDialog):
        CheckItemDialog.setWindowTitle(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u9879", None))
        self.source_label.setText("")
        self.source_label.setStyleSheet(QCoreApplication.translate("CheckItemDialog", u"color: #555;", None))
        self.risk_point_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u98ce\u9669\u70b9", None))
        self.content_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u5185\u5bb9 *", None))
        self.content_edit.setPlaceholderText(QCoreApplication.translate("CheckItemDialog", u"\u8981\u68c0\u67e5\u4ec0\u4e48\uff0c\u5982\uff1a\u5361\u76d8\u9632\u62a4\u7f69\u9f50\u5168\u5e76\u4e0e\u4e3b\u8f74\u542f\u52a8\u8054\u9501", None))
        self.standard_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u6807\u51c6/\u4f9d\u636e", None))
        self.standard_edit.setPlaceholderText(QCoreApplication.translate("CheckItemDialog", u"\u5408\u683c\u7684\u6807\u51c6\u6216\u4f9d\u636e\u7684\u89c4\u5b9a\u3001\u6807\u51c6\u6761\u6b3e", None))
        self.method_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u65b9\u6cd5", None))
        self.method_edit.setPlaceholderText(QCoreApplication.translate("CheckItemDialog", u"\u5982\uff1a\u73b0\u573a\u67e5\u770b\u3001\u8bd5\u9a8c\uff1b\u67e5\u9605\u8bb0\u5f55", None))
        self.check_type_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u7c7b\u578b", None))
        self.tier_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u7ba1\u63a7\u5c42\u7ea7", None))
        self.frequency_label.setText(QCoreApplication.translate("CheckItemDialog", u"\u6392\u67e5\u9891\u6b21", None))
        self.active_check.setText(QCoreApplication.translate("CheckItemDialog", u"\u542f\u7528\uff08\u505c\u7528\u540e\u4e0d\u518d\u51fa\u73b0\u5728\u6392\u67e5\u6e05\u5355\u548c\u8ba1\u5212\u4e2d\uff0c\u5386\u53f2\u8bb0\u5f55\u4fdd\u7559\uff09", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("CheckItemDialog", u"color: #C00000;", None))
    # retranslateUi

