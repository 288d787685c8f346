"""How much text a table cell shows: Qt cuts a longer text at its end, which would hide the date a long sentence was
cut around (PassageRef.excerpt_line), so the cut is made to fit the cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from reader.ui.coalesce import coalesced

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView, QTableWidget

WORD_WRAP_WASTE = 0.8  # lines break at words: part of each stays empty
READ_MIN = 160  # pixels: the narrowest a column read (a quote, a passage) is made when a table narrows


def chars_fitting(table: QTableWidget, column: int) -> int:
    """About how many characters a cell of the column shows on the lines of one row."""
    metrics = table.fontMetrics()
    lines = max(1, table.verticalHeader().defaultSectionSize() // max(metrics.lineSpacing(), 1))
    per_line = table.columnWidth(column) / max(metrics.averageCharWidth(), 1)
    return max(24, int(lines * per_line * WORD_WRAP_WASTE))


def refit_on_resize(table: QTableWidget, refill: Callable[[], None]) -> None:
    """Cut the texts again when a column is resized (a wider one shows more of each sentence), once per burst."""
    table.horizontalHeader().sectionResized.connect(coalesced(refill, table))


def cut_sentences(table: QTableWidget, suggestions: Sequence, columns: tuple[int, int]) -> None:
    """Each row's two tying sentences (this source's, then the other's, in `columns`) cut to what their cells show;
    the rows' cells must exist."""
    widths = [chars_fitting(table, column) for column in columns]
    for row, suggestion in enumerate(suggestions):
        for column, width, side in zip(columns, widths, (suggestion.source, suggestion.other), strict=True):
            table.item(row, column).setText(side.excerpt_line(width))


class SpareWidth(QObject):
    """Gives the width a table gains beyond its columns to the columns read (the quotes, the passages), shared
    equally; the columns stay the reader's to drag. A last column stretched instead took a wide window's room for a
    column mostly empty, and cut the passages short."""

    def __init__(self, table: QTableView, columns: tuple[int, ...]):
        super().__init__(table)
        self._header, self._columns = table.horizontalHeader(), columns
        self._header.setStretchLastSection(False)
        # the header is as wide as the rows' view: it narrows as a vertical scroll bar comes, not as a sideways one
        self._header.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            self.share()
        return False

    def share(self) -> None:
        """Widen the read columns by the width to spare, or narrow them (to READ_MIN at least) by what they
        overrun: a narrower window had kept them wide, behind a sideways scroll bar."""
        each = (self._header.width() - self._header.length()) // len(self._columns)
        for column in self._columns:
            self._header.resizeSection(column, max(READ_MIN, self._header.sectionSize(column) + each))
