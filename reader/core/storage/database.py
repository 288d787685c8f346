"""Opening the database: pragmas, integrity check, rolling backup, then migrations, in that order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.errors import DatabaseUnusable
from reader.core.storage.backup import latest_backup, take_backup
from reader.core.storage.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 5000


def open_database(path: Path, *, backup: bool = True, migrations: Migrations = MIGRATIONS) -> Database:
    """Open (creating if needed) the database at `path`, back it up before any write, and bring its schema up to date.

    A file that is not a healthy SQLite database raises DatabaseUnusable and is left untouched.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    db = _connect(path)
    if existed:
        _check_integrity(db, path)
        if backup:
            take_backup(db, path)
    _configure(db)
    apply_migrations(db, migrations)
    return db


def apply_migrations(db: Database, migrations: Migrations = MIGRATIONS) -> None:
    """Apply pending migrations all-or-nothing: a failing one leaves the database exactly as it was."""
    with db.atomic():
        migrations.apply(db)


def _connect(path: Path) -> Database:
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise DatabaseUnusable(f"{path}: cannot open the database ({exc})") from exc
    return Database(conn)


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()


def _check_integrity(db: Database, path: Path) -> None:
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        verdict = str(exc)
    if verdict != "ok":
        db.close()
        raise DatabaseUnusable(_unusable_message(path, verdict))


def _unusable_message(path: Path, verdict: str) -> str:
    backup = latest_backup(path)
    offer = f"; the latest backup is {backup}" if backup else "; no backup exists yet"
    return f"{path} is not a usable database ({verdict}); it was left untouched{offer}"
