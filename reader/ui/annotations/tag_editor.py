"""Tags: an editor with autocomplete for one annotation, and a manager to rename or merge tags everywhere."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.tags import TagService
from reader.core.records.tags import clean_tags
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner

SEPARATOR = ","


class _LastTagCompleter(QCompleter):
    """Completes only the tag being typed (after the last comma), keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(SEPARATOR)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        typed = self.widget().text().split(SEPARATOR)[:-1]
        return (SEPARATOR + " ").join([t.strip() for t in typed] + [index.data()]) + SEPARATOR + " "


class TagEditor(QLineEdit):
    """Comma-separated tags with autocomplete from every tag in use; Enter, or leaving the box, emits
    `tags_edited(tuple)` when they differ from those last given."""

    tags_edited = Signal(tuple)

    def __init__(self, tags: TagService, parent: QWidget | None = None):
        super().__init__(parent, placeholderText="tags, comma separated")
        self._tags = tags
        self.names = QStringListModel(self)
        completer = _LastTagCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._shown: tuple[str, ...] = ()  # the tags as last given
        self.editingFinished.connect(self._on_editing_finished)  # Enter, or the focus leaving: typed tags apply
        self.refresh()

    def refresh(self, *_args) -> None:
        """Re-read the tag list (most used first) for autocomplete."""
        ordered = sorted(self._tags.all(), key=lambda t: (-t.count, t.name.casefold()))
        self.names.setStringList([t.name for t in ordered])

    def set_tags(self, names: tuple[str, ...], keep_typed: bool = False) -> None:
        """Show tags; `keep_typed`: the same annotation read again leaves tags being typed."""
        typed = keep_typed and self.unsaved() is not None
        self._shown = tuple(names)
        if not typed:
            self.setText((SEPARATOR + " ").join(names))

    def tags(self) -> tuple[str, ...]:
        return tuple(clean_tags(self.text().split(SEPARATOR)))

    def unsaved(self) -> tuple[str, ...] | None:
        """The tags typed, if they are not those last given."""
        tags = self.tags()
        return None if tags == tuple(clean_tags(self._shown)) else tags

    def _on_editing_finished(self) -> None:
        if self.unsaved() is not None:
            self.tags_edited.emit(self.tags())


class TagManager(QDialog):
    """Every tag with its count; rename one (onto an existing name merges them), undoable."""

    def __init__(self, tags: TagService, ops: OpRunner, events: AnnotationEvents,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self._tags, self._ops, self._events = tags, ops, events
        self.tag_list = QListWidget(self)
        self.new_name = QLineEdit(self, placeholderText="new name (an existing tag's name merges the two)")
        self.rename_button = QPushButton("Rename / merge", self)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.tag_list.currentItemChanged.connect(self._on_current_changed)
        events.tags_changed.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.new_name)
        row.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tag_list)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, *_args) -> None:
        self.tag_list.clear()
        for tag in self._tags.all():
            entry = QListWidgetItem(f"{tag.name} ({tag.count})")
            entry.setData(Qt.ItemDataRole.UserRole, tag.name)
            self.tag_list.addItem(entry)
        self._on_current_changed(None)

    def select(self, name: str) -> None:
        for row in range(self.tag_list.count()):
            if self.tag_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.tag_list.setCurrentRow(row)

    def _on_current_changed(self, current, _previous=None) -> None:
        self.rename_button.setEnabled(current is not None)
        if current is not None:
            self.new_name.setText(current.data(Qt.ItemDataRole.UserRole))

    def _on_rename_clicked(self) -> None:
        entry = self.tag_list.currentItem()
        new = self.new_name.text().strip()
        if entry is not None and new:
            old = entry.data(Qt.ItemDataRole.UserRole)
            self._ops.run(f"Rename tag '{old}'", lambda: self._tags.rename(old, new))
