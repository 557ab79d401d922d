# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'department_dialog.ui'
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

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.resize(420, 300)
        self.main_layout = QVBoxLayout(DepartmentDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(DepartmentDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(DepartmentDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(100)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.kind_label = QLabel(DepartmentDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(DepartmentDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.parent_label = QLabel(DepartmentDialog)
        self.parent_label.setObjectName(u"parent_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parent_label)

        self.parent_combo = QComboBox(DepartmentDialog)
        self.parent_combo.setObjectName(u"parent_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parent_combo)

        self.sort_order_label = QLabel(DepartmentDialog)
        self.sort_order_label.setObjectName(u"sort_order_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sort_order_label)

        self.sort_order_spin = QSpinBox(DepartmentDialog)
        self.sort_order_spin.setObjectName(u"sort_order_spin")
        self.sort_order_spin.setMaximum(9999)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sort_order_spin)

        self.note_label = QLabel(DepartmentDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(DepartmentDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaximumSize(QSize(16777215, 70))

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(DepartmentDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(DepartmentDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.parent_label.setBuddy(self.parent_combo)
        self.sort_order_label.setBuddy(self.sort_order_spin)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DepartmentDialog)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u95e8", None))
        self.name_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u540d\u79f0 *", None))
        self.kind_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u7c7b\u578b", None))
        self.parent_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u4e0a\u7ea7", None))
        self.sort_order_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u6392\u5e8f", None))
        self.note_label.setText(QCoreApplication.translate("DepartmentDialog", u"\u5907\u6ce8", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("DepartmentDialog", u"color: #C00000;", None))
    # retranslateUi

