"""岗位告知卡: every post's card with its level and print status (未打印 / 已打印 rN / 需重新打印), the
exact printed page as a preview, the override editor, printing, saving as PDF and batch export."""

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMarginsF, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.post_card import CardField, CardStatus
from dualprev.errors import UserError
from dualprev.services import post_card_export, post_card_service
from dualprev.services.changes import Entity
from dualprev.services.post_card_export import ExportResult, RenderedCards
from dualprev.services.post_card_service import PostCard
from dualprev.ui import export_files, messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.card_override_dialog import CardOverrideDialog
from dualprev.ui.models.post_card_table_model import PostCardColumn, PostCardTableModel
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.tasks import CancelledFn, ProgressFn
from dualprev.ui.widgets.pdf_preview import PdfPreview, print_in_background
from dualprev.ui.widgets.record_list_panel import make_table_view

PAGE_SIZE_IDS = {
    "A3": QPageSize.PageSizeId.A3,
    "A4": QPageSize.PageSizeId.A4,
    "A5": QPageSize.PageSizeId.A5,
}


class PostCardPage(Page):
    key = "post_cards"
    title = "岗位告知卡"
    shows = frozenset(
        {Entity.POST_CARD, Entity.RISK, Entity.ORGANISATION, Entity.ENTERPRISE, Entity.SCHEME, Entity.SETTING}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._cards: dict[int, PostCard] = {}
        self._rendered: RenderedCards | None = None
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("纸张"), self))
        self.size_combo = QComboBox(self)
        self.size_combo.setObjectName("size_combo")
        for size in post_card_export.PAGE_SIZES:
            self.size_combo.addItem(size, size)
        toolbar.addWidget(self.size_combo)
        self.two_up_check = QCheckBox(self.tr("两张拼一页"), self)
        self.two_up_check.setObjectName("two_up_check")
        self.two_up_check.setToolTip(self.tr("A4 纸上并排印两张 A5 告知卡（A3 纸上两张 A4），适合小岗位"))
        toolbar.addWidget(self.two_up_check)
        toolbar.addSpacing(12)
        self.edit_btn = self._button("edit_btn", self.tr("编辑内容…"), toolbar)
        self.print_btn = self._button("print_btn", self.tr("打印…"), toolbar)
        self.save_pdf_btn = self._button("save_pdf_btn", self.tr("另存为 PDF…"), toolbar)
        toolbar.addStretch(1)
        layout.addLayout(toolbar)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("post_cards_splitter")
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        self.model = PostCardTableModel(self)
        self.cards_table = make_table_view(self.model, "post_cards_table", left)
        self.cards_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        left_layout.addWidget(self.cards_table, 1)
        list_buttons = QHBoxLayout()
        self.export_selected_btn = self._button("export_selected_btn", self.tr("导出选中…"), list_buttons)
        self.export_all_btn = self._button("export_all_btn", self.tr("全部导出…"), list_buttons)
        list_buttons.addStretch(1)
        self.qr_btn = self._button("qr_btn", self.tr("二维码设置…"), list_buttons)
        left_layout.addLayout(list_buttons)
        hint = QLabel(
            self.tr("告知卡内容由风险辨识评估结果自动生成，岗位风险等级取其面临风险点中最高的等级。"
                    "打印或导出 PDF 后会留存一份快照；风险变化后该卡显示“需重新打印”。"),
            left,
        )  # fmt: skip
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        left_layout.addWidget(hint)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        self.card_label = QLabel(right)
        self.card_label.setObjectName("card_label")
        self.card_label.setWordWrap(True)
        self.card_label.setTextFormat(Qt.TextFormat.RichText)
        right_layout.addWidget(self.card_label)
        self.preview = PdfPreview(right)
        right_layout.addWidget(self.preview, 1)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([620, 560])
        layout.addWidget(splitter, 1)

        self.size_combo.setCurrentIndex(max(self.size_combo.findData(ctx.prefs.card_paper_size), 0))
        self.two_up_check.setChecked(ctx.prefs.card_two_up)
        self._update_two_up()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(60)
        self._preview_timer.timeout.connect(self._show_preview)

        self.cards_table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection_changed())
        self.cards_table.doubleClicked.connect(lambda _i: self._on_edit())
        self.size_combo.currentIndexChanged.connect(self._on_layout_changed)
        self.two_up_check.toggled.connect(self._on_layout_changed)
        self.edit_btn.clicked.connect(self._on_edit)
        self.print_btn.clicked.connect(self._on_print)
        self.save_pdf_btn.clicked.connect(self._on_save_pdf)
        self.export_selected_btn.clicked.connect(lambda: self._on_export(selected_only=True))
        self.export_all_btn.clicked.connect(lambda: self._on_export(selected_only=False))
        self.qr_btn.clicked.connect(self._on_qr_settings)
        self._update_buttons()

    def _button(self, name: str, text: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    # --- state ------------------------------------------------------------------------------------

    def paper_size(self) -> str:
        return str(self.size_combo.currentData())

    def two_up(self) -> bool:
        return self.two_up_check.isEnabled() and self.two_up_check.isChecked()

    def _page_size_label(self) -> str:
        return post_card_export.page_size_label(self.paper_size(), self.two_up())

    @property
    def preview_pdf(self) -> bytes | None:
        """The PDF the preview shows (what 打印 would print for the current card), if any."""
        return self._rendered.pdf if self._rendered is not None else None

    def selected_ids(self) -> list[int]:
        """Post ids of the selected rows, in list order."""
        proxy = self.cards_table.model()
        rows = sorted(index.row() for index in self.cards_table.selectionModel().selectedRows())
        return [int(proxy.index(row, 0).data(Roles.ID)) for row in rows]

    def current_card(self) -> PostCard | None:
        index = self.cards_table.currentIndex()
        ids = self.selected_ids()
        if index.isValid() and index.row() in {self._row_of(i) for i in ids}:
            return self._cards.get(int(index.siblingAtColumn(0).data(Roles.ID)))
        return self._cards.get(ids[0]) if ids else None

    def _row_of(self, post_id: int) -> int:
        proxy = self.cards_table.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        source_row = self.model.row_of(post_id)
        return proxy.mapFromSource(self.model.index(source_row, 0)).row() if source_row >= 0 else -1

    def select_post(self, post_id: int) -> None:
        row = self._row_of(post_id)
        if row < 0:
            return
        index = self.cards_table.model().index(row, 0)
        self.cards_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.selected_ids()
        cards = post_card_service.list_cards(self.ctx.db, today=self.ctx.today())
        self._cards = {c.post_id: c for c in cards}
        self.model.set_records(cards)
        self.cards_table.setColumnWidth(PostCardColumn.STATUS, 150)
        stale = sum(1 for c in cards if c.status is CardStatus.STALE)
        unprinted = sum(1 for c in cards if c.status is CardStatus.UNPRINTED and c.printable)
        blocked = sum(1 for c in cards if not c.printable)
        parts = [self.tr("共 {n} 个岗位").format(n=len(cards))]
        if stale:
            parts.append(self.tr("<b style='color:#9C2A00'>{n} 张需重新打印</b>").format(n=stale))
        if unprinted:
            parts.append(self.tr("{n} 张未打印").format(n=unprinted))
        if blocked:
            parts.append(self.tr("{n} 个岗位尚无已评价的风险，不能生成告知卡").format(n=blocked))
        self.summary_label.setText("，".join(parts) + "。")
        for post_id in chosen or ([cards[0].post_id] if cards else []):
            self.select_post(post_id)
        if not cards:
            self.preview.show_message(
                self.tr("还没有岗位。请先在“企业信息 → 岗位”中添加岗位并勾选它面临的风险点。")
            )
            self.card_label.clear()
        self._update_buttons()
        # Straight away, not debounced: the page must not first appear without its preview.
        self._preview_timer.stop()
        self._show_preview()

    def _update_two_up(self) -> None:
        self.two_up_check.setEnabled(self.paper_size() != "A5")

    def _update_buttons(self) -> None:
        card = self.current_card()
        printable = [i for i in self.selected_ids() if self._cards.get(i) and self._cards[i].printable]
        self.edit_btn.setEnabled(card is not None)
        self.print_btn.setEnabled(bool(printable))
        self.save_pdf_btn.setEnabled(bool(printable))
        self.export_selected_btn.setEnabled(bool(printable))
        self.export_all_btn.setEnabled(any(c.printable for c in self._cards.values()))

    def _on_selection_changed(self) -> None:
        self._update_buttons()
        self._preview_timer.start()

    def _on_layout_changed(self) -> None:
        self._update_two_up()
        self.ctx.prefs.card_paper_size = self.paper_size()
        self.ctx.prefs.card_two_up = self.two_up_check.isChecked()
        self._preview_timer.start()

    # --- preview ----------------------------------------------------------------------------------

    def _show_preview(self) -> None:
        card = self.current_card()
        self._rendered = None
        if card is None:
            if self._cards:
                self.preview.show_message(self.tr("在左侧选择一个岗位，查看它的告知卡。"))
            self.card_label.clear()
            return
        self.card_label.setText(self._describe(card))
        if not card.printable:
            self.preview.show_message(card.problem or "")
            return
        try:
            rendered = post_card_export.render_cards(
                self.ctx.db,
                post_ids=[card.post_id],
                size=self.paper_size(),
                two_up=self.two_up(),
                today=self.ctx.today(),
            )
        except UserError as error:
            self.preview.show_message(error.message)
            return
        self._rendered = rendered
        self.preview.set_pdf(rendered.pdf)
        if rendered.did_not_fit:
            self.card_label.setText(
                self._describe(card)
                + "<br><b style='color:#C00000'>"
                + self.tr(
                    "内容太多，{size} 纸上最小字号也放不下，已续排到第二页。建议改用 A3 纸打印。"
                ).format(size=self._page_size_label())
                + "</b>"
            )

    def _describe(self, card: PostCard) -> str:
        c = card.content
        level = c.level.label if c.level is not None else self.tr("未评价")
        lines = [f"<b>{c.post}</b>　{c.department}　{level}　{card.status_text}"]
        if card.printable:
            d = card.sheet.revision_date
            lines[0] += "　" + self.tr("本次打印：第 {r} 版（{y}年{m}月{d}日）").format(
                r=card.sheet.revision, y=d.year, m=d.month, d=d.day
            )
        if card.changed:
            changed = "、".join(f.label for f in card.changed)
            lines.append(
                "<span style='color:#9C2A00'>"
                + self.tr("上次打印后已变化：{fields}").format(fields=changed)
                + "</span>"
            )
        if c.overridden:
            names = "、".join(f.label for f in CardField if f in c.overridden)
            lines.append(
                "<span style='color:#E46C0A'>"
                + self.tr("人工修改：{fields}").format(fields=names)
                + "</span>"
            )
        return "<br>".join(lines)

    # --- editing ----------------------------------------------------------------------------------

    def _on_edit(self) -> None:
        card = self.current_card()
        if card is None:
            return
        changes = CardOverrideDialog.edit(
            self, card.content, card.computed, card.overrides, post_card_service.sign_library()
        )
        if not changes:
            return
        operations.write(
            self,
            self.ctx.events,
            lambda: post_card_service.save_overrides(
                self.ctx.db, card.post_id, changes, actor=self.ctx.actor()
            ),
        )

    def _on_qr_settings(self) -> None:
        current = post_card_service.qr_url_template(self.ctx.db)
        template = self._ask_qr_template(current)
        if template is None or template.strip() == current:
            return
        operations.write(
            self,
            self.ctx.events,
            lambda: post_card_service.set_qr_url_template(self.ctx.db, template, actor=self.ctx.actor()),
        )

    def _ask_qr_template(self, current: str) -> str | None:
        """The new QR URL template ("" = offline summary), or None when cancelled."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("二维码设置"),
            self.tr(
                "告知卡二维码默认是离线摘要（手机扫码无需联网即可看到岗位、风险等级、主要危险、应急措施和电话）。\n"
                "如企业有内网页面，可填写网址模板代替摘要，可用占位符：{code} 企业代码、{post_id} 岗位编号、"
                "{revision} 版次、{card_number} 卡片编号。留空则使用离线摘要。"
            ),
            QLineEdit.EchoMode.Normal,
            current,
        )
        return text if ok else None

    # --- printing and export ----------------------------------------------------------------------

    def _selected_printable(self) -> list[int]:
        return [i for i in self.selected_ids() if self._cards.get(i) and self._cards[i].printable]

    def _on_print(self) -> None:
        post_ids = self._selected_printable()
        if not post_ids:
            return
        db, size, two_up, today = self.ctx.db, self.paper_size(), self.two_up(), self.ctx.today()
        tasks.run_in_background(
            self,
            self.tr("正在生成岗位告知卡…"),
            lambda: post_card_export.render_cards(
                db, post_ids=post_ids, size=size, two_up=two_up, today=today
            ),
            lambda rendered: self._print_rendered(rendered, size, two_up),
        )

    def _print_rendered(self, rendered: RenderedCards, size: str, two_up: bool) -> None:
        printer = self._ask_printer(size, two_up)
        if printer is None:
            return
        page_size = post_card_export.page_size_label(size, two_up)

        def printed(_pages: int) -> None:
            recorded = operations.write(
                self,
                self.ctx.events,
                lambda: post_card_service.record_print(
                    self.ctx.db, rendered.cards, page_size=page_size, actor=self.ctx.actor()
                ),
            )
            if recorded is not FAILED:
                self._report_overflow(rendered.did_not_fit)

        print_in_background(self, printer, rendered.pdf, printed)

    def _ask_printer(self, size: str, two_up: bool) -> QPrinter | None:
        """A printer set to the cards' paper (full sheet, no margins), chosen in the print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, size, two_up)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印岗位告知卡"))
        try:
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.deleteLater()
        configure_printer(printer, size, two_up)  # the dialog must not rescale the cards
        return printer

    def _ask_save_path(self, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("保存告知卡 PDF"),
            str(export_files.suggested_path(self.ctx.prefs, suggested)),
            self.tr("PDF 文件 (*.pdf)"),
        )
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def _on_save_pdf(self) -> None:
        post_ids = self._selected_printable()
        if not post_ids:
            return
        names = [self._cards[i].content.post for i in post_ids]
        suggested = f"岗位安全风险告知卡_{names[0]}.pdf" if len(names) == 1 else "岗位安全风险告知卡.pdf"
        self._export(post_ids, suggested)

    def _on_export(self, *, selected_only: bool) -> None:
        if selected_only:
            post_ids: list[int] | None = self._selected_printable()
            if not post_ids:
                return
        else:
            post_ids = None
        self._export(post_ids, "岗位安全风险告知卡.pdf")

    def _export(self, post_ids: list[int] | None, suggested: str, *, size: str | None = None) -> None:
        path = self._ask_save_path(suggested)
        if path is None:
            return
        size = size or self.paper_size()
        two_up = self.two_up() if size == self.paper_size() else False

        def work(progress: ProgressFn, cancelled: CancelledFn) -> ExportResult:
            return post_card_export.export_cards(
                self.ctx.db, path, size=size, two_up=two_up, post_ids=post_ids, progress=progress,
                cancelled=cancelled, today=self.ctx.today(), actor=self.ctx.actor(),
            )  # fmt: skip

        tasks.run_cancellable(
            self, self.tr("正在生成岗位告知卡"), work, lambda result: self._on_exported(result, size)
        )

    def _on_exported(self, result: ExportResult, size: str) -> None:
        if result.cancelled:
            messages.show_info(self, self.tr("已取消，没有生成文件。"))
            return
        text = self.tr("已生成 {n} 张告知卡（{pages} 页）：\n{path}").format(
            n=len(result.cards), pages=result.pages, path=result.path
        )
        if result.enlarged:
            text += "\n\n" + self.tr("以下告知卡内容较多，为保持字号改用更大的纸张：{names}").format(
                names="、".join(f"{name}（{paper}）" for name, paper in result.enlarged)
            )
        if result.recorded:
            text += "\n\n" + post_card_export.recorded_summary(result.recorded)
        if result.skipped:
            text += (
                "\n\n"
                + self.tr("以下岗位没有生成告知卡：\n")
                + "\n".join(f"· {s.reason}" for s in result.skipped)
            )
        if result.path is not None:
            export_files.remember(self.ctx.prefs, result.path)
            messages.show_exported(self, text, result.path, title=self.tr("导出完成"))
        if result.did_not_fit and size != "A3":
            names = "、".join(result.did_not_fit)
            ask = self.tr(
                "以下告知卡在 {size} 纸上即使用最小字号也放不下，已续排到第二页：{names}。\n是否改用 A3 纸另外导出这些告知卡？"
            ).format(size=size, names=names)
            if messages.confirm(self, ask, title=self.tr("告知卡放不下"), action=self.tr("导出 A3")):
                ids = [i for i, c in self._cards.items() if c.content.post in set(result.did_not_fit)]
                self._export(ids, "岗位安全风险告知卡_A3.pdf", size="A3")

    def _report_overflow(self, cards: tuple[PostCard, ...]) -> None:
        if cards:
            names = "、".join(c.content.post for c in cards)
            messages.show_info(
                self,
                self.tr("以下告知卡内容太多，已续排到第二页：{names}。建议改用 A3 纸打印。").format(
                    names=names
                ),
                title=self.tr("告知卡放不下"),
            )


def configure_printer(printer: QPrinter, size: str, two_up: bool) -> None:
    """Paper of the cards' PDF, whole sheet, no margins: one PDF millimetre is one on paper."""
    printer.setPageSize(QPageSize(PAGE_SIZE_IDS[size]))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if two_up else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
