"""The composition root of the core: one open database and the services over it, passed to the UI and the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from reader.core.storage.store import Store

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
from reader.core.search.service import SearchService
from reader.core.storage.database import open_database

DB_ENV_VAR = "ANNOTATED_READER_DB"
DEFAULT_DB_NAME = "annotations.db"


def default_db_path() -> Path:
    """`$ANNOTATED_READER_DB` if set, else `annotations.db` in the current folder."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_NAME)


class Workspace:
    """Everything a face (window or command line) needs, built from one database path."""

    def __init__(self, db: Store, path: Path):
        self.db = db
        self.path = path
        self.documents = DocumentService(db)
        self.annotations = AnnotationService(db)
        self.links = LinkService(db, self.annotations)
        self.tags = TagService(db)
        self.notebook = NotebookService(db, self.annotations)
        self.sources = SourceCriticismService(db)
        self.review = ReviewService(db, self.annotations)
        self.trash = TrashService(db, self.annotations, self.links, self.notebook)
        self.entities = EntityService(db)
        self.search = SearchService(db)
        self.export = ExportService(db, self.documents, self.annotations, self.links, self.entities)

    @classmethod
    def open(cls, path: Path | None = None, *, backup: bool = True) -> Workspace:
        """Open the workspace; `backup=False` is for extra connections (workers) in the same session."""
        resolved = Path(path) if path else default_db_path()
        return cls(open_database(resolved, backup=backup), resolved)

    def close(self) -> None:
        self.db.close()
