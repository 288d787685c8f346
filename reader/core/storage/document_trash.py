"""SQL for a document in the Trash: it, its annotations and its mentions leave every list and the search index
together, and come back together. Links stay: they are hidden while either end is in the Trash."""

from __future__ import annotations

import json

from reader.core.storage import search_index
from reader.core.storage.documents import now
from reader.core.storage.store import Store

DOCUMENT_INDEX_ROW = 3 << 50  # + document id: its metadata row in the search index (migration m006)


def trash_document(db: Store, document_id: int) -> None:
    """Move a live document to the Trash, in the caller's transaction."""
    stamp = now()
    annotation_ids = [row[0] for row in db.execute(
        "SELECT id FROM annotations WHERE document_id = ? AND deleted_at IS NULL", [document_id]).fetchall()]
    mentions = db.rows('SELECT entity_id, version_id, start, "end", text, type, date_value, confidence FROM mentions '
                       "WHERE document_id = ?", [document_id])
    db.execute("INSERT INTO document_trash (document_id, deleted_at, annotation_ids, mentions) VALUES (?, ?, ?, ?)",
               [document_id, stamp, json.dumps(annotation_ids), json.dumps(mentions)])
    db.executemany("UPDATE annotations SET deleted_at = ? WHERE id = ?", [(stamp, i) for i in annotation_ids])
    db.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM recognition_failures WHERE document_id = ?", [document_id])
    db.execute("UPDATE documents SET deleted_at = ? WHERE id = ?", [stamp, document_id])
    search_index.remove_document_text(db, document_id)
    db.execute("DELETE FROM search_index WHERE rowid = ?", [DOCUMENT_INDEX_ROW + document_id])


def hold_arriving(db: Store, document_id: int) -> None:
    """A document just imported waits in the Trash until the import's undoable step brings it in (the caller's
    transaction, not logged): Undo of the import then puts it back there, Redo brings it in again."""
    stamp = now()
    db.execute("UPDATE documents SET deleted_at = ? WHERE id = ?", [stamp, document_id])
    db.execute("INSERT INTO document_trash (document_id, deleted_at, annotation_ids, mentions) VALUES (?, ?, ?, ?)",
               [document_id, stamp, "[]", "[]"])


_RESTORE_MENTION = """INSERT INTO mentions (document_id, entity_id, version_id, start, "end", text, type, date_value,
                                            confidence)
                      VALUES (:document_id, :entity_id, :version_id, :start, :end, :text, :type, :date_value,
                              :confidence)"""


def restore_document(db: Store, document_id: int, index: bool = True) -> None:
    """Bring a document, and what went to the Trash with it, back (the caller's transaction); `index=False`: its
    text is indexed by the caller (an import indexes every text once)."""
    row = db.execute("SELECT annotation_ids, mentions FROM document_trash WHERE document_id = ?",
                     [document_id]).fetchone()
    annotation_ids, mentions = (json.loads(value) for value in row) if row else ([], [])
    db.execute("UPDATE documents SET deleted_at = NULL WHERE id = ?", [document_id])  # its index row comes back
    db.executemany("UPDATE annotations SET deleted_at = NULL WHERE id = ?", [(i,) for i in annotation_ids])
    db.executemany(_RESTORE_MENTION, [{"confidence": 1.0, **mention, "document_id": document_id}  # kept before it
                                      for mention in mentions])  # was kept: as sure, as recognition then had them
    db.execute("DELETE FROM document_trash WHERE document_id = ?", [document_id])
    if index:
        search_index.index_document_text(db, document_id)


def trashed_documents(db: Store) -> list[tuple[int, str, str, int]]:
    """(id, title or file name, deleted at, how many annotations went with it), newest first."""
    sql = """SELECT d.id, COALESCE(NULLIF(d.title, ''), d.file_name), t.deleted_at, t.annotation_ids
             FROM document_trash t JOIN documents d ON d.id = t.document_id ORDER BY t.deleted_at DESC"""
    return [(row[0], row[1], row[2], len(json.loads(row[3]))) for row in db.execute(sql).fetchall()]


def notes_held(db: Store, document_id: int) -> int:
    """How many annotations went to the Trash with the document (none for one an import's Undo put there)."""
    row = db.execute("SELECT annotation_ids FROM document_trash WHERE document_id = ?", [document_id]).fetchone()
    return len(json.loads(row[0])) if row else 0


def trashed_document_id(db: Store, file_name: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE file_name = ? AND deleted_at IS NOT NULL",
                     [file_name]).fetchone()
    return row[0] if row else None


def ties(db: Store, document_id: int) -> tuple[int, int]:
    """(live links from the document's live annotations to other documents', live notebook notes citing its live
    annotations): what leaves Comparisons and the Notebook's exports with it while it is in the Trash."""
    live = "SELECT id FROM annotations WHERE document_id = ? AND deleted_at IS NULL"
    links = db.execute(f"""SELECT COUNT(*) FROM links l JOIN annotations a ON a.id = l.from_annotation_id
                           JOIN annotations b ON b.id = l.to_annotation_id
                           WHERE l.deleted_at IS NULL AND a.deleted_at IS NULL AND b.deleted_at IS NULL
                           AND a.document_id != b.document_id
                           AND (l.from_annotation_id IN ({live}) OR l.to_annotation_id IN ({live}))""",
                       [document_id, document_id]).fetchone()[0]
    notes = db.execute(f"""SELECT COUNT(DISTINCT n.id) FROM notebook_notes n JOIN note_citations c ON c.note_id = n.id
                           WHERE n.deleted_at IS NULL AND c.annotation_id IN ({live})""", [document_id]).fetchone()[0]
    return links, notes
