"""A pane's header: what the source is (title, author, date, kind, reliability) and the pane's own controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from reader.core.records.annotations import SourceCriticism
from reader.core.records.documents import DocumentInfo
from reader.ui.dates_said import said

ACTIVE_BAR = 3  # pixels: the bar over the header of the pane the keys and the side panels act on
MODE_TIPS = {"text": "Show the text", "page": "Show the page image", "both": "Show the page image beside the text"}


class PaneHeader(QWidget):
    """Emits what the user asked of the pane: close, move left/right, maximise, boilerplate hidden or dimmed."""

    close_requested = Signal()
    move_requested = Signal(int)
    maximise_requested = Signal()
    boilerplate_hidden_changed = Signal(bool)
    retry_requested = Signal()
    notes_toggled = Signal(bool)
    view_mode_changed = Signal(str)  # "text", "page" or "both"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.active = False  # the pane H, N, L, P and the side panels act on (set_active)
        self.title_label = ElidedLabel(self)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.details_label = ElidedLabel(self)  # cut with "…" before the pane's buttons, whole in its tooltip
        self.notice_label = QLabel(self, wordWrap=True)
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retry_button = QToolButton(self, text="Retry", toolTip="Run entity recognition on this text again")
        self.retry_button.clicked.connect(self.retry_requested)
        self.boilerplate_button = QToolButton(self, text="▤", checkable=True, autoRaise=True,
                                              toolTip="Boilerplate (adverts, footers) is dimmed: click to hide it")
        self.boilerplate_button.toggled.connect(self._on_boilerplate_toggled)
        self.notes_button = QToolButton(self, text="✎", checkable=True, autoRaise=True,
                                        toolTip="Show or hide this text's highlights and notes beside it")
        self.notes_button.toggled.connect(self.notes_toggled)
        self.mode_buttons = self._mode_buttons()
        buttons = [*self.mode_buttons.values(), self.notes_button, self.boilerplate_button]
        self.pane_buttons: dict[str, QToolButton] = {}
        for text, tip, slot in (("◀", "Move left", lambda: self.move_requested.emit(-1)),
                                ("▶", "Move right", lambda: self.move_requested.emit(1)),
                                ("⤢", "Maximise / restore", self.maximise_requested.emit),
                                ("✕", "Close", self.close_requested.emit)):
            button = self.pane_buttons[text] = QToolButton(self, text=text, toolTip=tip, autoRaise=True)
            button.clicked.connect(slot)
            buttons.append(button)
        self._lay_out(buttons)
        self.tab_stops: list[QWidget] = [*buttons, self.retry_button]  # as they stand, left to right (Tab went as
        # they were made: ▤ before ✎)

    def set_active(self, active: bool) -> None:
        """Mark the pane worked in with a bar in the palette's highlight colour: with texts side by side, the one
        sign of which one H, N, L and P would act on had been a text cursor one pixel wide."""
        if active != self.active:
            self.active = active
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.active:
            painter = QPainter(self)
            painter.fillRect(0, 0, self.width(), ACTIVE_BAR, self.palette().highlight())
            painter.end()

    def set_place(self, first: bool, last: bool, alone_in_view: bool) -> None:
        """Offer ◀ and ▶ only where the pane can go (not past either end, nor while one pane fills the desk, where a
        move would reorder panes out of sight)."""
        self.pane_buttons["◀"].setEnabled(not first and not alone_in_view)
        self.pane_buttons["▶"].setEnabled(not last and not alone_in_view)

    def _mode_buttons(self) -> dict[str, QToolButton]:
        """Text | Page | Both, shown only for documents with pages."""
        group = QButtonGroup(self)
        found = {}
        for mode, text in (("text", "Text"), ("page", "Page"), ("both", "Both")):
            button = QToolButton(self, text=text, checkable=True, toolTip=MODE_TIPS[mode], visible=False)
            button.clicked.connect(lambda _checked=False, m=mode: self.view_mode_changed.emit(m))
            group.addButton(button)
            found[mode] = button
        found["text"].setChecked(True)
        return found

    def set_has_pages(self, has_pages: bool, problem: str = "") -> None:
        """Text | Page | Both for a document with pages; Page and Both disabled, their tooltip saying why, when its
        page images cannot be shown (the file moved away, a PDF's password): offered, they showed a blank page."""
        for mode, button in self.mode_buttons.items():
            button.setVisible(has_pages)
            if mode != "text":
                button.setEnabled(not problem)
                button.setToolTip(problem or MODE_TIPS[mode])

    def set_view_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)

    def _lay_out(self, buttons: list[QToolButton]) -> None:
        """The title on a line of its own, one line high in every pane (so headers line up side by side); the
        details and the pane's controls below it."""
        row = QHBoxLayout()
        row.addWidget(self.details_label, 1)
        row.addSpacing(6)  # a gap before the buttons: the details never run into ✎
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addLayout(row)
        notice = QHBoxLayout()
        notice.addWidget(self.notice_label, 1)
        notice.addWidget(self.retry_button)
        layout.addLayout(notice)
        self.notice_label.hide()
        self.retry_button.hide()

    def show_document(self, info: DocumentInfo, criticism: SourceCriticism | None) -> None:
        self.title_label.setText(info.title)
        self.title_label.setToolTip(f"{info.title}\n{info.file_name}, version {info.version_number}")
        meta = info.metadata
        parts = [meta.author, said(meta.date_published), meta.kind if meta.kind != "unknown" else ""]
        if not any(parts):  # nothing says which source it is but its file (as Parallels and the Timeline name it)
            parts = [info.file_name]
        if criticism is not None and criticism.reliability:
            parts.append(f"reliability {criticism.reliability}/5")
        self.details_label.setText(" · ".join(p for p in parts if p))
        self.details_label.setToolTip(self.details_label.text())
        self.notice_label.setText(f"⚠ Entities: {info.recognition_error}" if info.recognition_error else "")
        self.notice_label.setVisible(bool(info.recognition_error))
        self.retry_button.setVisible(bool(info.recognition_error))

    def _on_boilerplate_toggled(self, hidden: bool) -> None:
        self.boilerplate_button.setToolTip("Boilerplate (adverts, footers) is hidden: click to dim it instead"
                                           if hidden else "Boilerplate (adverts, footers) is dimmed: click to hide it")
        self.boilerplate_hidden_changed.emit(hidden)


class ElidedLabel(QLabel):
    """One line of plain text, cut with '…' to the width it is given (the whole text in `text()` and the tooltip)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        return QSize(20, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
