"""Rolling backups through SQLite's online backup API, taken at every start before any write."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.storage.store import Store

KEEP_BACKUPS = 5


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in `<name>.backups/`, so moving the folder moves them too."""
    return db_path.with_name(db_path.stem + ".backups")


def take_backup(db: Store, db_path: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database to a timestamped file and delete all but the newest `keep` copies."""
    folder = backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{db_path.stem}-{_stamp()}.db"
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


@dataclass(frozen=True)
class Restored:
    """Where the damaged database was set aside, and which backup now stands in its place."""

    damaged_copy: Path
    backup: Path


def restore_latest(db_path: Path) -> Restored:
    """Put the newest backup in place of a damaged database. Nothing is lost: the damaged file (with its -wal and
    -shm companions, which must not be replayed onto the backup) is renamed beside it, never deleted."""
    backup = latest_backup(db_path)
    if backup is None:
        raise ReaderError(f"{db_path}: no backup to restore from (backups are kept in {backup_dir(db_path)})")
    damaged = db_path.with_name(f"{db_path.stem}.damaged-{_stamp()}{db_path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists():
            companion.rename(f"{damaged}{suffix}")
    shutil.copy2(backup, db_path)
    return Restored(damaged, backup)


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
