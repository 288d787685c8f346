"""A pane's notes sidebar: its highlights and notes in text order, and the note editor beside the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget

from reader.core.records.annotations import Annotation
from reader.ui.annotations.note_editor import NoteEditor

SNIPPET = 90


class NotesSidebar(QWidget):
    """Lists annotations; selecting one emits `annotation_activated(id)`; the editor saves notes.

    The editor works on the selected annotation, or on a passage not yet annotated (after Note on a selection):
    `note_saved(annotation_id or None, text)` tells the pane which.
    """

    annotation_activated = Signal(int)
    note_saved = Signal(object, str)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._annotations: list[Annotation] = []
        self._editing: int | None = None
        self.annotation_list = QListWidget(self)
        self.annotation_list.setWordWrap(True)
        self.editor_label = QLabel("Select a highlight to write its note.", self)
        self.editor_label.setWordWrap(True)
        self.editor = NoteEditor(self)
        self.delete_button = QPushButton("Delete highlight", self, enabled=False)
        self.annotation_list.itemClicked.connect(self._on_item_clicked)
        self.annotation_list.currentItemChanged.connect(self._on_current_changed)
        self.editor.note_saved.connect(lambda text: self.note_saved.emit(self._editing, text))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self._lay_out()

    def _lay_out(self) -> None:
        editor_box = QWidget(self)
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.editor_label)
        box.addWidget(self.editor)
        box.addWidget(self.delete_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.annotation_list)
        splitter.addWidget(editor_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_annotations(self, annotations: list[Annotation], link_counts: dict[int, int]) -> None:
        selected = self.selected_annotation_id()
        self._annotations = sorted(annotations, key=lambda a: (a.start, a.end, a.id))
        self.annotation_list.blockSignals(True)
        self.annotation_list.clear()
        for annotation in self._annotations:
            self.annotation_list.addItem(_entry(annotation, link_counts.get(annotation.id, 0)))
        self.annotation_list.blockSignals(False)
        if selected is not None:
            self.select(selected)

    def selected_annotation_id(self) -> int | None:
        entry = self.annotation_list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def select(self, annotation_id: int) -> None:
        for row, annotation in enumerate(self._annotations):
            if annotation.id == annotation_id:
                self.annotation_list.setCurrentRow(row)
                return

    def edit_new_note(self, quote: str) -> None:
        """Prepare the editor for a note on a passage that is not yet annotated."""
        self.annotation_list.clearSelection()
        self._editing = None
        self.editor_label.setText(f"New note on “{_snippet(quote)}”")
        self.editor.set_note("")
        self.delete_button.setEnabled(False)
        self.editor.source.setFocus()

    def _on_current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        annotation = next((a for a in self._annotations if current and a.id == current.data(Qt.ItemDataRole.UserRole)),
                          None)
        self._editing = annotation.id if annotation else None
        self.delete_button.setEnabled(annotation is not None)
        self.editor_label.setText(f"Note on “{_snippet(annotation.quote.exact)}”" if annotation
                                  else "Select a highlight to write its note.")
        self.editor.set_note(annotation.note if annotation else "")

    def _on_item_clicked(self, entry: QListWidgetItem) -> None:
        self.annotation_activated.emit(entry.data(Qt.ItemDataRole.UserRole))

    def _on_delete_clicked(self) -> None:
        if self._editing is not None:
            self.delete_requested.emit(self._editing)


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET - 1] + "…"


def _entry(annotation: Annotation, links: int) -> QListWidgetItem:
    lines = [f"“{_snippet(annotation.quote.exact)}”"]
    if annotation.note.strip():
        lines.append("✎ " + _snippet(annotation.note))
    extras = [f"#{tag}" for tag in annotation.tags] + ([f"⇄ {links} link{'s' * (links != 1)}"] if links else [])
    if annotation.anchor_status != "anchored":
        extras.append(f"[{annotation.anchor_status}]")
    if extras:
        lines.append(" ".join(extras))
    entry = QListWidgetItem("\n".join(lines))
    entry.setData(Qt.ItemDataRole.UserRole, annotation.id)
    entry.setToolTip(annotation.note or annotation.quote.exact)
    return entry
