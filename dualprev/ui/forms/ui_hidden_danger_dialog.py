# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hidden_danger_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

from dualprev.ui.widgets.photo_strip import PhotoStrip

class Ui_HiddenDangerDialog(object):
    def setupUi(self, HiddenDangerDialog):
        if not HiddenDangerDialog.objectName():
            HiddenDangerDialog.setObjectName(u"HiddenDangerDialog")
        HiddenDangerDialog.resize(980, 700)
        self.main_layout = QVBoxLayout(HiddenDangerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.found_group = QGroupBox(HiddenDangerDialog)
        self.found_group.setObjectName(u"found_group")
        self.found_form = QFormLayout(self.found_group)
        self.found_form.setObjectName(u"found_form")
        self.found_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.found_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.found_on_label = QLabel(self.found_group)
        self.found_on_label.setObjectName(u"found_on_label")

        self.found_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.found_on_label)

        self.found_on_edit = QDateEdit(self.found_group)
        self.found_on_edit.setObjectName(u"found_on_edit")
        self.found_on_edit.setCalendarPopup(True)

        self.found_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.found_on_edit)

        self.source_label = QLabel(self.found_group)
        self.source_label.setObjectName(u"source_label")

        self.found_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_combo = QComboBox(self.found_group)
        self.source_combo.setObjectName(u"source_combo")

        self.found_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.source_combo)

        self.source_detail_label = QLabel(self.found_group)
        self.source_detail_label.setObjectName(u"source_detail_label")

        self.found_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.source_detail_label)

        self.source_detail_edit = QLineEdit(self.found_group)
        self.source_detail_edit.setObjectName(u"source_detail_edit")
        self.source_detail_edit.setMaxLength(200)

        self.found_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.source_detail_edit)

        self.check_record_label = QLabel(self.found_group)
        self.check_record_label.setObjectName(u"check_record_label")

        self.found_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.check_record_label)

        self.check_record_combo = QComboBox(self.found_group)
        self.check_record_combo.setObjectName(u"check_record_combo")

        self.found_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.check_record_combo)

        self.check_type_label = QLabel(self.found_group)
        self.check_type_label.setObjectName(u"check_type_label")

        self.found_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.check_type_label)

        self.check_type_combo = QComboBox(self.found_group)
        self.check_type_combo.setObjectName(u"check_type_combo")

        self.found_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.check_type_combo)

        self.finder_label = QLabel(self.found_group)
        self.finder_label.setObjectName(u"finder_label")

        self.found_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.finder_label)

        self.finder_edit = QLineEdit(self.found_group)
        self.finder_edit.setObjectName(u"finder_edit")
        self.finder_edit.setMaxLength(200)

        self.found_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.finder_edit)

        self.area_label = QLabel(self.found_group)
        self.area_label.setObjectName(u"area_label")

        self.found_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.area_label)

        self.area_combo = QComboBox(self.found_group)
        self.area_combo.setObjectName(u"area_combo")

        self.found_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.area_combo)

        self.risk_point_label = QLabel(self.found_group)
        self.risk_point_label.setObjectName(u"risk_point_label")

        self.found_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.risk_point_label)

        self.risk_point_combo = QComboBox(self.found_group)
        self.risk_point_combo.setObjectName(u"risk_point_combo")

        self.found_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.risk_point_combo)

        self.location_label = QLabel(self.found_group)
        self.location_label.setObjectName(u"location_label")

        self.found_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location_edit = QLineEdit(self.found_group)
        self.location_edit.setObjectName(u"location_edit")
        self.location_edit.setMaxLength(200)

        self.found_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.location_edit)


        self.columns_layout.addWidget(self.found_group)

        self.danger_group = QGroupBox(HiddenDangerDialog)
        self.danger_group.setObjectName(u"danger_group")
        self.danger_form = QFormLayout(self.danger_group)
        self.danger_form.setObjectName(u"danger_form")
        self.danger_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.danger_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.description_label = QLabel(self.danger_group)
        self.description_label.setObjectName(u"description_label")

        self.danger_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(self.danger_group)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMaximumSize(QSize(16777215, 64))
        self.description_edit.setTabChangesFocus(True)

        self.danger_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.level_label = QLabel(self.danger_group)
        self.level_label.setObjectName(u"level_label")

        self.danger_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.level_label)

        self.level_combo = QComboBox(self.danger_group)
        self.level_combo.setObjectName(u"level_combo")

        self.danger_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.level_combo)

        self.category_label = QLabel(self.danger_group)
        self.category_label.setObjectName(u"category_label")

        self.danger_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(self.danger_group)
        self.category_combo.setObjectName(u"category_combo")

        self.danger_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.owner_tier_label = QLabel(self.danger_group)
        self.owner_tier_label.setObjectName(u"owner_tier_label")

        self.danger_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.owner_tier_label)

        self.owner_tier_combo = QComboBox(self.danger_group)
        self.owner_tier_combo.setObjectName(u"owner_tier_combo")

        self.danger_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.owner_tier_combo)

        self.accident_types_label = QLabel(self.danger_group)
        self.accident_types_label.setObjectName(u"accident_types_label")

        self.danger_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.accident_types_label)

        self.accident_types_list = QListWidget(self.danger_group)
        self.accident_types_list.setObjectName(u"accident_types_list")
        self.accident_types_list.setMaximumSize(QSize(16777215, 92))
        self.accident_types_list.setFlow(QListView.Flow.LeftToRight)
        self.accident_types_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.accident_types_list.setSpacing(1)

        self.danger_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.accident_types_list)

        self.basis_label = QLabel(self.danger_group)
        self.basis_label.setObjectName(u"basis_label")

        self.danger_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.basis_label)

        self.basis_edit = QLineEdit(self.danger_group)
        self.basis_edit.setObjectName(u"basis_edit")
        self.basis_edit.setMaxLength(500)

        self.danger_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.basis_edit)


        self.columns_layout.addWidget(self.danger_group)


        self.main_layout.addLayout(self.columns_layout)

        self.rectification_group = QGroupBox(HiddenDangerDialog)
        self.rectification_group.setObjectName(u"rectification_group")
        self.rectification_grid = QGridLayout(self.rectification_group)
        self.rectification_grid.setObjectName(u"rectification_grid")
        self.measures_label = QLabel(self.rectification_group)
        self.measures_label.setObjectName(u"measures_label")
        self.measures_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.rectification_grid.addWidget(self.measures_label, 0, 0, 1, 1)

        self.measures_edit = QPlainTextEdit(self.rectification_group)
        self.measures_edit.setObjectName(u"measures_edit")
        self.measures_edit.setMaximumSize(QSize(16777215, 48))
        self.measures_edit.setTabChangesFocus(True)

        self.rectification_grid.addWidget(self.measures_edit, 0, 1, 1, 3)

        self.department_label = QLabel(self.rectification_group)
        self.department_label.setObjectName(u"department_label")
        self.department_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rectification_grid.addWidget(self.department_label, 1, 0, 1, 1)

        self.department_combo = QComboBox(self.rectification_group)
        self.department_combo.setObjectName(u"department_combo")

        self.rectification_grid.addWidget(self.department_combo, 1, 1, 1, 1)

        self.rectifier_label = QLabel(self.rectification_group)
        self.rectifier_label.setObjectName(u"rectifier_label")
        self.rectifier_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rectification_grid.addWidget(self.rectifier_label, 1, 2, 1, 1)

        self.rectifier_combo = QComboBox(self.rectification_group)
        self.rectifier_combo.setObjectName(u"rectifier_combo")

        self.rectification_grid.addWidget(self.rectifier_combo, 1, 3, 1, 1)

        self.deadline_label = QLabel(self.rectification_group)
        self.deadline_label.setObjectName(u"deadline_label")
        self.deadline_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rectification_grid.addWidget(self.deadline_label, 2, 0, 1, 1)

        self.deadline_layout = QHBoxLayout()
        self.deadline_layout.setObjectName(u"deadline_layout")
        self.deadline_edit = QDateEdit(self.rectification_group)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)

        self.deadline_layout.addWidget(self.deadline_edit)

        self.deadline_hint_label = QLabel(self.rectification_group)
        self.deadline_hint_label.setObjectName(u"deadline_hint_label")

        self.deadline_layout.addWidget(self.deadline_hint_label)


        self.rectification_grid.addLayout(self.deadline_layout, 2, 1, 1, 1)

        self.funds_label = QLabel(self.rectification_group)
        self.funds_label.setObjectName(u"funds_label")
        self.funds_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rectification_grid.addWidget(self.funds_label, 2, 2, 1, 1)

        self.funds_spin = QDoubleSpinBox(self.rectification_group)
        self.funds_spin.setObjectName(u"funds_spin")
        self.funds_spin.setDecimals(2)
        self.funds_spin.setMaximum(999999999.990000009536743)
        self.funds_spin.setSingleStep(100.000000000000000)
        self.funds_spin.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.rectification_grid.addWidget(self.funds_spin, 2, 3, 1, 1)

        self.interim_label = QLabel(self.rectification_group)
        self.interim_label.setObjectName(u"interim_label")
        self.interim_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)

        self.rectification_grid.addWidget(self.interim_label, 3, 0, 1, 1)

        self.interim_edit = QPlainTextEdit(self.rectification_group)
        self.interim_edit.setObjectName(u"interim_edit")
        self.interim_edit.setMaximumSize(QSize(16777215, 44))
        self.interim_edit.setTabChangesFocus(True)

        self.rectification_grid.addWidget(self.interim_edit, 3, 1, 1, 3)

        self.immediate_check = QCheckBox(self.rectification_group)
        self.immediate_check.setObjectName(u"immediate_check")

        self.rectification_grid.addWidget(self.immediate_check, 4, 1, 1, 3)

        self.rectification_grid.setColumnStretch(1, 1)
        self.rectification_grid.setColumnStretch(3, 1)

        self.main_layout.addWidget(self.rectification_group)

        self.photos_group = QGroupBox(HiddenDangerDialog)
        self.photos_group.setObjectName(u"photos_group")
        self.photos_layout = QVBoxLayout(self.photos_group)
        self.photos_layout.setObjectName(u"photos_layout")
        self.before_photos_strip = PhotoStrip(self.photos_group)
        self.before_photos_strip.setObjectName(u"before_photos_strip")

        self.photos_layout.addWidget(self.before_photos_strip)


        self.main_layout.addWidget(self.photos_group)

        self.note_layout = QHBoxLayout()
        self.note_layout.setObjectName(u"note_layout")
        self.note_label = QLabel(HiddenDangerDialog)
        self.note_label.setObjectName(u"note_label")

        self.note_layout.addWidget(self.note_label)

        self.note_edit = QLineEdit(HiddenDangerDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setMaxLength(500)

        self.note_layout.addWidget(self.note_edit)


        self.main_layout.addLayout(self.note_layout)

        self.error_label = QLabel(HiddenDangerDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(HiddenDangerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setOrientation(Qt.Orientation.Horizontal)
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.found_on_label.setBuddy(self.found_on_edit)
        self.source_label.setBuddy(self.source_combo)
        self.source_detail_label.setBuddy(self.source_detail_edit)
        self.check_record_label.setBuddy(self.check_record_combo)
        self.check_type_label.setBuddy(self.check_type_combo)
        self.finder_label.setBuddy(self.finder_edit)
        self.area_label.setBuddy(self.area_combo)
        self.risk_point_label.setBuddy(self.risk_point_combo)
        self.location_label.setBuddy(self.location_edit)
        self.description_label.setBuddy(self.description_edit)
        self.level_label.setBuddy(self.level_combo)
        self.category_label.setBuddy(self.category_combo)
        self.owner_tier_label.setBuddy(self.owner_tier_combo)
        self.accident_types_label.setBuddy(self.accident_types_list)
        self.basis_label.setBuddy(self.basis_edit)
        self.measures_label.setBuddy(self.measures_edit)
        self.department_label.setBuddy(self.department_combo)
        self.rectifier_label.setBuddy(self.rectifier_combo)
        self.deadline_label.setBuddy(self.deadline_edit)
        self.funds_label.setBuddy(self.funds_spin)
        self.interim_label.setBuddy(self.interim_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HiddenDangerDialog)

        QMetaObject.connectSlotsByName(HiddenDangerDialog)
    # setupUi

    def retranslateUi(self, HiddenDangerDialog):
        HiddenDangerDialog.setWindowTitle(QCoreApplication.translate("HiddenDangerDialog", u"\u767b\u8bb0\u9690\u60a3", None))
        self.found_group.setTitle(QCoreApplication.translate("HiddenDangerDialog", u"\u53d1\u73b0", None))
        self.found_on_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6392\u67e5\u65e5\u671f *", None))
        self.found_on_edit.setDisplayFormat(QCoreApplication.translate("HiddenDangerDialog", u"yyyy-MM-dd", None))
        self.source_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6765\u6e90 *", None))
        self.source_detail_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6765\u6e90\u8bf4\u660e", None))
        self.check_record_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6392\u67e5\u8bb0\u5f55", None))
        self.check_type_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6392\u67e5\u7c7b\u578b", None))
        self.finder_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6392\u67e5\u4eba", None))
        self.finder_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerDialog", u"\u591a\u4eba\u7528\u987f\u53f7\u5206\u9694\uff0c\u5982\uff1a\u5468\u6d77\u6d9b\u3001\u9646\u5a77", None))
        self.area_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u533a\u57df", None))
        self.risk_point_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u98ce\u9669\u70b9", None))
        self.location_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u90e8\u4f4d *", None))
        self.location_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerDialog", u"\u5982\uff1a\u51b2\u538b\u8f66\u95f43\u53f7\u538b\u529b\u673a", None))
        self.danger_group.setTitle(QCoreApplication.translate("HiddenDangerDialog", u"\u9690\u60a3", None))
        self.description_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u9690\u60a3\u63cf\u8ff0 *", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerDialog", u"\u5199\u6e05\u695a\u4ec0\u4e48\u5730\u65b9\u3001\u4ec0\u4e48\u4e1c\u897f\u3001\u4ec0\u4e48\u72b6\u6001\u4e0d\u7b26\u5408\u8981\u6c42", None))
        self.level_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u9690\u60a3\u7ea7\u522b *", None))
        self.category_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u9690\u60a3\u7c7b\u522b", None))
        self.owner_tier_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u5206\u7ea7\u8d1f\u8d23", None))
        self.accident_types_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u4e8b\u6545\u7c7b\u578b", None))
        self.basis_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u5224\u5b9a\u4f9d\u636e", None))
        self.basis_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerDialog", u"\u5982\uff1aGB 2894\u3001\u300a\u5de5\u8d38\u4f01\u4e1a\u91cd\u5927\u4e8b\u6545\u9690\u60a3\u5224\u5b9a\u6807\u51c6\u300b\u7b2c\u4e03\u6761", None))
        self.rectification_group.setTitle(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539", None))
        self.measures_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u63aa\u65bd", None))
        self.department_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u8d23\u4efb\u5355\u4f4d", None))
        self.rectifier_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u8d23\u4efb\u4eba *", None))
        self.deadline_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u671f\u9650 *", None))
        self.deadline_edit.setDisplayFormat(QCoreApplication.translate("HiddenDangerDialog", u"yyyy-MM-dd", None))
        self.deadline_hint_label.setText("")
        self.deadline_hint_label.setStyleSheet(QCoreApplication.translate("HiddenDangerDialog", u"color: #666666;", None))
        self.funds_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u8d44\u91d1", None))
        self.funds_spin.setSuffix(QCoreApplication.translate("HiddenDangerDialog", u" \u5143", None))
        self.interim_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u4e34\u65f6\u7ba1\u63a7\u63aa\u65bd", None))
        self.interim_edit.setPlaceholderText(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u5b8c\u6210\u524d\u91c7\u53d6\u7684\u9632\u8303\u63aa\u65bd\uff0c\u5982\u505c\u7528\u8bbe\u5907\u3001\u8bbe\u7f6e\u8b66\u6212\u3001\u4e13\u4eba\u76d1\u62a4", None))
        self.immediate_check.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u7acb\u5373\u6574\u6539\uff1a\u73b0\u573a\u5df2\u5f53\u5373\u6574\u6539\u5b8c\u6bd5\uff0c\u76f4\u63a5\u62a5\u8bf7\u9a8c\u6536\uff08\u4ec5\u9650\u4e00\u822c\u9690\u60a3\uff09", None))
        self.photos_group.setTitle(QCoreApplication.translate("HiddenDangerDialog", u"\u6574\u6539\u524d\u7167\u7247", None))
        self.note_label.setText(QCoreApplication.translate("HiddenDangerDialog", u"\u5907\u6ce8", None))
        self.error_label.setText("")
        self.error_label.setStyleSheet(QCoreApplication.translate("HiddenDangerDialog", u"color: #C00000;", None))
    # retranslateUi

