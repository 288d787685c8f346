"""SQL for the hits of one kind: its rowid block of the index, narrowed by filters, counted and paged.

Every kind of row lives in its own rowid block (kind << 50, see migration m006), so one kind's matches are an FTS5
rowid range: counting them reads no row content, and the first page (in rowid order) stops after `limit` rows.
Filters on documents, tags and relations are resolved to ids first, so they need each row's rowid only; filters on
mentions read the row's passage and look it up in the mentions index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.folding import without_accents
from reader.core.storage.search_index import ENTITY_ROWS, LINE_BITS, SNIPPET_TOKENS, TEXT_ROWS, IndexRow
from reader.core.storage.store import Store

BLOCK = 1 << 50
KIND_BLOCKS = {"annotation": 1 * BLOCK, "link": 2 * BLOCK, "document": 3 * BLOCK, "notebook": 4 * BLOCK,
               "text": TEXT_ROWS, "entity": ENTITY_ROWS}
# Subqueries of one column `id`: the ids (rowid minus the kind's block) of a kind's rows that pass a filter.
_DOCUMENT_IDS = {  # rows that belong to documents {ids} (links and Notebook notes: see _by_one_passage)
    "annotation": "SELECT id FROM annotations WHERE document_id IN ({ids})",
    "document": "SELECT id FROM documents WHERE id IN ({ids})",
}
# A link stands while neither of its passages is in the Trash (a note trashed takes its links with it; the index
# keeps the link's row, which the Trash brings back with the note).
_LIVE_LINKS = """SELECT l.id, l.from_annotation_id, l.to_annotation_id, l.relation FROM links l
    JOIN annotations a ON a.id = l.from_annotation_id AND a.deleted_at IS NULL
    JOIN annotations b ON b.id = l.to_annotation_id AND b.deleted_at IS NULL WHERE l.deleted_at IS NULL"""
_RELATED_IDS = {  # the ids of a kind's rows in a link of some relation (one parameter per ?)
    "annotation": f"""SELECT from_annotation_id AS id FROM ({_LIVE_LINKS}) WHERE lower(relation) = ?
                      UNION SELECT to_annotation_id FROM ({_LIVE_LINKS}) WHERE lower(relation) = ?""",
    "link": f"SELECT id FROM ({_LIVE_LINKS}) WHERE lower(relation) = ?",
}

# bm25 weighing the words as written alone: the second reading of a row (`joined`, words broken at its lines' ends
# read whole) finds, but weighed too it ranked a row with such a break above the same row without one
RANK = "bm25(search_index, 1, 0, 0, 0, 0, 0, 0)"
NOTE_RANK = "bm25(search_index, 0, 0, 0, 0, 0, 0, 1)"  # a note's second reading, its words folded (m034): a note
# pasted from a PDF ("ofﬁcial") is found by it alone, and weighed nothing it ranked below all others (audit DS F2);
# weighed with its words as written, one with a ligature anywhere counted them twice (audit DU F2)
NOTED = ("annotation", "link", "document", "notebook")  # the kinds whose rows have that reading (not entities: DV F1)
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"  # what the index marks a hit with in a snippet: characters no text holds
# (a source's own brackets, "[sic]", "[illegible]", read as hits), made brackets once the snippet is as written


@dataclass(frozen=True)
class MentionFilter:
    """Passages must mention one of these entities, or an entity of this type, or a date within these days (ISO:
    the first and the last)."""

    entity_ids: tuple[int, ...] | None = None
    entity_type: str = ""
    days: tuple[str, str] | None = None


@dataclass(frozen=True)
class Restriction:
    """What the filters leave, resolved to ids; None means 'not restricted'. Every listed condition must hold."""

    document_ids: frozenset[int] | None = None
    tag_sets: tuple[frozenset[int], ...] = ()  # each: the annotation has one of these tags
    tags_left_out: frozenset[int] = frozenset()  # the annotation has none of these tags
    relations: tuple[str, ...] = ()
    mentions: tuple[MentionFilter, ...] = ()
    left_out: str = ""  # an FTS5 expression the rows must not match (filters with words left out, no words)

    @property
    def is_empty(self) -> bool:
        return self.document_ids is None and not (self.tag_sets or self.tags_left_out or self.relations
                                                  or self.mentions or self.left_out)

    def allows(self, kind: str) -> bool:
        """Whether any row of `kind` can pass (a tag only annotations have; entities belong to no document)."""
        if (self.tag_sets or self.tags_left_out) and kind != "annotation":  # coded or not: a note's
            return False
        if self.relations and kind not in ("annotation", "link"):
            return False
        if kind == "entity":
            return self.document_ids is None and all(m.days is None for m in self.mentions)
        return True


class _Sql:
    """WHERE clauses and their parameters, built together."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list = []

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def where(self) -> str:
        return " AND ".join(self.clauses) or "1"


def count_hits(db: Store, expression: str, kind: str, restriction: Restriction, last_rowid: int = 0,
               with_mentions: bool = True) -> int:
    """How many rows of `kind` match and pass (up to `last_rowid` when given); reads no row content unless
    mention filters must be checked."""
    sql = _conditions(expression, kind, restriction, last_rowid, with_mentions)
    return db.execute(f"SELECT count(*) FROM search_index s WHERE {sql.where}", sql.params).fetchone()[0]


def count_all(db: Store, expression: str) -> int:
    """How many rows of any kind match: one pass that reads no row content."""
    return db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH ?", [expression]).fetchone()[0]


def nth_rowid(db: Store, expression: str, kind: str, restriction: Restriction, n: int) -> int:
    """The rowid of the n-th matching row of `kind` (in rowid order) before mention filters; 0 when fewer."""
    sql = _conditions(expression, kind, restriction, 0, with_mentions=False)
    row = db.execute(f"SELECT s.rowid FROM search_index s WHERE {sql.where} ORDER BY s.rowid LIMIT 1 OFFSET ?",
                     [*sql.params, n - 1]).fetchone()
    return row[0] if row else 0


def page_of_hits(db: Store, expression: str, kind: str, restriction: Restriction, limit: int,
                 ranked: bool, last_rowid: int = 0) -> list[IndexRow]:
    """The first `limit` passing rows of `kind`: best first (bm25) when `ranked`, else in rowid (reading) order,
    which lets SQLite stop after `limit` rows and make only their snippets. Without words, in the order of the
    driving filter's ids (ascending: SQLite walks its IN list in order) for the same reason."""
    sql = _conditions(expression, kind, restriction, last_rowid)
    snippet = f"snippet(search_index, -1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', {SNIPPET_TOKENS})" if expression \
        else "substr(s.body, 1, 120)"
    rank = NOTE_RANK if kind in NOTED else RANK
    order = (f"ORDER BY {rank}, s.rowid" if ranked else "ORDER BY s.rowid") if expression else ""
    if kind == "text":  # a text's own line is read from the text
        query = f"""SELECT s.kind, s.document_id, s.ref, s.start, s."end", {snippet} FROM search_index s
                    WHERE {sql.where} {order} LIMIT ?"""
        return [IndexRow(*row) for row in db.execute(query, [*sql.params, limit]).fetchall()]
    query = f"""SELECT s.kind, s.document_id, s.ref, s.start, s."end", CAST({snippet} AS BLOB), CAST(s.body AS BLOB)
                FROM search_index s WHERE {sql.where} {order} LIMIT ?"""
    return [IndexRow(*row[:5], _lenient(row[5]), _lenient(row[6])) for row in db.execute(query, [*sql.params, limit])]


def _lenient(written: bytes | None) -> str:
    """A note's words as bytes, read with a stand-in for what is no UTF-8: one another program wrote so failed
    every search its words matched, the texts' hits with it (audit DS F4)."""
    return written.decode("utf-8", "replace") if written else ""


def all_ids(db: Store, expression: str, kind: str, restriction: Restriction) -> list[int]:
    """The ids (annotation id, link id, …) of every passing row of `kind`, however many, every filter checked."""
    sql = _conditions(expression, kind, restriction, 0)
    query = f"SELECT s.rowid - {KIND_BLOCKS[kind]} FROM search_index s WHERE {sql.where}"
    return [row[0] for row in db.execute(query, sql.params).fetchall()]


def _conditions(expression: str, kind: str, restriction: Restriction, last_rowid: int,
                with_mentions: bool = True) -> _Sql:
    """With words, FTS5 drives and each filter tests the row's id against a list; without, the first filter's list
    drives (rowid lookups), so listing a tag's notes never reads the whole index."""
    sql = _Sql()
    first = KIND_BLOCKS[kind]
    if expression:
        sql.add("search_index MATCH ?", expression)
    sql.add("s.rowid BETWEEN ? AND ?", first, last_rowid or first + BLOCK - 1)
    if restriction.document_ids is not None and kind == "text":
        sql.add(f"((s.rowid - {TEXT_ROWS}) >> {LINE_BITS}) IN ({_integers(restriction.document_ids)})")
    if restriction.left_out:
        sql.add("s.rowid NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)", restriction.left_out)
    if restriction.tags_left_out:
        sql.add(f"s.rowid - {first} NOT IN (SELECT annotation_id FROM annotation_tags "
                f"WHERE tag_id IN ({_integers(restriction.tags_left_out)}))")
    for subquery, params in _id_lists(kind, restriction, with_mentions):
        if expression:
            sql.add(f"s.rowid - {first} IN ({subquery})", *params)
        else:
            sql.add(f"s.rowid IN (SELECT {first} + id FROM ({subquery}))", *params)
    for mention in restriction.mentions if with_mentions and kind not in ("entity", *_PASSAGES_OF) else ():
        _add_mention(sql, kind, mention)
    return sql


def _id_lists(kind: str, restriction: Restriction, with_mentions: bool) -> list[tuple[str, list]]:
    """Subqueries listing the ids of `kind` that each id-based filter allows, with their parameters."""
    lists: list[tuple[str, list]] = [(f"SELECT id FROM ({_LIVE_LINKS})", [])] if kind == "link" else []
    if kind in _PASSAGES_OF and (restriction.document_ids is not None or (restriction.mentions and with_mentions)):
        lists.append(_by_one_passage(kind, restriction, with_mentions))
    elif restriction.document_ids is not None and kind in _DOCUMENT_IDS:
        lists.append((_DOCUMENT_IDS[kind].format(ids=_integers(restriction.document_ids)), []))
    lists += [(f"SELECT annotation_id AS id FROM annotation_tags WHERE tag_id IN ({_integers(tag_ids)})", [])
              for tag_ids in restriction.tag_sets]
    lists += [(_RELATED_IDS[kind], [relation] * _RELATED_IDS[kind].count("?")) for relation in restriction.relations]
    if kind == "entity" and with_mentions:
        lists += [_entity_ids(mention) for mention in restriction.mentions]
    return lists


# The passages a link joins, and those a Notebook note cites (`a`): a mention filter is met in them. A link's row
# holds its first passage alone, and a Notebook note's none, so a link was found by one end and a note never.
_PASSAGES_OF = {
    "link": "SELECT l.id AS id FROM links l JOIN annotations a ON a.id IN (l.from_annotation_id, l.to_annotation_id)",
    "notebook": "SELECT c.note_id AS id FROM note_citations c JOIN annotations a ON a.id = c.annotation_id",
}


def _by_one_passage(kind: str, restriction: Restriction, with_mentions: bool) -> tuple[str, list]:
    """Links or Notebook notes one of whose passages meets every filter on passages (its document, its mentions):
    met each by another passage, 'doc:000 date:1934-11-24' listed a link from the 15th in 000 to the 24th in 002.
    A Notebook note on one of the documents counts too, when no mention is asked for."""
    clauses, params = ["1"], []
    if restriction.document_ids is not None:
        clauses.append(f"a.document_id IN ({_integers(restriction.document_ids)})")
    for mention in restriction.mentions if with_mentions else ():
        condition, condition_params = mention_condition(mention)
        clauses.append(f"""EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = a.document_id
                           AND m.start >= a.start AND m.start < max(a."end", a.start + 1) AND {condition})""")
        params += condition_params
    sql = f"{_PASSAGES_OF[kind]} WHERE {' AND '.join(clauses)}"
    if kind == "notebook" and restriction.document_ids is not None and not (restriction.mentions and with_mentions):
        sql += f" UNION SELECT id FROM notebook_notes WHERE document_id IN ({_integers(restriction.document_ids)})"
    return sql, params


def _entity_ids(mention: MentionFilter) -> tuple[str, list]:
    """Entity rows pass a mention filter by who they are: named so, or of that type."""
    if mention.entity_ids is not None:
        return f"SELECT id FROM entities WHERE id IN ({_integers(mention.entity_ids)})", []
    return "SELECT id FROM entities WHERE type = ?", [mention.entity_type]


def _add_mention(sql: _Sql, kind: str, mention: MentionFilter) -> None:
    """Rows pass when their passage holds such a mention (a document row: anywhere in the document; a row without
    a span: its first character, as before)."""
    span = "" if kind == "document" else 'AND m.start >= s.start AND m.start < max(s."end", s.start + 1)'
    condition, params = mention_condition(mention)
    sql.add(f"EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = s.document_id {span} AND {condition})", *params)


def mention_condition(mention: MentionFilter) -> tuple[str, list]:
    """SQL on a mention `m` (answerable from the mentions index alone) for one mention filter."""
    if mention.entity_ids is not None:
        return f"m.entity_id IN ({_integers(mention.entity_ids)})", []
    if mention.entity_type:
        return "m.type = ?", [mention.entity_type]
    first, last = mention.days or ("0000", "0000")  # a date or a span ("1930..1933") that overlaps those days:
    # its years first (the index answers them), then its days (see `DATE_OVERLAPS`)
    return ("m.type = 'DATE' AND CAST(substr(m.date_value, 1, 4) AS INTEGER) <= ? AND CAST(CASE WHEN "
            "instr(m.date_value, '..') THEN substr(m.date_value, instr(m.date_value, '..') + 2, 4) ELSE "
            f"substr(m.date_value, 1, 4) END AS INTEGER) >= ? AND {DATE_OVERLAPS}(m.date_value, ?, ?)",
            [int(last[:4]), int(first[:4]), first, last])


DATE_OVERLAPS = "date_overlaps"  # a function of the connection: whether a stored date value overlaps two ISO days


def allow_date_filters(db: Store, overlaps) -> None:
    """Give the connection `DATE_OVERLAPS` (value, first day, last day) -> bool, as the caller reads date values
    ("1934-11", "1935 early", "1934-11-24 before"): a filter by month or day needs each value's own days."""
    db.conn.create_function(DATE_OVERLAPS, 3, overlaps, deterministic=True)


def _integers(values) -> str:
    """Ids written into the SQL (integers only, so nothing typed reaches it): any number of them, no bind limit."""
    return ", ".join(str(int(value)) for value in sorted(values)) or "NULL"


_MENTIONED = "EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = {})"  # in the register: one judged not an
# entity, or merged into another, keeps its row with no mention, and found nothing, silently (audit BO F5)


def entity_ids_named(db: Store, name: str) -> tuple[int, ...]:
    """The register's entities called `name`, case and diacritics aside as in the rest of search: those whose name
    or an alias is it, else those whose name or an alias holds it as whole words ("Genden" finds Peljidiin Genden;
    "Russia" is not "Russian government", nor "_" every entity); a name ending in '*' gives its last word by its
    beginning ("Gen*", as "tag:meeting*")."""
    wanted, beginning = folded_words(name), name.rstrip().endswith("*")
    if not wanted:
        return ()
    names = [(entity_id, folded_words(written)) for entity_id, written in db.execute(
        f"SELECT e.id, e.name FROM entities e WHERE {_MENTIONED.format('e.id')} UNION ALL "
        f"SELECT a.entity_id, a.alias FROM entity_aliases a WHERE {_MENTIONED.format('a.entity_id')}").fetchall()]
    exact = set() if beginning else {entity_id for entity_id, words in names if words == wanted}
    return tuple(sorted(exact or {entity_id for entity_id, words in names if _holds(words, wanted, beginning)}))


def folded_words(text: str) -> tuple[str, ...]:
    """The words of a name without case or diacritics ('Sükhbaatar' and 'SUKHBAATAR' alike)."""
    return tuple(re.findall(r"\w+", without_accents(text).casefold()))


def _holds(words: tuple[str, ...], wanted: tuple[str, ...], beginning: bool = False) -> bool:
    """Whether `words` hold `wanted` whole (`beginning`: its last word may be the beginning of one)."""
    size = len(wanted)
    return any(words[at:at + size - 1] == wanted[:-1] and (words[at + size - 1].startswith(wanted[-1]) if beginning
                                                            else words[at + size - 1] == wanted[-1])
               for at in range(len(words) - size + 1))


def tag_names(db: Store) -> list[str]:
    return [row[0] for row in db.execute("SELECT name FROM tags ORDER BY name").fetchall()]


def tag_ids(db: Store) -> dict[str, set[int]]:
    """Tag ids by name, case and accents aside (as words and entities are found)."""
    found: dict[str, set[int]] = {}
    for tag_id, name in db.execute("SELECT id, name FROM tags").fetchall():
        found.setdefault(without_accents(name.casefold()), set()).add(tag_id)
    return found


def count_mentions(db: Store, mentions: tuple[MentionFilter, ...], document_ids: frozenset[int] | None) -> int:
    """How many mentions pass every mention filter (in these documents)."""
    where, params = _mention_where(mentions, document_ids)
    return db.execute(f"SELECT count(*) FROM mentions m WHERE {where}", params).fetchone()[0]


def first_mentions(db: Store, mentions: tuple[MentionFilter, ...], document_ids: frozenset[int] | None,
                   limit: int) -> list[tuple[int, int, int, int]]:
    """(document, start, end, entity id) of the first `limit` passing mentions, in reading order."""
    where, params = _mention_where(mentions, document_ids)
    sql = f'SELECT m.document_id, m.start, m."end", m.entity_id FROM mentions m WHERE {where} ' \
          "ORDER BY m.document_id, m.start LIMIT ?"
    return [tuple(row) for row in db.execute(sql, [*params, limit]).fetchall()]


def mentions_within(db: Store, document_id: int, start: int, end: int,
                    mentions: tuple[MentionFilter, ...]) -> list[tuple[int, int]]:
    """(start, end) of the mentions in [start, end) of a document that pass any of the filters, in order."""
    conditions = [mention_condition(mention) for mention in mentions]
    where = " OR ".join(f"({condition})" for condition, _ in conditions) or "1"
    sql = ('SELECT m.start, m."end" FROM mentions m WHERE m.document_id = ? AND m.start >= ? AND m.start < ? '
           f"AND ({where}) ORDER BY m.start")
    params = [document_id, start, end, *(value for _, values in conditions for value in values)]
    return [tuple(row) for row in db.execute(sql, params).fetchall()]


def _mention_where(mentions: tuple[MentionFilter, ...], document_ids: frozenset[int] | None) -> tuple[str, list]:
    clauses, params = [], []
    for mention in mentions:
        condition, condition_params = mention_condition(mention)
        clauses.append(f"({condition})")
        params += condition_params
    if document_ids is not None:
        clauses.append(f"m.document_id IN ({_integers(document_ids)})")
    return " AND ".join(clauses) or "1", params


LINES_PER_QUERY = 3000  # three values each, under SQLite's limit on bound values


def written_lines(db: Store, ranges: list[tuple[int, int, int]]) -> dict[tuple[int, int, int], str]:
    """The current text of each (document, start, end) as written (the index holds it folded), cut in SQLite: a
    page of hits read whole its documents' texts, and searching took twice as long."""
    found: dict[tuple[int, int, int], str] = {}
    for at in range(0, len(ranges), LINES_PER_QUERY):
        part = ranges[at:at + LINES_PER_QUERY]
        sql = f"""WITH wanted(document_id, start, "end") AS (VALUES {", ".join("(?, ?, ?)" for _ in part)})
                  SELECT w.document_id, w.start, w."end", substr(v.text, w.start + 1, w."end" - w.start)
                  FROM wanted w JOIN documents d ON d.id = w.document_id
                  JOIN versions v ON v.id = d.current_version_id"""
        found.update({row[:3]: row[3] for row in db.execute(sql, [value for place in part for value in place])})
    return found
