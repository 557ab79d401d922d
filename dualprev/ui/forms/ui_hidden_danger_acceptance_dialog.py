# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hidden_danger_acceptance_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from dualprev.ui.widgets.photo_strip import PhotoStrip

class Ui_HiddenDangerAcceptanceDialog(object):
    def setupUi(self, HiddenDangerAcceptanceDialog):
        if not HiddenDangerAcceptanceDialog.objectName():
            HiddenDangerAcceptanceDialog.setObjectName(u"HiddenDangerAcceptanceDialog")
        HiddenDangerAcceptanceDialog.resize(640, 500)
        self.main_layout = QVBoxLayout(HiddenDangerAcceptanceDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.summary_label = QLabel(HiddenDangerAcceptanceDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.acceptor_label = QLabel(HiddenDangerAcceptanceDialog)
        self.acceptor_label.setObjectName(u"acceptor_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.acceptor_label)

        self.acceptor_combo = QComboBox(HiddenDangerAcceptanceDialog)
        self.acceptor_combo.setObjectName(u"acceptor_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.acceptor_combo)

        self.rule_label = QLabel(HiddenDangerAcceptanceDialog)
        self.rule_label.setObjectName(u"rule_label")
        self.rule_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.rule_label)

        self.accepted_on_label = QLabel(HiddenDangerAcceptanceDialog)
        self.accepted_on_label.setObjectName(u"accepted_on_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.accepted_on_label)

        self.accepted_on_edit = QDateEdit(HiddenDangerAcceptanceDialog)
        self.accepted_on_edit.setObjectName(u"accepted_on_edit")
        self.accepted_on_edit.setCalendarPopup(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.accepted_on_edit)

        self.conclusion_label = QLabel(HiddenDangerAcceptanceDialog)
        self.conclusion_label.setObjectName(u"conclusion_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conclusion_label)

        self.conclusion_edit = QPlainTextEdit(HiddenDangerAcceptanceDialog)
        self.conclusion_edit.setObjectName(u"conclusion_edit")
        self.conclusion_edit.setMaximumSize(QSize(16777215, 90))
        self.conclusion_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.conclusion_edit)

        self.photos_label = QLabel(HiddenDangerAcceptanceDialog)
        self.photos_label.setObjectName(u"photos_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.photos_label)

        self.acceptance_photos_strip = PhotoStrip(HiddenDangerAcceptanceDialog)
        self.acceptance_photos_strip.setObjectName(u"acceptance_photos_strip")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.acceptance_photos_strip)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(HiddenDangerAcceptanceDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(HiddenDangerAcceptanceDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.acceptor_label.setBuddy(self.acceptor_combo)
        self.accepted_on_label.setBuddy(self.accepted_on_edit)
        self.conclusion_label.setBuddy(self.conclusion_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HiddenDangerAcceptanceDialog)

        QMetaObject.connectSlotsByName(HiddenDangerAcceptanceDialog)
    # setupUi

    def retranslateUi(self, HiddenDangerAcceptanceDialog):
        HiddenDangerAcceptanceDialog.setWindowTitle(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"\u9a8c\u6536\u9500\u53f7", None))
        self.summary_label.setText("")
        self.acceptor_label.setText(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"\u9a8c\u6536\u4eba *", None))
        self.rule_label.setText("")
        self.rule_label.setStyleSheet(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"color: #666666;", None))
        self.accepted_on_label.setText(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"\u9a8c\u6536\u65e5\u671f *", None))
        self.accepted_on_edit.setDisplayFormat(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"yyyy-MM-dd", None))
        self.conclusion_label.setText(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"\u9a8c\u6536\u7ed3\u8bba *", None))
        self.photos_label.setText(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"\u9a8c\u6536\u7167\u7247", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("HiddenDangerAcceptanceDialog", u"color: #C00000;", None))
    # retranslateUi

