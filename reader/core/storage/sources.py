"""SQL for the source-criticism columns of documents (date written, events date, reliability, provenance)."""

from __future__ import annotations

from dataclasses import asdict, fields

from reader.core.records.annotations import SourceCriticism
from reader.core.storage.documents import now
from reader.core.storage.store import Store

CRITICISM_FIELDS = tuple(f.name for f in fields(SourceCriticism))


def get_criticism(db: Store, document_id: int) -> SourceCriticism | None:
    columns = ", ".join(CRITICISM_FIELDS)
    rows = list(db.rows(f"SELECT {columns} FROM documents WHERE id = ?", [document_id]))
    if not rows:
        return None
    row = rows[0]
    return SourceCriticism(**{name: row[name] if name == "reliability" else row[name] or "" for name in row})


def set_criticism(db: Store, document_id: int, criticism: SourceCriticism) -> None:
    db.table("documents").update(document_id, {**asdict(criticism), "modified_at": now()})
