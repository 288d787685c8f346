"""The Trash: deleted annotations, links and notes, newest first; Restore brings the selected one back (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.trash import TrashService
from reader.core.wording import local_time
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner


class TrashDialog(QDialog):
    """Lists the Trash and restores from it, each restore one undoable operation."""

    def __init__(self, trash: TrashService, ops: OpRunner, events: AnnotationEvents,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Trash")
        self.resize(760, 420)  # each entry's quote, document, note and time on one line, not cut at 250 pixels
        self._trash, self._ops, self._events = trash, ops, events
        self.item_list = QListWidget(self, alternatingRowColors=True, wordWrap=True)
        self.empty_label = QLabel("The Trash is empty.", self)
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.item_list.currentRowChanged.connect(self._on_current_row_changed)
        for signal in (events.annotations_changed, events.links_changed, events.notebook_changed):
            signal.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.item_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self, *_args) -> None:
        self.item_list.clear()
        for item in self._trash.items():
            entry = QListWidgetItem(f"{item.kind.capitalize()}: {item.label}  ·  deleted {local_time(item.deleted_at)}")
            entry.setToolTip(entry.text())
            entry.setData(Qt.ItemDataRole.UserRole, (item.kind, item.id))
            self.item_list.addItem(entry)
        self.empty_label.setVisible(self.item_list.count() == 0)
        self.item_list.setCurrentRow(0 if self.item_list.count() else -1)
        self._on_current_row_changed(self.item_list.currentRow())

    def _on_current_row_changed(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)

    def _on_restore_clicked(self) -> None:
        entry = self.item_list.currentItem()
        if entry is not None:
            kind, item_id = entry.data(Qt.ItemDataRole.UserRole)
            self._ops.run(f"Restore {kind}", lambda: self._trash.restore(kind, item_id))
