# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'area_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_AreaDialog(object):
    def setupUi(self, AreaDialog):
        if not AreaDialog.objectName():
            AreaDialog.setObjectName(u"AreaDialog")
        AreaDialog.resize(440, 340)
        self.main_layout = QVBoxLayout(AreaDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(AreaDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(AreaDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(100)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.code_label = QLabel(AreaDialog)
        self.code_label.setObjectName(u"code_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_edit = QLineEdit(AreaDialog)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setMaxLength(32)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code_edit)

        self.department_label = QLabel(AreaDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(AreaDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.sort_order_label = QLabel(AreaDialog)
        self.sort_order_label.setObjectName(u"sort_order_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sort_order_label)

        self.sort_order_spin = QSpinBox(AreaDialog)
        self.sort_order_spin.setObjectName(u"sort_order_spin")
        self.sort_order_spin.setMaximum(9999)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sort_order_spin)

        self.description_label = QLabel(AreaDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(AreaDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMaximumSize(QSize(16777215, 90))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.description_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(AreaDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(AreaDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.code_label.setBuddy(self.code_edit)
        self.department_label.setBuddy(self.department_combo)
        self.sort_order_label.setBuddy(self.sort_order_spin)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AreaDialog)

        QMetaObject.connectSlotsByName(AreaDialog)
    # setupUi

    def retranslateUi(self, AreaDialog):
        AreaDialog.setWindowTitle(QCoreApplication.translate("AreaDialog", u"\u533a\u57df", None))
        self.name_label.setText(QCoreApplication.translate("AreaDialog", u"\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("AreaDialog", u"\u5982\uff1a\u673a\u52a0\u5de5\u8f66\u95f4", None))
        self.code_label.setText(QCoreApplication.translate("AreaDialog", u"\u7f16\u53f7", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("AreaDialog", u"\u5982\uff1aA01", None))
        self.department_label.setText(QCoreApplication.translate("AreaDialog", u"\u8d23\u4efb\u90e8\u95e8", None))
        self.sort_order_label.setText(QCoreApplication.translate("AreaDialog", u"\u6392\u5e8f", None))
        self.description_label.setText(QCoreApplication.translate("AreaDialog", u"\u8bf4\u660e", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("AreaDialog", u"color: #C00000;", None))
    # retranslateUi

