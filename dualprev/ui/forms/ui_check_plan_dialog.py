# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'check_plan_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTreeWidgetItem, QVBoxLayout, QWidget)

from dualprev.ui.dialogs.check_item_picker import CheckItemTree

class Ui_CheckPlanDialog(object):
    def setupUi(self, CheckPlanDialog):
        if not CheckPlanDialog.objectName():
            CheckPlanDialog.setObjectName(u"CheckPlanDialog")
        CheckPlanDialog.resize(1080, 640)
        self.main_layout = QVBoxLayout(CheckPlanDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.left_layout = QVBoxLayout()
        self.left_layout.setObjectName(u"left_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(CheckPlanDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(CheckPlanDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.check_type_label = QLabel(CheckPlanDialog)
        self.check_type_label.setObjectName(u"check_type_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.check_type_label)

        self.check_type_combo = QComboBox(CheckPlanDialog)
        self.check_type_combo.setObjectName(u"check_type_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.check_type_combo)

        self.tier_label = QLabel(CheckPlanDialog)
        self.tier_label.setObjectName(u"tier_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.tier_label)

        self.tier_combo = QComboBox(CheckPlanDialog)
        self.tier_combo.setObjectName(u"tier_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.tier_combo)

        self.frequency_label = QLabel(CheckPlanDialog)
        self.frequency_label.setObjectName(u"frequency_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.frequency_label)

        self.frequency_combo = QComboBox(CheckPlanDialog)
        self.frequency_combo.setObjectName(u"frequency_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.frequency_combo)

        self.department_label = QLabel(CheckPlanDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(CheckPlanDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.area_label = QLabel(CheckPlanDialog)
        self.area_label.setObjectName(u"area_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area_combo = QComboBox(CheckPlanDialog)
        self.area_combo.setObjectName(u"area_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.area_combo)

        self.assignee_label = QLabel(CheckPlanDialog)
        self.assignee_label.setObjectName(u"assignee_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.assignee_label)

        self.assignee_combo = QComboBox(CheckPlanDialog)
        self.assignee_combo.setObjectName(u"assignee_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.assignee_combo)

        self.start_label = QLabel(CheckPlanDialog)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = QDateEdit(CheckPlanDialog)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setCalendarPopup(True)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.end_label = QLabel(CheckPlanDialog)
        self.end_label.setObjectName(u"end_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.end_label)

        self.end_layout = QHBoxLayout()
        self.end_layout.setObjectName(u"end_layout")
        self.end_check = QCheckBox(CheckPlanDialog)
        self.end_check.setObjectName(u"end_check")

        self.end_layout.addWidget(self.end_check)

        self.end_edit = QDateEdit(CheckPlanDialog)
        self.end_edit.setObjectName(u"end_edit")
        self.end_edit.setCalendarPopup(True)

        self.end_layout.addWidget(self.end_edit)

        self.end_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.end_layout.addItem(self.end_spacer)


        self.form_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.end_layout)

        self.active_check = QCheckBox(CheckPlanDialog)
        self.active_check.setObjectName(u"active_check")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.active_check)

        self.note_label = QLabel(CheckPlanDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(CheckPlanDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaximumSize(QSize(16777215, 70))

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.left_layout.addLayout(self.form_layout)

        self.left_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_layout.addItem(self.left_spacer)


        self.body_layout.addLayout(self.left_layout)

        self.items_layout = QVBoxLayout()
        self.items_layout.setObjectName(u"items_layout")
        self.items_label = QLabel(CheckPlanDialog)
        self.items_label.setObjectName(u"items_label")

        self.items_layout.addWidget(self.items_label)

        self.items_bar_layout = QHBoxLayout()
        self.items_bar_layout.setObjectName(u"items_bar_layout")
        self.filter_edit = QLineEdit(CheckPlanDialog)
        self.filter_edit.setObjectName(u"filter_edit")
        self.filter_edit.setMaxLength(100)

        self.items_bar_layout.addWidget(self.filter_edit)

        self.suggest_btn = QPushButton(CheckPlanDialog)
        self.suggest_btn.setObjectName(u"suggest_btn")

        self.items_bar_layout.addWidget(self.suggest_btn)

        self.clear_btn = QPushButton(CheckPlanDialog)
        self.clear_btn.setObjectName(u"clear_btn")

        self.items_bar_layout.addWidget(self.clear_btn)


        self.items_layout.addLayout(self.items_bar_layout)

        self.items_tree = CheckItemTree(CheckPlanDialog)
        self.items_tree.setObjectName(u"items_tree")
        self.items_tree.setMinimumSize(QSize(520, 0))

        self.items_layout.addWidget(self.items_tree)

        self.items_count_label = QLabel(CheckPlanDialog)
        self.items_count_label.setObjectName(u"items_count_label")
        self.items_count_label.setWordWrap(True)

        self.items_layout.addWidget(self.items_count_label)

        self.gap_label = QLabel(CheckPlanDialog)
        self.gap_label.setObjectName(u"gap_label")
        self.gap_label.setWordWrap(True)

        self.items_layout.addWidget(self.gap_label)


        self.body_layout.addLayout(self.items_layout)


        self.main_layout.addLayout(self.body_layout)

        self.error_label = QLabel(CheckPlanDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(CheckPlanDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.check_type_label.setBuddy(self.check_type_combo)
        self.tier_label.setBuddy(self.tier_combo)
        self.frequency_label.setBuddy(self.frequency_combo)
        self.department_label.setBuddy(self.department_combo)
        self.area_label.setBuddy(self.area_combo)
        self.assignee_label.setBuddy(self.assignee_combo)
        self.start_label.setBuddy(self.start_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CheckPlanDialog)

        QMetaObject.connectSlotsByName(CheckPlanDialog)
    # setupUi

    def retranslateUi(self, CheckPlanDialog):
        CheckPlanDialog.setWindowTitle(QCoreApplication.translate("CheckPlanDialog", u"\u6392\u67e5\u8ba1\u5212", None))
        self.name_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u8ba1\u5212\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("CheckPlanDialog", u"\u5982\uff1a\u673a\u52a0\u5de5\u8f66\u95f4\u5c97\u4f4d\u6bcf\u73ed\u68c0\u67e5", None))
        self.check_type_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u6392\u67e5\u7c7b\u578b", None))
        self.tier_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u7ba1\u63a7\u5c42\u7ea7", None))
        self.frequency_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u6392\u67e5\u9891\u6b21", None))
        self.department_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u53d7\u68c0\u90e8\u95e8", None))
        self.area_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u533a\u57df", None))
        self.assignee_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u8d1f\u8d23\u4eba *", None))
        self.start_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u5f00\u59cb\u65e5\u671f", None))
        self.start_edit.setDisplayFormat(QCoreApplication.translate("CheckPlanDialog", u"yyyy-MM-dd", None))
        self.end_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u7ed3\u675f\u65e5\u671f", None))
        self.end_check.setText(QCoreApplication.translate("CheckPlanDialog", u"\u5230\u671f\u7ed3\u675f", None))
        self.end_edit.setDisplayFormat(QCoreApplication.translate("CheckPlanDialog", u"yyyy-MM-dd", None))
        self.active_check.setText(QCoreApplication.translate("CheckPlanDialog", u"\u6267\u884c\u4e2d\uff08\u505c\u7528\u540e\u4e0d\u518d\u751f\u6210\u6392\u67e5\u4efb\u52a1\uff09", None))
        self.note_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u5907\u6ce8", None))
        self.items_label.setText(QCoreApplication.translate("CheckPlanDialog", u"\u6392\u67e5\u9879\uff08\u52fe\u9009\u672c\u8ba1\u5212\u8981\u68c0\u67e5\u7684\u9879\u76ee\uff09", None))
        self.items_label.setStyleSheet(QCoreApplication.translate("CheckPlanDialog", u"font-weight: bold;", None))
        self.filter_edit.setPlaceholderText(QCoreApplication.translate("CheckPlanDialog", u"\u7b5b\u9009\uff1a\u98ce\u9669\u70b9\u3001\u6392\u67e5\u5185\u5bb9", None))
        self.suggest_btn.setText(QCoreApplication.translate("CheckPlanDialog", u"\u6309\u9891\u6b21\u8868\u63a8\u8350", None))
        self.clear_btn.setText(QCoreApplication.translate("CheckPlanDialog", u"\u5168\u90e8\u53d6\u6d88", None))
        self.items_count_label.setText("")
        self.gap_label.setText("")
        self.gap_label.setStyleSheet(QCoreApplication.translate("CheckPlanDialog", u"color: #8A5A00;", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("CheckPlanDialog", u"color: #C00000;", None))
    # retranslateUi

