# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'enterprise_form.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_EnterpriseForm(object):
    def setupUi(self, EnterpriseForm):
        if not EnterpriseForm.objectName():
            EnterpriseForm.setObjectName(u"EnterpriseForm")
        EnterpriseForm.resize(640, 520)
        self.main_layout = QVBoxLayout(EnterpriseForm)
        self.main_layout.setObjectName(u"main_layout")
        self.basic_group = QGroupBox(EnterpriseForm)
        self.basic_group.setObjectName(u"basic_group")
        self.basic_form_layout = QFormLayout(self.basic_group)
        self.basic_form_layout.setObjectName(u"basic_form_layout")
        self.basic_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.basic_form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(self.basic_group)
        self.name_label.setObjectName(u"name_label")

        self.basic_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.basic_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.basic_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.uscc_label = QLabel(self.basic_group)
        self.uscc_label.setObjectName(u"uscc_label")

        self.basic_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.uscc_label)

        self.uscc_edit = QLineEdit(self.basic_group)
        self.uscc_edit.setObjectName(u"uscc_edit")
        self.uscc_edit.setMaxLength(18)

        self.basic_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.uscc_edit)

        self.industry_label = QLabel(self.basic_group)
        self.industry_label.setObjectName(u"industry_label")

        self.basic_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.industry_label)

        self.industry_edit = QLineEdit(self.basic_group)
        self.industry_edit.setObjectName(u"industry_edit")

        self.basic_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.industry_edit)

        self.address_label = QLabel(self.basic_group)
        self.address_label.setObjectName(u"address_label")

        self.basic_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(self.basic_group)
        self.address_edit.setObjectName(u"address_edit")

        self.basic_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.employee_count_label = QLabel(self.basic_group)
        self.employee_count_label.setObjectName(u"employee_count_label")

        self.basic_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.employee_count_label)

        self.employee_count_spin = QSpinBox(self.basic_group)
        self.employee_count_spin.setObjectName(u"employee_count_spin")
        self.employee_count_spin.setMaximum(99999)

        self.basic_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.employee_count_spin)

        self.code_label = QLabel(self.basic_group)
        self.code_label.setObjectName(u"code_label")

        self.basic_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_edit = QLineEdit(self.basic_group)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setMaxLength(32)

        self.basic_form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.code_edit)


        self.main_layout.addWidget(self.basic_group)

        self.contacts_group = QGroupBox(EnterpriseForm)
        self.contacts_group.setObjectName(u"contacts_group")
        self.contacts_form_layout = QFormLayout(self.contacts_group)
        self.contacts_form_layout.setObjectName(u"contacts_form_layout")
        self.contacts_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contacts_form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.principal_name_label = QLabel(self.contacts_group)
        self.principal_name_label.setObjectName(u"principal_name_label")

        self.contacts_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.principal_name_label)

        self.principal_name_edit = QLineEdit(self.contacts_group)
        self.principal_name_edit.setObjectName(u"principal_name_edit")

        self.contacts_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.principal_name_edit)

        self.principal_phone_label = QLabel(self.contacts_group)
        self.principal_phone_label.setObjectName(u"principal_phone_label")

        self.contacts_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.principal_phone_label)

        self.principal_phone_edit = QLineEdit(self.contacts_group)
        self.principal_phone_edit.setObjectName(u"principal_phone_edit")

        self.contacts_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.principal_phone_edit)

        self.safety_manager_name_label = QLabel(self.contacts_group)
        self.safety_manager_name_label.setObjectName(u"safety_manager_name_label")

        self.contacts_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.safety_manager_name_label)

        self.safety_manager_name_edit = QLineEdit(self.contacts_group)
        self.safety_manager_name_edit.setObjectName(u"safety_manager_name_edit")

        self.contacts_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.safety_manager_name_edit)

        self.safety_manager_phone_label = QLabel(self.contacts_group)
        self.safety_manager_phone_label.setObjectName(u"safety_manager_phone_label")

        self.contacts_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.safety_manager_phone_label)

        self.safety_manager_phone_edit = QLineEdit(self.contacts_group)
        self.safety_manager_phone_edit.setObjectName(u"safety_manager_phone_edit")

        self.contacts_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.safety_manager_phone_edit)

        self.phone_label = QLabel(self.contacts_group)
        self.phone_label.setObjectName(u"phone_label")

        self.contacts_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(self.contacts_group)
        self.phone_edit.setObjectName(u"phone_edit")

        self.contacts_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.duty_phone_label = QLabel(self.contacts_group)
        self.duty_phone_label.setObjectName(u"duty_phone_label")

        self.contacts_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.duty_phone_label)

        self.duty_phone_edit = QLineEdit(self.contacts_group)
        self.duty_phone_edit.setObjectName(u"duty_phone_edit")

        self.contacts_form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.duty_phone_edit)


        self.main_layout.addWidget(self.contacts_group)

        self.error_label = QLabel(EnterpriseForm)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.revert_btn = QPushButton(EnterpriseForm)
        self.revert_btn.setObjectName(u"revert_btn")

        self.buttons_layout.addWidget(self.revert_btn)

        self.save_btn = QPushButton(EnterpriseForm)
        self.save_btn.setObjectName(u"save_btn")

        self.buttons_layout.addWidget(self.save_btn)


        self.main_layout.addLayout(self.buttons_layout)

        self.bottom_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.uscc_label.setBuddy(self.uscc_edit)
        self.industry_label.setBuddy(self.industry_edit)
        self.address_label.setBuddy(self.address_edit)
        self.employee_count_label.setBuddy(self.employee_count_spin)
        self.code_label.setBuddy(self.code_edit)
        self.principal_name_label.setBuddy(self.principal_name_edit)
        self.principal_phone_label.setBuddy(self.principal_phone_edit)
        self.safety_manager_name_label.setBuddy(self.safety_manager_name_edit)
        self.safety_manager_phone_label.setBuddy(self.safety_manager_phone_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.duty_phone_label.setBuddy(self.duty_phone_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.uscc_edit)
        QWidget.setTabOrder(self.uscc_edit, self.industry_edit)
        QWidget.setTabOrder(self.industry_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.employee_count_spin)
        QWidget.setTabOrder(self.employee_count_spin, self.code_edit)
        QWidget.setTabOrder(self.code_edit, self.principal_name_edit)
        QWidget.setTabOrder(self.principal_name_edit, self.principal_phone_edit)
        QWidget.setTabOrder(self.principal_phone_edit, self.safety_manager_name_edit)
        QWidget.setTabOrder(self.safety_manager_name_edit, self.safety_manager_phone_edit)
        QWidget.setTabOrder(self.safety_manager_phone_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.duty_phone_edit)
        QWidget.setTabOrder(self.duty_phone_edit, self.save_btn)
        QWidget.setTabOrder(self.save_btn, self.revert_btn)

        self.retranslateUi(EnterpriseForm)

        self.save_btn.setDefault(True)


        QMetaObject.connectSlotsByName(EnterpriseForm)
    # setupUi

    def retranslateUi(self, EnterpriseForm):
        EnterpriseForm.setWindowTitle(QCoreApplication.translate("EnterpriseForm", u"\u4f01\u4e1a\u6863\u6848", None))
        self.basic_group.setTitle(QCoreApplication.translate("EnterpriseForm", u"\u57fa\u672c\u4fe1\u606f", None))
        self.name_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u4f01\u4e1a\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseForm", u"\u8425\u4e1a\u6267\u7167\u4e0a\u7684\u5168\u79f0", None))
        self.uscc_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.uscc_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseForm", u"18 \u4f4d", None))
        self.industry_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u884c\u4e1a", None))
        self.industry_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseForm", u"\u5982\uff1a\u673a\u68b0\u5236\u9020", None))
        self.address_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u5730\u5740", None))
        self.employee_count_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u804c\u5de5\u4eba\u6570", None))
        self.employee_count_spin.setSpecialValueText(QCoreApplication.translate("EnterpriseForm", u"\u672a\u586b\u5199", None))
        self.code_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u4f01\u4e1a\u7b80\u7801", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("EnterpriseForm", u"\u7528\u4e8e\u544a\u77e5\u5361\u7f16\u53f7\u548c\u4e8c\u7ef4\u7801\uff0c\u5982 HR", None))
        self.contacts_group.setTitle(QCoreApplication.translate("EnterpriseForm", u"\u8d1f\u8d23\u4eba\u4e0e\u8054\u7cfb\u65b9\u5f0f", None))
        self.principal_name_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u4e3b\u8981\u8d1f\u8d23\u4eba", None))
        self.principal_phone_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u4e3b\u8981\u8d1f\u8d23\u4eba\u7535\u8bdd", None))
        self.safety_manager_name_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u5b89\u5168\u7ba1\u7406\u4eba\u5458", None))
        self.safety_manager_phone_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u5b89\u5168\u7ba1\u7406\u4eba\u5458\u7535\u8bdd", None))
        self.phone_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u4f01\u4e1a\u8054\u7cfb\u7535\u8bdd", None))
        self.duty_phone_label.setText(QCoreApplication.translate("EnterpriseForm", u"\u5e94\u6025\u503c\u73ed\u7535\u8bdd", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("EnterpriseForm", u"color: #C00000;", None))
        self.revert_btn.setText(QCoreApplication.translate("EnterpriseForm", u"\u64a4\u9500\u4fee\u6539", None))
        self.save_btn.setText(QCoreApplication.translate("EnterpriseForm", u"\u4fdd\u5b58", None))
    # retranslateUi

