"""SQL for the search index: text lines and entity names written by core calls, queries, saved searches.

Rows for annotations, tags, links, notebook notes and metadata are kept by triggers (migration m006).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.ranges import overlaps
from reader.core.storage import documents as document_store
from reader.core.storage.documents import now
from reader.core.storage.store import Store

SNIPPET_TOKENS = 12
TEXT_ROWS = 5 << 50  # + document id << 24 + line number (see migration m006 for the other kinds)
ENTITY_ROWS = 6 << 50
LINE_BITS = 24


@dataclass(frozen=True)
class IndexRow:
    """One hit straight from the index: what kind of thing, where, and a snippet with the match in [brackets]."""

    kind: str
    document_id: int | None
    ref: int | None
    start: int
    end: int
    snippet: str


def index_document_text(db: Store, document_id: int) -> None:
    """(Re)index a document's current text line by line, leaving out boilerplate; offsets are code points."""
    first = TEXT_ROWS + (document_id << LINE_BITS)
    db.execute("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?", [first, first + (1 << LINE_BITS) - 1])
    version = document_store.version_text(db, document_store.current_version_id(db, document_id))
    boilerplate = [(s.start, s.end) for s in version.boilerplate]
    rows, start = [], 0
    for number, line in enumerate(version.text.split("\n")):
        end = start + len(line)
        if line.strip() and not overlaps(boilerplate, start, end):
            rows.append((first + number, line, "text", document_id, document_id, start, end))
        start = end + 1
    sql = 'INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)'
    db.conn.executemany(sql, rows)


def index_all_texts(db: Store) -> None:
    for (document_id,) in db.execute("SELECT id FROM documents WHERE current_version_id IS NOT NULL").fetchall():
        index_document_text(db, document_id)


def index_entities(db: Store) -> None:
    """Replace the entity rows: each entity's name, aliases and type, findable as a kind of its own."""
    db.execute("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?", [ENTITY_ROWS, ENTITY_ROWS + (1 << 50) - 1])
    db.execute(f"""
        INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
        SELECT {ENTITY_ROWS} + e.id, e.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM entity_aliases a
                                          WHERE a.entity_id = e.id), '') || ' ' || e.type,
               'entity', NULL, e.id, 0, 0
        FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)""")


def match(db: Store, expression: str, limit: int) -> list[IndexRow]:
    sql = f"""SELECT kind, document_id, ref, start, "end",
                     snippet(search_index, 0, '[', ']', '…', {SNIPPET_TOKENS})
              FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?"""
    return [IndexRow(*row) for row in db.execute(sql, [expression, limit]).fetchall()]


def rows_of_kind(db: Store, kinds: tuple[str, ...], limit: int) -> list[IndexRow]:
    marks = ", ".join("?" for _ in kinds)
    sql = f'SELECT kind, document_id, ref, start, "end", substr(body, 1, 120) FROM search_index ' \
          f"WHERE kind IN ({marks}) LIMIT ?"
    return [IndexRow(*row) for row in db.execute(sql, [*kinds, limit]).fetchall()]


def annotation_tags(db: Store) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for annotation_id, name in db.execute(
            "SELECT x.annotation_id, t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id").fetchall():
        found.setdefault(annotation_id, set()).add(name.casefold())
    return found


def annotation_relations(db: Store) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    sql = "SELECT from_annotation_id, to_annotation_id, relation FROM links WHERE deleted_at IS NULL"
    for first, second, relation in db.execute(sql).fetchall():
        for annotation_id in (first, second):
            found.setdefault(annotation_id, set()).add(relation)
    return found


def link_relations(db: Store) -> dict[int, str]:
    return dict(db.execute("SELECT id, relation FROM links").fetchall())


def mention_rows(db: Store, document_ids: set[int] | None = None, name: str = "", kind: str = "",
                 limit: int = -1) -> list[tuple[int, int, int, int, str, str, str]]:
    """(document, start, end, entity id, type, entity name, date value) of the mentions asked for: in some
    documents, of entities whose name or alias contains `name`, of one type."""
    clauses, params = _mention_conditions(name, kind)
    if document_ids is not None:
        clauses.append(f"m.document_id IN ({', '.join('?' for _ in document_ids)})")
        params += sorted(document_ids)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"""SELECT m.document_id, m.start, m."end", m.entity_id, m.type, e.name, COALESCE(m.date_value, '')
              FROM mentions m JOIN entities e ON e.id = m.entity_id {where} LIMIT ?"""
    return [tuple(row) for row in db.execute(sql, [*params, limit]).fetchall()]


def _mention_conditions(name: str, kind: str) -> tuple[list[str], list]:
    """SQL conditions on a mention `m` of entity `e`: named like `name` (name or alias), of type `kind`."""
    conditions, params = [], []
    if name:
        conditions.append("""(e.name LIKE ? OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id
                              AND a.alias LIKE ?))""")
        params += [f"%{name}%", f"%{name}%"]
    if kind:
        conditions.append("m.type = ?")
        params.append(kind)
    return conditions, params


def save_search(db: Store, name: str, query: str) -> int:
    return db.table("saved_searches").insert({"name": name, "query": query, "created_at": now()}).last_pk


def saved_searches(db: Store) -> list[tuple[int, str, str]]:
    return [tuple(row) for row in db.execute("SELECT id, name, query FROM saved_searches ORDER BY name").fetchall()]


def delete_saved_search(db: Store, search_id: int) -> None:
    db.execute("DELETE FROM saved_searches WHERE id = ?", [search_id])


def ranges_with_mentions(db: Store, ranges: list[tuple[int, int, int]], name: str = "", kind: str = "",
                         years: tuple[int, int] | None = None) -> set[int]:
    """Indexes of the (document, start, end) ranges that contain a mention of an entity named like `name`, of type
    `kind`, or (with `years`) a date in those years. One indexed join, however many ranges."""
    db.execute('CREATE TEMP TABLE IF NOT EXISTS search_ranges (i INTEGER PRIMARY KEY, document_id INT, start INT, '
               '"end" INT)')
    db.execute("DELETE FROM search_ranges")
    db.conn.executemany('INSERT INTO search_ranges (i, document_id, start, "end") VALUES (?, ?, ?, ?)',
                        [(i, *r) for i, r in enumerate(ranges)])
    conditions, params = _mention_conditions(name, kind)
    if years:
        conditions.append("m.type = 'DATE' AND CAST(substr(m.date_value, 1, 4) AS INTEGER) BETWEEN ? AND ?")
        params += list(years)
    where = " AND ".join(conditions) or "1"
    sql = f"""SELECT r.i FROM search_ranges r WHERE EXISTS (
                SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
                WHERE m.document_id = r.document_id AND m.start >= r.start AND m.start < r."end" AND {where})"""
    return {row[0] for row in db.execute(sql, params).fetchall()}


def document_labels(db: Store) -> dict[int, tuple[str, str, str]]:
    """(file name, title, kind) of every document: what results show and filter on, without the library's counts."""
    sql = "SELECT id, file_name, COALESCE(NULLIF(title, ''), file_name), kind FROM documents"
    return {row[0]: tuple(row[1:]) for row in db.execute(sql).fetchall()}
