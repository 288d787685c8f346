"""The change notices every view listens to: one shared instance per window, emitted after each core call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from reader.core.annotations.models import Annotation


class AnnotationEvents(QObject):
    """What changed, for views to refresh from the core: one shared instance per window."""

    annotations_changed = Signal(int)  # document id
    links_changed = Signal()
    tags_changed = Signal()
    notebook_changed = Signal()
    document_changed = Signal(int)  # metadata or source criticism
    failed = Signal(str)

    def annotation_changed(self, annotation: Annotation) -> None:
        self.annotations_changed.emit(annotation.document_id)
