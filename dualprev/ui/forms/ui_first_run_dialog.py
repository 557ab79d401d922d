# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(560, 600)
        self.main_layout = QVBoxLayout(FirstRunDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.title_label = QLabel(FirstRunDialog)
        self.title_label.setObjectName(u"title_label")

        self.main_layout.addWidget(self.title_label)

        self.intro_label = QLabel(FirstRunDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.profile_group = QGroupBox(FirstRunDialog)
        self.profile_group.setObjectName(u"profile_group")
        self.profile_group_layout = QVBoxLayout(self.profile_group)
        self.profile_group_layout.setObjectName(u"profile_group_layout")
        self.profile_form_layout = QFormLayout()
        self.profile_form_layout.setObjectName(u"profile_form_layout")
        self.profile_form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.profile_form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(self.profile_group)
        self.name_label.setObjectName(u"name_label")

        self.profile_form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.profile_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.profile_form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.uscc_label = QLabel(self.profile_group)
        self.uscc_label.setObjectName(u"uscc_label")

        self.profile_form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.uscc_label)

        self.uscc_edit = QLineEdit(self.profile_group)
        self.uscc_edit.setObjectName(u"uscc_edit")
        self.uscc_edit.setMaxLength(18)

        self.profile_form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.uscc_edit)

        self.industry_label = QLabel(self.profile_group)
        self.industry_label.setObjectName(u"industry_label")

        self.profile_form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.industry_label)

        self.industry_edit = QLineEdit(self.profile_group)
        self.industry_edit.setObjectName(u"industry_edit")

        self.profile_form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.industry_edit)

        self.address_label = QLabel(self.profile_group)
        self.address_label.setObjectName(u"address_label")

        self.profile_form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(self.profile_group)
        self.address_edit.setObjectName(u"address_edit")

        self.profile_form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.principal_name_label = QLabel(self.profile_group)
        self.principal_name_label.setObjectName(u"principal_name_label")

        self.profile_form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.principal_name_label)

        self.principal_name_edit = QLineEdit(self.profile_group)
        self.principal_name_edit.setObjectName(u"principal_name_edit")

        self.profile_form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.principal_name_edit)

        self.safety_manager_name_label = QLabel(self.profile_group)
        self.safety_manager_name_label.setObjectName(u"safety_manager_name_label")

        self.profile_form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.safety_manager_name_label)

        self.safety_manager_name_edit = QLineEdit(self.profile_group)
        self.safety_manager_name_edit.setObjectName(u"safety_manager_name_edit")

        self.profile_form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.safety_manager_name_edit)

        self.safety_manager_phone_label = QLabel(self.profile_group)
        self.safety_manager_phone_label.setObjectName(u"safety_manager_phone_label")

        self.profile_form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.safety_manager_phone_label)

        self.safety_manager_phone_edit = QLineEdit(self.profile_group)
        self.safety_manager_phone_edit.setObjectName(u"safety_manager_phone_edit")

        self.profile_form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.safety_manager_phone_edit)

        self.duty_phone_label = QLabel(self.profile_group)
        self.duty_phone_label.setObjectName(u"duty_phone_label")

        self.profile_form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.duty_phone_label)

        self.duty_phone_edit = QLineEdit(self.profile_group)
        self.duty_phone_edit.setObjectName(u"duty_phone_edit")

        self.profile_form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.duty_phone_edit)


        self.profile_group_layout.addLayout(self.profile_form_layout)

        self.error_label = QLabel(self.profile_group)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.profile_group_layout.addWidget(self.error_label)

        self.create_row_layout = QHBoxLayout()
        self.create_row_layout.setObjectName(u"create_row_layout")
        self.create_row_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.create_row_layout.addItem(self.create_row_spacer)

        self.create_btn = QPushButton(self.profile_group)
        self.create_btn.setObjectName(u"create_btn")

        self.create_row_layout.addWidget(self.create_btn)


        self.profile_group_layout.addLayout(self.create_row_layout)


        self.main_layout.addWidget(self.profile_group)

        self.demo_group = QGroupBox(FirstRunDialog)
        self.demo_group.setObjectName(u"demo_group")
        self.demo_group_layout = QHBoxLayout(self.demo_group)
        self.demo_group_layout.setObjectName(u"demo_group_layout")
        self.demo_label = QLabel(self.demo_group)
        self.demo_label.setObjectName(u"demo_label")
        self.demo_label.setWordWrap(True)

        self.demo_group_layout.addWidget(self.demo_label)

        self.demo_btn = QPushButton(self.demo_group)
        self.demo_btn.setObjectName(u"demo_btn")

        self.demo_group_layout.addWidget(self.demo_btn)


        self.main_layout.addWidget(self.demo_group)

        self.bottom_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.bottom_row_layout = QHBoxLayout()
        self.bottom_row_layout.setObjectName(u"bottom_row_layout")
        self.bottom_row_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottom_row_layout.addItem(self.bottom_row_spacer)

        self.quit_btn = QPushButton(FirstRunDialog)
        self.quit_btn.setObjectName(u"quit_btn")

        self.bottom_row_layout.addWidget(self.quit_btn)


        self.main_layout.addLayout(self.bottom_row_layout)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.uscc_label.setBuddy(self.uscc_edit)
        self.industry_label.setBuddy(self.industry_edit)
        self.address_label.setBuddy(self.address_edit)
        self.principal_name_label.setBuddy(self.principal_name_edit)
        self.safety_manager_name_label.setBuddy(self.safety_manager_name_edit)
        self.safety_manager_phone_label.setBuddy(self.safety_manager_phone_edit)
        self.duty_phone_label.setBuddy(self.duty_phone_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.uscc_edit)
        QWidget.setTabOrder(self.uscc_edit, self.industry_edit)
        QWidget.setTabOrder(self.industry_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.principal_name_edit)
        QWidget.setTabOrder(self.principal_name_edit, self.safety_manager_name_edit)
        QWidget.setTabOrder(self.safety_manager_name_edit, self.safety_manager_phone_edit)
        QWidget.setTabOrder(self.safety_manager_phone_edit, self.duty_phone_edit)
        QWidget.setTabOrder(self.duty_phone_edit, self.create_btn)
        QWidget.setTabOrder(self.create_btn, self.demo_btn)
        QWidget.setTabOrder(self.demo_btn, self.quit_btn)

        self.retranslateUi(FirstRunDialog)

        self.create_btn.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u53cc\u91cd\u9884\u9632\u7ba1\u7406 - \u9996\u6b21\u4f7f\u7528", None))
        self.title_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u53cc\u91cd\u9884\u9632\u7ba1\u7406", None))
        self.title_label.setStyleSheet(QCoreApplication.translate("FirstRunDialog", u"font-size: 18px; font-weight: bold;", None))
        self.intro_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u8fd9\u662f\u7b2c\u4e00\u6b21\u6253\u5f00\u8fd9\u4e2a\u6570\u636e\u5e93\u3002\u8bf7\u5148\u5efa\u7acb\u672c\u4f01\u4e1a\u7684\u6863\u6848\uff08\u53ea\u6709\u4f01\u4e1a\u540d\u79f0\u5fc5\u987b\u586b\u5199\uff0c\u5176\u4f59\u4ee5\u540e\u53ef\u5728\u201c\u4f01\u4e1a\u4fe1\u606f\u201d\u4e2d\u8865\u5145\uff09\uff0c\u6216\u8005\u52a0\u8f7d\u793a\u4f8b\u4f01\u4e1a\u770b\u770b\u8f6f\u4ef6\u80fd\u505a\u4ec0\u4e48\u3002", None))
        self.profile_group.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u65b0\u5efa\u4f01\u4e1a\u6863\u6848", None))
        self.name_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u4f01\u4e1a\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u8425\u4e1a\u6267\u7167\u4e0a\u7684\u5168\u79f0", None))
        self.uscc_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.uscc_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"18 \u4f4d\uff0c\u53ef\u7a0d\u540e\u586b\u5199", None))
        self.industry_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u884c\u4e1a", None))
        self.industry_edit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982\uff1a\u673a\u68b0\u5236\u9020", None))
        self.address_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u5730\u5740", None))
        self.principal_name_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e3b\u8981\u8d1f\u8d23\u4eba", None))
        self.safety_manager_name_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u5b89\u5168\u7ba1\u7406\u4eba\u5458", None))
        self.safety_manager_phone_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u5b89\u5168\u7ba1\u7406\u4eba\u5458\u7535\u8bdd", None))
        self.duty_phone_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u5e94\u6025\u503c\u73ed\u7535\u8bdd", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("FirstRunDialog", u"color: #C00000;", None))
        self.create_btn.setText(QCoreApplication.translate("FirstRunDialog", u"\u65b0\u5efa\u4f01\u4e1a\u6863\u6848", None))
        self.demo_group.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u52a0\u8f7d\u793a\u4f8b\u4f01\u4e1a", None))
        self.demo_label.setText(QCoreApplication.translate("FirstRunDialog", u"\u5148\u7528\u4e00\u5bb6\u793a\u4f8b\u673a\u68b0\u52a0\u5de5\u4f01\u4e1a\u7684\u5b8c\u6574\u6570\u636e\u719f\u6089\u8f6f\u4ef6\uff1a\u90e8\u95e8\u3001\u5c97\u4f4d\u3001\u98ce\u9669\u70b9\u3001\u9690\u60a3\u53f0\u8d26\u90fd\u5df2\u586b\u597d\u3002\u793a\u4f8b\u6570\u636e\u4ee5\u540e\u53ef\u4ee5\u5220\u9664\u6216\u65b0\u5efa\u6570\u636e\u5e93\u91cd\u65b0\u5f00\u59cb\u3002", None))
        self.demo_btn.setText(QCoreApplication.translate("FirstRunDialog", u"\u52a0\u8f7d\u793a\u4f8b\u4f01\u4e1a", None))
        self.quit_btn.setText(QCoreApplication.translate("FirstRunDialog", u"\u9000\u51fa", None))
    # retranslateUi

