"""Rolling backups through SQLite's online backup API, taken at every start before any write."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from reader.core.storage.store import Store

KEEP_BACKUPS = 5


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in `<name>.backups/`, so moving the folder moves them too."""
    return db_path.with_name(db_path.stem + ".backups")


def take_backup(db: Store, db_path: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database to a timestamped file and delete all but the newest `keep` copies."""
    folder = backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}.db"
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    for old in list_backups(db_path)[:-keep]:
        old.unlink()
    return target


def list_backups(db_path: Path) -> list[Path]:
    """Backups oldest first (their names sort by time)."""
    folder = backup_dir(db_path)
    return sorted(folder.glob(f"{db_path.stem}-*.db")) if folder.is_dir() else []


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None
