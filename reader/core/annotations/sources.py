"""Source criticism on each document: when it was written versus when the events happened, reliability, provenance."""

from __future__ import annotations

from dataclasses import replace

from reader.core.documents.typed_metadata import typed_date
from reader.core.errors import DocumentNotFound, ReaderError
from reader.core.ops import operation
from reader.core.records.annotations import SourceCriticism
from reader.core.storage import sources as store
from reader.core.storage.store import Store

RELIABILITY_RANGE = range(1, 6)
_DATES = {"date_written": "date written", "events_date": "date of events"}  # checked fields, as a refusal names them


class SourceCriticismService:
    """Reads and writes the source-criticism fields; author and kind stay with the document's metadata."""

    def __init__(self, db: Store):
        self._db = db

    def get(self, document_id: int) -> SourceCriticism:
        found = store.get_criticism(self._db, document_id)
        if found is None:
            raise DocumentNotFound(f"no document with id {document_id}")
        return found

    def update(self, document_id: int, **changes) -> tuple[SourceCriticism, SourceCriticism]:
        """Change some fields; returns (before, after) so the undo command can write `before` back with `set`."""
        before = self.get(document_id)
        unknown = set(changes) - set(store.CRITICISM_FIELDS)
        if unknown:
            raise ReaderError(f"not source-criticism fields: {', '.join(sorted(unknown))}")
        return before, self.set(document_id, replace(before, **changes))

    def set(self, document_id: int, criticism: SourceCriticism) -> SourceCriticism:
        """Store a document's source criticism; a date changed must be a date (as the date published is), one stored
        before dates were checked stays as it is until changed (it had refused every later edit)."""
        before = self.get(document_id)
        if criticism.reliability is not None and criticism.reliability not in RELIABILITY_RANGE:
            raise ReaderError("reliability goes from 1 (unreliable) to 5 (reliable)")
        criticism = replace(criticism, **{name: typed_date(getattr(criticism, name).strip(), said)
                                          for name, said in _DATES.items()
                                          if getattr(criticism, name) != getattr(before, name)})
        with operation(self._db, "Edit source criticism"):
            store.set_criticism(self._db, document_id, criticism)
        return self.get(document_id)
