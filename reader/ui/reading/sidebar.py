"""A pane's notes strip: its highlights and notes in text order, beside the text; hidden until asked for.

The note itself is written in the Note inspector (one for the window): a strip per pane only lists and selects, so
two to four texts side by side keep their width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.core.records.annotations import Annotation
from reader.ui.keyed_actions import KeyTable, keyed_menu

SNIPPET = 90
STRIP_KEYS = KeyTable("A pane's notes strip", {"delete": ("Delete highlight", ("Del",))})


class NotesSidebar(QWidget):
    """Lists annotations; choosing one emits `annotation_activated(id)`, Del (or its menu) `delete_requested(id)`."""

    annotation_activated = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._annotations: list[Annotation] = []
        self.annotation_list = QListWidget(self)
        self.annotation_list.setWordWrap(True)
        self.annotation_list.setAlternatingRowColors(True)  # each entry set apart from the next
        self.annotation_list.setSpacing(2)
        self.annotation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # entries wrap
        self.annotation_list.itemClicked.connect(self._on_item_clicked)
        self.annotation_list.itemActivated.connect(self._on_item_clicked)  # Enter, as in every other list
        keyed_menu(self.annotation_list, STRIP_KEYS, {"delete": self._on_delete})
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.annotation_list)

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

    def _on_delete(self) -> None:
        chosen = self.selected_annotation_id()
        if chosen is not None:
            self.delete_requested.emit(chosen)

    def _on_item_clicked(self, entry: QListWidgetItem) -> None:
        self.annotation_activated.emit(entry.data(Qt.ItemDataRole.UserRole))


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
