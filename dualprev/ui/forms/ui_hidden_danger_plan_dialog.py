# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hidden_danger_plan_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_HiddenDangerPlanDialog(object):
    def setupUi(self, HiddenDangerPlanDialog):
        if not HiddenDangerPlanDialog.objectName():
            HiddenDangerPlanDialog.setObjectName(u"HiddenDangerPlanDialog")
        HiddenDangerPlanDialog.resize(720, 640)
        self.main_layout = QVBoxLayout(HiddenDangerPlanDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(HiddenDangerPlanDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.goal_and_tasks_label = QLabel(HiddenDangerPlanDialog)
        self.goal_and_tasks_label.setObjectName(u"goal_and_tasks_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.goal_and_tasks_label)

        self.goal_and_tasks_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.goal_and_tasks_edit.setObjectName(u"goal_and_tasks_edit")
        self.goal_and_tasks_edit.setMaximumSize(QSize(16777215, 80))
        self.goal_and_tasks_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.goal_and_tasks_edit)

        self.methods_and_measures_label = QLabel(HiddenDangerPlanDialog)
        self.methods_and_measures_label.setObjectName(u"methods_and_measures_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.methods_and_measures_label)

        self.methods_and_measures_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.methods_and_measures_edit.setObjectName(u"methods_and_measures_edit")
        self.methods_and_measures_edit.setMaximumSize(QSize(16777215, 80))
        self.methods_and_measures_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.methods_and_measures_edit)

        self.funds_and_materials_label = QLabel(HiddenDangerPlanDialog)
        self.funds_and_materials_label.setObjectName(u"funds_and_materials_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.funds_and_materials_label)

        self.funds_and_materials_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.funds_and_materials_edit.setObjectName(u"funds_and_materials_edit")
        self.funds_and_materials_edit.setMaximumSize(QSize(16777215, 80))
        self.funds_and_materials_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.funds_and_materials_edit)

        self.organisation_and_people_label = QLabel(HiddenDangerPlanDialog)
        self.organisation_and_people_label.setObjectName(u"organisation_and_people_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisation_and_people_label)

        self.organisation_and_people_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.organisation_and_people_edit.setObjectName(u"organisation_and_people_edit")
        self.organisation_and_people_edit.setMaximumSize(QSize(16777215, 80))
        self.organisation_and_people_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisation_and_people_edit)

        self.timeline_and_requirements_label = QLabel(HiddenDangerPlanDialog)
        self.timeline_and_requirements_label.setObjectName(u"timeline_and_requirements_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.timeline_and_requirements_label)

        self.timeline_and_requirements_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.timeline_and_requirements_edit.setObjectName(u"timeline_and_requirements_edit")
        self.timeline_and_requirements_edit.setMaximumSize(QSize(16777215, 80))
        self.timeline_and_requirements_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.timeline_and_requirements_edit)

        self.safety_and_emergency_label = QLabel(HiddenDangerPlanDialog)
        self.safety_and_emergency_label.setObjectName(u"safety_and_emergency_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.safety_and_emergency_label)

        self.safety_and_emergency_edit = QPlainTextEdit(HiddenDangerPlanDialog)
        self.safety_and_emergency_edit.setObjectName(u"safety_and_emergency_edit")
        self.safety_and_emergency_edit.setMaximumSize(QSize(16777215, 80))
        self.safety_and_emergency_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.safety_and_emergency_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(HiddenDangerPlanDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(HiddenDangerPlanDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.goal_and_tasks_label.setBuddy(self.goal_and_tasks_edit)
        self.methods_and_measures_label.setBuddy(self.methods_and_measures_edit)
        self.funds_and_materials_label.setBuddy(self.funds_and_materials_edit)
        self.organisation_and_people_label.setBuddy(self.organisation_and_people_edit)
        self.timeline_and_requirements_label.setBuddy(self.timeline_and_requirements_edit)
        self.safety_and_emergency_label.setBuddy(self.safety_and_emergency_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HiddenDangerPlanDialog)

        QMetaObject.connectSlotsByName(HiddenDangerPlanDialog)
    # setupUi

    def retranslateUi(self, HiddenDangerPlanDialog):
        HiddenDangerPlanDialog.setWindowTitle(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u91cd\u5927\u9690\u60a3\u6cbb\u7406\u65b9\u6848", None))
        self.intro_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u91cd\u5927\u9690\u60a3\u6cbb\u7406\u65b9\u6848\u987b\u505a\u5230\u201c\u4e94\u5230\u4f4d\u201d\uff1a\u63aa\u65bd\u3001\u8d23\u4efb\u3001\u8d44\u91d1\u3001\u65f6\u9650\u3001\u9884\u6848\u3002\u5f00\u59cb\u6574\u6539\u524d\u4ee5\u4e0b\u516d\u9879\u987b\u5168\u90e8\u586b\u5199\uff1b\u5728\u6b64\u4e4b\u524d\u53ef\u4ee5\u5148\u4fdd\u5b58\u8349\u7a3f\u3002", None))
        self.goal_and_tasks_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u76ee\u6807\u548c\u4efb\u52a1", None))
        self.methods_and_measures_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u65b9\u6cd5\u548c\u63aa\u65bd", None))
        self.funds_and_materials_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u7ecf\u8d39\u548c\u7269\u8d44", None))
        self.organisation_and_people_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u8d1f\u8d23\u673a\u6784\u548c\u4eba\u5458", None))
        self.timeline_and_requirements_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u65f6\u9650\u548c\u8981\u6c42", None))
        self.safety_and_emergency_label.setText(QCoreApplication.translate("HiddenDangerPlanDialog", u"\u5b89\u5168\u63aa\u65bd\u548c\u5e94\u6025\u9884\u6848", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("HiddenDangerPlanDialog", u"color: #C00000;", None))
    # retranslateUi

