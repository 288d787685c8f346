"""A table for a narrow dock: its first column (a title, a name) keeps a readable width, and the other columns are
shown, in the order they matter, only while there is room for them beside it (each row's tooltip says them all).
Squeezed into a dock, a table cut its first column to a word and hid the rest behind a sideways scroll bar."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


class FittingTable(QTableView):
    """`optional`: the columns shown beside the first as the width allows, the most wanted first; `first_chars`:
    about how many characters the first column keeps before another column is shown."""

    def __init__(self, optional: tuple[int, ...], first_chars: int, parent: QWidget | None = None):
        super().__init__(parent, tabKeyNavigation=False)  # Tab leaves the table: rows are chosen whole
        self._optional, self._first_chars = optional, first_chars
        self._headings: dict[int, int] = {}  # each optional column's heading width, read while it was shown

    def setModel(self, model) -> None:
        super().setModel(model)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show the optional columns that fit, each as wide as its contents; call again when the rows change."""
        header = self.horizontalHeader()
        room = self.viewport().width() - self.fontMetrics().averageCharWidth() * self._first_chars
        for column in self._optional:
            # a hidden section's hint is 0: its heading's width is read once, while all are shown (at the start)
            heading = self._headings.setdefault(column, header.sectionSizeHint(column))
            needed = max(self.sizeHintForColumn(column), heading)
            self.setColumnHidden(column, needed > room)
            if needed <= room:
                header.resizeSection(column, needed)
                room -= needed
