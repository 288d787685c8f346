"""Help > Keyboard shortcuts: every action that has a shortcut, read from the live widgets, and the keys of the parts
built on demand (a document pane, Parallels, Doubtful mentions) from the tables their actions are made of: the list
never lies, and shows the reading keys before a text is open."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def collect_shortcuts(root: QWidget) -> list[tuple[str, str]]:
    """(keys, what it does) for every QAction under `root` with a shortcut, and the keys of a document pane, of
    Parallels and of Doubtful mentions whether or not they are built yet (a first start has none of them), without
    duplicates, sorted by name."""
    from reader.ui.compare.parallels_panel import TABLE_KEYS
    from reader.ui.entities.doubtful_list import LIST_KEYS
    from reader.ui.reading.pane import PANE_KEYS

    found: dict[tuple[str, str], None] = {}
    listed = [(action.text(), action.shortcuts()) for action in root.findChildren(QAction)]
    listed += [(text, [QKeySequence(key) for key in keys])
               for table in (PANE_KEYS, TABLE_KEYS, LIST_KEYS) for text, keys in table.values()]
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
