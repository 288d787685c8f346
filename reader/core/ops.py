"""Operations: every change a user makes is one write transaction that returns what changed and can be undone.

`operation(db, label)` wraps a service's writes: one `BEGIN IMMEDIATE` transaction, logged row by row into the
undo history (storage/history.py). An operation started inside another is part of it (one undo step). `History`
undoes and redoes the newest step from any face — the window's Edit menu, `undo`/`redo` in the command line — and
says what changed as `OpChanges`, from which each view refreshes what it shows (the model of Anki's OpChanges).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from reader.core.errors import ReaderError
from reader.core.storage import history as log
from reader.core.storage.store import Store

Rows = list[tuple[str, dict, dict | None, dict | None]]
QUOTED = 40  # characters of a passage (and of a source's title) Undo names


@dataclass(frozen=True)
class OpChanges:
    """What an operation (or its undo) changed: ids per kind, and flags for what has no id of its own."""

    documents: frozenset[int] = frozenset()  # metadata, source criticism, boilerplate, Trash
    annotations: frozenset[int] = frozenset()
    annotation_documents: frozenset[int] = frozenset()  # the documents those annotations are on
    links: frozenset[int] = frozenset()
    tags: bool = False
    notebook: bool = False
    register: bool = False  # entity decisions or authority ids
    saved_searches: bool = False
    dismissals: bool = False  # suggested parallel passages judged not parallel

    @property
    def empty(self) -> bool:
        return self == OpChanges()

    def joined(self, other: OpChanges) -> OpChanges:
        """Both changes as one (ids united, flags either)."""
        return OpChanges(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})

    @property
    def pairs_judged(self) -> bool:
        """Passages linked, unlinked or judged not parallel: what suggested pairs and timeline events depend on."""
        return bool(self.links) or self.dismissals

    @property
    def dates_read(self) -> bool:
        """What the timeline reads changed: its events (pairs judged), the names of its lanes (the register), the
        dates written in notes and what its filters read (annotations, tags, a document's kind). Followed only on
        pairs judged, it kept a renamed or rejected name's lane and a trashed note's date (audit DQ F1, F2)."""
        return self.pairs_judged or self.register or self.tags or bool(self.annotations or self.documents)


@dataclass
class Operation:
    """A running operation; `changes` is filled in when it commits."""

    label: str
    changes: OpChanges = field(default_factory=OpChanges)


@contextmanager
def operation(db: Store, label: str) -> Iterator[Operation]:
    """One undoable step: a write transaction whose every change is logged. Inside another operation, part of it."""
    current = Operation(label)
    if db.conn.in_transaction and log.is_logging(db):
        with db.atomic():
            yield current
        return
    with db.atomic():
        op_id = log.begin(db, label)
        try:
            yield current
        finally:
            rows = log.finish(db, op_id) if db.conn.in_transaction else []
        current.changes = changes_of(db, rows)


def changes_of(db: Store, rows: Rows) -> OpChanges:
    """What the logged rows touched, as the views need it."""
    by_table: dict[str, list[dict]] = {}
    for table, key, before, after in rows:
        by_table.setdefault(table, []).append({**key, **(before or {}), **(after or {})})
    annotations = {row["id"] for row in by_table.get("annotations", [])}
    annotations |= {row["annotation_id"] for row in by_table.get("annotation_tags", [])}
    # The rows' own images say where they were: an undone creation leaves no row to look the document up by.
    on_documents = {row["document_id"] for row in by_table.get("annotations", []) if row.get("document_id")}
    documents = {row["id"] for row in by_table.get("documents", [])}
    documents |= {row["document_id"] for row in by_table.get("document_trash", [])}
    documents |= _documents_of_versions(db, {row["version_id"] for row in by_table.get("boilerplate", [])})
    return OpChanges(
        documents=frozenset(documents), annotations=frozenset(annotations),
        annotation_documents=frozenset(on_documents | _documents_of_annotations(db, annotations)),
        links=frozenset(row["id"] for row in by_table.get("links", [])),
        tags=bool(by_table.get("tags") or by_table.get("annotation_tags")),
        notebook=bool(by_table.get("notebook_notes") or by_table.get("note_citations")),
        # a document to or from the Trash takes its mentions with it: the register's counts change
        register=bool(by_table.get("entity_decisions") or by_table.get("entities") or by_table.get("document_trash")),
        saved_searches=bool(by_table.get("saved_searches")),
        dismissals=bool(by_table.get("parallel_dismissals")))


def _documents_of_annotations(db: Store, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    marks = ", ".join("?" * len(ids))
    return {row[0] for row in db.conn.execute(f"SELECT DISTINCT document_id FROM annotations WHERE id IN ({marks})",
                                              list(ids)).fetchall()}


def _documents_of_versions(db: Store, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    marks = ", ".join("?" * len(ids))
    return {row[0] for row in db.conn.execute(f"SELECT DISTINCT document_id FROM versions WHERE id IN ({marks})",
                                              list(ids)).fetchall()}


@dataclass(frozen=True)
class Step:
    """One entry of the history, as `history` lists it."""

    id: int
    label: str
    created_at: str
    undone: bool


class History:
    """Undo and redo over the database's history, the same from every face."""

    def __init__(self, db: Store):
        self._db = db

    def undo(self) -> tuple[str, OpChanges]:
        """Undo the newest step; returns its label and what changed."""
        return self._step(undone=False)

    def redo(self) -> tuple[str, OpChanges]:
        """Redo the step undone last."""
        return self._step(undone=True)

    def next_undo(self) -> str:
        """The label of the step Undo would take, or ''."""
        found = log.latest(self._db, undone=False)
        return found[1] if found else ""

    def next_redo(self) -> str:
        found = log.latest(self._db, undone=True)
        return found[1] if found else ""

    def told(self, label: str, changes: OpChanges) -> str:
        """A step as Undo or Redo says it took it: its label, the passage of the one annotation it changed and the
        one source it changed ('Edit note on “The two met…” (Genden Falls into Disfavor)'): among many notes on one
        source, "Undone: Edit note" left the user to find which had changed."""
        from reader.core.storage.annotations import get_annotation
        from reader.core.storage.documents import get_document
        from reader.core.wording import one_line

        if len(changes.annotations) == 1 and not changes.documents:  # a document's step is on the document
            annotation_id = next(iter(changes.annotations))
            found = get_annotation(self._db, annotation_id, include_deleted=True)
            exact = found.quote.exact if found else (log.last_image(self._db, "annotations", annotation_id) or {}).get(
                "exact", "")  # an undone creation leaves only the history's image of it
            label += f" on “{one_line(exact, QUOTED)}”" if exact and exact.strip() else ""
        documents = changes.documents | changes.annotation_documents
        document = get_document(self._db, next(iter(documents)), include_trashed=True) if len(documents) == 1 \
            else None  # None too for a document a step took away for good
        if document is None or document.title in label:
            return label
        return label + f" ({one_line(document.title, QUOTED)})"  # a long title ran under the status bar's counts

    def steps(self, limit: int = 50) -> list[Step]:
        return [Step(*entry) for entry in log.entries(self._db, limit)]

    def said(self, step: Step) -> str:
        """A step as Undo would say it ('Edit note on “Genden” (Genden Falls into Disfavor)'): a history of ten
        "Edit note" lines left the reader to guess which was which."""
        return self.told(step.label, changes_of(self._db, log.subject_rows(self._db, step.id)))

    def _step(self, undone: bool) -> tuple[str, OpChanges]:
        with self._db.atomic():
            found = log.latest(self._db, undone=undone)
            if found is None:
                raise ReaderError("nothing to redo" if undone else "nothing to undo")
            op_id, label = found
            rows = log.logged_rows(self._db, op_id)
            log.apply_images(self._db, rows, use_before=not undone)
            log.mark(self._db, op_id, undone=not undone)
            changes = changes_of(self._db, rows)
            refresh_derived(self._db, changes)
        return label, changes


def refresh_derived(db: Store, changes: OpChanges) -> None:
    """What the history does not hold but follows from it: a document's search rows and boilerplate count follow
    its Trash state and its boilerplate; the mentions of a document in the Trash go (recognition brings them back
    when it is restored), and with them the entities only it named from the register's search rows, as do those
    found in a version the step made no longer current."""
    from reader.core.storage import document_trash, search_index
    from reader.core.storage import documents as document_store
    from reader.core.storage import entities as entity_store

    for document_id in changes.documents:
        trashed = db.conn.execute("SELECT deleted_at IS NOT NULL FROM documents WHERE id = ?",
                                  [document_id]).fetchone()
        if trashed is None:
            continue
        if trashed[0]:
            db.conn.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
            search_index.remove_document_text(db, document_id)
            db.conn.execute("DELETE FROM search_index WHERE rowid = ?",
                            [document_trash.DOCUMENT_INDEX_ROW + document_id])
        else:
            document_store.refresh_boilerplate_count(db, document_store.current_version_id(db, document_id))
            search_index.index_document_text(db, document_id)
            entity_store.drop_mentions_off_version(db, document_id)  # recognition reads the version made current
    if changes.documents:  # the register's search rows name only entities with mentions, which the Trash moves
        search_index.index_entities(db)
