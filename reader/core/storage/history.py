"""SQL for the undo history: every change an operation makes to the user's data is logged, row by row, by triggers.

Why triggers: the inverse of an operation is then data in the database, recorded by SQLite itself for every path
that writes (window, command line, a later feature) — no operation can forget to say how it is undone, and the
history survives a restart. While an operation runs, `history_active` holds its id; each tracked table's triggers
copy the row before and after into `history_rows`. Undo writes the before-images back in reverse order, redo the
after-images in order, with logging off. (The technique of sqlite.org's "Automatic Undo/Redo Using SQLite".)

A migration that adds a column to a tracked table must call `track(db)` again, so the images hold the new column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.storage.documents import now
from reader.core.storage.store import Store

if TYPE_CHECKING:
    from sqlite_utils import Database

KEEP_OPERATIONS = 300
FORGOTTEN = 2  # `undone` of a step undone and then left behind by a new one: no longer listed or redoable, but kept
# (until the oldest are let go) so another connection that saw it done can still be told what its undo changed

# table -> columns restored by undo ("*" = all of them); rows of other tables are derived or never change
TRACKED: dict[str, str | tuple[str, ...]] = {
    "documents": "*", "boilerplate": "*", "annotations": "*", "annotation_tags": "*", "tags": "*", "links": "*",
    "notebook_notes": "*", "note_citations": "*", "entity_decisions": "*", "document_trash": "*",
    "saved_searches": "*", "parallel_dismissals": "*", "entities": ("id", "wikidata", "viaf", "geonames", "note"),
}


def track(db: Database) -> None:
    """(Re)create the logging triggers of every tracked table, from the table's current columns."""
    for table, wanted in TRACKED.items():
        info = db.execute(f"PRAGMA table_info({table})").fetchall()
        if not info:  # a table a later migration creates (and tracks then)
            continue
        columns = [row[1] for row in info] if wanted == "*" else list(wanted)
        keys = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]] or ["rowid"]
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(f"DROP TRIGGER IF EXISTS history_{table}_{event.lower()}")
            if wanted == "*" or event == "UPDATE":  # of a partly tracked table only the listed columns' edits
                db.execute(_trigger(table, event, columns, keys, wanted != "*"))


def _trigger(table: str, event: str, columns: list[str], keys: list[str], only_listed: bool) -> str:
    def image(row: str) -> str:
        return "json_object(" + ", ".join(f"'{c}', " + _exact(row + '."' + c + '"') for c in columns) + ")"

    key_row = "old" if event == "DELETE" else "new"
    key = "json_object(" + ", ".join(f"'{k}', {key_row}.\"{k}\"" for k in keys) + ")"
    before = image("old") if event != "INSERT" else "NULL"
    after = image("new") if event != "DELETE" else "NULL"
    when = "(SELECT op_id FROM history_active) IS NOT NULL"
    of = f" OF {', '.join(c for c in columns if c not in keys)}" if only_listed else ""
    return (f"CREATE TRIGGER history_{table}_{event.lower()} AFTER {event}{of} ON {table} WHEN {when} BEGIN "
            f"INSERT INTO history_rows (op_id, tbl, pk, before, after) VALUES ((SELECT op_id FROM history_active), "
            f"'{table}', {key}, {before}, {after}); END")


def _exact(value: str) -> str:
    """A column's value as the image holds it: a decimal to its last digit (17 significant), as JSON's number (SQLite
    writes a REAL into JSON to 15 digits: an anchoring's confidence came back from undo and redo changed, BT F2)."""
    return (f"CASE WHEN typeof({value}) = 'real' AND abs({value}) <= 1.7976931348623157e308 "
            f"THEN json(printf('%!.17g', {value})) ELSE {value} END")


def begin(db: Store, label: str) -> int:
    """Start logging a new operation (the steps undone stay redoable unless it changes something: `finish`)."""
    op_id = db.conn.execute("INSERT INTO history (label, created_at, undone) VALUES (?, ?, 0)",
                            [label, now()]).lastrowid
    db.conn.execute("INSERT INTO history_active (op_id) VALUES (?)", [op_id])
    return op_id


def finish(db: Store, op_id: int) -> list[tuple[str, dict, dict | None, dict | None]]:
    """Stop logging; an operation that changed nothing leaves no entry, and one that did makes the steps undone
    before it no longer redoable. Returns its logged rows."""
    db.conn.execute("DELETE FROM history_active")
    rows = logged_rows(db, op_id)
    if rows:
        db.conn.execute("UPDATE history SET undone = ? WHERE undone = 1", [FORGOTTEN])
    else:
        db.conn.execute("DELETE FROM history WHERE id = ?", [op_id])
    for (old,) in db.execute("SELECT id FROM history ORDER BY id DESC LIMIT -1 OFFSET ?",
                             [KEEP_OPERATIONS]).fetchall():
        _forget(db, old)
    return rows


def is_logging(db: Store) -> bool:
    return db.conn.execute("SELECT COUNT(*) FROM history_active").fetchone()[0] > 0


def logged_rows(db: Store, op_id: int) -> list[tuple[str, dict, dict | None, dict | None]]:
    """(table, key, before, after) of each change the operation made, in the order it made them."""
    import json  # not at start: the window asks only for the next step's label then
    sql = "SELECT tbl, pk, before, after FROM history_rows WHERE op_id = ? ORDER BY seq"
    return [(table, json.loads(key), json.loads(before) if before else None, json.loads(after) if after else None)
            for table, key, before, after in db.conn.execute(sql, [op_id]).fetchall()]


SUBJECT_TABLES = ("annotations", "annotation_tags", "documents", "document_trash", "boilerplate", "links", "tags",
                  "notebook_notes", "note_citations", "entity_decisions", "entities", "saved_searches",
                  "parallel_dismissals")  # what a step's changes are told by (ops.changes_of)


def subject_rows(db: Store, op_id: int) -> list[tuple[str, dict, None, dict]]:
    """`logged_rows` as much as says what a step changed (the rows' keys and the ids they point at), without the
    rows' images: a listing of fifty steps would read an import's every text."""
    import json

    marks = ", ".join("?" * len(SUBJECT_TABLES))
    sql = (f"SELECT tbl, pk, json_extract(COALESCE(after, before), '$.document_id'), "
           f"json_extract(COALESCE(after, before), '$.version_id') FROM history_rows WHERE op_id = ? "
           f"AND tbl IN ({marks}) ORDER BY seq")
    return [(table, json.loads(key), None, {"document_id": document_id, "version_id": version_id})
            for table, key, document_id, version_id in db.conn.execute(sql, [op_id, *SUBJECT_TABLES]).fetchall()]


def last_image(db: Store, table: str, row_id: int) -> dict | None:
    """The newest image the history holds of a row (after a change, else before it): a highlight an undo took away
    is still named by its passage."""
    import json

    found = db.conn.execute("SELECT COALESCE(after, before) FROM history_rows WHERE tbl = ? AND "
                            "json_extract(pk, '$.id') = ? ORDER BY op_id DESC, seq DESC LIMIT 1",
                            [table, row_id]).fetchone()
    return json.loads(found[0]) if found and found[0] else None


def step_states(db: Store) -> dict[int, int]:
    """Every kept step's id and whether it is done (0), undone (1) or undone and left behind (FORGOTTEN): what
    another connection's steps, undos and redos change."""
    return dict(db.conn.execute("SELECT id, undone FROM history").fetchall())


def data_version(db: Store) -> int:
    """SQLite's count of commits by other connections to this database, as this connection last saw it."""
    return db.conn.execute("PRAGMA data_version").fetchone()[0]


def latest(db: Store, undone: bool) -> tuple[int, str] | None:
    """The operation undo (or redo) would take: the newest done one (the oldest undone one)."""
    sql = ("SELECT id, label FROM history WHERE undone = 1 ORDER BY id ASC LIMIT 1" if undone
           else "SELECT id, label FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1")
    row = db.conn.execute(sql).fetchone()
    return (row[0], row[1]) if row else None


def entries(db: Store, limit: int = 50) -> list[tuple[int, str, str, bool]]:
    """(id, label, when, undone) newest first."""
    sql = f"SELECT id, label, created_at, undone FROM history WHERE undone != {FORGOTTEN} ORDER BY id DESC LIMIT ?"
    return [(row[0], row[1], row[2], bool(row[3])) for row in db.conn.execute(sql, [limit]).fetchall()]


def apply_images(db: Store, rows: list[tuple[str, dict, dict | None, dict | None]], use_before: bool) -> None:
    """Write each row's before-image (undo, newest change first) or after-image (redo, oldest first)."""
    for table, key, before, after in (reversed(rows) if use_before else rows):
        image = before if use_before else after
        where = " AND ".join(f'"{column}" IS ?' for column in key)
        if image is None:
            db.conn.execute(f"DELETE FROM {table} WHERE {where}", list(key.values()))
        elif db.conn.execute(f"SELECT 1 FROM {table} WHERE {where}", list(key.values())).fetchone():
            assignments = ", ".join(f'"{column}" = ?' for column in image)
            db.conn.execute(f"UPDATE {table} SET {assignments} WHERE {where}", [*image.values(), *key.values()])
        else:
            names = ", ".join(f'"{column}"' for column in image)
            db.conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(image))})",
                            list(image.values()))


def mark(db: Store, op_id: int, undone: bool) -> None:
    db.conn.execute("UPDATE history SET undone = ? WHERE id = ?", [int(undone), op_id])


def _forget(db: Store, op_id: int) -> None:
    db.conn.execute("DELETE FROM history_rows WHERE op_id = ?", [op_id])
    db.conn.execute("DELETE FROM history WHERE id = ?", [op_id])
