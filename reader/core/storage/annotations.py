"""SQL for annotations. Callers wrap writes in `db.atomic()`; deleted rows keep `deleted_at` (the Trash)."""

from __future__ import annotations

from reader.core.records.annotations import Annotation, TextQuote
from reader.core.storage.documents import now
from reader.core.storage.moments import stamped_if_changed
from reader.core.storage.search_index import quote_reading
from reader.core.storage.store import Store


def insert_annotation(db: Store, document_id: int, version_id: int, start: int, end: int, quote: TextQuote,
                      color: str, note: str) -> int:
    stamp = now()
    return db.table("annotations").insert({
        "document_id": document_id, "version_id": version_id, "start": start, "end": end,
        **_with_reading({"exact": quote.exact}), "prefix": quote.prefix, "suffix": quote.suffix, "color": color,
        "note": note, "created_at": stamp, "modified_at": stamp, **dict.fromkeys(MOMENTS, stamp),
    }).last_pk


def _with_reading(changes: dict) -> dict:
    """`changes` with the second reading of the quote they write, if they write one (see `quote_reading`)."""
    return {**changes, "exact_joined": quote_reading(changes["exact"])} if "exact" in changes else changes


_INSERT = """INSERT INTO annotations (document_id, version_id, start, "end", exact, exact_joined, prefix, suffix,
                                     color, note, anchor_status, anchor_confidence, created_at, modified_at, note_at,
                                     tags_at, color_at, place_at, tags_read)
             VALUES (:document_id, :version_id, :start, :end, :exact, :exact_joined, :prefix, :suffix, :color, :note,
                     :anchor_status, :anchor_confidence, COALESCE(:created, :stamp), COALESCE(:modified, :stamp),
                     COALESCE(:note_at, :modified, :stamp), COALESCE(:tags_at, :modified, :stamp),
                     COALESCE(:color_at, :modified, :stamp), COALESCE(:place_at, :modified, :stamp), :tags_read)"""


def insert_annotations(db: Store, rows: list[dict]) -> list[int]:
    """Insert many annotations in the caller's transaction, on the bare connection (sqlite-utils looks the table up
    again for each insert: a thousand times slower for an import of 200,000); returns their ids in order."""
    db.wait_for_backup()
    stamp = now()
    return [db.conn.execute(_INSERT, {**_with_reading(row), "stamp": stamp, "tags_read": _tags_read(row["tags_read"])})
            .lastrowid for row in rows]


def _tags_read(tags: tuple[str, ...] | None) -> str | None:
    """Tags as `tags_read` keeps them: their names joined as the tag names are read (NULL: none read yet)."""
    return None if tags is None else TAG_SEPARATOR.join(tags)


def set_tags_read(db: Store, annotation_id: int, tags: tuple[str, ...]) -> None:
    """Keep the tags another tool gave a note when its file was last read (not an edit: no moment changes)."""
    db.execute("UPDATE annotations SET tags_read = ? WHERE id = ? AND tags_read IS NOT ?",
               [_tags_read(tags), annotation_id, _tags_read(tags)])


TAG_SEPARATOR = "\x1f"
_SELECT = f"""
SELECT a.*, (SELECT GROUP_CONCAT(name, '{TAG_SEPARATOR}') FROM (
    SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id
    ORDER BY t.name COLLATE NOCASE)) AS tag_names
FROM annotations a
"""


def get_annotation(db: Store, annotation_id: int, *, include_deleted: bool = False) -> Annotation | None:
    live = "" if include_deleted else " AND a.deleted_at IS NULL"
    rows = list(db.rows(_SELECT + " WHERE a.id = ?" + live, [annotation_id]))
    return _annotation(rows[0]) if rows else None


def annotations_for_document(db: Store, document_id: int) -> list[Annotation]:
    sql = _SELECT + ' WHERE a.document_id = ? AND a.deleted_at IS NULL ORDER BY a.start, a."end", a.id'
    return [_annotation(row) for row in db.rows(sql, [document_id])]


def annotation_at(db: Store, document_id: int, start: int, end: int) -> Annotation | None:
    """The oldest live annotation over exactly [start, end) of a document, if any."""
    sql = _SELECT + ' WHERE a.document_id = ? AND a.start = ? AND a."end" = ? AND a.deleted_at IS NULL ORDER BY a.id'
    rows = list(db.rows(sql + " LIMIT 1", [document_id, start, end]))
    return _annotation(rows[0]) if rows else None


def all_annotations(db: Store) -> list[Annotation]:
    """Every live annotation, by document then text order."""
    sql = _SELECT + ' WHERE a.deleted_at IS NULL ORDER BY a.document_id, a.start, a."end", a.id'
    return [_annotation(row) for row in db.rows(sql)]


def annotations_with_status(db: Store, status: str, document_id: int | None = None) -> list[Annotation]:
    sql = _SELECT + " WHERE a.deleted_at IS NULL AND a.anchor_status = ?"
    params: list = [status]
    if document_id is not None:
        sql += " AND a.document_id = ?"
        params.append(document_id)
    return [_annotation(row) for row in db.rows(sql + " ORDER BY a.document_id, a.start, a.id", params)]


def anchors_to_move(db: Store, document_id: int, new_version_id: int) -> list[dict]:
    """Every annotation of a document not yet on `new_version_id`, trashed ones included (they may be restored)."""
    sql = """SELECT id, version_id, start, "end", exact, prefix, suffix, anchor_status, deleted_at,
             old_version_id, old_start, old_end
             FROM annotations WHERE document_id = ? AND version_id != ? ORDER BY version_id, id"""
    return list(db.rows(sql, [document_id, new_version_id]))


def set_anchors(db: Store, rows: list[dict]) -> None:
    """Write re-anchoring results in bulk; not a user's edit, so modified_at stays."""
    db.executemany(
        """UPDATE annotations SET version_id = :version_id, start = :start, "end" = :end, exact = :exact,
           exact_joined = :exact_joined, prefix = :prefix, suffix = :suffix, anchor_status = :anchor_status,
           anchor_confidence = :anchor_confidence, old_version_id = :old_version_id, old_start = :old_start,
           old_end = :old_end WHERE id = :id""", [_with_reading(row) for row in rows])


def old_place(db: Store, annotation_id: int) -> tuple[int | None, int, int]:
    """(version id, start, end) where an annotation was last anchored with confidence."""
    row = db.execute('SELECT old_version_id, old_start, old_end, version_id, start, "end" FROM annotations '
                     "WHERE id = ?", [annotation_id]).fetchone()
    return (row[0], row[1] or 0, row[2] or 0) if row[0] is not None else (row[3], row[4], row[5])


def trashed_annotations(db: Store) -> list[tuple[Annotation, str]]:
    sql = _SELECT + " WHERE a.deleted_at IS NOT NULL ORDER BY a.deleted_at DESC, a.id DESC"
    return [(_annotation(row), row["deleted_at"]) for row in db.rows(sql)]


MOMENTS = ("note_at", "tags_at", "color_at", "place_at")
_DECIDED_BY = {"note_at": ("note",), "color_at": ("color",), "place_at": ("start", "end")}  # columns a user edits


def update_annotation(db: Store, annotation_id: int, changes: dict, modified: str = "") -> None:
    """Write `changes`, stamping the moment of each part they change (`Annotation.note_at` …) unless they give it;
    a part written as it was keeps its moment (saving unchanged tags or a note put back had made it the newer).
    `modified`: when the change was made, if not now (an edit read from another copy's export)."""
    _update(db, [annotation_id], _with_reading(changes), modified or now())


def _update(db: Store, annotation_ids: list[int] | tuple[int, ...], changes: dict, stamp: str) -> None:
    """One UPDATE per annotation; a moment not yet kept (a note made before moments were: NULL, read as its
    `modified_at`) is kept as it was before this change."""
    moments = []
    for moment in MOMENTS:
        decided_by = [column for column in _DECIDED_BY.get(moment, ()) if column in changes]
        held = f"COALESCE({moment}, modified_at)"
        if moment in changes:
            moments.append(f"{moment} = :{moment}")
        elif decided_by:
            moments.append(stamped_if_changed(moment, decided_by, held))
        else:
            moments.append(f"{moment} = {held}")
    columns = [f'"{column}" = :{column}' for column in changes if column not in MOMENTS]
    sql = f"UPDATE annotations SET {', '.join([*moments, *columns, 'modified_at = :stamp'])} WHERE id = :id"
    db.executemany(sql, [{**changes, "stamp": stamp, "id": annotation_id} for annotation_id in annotation_ids])


def annotations_made_at(db: Store, document_id: int, created: str) -> list[tuple[Annotation, bool]]:
    """A document's annotations made at `created` (to the second), those in the Trash too, each with whether it is."""
    sql = _SELECT + " WHERE a.document_id = ? AND a.created_at = ? ORDER BY a.id"
    return [(_annotation(row), row["deleted_at"] is not None) for row in db.rows(sql, [document_id, created])]


def stamp_tags_changed(db: Store, annotation_ids: list[int] | tuple[int, ...]) -> None:
    """Mark the annotations' tags changed now (tagged anew, or a tag renamed or taken off): a copy of the library
    reading their export takes their tags as the newer edit."""
    stamp = now()
    _update(db, annotation_ids, {"tags_at": stamp}, stamp)


def trashed_annotation_at(db: Store, document_id: int, start: int, end: int) -> Annotation | None:
    """An annotation in the Trash over exactly [start, end), if any."""
    sql = _SELECT + ' WHERE a.document_id = ? AND a.start = ? AND a."end" = ? AND a.deleted_at IS NOT NULL LIMIT 1'
    rows = list(db.rows(sql, [document_id, start, end]))
    return _annotation(rows[0]) if rows else None


def mark_deleted(db: Store, annotation_id: int, deleted: bool) -> None:
    db.table("annotations").update(annotation_id, {"deleted_at": now() if deleted else None})


def _annotation(row: dict) -> Annotation:
    return Annotation(
        id=row["id"], document_id=row["document_id"], version_id=row["version_id"], start=row["start"],
        end=row["end"], quote=TextQuote(row["exact"], row["prefix"] or "", row["suffix"] or ""),
        color=row["color"] or "", note=row["note"] or "", anchor_status=row["anchor_status"],
        anchor_confidence=row["anchor_confidence"], created_at=row["created_at"], modified_at=row["modified_at"],
        tags=tuple(row["tag_names"].split(TAG_SEPARATOR)) if row["tag_names"] else (),
        **{moment: row[moment] or row["modified_at"] for moment in MOMENTS},
        tags_read=None if row["tags_read"] is None else tuple(filter(None, row["tags_read"].split(TAG_SEPARATOR))),
    )
