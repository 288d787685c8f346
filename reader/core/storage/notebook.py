"""SQL for notebook notes (free-standing or on a whole document) and the passages they cite."""

from __future__ import annotations

from reader.core.records.annotations import NotebookNote
from reader.core.storage.documents import now
from reader.core.storage.moments import stamped_if_changed
from reader.core.storage.store import Store

_SELECT = """SELECT n.*, (SELECT GROUP_CONCAT(annotation_id) FROM
    (SELECT annotation_id FROM note_citations c WHERE c.note_id = n.id ORDER BY position)) AS cited
    FROM notebook_notes n"""


def insert_note(db: Store, document_id: int | None, title: str, body: str, created: str = "",
                modified: str = "", cited: str = "") -> int:
    """`cited`: when its citations were last changed, if not as the rest (a note read back from another copy)."""
    stamp = now()
    changed = modified or created or stamp
    return db.table("notebook_notes").insert({"document_id": document_id, "title": title, "body": body,
                                              "created_at": created or stamp, "modified_at": changed,
                                              "text_at": changed, "cited_at": cited or changed}).last_pk


def get_note(db: Store, note_id: int, *, include_deleted: bool = False) -> NotebookNote | None:
    live = "" if include_deleted else " AND n.deleted_at IS NULL"
    rows = list(db.rows(_SELECT + " WHERE n.id = ?" + live, [note_id]))
    return _note(rows[0]) if rows else None


def notes(db: Store, document_id: int | None, *, notebook_only: bool = False) -> list[NotebookNote]:
    """Live notes on one document, or (document_id None) all notes, or only the free-standing ones."""
    if document_id is not None:
        where, params = " AND n.document_id = ?", [document_id]
    else:
        where, params = (" AND n.document_id IS NULL" if notebook_only else ""), []
    rows = db.rows(_SELECT + " WHERE n.deleted_at IS NULL" + where + " ORDER BY n.modified_at DESC, n.id DESC",
                    params)
    return [_note(row) for row in rows]


def notes_citing(db: Store, annotation_id: int) -> list[NotebookNote]:
    """Live notes citing an annotation."""
    rows = db.rows(_SELECT + """ WHERE n.deleted_at IS NULL AND n.id IN
                   (SELECT note_id FROM note_citations WHERE annotation_id = ?) ORDER BY n.id""", [annotation_id])
    return [_note(row) for row in rows]


def update_note(db: Store, note_id: int, changes: dict, modified: str = "") -> None:
    """`modified`: when the change was made, if not now (an edit read from another copy's export). The text's
    moment (`text_at`) is stamped only where the title or the text changes (NULL, for notes made before moments
    were, reads as `modified_at`)."""
    stamp = modified or now()
    written = [column for column in ("title", "body") if column in changes]
    text_at = "text_at = :text_at" if "text_at" in changes else \
        stamped_if_changed("text_at", written, "COALESCE(text_at, modified_at)")
    columns = [f"{column} = :{column}" for column in changes if column != "text_at"]
    cited_at = "cited_at = COALESCE(cited_at, modified_at)"  # one without (an earlier build's upgrade) keeps its
    # moment, not the next edit's of its text (a copy's added citation became older, audit BK F3)
    db.execute(f"UPDATE notebook_notes SET {', '.join([*columns, text_at, cited_at, 'modified_at = :stamp'])} "
               "WHERE id = :id", {**changes, "stamp": stamp, "id": note_id})


def notes_made_at(db: Store, document_id: int | None, created: str) -> list[tuple[NotebookNote, bool]]:
    """The notes on a document (None: free-standing) made at `created`, those in the Trash too, each with whether it
    is: the same note in two copies of a library is one of them."""
    rows = db.rows(_SELECT + " WHERE n.document_id IS ? AND n.created_at = ? ORDER BY n.id", [document_id, created])
    return [(_note(row), row["deleted_at"] is not None) for row in rows]


def mark_note_deleted(db: Store, note_id: int, deleted: bool) -> None:
    db.table("notebook_notes").update(note_id, {"deleted_at": now() if deleted else None})


def replace_citations(db: Store, note_id: int, annotation_ids: list[int], moment: str | None = "") -> None:
    """Cite these annotations, in this order; where that changes them, their moment (`cited_at`) is `moment` (now,
    if ''; None leaves it: citations completed from the file that gave the note keep the file's)."""
    unique = list(dict.fromkeys(annotation_ids))
    if unique == _citations(db, note_id):  # as they are (a note's typing saved with its citations): nothing written
        return
    if moment is not None:
        db.execute("UPDATE notebook_notes SET cited_at = ? WHERE id = ?", [moment or now(), note_id])
    db.execute("DELETE FROM note_citations WHERE note_id = ?", [note_id])
    rows = [{"note_id": note_id, "annotation_id": a, "position": i} for i, a in enumerate(unique)]
    if rows:
        db.table("note_citations").insert_all(rows)


def _citations(db: Store, note_id: int) -> list[int]:
    return [row[0] for row in db.execute("SELECT annotation_id FROM note_citations WHERE note_id = ? ORDER BY "
                                         "position", [note_id]).fetchall()]


def trashed_notes(db: Store) -> list[tuple[NotebookNote, str]]:
    rows = db.rows(_SELECT + " WHERE n.deleted_at IS NOT NULL ORDER BY n.deleted_at DESC, n.id DESC")
    return [(_note(row), row["deleted_at"]) for row in rows]


def _note(row: dict) -> NotebookNote:
    cited = tuple(int(i) for i in row["cited"].split(",")) if row["cited"] else ()
    return NotebookNote(row["id"], row["document_id"], row["title"] or "", row["body"] or "", cited,
                        row["created_at"], row["modified_at"], row["text_at"] or row["modified_at"],
                        row["cited_at"] or row["modified_at"])
