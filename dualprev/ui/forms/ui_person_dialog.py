# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_dialog.ui'
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

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(440, 360)
        self.main_layout = QVBoxLayout(PersonDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(PersonDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(PersonDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(50)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.department_label = QLabel(PersonDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(PersonDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.post_label = QLabel(PersonDialog)
        self.post_label.setObjectName(u"post_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.post_label)

        self.post_combo = QComboBox(PersonDialog)
        self.post_combo.setObjectName(u"post_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.post_combo)

        self.phone_label = QLabel(PersonDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(PersonDialog)
        self.phone_edit.setObjectName(u"phone_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.role_label = QLabel(PersonDialog)
        self.role_label.setObjectName(u"role_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_edit = QLineEdit(PersonDialog)
        self.role_edit.setObjectName(u"role_edit")
        self.role_edit.setMaxLength(50)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.role_edit)

        self.active_check = QCheckBox(PersonDialog)
        self.active_check.setObjectName(u"active_check")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.active_check)

        self.note_label = QLabel(PersonDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(PersonDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaximumSize(QSize(16777215, 70))

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(PersonDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(PersonDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.department_label.setBuddy(self.department_combo)
        self.post_label.setBuddy(self.post_combo)
        self.phone_label.setBuddy(self.phone_edit)
        self.role_label.setBuddy(self.role_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"\u4eba\u5458", None))
        self.name_label.setText(QCoreApplication.translate("PersonDialog", u"\u59d3\u540d *", None))
        self.department_label.setText(QCoreApplication.translate("PersonDialog", u"\u90e8\u95e8", None))
        self.post_label.setText(QCoreApplication.translate("PersonDialog", u"\u5c97\u4f4d", None))
        self.phone_label.setText(QCoreApplication.translate("PersonDialog", u"\u7535\u8bdd", None))
        self.role_label.setText(QCoreApplication.translate("PersonDialog", u"\u804c\u52a1", None))
        self.role_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"\u5982\uff1a\u5b89\u5168\u5458\u3001\u8f66\u95f4\u4e3b\u4efb", None))
        self.active_check.setText(QCoreApplication.translate("PersonDialog", u"\u5728\u804c", None))
        self.note_label.setText(QCoreApplication.translate("PersonDialog", u"\u5907\u6ce8", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("PersonDialog", u"color: #C00000;", None))
    # retranslateUi

