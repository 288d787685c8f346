"""The composition root of the core: one open database and the services over it, passed to the UI and the CLI."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.core.storage.database import open_database
from reader.core.storage.faults import write_blocker
from reader.core.storage.store import Store

if TYPE_CHECKING:
    from reader.core.annotations.comparisons import ComparisonService
    from reader.core.annotations.links import LinkService
    from reader.core.annotations.notebook import NotebookService
    from reader.core.annotations.review import ReviewService
    from reader.core.annotations.service import AnnotationService
    from reader.core.annotations.sources import SourceCriticismService
    from reader.core.annotations.tags import TagService
    from reader.core.annotations.trash import TrashService
    from reader.core.compare.parallels import ParallelService
    from reader.core.compare.timeline import TimelineService
    from reader.core.documents.service import DocumentService
    from reader.core.entities.service import EntityService
    from reader.core.export.service import ExportService
    from reader.core.ops import History, OpChanges
    from reader.core.outside_changes import OutsideChanges
    from reader.core.search.service import SearchService
    from reader.core.storage.backup import Restored

T = TypeVar("T")
DB_ENV_VAR = "ANNOTATED_READER_DB"
DEFAULT_DB_NAME = "annotations.db"


def restore_latest_backup(path: Path, set_aside: str = "damaged") -> Restored:
    """Set a damaged database aside (renamed, kept) and put its newest backup in its place; `set_aside` names what
    the kept file is ("replaced" when it was sound)."""
    from reader.core.storage.backup import restore_latest

    return restore_latest(Path(path), set_aside)


def database_is_sound(path: Path) -> bool:
    """Whether the database file opens fine, checked without changing it or backing it up."""
    from reader.core.storage.database import is_sound

    return is_sound(Path(path))


def default_db_path() -> Path:
    """`$ANNOTATED_READER_DB` if set, else `annotations.db` in the current folder."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_NAME)


class Workspace:
    """Everything a face (window or command line) needs, built from one database path."""

    def __init__(self, db: Store, path: Path):
        self.db = db
        self.path = path

    # Each service is built, and its module imported, on first use: the window's start needs only a few of them,
    # and importing all of them cost a sixth of the start-up.

    @cached_property
    def documents(self) -> DocumentService:
        from reader.core.documents.service import DocumentService

        return DocumentService(self.db)

    @cached_property
    def annotations(self) -> AnnotationService:
        from reader.core.annotations.service import AnnotationService

        return AnnotationService(self.db)

    @cached_property
    def links(self) -> LinkService:
        from reader.core.annotations.links import LinkService

        return LinkService(self.db, self.annotations)

    @cached_property
    def comparisons(self) -> ComparisonService:
        from reader.core.annotations.comparisons import ComparisonService

        return ComparisonService(self.db)

    @cached_property
    def tags(self) -> TagService:
        from reader.core.annotations.tags import TagService

        return TagService(self.db)

    @cached_property
    def notebook(self) -> NotebookService:
        from reader.core.annotations.notebook import NotebookService

        return NotebookService(self.db, self.annotations)

    @cached_property
    def sources(self) -> SourceCriticismService:
        from reader.core.annotations.sources import SourceCriticismService

        return SourceCriticismService(self.db)

    @cached_property
    def review(self) -> ReviewService:
        from reader.core.annotations.review import ReviewService

        return ReviewService(self.db, self.annotations)

    @cached_property
    def trash(self) -> TrashService:
        from reader.core.annotations.trash import TrashService

        return TrashService(self.db, self.annotations, self.links, self.notebook, self.documents)

    @cached_property
    def entities(self) -> EntityService:
        from reader.core.entities.service import EntityService

        return EntityService(self.db)

    @cached_property
    def search(self) -> SearchService:
        from reader.core.search.service import SearchService

        return SearchService(self.db)

    @cached_property
    def export(self) -> ExportService:
        from reader.core.export.service import ExportService

        return ExportService(self.db, self.documents, self.annotations, self.links, self.comparisons, self.entities,
                             self.notebook)

    @cached_property
    def parallels(self) -> ParallelService:
        from reader.core.compare.parallels import ParallelService

        return ParallelService(self.db)

    @cached_property
    def timeline(self) -> TimelineService:
        from reader.core.compare.timeline import TimelineService

        return TimelineService(self.db)

    @cached_property
    def history(self) -> History:
        from reader.core.ops import History

        return History(self.db)

    @cached_property
    def outside(self) -> OutsideChanges:
        from reader.core.outside_changes import OutsideChanges

        return OutsideChanges(self.db)

    def run(self, label: str, change: Callable[[], T]) -> tuple[T, OpChanges]:
        """Run a change as one undoable operation; returns its value and what it changed (for the views)."""
        from reader.core.ops import operation

        with operation(self.db, label) as running:
            value = change()
        return value, running.changes

    @classmethod
    def open(cls, path: Path | None = None, *, backup: bool = True, waits_s: float | None = None) -> Workspace:
        """Open the workspace; `backup=False` is for extra connections (workers) in the same session; `waits_s`, how
        long the opening waits for another program holding the file (the window's shorter wait)."""
        resolved = Path(path) if path else default_db_path()
        waiting = {} if waits_s is None else {"waits_s": waits_s}
        return cls(open_database(resolved, backup=backup, **waiting), resolved)

    def wait_for_backup(self) -> None:
        """Return once the start's backup is on disk: other connections (workers) call it before they write."""
        self.db.wait_for_backup()

    def write_blocker(self) -> str:
        """Why this database cannot be changed from here, in a few words ('' when it can)."""
        return write_blocker(self.path)

    def close(self) -> None:
        self.db.close()
