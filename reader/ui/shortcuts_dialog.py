"""Help > Keyboard shortcuts: every action that has a shortcut, read from the live widgets, and the keys of the parts
built on demand (a document pane, Parallels, Doubtful mentions, Comparisons' suggestions) from the tables their
actions are made of: the list never lies, and shows the reading keys before a text is open. Each row says where its
keys work: L links in three places, each its own way."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from reader.ui.keyed_actions import ANYWHERE, KeyTable, where

COLUMNS = ("Keys", "Action", "Where")
ENTER_OPENS = tuple(KeyTable(place, {"open": (what, ("Return",))}) for place, what in (  # Qt's activation of a row, as
    ("Library", "Open the document"), ("Search results", "Open the hit"),  # a double-click: the lists answer it
    ("Comparisons", "Open both passages"), ("A note's links", "Go to the linked passage"),  # with the same step
    ("Needs review", "Show the note to review"), ("Notebook", "Go to the cited passage")))


def collect_shortcuts(root: QWidget) -> list[tuple[str, str, str]]:
    """(keys, what it does, where) for every QAction under `root` with a shortcut, and for the keys of the parts built
    on demand whether or not they are built yet (a first start has none of them), without duplicates: the window-wide
    ones first, then by place and name."""
    from reader.ui.annotations.comparisons import PAIR_KEYS, SUGGESTION_KEYS
    from reader.ui.annotations.note_editor import NOTE_KEYS
    from reader.ui.compare.parallels_panel import TABLE_KEYS
    from reader.ui.compare.timeline_view import TIMELINE_KEYS
    from reader.ui.entities.doubtful_list import LIST_KEYS
    from reader.ui.reading.pane import PANE_KEYS
    from reader.ui.reading.sidebar import STRIP_KEYS
    from reader.ui.search.search_panel import SAVED_KEYS

    found: dict[tuple[str, str, str], None] = {}
    listed = [(action.text(), action.shortcuts(), where(action)) for action in root.findChildren(QAction)]
    tables = (PANE_KEYS, STRIP_KEYS, TABLE_KEYS, LIST_KEYS, SUGGESTION_KEYS, PAIR_KEYS, SAVED_KEYS, NOTE_KEYS,
              TIMELINE_KEYS, *ENTER_OPENS)
    listed += [(text, [QKeySequence(key) for key in keys], table.place)
               for table in tables for text, keys in table.actions.values()]
    for text, shortcuts, place in listed:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        if keys:
            found[(keys, text.replace("&", "").rstrip("…").strip(), place)] = None
    return sorted(found, key=lambda row: (row[2] != ANYWHERE, row[2].casefold(), row[1].casefold()))


class ShortcutsDialog(QDialog):
    """A table of shortcuts: keys, action, where."""

    def __init__(self, shortcuts: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(shortcuts), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        for row, cells in enumerate(shortcuts):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
                self.table.item(row, column).setToolTip(text)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        wide = self.table.horizontalHeader().length() + self.table.verticalScrollBar().sizeHint().width() + 40
        self.resize(max(620, wide), 480)  # each "Where" read whole (a place named at length was cut at the edge)
