"""SQL for documents, versions and boilerplate ranges. Callers wrap multi-step writes in `db.atomic()`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone

from reader.core.errors import ReaderError
from reader.core.ranges import merge, subtract, total_length
from reader.core.records.documents import METADATA_FIELDS, DocumentInfo, Metadata, Span, VersionText
from reader.core.storage.store import Store

DETECTED, USER_MARKED, USER_UNMARKED = "detected", "user_marked", "user_unmarked"
FROM_FILE = "from_file"  # running heads a paged file's reader found: kept when the corpus is detected again

_LIST_SQL = """
SELECT d.*, v.id AS version_id, v.number AS version_number, v.char_count, v.boilerplate_chars,
       v.content_hash, v.imported_at,
       (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted_at IS NULL) AS annotation_count,
       (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted_at IS NULL
            AND TRIM(a.note, ' ' || char(9, 10, 13, 160, 12288)) <> '')  -- a note of blanks is none
           + (SELECT COUNT(*) FROM notebook_notes n WHERE n.document_id = d.id AND n.deleted_at IS NULL) AS note_count,
       (SELECT f.message FROM recognition_failures f WHERE f.document_id = d.id AND f.version_id = v.id)
           AS recognition_error
FROM documents d JOIN versions v ON v.id = d.current_version_id
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def list_documents(db: Store) -> list[DocumentInfo]:
    """Every document not in the Trash."""
    return [_info(row) for row in db.rows(_LIST_SQL + " WHERE d.deleted_at IS NULL ORDER BY d.id")]


def trashed_document_infos(db: Store) -> list[DocumentInfo]:
    """Every document in the Trash."""
    return [_info(row) for row in db.rows(_LIST_SQL + " WHERE d.deleted_at IS NOT NULL ORDER BY d.id")]


def get_document(db: Store, document_id: int, *, include_trashed: bool = False) -> DocumentInfo | None:
    live = "" if include_trashed else " AND d.deleted_at IS NULL"
    rows = list(db.rows(_LIST_SQL + " WHERE d.id = ?" + live, [document_id]))
    return _info(rows[0]) if rows else None


def titles(db: Store) -> dict[int, str]:
    """Every document's title (its file name when it has none), the Trash's included. Documents sharing a title
    are told apart by their file names: where sources are set side by side by name, two would read as one."""
    rows = db.execute("SELECT id, COALESCE(NULLIF(title, ''), file_name), file_name FROM documents").fetchall()
    counts = Counter(title.casefold() for _id, title, _file_name in rows)
    return {document_id: title if counts[title.casefold()] == 1 or title == file_name else f"{title} ({file_name})"
            for document_id, title, file_name in rows}


def find_document_id(db: Store, file_name: str) -> int | None:
    row = db.execute("SELECT id FROM documents WHERE file_name = ? AND deleted_at IS NULL", [file_name]).fetchone()
    return row[0] if row else None


def find_document_by_path(db: Store, source_path: str) -> tuple[int, str] | None:
    """(id, file name) of the live document last imported from this file, if any."""
    row = db.execute("""SELECT id, file_name FROM documents WHERE source_path = ? AND deleted_at IS NULL
                        ORDER BY id DESC LIMIT 1""", [source_path]).fetchone()
    return (row[0], row[1]) if row else None


def document_source_path(db: Store, document_id: int) -> str:
    """The file a document was first imported from ('' if not known)."""
    row = db.execute("SELECT source_path FROM documents WHERE id = ?", [document_id]).fetchone()
    return (row[0] or "") if row else ""


def source_path_of_name(db: Store, file_name: str) -> str | None:
    """The file the document of this name (live or in the Trash) came from; None when no document has the name."""
    row = db.execute("SELECT source_path FROM documents WHERE file_name = ?", [file_name]).fetchone()
    return (row[0] or "") if row else None


def documents_named_from(db: Store, beginning: str, limit: int) -> list[tuple[int, str]]:
    """(id, file name) of up to `limit` live documents whose file name begins with `beginning` (taken literally)."""
    return db.execute("""SELECT id, file_name FROM documents WHERE deleted_at IS NULL
                         AND substr(file_name, 1, length(:b)) = :b ORDER BY file_name LIMIT :n""",
                      {"b": beginning, "n": limit}).fetchall()


def trashed_named(db: Store, text: str, document_id: int | None, limit: int) -> list[str]:
    """The file names of documents in the Trash that `text` names, as `resolve` reads a name: the one whose id it is
    (`document_id`: the id `text` is read as, if any), else the one of that file name, else up to `limit` whose names
    begin so."""
    if document_id is not None:
        row = db.execute("SELECT file_name FROM documents WHERE id = ? AND deleted_at IS NOT NULL", [document_id])
        return [found[0] for found in row.fetchall()]
    rows = db.execute("""SELECT DISTINCT file_name FROM documents WHERE deleted_at IS NOT NULL
                         AND substr(file_name, 1, length(:b)) = :b ORDER BY file_name != :b, file_name LIMIT :n""",
                      {"b": text, "n": limit}).fetchall()
    names = [row[0] for row in rows]
    return names[:1] if names and names[0] == text else names


def live_versions(db: Store) -> dict[int, tuple]:
    """Each live document's current version and the file its pages are drawn from: what an import or a re-import
    (which are not steps) changes, the moved file imported again included."""
    sql = """SELECT d.id, d.current_version_id, v.source_path FROM documents d
             LEFT JOIN versions v ON v.id = d.current_version_id WHERE d.deleted_at IS NULL"""
    return {row[0]: (row[1], row[2]) for row in db.execute(sql).fetchall()}


def version_with_text(db: Store, document_id: int, content_hash: str) -> int | None:
    """The document's version holding this very text, if it has one."""
    row = db.execute("SELECT id FROM versions WHERE document_id = ? AND content_hash = ? ORDER BY number LIMIT 1",
                     [document_id, content_hash]).fetchone()
    return row[0] if row else None


def make_current(db: Store, document_id: int, version_id: int) -> None:
    db.execute("UPDATE documents SET current_version_id = ?, modified_at = ? WHERE id = ?",
               [version_id, now(), document_id])


def find_version_by_hash(db: Store, content_hash: str) -> tuple[int, int] | None:
    """(document_id, version_id) of a document's current version with this content (one in the Trash too), so a
    copy of a known file is recognised; an earlier or undone version's text is shown nowhere, and a copy of it was
    'already imported' (audit CA C8, C16)."""
    row = db.execute("""SELECT v.document_id, v.id FROM versions v JOIN documents d ON d.current_version_id = v.id
                        WHERE v.content_hash = ? LIMIT 1""", [content_hash]).fetchone()
    return (row[0], row[1]) if row else None


def earlier_version_holder(db: Store, content_hash: str) -> tuple[str, bool] | None:
    """The file name of a document (one in the Trash too) one of whose earlier or undone versions has this content,
    and whether that version came after its current one (undone)."""
    row = db.execute("""SELECT d.file_name, v.number > c.number FROM versions v
                        JOIN documents d ON d.id = v.document_id JOIN versions c ON c.id = d.current_version_id
                        WHERE v.content_hash = ? AND v.id <> d.current_version_id LIMIT 1""", [content_hash]).fetchone()
    return (row[0], bool(row[1])) if row else None


def read_version_id(db: Store, document_id: int) -> int | None:
    """The version the document's file gave when last imported (None in a library older than this record)."""
    return db.execute("SELECT read_version_id FROM documents WHERE id = ?", [document_id]).fetchone()[0]


def set_read_version(db: Store, document_id: int, version_id: int) -> None:
    db.execute("UPDATE documents SET read_version_id = ? WHERE id = ?", [version_id, document_id])


def current_version_id(db: Store, document_id: int) -> int:
    return db.execute("SELECT current_version_id FROM documents WHERE id = ?", [document_id]).fetchone()[0]


def shown_version_id(db: Store, document_id: int, shown: int | None, again: str = "select the words again") -> int:
    """The document's current version, refused when it is not `shown`, the version a selection's offsets were read
    on (or an editor was opened on): another program may have stored a new one meanwhile, and the offsets would name
    other words there (a highlight, a boilerplate mark or a person's name landed on "me the “Mon"), or the editor's
    text would replace the new one. `again`: what the user may do instead."""
    version_id = current_version_id(db, document_id)
    if shown is not None and shown != version_id:
        raise ReaderError(f"the text changed (a new version was stored, perhaps by another program) since it was "
                          f"shown here: nothing was done; {again}")
    return version_id


def insert_document(db: Store, file_name: str, source_path: str, metadata: Metadata) -> int:
    stamp = now()
    row = {"file_name": file_name, "source_path": source_path, "created_at": stamp, "modified_at": stamp}
    row.update({name: getattr(metadata, name) for name in METADATA_FIELDS})
    return db.table("documents").insert(row).last_pk


def insert_version(db: Store, document_id: int, text: str, content_hash: str, encoding: str, fmt: str) -> int:
    """Add the next version of a document (made current by the caller)."""
    number = db.execute(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE document_id = ?", [document_id]
    ).fetchone()[0]
    version_id = db.table("versions").insert({
        "document_id": document_id, "number": number, "text": text, "content_hash": content_hash,
        "encoding": encoding, "source_format": fmt, "char_count": len(text), "imported_at": now(),
    }).last_pk
    return version_id


def update_metadata(db: Store, document_id: int, changes: dict[str, str]) -> None:
    unknown = set(changes) - set(METADATA_FIELDS)
    if unknown:
        raise ValueError(f"not metadata fields: {sorted(unknown)}")
    stored = db.table("documents").get(document_id)
    changed = {name: value for name, value in changes.items() if stored[name] != value}
    if changed:  # a form saved as it was is no step of its own ("Undo Edit metadata" that undoes nothing)
        db.table("documents").update(document_id, {**changed, "modified_at": now()})


def version_text(db: Store, version_id: int) -> VersionText:
    row = db.execute("SELECT document_id, number, text FROM versions WHERE id = ?", [version_id]).fetchone()
    return VersionText(row[0], version_id, row[1], row[2], tuple(effective_boilerplate(db, version_id)))


def version_format(db: Store, version_id: int) -> tuple[str, str]:
    """(encoding, source format) of a version, which a corrected copy of its text keeps."""
    row = db.execute("SELECT encoding, source_format FROM versions WHERE id = ?", [version_id]).fetchone()
    return row[0] or "utf-8", row[1] or "text"


def current_version_ids(db: Store) -> list[int]:
    """Every live document's current version id, in document order (without reading the texts)."""
    sql = "SELECT current_version_id FROM documents WHERE deleted_at IS NULL ORDER BY id"
    return [row[0] for row in db.execute(sql).fetchall()]


def current_titles(db: Store) -> dict[int, tuple[int, str]]:
    """Each live document's current version -> (document id, title)."""
    sql = "SELECT current_version_id, id, title FROM documents WHERE deleted_at IS NULL"
    return {row[0]: (row[1], row[2] or "") for row in db.execute(sql).fetchall()}


def current_texts(db: Store) -> list[tuple[int, str]]:
    """(version_id, text) of every document's current version: the corpus boilerplate detection compares."""
    sql = "SELECT v.id, v.text FROM documents d JOIN versions v ON v.id = d.current_version_id " \
          "WHERE d.deleted_at IS NULL ORDER BY d.id"
    return [(row[0], row[1]) for row in db.execute(sql).fetchall()]


def boilerplate_of_current(db: Store) -> list[tuple[int, int, int, str]]:
    """(version, start, end, origin) of every stretch of boilerplate of the documents' current versions."""
    sql = ('SELECT b.version_id, b.start, b."end", b.origin FROM boilerplate b JOIN documents d '
           'ON d.current_version_id = b.version_id ORDER BY b.version_id, b.start, b."end", b.id')
    return [tuple(row) for row in db.execute(sql).fetchall()]


def boilerplate_rows(db: Store, version_id: int) -> list[tuple[int, int, str]]:
    sql = 'SELECT start, "end", origin FROM boilerplate WHERE version_id = ? ORDER BY start'
    return [tuple(row) for row in db.execute(sql, [version_id]).fetchall()]


def replace_detected_boilerplate(db: Store, version_id: int, ranges: Iterable[tuple[int, int]]) -> None:
    """Only the ranges detection no longer finds go, and only new ones are written: rows rewritten at every import
    took ids the history had seen on other rows (a rowid is reused), and a later undo or redo wrote onto those."""
    wanted = set(ranges)
    found = {(row[1], row[2]): row[0] for row in db.execute(
        'SELECT id, start, "end" FROM boilerplate WHERE version_id = ? AND origin = ?', [version_id, DETECTED])}
    db.executemany("DELETE FROM boilerplate WHERE id = ?", [(row_id,) for span, row_id in found.items()
                                                            if span not in wanted])
    _insert_ranges(db, version_id, sorted(wanted - found.keys()), DETECTED)


def user_boilerplate_rows(db: Store, version_id: int) -> list[tuple[int, int, bool]]:
    """(start, end, marked?) of what the user marked or unmarked as boilerplate on a version, in the order decided."""
    sql = 'SELECT start, "end", origin FROM boilerplate WHERE version_id = ? AND origin IN (?, ?) ORDER BY id'
    return [(row[0], row[1], row[2] == USER_MARKED)
            for row in db.execute(sql, [version_id, USER_MARKED, USER_UNMARKED]).fetchall()]


def add_user_boilerplate(db: Store, version_id: int, start: int, end: int, is_boilerplate: bool) -> None:
    _insert_ranges(db, version_id, [(start, end)], USER_MARKED if is_boilerplate else USER_UNMARKED)


def add_file_boilerplate(db: Store, version_id: int, ranges: Iterable[tuple[int, int]]) -> None:
    _insert_ranges(db, version_id, ranges, FROM_FILE)


def _insert_ranges(db: Store, version_id: int, ranges: Iterable[tuple[int, int]], origin: str) -> None:
    rows = [{"version_id": version_id, "start": s, "end": e, "origin": origin} for s, e in ranges]
    if rows:
        db.table("boilerplate").insert_all(rows)


def effective_boilerplate(db: Store, version_id: int) -> list[Span]:
    """Detected and user-marked ranges, minus what the user unmarked; later decisions win over earlier ones."""
    covered: list[tuple[int, int]] = []
    added: list[tuple[int, int]] = []  # ranges marked since the last unmarking: merged in one go (a book has hundreds)
    sql = 'SELECT start, "end", origin FROM boilerplate WHERE version_id = ? ORDER BY (origin != ?), id'
    for start, end, origin in db.execute(sql, [version_id, DETECTED]).fetchall():
        if origin == USER_UNMARKED:
            covered = subtract([*covered, *added], (start, end))
            added = []
        else:
            added.append((start, end))
    return [Span(start, end, "boilerplate") for start, end in merge([*covered, *added])]


def refresh_boilerplate_count(db: Store, version_id: int) -> None:
    """Store how many characters of a version are boilerplate, for the library listing."""
    count = total_length((s.start, s.end) for s in effective_boilerplate(db, version_id))
    db.execute("UPDATE versions SET boilerplate_chars = ? WHERE id = ?", [count, version_id])


def _info(row: dict) -> DocumentInfo:
    metadata = Metadata(**{name: row[name] or "" for name in METADATA_FIELDS})
    return DocumentInfo(
        id=row["id"], file_name=row["file_name"], metadata=metadata, version_id=row["version_id"],
        version_number=row["version_number"], char_count=row["char_count"],
        boilerplate_chars=row["boilerplate_chars"] or 0, content_hash=row["content_hash"],
        imported_at=row["imported_at"], source_path=row["source_path"] or "",
        annotation_count=row["annotation_count"], note_count=row["note_count"],
        recognition_error=row["recognition_error"] or "",
    )
