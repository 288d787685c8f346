"""Rolling backups through SQLite's online backup API, taken at every start before any write."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reader.core.errors import ReaderError

KEEP_BACKUPS = 5


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in `<name>.backups/`, so moving the folder moves them too."""
    return db_path.with_name(db_path.stem + ".backups")


class PendingBackup:
    """The start's backup, copied on a thread of its own while the window is built; the first write waits for it.

    Why a thread: the copy takes time in proportion to the database (5 ms for the sample corpus, far more for a
    large collection), and nothing needs it done until the first write. SQLite releases the GIL while it copies.
    """

    def __init__(self, db_path: Path, keep: int = KEEP_BACKUPS):
        self._db_path = db_path
        self._keep = keep
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="backup")
        self._thread.start()

    def wait(self) -> None:
        """Block until the copy is on disk; a copy that failed refuses the write, with the reason in one line."""
        self.join()
        if self._error is not None:
            raise ReaderError(f"{self._db_path}: nothing was written, because the backup taken before any write "
                              f"failed ({self._error})")

    def join(self) -> None:
        """Block until the copy has ended, well or not (closing needs no verdict: nothing was written)."""
        self._thread.join()

    def _run(self) -> None:
        try:
            take_backup(self._db_path, self._keep)
        except Exception as exc:  # noqa: BLE001 - reported by wait(), on the thread that writes
            self._error = exc


def take_backup(db_path: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the database, through a read-only connection of its own, to a timestamped file; delete all but the newest
    `keep` copies.

    The copy is written under a `.partial` name and renamed when complete, so a copy cut short (the program killed,
    the disk full) is never listed, restored, or counted among the five.
    """
    folder = backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{db_path.stem}-{_stamp()}.db"
    partial = target.with_name(target.name + ".partial")
    try:
        _copy_database(db_path, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    for old in list_backups(db_path)[:-keep]:
        old.unlink()
    return target


def _copy_database(db_path: Path, target: Path) -> None:
    source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with sqlite3.connect(str(target)) as copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()


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
