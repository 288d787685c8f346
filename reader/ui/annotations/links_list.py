"""One annotation's links and backlinks: relation, the passage across, its document; double-click goes there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.core.annotations.links import LinkService
from reader.core.documents.service import DocumentService
from reader.core.records.annotations import LinkedAnnotation
from reader.core.records.relations import SEEN_FROM_THE_OTHER, link_step
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner

LINK_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(entry: LinkedAnnotation, document_title: str) -> str:
    """"→ contradicts “quote” (document)" for a link, "← …" for a backlink; the link's note on a second line."""
    arrow = "→" if entry.outgoing else "←"
    relation = entry.link.relation_label if entry.outgoing else SEEN_FROM_THE_OTHER.get(entry.link.relation,
                                                                                        entry.link.relation_label)
    text = f"{arrow} {relation} “{' '.join(entry.other.quote.exact.split())}” ({document_title})"
    return text + (f"\n    {entry.link.note}" if entry.link.note else "")


class LinksList(QWidget):
    """Shows `links_for(annotation_id)`; `annotation_activated(other_id)` on double-click; Remove link is undoable."""

    annotation_activated = Signal(int)

    def __init__(self, links: LinkService, documents: DocumentService, ops: OpRunner,
                 events: AnnotationEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._links, self._documents, self._ops, self._events = links, documents, ops, events
        self._annotation_id: int | None = None
        self.entries = QListWidget(self)
        self.entries.setWordWrap(True)
        self.edit_button = QPushButton("Edit link…", self)
        self.remove_button = QPushButton("Remove link", self)
        self.entries.itemActivated.connect(self._on_entry_activated)
        self.entries.currentRowChanged.connect(self._on_current_row_changed)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        events.links_changed.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entries)
        layout.addLayout(buttons)
        self.refresh()

    def show_annotation(self, annotation_id: int | None) -> None:
        self._annotation_id = annotation_id
        self.refresh()

    def refresh(self, *_args) -> None:
        """List the links again, the one chosen still chosen: an edit lost it (audit DN)."""
        chosen = self._chosen_link_id()
        self.entries.clear()
        found = self._links.links_for(self._annotation_id) if self._annotation_id is not None else []
        for entry in found:
            item = QListWidgetItem(describe(entry, self._documents.get(entry.other.document_id).title))
            item.setData(Qt.ItemDataRole.UserRole, entry.other.id)
            item.setData(LINK_ID_ROLE, entry.link.id)
            self.entries.addItem(item)
            if entry.link.id == chosen:
                self.entries.setCurrentItem(item)
        self._on_current_row_changed(self.entries.currentRow())

    def _chosen_link_id(self) -> int | None:
        item = self.entries.currentItem()
        return item.data(LINK_ID_ROLE) if item else None

    def _on_current_row_changed(self, row: int) -> None:
        self.remove_button.setEnabled(row >= 0)
        self.edit_button.setEnabled(row >= 0)

    def _on_edit_clicked(self) -> None:
        """Change the link's relation and note (one undoable step; none when nothing changed)."""
        from reader.ui.annotations.link_dialog import EditLinkDialog  # the editing code loads when first used

        item = self.entries.currentItem()
        if item is None:
            return
        link = self._links.get(item.data(LINK_ID_ROLE))
        dialog = EditLinkDialog(link.relation, link.note, item.text().split("\n")[0], self,
                                backwards=link.to_annotation_id == self._annotation_id)
        if dialog.exec():
            relation, note = dialog.relation(), dialog.note()
            self._ops.run(link_step("Edit link", relation), lambda: self._links.update(link.id, relation=relation,
                                                                                       note=note))

    def _on_entry_activated(self, item: QListWidgetItem) -> None:
        self.annotation_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_remove_clicked(self) -> None:
        item = self.entries.currentItem()
        if item is not None:
            link = self._links.get(item.data(LINK_ID_ROLE))
            self._ops.run(link_step("Delete link", link.relation), lambda: self._links.delete(link.id))
