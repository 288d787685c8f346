"""A thin strip beside the text marking where highlights and notes are; clicking it jumps there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from reader.core.records.documents import Span
from reader.ui.colors import HIGHLIGHT_TINTS

STRIP_WIDTH = 10


class OverviewStrip(QWidget):
    """Marks at each annotation's relative position in the whole text; emits `position_clicked(fraction)`."""

    position_clicked = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedWidth(STRIP_WIDTH)
        self.setToolTip("Where the highlights and notes are (click to jump)")
        self.marks: list[tuple[float, str]] = []

    def set_marks(self, spans: list[Span], text_length: int) -> None:
        length = max(1, text_length)
        self.marks = [(span.start / length, span.label) for span in spans if span.kind in ("highlight", "note")]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().alternateBase())
        for fraction, color in self.marks:
            y = fraction * (self.height() - 3)
            painter.fillRect(QRectF(1, y, self.width() - 2, 3), QColor(HIGHLIGHT_TINTS.get(color, "#f2d024")))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.position_clicked.emit(max(0.0, min(1.0, event.position().y() / max(1, self.height()))))
