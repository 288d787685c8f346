"""The composition root of the core: one open database and the services over it, passed to the UI and the CLI."""

from __future__ import annotations

import os
from pathlib import Path

from sqlite_utils import Database

from reader.core.annotations.service import AnnotationService
from reader.core.documents.service import DocumentService
from reader.core.storage.database import open_database

DB_ENV_VAR = "ANNOTATED_READER_DB"
DEFAULT_DB_NAME = "annotations.db"


def default_db_path() -> Path:
    """`$ANNOTATED_READER_DB` if set, else `annotations.db` in the current folder."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_NAME)


class Workspace:
    """Everything a face (window or command line) needs, built from one database path."""

    def __init__(self, db: Database, path: Path):
        self.db = db
        self.path = path
        self.documents = DocumentService(db)
        self.annotations = AnnotationService(db)

    @classmethod
    def open(cls, path: Path | None = None, *, backup: bool = True) -> Workspace:
        """Open the workspace; `backup=False` is for extra connections (workers) in the same session."""
        resolved = Path(path) if path else default_db_path()
        return cls(open_database(resolved, backup=backup), resolved)

    def close(self) -> None:
        self.db.close()
