"""The page view of a pane: the page image of the reading position, with a line naming the page and arrows to turn
it, or the one line saying why no image can be shown (the source file moved away, a password). The page is fitted
whole, or to the pane's width and larger (a scan's small print), scrolled then."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from reader.core.records.documents import Span
from reader.core.records.pages import PageInfo, WordBox, page_index_at
from reader.ui.reading.page_canvas import PageCanvas, PageMark
from reader.ui.reading.page_render import PageRenderer, PageUnavailable

PREFETCH_DELAY_MS = 150
PAGES_AT_MOST = 1 << 20  # a turn this far reaches the first or the last page, however many there are
ZOOMS = {"Fit page": 0.0, "Fit width": 1.0, "150%": 1.5, "200%": 2.0, "300%": 3.0}  # times the pane's width
ORIGINS = {"ocr": " · read by OCR", "unread": " · not read: no text layer, and no OCR engine was available"}


class _Viewport(QScrollArea):
    """The scroll area round the page; says when its size changes, so the page is fitted again, turns Ctrl+wheel
    into a step of zoom, and reading keys into turns of the page past its edge (as PDF readers do: in Page mode no
    key turned it, audit DO 4)."""

    def __init__(self, refit: Callable[[], None], zoom_step: Callable[[int], None], turn: Callable[[int, bool], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._refit, self._zoom_step, self._turn = refit, zoom_step, turn
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self._turn_for(event)
        if step is None:
            super().keyPressEvent(event)
            return
        self._turn(step, event.key() == Qt.Key.Key_PageUp)  # the page before at its foot, read back from there
        event.accept()

    def _turn_for(self, event: QKeyEvent) -> int | None:
        """The pages a key turns (a large step: to the first or last), or None to scroll the page as keys do."""
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        down, across = self.verticalScrollBar(), self.horizontalScrollBar()
        if ctrl and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            return -PAGES_AT_MOST if key == Qt.Key.Key_Home else PAGES_AT_MOST
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space) and down.value() == down.maximum():
            return 1
        if key == Qt.Key.Key_PageUp and down.value() == down.minimum():
            return -1
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and across.maximum() == 0:
            return 1 if key == Qt.Key.Key_Right else -1
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.angleDelta().y():
            self._zoom_step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def sizeHint(self) -> QSize:
        """Not the page's present size: the pane shares its width out as it did before the page was zoomed."""
        return self.widget().minimumSize() if self.widget() is not None else super().sizeHint()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit()


class PagePanel(QWidget):
    """Shows one page at a time of a document's current version; emits `selected(start, end)` from the canvas."""

    selected = Signal(int, int)
    narrowed = Signal()  # the band crossed columns: the words of the one it began in selected
    clicked = Signal(int)
    page_changed = Signal(int)
    turned = Signal(int)  # by the reader, with the arrows (not by following the text)
    unavailable = Signal()  # a page could not be drawn: its file is gone (or changed) since the pages were loaded

    def __init__(self, boxes_of: Callable[[int], list[WordBox]], parent: QWidget | None = None):
        super().__init__(parent)
        self._boxes_of = boxes_of
        self._text = ""
        self.pages: list[PageInfo] = []
        self.index = -1
        self.renderer = PageRenderer("")
        self.page_label = QLabel(self)
        self.notice = QLabel(self, wordWrap=True)
        self.previous_button = QToolButton(self, text="◀", toolTip="Previous page", autoRaise=True)
        self.next_button = QToolButton(self, text="▶", toolTip="Next page", autoRaise=True)
        self.previous_button.clicked.connect(lambda: self._turn(-1))
        self.next_button.clicked.connect(lambda: self._turn(1))
        self.zoom_box = QComboBox(self, toolTip="Fit the whole page, or the pane's width and larger")
        self.zoom_box.addItems(list(ZOOMS))
        self.zoom_box.currentTextChanged.connect(lambda _zoom: self._fit())
        self.canvas = PageCanvas(self)
        self.canvas.render_page = self._render
        self.canvas.selected.connect(self.selected)
        self.canvas.narrowed.connect(self.narrowed)
        self.canvas.clicked.connect(self.clicked)
        self.scroll = _Viewport(self._fit, self._zoom_step, self._turn, self)
        self.scroll.setWidget(self.canvas)
        self._lay_out()

    def _lay_out(self) -> None:
        self.tab_stops: list[QWidget] = [self.previous_button, self.zoom_box, self.next_button, self.scroll]  # as
        # they stand: Tab went through them as made, after the text (audit DE 5)
        row = QHBoxLayout()
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.previous_button)
        row.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.zoom_box)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.scroll, 1)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)  # where the page would be
        self.notice.setContentsMargins(6, 6, 6, 6)
        self.notice.hide()

    def _zoom_step(self, step: int) -> None:
        """One zoom larger (step 1) or smaller (-1), from fitting the page to 300 % of the width."""
        box = self.zoom_box
        box.setCurrentIndex(min(max(box.currentIndex() + step, 0), box.count() - 1))

    def _fit(self) -> None:
        """Size the page to the chosen zoom: the whole viewport, or its width times the zoom (as tall as the page's
        shape makes it, scrolled)."""
        viewport = self.scroll.viewport().size()
        factor = ZOOMS.get(self.zoom_box.currentText(), 0.0)
        page = self.pages[self.index] if 0 <= self.index < len(self.pages) else None
        if not factor or page is None or page.width <= 0:
            self.canvas.resize(viewport)
            return
        width = max(self.canvas.minimumWidth(), int(viewport.width() * factor))
        self.canvas.resize(width, round(width * page.height / page.width))

    def load(self, pages: list[PageInfo], source_path: str, problem: str = "", text: str = "") -> None:
        """A (new) version's pages, the file to draw them from and the version's text (whose words the boxes hold);
        says in one line when they cannot be drawn (the `problem` the core found, or the file gone since)."""
        self.renderer.close()
        self.renderer = PageRenderer(source_path)
        self.pages, self.index, self._text = pages, -1, text
        try:
            self.renderer.check()
            self._set_notice(problem)
        except PageUnavailable as exc:
            self._set_notice(str(exc))
        self.show_page(0)

    def show_offset(self, offset: int) -> None:
        """Turn to the page holding `offset` of the text (the reading position), and, the page zoomed past the
        viewport, scroll to its word: a passage opened low on the page stayed out of sight (audit DO 10)."""
        index = page_index_at(self.pages, offset)
        if index is None:
            return
        self.show_page(index)
        boxes = self.canvas.boxes_in(offset, offset + 1)
        if boxes and self.scroll.verticalScrollBar().maximum() > 0:
            place = self.canvas.box_rect(boxes[0], self.canvas.page_rect()).center()
            self.scroll.ensureVisible(round(place.x()), round(place.y()), 0, self.scroll.viewport().height() // 3)

    def show_page(self, index: int) -> None:
        if not self.pages or index == self.index or not 0 <= index < len(self.pages):
            return
        self.index = index
        page = self.pages[index]
        self.page_label.setText(f"Page {page.label} ({index + 1} of {len(self.pages)})"
                                + ORIGINS.get(page.origin, ""))
        self.page_label.setToolTip(self.page_label.text())  # whole where a narrow pane cuts it (audit DO 12)
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self.canvas.set_page(page, self._boxes_of(index), self._text)
        self._fit()  # pages of one file may differ in shape
        self.scroll.verticalScrollBar().setValue(0)
        self.page_changed.emit(index)
        QTimer.singleShot(PREFETCH_DELAY_MS, self, lambda: self._prefetch(index + 1))

    def _prefetch(self, index: int) -> None:
        """Render the next page into the cache while the reader looks at this one, so turning to it is instant."""
        if index != self.index + 1 or index >= len(self.pages) or self.notice.isVisible():
            return
        width = self.canvas.render_width(self.pages[index])
        if width:
            self._render(index, width)

    def _turn(self, step: int, at_foot: bool = False) -> None:
        """Turn `step` pages on (or back), the page shown at its top, or at its foot (`at_foot`: PageUp reads back
        from there; at its top, PageUp on a zoomed page skipped most of each page, audit DP F4)."""
        before = self.index
        self.show_page(min(max(self.index + step, 0), len(self.pages) - 1))
        if self.index != before:
            if at_foot:
                self.scroll.verticalScrollBar().setValue(self.scroll.verticalScrollBar().maximum())
            self.turned.emit(self.index)

    def zoom_step(self, step: int) -> None:
        """The pane's Zoom in (1), out (-1) or Actual size (0: the whole page) acting on the page, shown alone."""
        if step:
            self._zoom_step(step)
        else:
            self.zoom_box.setCurrentIndex(0)

    def set_marks(self, marks: list[PageMark], selection: tuple[int, int] | None = None) -> None:
        self.canvas.set_marks(marks, selection)

    def close_source(self) -> None:
        self.renderer.close()

    def _render(self, index: int, width: int) -> QImage | None:
        """The page image, or None with the reason shown in its place when it cannot be drawn."""
        try:
            return self.renderer.render(index, width)
        except PageUnavailable as exc:
            self._set_notice(str(exc))
            self.unavailable.emit()
            return None

    def _set_notice(self, message: str) -> None:
        """One line in place of the page: a blank page under it, with highlights and OCR marks drawn over words
        that are not there, looked like a page gone wrong."""
        self.notice.setText(f"⚠ {message}" if message else "")
        self.notice.setVisible(bool(message))
        self.scroll.setVisible(not message)


def page_marks(spans: list[Span], color_for: Callable[[Span], QColor | None], page: PageInfo) -> list[PageMark]:
    """What to draw on one page: the spans on it that the legend shows, in their colours."""
    marks = []
    for span in spans:
        if span.end > page.start and span.start < page.end:
            color = color_for(span)
            if color is not None:
                marks.append(PageMark(span.start, span.end, color, span.kind == "uncertain", span.doubtful))
    return marks
