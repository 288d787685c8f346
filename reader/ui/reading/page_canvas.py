"""One page image with what is marked on its text drawn over the words' boxes, and selection by rubber band.

Marks are found per box with two bisects (boxes are in text order and do not overlap), so a page with 200
highlights costs a few hundred rectangle fills on top of the cached image.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QRubberBand, QWidget

from reader.core.records.pages import PageInfo, WordBox
from reader.ui.colors import UNCERTAIN_COLOR

CLICK_SLACK = 4  # pixels a press may move and still be a click on a word
WIDTH_STEP = 64  # render widths are rounded up to this, so resizing by a few pixels reuses the cached image


@dataclass(frozen=True)
class PageMark:
    """A range of the text to draw on the page: filled (highlights, notes, mentions) or underlined dotted (OCR words
    to check); `doubtful`, a place only proposed or a name recognition is unsure of, underlined in red dashes as
    well (on the page it looked as sure as any: audit DO 9)."""

    start: int
    end: int
    color: QColor
    underline: bool = False
    doubtful: bool = False


class PageCanvas(QWidget):
    """Draws the page fitted to the widget (the page panel sizes the widget to the zoom); emits `selected(start, end)`
    for the words a rubber band covers."""

    selected = Signal(int, int)
    narrowed = Signal()  # a band over words of two columns (or more): only those of the one it began in selected
    clicked = Signal(int)  # the offset of the word clicked (a click, not a drag)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(QSize(120, 160))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the pane's shortcuts (H, N, Ctrl+Shift+C) work from the page
        self.page: PageInfo | None = None
        self.image: QImage | None = None
        self.render_page = None  # (index, width in pixels) -> QImage, or None when it cannot be drawn; set by the panel
        self._boxes: list[WordBox] = []
        self._text = ""
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.marks: list[PageMark] = []
        self.selection: tuple[int, int] | None = None
        self._band = QRubberBand(QRubberBand.Shape.Rectangle, self)
        self._origin: QPoint | None = None

    def set_page(self, page: PageInfo | None, boxes: Sequence[WordBox], text: str = "") -> None:
        """The page, its words' boxes and the text they index (whose characters' widths place a mark inside a
        word)."""
        self.page, self.image, self._text = page, None, text
        self._boxes = list(boxes)
        self._starts = [box.start for box in self._boxes]
        self._ends = [box.end for box in self._boxes]
        self.update()

    def set_marks(self, marks: list[PageMark], selection: tuple[int, int] | None = None) -> None:
        self.marks, self.selection = marks, selection
        self.update()

    def page_rect(self) -> QRectF:
        """Where the page stands in the widget: as large as fits, centred."""
        if self.page is None or self.page.width <= 0 or self.page.height <= 0:
            return QRectF()
        scale = min(self.width() / self.page.width, self.height() / self.page.height)
        width, height = self.page.width * scale, self.page.height * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def render_width(self, page: PageInfo) -> int:
        """The width in device pixels `page` is drawn at in this widget, rounded up to the render step."""
        if page.width <= 0 or page.height <= 0:
            return 0
        scale = min(self.width() / page.width, self.height() / page.height)
        pixels = int(page.width * scale * self.devicePixelRatioF())
        return -(-pixels // WIDTH_STEP) * WIDTH_STEP

    def box_rect(self, box: WordBox, target: QRectF) -> QRectF:
        scale = target.width() / self.page.width
        return QRectF(target.left() + box.x0 * scale, target.top() + box.y0 * scale,
                      (box.x1 - box.x0) * scale, (box.y1 - box.y0) * scale)

    def boxes_in(self, start: int, end: int) -> list[WordBox]:
        """The boxes of the words overlapping [start, end)."""
        return self._boxes[bisect_right(self._ends, start):bisect_left(self._starts, end)]

    def line_rects(self, start: int, end: int, target: QRectF) -> list[QRectF]:
        """The boxes of a passage's words joined along each line, so a highlight covers the spaces between its words
        as it does in the text."""
        rects: list[QRectF] = []
        for box in self.boxes_in(start, end):
            rect = self._part(self.box_rect(box, target), box, start, end)
            last = rects[-1] if rects else None
            if last is not None and rect.left() >= last.left() and abs(rect.center().y() - last.center().y()) < \
                    min(rect.height(), last.height()) / 2:
                rects[-1] = last.united(rect)
            else:
                rects.append(rect)
        return rects

    def _part(self, rect: QRectF, box: WordBox, start: int, end: int) -> QRectF:
        """The part of a word's box a passage covers when it starts or ends inside the word (a highlight that leaves
        out the full stop boxed with the word), by its characters' widths in a proportional font: a stop is a third
        of a letter, and by the count of characters the last letter was left half out."""
        if start <= box.start and end >= box.end:
            return rect
        metrics, word = self.fontMetrics(), self._text[box.start:box.end]
        widths = [metrics.horizontalAdvance(char) for char in word] if len(word) == box.end - box.start else \
            [1] * (box.end - box.start)  # no text given: each character alike
        whole = sum(widths) or 1
        left = rect.left() + rect.width() * sum(widths[:max(0, start - box.start)]) / whole
        right = rect.left() + rect.width() * sum(widths[:min(end, box.end) - box.start]) / whole
        return QRectF(left, rect.top(), max(1.0, right - left), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().dark())
        target = self.page_rect()
        if target.isEmpty() or self.render_page is None:
            return
        if self.image is None:
            self.image = self.render_page(self.page.index, self.render_width(self.page))
        if self.image is None:
            return  # no page: no marks floating over nothing
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self.image)
        self._paint_marks(painter, target)

    def _paint_marks(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for mark in self.marks:
            if mark.underline:
                continue
            for rect in self.line_rects(mark.start, mark.end, target):
                painter.fillRect(rect, mark.color)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for mark in (m for m in self.marks if m.underline or m.doubtful):
            painter.setPen(QPen(mark.color, 1.5, Qt.PenStyle.DotLine) if mark.underline
                           else QPen(QColor(UNCERTAIN_COLOR), 2, Qt.PenStyle.DashLine))
            for box in self.boxes_in(mark.start, mark.end):
                rect = self.box_rect(box, target)
                painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if self.selection is not None:
            selection = self.palette().highlight().color()
            selection.setAlpha(90)
            for rect in self.line_rects(*self.selection, target):
                painter.fillRect(rect, selection)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.image = None  # fetched again at the new width (from the cache when the width step is the same)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = event.position().toPoint()
            self._band.setGeometry(QRect(self._origin, QSize()))
            self._band.show()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._origin is not None:
            self._band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._origin is None:
            return
        origin = QPointF(self._origin)
        band = QRectF(QRect(self._origin, event.position().toPoint()).normalized())
        self._origin = None
        self._band.hide()
        target = self.page_rect()
        if band.width() < CLICK_SLACK and band.height() < CLICK_SLACK:
            word = next((box for box in self._boxes if self.box_rect(box, target).contains(band.center())), None)
            if word is not None:
                self.clicked.emit(word.start)
            return
        covered = [n for n, box in enumerate(self._boxes) if self.box_rect(box, target).intersects(band)]
        if not covered:
            return
        columns = _columns([[self._boxes[n] for n in run] for run in _runs(covered)])
        begun = min(columns, key=lambda column: min(abs(self.box_rect(box, target).center().x() - origin.x())
                                                    for box in column))
        self.selected.emit(min(box.start for box in begun), max(box.end for box in begun))
        if len(columns) > 1:  # across columns: the text between their words (a whole column) had been selected
            self.narrowed.emit()  # (audit DO 7)




def _columns(runs: list[list[WordBox]]) -> list[list[WordBox]]:
    """Runs of words (each a stretch of the text) gathered into the columns they stand in: runs side by side, apart
    across the page, are two columns; runs one above the other (the same lines' middles) are one."""
    columns: list[tuple[float, float, list[WordBox]]] = []
    for run in runs:
        left, right = min(box.x0 for box in run), max(box.x1 for box in run)
        found = next((n for n, (x0, x1, _) in enumerate(columns) if left < x1 and x0 < right), None)
        if found is None:
            columns.append((left, right, list(run)))
        else:
            x0, x1, words = columns[found]
            columns[found] = (min(x0, left), max(x1, right), words + run)
    return [words for _x0, _x1, words in columns]


def _runs(indexes: list[int]) -> list[list[int]]:
    """Sorted indexes parted where one is skipped: the words a band covers, by the stretch of text each run is."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs
