# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hidden_danger_completion_dialog.ui'
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
    QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from dualprev.ui.widgets.photo_strip import PhotoStrip

class Ui_HiddenDangerCompletionDialog(object):
    def setupUi(self, HiddenDangerCompletionDialog):
        if not HiddenDangerCompletionDialog.objectName():
            HiddenDangerCompletionDialog.setObjectName(u"HiddenDangerCompletionDialog")
        HiddenDangerCompletionDialog.resize(640, 520)
        self.main_layout = QVBoxLayout(HiddenDangerCompletionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.summary_label = QLabel(HiddenDangerCompletionDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.completed_on_label = QLabel(HiddenDangerCompletionDialog)
        self.completed_on_label.setObjectName(u"completed_on_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.completed_on_label)

        self.completed_on_edit = QDateEdit(HiddenDangerCompletionDialog)
        self.completed_on_edit.setObjectName(u"completed_on_edit")
        self.completed_on_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.completed_on_edit)

        self.measures_label = QLabel(HiddenDangerCompletionDialog)
        self.measures_label.setObjectName(u"measures_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.measures_label)

        self.measures_edit = QPlainTextEdit(HiddenDangerCompletionDialog)
        self.measures_edit.setObjectName(u"measures_edit")
        self.measures_edit.setMaximumSize(QSize(16777215, 90))
        self.measures_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.measures_edit)

        self.funds_label = QLabel(HiddenDangerCompletionDialog)
        self.funds_label.setObjectName(u"funds_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.funds_label)

        self.funds_spin = QDoubleSpinBox(HiddenDangerCompletionDialog)
        self.funds_spin.setObjectName(u"funds_spin")
        self.funds_spin.setDecimals(2)
        self.funds_spin.setMaximum(999999999.990000009536743)
        self.funds_spin.setSingleStep(100.000000000000000)
        self.funds_spin.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.funds_spin)

        self.remark_label = QLabel(HiddenDangerCompletionDialog)
        self.remark_label.setObjectName(u"remark_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.remark_label)

        self.remark_edit = QLineEdit(HiddenDangerCompletionDialog)
        self.remark_edit.setObjectName(u"remark_edit")
        self.remark_edit.setMaxLength(500)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.remark_edit)

        self.photos_label = QLabel(HiddenDangerCompletionDialog)
        self.photos_label.setObjectName(u"photos_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.photos_label)

        self.after_photos_strip = PhotoStrip(HiddenDangerCompletionDialog)
        self.after_photos_strip.setObjectName(u"after_photos_strip")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.after_photos_strip)

        self.hint_label = QLabel(HiddenDangerCompletionDialog)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.hint_label)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(HiddenDangerCompletionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(HiddenDangerCompletionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.completed_on_label.setBuddy(self.completed_on_edit)
        self.measures_label.setBuddy(self.measures_edit)
        self.funds_label.setBuddy(self.funds_spin)
        self.remark_label.setBuddy(self.remark_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HiddenDangerCompletionDialog)

        QMetaObject.connectSlotsByName(HiddenDangerCompletionDialog)
    # setupUi

    def retranslateUi(self, HiddenDangerCompletionDialog):
        HiddenDangerCompletionDialog.setWindowTitle(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u6574\u6539\u5b8c\u6210\uff0c\u62a5\u8bf7\u9a8c\u6536", None))
        self.summary_label.setText("")
        self.completed_on_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u6574\u6539\u5b8c\u6210\u65e5\u671f *", None))
        self.completed_on_edit.setDisplayFormat(QCoreApplication.translate("HiddenDangerCompletionDialog", u"yyyy-MM-dd", None))
        self.measures_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u91c7\u53d6\u7684\u6574\u6539\u63aa\u65bd *", None))
        self.funds_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u6574\u6539\u8d44\u91d1", None))
        self.funds_spin.setSuffix(QCoreApplication.translate("HiddenDangerCompletionDialog", u" \u5143", None))
        self.remark_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u8bf4\u660e", None))
        self.remark_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u53ef\u4e0d\u586b", None))
        self.photos_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u6574\u6539\u540e\u7167\u7247", None))
        self.hint_label.setText(QCoreApplication.translate("HiddenDangerCompletionDialog", u"\u5efa\u8bae\u9644\u6574\u6539\u540e\u7167\u7247\uff0c\u4e0e\u6574\u6539\u524d\u7167\u7247\u5bf9\u7167\uff0c\u4fbf\u4e8e\u9a8c\u6536\u548c\u68c0\u67e5\u3002", None))
        self.hint_label.setStyleSheet(QCoreApplication.translate("HiddenDangerCompletionDialog", u"color: #666666;", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("HiddenDangerCompletionDialog", u"color: #C00000;", None))
    # retranslateUi

