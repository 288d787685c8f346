"""Lazy painting: formats are applied only to blocks that come into view, from an index of spans per position.

A 3 MB text with 40,000 ranges opens as fast as the plain text because nothing is formatted until it is seen; each
newly visible block costs a bisect and one QTextLayout.setFormats call.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from reader.core.records.documents import Span
from reader.ui.offsets import Utf16Map

OVERLAP_DEEPER = 25  # percent darker for each highlight more over the same words


@dataclass(frozen=True)
class QtSpan:
    """A span in UTF-16 positions of the document, with the core span it came from."""

    start: int
    end: int
    span: Span


class SpanIndex:
    """Spans sorted by start (UTF-16), answering 'which spans touch [start, end)' with a bisect."""

    def __init__(self, spans: list[Span], offsets: Utf16Map):
        converted = [QtSpan(offsets.to_utf16(s.start), offsets.to_utf16(s.end), s) for s in spans if s.end > s.start]
        self._spans = sorted(converted, key=lambda q: (q.start, q.end))
        self._starts = [q.start for q in self._spans]
        self._longest = max((q.end - q.start for q in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def overlapping(self, start: int, end: int) -> list[QtSpan]:
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [q for q in self._spans[low:high] if q.end > start]

    def at(self, position: int) -> list[QtSpan]:
        """Spans containing the character at `position`, innermost (shortest) first."""
        return sorted(self.overlapping(position, position + 1), key=lambda q: q.end - q.start)

    def starts(self) -> list[int]:
        return self._starts


FormatFor = Callable[[Span], QTextCharFormat | None]


class LazyFormatter:
    """Applies formats to the visible blocks of a QPlainTextEdit, each block once until invalidated."""

    def __init__(self, view: QPlainTextEdit, format_for: FormatFor):
        self._view = view
        self._format_for = format_for
        self._index = SpanIndex([], Utf16Map(""))
        self._done: set[int] = set()
        self.blocks_formatted = 0
        view.updateRequest.connect(self._on_view_update_requested)

    def set_index(self, index: SpanIndex, format_for: FormatFor) -> None:
        self._index = index
        self._format_for = format_for
        self.invalidate()

    def invalidate(self) -> None:
        """Forget what was painted (legend toggled, spans changed): visible blocks are formatted again now."""
        for number in self._done:
            block = self._view.document().findBlockByNumber(number)
            if block.isValid():
                block.layout().clearFormats()
        self._done.clear()
        self.format_visible()
        self._view.viewport().update()

    def format_visible(self) -> None:
        block = self._view.firstVisibleBlock()
        bottom = self._view.viewport().height()
        offset = self._view.contentOffset()
        while block.isValid() and self._view.blockBoundingGeometry(block).translated(offset).top() <= bottom:
            if block.isVisible() and block.blockNumber() not in self._done:
                self._format_block(block)
            block = block.next()

    def _format_block(self, block: QTextBlock) -> None:
        self._done.add(block.blockNumber())
        start, length = block.position(), block.length()
        ranges, shaded = [], []
        for qt_span in self._index.overlapping(start, start + length):
            fmt = self._format_for(qt_span.span)
            if fmt is None:
                continue
            ranges.append(_format_range(max(qt_span.start, start) - start, min(qt_span.end, start + length) - start,
                                        fmt))
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                shaded.append(ranges[-1])
        ranges += _overlaps_deeper(shaded)
        if ranges:
            block.layout().setFormats(ranges)
            self.blocks_formatted += 1

    def _on_view_update_requested(self, *_args) -> None:
        self.format_visible()


def _overlaps_deeper(shaded: list[QTextLayout.FormatRange]) -> list[QTextLayout.FormatRange]:
    """Where two or more shaded ranges (highlights, notes) overlap, the shade of the last of them made deeper: two
    highlights of one colour that overlap had read as one, neither's ends to be seen."""
    bounds = sorted({edge for r in shaded for edge in (r.start, r.start + r.length)})
    deeper = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = [r for r in shaded if r.start <= left and right <= r.start + r.length]
        if len(covering) > 1:
            fmt = QTextCharFormat(covering[-1].format)
            fmt.setBackground(fmt.background().color().darker(100 + OVERLAP_DEEPER * (len(covering) - 1)))
            deeper.append(_format_range(left, right, fmt))
    return deeper


def _format_range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start = start
    format_range.length = end - start
    format_range.format = fmt
    return format_range
