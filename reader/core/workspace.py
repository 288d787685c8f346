"""The composition root of the core: one open database and the services over it, passed to the UI and the CLI."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.core.storage.database import open_database
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
    from reader.core.documents.service import DocumentService
    from reader.core.entities.service import EntityService
    from reader.core.export.service import ExportService
    from reader.core.ops import History, OpChanges
    from reader.core.search.service import SearchService
    from reader.core.storage.backup import Restored

T = TypeVar("T")
DB_ENV_VAR = "ANNOTATED_READER_DB"
DEFAULT_DB_NAME = "annotations.db"


def restore_latest_backup(path: Path) -> Restored:
    """Set a damaged database aside (renamed, kept) and put its newest backup in its place."""
    from reader.core.storage.backup import restore_latest

    return restore_latest(Path(path))


def default_db_path() -> Path:
    """`$ANNOTATED_READER_DB` if set, else `annotations.db` in the current folder."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_NAME)


class _Service:
    """A Workspace attribute holding a service that is built, and its module imported, on first use.

    Why: the window's start needs only a few of the services, and importing all of them cost a sixth of the start-up.
    The service gets the database and then the named services it depends on.
    """

    def __init__(self, module: str, class_name: str, *depends_on: str):
        self.module, self.class_name, self.depends_on = module, class_name, depends_on

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, workspace: Workspace | None, owner: type) -> object:
        if workspace is None:
            return self
        service_class = getattr(importlib.import_module(self.module), self.class_name)
        service = service_class(workspace.db, *(getattr(workspace, name) for name in self.depends_on))
        workspace.__dict__[self.name] = service  # later reads find the instance attribute, not this descriptor
        return service


class Workspace:
    """Everything a face (window or command line) needs, built from one database path."""

    def __init__(self, db: Store, path: Path):
        self.db = db
        self.path = path

    documents: DocumentService = _Service("reader.core.documents.service", "DocumentService")
    annotations: AnnotationService = _Service("reader.core.annotations.service", "AnnotationService")
    links: LinkService = _Service("reader.core.annotations.links", "LinkService", "annotations")
    comparisons: ComparisonService = _Service("reader.core.annotations.comparisons", "ComparisonService")
    tags: TagService = _Service("reader.core.annotations.tags", "TagService")
    notebook: NotebookService = _Service("reader.core.annotations.notebook", "NotebookService", "annotations")
    sources: SourceCriticismService = _Service("reader.core.annotations.sources", "SourceCriticismService")
    review: ReviewService = _Service("reader.core.annotations.review", "ReviewService", "annotations")
    trash: TrashService = _Service("reader.core.annotations.trash", "TrashService", "annotations", "links",
                                   "notebook", "documents")
    entities: EntityService = _Service("reader.core.entities.service", "EntityService")
    search: SearchService = _Service("reader.core.search.service", "SearchService")
    export: ExportService = _Service("reader.core.export.service", "ExportService", "documents", "annotations",
                                     "links", "comparisons", "entities")
    history: History = _Service("reader.core.ops", "History")

    def run(self, label: str, change: Callable[[], T]) -> tuple[T, OpChanges]:
        """Run a change as one undoable operation; returns its value and what it changed (for the views)."""
        from reader.core.ops import operation

        with operation(self.db, label) as running:
            value = change()
        return value, running.changes

    @classmethod
    def open(cls, path: Path | None = None, *, backup: bool = True) -> Workspace:
        """Open the workspace; `backup=False` is for extra connections (workers) in the same session."""
        resolved = Path(path) if path else default_db_path()
        return cls(open_database(resolved, backup=backup), resolved)

    def wait_for_backup(self) -> None:
        """Return once the start's backup is on disk: other connections (workers) call it before they write."""
        self.db.wait_for_backup()

    def close(self) -> None:
        self.db.close()
