"""SQL for the search index: text lines and entity names written by core calls, queries, saved searches.

Rows for annotations, tags, links, notebook notes and metadata are kept by triggers (migration m006).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.core.folding import searchable
from reader.core.ranges import merge, overlaps_merged
from reader.core.storage import documents as document_store
from reader.core.storage.documents import now
from reader.core.storage.store import Store
from reader.core.wrapping import BREAK_HYPHENS, hard_wrapped

SNIPPET_TOKENS = 12
TEXT_ROWS = 5 << 50  # + document id << 24 + line number (see migration m006 for the other kinds)
ENTITY_ROWS = 6 << 50
LINE_BITS = 24
PARAGRAPH_LINES = 30  # lines a wrapped paragraph holds at most


@dataclass(frozen=True)
class IndexRow:
    """One hit straight from the index: what kind of thing, where, and a snippet with the match in [brackets]."""

    kind: str
    document_id: int | None
    ref: int | None
    start: int
    end: int
    snippet: str
    written: str = ""  # a note's row as written, which a snippet of its second reading (folded) is quoted from


def remove_document_text(db: Store, document_id: int) -> None:
    first = TEXT_ROWS + (document_id << LINE_BITS)
    db.execute("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?", [first, first + (1 << LINE_BITS) - 1])


def index_document_text(db: Store, document_id: int) -> None:
    """(Re)index a document's current text line by line (a hard-wrapped one paragraph by paragraph), leaving out
    boilerplate; offsets are code points. Rows are numbered in reading order within the document's range."""
    first = TEXT_ROWS + (document_id << LINE_BITS)
    remove_document_text(db, document_id)
    version = document_store.version_text(db, document_store.current_version_id(db, document_id))
    boilerplate = merge((s.start, s.end) for s in version.boilerplate)  # a book has hundreds of running heads
    text = version.text
    lines, start = [], 0
    for number, line in enumerate(text.split("\n")):
        end = start + len(line)
        if line.strip():
            lines += [(number, *stretch) for stretch in _outside(boilerplate, text, start, end)]
        start = end + 1
    rows = [(first + row, *_readings(text[start:end]), "text", document_id, document_id, start, end)
            for row, (_number, start, end) in enumerate(
                _paragraphs(lines) if hard_wrapped([end - start for _number, start, end in lines]) else lines)]
    columns = ["rowid", "body", "joined", "kind", "document_id", "ref", "start", '"end"']
    if not _reads_joined(db):  # an index an upgrade step before m027 writes, which has no such column yet
        columns.remove("joined")
        rows = [(row[0], row[1], *row[3:]) for row in rows]
    db.executemany(f"INSERT INTO search_index ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})", rows)


def _readings(stretch: str) -> tuple[str, str | None]:
    """A row's words as the text writes them, and, where it breaks words at its lines' ends, with those read
    whole (`_unbroken`); None where the two are the same. Both are searched: a break hyphen cannot be told from a
    compound's ("Choibal-/san", "well-/known"), and either reading alone lost the other's words."""
    body, joined = searchable(stretch), searchable(_unbroken(stretch))
    return body, joined if joined != body else None


def quote_reading(exact: str) -> str | None:
    """A highlight's quote as the index reads a text's rows (`_readings`), where that differs from its words as
    written: kept on the annotation (`exact_joined`) for the triggers writing its search row, which hold the quote
    as written (SQL cannot read it so)."""
    joined = searchable(_unbroken(exact))
    return joined if joined != exact else None


def _reads_joined(db: Store) -> bool:
    return any(column[0] == "joined" for column in db.execute("SELECT * FROM search_index LIMIT 0").description)


def _outside(boilerplate: list[tuple[int, int]], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of the line [start, end) no boilerplate covers, each without the blanks at its edges: a line
    touching boilerplate was left out whole, and a paragraph the PDF reader joined to a page's footer, or one a few
    words of which were marked by hand, vanished from search while its words were shown as ordinary text."""
    if not overlaps_merged(boilerplate, start, end):
        return [(start, end)]
    stretches, at = [], start
    for cut_start, cut_end in boilerplate[bisect_right(boilerplate, start, key=lambda cut: cut[1]):]:
        if cut_start >= end:
            break
        stretches.append((at, cut_start))
        at = max(at, cut_end)
    stretches.append((at, end))
    return [(first + len(words) - len(words.lstrip()), last - len(words) + len(words.rstrip()))
            for first, last in stretches if (words := text[first:last]).strip()]


BREAK_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{BREAK_HYPHENS}]\n(?=[^\W\d_])")  # at a line's end, letters about it


def _unbroken(stretch: str) -> str:
    """A paragraph of a hard-wrapped text with a word hyphenated at a line's end ("Choibal-\nsan", "Af-\nfairs")
    whole again, as the PDF reader joins it; a hyphen before a capital stays, a compound's ("Soviet-\nMongolian").
    A compound broken before a small letter ("well-\nknown") reads as one word here: see `_readings`."""
    return BREAK_HYPHEN.sub(lambda match: "" if stretch[match.end()].islower() else match[0], stretch)


def _paragraphs(lines: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Runs of consecutive lines (no blank or boilerplate line between) as one row each; a run longer than a
    paragraph (verse, a list with no blank lines) stays line by line."""
    runs: list[list[tuple[int, int, int]]] = []
    for line in lines:
        if runs and runs[-1][-1][0] == line[0] - 1 and runs[-1][-1][2] + 1 == line[1]:  # nothing left out between
            runs[-1].append(line)
        else:
            runs.append([line])
    return [row for run in runs for row in ([(run[0][0], run[0][1], run[-1][2])] if len(run) <= PARAGRAPH_LINES
                                            else run)]


def index_all_texts(db: Store) -> None:
    live = "SELECT id FROM documents WHERE current_version_id IS NOT NULL AND deleted_at IS NULL"
    for (document_id,) in db.execute(live).fetchall():
        index_document_text(db, document_id)


def index_entities(db: Store) -> None:
    """Replace the entity rows: each entity's name, aliases and type, findable as a kind of its own, and written as
    the hit shows it: "Joseph Stalin — also I. V. Stalin, Satlin (PERSON)"."""
    db.execute("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?", [ENTITY_ROWS, ENTITY_ROWS + (1 << 50) - 1])
    db.execute(f"""
        INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
        SELECT {ENTITY_ROWS} + e.id,
               e.name || COALESCE(' — also ' || (SELECT group_concat(alias, ', ') FROM entity_aliases a
                                                 WHERE a.entity_id = e.id AND a.alias != e.name), '')
                      || ' (' || e.type || ')',
               'entity', NULL, e.id, 0, 0
        FROM entities e WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)""")


def match(db: Store, expression: str, limit: int) -> list[IndexRow]:
    """The plain ranked FTS5 match with snippets, no filters or groups: what the search bench compares against."""
    sql = f"""SELECT kind, document_id, ref, start, "end",
                     snippet(search_index, 0, '[', ']', '…', {SNIPPET_TOKENS})
              FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?"""
    return [IndexRow(*row) for row in db.execute(sql, [expression, limit]).fetchall()]


def save_search(db: Store, name: str, query: str) -> int:
    return db.table("saved_searches").insert({"name": name, "query": query, "created_at": now()}).last_pk


def update_saved_search(db: Store, search_id: int, query: str) -> None:
    db.execute("UPDATE saved_searches SET query = ? WHERE id = ?", [query, search_id])


def saved_searches(db: Store) -> list[tuple[int, str, str]]:
    return [tuple(row) for row in db.execute("SELECT id, name, query FROM saved_searches ORDER BY name").fetchall()]


def delete_saved_search(db: Store, search_id: int) -> None:
    db.execute("DELETE FROM saved_searches WHERE id = ?", [search_id])


def document_labels(db: Store, ids: set[int] | None = None) -> dict[int, tuple[str, str, str]]:
    """(file name, title, kind) of every document (or of `ids`): what results show and filter on, without the
    library's counts."""
    where = f"WHERE id IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})" if ids is not None else ""
    sql = f"SELECT id, file_name, COALESCE(NULLIF(title, ''), file_name), kind FROM documents {where}"
    return {row[0]: tuple(row[1:]) for row in db.execute(sql).fetchall()}
