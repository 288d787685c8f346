"""SQL for annotations. Callers wrap writes in `db.atomic()`; deleted rows keep `deleted_at` (the Trash)."""

from __future__ import annotations

from sqlite_utils import Database

from reader.core.annotations.models import Annotation, TextQuote
from reader.core.storage.documents import now


def insert_annotation(db: Database, document_id: int, version_id: int, start: int, end: int, quote: TextQuote,
                      color: str, note: str) -> int:
    stamp = now()
    return db.table("annotations").insert({
        "document_id": document_id, "version_id": version_id, "start": start, "end": end,
        "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix, "color": color, "note": note,
        "created_at": stamp, "modified_at": stamp,
    }).last_pk


def get_annotation(db: Database, annotation_id: int) -> Annotation | None:
    rows = list(db.query("SELECT * FROM annotations WHERE id = ? AND deleted_at IS NULL", [annotation_id]))
    return _annotation(rows[0]) if rows else None


def annotations_for_document(db: Database, document_id: int) -> list[Annotation]:
    sql = 'SELECT * FROM annotations WHERE document_id = ? AND deleted_at IS NULL ORDER BY start, "end", id'
    return [_annotation(row) for row in db.query(sql, [document_id])]


def update_annotation(db: Database, annotation_id: int, changes: dict) -> None:
    db.table("annotations").update(annotation_id, {**changes, "modified_at": now()})


def mark_deleted(db: Database, annotation_id: int, deleted: bool) -> None:
    db.table("annotations").update(annotation_id, {"deleted_at": now() if deleted else None})


def _annotation(row: dict) -> Annotation:
    return Annotation(
        id=row["id"], document_id=row["document_id"], version_id=row["version_id"], start=row["start"],
        end=row["end"], quote=TextQuote(row["exact"], row["prefix"] or "", row["suffix"] or ""),
        color=row["color"] or "", note=row["note"] or "", anchor_status=row["anchor_status"],
        anchor_confidence=row["anchor_confidence"], created_at=row["created_at"], modified_at=row["modified_at"],
    )
