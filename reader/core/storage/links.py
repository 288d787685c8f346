"""SQL for links between annotations and the Comparisons query over them. Deleted links keep `deleted_at`."""

from __future__ import annotations

from reader.core.annotations.models import Comparison, ComparisonFilter, ComparisonSide, Link
from reader.core.storage.documents import now
from reader.core.storage.store import Store


def insert_link(db: Store, from_id: int, to_id: int, relation: str, note: str) -> int:
    stamp = now()
    return db.table("links").insert({
        "from_annotation_id": from_id, "to_annotation_id": to_id, "relation": relation, "note": note,
        "created_at": stamp, "modified_at": stamp,
    }).last_pk


def get_link(db: Store, link_id: int, *, include_deleted: bool = False) -> Link | None:
    live = "" if include_deleted else " AND deleted_at IS NULL"
    rows = list(db.rows("SELECT * FROM links WHERE id = ?" + live, [link_id]))
    return _link(rows[0]) if rows else None


def find_link(db: Store, from_id: int, to_id: int, relation: str) -> Link | None:
    sql = """SELECT * FROM links WHERE deleted_at IS NULL AND relation = ?
             AND ((from_annotation_id = ? AND to_annotation_id = ?)
                  OR (from_annotation_id = ? AND to_annotation_id = ?))"""
    rows = list(db.rows(sql, [relation, from_id, to_id, to_id, from_id]))
    return _link(rows[0]) if rows else None


def links_touching(db: Store, annotation_id: int) -> list[Link]:
    """Live links from or to an annotation whose other end is live too, oldest first."""
    sql = """SELECT l.* FROM links l
             JOIN annotations f ON f.id = l.from_annotation_id AND f.deleted_at IS NULL
             JOIN annotations t ON t.id = l.to_annotation_id AND t.deleted_at IS NULL
             WHERE l.deleted_at IS NULL AND (l.from_annotation_id = ? OR l.to_annotation_id = ?) ORDER BY l.id"""
    return [_link(row) for row in db.rows(sql, [annotation_id, annotation_id])]


def update_link(db: Store, link_id: int, changes: dict) -> None:
    db.table("links").update(link_id, {**changes, "modified_at": now()})


def mark_link_deleted(db: Store, link_id: int, deleted: bool) -> None:
    db.table("links").update(link_id, {"deleted_at": now() if deleted else None})


def trashed_links(db: Store) -> list[tuple[Link, str]]:
    rows = db.rows("SELECT * FROM links WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC")
    return [(_link(row), row["deleted_at"]) for row in rows]


_SIDE = """{a}.id AS {a}_id, {a}.document_id AS {a}_document_id, {a}.exact AS {a}_quote,
    {a}.start AS {a}_start, {a}."end" AS {a}_end,
    COALESCE(NULLIF({d}.title, ''), {d}.file_name) AS {a}_title,
    COALESCE(NULLIF({d}.date_written, ''), {d}.date_published, '') AS {a}_date,
    {d}.kind AS {a}_kind, {d}.reliability AS {a}_reliability"""
_COMPARISONS = f"""
SELECT l.id AS link_id, l.relation, l.note, {_SIDE.format(a="a", d="da")}, {_SIDE.format(a="b", d="db")}
FROM links l
JOIN annotations a ON a.id = l.from_annotation_id AND a.deleted_at IS NULL
JOIN annotations b ON b.id = l.to_annotation_id AND b.deleted_at IS NULL
JOIN documents da ON da.id = a.document_id
JOIN documents db ON db.id = b.document_id
WHERE l.deleted_at IS NULL"""
_TAGGED = """EXISTS (SELECT 1 FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
             WHERE x.annotation_id IN (a.id, b.id) AND t.name = ? COLLATE NOCASE)"""


def comparisons(db: Store, wanted: ComparisonFilter) -> list[Comparison]:
    """Linked pairs passing the filter, newest link first."""
    sql, params = _COMPARISONS, []
    for clause, value in _filter_clauses(wanted):
        sql += f" AND {clause}"
        params.extend([value] * clause.count("?"))
    return [_comparison(row) for row in db.rows(sql + " ORDER BY l.id DESC", params)]


def _filter_clauses(wanted: ComparisonFilter) -> list[tuple[str, object]]:
    candidates = [
        ("l.relation = ?", wanted.relation), (_TAGGED, wanted.tag),
        ("? IN (a.document_id, b.document_id)", wanted.document_id), ("? IN (da.kind, db.kind)", wanted.kind),
        ("MAX(COALESCE(da.reliability, 0), COALESCE(db.reliability, 0)) >= ?", wanted.min_reliability),
    ]
    return [(clause, value) for clause, value in candidates if value not in (None, "")]


def _side(row: dict, a: str) -> ComparisonSide:
    return ComparisonSide(row[f"{a}_id"], row[f"{a}_document_id"], row[f"{a}_title"], row[f"{a}_date"] or "",
                          row[f"{a}_quote"], row[f"{a}_kind"] or "unknown", row[f"{a}_reliability"],
                          row[f"{a}_start"], row[f"{a}_end"])


def _comparison(row: dict) -> Comparison:
    return Comparison(row["link_id"], row["relation"], row["note"] or "", _side(row, "a"), _side(row, "b"))


def _link(row: dict) -> Link:
    return Link(row["id"], row["from_annotation_id"], row["to_annotation_id"], row["relation"], row["note"] or "",
                row["created_at"], row["modified_at"])
