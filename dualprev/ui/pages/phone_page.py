"""手机访问: turn the LAN service for phones on and off (address, port, a QR code that opens it),
pair phones to people with a short-lived code, see who is connected and revoke phones, and review
the 随手拍 reports waiting in 待审核 — accepted into the ledger through the same 登记 dialog as the
隐患台账 page, or sent back with a reason the reporter sees on the phone."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.phone import PhoneRole
from dualprev.lan.server import DEFAULT_PORT, LanServer
from dualprev.services import organisation_service
from dualprev.services.changes import Entity
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.phone import access, devices, reports
from dualprev.services.phone.devices import DeviceInfo
from dualprev.services.phone.reports import ReportInfo
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog
from dualprev.ui.models.phone_table_models import PhoneDeviceTableModel, PhoneReportTableModel
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.record_list_panel import make_table_view

LOCAL_ONLY = "127.0.0.1"
PRESENCE_REFRESH_MS = 10_000


def network_addresses() -> list[str]:
    """This computer's IPv4 addresses on its running network interfaces, then 127.0.0.1."""
    found: list[str] = []
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol or address.isLoopback():
            continue
        text = address.toString()
        if not text.startswith("169.254.") and text not in found:
            found.append(text)
    return [*found, LOCAL_ONLY]


def reason_for_rejection(parent: QWidget, report: ReportInfo) -> str | None:
    """Ask why a report is sent back (tests replace this function)."""
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("退回上报"),
        parent.tr("退回原因（上报人会在手机上看到）：\n{d}").format(d=report.description[:60]),
    )
    return text if ok else None


class PhonePage(Page):
    key = "phone"
    title = "手机访问"
    shows = frozenset({Entity.PHONE, Entity.ORGANISATION, Entity.HIDDEN_DANGER})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.server = LanServer(ctx.db, today=ctx.today)
        self._code_url = ""
        server = self.server
        # Stopping the app stops the service (and so does closing this database's window).
        QCoreApplication.instance().aboutToQuit.connect(server.stop)  # type: ignore[union-attr]
        self.destroyed.connect(lambda *_args: server.stop())
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_service_box(), 0)
        right = QVBoxLayout()
        right.addWidget(self._build_reports_box(), 3)
        right.addWidget(self._build_devices_box(), 2)
        layout.addLayout(right, 1)
        self._presence_timer = QTimer(self)
        self._presence_timer.setInterval(PRESENCE_REFRESH_MS)
        self._presence_timer.timeout.connect(self._show_presence)
        self._presence_timer.start()
        self._show_state()

    # --- building ---------------------------------------------------------------------------------

    def _build_service_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("手机访问服务"), self)
        box.setFixedWidth(330)
        grid = QGridLayout(box)
        self.address_combo = QComboBox(box)
        self.address_combo.setObjectName("address_combo")
        for address in network_addresses():
            label = self.tr("{a}（仅本机）").format(a=address) if address == LOCAL_ONLY else address
            self.address_combo.addItem(label, address)
        self.port_spin = QSpinBox(box)
        self.port_spin.setObjectName("port_spin")
        self.port_spin.setRange(1024, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.start_btn = QPushButton(self.tr("开启手机访问"), box)
        self.start_btn.setObjectName("start_btn")
        self.start_btn.setCheckable(True)
        self.start_btn.toggled.connect(self._on_start_toggled)
        self.state_label = QLabel(box)
        self.state_label.setObjectName("state_label")
        self.state_label.setWordWrap(True)
        self.qr_label = QLabel(box)
        self.qr_label.setObjectName("qr_label")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumHeight(230)
        grid.addWidget(QLabel(self.tr("网络地址"), box), 0, 0)
        grid.addWidget(self.address_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("端口"), box), 1, 0)
        grid.addWidget(self.port_spin, 1, 1)
        grid.addWidget(self.start_btn, 2, 0, 1, 2)
        grid.addWidget(self.state_label, 3, 0, 1, 2)
        grid.addWidget(self.qr_label, 4, 0, 1, 2)
        pair_box = QGroupBox(self.tr("配对新手机"), box)
        pair = QGridLayout(pair_box)
        self.person_combo = QComboBox(pair_box)
        self.person_combo.setObjectName("person_combo")
        self.role_combo = QComboBox(pair_box)
        self.role_combo.setObjectName("role_combo")
        for role in PhoneRole:
            self.role_combo.addItem(role.label, role.value)
        self.pair_btn = QPushButton(self.tr("生成配对码"), pair_box)
        self.pair_btn.setObjectName("pair_btn")
        self.pair_btn.clicked.connect(self._on_pair)
        self.code_label = QLabel(pair_box)
        self.code_label.setObjectName("code_label")
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        pair.addWidget(QLabel(self.tr("人员"), pair_box), 0, 0)
        pair.addWidget(self.person_combo, 0, 1)
        pair.addWidget(QLabel(self.tr("权限"), pair_box), 1, 0)
        pair.addWidget(self.role_combo, 1, 1)
        pair.addWidget(self.pair_btn, 2, 0, 1, 2)
        pair.addWidget(self.code_label, 3, 0, 1, 2)
        grid.addWidget(pair_box, 5, 0, 1, 2)
        self.connected_label = QLabel(box)
        self.connected_label.setObjectName("connected_label")
        self.connected_label.setWordWrap(True)
        grid.addWidget(self.connected_label, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)
        return box

    def _build_reports_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("待审核的手机上报"), self)
        layout = QVBoxLayout(box)
        self.reports_model = PhoneReportTableModel()
        self.reports_view: QTableView = make_table_view(self.reports_model, "reports_table", box)
        self.reports_view.doubleClicked.connect(lambda _index: self._on_accept_report())
        buttons = QHBoxLayout()
        self.accept_btn = QPushButton(self.tr("审核通过，登记隐患…"), box)
        self.accept_btn.setObjectName("accept_report_btn")
        self.accept_btn.clicked.connect(self._on_accept_report)
        self.reject_btn = QPushButton(self.tr("退回…"), box)
        self.reject_btn.setObjectName("reject_report_btn")
        self.reject_btn.clicked.connect(self._on_reject_report)
        self.photo_label = QLabel(box)
        self.photo_label.setObjectName("report_photo_label")
        self.photo_label.setFixedHeight(120)
        buttons.addWidget(self.accept_btn)
        buttons.addWidget(self.reject_btn)
        buttons.addStretch(1)
        layout.addWidget(self.reports_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.photo_label)
        self.reports_view.selectionModel().currentRowChanged.connect(lambda *_a: self._show_photo())
        return box

    def _build_devices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("已配对的手机"), self)
        layout = QVBoxLayout(box)
        self.devices_model = PhoneDeviceTableModel()
        self.devices_view: QTableView = make_table_view(self.devices_model, "devices_table", box)
        self.revoke_btn = QPushButton(self.tr("取消配对"), box)
        self.revoke_btn.setObjectName("revoke_btn")
        self.revoke_btn.clicked.connect(self._on_revoke)
        row = QHBoxLayout()
        row.addWidget(self.revoke_btn)
        row.addStretch(1)
        layout.addWidget(self.devices_view, 1)
        layout.addLayout(row)
        return box

    # --- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        db = self.ctx.db
        people = [p for p in organisation_service.list_people(db) if p.is_active]
        current = combos.chosen_id(self.person_combo)
        combos.fill(
            self.person_combo,
            [(p.name + (f"（{p.role}）" if p.role else ""), p.id or 0) for p in people],
            current,
        )
        self.reports_model.set_records(reports.list_reports(db))
        self.devices_model.set_records(devices.list_devices(db))
        self._show_presence()
        self._show_photo()

    def _show_presence(self) -> None:
        seen = self.server.presence.connected(datetime.now().astimezone()) if self.server.running else []
        online = {s.device_id for s in seen}
        if online != self.devices_model.online:
            self.devices_model.online = online
            self.devices_model.set_records(self.devices_model.records())
        names = "、".join(f"{s.person_name}（{s.device_name}，{s.address}）" for s in seen)
        self.connected_label.setText(
            self.tr("当前连接：{names}").format(names=names) if names else self.tr("当前没有手机连接")
        )

    def _show_state(self) -> None:
        address = self.server.address
        if address is None:
            self.state_label.setText(self.tr("手机访问已关闭：局域网内的设备无法访问本机。"))
            self.qr_label.clear()
            return
        url = self._code_url or address.url
        self.state_label.setText(
            self.tr(
                "手机访问已开启。手机连接同一个 Wi-Fi 后，用微信或相机扫描下面的二维码，或在浏览器输入：\n{url}"
            ).format(url=url)
        )
        pixmap = QPixmap()
        pixmap.loadFromData(access.qr_png(url))
        self.qr_label.setPixmap(pixmap)

    def _show_photo(self) -> None:
        report = self._selected_report()
        if report is None or not report.photos:
            self.photo_label.setText(
                self.tr("（选中一条上报可查看照片）") if report is None else self.tr("（没有照片）")
            )
            return
        pixmap = QPixmap(str(report.photos[0].thumb_path))
        self.photo_label.setPixmap(pixmap.scaledToHeight(116, Qt.TransformationMode.SmoothTransformation))

    def _selected_report(self) -> ReportInfo | None:
        index = self.reports_view.currentIndex()
        record = index.data(Roles.RECORD) if index.isValid() else None
        return record if isinstance(record, ReportInfo) else None

    def _selected_device(self) -> DeviceInfo | None:
        index = self.devices_view.currentIndex()
        record = index.data(Roles.RECORD) if index.isValid() else None
        return record if isinstance(record, DeviceInfo) else None

    # --- actions ------------------------------------------------------------------------------------

    def _on_start_toggled(self, on: bool) -> None:
        if not on:
            self.server.stop()
            self._code_url = ""
            self.start_btn.setText(self.tr("开启手机访问"))
        else:
            host = str(self.address_combo.currentData())
            started = operations.attempt(self, lambda: self.server.start(host, self.port_spin.value()))
            if started is operations.FAILED:
                self.start_btn.blockSignals(True)
                self.start_btn.setChecked(False)
                self.start_btn.blockSignals(False)
                return
            self.start_btn.setText(self.tr("关闭手机访问"))
        self.address_combo.setEnabled(not on)
        self.port_spin.setEnabled(not on)
        self._show_state()
        self._show_presence()

    def _on_pair(self) -> None:
        person_id = combos.chosen_id(self.person_combo)
        if person_id is None:
            messages.show_error(self, self.tr("请先选择人员"))
            return
        role = PhoneRole(str(self.role_combo.currentData()))
        code = operations.write(
            self,
            self.ctx.events,
            lambda: devices.create_pairing(self.ctx.db, person_id, role, actor=self.ctx.actor()),
        )
        if code is operations.FAILED:
            return
        until = code.expires_at.astimezone().strftime("%H:%M")
        self.code_label.setText(
            self.tr(
                "配对码：<b style='font-size:22px'>{code}</b><br>{name}（{role}），{until} 前有效，只能配对一部手机。"
            ).format(code=code.code, name=code.person_name, role=code.role.label, until=until)
        )
        if self.server.address is not None:
            self._code_url = access.pairing_url(self.server.address.url, code.code)
            self._show_state()

    def _on_revoke(self) -> None:
        device = self._selected_device()
        if device is None or device.revoked:
            messages.show_error(self, self.tr("请先选择一部已配对的手机"))
            return
        if not messages.confirm(
            self,
            self.tr("取消“{name}”（{person}）的配对？这部手机将不能再访问。").format(
                name=device.name, person=device.person_name
            ),
            action=self.tr("取消配对"),
        ):
            return
        operations.write(
            self, self.ctx.events, lambda: devices.revoke(self.ctx.db, device.id, actor=self.ctx.actor())
        )
        self.server.presence.forget(device.id)

    def _on_accept_report(self) -> None:
        report = self._selected_report()
        if report is None:
            messages.show_error(self, self.tr("请先选择一条待审核的上报"))
            return
        db, today = self.ctx.db, self.ctx.today()
        draft = operations.attempt(self, lambda: reports.draft_for(db, report.id, today=today))
        if draft is operations.FAILED:
            return
        registration = HiddenDangerDialog.register(self, hd_choices.choices(db), today, draft)
        if registration is None:
            return
        detail = operations.write(
            self,
            self.ctx.events,
            lambda: reports.accept_report(
                db, report.id, registration.draft, actor=self.ctx.actor(), today=today
            ),
        )
        if detail is not operations.FAILED:
            self.show_status(self.tr("已登记隐患 {number}").format(number=detail.number))

    def _on_reject_report(self) -> None:
        report = self._selected_report()
        if report is None:
            messages.show_error(self, self.tr("请先选择一条待审核的上报"))
            return
        reason = reason_for_rejection(self, report)
        if reason is None:
            return
        operations.write(
            self,
            self.ctx.events,
            lambda: reports.reject_report(self.ctx.db, report.id, reason, actor=self.ctx.actor()),
        )
