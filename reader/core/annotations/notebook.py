"""The research notebook: Markdown notes on a whole document or free-standing, citing passages (annotations)."""

from __future__ import annotations

from reader.core.annotations.service import AnnotationNotFound, AnnotationService, unchanged_since
from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.annotations import NotebookNote
from reader.core.storage import documents as document_store
from reader.core.storage import notebook as store
from reader.core.storage.store import Store


class NoteNotFound(ReaderError):
    """A notebook note id that does not exist (or is in the Trash)."""


class NotebookService:
    """Document notes (document_id given) and notebook notes (none), each one transaction per call."""

    def __init__(self, db: Store, annotations: AnnotationService):
        self._db = db
        self._annotations = annotations

    def create(self, body: str, title: str = "", document_id: int | None = None,
               citations: tuple[int, ...] | list[int] = (), created: str = "", modified: str = "",
               cited: str = "") -> NotebookNote:
        """A new note; `created`, `modified` (now, when not given) and `cited` (when its citations were changed, as
        `modified` when not given) are kept for a note read back from a file."""
        if document_id is not None and document_store.get_document(self._db, document_id) is None:
            raise ReaderError(f"no document with id {document_id}")
        self._check_citable(citations)
        with operation(self._db, "New notebook note"):
            note_id = store.insert_note(self._db, document_id, title, body, created, modified, cited)
            store.replace_citations(self._db, note_id, list(citations), None)
        return self.get(note_id)

    def _check_citable(self, citations) -> None:
        """Refuse a citation of an annotation that is not here. One in the Trash is citable: a citation outlives a
        deleted highlight (Undo or the Trash bring it back), so a note citing one is saved with it, and a note read
        from another copy cites it as that copy's does."""
        for annotation_id in citations:
            if self._annotations.cited(annotation_id) is None:
                raise AnnotationNotFound(f"no annotation with id {annotation_id}")

    def citing(self, annotation_id: int) -> list[NotebookNote]:
        """The notes citing an annotation: what deleting it would take evidence from."""
        return store.notes_citing(self._db, annotation_id)

    def get(self, note_id: int) -> NotebookNote:
        found = store.get_note(self._db, note_id)
        if found is None:
            raise NoteNotFound(f"no note with id {note_id}")
        return found

    def for_document(self, document_id: int) -> list[NotebookNote]:
        """Notes on the whole document, most recently changed first."""
        return store.notes(self._db, document_id)

    def all_notes(self) -> list[NotebookNote]:
        """Every live note, on a document or free-standing, most recently changed first."""
        return store.notes(self._db, None)

    def notebook(self) -> list[NotebookNote]:
        """Free-standing notes, most recently changed first."""
        return store.notes(self._db, None, notebook_only=True)

    def edit(self, note_id: int, body: str | None = None, title: str | None = None,
             citations: tuple[int, ...] | list[int] | None = None, was: tuple[str, str] | None = None
             ) -> NotebookNote:
        """Change what is given; the undo command passes the old values back. `was`: the body and title when the
        typing that gives them began; a note another hand rewrote since is not written over (ChangedElsewhere,
        nothing written), as for an annotation's note."""
        self.get(note_id)
        changes = {key: value for key, value in (("body", body), ("title", title)) if value is not None}
        self._check_citable(citations or ())
        with operation(self._db, "Edit notebook note"):
            if was is not None:
                now = self.get(note_id)  # as the write transaction sees it
                unchanged_since(now.body, was[0], body if body is not None else now.body)
                unchanged_since(now.title, was[1], title if title is not None else now.title)
            store.update_note(self._db, note_id, changes)
            if citations is not None:
                store.replace_citations(self._db, note_id, list(citations))
        return self.get(note_id)

    def made_at(self, document_id: int | None, created: str) -> list[tuple[NotebookNote, bool]]:
        """The notes on a document (None: free-standing) made at `created`, those in the Trash too, each with
        whether it is: the same note in two copies of a library is one of them."""
        return store.notes_made_at(self._db, document_id, created)

    def take_edit(self, note_id: int, title: str, body: str, moment: str) -> NotebookNote:
        """A note's title and text as another copy of the library changed them, read from its export, with the
        moment it changed them."""
        here = self.get(note_id)
        with operation(self._db, "Edit notebook note"):
            store.update_note(self._db, note_id, {"title": title, "body": body, "text_at": moment},
                              max(moment, here.modified_at))
        return self.get(note_id)

    def complete_citations(self, note_id: int, citations: list[int]) -> NotebookNote:
        """Give a note read from a file the citations the file gave it that could not be placed then: its time of
        change stays the file's, so a later reading may complete it further, and a note the user changed since
        (a citation taken out) is told apart and left alone."""
        self._check_citable(citations)
        with operation(self._db, "Complete a note's citations"):
            store.replace_citations(self._db, note_id, list(citations), None)
        return self.get(note_id)

    def take_citations(self, note_id: int, citations: list[int], moment: str) -> NotebookNote:
        """A note's citations as another copy of the library changed them, read from its export, with the moment
        it changed them."""
        here = self.get(note_id)
        self._check_citable(citations)
        with operation(self._db, "Edit notebook note"):
            store.replace_citations(self._db, note_id, citations, moment)
            store.update_note(self._db, note_id, {}, max(moment, here.modified_at))
        return self.get(note_id)

    def delete(self, note_id: int) -> NotebookNote:
        note = self.get(note_id)
        with operation(self._db, "Delete notebook note"):
            store.mark_note_deleted(self._db, note_id, True)
        return note

    def restore(self, note_id: int) -> NotebookNote:
        if store.get_note(self._db, note_id, include_deleted=True) is None:
            raise NoteNotFound(f"no note with id {note_id}")
        with operation(self._db, "Restore notebook note"):
            store.mark_note_deleted(self._db, note_id, False)
        return self.get(note_id)
