"""A heading wrapped to two lines that never shows less than both, nor a third: a wrapped QLabel asks a layout or a
splitter for one line's height, and a short dock drew it cut through its letters (audits DA F8, DI 8)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappedElidedLabel(QLabel):
    """Plain text wrapped to two lines of the width given, the second cut with '…' where the text goes on (the whole
    text in `text()` and the tooltip): a heading cut below its second line lost its end unseen (audit DA F8)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        metrics = self.fontMetrics()  # two lines to the foot of the second, never squeezed to one and a half by a
        self.setFixedHeight(metrics.lineSpacing() + metrics.height())  # short dock, nor showing the top of a third

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """The text, and the whole of it in the tooltip, where a cut one is read (a heading set without it lost its
        end unseen: audit DJ 6)."""
        super().setText(text)
        self.setToolTip(text)

    def shown(self) -> str:
        """The text as it fits: whole, or its longest beginning that fits with '…' after it."""
        text = self.text()
        if self._fits(text):
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if self._fits(text[:middle].rstrip() + "…") else (low, middle - 1)
        return text[:low].rstrip() + "…"

    def _fits(self, text: str) -> bool:
        """Whether the text wrapped fits the label: its lines, and its width (a word longer than a line, a URL, is
        not broken, and ran past the edge unseen: audit DE 6)."""
        bounds = QRect(0, 0, max(self.width(), 1), 1 << 20)
        needs = self.fontMetrics().boundingRect(bounds, int(Qt.TextFlag.TextWordWrap), text)
        return needs.height() <= self.height() and needs.width() <= self.width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                          | Qt.TextFlag.TextWordWrap), self.shown())
