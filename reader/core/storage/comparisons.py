"""SQL for the Comparisons query: live linked pairs with each side's quote, document, date, kind and reliability."""

from __future__ import annotations

from reader.core.records.comparisons import Comparison, ComparisonFilter, ComparisonSide
from reader.core.records.tags import tag_key
from reader.core.storage.store import Store

_SIDE = """{a}.id AS {a}_id, {a}.document_id AS {a}_document_id, {a}.exact AS {a}_quote,
    {a}.start AS {a}_start, {a}."end" AS {a}_end, {a}.anchor_status AS {a}_status,
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
             WHERE x.annotation_id IN (a.id, b.id) AND t.name_key = ?)"""


def comparisons(db: Store, wanted: ComparisonFilter) -> list[Comparison]:
    """Linked pairs passing the filter, newest link first."""
    sql, params = _COMPARISONS, []
    for clause, value in _filter_clauses(wanted):
        sql += f" AND {clause}"
        params.extend([value] * clause.count("?"))
    return [_comparison(row) for row in db.rows(sql + " ORDER BY l.id DESC", params)]


def _filter_clauses(wanted: ComparisonFilter) -> list[tuple[str, object]]:
    candidates = [
        ("l.relation = ?", wanted.relation), (_TAGGED, tag_key(wanted.tag)),
        ("? IN (a.document_id, b.document_id)", wanted.document_id), ("? IN (da.kind, db.kind)", wanted.kind),
        ("MAX(COALESCE(da.reliability, 0), COALESCE(db.reliability, 0)) >= ?", wanted.min_reliability),
    ]
    return [(clause, value) for clause, value in candidates if value not in (None, "")]


def _side(row: dict, a: str) -> ComparisonSide:
    return ComparisonSide(row[f"{a}_id"], row[f"{a}_document_id"], row[f"{a}_title"], row[f"{a}_date"] or "",
                          row[f"{a}_quote"], row[f"{a}_kind"] or "unknown", row[f"{a}_reliability"],
                          row[f"{a}_start"], row[f"{a}_end"], row[f"{a}_status"])


def _comparison(row: dict) -> Comparison:
    return Comparison(row["link_id"], row["relation"], row["note"] or "", _side(row, "a"), _side(row, "b"))


def quoted_dates(db: Store, annotation_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """The dates each of these annotations quotes, if its words are where it stands: (offset in its quote, value),
    in order."""
    found: dict[int, list[tuple[int, str]]] = {}
    for begin in range(0, len(annotation_ids), 500):  # SQLite's limit on bound values
        chunk = annotation_ids[begin:begin + 500]
        sql = f"""SELECT a.id, m.start - a.start, m.date_value FROM annotations a
                  JOIN mentions m ON m.document_id = a.document_id AND m.type = 'DATE' AND m.start >= a.start
                                 AND m."end" <= a."end"
                  WHERE a.anchor_status = 'anchored' AND a.id IN ({", ".join("?" * len(chunk))})
                  ORDER BY a.id, m.start"""
        for annotation_id, offset, value in db.execute(sql, chunk).fetchall():
            found.setdefault(annotation_id, []).append((offset, value or ""))
    return found
