"""SQL for the entity register: cache, entities, aliases, mentions, decisions and suggestions."""

from __future__ import annotations

import json

from reader.core.records.entities import EntitySummary, Mention
from reader.core.storage.documents import now
from reader.core.storage.store import Store

_SUMMARY_SQL = """
SELECT e.*, COUNT(m.id) AS mention_count, COUNT(DISTINCT m.document_id) AS document_count,
       (SELECT group_concat(alias, char(31)) FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases
FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
"""


def cached_candidates(db: Store, text_hash: str, pipeline: str) -> list[dict] | None:
    row = db.execute("SELECT candidates FROM entity_cache WHERE text_hash = ? AND pipeline = ?",
                     [text_hash, pipeline]).fetchone()
    return json.loads(row[0]) if row else None


def store_candidates(db: Store, text_hash: str, pipeline: str, candidates: list[dict]) -> None:
    db.table("entity_cache").upsert({"text_hash": text_hash, "pipeline": pipeline,
                                     "candidates": json.dumps(candidates)}, pk=("text_hash", "pipeline"))


def set_failure(db: Store, document_id: int, version_id: int, message: str) -> None:
    """Record (or, with an empty message, clear) why recognition failed on a document's version."""
    db.execute("DELETE FROM recognition_failures WHERE document_id = ?", [document_id])
    if message:
        db.execute("INSERT INTO recognition_failures (document_id, version_id, message, failed_at) "
                   "VALUES (?, ?, ?, ?)", [document_id, version_id, message, now()])


def keep_failures_of(db: Store, document_ids: set[int]) -> None:
    """Forget recorded failures except those of `document_ids` (the documents that failed in this run)."""
    if not document_ids:
        db.execute("DELETE FROM recognition_failures")
        return
    marks = ", ".join("?" * len(document_ids))
    db.execute(f"DELETE FROM recognition_failures WHERE document_id NOT IN ({marks})", list(document_ids))


def entity_ids_by_key(db: Store, with_mentions: bool = False) -> dict[str, int]:
    """Each entity's id by its key (`with_mentions`: only those of entities some text still names)."""
    having = " WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)" if with_mentions else ""
    return dict(db.execute(f"SELECT key, id FROM entities{having}").fetchall())


def upsert_entities(db: Store, entities: list[tuple[str, str, str]]) -> dict[str, int]:
    """Set name and type of each (key, name, type), adding the keys not yet known; returns key -> id. Two statements
    for the whole register rather than two per entity."""
    db.executemany("INSERT INTO entities (key, name, type) VALUES (?, ?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET name = excluded.name, type = excluded.type", entities)
    return entity_ids_by_key(db)


def replace_register(db: Store, aliases: dict[int, set[str]], mentions: list[dict]) -> None:
    """Swap in a new set of aliases and mentions (entity rows are kept, so ids and authority ids survive)."""
    db.execute("DELETE FROM mentions")
    db.execute("DELETE FROM entity_aliases")
    db.table("entity_aliases").insert_all(
        [{"entity_id": entity_id, "alias": alias} for entity_id, names in aliases.items() for alias in names])
    db.table("mentions").insert_all(mentions, batch_size=5000)


def replace_suggestions(db: Store, suggestions: list[tuple[str, str, float]]) -> None:
    db.execute("DELETE FROM entity_suggestions")
    db.table("entity_suggestions").insert_all(
        [{"key": a, "other_key": b, "score": score} for a, b, score in suggestions])


def suggestion_rows(db: Store) -> list[tuple[int, str, str, float]]:
    sql = "SELECT id, key, other_key, score FROM entity_suggestions ORDER BY score DESC"
    return [tuple(row) for row in db.execute(sql)]


def add_decision(db: Store, kind: str, payload: dict) -> None:
    db.table("entity_decisions").insert({"kind": kind, "payload": json.dumps(payload), "created_at": now()})


RANGED_DECISIONS = ("confirm_mention", "reject_mention", "add_mention", "move_mention")  # about a range of a text


def ranged_decisions_of(db: Store, document_id: int) -> list[tuple[int, dict]]:
    """(row id, payload) of the decisions about ranges of this document's text."""
    sql = f"""SELECT id, payload FROM entity_decisions WHERE kind IN ({", ".join("?" * len(RANGED_DECISIONS))})
              AND json_extract(payload, '$.document_id') = ?"""
    return [(row[0], json.loads(row[1])) for row in db.execute(sql, [*RANGED_DECISIONS, document_id]).fetchall()]


def set_decision_payload(db: Store, row_id: int, payload: dict) -> None:
    db.execute("UPDATE entity_decisions SET payload = ? WHERE id = ?", [json.dumps(payload), row_id])


def decision_rows(db: Store) -> list[tuple[str, dict]]:
    return [(kind, json.loads(payload)) for kind, payload in
            db.execute("SELECT kind, payload FROM entity_decisions ORDER BY id").fetchall()]


def counts(db: Store) -> tuple[int, int, int]:
    """(entities named, their mentions, dates): what the register holds, counted as it lists it."""
    sql = """SELECT COUNT(DISTINCT CASE WHEN type != 'DATE' THEN entity_id END),
                    COUNT(CASE WHEN type != 'DATE' THEN 1 END), COUNT(CASE WHEN type = 'DATE' THEN 1 END)
             FROM mentions"""
    return tuple(db.execute(sql).fetchone())


def mention_count(db: Store) -> int:
    """How many mentions are written, of every document."""
    return db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]


def summaries(db: Store, where: str = "", params: list | None = None) -> list[EntitySummary]:
    sql = f"{_SUMMARY_SQL} {where} GROUP BY e.id HAVING mention_count > 0 ORDER BY mention_count DESC, e.name"
    return [_summary(row) for row in db.rows(sql, params or [])]


def has_mentions(db: Store, entity_id: int) -> bool:
    """Whether any mention is the entity's (one merged into another keeps its row, with none)."""
    return db.execute("SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1", [entity_id]).fetchone() is not None


def aliases_of(db: Store, entity_id: int) -> list[str]:
    """The names an entity is written by, the one it is shown by too."""
    return [row[0] for row in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", [entity_id])]


def entity_row(db: Store, entity_id: int) -> dict | None:
    rows = list(db.rows("SELECT * FROM entities WHERE id = ?", [entity_id]))
    return rows[0] if rows else None


def update_entity(db: Store, entity_id: int, changes: dict) -> None:
    db.table("entities").update(entity_id, changes)


def mentions(db: Store, document_id: int | None = None, entity_id: int | None = None,
             most: int | None = None) -> list[Mention]:
    """The mentions of a document or an entity (or all), in document order; the first `most` of them if given."""
    clauses, params = [], []
    if document_id is not None:
        clauses.append("document_id = ?")
        params.append(document_id)
    if entity_id is not None:
        clauses.append("entity_id = ?")
        params.append(entity_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f'SELECT document_id, start, "end", text, type, entity_id, date_value, confidence FROM mentions {where} ' \
          'ORDER BY document_id, start LIMIT ?'
    return [Mention(*row[:6], row[6] or "", row[7])
            for row in db.execute(sql, [*params, -1 if most is None else most]).fetchall()]


def mentions_off_version(db: Store, document_id: int, version_id: int) -> list[tuple[int, int, int, int, str]]:
    """(row, version, start, end, text) of a document's mentions found in a version other than `version_id`."""
    sql = 'SELECT id, version_id, start, "end", text FROM mentions WHERE document_id = ? AND version_id != ?'
    return db.execute(sql, [document_id, version_id]).fetchall()


def move_mentions(db: Store, version_id: int, moved: list[tuple[int, int, int]], dropped: list[int]) -> None:
    """Put mentions (row, start, end) on `version_id`'s text, and delete the `dropped` rows."""
    db.executemany('UPDATE mentions SET start = ?, "end" = ?, version_id = ? WHERE id = ?',
                   [(start, end, version_id, row) for row, start, end in moved])
    db.executemany("DELETE FROM mentions WHERE id = ?", [(row,) for row in dropped])


def drop_mentions_off_version(db: Store, document_id: int) -> None:
    """Delete a document's mentions found in a version that is no longer its current one (an Undo of an import or
    of a correction made another current): drawn on the current text, they marked other words."""
    db.execute("DELETE FROM mentions WHERE document_id = ? AND version_id != "
               "(SELECT current_version_id FROM documents WHERE id = ?)", [document_id, document_id])


RANGES_PER_QUERY = 3000  # three values each, under SQLite's limit on bound values


def mentions_within(db: Store, ranges: list[tuple[int, int, int]]) -> list[Mention]:
    """The mentions overlapping any of the (document, start, end) ranges, each once: one indexed query per few
    thousand ranges, not every mention of their documents read and tested."""
    found: dict[tuple, Mention] = {}
    for begin in range(0, len(ranges), RANGES_PER_QUERY):
        chunk = ranges[begin:begin + RANGES_PER_QUERY]
        values = ", ".join("(?, ?, ?)" for _ in chunk)
        sql = f"""WITH ranges(document_id, start, "end") AS (VALUES {values})
                  SELECT DISTINCT m.document_id, m.start, m."end", m.text, m.type, m.entity_id, m.date_value,
                         m.confidence
                  FROM ranges r JOIN mentions m ON m.document_id = r.document_id AND m.start < r."end"
                                                AND r.start < m."end" """
        for row in db.execute(sql, [value for found_range in chunk for value in found_range]).fetchall():
            found[row[:3] + row[5:6]] = Mention(*row[:6], row[6] or "", row[7])
    return list(found.values())


def mentions_in_context(db: Store, entity_ids: list[int], before: int, after: int) -> list[tuple[str, str, str]]:
    """(the `before` characters ahead, the text, the `after` characters after) of these entities' mentions in their
    documents' current texts (SQLite counts characters as Python does)."""
    sql = f"""SELECT substr(v.text, max(1, m.start + 1 - ?), m.start - max(0, m.start - ?)),
                     substr(v.text, m.start + 1, m."end" - m.start), substr(v.text, m."end" + 1, ?)
              FROM mentions m JOIN documents d ON d.id = m.document_id JOIN versions v ON v.id = d.current_version_id
              WHERE m.entity_id IN ({', '.join('?' * len(entity_ids))})"""
    return db.execute(sql, [before, before, after, *entity_ids]).fetchall()


def mention_at(db: Store, document_id: int, start: int, end: int) -> Mention | None:
    """The mention of exactly this range of the document, if there is one."""
    sql = 'SELECT document_id, start, "end", text, type, entity_id, date_value, confidence FROM mentions ' \
          'WHERE document_id = ? AND start = ? AND "end" = ?'
    row = db.execute(sql, [document_id, start, end]).fetchone()
    return None if row is None else Mention(*row[:6], row[6] or "", row[7])


def low_confidence_mentions(db: Store, below: float) -> list[Mention]:
    """Mentions recognition is least sure of, least sure first."""
    sql = 'SELECT document_id, start, "end", text, type, entity_id, date_value, confidence FROM mentions ' \
          "WHERE confidence < ? ORDER BY confidence, document_id, start"
    return [Mention(*row[:6], row[6] or "", row[7]) for row in db.execute(sql, [below]).fetchall()]


def _summary(row: dict) -> EntitySummary:
    aliases = tuple(sorted(set((row["aliases"] or "").split("\x1f")) - {"", row["name"]}))
    return EntitySummary(row["id"], row["name"], row["type"], aliases, row["mention_count"], row["document_count"],
                         row["wikidata"] or "", row["viaf"] or "", row["geonames"] or "", row["note"] or "")


def documents_of_entities(db: Store) -> dict[int, list[int]]:
    """Entity id -> the documents mentioning it, in document order."""
    found: dict[int, list[int]] = {}
    for entity_id, document_id in db.execute("SELECT DISTINCT entity_id, document_id FROM mentions "
                                             "ORDER BY entity_id, document_id").fetchall():
        found.setdefault(entity_id, []).append(document_id)
    return found


def geonames_links(db: Store, entity_ids: set[int]) -> dict[int, str]:
    """Entity id -> the GeoNames id the user linked it to, for those of `entity_ids` linked."""
    sql = f"SELECT id, geonames FROM entities WHERE geonames != '' AND id IN ({', '.join('?' * len(entity_ids))})"
    return dict(db.execute(sql, list(entity_ids)).fetchall()) if entity_ids else {}


def entity_names(db: Store, entity_ids: set[int] | None = None) -> dict[int, str]:
    """Entity id -> canonical name, for `entity_ids` (or every entity), without the register's counts."""
    if entity_ids is not None and not entity_ids:
        return {}
    where = f"WHERE id IN ({', '.join('?' * len(entity_ids))})" if entity_ids is not None else ""
    return dict(db.execute(f"SELECT id, name FROM entities {where}", list(entity_ids or [])).fetchall())


def register_names(db: Store) -> list[str]:
    """The names of the entities the register lists (those with a mention), each once."""
    sql = "SELECT DISTINCT name FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)"
    return [row[0] for row in db.execute(sql).fetchall()]
