"""Help > Keyboard shortcuts: every action that has a shortcut, read from the live widgets, and a document pane's keys
from the table its actions are made of (PANE_KEYS): the list never lies, and shows the reading keys before a text is
open."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def collect_shortcuts(root: QWidget) -> list[tuple[str, str]]:
    """(keys, what it does) for every QAction under `root` with a shortcut, and a document pane's keys whether or not
    one is open (a first start has none, and they are the reading keys), without duplicates, sorted by name."""
    from reader.ui.reading.pane import PANE_KEYS

    found: dict[tuple[str, str], None] = {}
    listed = [(action.text(), action.shortcuts()) for action in root.findChildren(QAction)]
    listed += [(text, [QKeySequence(key) for key in keys]) for text, keys in PANE_KEYS.values()]
    for text, shortcuts in listed:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts)
        if keys:
            found[(keys, text.replace("&", "").rstrip("…").strip())] = None
    return sorted(found, key=lambda pair: pair[1].casefold())


class ShortcutsDialog(QDialog):
    """A two-column table of shortcuts."""

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(shortcuts), 2, self)
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        for row, (keys, description) in enumerate(shortcuts):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(description))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 420)
