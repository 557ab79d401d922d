# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'post_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_PostDialog(object):
    def setupUi(self, PostDialog):
        if not PostDialog.objectName():
            PostDialog.setObjectName(u"PostDialog")
        PostDialog.resize(820, 480)
        self.main_layout = QVBoxLayout(PostDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.name_label = QLabel(PostDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(PostDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(100)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.department_label = QLabel(PostDialog)
        self.department_label.setObjectName(u"department_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(PostDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.area_label = QLabel(PostDialog)
        self.area_label.setObjectName(u"area_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area_combo = QComboBox(PostDialog)
        self.area_combo.setObjectName(u"area_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.area_combo)

        self.workplace_label = QLabel(PostDialog)
        self.workplace_label.setObjectName(u"workplace_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.workplace_label)

        self.workplace_edit = QLineEdit(PostDialog)
        self.workplace_edit.setObjectName(u"workplace_edit")
        self.workplace_edit.setMaxLength(200)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.workplace_edit)

        self.headcount_label = QLabel(PostDialog)
        self.headcount_label.setObjectName(u"headcount_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.headcount_label)

        self.headcount_spin = QSpinBox(PostDialog)
        self.headcount_spin.setObjectName(u"headcount_spin")
        self.headcount_spin.setMaximum(9999)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.headcount_spin)

        self.responsible_label = QLabel(PostDialog)
        self.responsible_label.setObjectName(u"responsible_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.responsible_label)

        self.responsible_combo = QComboBox(PostDialog)
        self.responsible_combo.setObjectName(u"responsible_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.responsible_combo)

        self.work_content_label = QLabel(PostDialog)
        self.work_content_label.setObjectName(u"work_content_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.work_content_label)

        self.work_content_edit = QPlainTextEdit(PostDialog)
        self.work_content_edit.setObjectName(u"work_content_edit")
        self.work_content_edit.setMaximumSize(QSize(16777215, 90))

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.work_content_edit)

        self.note_label = QLabel(PostDialog)
        self.note_label.setObjectName(u"note_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QPlainTextEdit(PostDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaximumSize(QSize(16777215, 60))

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.columns_layout.addLayout(self.form_layout)

        self.risk_points_group = QGroupBox(PostDialog)
        self.risk_points_group.setObjectName(u"risk_points_group")
        self.risk_points_layout = QVBoxLayout(self.risk_points_group)
        self.risk_points_layout.setObjectName(u"risk_points_layout")
        self.risk_filter_edit = QLineEdit(self.risk_points_group)
        self.risk_filter_edit.setObjectName(u"risk_filter_edit")

        self.risk_points_layout.addWidget(self.risk_filter_edit)

        self.risk_points_list = QListWidget(self.risk_points_group)
        self.risk_points_list.setObjectName(u"risk_points_list")

        self.risk_points_layout.addWidget(self.risk_points_list)

        self.risk_count_label = QLabel(self.risk_points_group)
        self.risk_count_label.setObjectName(u"risk_count_label")

        self.risk_points_layout.addWidget(self.risk_count_label)


        self.columns_layout.addWidget(self.risk_points_group)


        self.main_layout.addLayout(self.columns_layout)

        self.error_label = QLabel(PostDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(PostDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.department_label.setBuddy(self.department_combo)
        self.area_label.setBuddy(self.area_combo)
        self.workplace_label.setBuddy(self.workplace_edit)
        self.headcount_label.setBuddy(self.headcount_spin)
        self.responsible_label.setBuddy(self.responsible_combo)
        self.work_content_label.setBuddy(self.work_content_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PostDialog)

        QMetaObject.connectSlotsByName(PostDialog)
    # setupUi

    def retranslateUi(self, PostDialog):
        PostDialog.setWindowTitle(QCoreApplication.translate("PostDialog", u"\u5c97\u4f4d", None))
        self.name_label.setText(QCoreApplication.translate("PostDialog", u"\u5c97\u4f4d\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("PostDialog", u"\u5982\uff1a\u8f66\u5de5", None))
        self.department_label.setText(QCoreApplication.translate("PostDialog", u"\u6240\u5c5e\u90e8\u95e8", None))
        self.area_label.setText(QCoreApplication.translate("PostDialog", u"\u5de5\u4f5c\u533a\u57df", None))
        self.workplace_label.setText(QCoreApplication.translate("PostDialog", u"\u5de5\u4f5c\u573a\u6240", None))
        self.headcount_label.setText(QCoreApplication.translate("PostDialog", u"\u5c97\u4f4d\u4eba\u6570", None))
        self.headcount_spin.setSpecialValueText(QCoreApplication.translate("PostDialog", u"\u672a\u586b\u5199", None))
        self.responsible_label.setText(QCoreApplication.translate("PostDialog", u"\u5c97\u4f4d\u8d1f\u8d23\u4eba", None))
        self.work_content_label.setText(QCoreApplication.translate("PostDialog", u"\u5de5\u4f5c\u5185\u5bb9", None))
        self.note_label.setText(QCoreApplication.translate("PostDialog", u"\u5907\u6ce8", None))
        self.risk_points_group.setTitle(QCoreApplication.translate("PostDialog", u"\u672c\u5c97\u4f4d\u9762\u4e34\u7684\u98ce\u9669\u70b9", None))
        self.risk_filter_edit.setPlaceholderText(QCoreApplication.translate("PostDialog", u"\u8f93\u5165\u7f16\u53f7\u6216\u540d\u79f0\u7b5b\u9009", None))
        self.risk_count_label.setText("")
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("PostDialog", u"color: #C00000;", None))
    # retranslateUi

