"""Databases for the trials: one template with the sample corpus (and notes), copied per trial through SQLite."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def cli(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, cwd=ROOT, env=environment(), timeout=timeout)


def template(folder: Path, notes: int = 0) -> Path:
    """The sample corpus imported, with `notes` annotations spread over it."""
    from reader.core.annotations.service import NewAnnotation
    from reader.core.workspace import Workspace

    path = folder / f"template-{notes}.db"
    if not path.exists():
        workspace = Workspace.open(path)
        workspace.documents.import_paths([TEXTS])
        ids = [info.id for info in workspace.documents.list()]
        workspace.annotations.create_many([NewAnnotation(ids[n % len(ids)], n % 400, n % 400 + 9, note=f"note {n}",
                                                         tags=(f"tag{n % 7}",)) for n in range(notes)])
        workspace.close()
    return path


def copy_of(source: Path, target: Path) -> Path:
    """A copy through SQLite's backup API (never a byte copy of a live database)."""
    for companion in ("", "-wal", "-shm"):
        Path(f"{target}{companion}").unlink(missing_ok=True)
    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as origin, \
            closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
    return target


def healthy(db: Path) -> bool:
    """Whether the program's next start accepts the file: its own check, which is what a user meets."""
    from reader.core.errors import ReaderError
    from reader.core.storage.database import open_database

    try:
        open_database(db, backup=False).close()
        return True
    except ReaderError as exc:
        print(f"# {db}: {exc}", file=sys.stderr)
        return False


def count(db: Path, sql: str, params: tuple = ()) -> int:
    """A count, 0 when the schema is not there yet (a process killed before its first migration committed)."""
    with closing(sqlite3.connect(db)) as conn, conn:
        if not conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0]:
            return 0
        return conn.execute(sql, params).fetchone()[0]
