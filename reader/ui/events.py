"""The change notices every view listens to: one shared instance per window, emitted after each core call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from reader.core.ops import OpChanges


class AnnotationEvents(QObject):
    """What changed, for views to refresh from the core: one shared instance per window."""

    annotations_changed = Signal(int)  # document id
    links_changed = Signal()
    tags_changed = Signal()
    notebook_changed = Signal()
    document_changed = Signal(int)  # metadata or source criticism
    failed = Signal(str)
    told = Signal(str)  # a passing line for the status bar: what a key needs, or that it did what cannot be seen
    text_corrected = Signal(int)  # a document got a hand-corrected version (like an import of a changed file)

    register_changed = Signal()  # entity decisions or authority ids

    def apply(self, changes: OpChanges) -> None:
        """Send the notices an operation's changes call for (the one mapping from OpChanges to views)."""
        for document_id in changes.documents:
            self.document_changed.emit(document_id)
        for document_id in changes.annotation_documents | changes.documents:
            self.annotations_changed.emit(document_id)
        if changes.links or changes.annotations or changes.documents or changes.tags:
            self.links_changed.emit()  # a pair is hidden with either side, and filtered by tags and documents
        if changes.tags:
            self.tags_changed.emit()
        if changes.notebook or changes.annotations:
            self.notebook_changed.emit()
        if changes.register:
            self.register_changed.emit()
