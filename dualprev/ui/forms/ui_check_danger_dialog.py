# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'check_danger_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CheckDangerDialog(object):
    def setupUi(self, CheckDangerDialog):
        if not CheckDangerDialog.objectName():
            CheckDangerDialog.setObjectName(u"CheckDangerDialog")
        CheckDangerDialog.resize(600, 600)
        self.main_layout = QVBoxLayout(CheckDangerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CheckDangerDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.description_label = QLabel(CheckDangerDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(CheckDangerDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMaximumSize(QSize(16777215, 80))

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.location_label = QLabel(CheckDangerDialog)
        self.location_label.setObjectName(u"location_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location_edit = QLineEdit(CheckDangerDialog)
        self.location_edit.setObjectName(u"location_edit")
        self.location_edit.setMaxLength(200)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.location_edit)

        self.risk_point_title_label = QLabel(CheckDangerDialog)
        self.risk_point_title_label.setObjectName(u"risk_point_title_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.risk_point_title_label)

        self.risk_point_label = QLabel(CheckDangerDialog)
        self.risk_point_label.setObjectName(u"risk_point_label")
        self.risk_point_label.setWordWrap(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.risk_point_label)

        self.level_label = QLabel(CheckDangerDialog)
        self.level_label.setObjectName(u"level_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level_combo = QComboBox(CheckDangerDialog)
        self.level_combo.setObjectName(u"level_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.level_combo)

        self.category_label = QLabel(CheckDangerDialog)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(CheckDangerDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.owner_tier_label = QLabel(CheckDangerDialog)
        self.owner_tier_label.setObjectName(u"owner_tier_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.owner_tier_label)

        self.owner_tier_combo = QComboBox(CheckDangerDialog)
        self.owner_tier_combo.setObjectName(u"owner_tier_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.owner_tier_combo)

        self.department_label = QLabel(CheckDangerDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(CheckDangerDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.rectifier_label = QLabel(CheckDangerDialog)
        self.rectifier_label.setObjectName(u"rectifier_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.rectifier_label)

        self.rectifier_combo = QComboBox(CheckDangerDialog)
        self.rectifier_combo.setObjectName(u"rectifier_combo")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.rectifier_combo)

        self.deadline_label = QLabel(CheckDangerDialog)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_layout = QHBoxLayout()
        self.deadline_layout.setObjectName(u"deadline_layout")
        self.deadline_edit = QDateEdit(CheckDangerDialog)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)

        self.deadline_layout.addWidget(self.deadline_edit)

        self.deadline_hint_label = QLabel(CheckDangerDialog)
        self.deadline_hint_label.setObjectName(u"deadline_hint_label")

        self.deadline_layout.addWidget(self.deadline_hint_label)

        self.deadline_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deadline_layout.addItem(self.deadline_spacer)


        self.form_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.deadline_layout)

        self.measures_label = QLabel(CheckDangerDialog)
        self.measures_label.setObjectName(u"measures_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.measures_label)

        self.measures_edit = QPlainTextEdit(CheckDangerDialog)
        self.measures_edit.setObjectName(u"measures_edit")
        self.measures_edit.setMaximumSize(QSize(16777215, 70))

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.measures_edit)

        self.basis_label = QLabel(CheckDangerDialog)
        self.basis_label.setObjectName(u"basis_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.basis_label)

        self.basis_edit = QLineEdit(CheckDangerDialog)
        self.basis_edit.setObjectName(u"basis_edit")
        self.basis_edit.setMaxLength(500)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.basis_edit)

        self.immediate_check = QCheckBox(CheckDangerDialog)
        self.immediate_check.setObjectName(u"immediate_check")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.SpanningRole, self.immediate_check)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(CheckDangerDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(CheckDangerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.description_label.setBuddy(self.description_edit)
        self.location_label.setBuddy(self.location_edit)
        self.level_label.setBuddy(self.level_combo)
        self.category_label.setBuddy(self.category_combo)
        self.owner_tier_label.setBuddy(self.owner_tier_combo)
        self.department_label.setBuddy(self.department_combo)
        self.rectifier_label.setBuddy(self.rectifier_combo)
        self.measures_label.setBuddy(self.measures_edit)
        self.basis_label.setBuddy(self.basis_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CheckDangerDialog)

        QMetaObject.connectSlotsByName(CheckDangerDialog)
    # setupUi

    def retranslateUi(self, CheckDangerDialog):
        CheckDangerDialog.setWindowTitle(QCoreApplication.translate("CheckDangerDialog", u"\u767b\u8bb0\u9690\u60a3", None))
        self.intro_label.setText("")
        self.description_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u9690\u60a3\u63cf\u8ff0 *", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("CheckDangerDialog", u"\u5199\u6e05\u73b0\u573a\u770b\u5230\u7684\u95ee\u9898\uff0c\u5982\uff1a3\u53f7\u8f66\u5e8a\u5361\u76d8\u9632\u62a4\u7f69\u62c6\u4e0b\u672a\u88c5\u56de", None))
        self.location_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u90e8\u4f4d", None))
        self.risk_point_title_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u98ce\u9669\u70b9", None))
        self.risk_point_label.setText("")
        self.level_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u9690\u60a3\u7ea7\u522b", None))
        self.category_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u9690\u60a3\u7c7b\u522b", None))
        self.owner_tier_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u5206\u7ea7\u8d1f\u8d23", None))
        self.department_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u6574\u6539\u8d23\u4efb\u5355\u4f4d", None))
        self.rectifier_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u6574\u6539\u8d23\u4efb\u4eba *", None))
        self.deadline_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u6574\u6539\u671f\u9650 *", None))
        self.deadline_edit.setDisplayFormat(QCoreApplication.translate("CheckDangerDialog", u"yyyy-MM-dd", None))
        self.deadline_hint_label.setText("")
        self.deadline_hint_label.setStyleSheet(QCoreApplication.translate("CheckDangerDialog", u"color: #555;", None))
        self.measures_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u6574\u6539\u63aa\u65bd", None))
        self.measures_edit.setPlaceholderText(QCoreApplication.translate("CheckDangerDialog", u"\u53ef\u5148\u4e0d\u586b\uff0c\u7531\u6574\u6539\u8d23\u4efb\u4eba\u6574\u6539\u5b8c\u6210\u65f6\u586b\u5199", None))
        self.basis_label.setText(QCoreApplication.translate("CheckDangerDialog", u"\u5224\u5b9a\u4f9d\u636e", None))
        self.immediate_check.setText(QCoreApplication.translate("CheckDangerDialog", u"\u5df2\u7acb\u5373\u6574\u6539\uff08\u73b0\u573a\u5f53\u5373\u6574\u6539\u5b8c\u6bd5\uff0c\u767b\u8bb0\u540e\u76f4\u63a5\u5f85\u9a8c\u6536\uff09", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("CheckDangerDialog", u"color: #C00000;", None))
    # retranslateUi

