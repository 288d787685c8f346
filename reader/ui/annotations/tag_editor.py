"""Tags: an editor with autocomplete for one annotation, and a manager to rename, merge or remove tags everywhere."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.tags import TagService
from reader.core.records.tags import clean_tags, tag_key
from reader.core.wording import plural
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner

SEPARATOR = ","
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # a listed tag's count of notes


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

    def type_a_new_tag(self) -> None:
        """Take the typing as a tag of its own, after those shown (T): at the end of the box, the typing was glued
        onto the last tag ('élite' became 'éliteviolence')."""
        if self.text().strip() and not self.text().rstrip().endswith(SEPARATOR):
            self.setText(self.text().rstrip() + SEPARATOR + " ")
        self.end(False)
        self.setFocus()

    def unsaved(self) -> tuple[str, ...] | None:
        """The tags typed, if they are not those last given. Tags are a set of names in any case ('Lamas' is stored
        as the 'lamas' in use, and a note's tags are listed by name): typed so, in any order, they are saved, not
        still waiting to be."""
        tags = self.tags()
        return None if _folded(tags) == _folded(clean_tags(self._shown)) else tags

    def _on_editing_finished(self) -> None:
        if self.unsaved() is not None:
            self.tags_edited.emit(self.tags())


def _folded(names) -> frozenset[str]:
    return frozenset(name.casefold() for name in names)


class TagManager(QDialog):
    """Every tag with its count; rename one (onto an existing name merges them) or remove it from every note, both
    undoable."""

    def __init__(self, tags: TagService, ops: OpRunner, events: AnnotationEvents,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self._tags, self._ops, self._events = tags, ops, events
        self._renamed_to: str | None = None  # the name a rename asked for: chosen again once the list is re-read
        self.tag_list = QListWidget(self)
        self.new_name = QLineEdit(self, placeholderText="new name (an existing tag's name merges the two)")
        self.rename_button = QPushButton("Rename / merge", self)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.remove_button = QPushButton("Remove from every note…", self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.tag_list.currentItemChanged.connect(self._on_current_changed)
        self.new_name.textChanged.connect(self._offer_rename)
        events.tags_changed.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.new_name)
        row.addWidget(self.rename_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tag_list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self, *_args) -> None:
        """List the tags again, keeping the one chosen chosen (under its new name after a rename)."""
        chosen = self.tag_list.currentItem()
        name = self._renamed_to or (chosen.data(Qt.ItemDataRole.UserRole) if chosen is not None else None)
        self._renamed_to = None
        self.tag_list.clear()
        for tag in self._tags.all():
            entry = QListWidgetItem(f"{tag.name} ({tag.count})")
            entry.setData(Qt.ItemDataRole.UserRole, tag.name)
            entry.setData(COUNT_ROLE, tag.count)
            self.tag_list.addItem(entry)
        self._on_current_changed(None)
        if name is not None:
            self.select(name)

    def select(self, name: str) -> None:
        for row in range(self.tag_list.count()):
            if tag_key(self.tag_list.item(row).data(Qt.ItemDataRole.UserRole)) == tag_key(name):
                self.tag_list.setCurrentRow(row)

    def _on_current_changed(self, current, _previous=None) -> None:
        self.remove_button.setEnabled(current is not None)
        self.new_name.setText(current.data(Qt.ItemDataRole.UserRole) if current is not None else "")
        self._offer_rename()

    def _offer_rename(self, *_args) -> None:
        """Rename / merge only for a name other than the tag's own (pressed as it stood, it made an undo step that
        did nothing); a change of case is a new name."""
        entry = self.tag_list.currentItem()
        new = " ".join(self.new_name.text().split())
        comma = "," in new  # refused, it was said only on the status bar behind this dialog
        self.rename_button.setEnabled(entry is not None and bool(new) and not comma
                                      and new != entry.data(Qt.ItemDataRole.UserRole))
        self.rename_button.setToolTip("A tag name cannot hold a comma, which separates tags" if comma else "")

    def _on_rename_clicked(self) -> None:
        entry = self.tag_list.currentItem()
        new = self.new_name.text().strip()
        if entry is not None and new:
            old = entry.data(Qt.ItemDataRole.UserRole)
            self._renamed_to = new
            self._ops.run(self._tags.rename_step(old, new), lambda: self._tags.rename(old, new))  # a merge named
            # so by the core, which knows the tags only the Trash holds (audit DR F5)

    def _on_remove_clicked(self) -> None:
        entry = self.tag_list.currentItem()
        if entry is None:
            return
        name, count = entry.data(Qt.ItemDataRole.UserRole), entry.data(COUNT_ROLE)
        answer = QMessageBox.question(self, "Remove tag?", f"Remove the tag '{name}' from {plural(count, 'note')}? "
                                      "Edit > Undo brings it back.")
        if answer == QMessageBox.StandardButton.Yes:
            self._ops.run(f"Remove tag '{name}'", lambda: self._tags.remove(name))
