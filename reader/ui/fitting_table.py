"""A table for a narrow dock: its first column (a title, a name) keeps a readable width, and the other columns are
shown, in the order they matter, only while there is room for them beside it (each row's tooltip says them all).
Squeezed into a dock, a table cut its first column to a word and hid the rest behind a sideways scroll bar."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from reader.ui.focus_frame import frame_focus

MEASURED_ROWS = 200  # rows a column is sized by (those in view first): measured over a thousand documents, every
# change to a note froze the window for half a second, for columns of counts, dates and kinds that vary little


class FittingTable(QTableView):
    """`optional`: the columns shown beside the first as the width allows, the most wanted first; `first_chars`:
    about how many characters the first column keeps before another column is shown."""

    def __init__(self, optional: tuple[int, ...], first_chars: int, parent: QWidget | None = None):
        super().__init__(parent, tabKeyNavigation=False)  # Tab leaves the table: rows are chosen whole
        self._optional, self._first_chars = optional, first_chars
        self._headings: dict[int, int] = {}  # each optional column's heading width, read while it was shown
        self._needed: dict[int, int] = {}  # each optional column's width for the rows listed (rows_changed resets)
        frame_focus(self)

    def setModel(self, model) -> None:
        super().setModel(model)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)  # sizeHintForColumn reads no more

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def rows_changed(self) -> None:
        """The rows were listed anew: measure the columns again (when shown; the first showing's resize will)."""
        self._needed.clear()
        if self.isVisible():
            self.fit_columns()

    def rows_updated(self, rows: list[int]) -> None:
        """These rows changed in place (a note added: one count): a column widens if one of them needs it, measured
        by those rows alone (measured again over the rows in view and 200 more, each note on a thousand documents
        held the window a twentieth of a second). A column does not narrow until the rows are listed anew."""
        if not self.isVisible():
            self._needed.clear()  # measured in full when shown
            return
        grid = 1 if self.showGrid() else 0  # as sizeHintForColumn counts it
        for column, needed in list(self._needed.items()):
            cells = (self.sizeHintForIndex(self.model().index(row, column)).width() + grid for row in rows)
            self._needed[column] = max(needed, *cells)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show the optional columns that fit, each as wide as its contents."""
        header = self.horizontalHeader()
        # the header is as wide as the rows' view (asked of the view itself, PySide would first set up the scroll
        # area's methods: some ten milliseconds the window's start does not need)
        room = header.width() - self.fontMetrics().averageCharWidth() * self._first_chars
        for column in self._optional:
            needed = self._needed.get(column) or self._measure(column)
            self.setColumnHidden(column, needed > room)
            if needed <= room:
                header.resizeSection(column, needed)
                room -= needed

    def _measure(self, column: int) -> int:
        # a hidden section's hint is 0: its heading's width is read once, while all are shown (at the start)
        heading = self._headings.setdefault(column, self.horizontalHeader().sectionSizeHint(column))
        self._needed[column] = max(self.sizeHintForColumn(column), heading)
        return self._needed[column]
