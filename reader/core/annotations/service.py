"""Annotation calls: each one transaction, each returning the annotation as it now is."""

from __future__ import annotations

from sqlite_utils import Database

from reader.core.annotations.models import HIGHLIGHT_COLORS, Annotation, quote_at
from reader.core.errors import ReaderError
from reader.core.models import Span
from reader.core.storage import annotations as store
from reader.core.storage import documents as document_store


class AnnotationNotFound(ReaderError):
    """An annotation id that does not exist (or is in the Trash)."""


class AnnotationService:
    """Highlights and notes over one database connection."""

    def __init__(self, db: Database):
        self._db = db

    def create(self, document_id: int, start: int, end: int, color: str = "yellow", note: str = "") -> Annotation:
        """Anchor a new annotation on [start, end) of the document's current version."""
        version_id = document_store.current_version_id(self._db, document_id)
        text = document_store.version_text(self._db, version_id).text
        _check_range(text, start, end)
        _check_color(color)
        with self._db.atomic():
            annotation_id = store.insert_annotation(
                self._db, document_id, version_id, start, end, quote_at(text, start, end), color, note)
        return self.get(annotation_id)

    def get(self, annotation_id: int) -> Annotation:
        found = store.get_annotation(self._db, annotation_id)
        if found is None:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        return found

    def for_document(self, document_id: int) -> list[Annotation]:
        """A document's live annotations in text order."""
        return store.annotations_for_document(self._db, document_id)

    def spans(self, document_id: int) -> list[Span]:
        """Ranges to paint: kind 'highlight' (label = colour) or 'note', ref = annotation id."""
        return [Span(a.start, a.end, "note" if a.is_note else "highlight", a.color, a.id)
                for a in self.for_document(document_id) if a.anchor_status != "orphan"]

    def set_note(self, annotation_id: int, note: str) -> Annotation:
        self.get(annotation_id)
        with self._db.atomic():
            store.update_annotation(self._db, annotation_id, {"note": note})
        return self.get(annotation_id)

    def set_color(self, annotation_id: int, color: str) -> Annotation:
        _check_color(color)
        self.get(annotation_id)
        with self._db.atomic():
            store.update_annotation(self._db, annotation_id, {"color": color})
        return self.get(annotation_id)

    def delete(self, annotation_id: int) -> Annotation:
        """Move to the Trash (restorable); returns the annotation as it was."""
        annotation = self.get(annotation_id)
        with self._db.atomic():
            store.mark_deleted(self._db, annotation_id, True)
        return annotation


def _check_range(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise ReaderError(f"range {start}-{end} is not inside the text (0-{len(text)})")


def _check_color(color: str) -> None:
    if color not in HIGHLIGHT_COLORS:
        raise ReaderError(f"unknown colour '{color}'; use one of {', '.join(HIGHLIGHT_COLORS)}")
