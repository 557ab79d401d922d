# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hidden_danger_step_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_HiddenDangerStepDialog(object):
    def setupUi(self, HiddenDangerStepDialog):
        if not HiddenDangerStepDialog.objectName():
            HiddenDangerStepDialog.setObjectName(u"HiddenDangerStepDialog")
        HiddenDangerStepDialog.resize(520, 340)
        self.main_layout = QVBoxLayout(HiddenDangerStepDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(HiddenDangerStepDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.line_label = QLabel(HiddenDangerStepDialog)
        self.line_label.setObjectName(u"line_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.line_label)

        self.line_edit = QLineEdit(HiddenDangerStepDialog)
        self.line_edit.setObjectName(u"line_edit")
        self.line_edit.setMaxLength(200)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.line_edit)

        self.text_label = QLabel(HiddenDangerStepDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(HiddenDangerStepDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setMaximumSize(QSize(16777215, 110))
        self.text_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.extra_label = QLabel(HiddenDangerStepDialog)
        self.extra_label.setObjectName(u"extra_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.extra_label)

        self.extra_edit = QPlainTextEdit(HiddenDangerStepDialog)
        self.extra_edit.setObjectName(u"extra_edit")
        self.extra_edit.setMaximumSize(QSize(16777215, 80))
        self.extra_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.extra_edit)

        self.date_label = QLabel(HiddenDangerStepDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(HiddenDangerStepDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(HiddenDangerStepDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(HiddenDangerStepDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.line_label.setBuddy(self.line_edit)
        self.text_label.setBuddy(self.text_edit)
        self.extra_label.setBuddy(self.extra_edit)
        self.date_label.setBuddy(self.date_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HiddenDangerStepDialog)

        QMetaObject.connectSlotsByName(HiddenDangerStepDialog)
    # setupUi

    def retranslateUi(self, HiddenDangerStepDialog):
        HiddenDangerStepDialog.setWindowTitle(QCoreApplication.translate("HiddenDangerStepDialog", u"\u9690\u60a3\u5904\u7406", None))
        self.intro_label.setText("")
        self.line_label.setText("")
        self.text_label.setText("")
        self.extra_label.setText("")
        self.date_label.setText(QCoreApplication.translate("HiddenDangerStepDialog", u"\u65e5\u671f", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("HiddenDangerStepDialog", u"yyyy-MM-dd", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("HiddenDangerStepDialog", u"color: #C00000;", None))
    # retranslateUi

