"""The schema, as an append-only list of sqlite-utils migrations.

Never edit a migration once it has been applied anywhere: add `mNNN_…` after the last one instead. Each feature's
tables come in their own migration so the history reads as the product grew.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "annotated_reader"
SCHEMA: list[Callable[[Database], None]] = []


def migration(step: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a schema step, in the order of the file."""
    SCHEMA.append(step)
    return step


def schema_migrations() -> Migrations:
    """The steps as sqlite-utils `Migrations`, built only when something is pending (sqlite-utils loads slowly)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for step in SCHEMA:
        migrations()(step)
    return migrations


def _table(db: Database, name: str) -> Table:
    return db.table(name)


@migration
def m001_documents(db: Database) -> None:
    """Documents, their immutable text versions, and boilerplate ranges over each version."""
    _table(db, "documents").create(
        {
            "id": int, "file_name": str, "source_path": str, "title": str, "author": str,
            "date_published": str, "url": str, "doi": str, "kind": str, "language": str,
            "source_note": str, "current_version_id": int, "created_at": str, "modified_at": str,
        },
        pk="id", not_null={"file_name"}, defaults={"kind": "unknown"},
    )
    _table(db, "documents").create_index(["file_name"], unique=True)
    _table(db, "versions").create(
        {
            "id": int, "document_id": int, "number": int, "text": str, "content_hash": str,
            "encoding": str, "source_format": str, "char_count": int, "boilerplate_chars": int,
            "imported_at": str,
        },
        pk="id", foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "number", "text", "content_hash"}, defaults={"boilerplate_chars": 0},
    )
    _table(db, "versions").create_index(["document_id", "number"], unique=True)
    _table(db, "versions").create_index(["content_hash"])
    _table(db, "boilerplate").create(
        {"id": int, "version_id": int, "start": int, "end": int, "origin": str},
        pk="id", foreign_keys=[("version_id", "versions", "id")], not_null={"version_id", "start", "end", "origin"},
    )
    _table(db, "boilerplate").create_index(["version_id"])


@migration
def m002_annotations(db: Database) -> None:
    """Highlights and notes anchored on a version by position and quote (W3C TextPosition + TextQuote selectors)."""
    _table(db, "annotations").create(
        {
            "id": int, "document_id": int, "version_id": int, "start": int, "end": int, "exact": str,
            "prefix": str, "suffix": str, "color": str, "note": str, "anchor_status": str,
            "anchor_confidence": float, "created_at": str, "modified_at": str, "deleted_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("version_id", "versions", "id")],
        not_null={"document_id", "version_id", "start", "end", "exact"},
        defaults={"prefix": "", "suffix": "", "color": "", "note": "", "anchor_status": "anchored",
                  "anchor_confidence": 1.0},
    )
    _table(db, "annotations").create_index(["version_id"])
    _table(db, "annotations").create_index(["document_id"])


@migration
def m004_annotation_links(db: Database) -> None:
    """Tags, links between annotations, notebook and document notes, source criticism, and re-anchoring history."""
    _table(db, "tags").create({"id": int, "name": str, "created_at": str}, pk="id", not_null={"name"})
    db.execute("CREATE UNIQUE INDEX idx_tags_name ON tags (name COLLATE NOCASE)")
    _table(db, "annotation_tags").create(
        {"annotation_id": int, "tag_id": int}, pk=("annotation_id", "tag_id"),
        foreign_keys=[("annotation_id", "annotations", "id"), ("tag_id", "tags", "id")],
    )
    _table(db, "annotation_tags").create_index(["tag_id"])
    _table(db, "links").create(
        {
            "id": int, "from_annotation_id": int, "to_annotation_id": int, "relation": str, "note": str,
            "created_at": str, "modified_at": str, "deleted_at": str,
        },
        pk="id", foreign_keys=[("from_annotation_id", "annotations", "id"), ("to_annotation_id", "annotations", "id")],
        not_null={"from_annotation_id", "to_annotation_id", "relation"}, defaults={"note": ""},
    )
    _table(db, "links").create_index(["from_annotation_id"])
    _table(db, "links").create_index(["to_annotation_id"])
    _table(db, "notebook_notes").create(
        {"id": int, "document_id": int, "title": str, "body": str, "created_at": str, "modified_at": str,
         "deleted_at": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")], defaults={"title": "", "body": ""},
    )
    _table(db, "notebook_notes").create_index(["document_id"])
    _table(db, "note_citations").create(
        {"note_id": int, "annotation_id": int, "position": int}, pk=("note_id", "annotation_id"),
        foreign_keys=[("note_id", "notebook_notes", "id"), ("annotation_id", "annotations", "id")],
    )
    _table(db, "documents").add_column("date_written", str, not_null_default="")
    _table(db, "documents").add_column("events_date", str, not_null_default="")
    _table(db, "documents").add_column("reliability", int)
    _table(db, "documents").add_column("provenance_note", str, not_null_default="")
    for column, kind in (("old_version_id", int), ("old_start", int), ("old_end", int)):
        _table(db, "annotations").add_column(column, kind)
    _table(db, "annotations").create_index(["anchor_status"])


@migration
def m005_entities(db: Database) -> None:
    """The entity register, its mentions, the model's cached output per text, and the user's decisions."""
    _table(db, "entity_cache").create({"text_hash": str, "pipeline": str, "candidates": str},
                                      pk=("text_hash", "pipeline"))
    _table(db, "entities").create(
        {"id": int, "key": str, "name": str, "type": str, "wikidata": str, "viaf": str, "geonames": str,
         "note": str},
        pk="id", not_null={"key", "name", "type"},
        defaults={"wikidata": "", "viaf": "", "geonames": "", "note": ""},
    )
    _table(db, "entities").create_index(["key"], unique=True)
    _table(db, "entity_aliases").create({"entity_id": int, "alias": str}, pk=("entity_id", "alias"),
                                        foreign_keys=[("entity_id", "entities", "id")])
    _table(db, "mentions").create(
        {"id": int, "document_id": int, "version_id": int, "entity_id": int, "start": int, "end": int,
         "text": str, "type": str, "date_value": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("version_id", "versions", "id"),
                      ("entity_id", "entities", "id")],
        not_null={"document_id", "version_id", "entity_id", "start", "end", "text", "type"},
    )
    _table(db, "mentions").create_index(["document_id", "start"])
    _table(db, "mentions").create_index(["entity_id"])
    _table(db, "entity_decisions").create({"id": int, "kind": str, "payload": str, "created_at": str}, pk="id")
    _table(db, "entity_suggestions").create({"id": int, "key": str, "other_key": str, "score": float}, pk="id")
    _table(db, "entity_state").create({"name": str, "value": str}, pk="name")


# Each indexed row has a rowid made of its kind and its id (kind << 50 | id), so a trigger replaces it by rowid: a
# WHERE on FTS5's unindexed columns would scan the whole index on every change.
_ANNOTATION_ROW = """
    DELETE FROM search_index WHERE rowid = (1 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
    SELECT (1 << 50) + a.id,
           a.exact || ' ' || a.note || ' ' || COALESCE((SELECT group_concat(t.name, ' ') FROM annotation_tags x
                                                        JOIN tags t ON t.id = x.tag_id
                                                        WHERE x.annotation_id = a.id), ''),
           'annotation', a.document_id, a.id, a.start, a."end"
    FROM annotations a WHERE a.id = {id} AND a.deleted_at IS NULL;
"""
_LINK_ROW = """
    DELETE FROM search_index WHERE rowid = (2 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
    SELECT (2 << 50) + l.id, l.note || ' ' || replace(l.relation, '_', ' '), 'link', a.document_id, l.id, a.start,
           a."end"
    FROM links l JOIN annotations a ON a.id = l.from_annotation_id WHERE l.id = {id} AND l.deleted_at IS NULL;
"""
_DOCUMENT_ROW = """
    DELETE FROM search_index WHERE rowid = (3 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
    SELECT (3 << 50) + id, {fields}, 'document', id, id, 0, 0 FROM documents WHERE id = {id};
"""
_DOCUMENT_ROW = _DOCUMENT_ROW.replace("{fields}", " || ' ' || ".join(
    f"COALESCE({column}, '')" for column in ("title", "author", "date_published", "url", "doi", "kind", "language",
                                             "source_note", "provenance_note", "date_written", "file_name")))
_NOTE_ROW = """
    DELETE FROM search_index WHERE rowid = (4 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end")
    SELECT (4 << 50) + id, title || ' ' || body, 'notebook', document_id, id, 0, 0 FROM notebook_notes
    WHERE id = {id} AND deleted_at IS NULL;
"""


_SEARCH_INDEX = """CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, document_id UNINDEXED,
    ref UNINDEXED, start UNINDEXED, "end" UNINDEXED, joined, tokenize = 'unicode61 remove_diacritics 2')"""
# `joined`: a text row's words with those broken at its lines' ends read whole, where that differs (m027)


def _triggers(db: Database, table: str, row_sql: str, key: str = "id") -> None:
    for event, ref in (("INSERT", f"new.{key}"), ("UPDATE", f"new.{key}"), ("DELETE", f"old.{key}")):
        body = row_sql.format(id=ref) if event != "DELETE" else row_sql.format(id=ref).split(";")[0] + ";"
        db.execute(f"CREATE TRIGGER search_{table}_{event.lower()} AFTER {event} ON {table} BEGIN {body} END")


def _search_triggers(db: Database, annotation_row: str) -> None:
    """The triggers keeping the search rows of annotations (written by `annotation_row`), links, metadata and
    notebook notes current, and an annotation's row when its tags change."""
    _triggers(db, "annotations", annotation_row)
    _triggers(db, "links", _LINK_ROW)
    _triggers(db, "documents", _DOCUMENT_ROW)
    _triggers(db, "notebook_notes", _NOTE_ROW)
    _tag_triggers(db, annotation_row)


def _tag_triggers(db: Database, annotation_row: str) -> None:
    for event, ref in (("INSERT", "new.annotation_id"), ("DELETE", "old.annotation_id")):
        db.execute(f"CREATE TRIGGER search_annotation_tags_{event.lower()} AFTER {event} ON annotation_tags "
                   f"BEGIN {annotation_row.format(id=ref)} END")


def _index_rows(db: Database, row_sql: str, ids) -> None:
    """Write the search row of each id as its trigger would."""
    for (row_id,) in ids:
        for statement in row_sql.format(id=row_id).split(";"):
            if statement.strip():
                db.execute(statement)


@migration
def m006_search_index(db: Database) -> None:
    """Full-text index (FTS5, diacritics removed) over text, metadata, annotations, tags, links, notes and entities.

    Triggers keep annotation, tag, link, note and metadata rows current in the very transaction that changes them;
    document text and entity rows are written by the import and recognition transactions.
    """
    db.execute(_SEARCH_INDEX)
    _search_triggers(db, _ANNOTATION_ROW)
    _table(db, "saved_searches").create({"id": int, "name": str, "query": str, "created_at": str}, pk="id",
                                        not_null={"name", "query"})
    _backfill(db)


def _backfill(db: Database) -> None:
    """Index what an existing database already holds (a new one holds nothing yet)."""
    from reader.core.storage.search_index import index_document_text

    for table, row_sql in (("annotations", _ANNOTATION_ROW), ("links", _LINK_ROW), ("documents", _DOCUMENT_ROW),
                           ("notebook_notes", _NOTE_ROW)):
        _index_rows(db, row_sql, db.execute(f"SELECT id FROM {table}").fetchall())
    for (document_id,) in db.execute("SELECT id FROM documents WHERE current_version_id IS NOT NULL").fetchall():
        index_document_text(_AsStore(db), document_id)  # (index_all_texts knows the Trash, which came later: m009)


@migration
def m007_search_mention_index(db: Database) -> None:
    """Search filters on mentions (entity:, type:, date:) ask 'does this passage mention such a thing?' once per
    passage: an index holding type, entity and date next to (document, start) answers it without reading the
    mention rows. It replaces the (document, start) index it extends."""
    db.execute("DROP INDEX IF EXISTS idx_mentions_document_id_start")
    _table(db, "mentions").create_index(["document_id", "start", "type", "entity_id", "date_value"])


@migration
def m008_recognition_failures(db: Database) -> None:
    """Why recognition failed on a document's version (shown in the library and its pane, with Retry)."""
    _table(db, "recognition_failures").create(
        {"document_id": int, "version_id": int, "message": str, "failed_at": str}, pk="document_id",
        foreign_keys=[("document_id", "documents", "id")], not_null={"message"})


@migration
def m009_document_trash(db: Database) -> None:
    """Documents go to the Trash with their annotations and mentions, as one step that can be undone."""
    _table(db, "documents").add_column("deleted_at", str)
    _table(db, "document_trash").create(
        {"document_id": int, "deleted_at": str, "annotation_ids": str, "mentions": str}, pk="document_id",
        foreign_keys=[("document_id", "documents", "id")], not_null={"deleted_at", "annotation_ids", "mentions"})


@migration
def m010_mention_confidence(db: Database) -> None:
    """How sure recognition is of each mention (0-1), for a review list of the doubtful ones; rows written before
    it, and mentions a user marked, count as sure."""
    db.execute("ALTER TABLE mentions ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0")


@migration
def m011_history(db: Database) -> None:
    """The undo history, kept in the database so undo and redo work from the window and the command line alike, and
    after a restart; triggers log every change an operation makes to the user's data (storage/history.py)."""
    from reader.core.storage.history import track

    _table(db, "history").create({"id": int, "label": str, "created_at": str, "undone": int}, pk="id",
                                 not_null={"label", "undone"})
    _table(db, "history_rows").create({"seq": int, "op_id": int, "tbl": str, "pk": str, "before": str, "after": str},
                                      pk="seq", not_null={"op_id", "tbl", "pk"})
    _table(db, "history_rows").create_index(["op_id"])
    _table(db, "history_active").create({"op_id": int}, pk="op_id")
    track(db)


@migration
def m012_pages(db: Database) -> None:
    """Pages of a version (label, size, where its text starts and ends) with its word boxes packed in one BLOB per
    page, the OCR words to check, and the file each version was read from, so the page view can draw the page
    image and what is marked on it without re-reading the file. Versions of text files have none."""
    _table(db, "pages").create(
        {"version_id": int, "idx": int, "label": str, "start": int, "end": int, "width": float, "height": float,
         "origin": str, "boxes": bytes}, pk=("version_id", "idx"),
        foreign_keys=[("version_id", "versions", "id")], not_null={"label", "start", "end"})
    _table(db, "uncertain_words").create(
        {"version_id": int, "start": int, "end": int, "confidence": float},
        foreign_keys=[("version_id", "versions", "id")], not_null={"version_id", "start", "end"})
    _table(db, "uncertain_words").create_index(["version_id", "start"])
    _table(db, "versions").add_column("source_path", str)


@migration
def m013_parallel_dismissals(db: Database) -> None:
    """Suggested parallel passages the user judged not parallel: each pair (either way round, smaller end first) is
    kept so it is never suggested again; tracked, so a dismissal can be undone."""
    from reader.core.storage.history import track

    _table(db, "parallel_dismissals").create(
        {"id": int, "one_document_id": int, "one_start": int, "one_end": int, "two_document_id": int,
         "two_start": int, "two_end": int, "dismissed_at": str}, pk="id",
        not_null={"one_document_id", "one_start", "one_end", "two_document_id", "two_start", "two_end"})
    _table(db, "parallel_dismissals").create_index(
        ["one_document_id", "one_start", "one_end", "two_document_id", "two_start", "two_end"], unique=True)
    track(db)


@migration
def m014_passage_meanings(db: Database) -> None:
    """The sentence encoder's vector of each passage text it has read (float32 bytes), keyed by the text's hash and
    the model: a cache like `entity_cache`, so a passage is encoded once whatever document or version holds it.
    Derived data, not the user's: untracked, never undone."""
    _table(db, "passage_meanings").create({"text_hash": str, "model": str, "vector": bytes},
                                          pk=("text_hash", "model"))


@migration
def m015_dismissal_focus(db: Database) -> None:
    """Where each side of a dismissed pair tied the other (the sentence Parallels showed, and the date in it): the
    list of dismissed pairs shows that sentence, not its paragraph's opening words. Older rows have none (NULL)."""
    from reader.core.storage.history import track

    for side in ("one", "two"):
        for column in ("focus_start", "focus_end", "key"):
            _table(db, "parallel_dismissals").add_column(f"{side}_{column}", int)
    track(db)


# An annotation's row as m016 indexes it: the quote in quotation marks, then the note, then each tag after '#'.
# The marks are separators to the tokenizer, so the same words are found; a snippet shows whose words are whose.
_ANNOTATION_ROW_APART = _ANNOTATION_ROW.replace(
    """a.exact || ' ' || a.note || ' ' || COALESCE((SELECT group_concat(t.name, ' ') FROM""",
    """'“' || a.exact || '” ' || a.note || COALESCE((SELECT ' #' || group_concat(t.name, ' #') FROM""")


@migration
def m016_notes_apart_in_search(db: Database) -> None:
    """A note's search row tells its quote, note and tags apart (they ran together in a snippet: '…15, 1934. which
    date? meeting 1934'): the triggers that keep annotation rows are made anew and every annotation indexed again."""
    names = [f"search_annotations_{event}" for event in ("insert", "update", "delete")]
    for name in [*names, "search_annotation_tags_insert", "search_annotation_tags_delete"]:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    _triggers(db, "annotations", _ANNOTATION_ROW_APART)
    _tag_triggers(db, _ANNOTATION_ROW_APART)
    _index_annotations_again(db)


def _index_annotations_again(db: Database) -> None:
    _index_rows(db, _ANNOTATION_ROW_APART, db.execute("SELECT id FROM annotations").fetchall())


# Every annotation carrying the renamed tag (new.id), indexed again as m016 indexes one.
_TAGGED = "annotation_id FROM annotation_tags WHERE tag_id = new.id"


def _tagged_rows(annotation_row: str) -> str:
    """`annotation_row` written for every annotation carrying the renamed tag."""
    return annotation_row.replace("rowid = (1 << 50) + {id}", f"rowid IN (SELECT (1 << 50) + {_TAGGED})").replace(
        "a.id = {id}", f"a.id IN (SELECT {_TAGGED})")


def _renamed_tag_trigger(db: Database, annotation_row: str) -> None:
    db.execute("DROP TRIGGER IF EXISTS search_tags_update")
    db.execute(f"CREATE TRIGGER search_tags_update AFTER UPDATE OF name ON tags BEGIN {_tagged_rows(annotation_row)} "
               "END")


@migration
def m017_renamed_tags_in_search(db: Database) -> None:
    """A tag renamed is found by its new name: each note's search row holds its tags' names, and only a note's own
    rows and its taggings were watched, so a renamed tag left every tagged note indexed under the old name. Notes
    indexed before are indexed again."""
    _renamed_tag_trigger(db, _ANNOTATION_ROW_APART)
    _index_annotations_again(db)


# The tables whose rows an undo deletes (an undone creation) and whose ids a user or a file may name.
IDS_NEVER_REUSED = ("annotations", "links", "tags", "notebook_notes", "boilerplate", "entity_decisions",
                    "saved_searches", "parallel_dismissals")
_ROWID = '"id" INTEGER PRIMARY KEY'


@migration
def m018_ids_never_reused(db: Database) -> None:
    """An id is never given twice: SQLite gives a new row the largest id plus one, so the id of a highlight (or
    link, tag, note…) an undo took away went to the next one made, and an export, a listing or a window still
    naming it then meant another passage. Each table is made again with AUTOINCREMENT, its rows, indexes and
    triggers as they were, counting on from the largest id the history remembers."""
    for table in IDS_NEVER_REUSED:
        rebuild_table(db, table, lambda sql: sql.replace(_ROWID, _ROWID + " AUTOINCREMENT", 1))
        seen = db.execute("SELECT MAX(json_extract(pk, '$.id')) FROM history_rows WHERE tbl = ?", [table]).fetchone()
        db.execute("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", [seen[0] or 0, table])


@migration
def m019_wrapped_texts_by_paragraph(db: Database) -> None:
    """A hard-wrapped text is searched paragraph by paragraph (a phrase over a line's end was never found): the
    texts already imported are indexed again."""
    from reader.core.storage.search_index import index_all_texts

    index_all_texts(_AsStore(db))


@migration
def m020_search_index_made_anew(db: Database) -> None:
    """Libraries made by the first versions with Search kept that version's search triggers and rows (its first
    index step, m006, was rewritten after them): metadata, link notes and the register were never found, and links
    and notes made since left Search at the next recognition. The index and its triggers are made anew, as the steps
    before this one define them, and everything is indexed again, the Trash left out."""
    from reader.core.storage.search_index import index_all_texts, index_entities

    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
    for (name,) in db.execute(triggers).fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    db.execute("DROP TABLE IF EXISTS search_index")
    db.execute(_SEARCH_INDEX)
    _search_triggers(db, _ANNOTATION_ROW_APART)
    _renamed_tag_trigger(db, _ANNOTATION_ROW_APART)
    _index_annotations_again(db)
    for table, row_sql, live in (("links", _LINK_ROW, "1"), ("documents", _DOCUMENT_ROW, "deleted_at IS NULL"),
                                 ("notebook_notes", _NOTE_ROW, "1")):
        _index_rows(db, row_sql, db.execute(f"SELECT id FROM {table} WHERE {live}").fetchall())
    index_all_texts(_AsStore(db))
    index_entities(_AsStore(db))


@migration
def m021_version_read_from_the_file(db: Database) -> None:
    """Which version a document's file last gave, so that importing the file again after a correction by hand tells
    the two apart (the file, unchanged, differed from the corrected text and replaced it, every correction lost).
    Unknown for the documents already stored: the next import of their file tells it."""
    from reader.core.storage.history import track

    _table(db, "documents").add_column("read_version_id", int)
    track(db)


@migration
def m022_tags_one_whatever_the_case(db: Database) -> None:
    """A tag is one tag whatever the case of its name in any script: SQLite's NOCASE folds ASCII letters only, so
    'Élite' and 'élite' (or 'Война' and 'война') were two tags, merging them failed on the unique name, and the
    exports and Comparisons counted them apart. Each tag gets its key (`tag_key`), tags sharing one are merged into
    the oldest, and the key is what is unique. Steps of the undo history that name tags now one (two tags merged
    here, or a tag renamed from a name now another's) would make them two again if undone, and failed on the key:
    then the history before the upgrade is let go, as steps past its reach are; else its tag rows get their keys."""
    import json  # not at start: the first screen loads no json

    from reader.core.records.tags import tag_key
    from reader.core.storage.history import track

    _table(db, "tags").add_column("name_key", str)
    images = [(seq, [json.loads(found) if found else None for found in found_images]) for seq, *found_images
              in db.execute("SELECT seq, before, after FROM history_rows WHERE tbl = 'tags'").fetchall()]
    named = [(tag_id, name) for tag_id, name in db.execute("SELECT id, name FROM tags ORDER BY id").fetchall()]
    named += [(image["id"], image["name"]) for _seq, pair in images for image in pair if image]
    held: dict[str, set[int]] = {}
    for tag_id, name in named:
        held.setdefault(tag_key(name), set()).add(tag_id)
    _merge_case_variants(db, tag_key)
    if any(len(ids) > 1 for ids in held.values()):
        db.execute("DELETE FROM history_rows")
        db.execute("DELETE FROM history")
    else:
        for seq, pair in images:
            keyed = [json.dumps({**image, "name_key": tag_key(image["name"])}) if image else None for image in pair]
            db.execute("UPDATE history_rows SET before = ?, after = ? WHERE seq = ?", [*keyed, seq])
    db.execute("DROP INDEX IF EXISTS idx_tags_name")
    db.execute("CREATE UNIQUE INDEX idx_tags_name_key ON tags (name_key)")
    track(db)


def _merge_case_variants(db: Database, tag_key) -> None:
    """Tags sharing a key merged into the oldest, their notes with it."""
    kept: dict[str, int] = {}
    for tag_id, name in db.execute("SELECT id, name FROM tags ORDER BY id").fetchall():
        key = tag_key(name)
        if key not in kept:
            kept[key] = tag_id
            db.execute("UPDATE tags SET name_key = ? WHERE id = ?", [key, tag_id])
            continue
        db.execute("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? "
                   "FROM annotation_tags WHERE tag_id = ?", [kept[key], tag_id])
        db.execute("DELETE FROM annotation_tags WHERE tag_id = ?", [tag_id])
        db.execute("DELETE FROM tags WHERE id = ?", [tag_id])


@migration
def m023_mentions_indexed_by_entity_then_place(db: Database) -> None:
    """Merging entities rewrites their mentions' entity: held in the (document, start, type, entity, date) index,
    each mention's entry moved to another place in it, scattered across the whole index (ten entities merged on a
    million mentions took most of a second). The entity now leads its own index, (entity, document, start), where a
    merge moves a block of entries, and which still answers search's entity: filter without reading the mentions;
    the other index keeps what type: and date: read."""
    db.execute("DROP INDEX IF EXISTS idx_mentions_document_id_start_type_entity_id_date_value")
    db.execute("DROP INDEX IF EXISTS idx_mentions_entity_id")
    _table(db, "mentions").create_index(["document_id", "start", "type", "date_value"])
    _table(db, "mentions").create_index(["entity_id", "document_id", "start"])


@migration
def m024_yo_read_as_ye_in_search(db: Database) -> None:
    """A build of a few hours indexed texts holding ё with е (its snippets misquoted them); this step, the one that
    build added, now indexes such texts again as written (Search finds ё by the query's forms instead)."""
    from reader.core.storage.search_index import index_all_texts

    if db.execute("SELECT 1 FROM versions WHERE instr(text, 'ё') OR instr(text, 'Ё') LIMIT 1").fetchone():
        index_all_texts(_AsStore(db))


@migration
def m025_words_beside_boilerplate_searched(db: Database) -> None:
    """A line touching boilerplate was left out of search whole (a paragraph joined to a page's footer, a few words
    of it marked by hand); only the marked words are now: libraries with boilerplate are indexed again."""
    from reader.core.storage.search_index import index_all_texts

    if db.execute("SELECT 1 FROM boilerplate LIMIT 1").fetchone():
        index_all_texts(_AsStore(db))


@migration
def m026_words_hyphenated_at_a_lines_end_searched(db: Database) -> None:
    """A word a hard-wrapped text hyphenates at a line's end ("Choibal-\nsan") was found by no search for it whole;
    it is now indexed whole: libraries whose texts hold such a hyphen are indexed again."""
    from reader.core.storage.search_index import index_all_texts

    if db.execute("SELECT 1 FROM versions WHERE instr(text, '-' || char(10)) LIMIT 1").fetchone():
        index_all_texts(_AsStore(db))


@migration
def m027_words_broken_at_a_lines_end_searched_both_ways(db: Database) -> None:
    """Read whole in the index, a compound broken at a line's end ("well-\nknown") became a word no text prints, and
    neither it nor its parts were found: a text's rows keep their words as written, and a second column, `joined`,
    holds them with the breaks read whole. An index without that column is made anew, its rows copied and its
    triggers kept; texts holding such a hyphen are indexed again."""
    from reader.core.storage.search_index import index_all_texts

    if "joined" not in {row[1] for row in db.execute("PRAGMA table_info(search_index)").fetchall()}:
        listed = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%search_index%'"
        triggers = db.execute(listed).fetchall()
        for name, _sql in triggers:
            db.execute(f'DROP TRIGGER "{name}"')
        db.execute("ALTER TABLE search_index RENAME TO search_index_before")
        db.execute(_SEARCH_INDEX)
        db.execute('INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end") '
                   'SELECT rowid, body, kind, document_id, ref, start, "end" FROM search_index_before')
        db.execute("DROP TABLE search_index_before")
        for _name, sql in triggers:
            db.execute(sql)
    if db.execute("SELECT 1 FROM versions WHERE instr(text, '-' || char(10)) LIMIT 1").fetchone():
        index_all_texts(_AsStore(db))


# An annotation's search row with its quote's second reading (m028) in the column text rows keep theirs in.
_ANNOTATION_ROW_READ = _ANNOTATION_ROW_APART.replace('"end")\n', '"end", joined)\n').replace(
    """a.start, a."end"\n""", """a.start, a."end", a.exact_joined\n""")


@migration
def m028_quotes_searched_as_their_texts_are(db: Database) -> None:
    """A highlight on "Choibal-\nsan", "Ur\u00adga" (a soft hyphen) or "ﬁrst" was found by no search for its word,
    though the line it is on was: each annotation keeps its quote's second reading, as the text's rows are read
    (`quote_reading`), and its search row holds it; the annotations holding such words are indexed again."""
    from reader.core.storage.history import track
    from reader.core.storage.search_index import quote_reading

    db.execute("ALTER TABLE annotations ADD COLUMN exact_joined TEXT")
    track(db)
    for name in ("search_annotations_insert", "search_annotations_update", "search_annotations_delete",
                 "search_annotation_tags_insert", "search_annotation_tags_delete"):
        db.execute(f"DROP TRIGGER {name}")
    _triggers(db, "annotations", _ANNOTATION_ROW_READ)
    _tag_triggers(db, _ANNOTATION_ROW_READ)
    _renamed_tag_trigger(db, _ANNOTATION_ROW_READ)
    readings = [(quote_reading(exact), annotation_id)
                for annotation_id, exact in db.execute("SELECT id, exact FROM annotations").fetchall()]
    db.conn.executemany("UPDATE annotations SET exact_joined = ? WHERE id = ?",  # the triggers index each again
                        [(reading, annotation_id) for reading, annotation_id in readings if reading])


@migration
def m029_each_part_of_a_note_has_its_moment(db: Database) -> None:
    """Two copies of a library exchanging exports kept a note's newer edit whole: a tag renamed in one copy after the
    other rewrote the note's text gave the older text back (data loss). Its text, its tags, its colour and its place
    each keep the moment they were last changed, and a Notebook note's text apart from its citations; NULL, for
    notes made before, reads as `modified_at`."""
    from reader.core.storage.history import track

    for moment in ("note_at", "tags_at", "color_at", "place_at"):
        db.execute(f"ALTER TABLE annotations ADD COLUMN {moment} TEXT")
    db.execute("ALTER TABLE notebook_notes ADD COLUMN text_at TEXT")
    track(db)


@migration
def m030_a_notes_citations_have_their_moment(db: Database) -> None:
    """A citation added to a Notebook note in one copy of a library never reached another (data loss): its citations
    keep the moment they were last changed, apart from its text. A note made before was last changed then at the
    latest (left NULL, read as its last change, its citations followed every later edit of its text and became
    newer than a copy's added citation, audit BJ F2)."""
    from reader.core.storage.history import track

    db.execute("ALTER TABLE notebook_notes ADD COLUMN cited_at TEXT")
    db.execute("UPDATE notebook_notes SET cited_at = modified_at")
    track(db)


@migration
def m031_another_tools_tags_as_last_read(db: Database) -> None:
    """Another tool's tags (Hypothesis's) have no moments: read again, a tag taken out here came back, and one taken
    out there never left (audit BK F4). Each note keeps the tags that tool gave when last read (their names joined
    by the unit separator, as tags are read; NULL: none read), so what it added or took out since is told from what
    the user changed here."""
    from reader.core.storage.history import track

    db.execute("ALTER TABLE annotations ADD COLUMN tags_read TEXT")
    track(db)


@migration
def m032_undo_keeps_every_digit_of_a_decimal(db: Database) -> None:
    """The undo history's images held a decimal to 15 digits, so undo and redo changed a note's anchoring confidence
    in its last digits (audit BT F2): the logging triggers are made again, writing 17."""
    from reader.core.storage.history import track

    track(db)


@migration
def m033_the_file_pages_were_read_from(db: Database) -> None:
    """Which file a version's pages were read from, by its bytes' SHA-256: the page view drew whatever file stood at
    the path, another edition's pages under this version's marks (audit DO 3). Older versions have none: unchecked."""
    from reader.core.storage.history import track

    db.execute("ALTER TABLE versions ADD COLUMN source_digest TEXT NOT NULL DEFAULT ''")
    track(db)


# The search rows of notes, links, metadata and Notebook notes with a second reading, `searchable` (folding.py, given
# to every connection by Store) as text rows are read: a note pasted from a PDF ("ofﬁcial", "ＧＥＮＤＥＮ") was found
# by no search (audit DR F3). A highlight's reading holds its quote as printed and as read whole (m028: "well-\nknown"
# as "wellknown"). Every such row has one, and is ranked by it alone (search_hits.NOTE_RANK): a note with a ligature
# had counted its words twice (audit DU F2), and a quote found by its words as printed was weighed nothing (DV F3).
_ANNOTATION_ROW_FOLDED = """
    DELETE FROM search_index WHERE rowid = (1 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end", joined)
    SELECT (1 << 50) + id, '“' || exact || '” ' || rest, 'annotation', document_id, id, start, "end",
           searchable(CAST('“' || exact || '” ' || rest AS BLOB)) || COALESCE(' ' || exact_joined, '')
    FROM (SELECT a.id, a.exact, a.exact_joined, a.document_id, a.start, a."end",
                 a.note || COALESCE((SELECT ' #' || group_concat(t.name, ' #') FROM annotation_tags x
                                     JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id), '') AS rest
          FROM annotations a WHERE a.id = {id} AND a.deleted_at IS NULL);
"""
_LINK_ROW_FOLDED = """
    DELETE FROM search_index WHERE rowid = (2 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end", joined)
    SELECT (2 << 50) + id, body, 'link', document_id, id, start, "end", searchable(CAST(body AS BLOB))
    FROM (SELECT l.id, l.note || ' ' || replace(l.relation, '_', ' ') AS body, a.document_id, a.start, a."end"
          FROM links l JOIN annotations a ON a.id = l.from_annotation_id WHERE l.id = {id} AND l.deleted_at IS NULL);
"""
_DOCUMENT_ROW_FOLDED = """
    DELETE FROM search_index WHERE rowid = (3 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end", joined)
    SELECT (3 << 50) + id, body, 'document', id, id, 0, 0, searchable(CAST(body AS BLOB))
    FROM (SELECT id, {fields} AS body FROM documents WHERE id = {id});
""".replace("{fields}", " || ' ' || ".join(
    f"COALESCE({column}, '')" for column in ("title", "author", "date_published", "url", "doi", "kind", "language",
                                             "source_note", "provenance_note", "date_written", "file_name")))
_NOTE_ROW_FOLDED = """
    DELETE FROM search_index WHERE rowid = (4 << 50) + {id};
    INSERT INTO search_index (rowid, body, kind, document_id, ref, start, "end", joined)
    SELECT (4 << 50) + id, body, 'notebook', document_id, id, 0, 0, searchable(CAST(body AS BLOB))
    FROM (SELECT id, title || ' ' || body AS body, document_id FROM notebook_notes
          WHERE id = {id} AND deleted_at IS NULL);
"""


@migration
def m034_notes_searched_as_texts_are(db: Database) -> None:
    """Notes, links, metadata and Notebook notes are read by search as texts are, their compatibility characters in
    their plain form ('ﬁ' as 'fi'): the triggers keeping their rows are made anew, and every row of theirs the index
    holds is written again with that reading (20,000 notes: about 3 s, measured in audit DV)."""
    for table in ("annotations", "links", "documents", "notebook_notes"):
        for event in ("insert", "update", "delete"):
            db.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    for name in ("search_annotation_tags_insert", "search_annotation_tags_delete"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for _block, table, row_sql in _NOTED_ROWS:
        _triggers(db, table, row_sql)
    _notes_indexed_again(db)
    _tag_triggers(db, _ANNOTATION_ROW_FOLDED)
    _renamed_tag_trigger(db, _ANNOTATION_ROW_FOLDED)


_NOTED_ROWS = ((1, "annotations", _ANNOTATION_ROW_FOLDED), (2, "links", _LINK_ROW_FOLDED),
               (3, "documents", _DOCUMENT_ROW_FOLDED), (4, "notebook_notes", _NOTE_ROW_FOLDED))


def _notes_indexed_again(db: Database) -> None:
    """Every row of notes, links, metadata and Notebook notes the index holds written again, as `searchable` reads
    them now (a document in the Trash has none). The rows are not read: one another program wrote as invalid UTF-8
    failed the upgrade, and the library could not be opened (audit DS F3)."""
    for block, _table, row_sql in _NOTED_ROWS:
        indexed = db.execute("SELECT rowid - (? << 50) FROM search_index WHERE rowid BETWEEN (? << 50) AND "
                             "((? + 1) << 50) - 1", [block, block, block]).fetchall()
        for statement in filter(str.strip, row_sql.format(id=":id").split(";")):
            db.conn.executemany(statement, [{"id": row_id} for (row_id,) in indexed])


@migration
def m035_greek_and_polish_searched_without_their_marks(db: Database) -> None:
    """Greek is read by search without its tonos and dialytika, and 'ł', 'đ', 'ø' as 'l', 'd', 'o' ('ΣΤΑΛΙΝ' found
    no 'Στάλιν', nor 'Lodz' 'Łódź', audit DY F4): the texts holding such letters are indexed again (those alone:
    one 'α-particle' had every text of a library indexed again, audit DZ F7), and the notes."""
    from reader.core.storage.search_index import index_document_text

    marked = re.compile("[\u0370-\u03ff\u1f00-\u1fffłŁđĐøØ]")
    live = db.execute("SELECT id FROM documents WHERE current_version_id IS NOT NULL AND deleted_at IS NULL")
    for (document_id,) in live.fetchall():  # one text in memory at a time
        (text,) = db.execute("SELECT v.text FROM documents d JOIN versions v ON v.id = d.current_version_id "
                             "WHERE d.id = ?", [document_id]).fetchone()
        if marked.search(text):
            index_document_text(_AsStore(db), document_id)
    _notes_indexed_again(db)


class _AsStore:
    """A migration's sqlite-utils Database answering the calls the storage functions it reuses make on a Store
    (it has no executemany: the upgrade reindexing texts failed on every library holding documents)."""

    def __init__(self, db: Database):
        self._db = db

    def execute(self, sql: str, params=()):
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows) -> None:
        self._db.conn.executemany(sql, rows)


def rebuild_table(db: Database, table: str, changed: Callable[[str], str]) -> None:
    """Make `table` again from its CREATE statement as `changed` rewrites it, with its rows, and its indexes and
    triggers recreated (SQLite's procedure for a change ALTER TABLE cannot make; the migrations run with foreign
    keys unchecked, so the rows that refer to it stay as they are)."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    rewritten = changed(sql)
    if rewritten == sql:
        return
    dependents = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        [table]).fetchall()]
    building = f"{table}_rebuilt"
    db.execute(rewritten.replace(f'CREATE TABLE "{table}"', f'CREATE TABLE "{building}"', 1))
    db.execute(f'INSERT INTO "{building}" SELECT * FROM "{table}"')
    db.execute(f'DROP TABLE "{table}"')
    db.execute(f'ALTER TABLE "{building}" RENAME TO "{table}"')
    for statement in dependents:
        db.execute(statement)
