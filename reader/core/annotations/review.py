"""Re-anchoring a document's annotations onto its new version, and the Needs review list with its three actions.

Nothing here deletes: an annotation that cannot be placed becomes an orphan that keeps its quote, and every review
action returns the annotation as it was before, so the UI can undo it with `restore_anchor`.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.annotations.service import AnnotationService, anchor_columns, check_range, placed
from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.annotations import (
    ORPHAN,
    REVIEW,
    Annotation,
    Context,
    ReviewItem,
)
from reader.core.storage import annotations as store
from reader.core.storage import documents as document_store
from reader.core.storage.store import Store

CONTEXT_CHARS = 80


class ReviewService:
    """The Needs review list and its actions: accept, choose another place, keep as orphan, and their undo."""

    def __init__(self, db: Store, annotations: AnnotationService):
        self._db = db
        self._annotations = annotations

    def needs_review(self, document_id: int | None = None, *, include_orphans: bool = False) -> list[ReviewItem]:
        """Annotations re-anchoring was unsure about (and, if asked, the orphans), with old and new context."""
        found = store.annotations_with_status(self._db, REVIEW, document_id)
        if include_orphans:
            found += store.annotations_with_status(self._db, ORPHAN, document_id)
        return [self._item(annotation) for annotation in found]

    def orphans(self, document_id: int | None = None) -> list[Annotation]:
        return store.annotations_with_status(self._db, ORPHAN, document_id)

    def accept(self, annotation_id: int) -> tuple[Annotation, Annotation]:
        """Take the candidate place re-anchoring proposed; returns (before, after)."""
        before = self._annotations.get(annotation_id)
        if before.anchor_status != REVIEW:
            raise ReaderError(f"annotation {annotation_id} has no proposed place to accept; choose a place instead")
        return before, self._place(before, before.start, before.end)

    def relocate(self, annotation_id: int, start: int, end: int) -> tuple[Annotation, Annotation]:
        """Put the annotation on [start, end) of its document's current version; returns (before, after)."""
        before = self._annotations.get(annotation_id)
        text = document_store.version_text(self._db, document_store.current_version_id(self._db,
                                                                                       before.document_id)).text
        check_range(text, start, end)
        return before, self._place(before, start, end)

    def keep_orphan(self, annotation_id: int) -> tuple[Annotation, Annotation]:
        """Give up on placing it: it stays, with its quote, as an orphan; returns (before, after). A note in its
        place is refused: orphaned, the export said a new version had removed words that stand there (CE F6)."""
        before = self._annotations.get(annotation_id)
        if before.anchor_status not in (REVIEW, ORPHAN):
            raise ReaderError(f"annotation {annotation_id} is in its place in the text, not waiting for review; "
                              "nothing to keep as an orphan")
        return before, self.restore_anchor(replace(before, anchor_status=ORPHAN, anchor_confidence=0.0))

    def restore_anchor(self, snapshot: Annotation) -> Annotation:
        """Write an annotation's anchor back as it is in `snapshot` (the undo of every review action)."""
        self._annotations.get(snapshot.id)
        with operation(self._db, "Settle a note's place"):
            store.update_annotation(self._db, snapshot.id, anchor_columns(snapshot))
        return self._annotations.get(snapshot.id)

    def _place(self, before: Annotation, start: int, end: int) -> Annotation:
        return self.restore_anchor(placed(self._db, before, start, end))

    def _item(self, annotation: Annotation) -> ReviewItem:
        version_id, start, end = store.old_place(self._db, annotation.id)
        old_text = document_store.version_text(self._db, version_id).text
        new = None
        if annotation.anchor_status == REVIEW:
            new = _context(document_store.version_text(self._db, annotation.version_id).text, annotation.start,
                           annotation.end)
        title = document_store.get_document(self._db, annotation.document_id).title
        return ReviewItem(annotation, title, _context(old_text, start, end), new)


def _context(text: str, start: int, end: int) -> Context:
    return Context(text[max(0, start - CONTEXT_CHARS):start], text[start:end], text[end:end + CONTEXT_CHARS])

