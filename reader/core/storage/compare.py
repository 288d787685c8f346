"""SQL for comparing sources: passages' lines from the search index, the mentions in them, FTS5 neighbours, the
dismissed suggestions, and dated annotations."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.folding import without_accents
from reader.core.storage.documents import now
from reader.core.storage.search_hits import tag_ids
from reader.core.storage.search_index import ENTITY_ROWS, LINE_BITS, TEXT_ROWS
from reader.core.storage.store import Store

Line = tuple[int, int, int, str]  # document id, start, end, text


def _marks(values: Iterable) -> str:
    return ", ".join("?" * len(list(values)))


def lines_of(db: Store, document_ids: Iterable[int]) -> list[Line]:
    """The indexed lines (paragraphs, boilerplate left out) of these documents, in reading order: the index says
    which stretches search sees, so a passage is never an advert; their words are the documents' own (see
    `_as_written`)."""
    sql = 'SELECT document_id, start, "end" FROM search_index WHERE rowid BETWEEN ? AND ? ORDER BY rowid'
    wanted = sorted(set(document_ids))
    if not wanted:
        return []
    found: list[tuple[int, int, int]] = []
    for document_id in wanted:
        first = TEXT_ROWS + (document_id << LINE_BITS)
        found.extend(db.execute(sql, [first, first + (1 << LINE_BITS) - 1]).fetchall())
    return _as_written(found, _current_texts(db, f"AND d.id IN ({_marks(wanted)})", wanted))


def all_lines(db: Store) -> list[Line]:
    sql = 'SELECT document_id, start, "end" FROM search_index WHERE rowid >= ? AND rowid < ? ORDER BY rowid'
    return _as_written(db.execute(sql, [TEXT_ROWS, ENTITY_ROWS]).fetchall(), _current_texts(db))


def _as_written(rows: list[tuple[int, int, int]], texts: dict[int, str]) -> list[Line]:
    """Each line with its words as the document gives them: the index's own text is folded for searching (a
    ligature made two letters, a soft hyphen dropped, '𝔐' read 'M'), and passages cut from it stood elsewhere than
    their words and showed other letters."""
    return [(document_id, start, end, texts[document_id][start:end]) for document_id, start, end in rows
            if document_id in texts]


def _current_texts(db: Store, condition: str = "", params: Iterable = ()) -> dict[int, str]:
    sql = f"""SELECT d.id, v.text FROM documents d JOIN versions v ON v.id = d.current_version_id
              WHERE d.deleted_at IS NULL {condition}"""
    return dict(db.execute(sql, list(params)).fetchall())


def mentions_in(db: Store, document_ids: Iterable[int]) -> list[tuple[int, int, int, str, str, int]]:
    """(document, start, entity, type, date value, end) of these documents' mentions, in reading order."""
    wanted = sorted(set(document_ids))
    sql = f'''SELECT document_id, start, entity_id, type, date_value, "end" FROM mentions
              WHERE document_id IN ({_marks(wanted)}) ORDER BY document_id, start'''
    return db.execute(sql, wanted).fetchall() if wanted else []


def mentions_of_entities(db: Store, entity_ids: set[int], except_document: int | None = None,
                         ) -> list[tuple[int, int, int]]:
    """(document, start, entity) of every mention of these entities (outside one document, if given)."""
    if not entity_ids:
        return []
    sql = f"""SELECT document_id, start, entity_id FROM mentions
              WHERE entity_id IN ({_marks(entity_ids)}) AND document_id IS NOT ?"""
    return db.execute(sql, [*entity_ids, except_document]).fetchall()


def dates_in_years(db: Store, years: set[str], except_document: int) -> list[tuple[int, int, str]]:
    """(document, start, value) of the dates of these years (any precision) outside one document."""
    if not years:
        return []
    sql = f"""SELECT document_id, start, date_value FROM mentions
              WHERE type = 'DATE' AND substr(date_value, 1, 4) IN ({_marks(years)}) AND document_id != ?"""
    return db.execute(sql, [*years, except_document]).fetchall()


def document_counts(db: Store, entity_ids: set[int]) -> dict[int, int]:
    """In how many documents each entity is named: its rarity, for weighting what two passages share."""
    if not entity_ids:
        return {}
    sql = f"""SELECT entity_id, COUNT(DISTINCT document_id) FROM mentions WHERE entity_id IN ({_marks(entity_ids)})
              GROUP BY entity_id"""
    return dict(db.execute(sql, list(entity_ids)).fetchall())


def live_document_count(db: Store) -> int:
    return db.execute("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL "
                      "AND current_version_id IS NOT NULL").fetchone()[0]


def lexical_neighbours(db: Store, expression: str, except_document: int, limit: int) -> list[tuple[int, int, int]]:
    """(document, start, end) of the lines of other documents best matching an FTS5 expression (BM25)."""
    sql = """SELECT document_id, start, "end" FROM search_index
             WHERE search_index MATCH ? AND rowid >= ? AND rowid < ? AND document_id != ? ORDER BY rank LIMIT ?"""
    return db.execute(sql, [expression, TEXT_ROWS, ENTITY_ROWS, except_document, limit]).fetchall()


def lines_at(db: Store, spans: list[tuple[int, int, int]]) -> list[Line]:
    """These lines (document, start, end, as the index gives them, in reading order) with their words as written."""
    documents = {document_id for document_id, _start, _end in spans}
    return _as_written(spans, _current_texts(db, f"AND d.id IN ({_marks(documents)})", documents)) if spans else []


def named_mentions(db: Store) -> list[tuple[int, int, int]]:
    """(document, start, entity) of every mention that is not a date (read from the covering mention index)."""
    sql = "SELECT document_id, start, entity_id FROM mentions WHERE type != 'DATE' ORDER BY document_id, start"
    return db.execute(sql).fetchall()


def place_names(db: Store) -> frozenset[str]:
    """The register's names of places."""
    return frozenset(row[0] for row in db.execute("SELECT name FROM entities WHERE type = 'PLACE'").fetchall())


def person_mention_ends(db: Store) -> set[tuple[int, int]]:
    """(document, end) of every mention of a person: where a name stops, and life dates may follow."""
    return set(db.execute("SELECT document_id, \"end\" FROM mentions WHERE type = 'PERSON'").fetchall())


def date_mentions(db: Store) -> list[tuple[int, int, str, str]]:
    """(document, start, text, value) of every date mention."""
    sql = "SELECT document_id, start, text, date_value FROM mentions WHERE type = 'DATE' ORDER BY document_id, start"
    return db.execute(sql).fetchall()


def document_labels(db: Store) -> dict[int, tuple[str, str]]:
    """(file name, kind) of every live document."""
    sql = "SELECT id, file_name, kind FROM documents WHERE deleted_at IS NULL"
    return {row[0]: (row[1], row[2] or "") for row in db.execute(sql).fetchall()}


def published_dates(db: Store) -> dict[int, str]:
    """Each live document's date of publication, where its metadata give one."""
    sql = "SELECT id, date_published FROM documents WHERE deleted_at IS NULL AND COALESCE(date_published, '') != ''"
    return dict(db.execute(sql).fetchall())


def annotation_texts(db: Store) -> list[tuple[int, int, int, int, str, str, bool]]:
    """(annotation, document, start, end, quote, note, whether the text there is the quote) of the live, placed
    annotations: one awaiting review after the text changed keeps words the text may no longer give."""
    sql = """SELECT a.id, a.document_id, a.start, a."end", a.exact, a.note, a.anchor_status = 'anchored'
             FROM annotations a
             JOIN documents d ON d.id = a.document_id
             WHERE a.deleted_at IS NULL AND d.deleted_at IS NULL AND a.anchor_status != 'orphan'"""
    return db.execute(sql).fetchall()


def tagged_ranges(db: Store, tag: str, trashed: bool = False) -> list[tuple[int, int, int]]:
    """(document, start, end) of the live annotations (or those in the Trash) carrying a tag, named in any case,
    accents aside (as search's `tag:` finds it: "Urgoo" found nothing of "Ürgöö")."""
    ids = sorted(tag_ids(db).get(without_accents(tag.casefold()), ()))
    sql = f"""SELECT a.document_id, a.start, a."end" FROM annotations a JOIN annotation_tags x ON x.annotation_id = a.id
              WHERE x.tag_id IN ({_marks(ids)}) AND a.deleted_at IS {"NOT NULL" if trashed else "NULL"}"""
    return db.execute(sql, ids).fetchall() if ids else []


def live_tag_names(db: Store) -> list[str]:
    """The tags some live annotation carries."""
    sql = """SELECT DISTINCT t.name FROM tags t JOIN annotation_tags x ON x.tag_id = t.id
             JOIN annotations a ON a.id = x.annotation_id WHERE a.deleted_at IS NULL ORDER BY t.name"""
    return [row[0] for row in db.execute(sql).fetchall()]


def dismissed(db: Store) -> set[tuple[int, int, int, int, int, int]]:
    sql = """SELECT one_document_id, one_start, one_end, two_document_id, two_start, two_end
             FROM parallel_dismissals"""
    return {tuple(row) for row in db.execute(sql).fetchall()}


_TIES = "one_focus_start, one_focus_end, one_key, two_focus_start, two_focus_end, two_key"


def dismissals(db: Store) -> list[tuple[tuple[int, int, int, int, int, int], tuple, str]]:
    """Every dismissed pair, where its sides tied (six offsets, NULL if not kept) and when it was dismissed, newest
    first."""
    sql = f"""SELECT one_document_id, one_start, one_end, two_document_id, two_start, two_end, {_TIES}, dismissed_at
              FROM parallel_dismissals ORDER BY dismissed_at DESC, rowid DESC"""
    return [(tuple(row[:6]), tuple(row[6:12]), row[12]) for row in db.execute(sql).fetchall()]


def delete_dismissal(db: Store, key: tuple[int, int, int, int, int, int]) -> None:
    db.execute("""DELETE FROM parallel_dismissals WHERE one_document_id = ? AND one_start = ? AND one_end = ?
                  AND two_document_id = ? AND two_start = ? AND two_end = ?""", list(key))


def dismissals_of(db: Store, document_id: int) -> list[tuple[int, tuple[int, int, int, int, int, int], tuple]]:
    """(row id, pair, ties) of the dismissals with a passage in this document."""
    sql = f"""SELECT id, one_document_id, one_start, one_end, two_document_id, two_start, two_end, {_TIES}
              FROM parallel_dismissals WHERE one_document_id = ? OR two_document_id = ?"""
    return [(row[0], tuple(row[1:7]), tuple(row[7:])) for row in db.execute(sql, [document_id, document_id])]


def move_dismissal(db: Store, row_id: int, key: tuple[int, int, int, int, int, int], ties: tuple) -> None:
    """Give a dismissal its pair's ranges, and where they tied, in a new version (dropped if that pair is already
    dismissed)."""
    db.execute(f"""UPDATE OR IGNORE parallel_dismissals SET one_document_id = ?, one_start = ?, one_end = ?,
                   two_document_id = ?, two_start = ?, two_end = ?, ({_TIES}) = (?, ?, ?, ?, ?, ?) WHERE id = ?""",
               [*key, *ties, row_id])
    db.execute("DELETE FROM parallel_dismissals WHERE id = ? AND NOT (one_document_id = ? AND one_start = ? AND "
               "one_end = ? AND two_document_id = ? AND two_start = ? AND two_end = ?)", [row_id, *key])


def insert_dismissal(db: Store, key: tuple[int, int, int, int, int, int], ties: tuple = (None,) * 6) -> None:
    db.execute(f"""INSERT OR IGNORE INTO parallel_dismissals (one_document_id, one_start, one_end, two_document_id,
                   two_start, two_end, {_TIES}, dismissed_at) VALUES ({", ".join("?" * 13)})""", [*key, *ties, now()])


def linked_ranges(db: Store, relations: tuple[str, ...] = ()) -> list[tuple[int, int, int, int, int, int, str]]:
    """(document, start, end) of both ends of every live link (of these relations, if given), and its relation:
    pairs already judged by linking them."""
    sql = """SELECT a.document_id, a.start, a."end", b.document_id, b.start, b."end", l.relation FROM links l
             JOIN annotations a ON a.id = l.from_annotation_id JOIN annotations b ON b.id = l.to_annotation_id
             WHERE l.deleted_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL
             """ + (f" AND l.relation IN ({_marks(relations)})" if relations else "")
    return db.execute(sql, list(relations)).fetchall()


def meanings(db: Store, text_hashes: Iterable[str], model: str) -> dict[str, bytes]:
    """The cached vectors of these passage texts (by hash) that the model has read."""
    hashes, found = list(text_hashes), {}
    for begin in range(0, len(hashes), 500):  # SQLite's limit on bound values
        chunk = hashes[begin:begin + 500]
        found.update(db.execute(f"SELECT text_hash, vector FROM passage_meanings WHERE model = ? AND text_hash IN "
                                f"({_marks(chunk)})", [model, *chunk]).fetchall())
    return found


def store_meanings(db: Store, model: str, vectors: dict[str, bytes]) -> None:
    db.executemany("INSERT OR REPLACE INTO passage_meanings (text_hash, model, vector) VALUES (?, ?, ?)",
                        [(text_hash, model, vector) for text_hash, vector in vectors.items()])
