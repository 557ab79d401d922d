"""FieldErrors, the one helper every form uses to show what is wrong with it."""

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from dualprev.ui.widgets.field_errors import INVALID_PROPERTY, FieldErrors


def test_every_problem_is_marked_at_its_field_and_listed(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    label, name, phone = QLabel(form), QLineEdit(form), QLineEdit(form)
    phone.setToolTip("如：0595-22223333")
    errors = FieldErrors(label, {"name": name, "phone": phone})
    form.show()
    errors.show_all(
        [("name", "请填写姓名"), ("phone", "电话太短"), ("phone", "电话含有字母"), ("", "整张表的问题")]
    )
    assert errors.marked_fields() == ["name", "phone"]
    assert errors.message_at("phone") == "电话太短\n电话含有字母" and phone.property(INVALID_PROPERTY) is True
    assert errors.messages == ["请填写姓名", "电话太短", "电话含有字母", "整张表的问题"]
    assert label.isVisible() and label.text().splitlines() == [
        "有 4 处需要修改：",
        "1. 请填写姓名",
        "2. 电话太短",
        "3. 电话含有字母",
        "4. 整张表的问题",
    ]
    assert form.focusWidget() is name  # the first field gets the focus
    errors.show_all([("phone", "电话太短")])  # a second save shows only what is still wrong
    assert errors.marked_fields() == ["phone"] and errors.message == "电话太短"
    assert name.toolTip() == "" and name.property(INVALID_PROPERTY) is False
    errors.clear()
    assert phone.toolTip() == "如：0595-22223333" and phone.styleSheet() == "" and not label.isVisible()
