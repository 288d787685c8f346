"""How much text a table cell shows: Qt cuts a longer text at its end, which would hide the date a long sentence was
cut around (PassageRef.excerpt_line), so the cut is made to fit the cell."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTableWidget

from reader.ui.coalesce import coalesced

WORD_WRAP_WASTE = 0.8  # lines break at words: part of each stays empty


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
