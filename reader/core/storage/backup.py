"""Backups through SQLite's online backup API, taken at start before any write, kept as a history.

A backup is taken only when the data changed since the newest one, so starting the program (or running `docs`) a
hundred times on a bad day never pushes the good copies out; and the history keeps the last five plus one a day for
a week and one a week for two months (`retention.py`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.storage.retention import STAMP_FORMAT, backup_time, backups_to_delete
from reader.core.wording import plural

STALE_PARTIAL_S = 600  # a copy in progress is rewritten continuously; one untouched this long was cut short
_HEADER_COUNTERS = ((24, 28), (92, 96))  # the file change counter and its copy: they change with no data change
BEFORE_UPGRADE = "before-upgrade"  # in the name of a copy kept from before an upgrade
BEFORE_ROLLBACK = "before-rollback"  # ... and of one kept before a rollback journal left beside the file is applied
INTEGRITY_CHECK = "integrity_check"  # not quick_check: a journal replayed onto an older copy leaves indexes that no
# longer match their tables, which only the full check sees (audit CD F3); it takes about twice as long (76 ms on 24 MB)
ROOM_MARGIN = 64 << 10  # beyond the copy itself: its own small journal, and the file system's bookkeeping


def library_files(db_path: Path) -> frozenset[Path]:
    """The database, its journals, its backups' folder and its errors log, resolved: a folder imported that holds
    the library does not list them among its files of other kinds."""
    where = Path(db_path).resolve()
    return frozenset({where, *(where.with_name(where.name + end) for end in ("-wal", "-shm", "-journal")),
                      backup_dir(where), where.with_name(where.stem + ".errors.log")})


def backup_dir(db_path: Path) -> Path:
    """Backups live beside the database, in `<name>.backups/`, so moving the folder moves them too."""
    return db_path.with_name(db_path.stem + ".backups")


class PendingBackup:
    """The start's backup, copied on a thread of its own while the window is built; the first write waits for it.

    Why a thread: the copy takes time in proportion to the database (5 ms for the sample corpus, far more for a
    large collection), and nothing needs it done until the first write. SQLite releases the GIL while it copies.
    """

    def __init__(self, db_path: Path):
        self._db_path = db_path
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
            take_backup(self._db_path)
        except Exception as exc:  # noqa: BLE001 - reported by wait(), on the thread that writes
            self._error = exc


def take_backup(db_path: Path, now: datetime | None = None) -> Path:
    """Copy the database, through a read-only connection of its own, unless the newest backup holds the same data;
    then thin the history. Returns the newest backup.

    The copy is written under a `.partial` name (with the process id, so two starts never write the same file) and
    renamed when complete, so a copy cut short (the program killed, the disk full) is never listed or restored.
    On a disk without room for a copy, whether the newest backup already holds this data is decided first, in
    memory: a full disk then blocks no work that is already backed up, and otherwise the line says the room needed.
    """
    folder = backup_dir(db_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot create the backups folder {folder} ({exc.strerror or exc})") from exc
    _remove_stale_partials(folder)
    needed = _copy_size(db_path)
    if shutil.disk_usage(folder).free < needed + ROOM_MARGIN:
        return _newest_if_current(db_path, needed)
    moment = now or datetime.now(timezone.utc)
    target = folder / f"{db_path.stem}-{moment.strftime(STAMP_FORMAT)}.db"
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        _copy_into_backups(db_path, partial, needed)
        newest = latest_backup(db_path)
        if newest is not None and _same_data(newest, partial):
            return newest
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    for old in backups_to_delete(list_backups(db_path), moment):
        old.unlink(missing_ok=True)  # another start may be thinning the same history
    return target


def _newest_if_current(db_path: Path, needed: int) -> Path:
    """On a disk without room for a copy, the newest backup when it already holds exactly this data (the write it
    protects can go ahead); otherwise the backup cannot be taken, and the line says how much room it needs."""
    newest = latest_backup(db_path)
    if newest is not None and _holds_current_data(newest, db_path):
        return newest
    raise ReaderError(_no_room_message(backup_dir(db_path), needed))


def _no_room_message(folder: Path, needed: int) -> str:
    free = shutil.disk_usage(folder).free
    return (f"the disk holding {folder} is full: a backup needs {_size(needed + ROOM_MARGIN)} free, and "
            f"{_size(free)} is; free some space and try again")


def _size(count: int) -> str:
    if count < 1 << 20:
        return f"{max(1, round(count / 1024))} KB"
    if count < 1 << 30:
        return f"{count / (1 << 20):.1f} MB"
    return f"{count / (1 << 30):.1f} GB"


def _copy_size(db_path: Path, closed: bool = False) -> int:
    """The bytes a copy takes: the database's pages as its readers see them (the -wal's included), or (`closed`) as
    the file alone holds them."""
    source = sqlite3.connect(_source_uri(db_path, closed), uri=True)
    try:
        pages = source.execute("PRAGMA page_count").fetchone()[0]
        return pages * source.execute("PRAGMA page_size").fetchone()[0]
    finally:
        source.close()


def _holds_current_data(backup: Path, db_path: Path) -> bool:
    """Whether the backup holds exactly the database's data, decided without writing a copy to disk: the database
    is copied into memory (SQLite's backup API, as for a file, so the same bytes) and digested like a file copy.
    Only asked when the disk has no room for a copy; it costs memory of twice the database for a moment."""
    try:
        image = _copy_in_memory(db_path)
        return _data_digest(backup) == _masked_digest(image[:100], [image[100:]])
    except (sqlite3.Error, MemoryError, FileNotFoundError):  # then a copy is needed, and the line says its size
        return False


def _copy_in_memory(db_path: Path) -> bytes:
    source = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        memory = sqlite3.connect(":memory:")
        try:
            memory.execute(f"PRAGMA page_size = {source.execute('PRAGMA page_size').fetchone()[0]}")
            source.backup(memory)
            return memory.serialize()
        finally:
            memory.close()
    finally:
        source.close()


def _copy_into_backups(db_path: Path, partial: Path, needed: int, closed: bool = False) -> None:
    """Copy (`closed`: the file alone, see `_copy_database`), saying plainly when the backups folder is the trouble
    (SQLite says only 'unable to open') or the disk filled up meanwhile (with how much room the copy needs)."""
    try:
        _copy_database(db_path, partial, closed)
    except sqlite3.Error as exc:
        if not os.access(partial.parent, os.W_OK):
            raise ReaderError(f"the backups folder {partial.parent} is not writable") from exc
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc):
            raise ReaderError(_no_room_message(partial.parent, needed)) from exc
        raise


def _remove_stale_partials(folder: Path) -> None:
    for leftover in folder.glob("*.partial"):
        try:
            if time.time() - leftover.stat().st_mtime > STALE_PARTIAL_S:
                leftover.unlink(missing_ok=True)
        except FileNotFoundError:
            continue


def _same_data(one: Path, other: Path) -> bool:
    try:
        return _data_digest(one) == _data_digest(other)
    except FileNotFoundError:  # the newest backup was thinned away by another start meanwhile
        return False


def _data_digest(path: Path) -> bytes:
    """A digest of the file without the header's change counters (a no-op write bumps them)."""
    with open(path, "rb") as handle:  # a backup file, never the open database
        return _masked_digest(handle.read(100), iter(lambda: handle.read(1 << 20), b""))


def _masked_digest(first_100: bytes, rest: Iterable[bytes]) -> bytes:
    header = bytearray(first_100)
    for start, end in _HEADER_COUNTERS:
        header[start:end] = bytes(end - start)
    digest = hashlib.sha256(header)
    for block in rest:
        digest.update(block)
    return digest.digest()


def _copy_database(db_path: Path, target: Path, closed: bool = False) -> None:
    """Copy a database through SQLite. A `closed` one (a backup, or a file whose journal must not be applied) is
    read as immutable, the file alone: read-only, SQLite could not read a backup in a folder it may not write its
    shared-memory file in (audit CD F7)."""
    source = sqlite3.connect(_source_uri(db_path, closed), uri=True)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _source_uri(db_path: Path, closed: bool) -> str:
    """How a copy reads a database: through its journal (read-only), or `closed`, the file alone (immutable)."""
    return alone_uri(db_path) if closed else f"{db_path.resolve().as_uri()}?mode=ro"


def alone_uri(db_path: Path) -> str:
    """The URI reading a database file alone: immutable, no journal beside it applied, nothing written beside it."""
    return f"{db_path.resolve().as_uri()}?immutable=1"


def list_backups(db_path: Path) -> list[Path]:
    """The rolling backups, oldest first (their names sort by time); the copies kept from before an upgrade apart."""
    folder = backup_dir(db_path)
    return sorted(path for path in folder.glob(f"{db_path.stem}-*Z.db")
                  if BEFORE_UPGRADE not in path.name and BEFORE_ROLLBACK not in path.name) \
        if folder.is_dir() else []


def keep_before_upgrade(db_path: Path) -> Path:
    """A copy of the library as it is before a newer version upgrades it, kept apart from the rolling backups and
    never thinned: as one of them it was gone within five writes that day, and with it the one file the version
    that made the library still opens, the way back if the upgrade proves wrong. A try before that failed (a full
    disk) left a copy of this very library: it is the one kept, where each try had kept another (audit CD F8)."""
    kept = sorted(backup_dir(db_path).glob(f"{db_path.stem}-{BEFORE_UPGRADE}-*.db"))
    if kept and _holds_current_data(kept[-1], db_path):
        return kept[-1]
    return _keep_apart(db_path, BEFORE_UPGRADE, "upgrading it", room=(3, "the copy of the library kept before "
                       "upgrading it, the start's backup after it and the upgrade's own journal"))


def keep_before_rollback(db_path: Path) -> Path | None:
    """A copy of the library's file alone (read immutable: the rollback journal beside it not applied), kept apart
    as the upgrade's is, before that journal is rolled back into it: one another copy of the library left had
    damaged a sound library, the only state it was in gone (audit CD F2). None when SQLite cannot read the file
    without its journal (a program killed in the file's very first transaction): there is nothing to keep."""
    try:
        return _keep_apart(db_path, BEFORE_ROLLBACK, "rolling back the journal left beside it", closed=True)
    except sqlite3.Error:
        return None


def _keep_apart(db_path: Path, label: str, before: str, closed: bool = False,
                room: tuple[int, str] | None = None) -> Path:
    """A copy kept apart from the rolling backups, refused (nothing changed) without `room` for what the step
    writes, in copies of the library and in words: an upgrade's copy, the start's backup and the upgrade's journal,
    where the room for one copy was asked and then eaten (audit CD F8, CH C3)."""
    folder = backup_dir(db_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ReaderError(f"cannot create the backups folder {folder} ({exc.strerror or exc}) to keep the library "
                          f"as it was before {before}; nothing was changed") from exc
    needed = _copy_size(db_path, closed)
    free = shutil.disk_usage(folder).free
    if room is not None and free < room[0] * needed + ROOM_MARGIN:
        raise ReaderError(f"the disk holding {folder} is full: {room[1]} need {_size(room[0] * needed + ROOM_MARGIN)} "
                          f"free, and {_size(free)} is; free some space and try again; nothing was changed")
    target = folder / f"{db_path.stem}-{label}-{_stamp()}.db"
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        _copy_into_backups(db_path, partial, needed, closed)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def when_taken(backup: Path, now: datetime | None = None) -> str:
    """When a backup was taken, in the user's local time and how long ago ("today at 14:28 (3 minutes ago)"): its
    name says it in UTC, to the microsecond, which told a user nothing of what a restore would leave out. The
    name's moment, not the file's time: a library folder copied elsewhere made a week-old backup "a minute old"."""
    moment = backup_time(backup) or datetime.fromtimestamp(backup.stat().st_mtime, timezone.utc)
    taken = moment.astimezone()
    now = (now or datetime.now(timezone.utc)).astimezone()
    days = (now.date() - taken.date()).days
    day = "today" if days == 0 else "yesterday" if days == 1 else f"on {taken:%Y-%m-%d}"
    minutes = max(0, int((now - taken).total_seconds() // 60))
    ago = ("less than a minute" if minutes < 1 else plural(minutes, "minute") if minutes < 60
           else plural(minutes // 60, "hour") if minutes < 48 * 60 else plural(minutes // (24 * 60), "day"))
    return f"{day} at {taken:%H:%M} ({ago} ago)"


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest backup that passes SQLite's integrity check: the one to offer and restore when the library is lost. A
    newest backup damaged too (cut short by a full disk) had made every restore fail, the good older one unnamed.
    Read as immutable, so checking one opens nothing for writing beside it."""
    return next((backup for backup in reversed(list_backups(db_path)) if _passes_check(backup)), None)


def _passes_check(backup: Path) -> bool:
    try:
        conn = sqlite3.connect(alone_uri(backup), uri=True)
        try:
            return conn.execute(f"PRAGMA {INTEGRITY_CHECK}").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


@dataclass(frozen=True)
class Restored:
    """Where the damaged database was set aside (None when there was none: its file was gone), and which backup now
    stands in its place."""

    damaged_copy: Path | None
    backup: Path


def restore_latest(db_path: Path, set_aside: str = "damaged") -> Restored:
    """Put the newest backup in place of a damaged, emptied or missing database. Nothing is lost: the damaged file
    (with its -wal, -shm and -journal companions, which must not be replayed onto the backup) is renamed beside it,
    never deleted, and put back if the backup cannot be copied in. The backup is copied in through SQLite, like
    every other access to a database file."""
    from reader.core.storage.faults import file_fault

    backup = latest_good_backup(db_path)
    if backup is None:
        whole = "no backup" if not list_backups(db_path) else "no backup that is whole"
        raise ReaderError(f"{db_path}: {whole} to restore from (backups are kept in {backup_dir(db_path)})")
    damaged = db_path.with_name(f"{db_path.stem}.{set_aside}-{_stamp()}{db_path.suffix}")
    moved: list[str] = []
    try:
        for suffix in _COMPANIONS:
            companion = Path(f"{db_path}{suffix}")
            if companion.exists():
                companion.rename(f"{damaged}{suffix}")
                moved.append(suffix)
        _copy_database(backup, db_path, closed=True)
    except (OSError, sqlite3.Error) as exc:
        where = _put_back(db_path, damaged, moved)
        if isinstance(exc, OSError):
            raise file_fault(exc, db_path.parent, "restore the backup") from exc
        raise ReaderError(f"cannot restore {backup} to {db_path} ({exc}); {where}") from exc
    return Restored(damaged if "" in moved else None, backup)


_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _put_back(db_path: Path, damaged: Path, moved: list[str]) -> str:
    """Undo a restore that failed: what its copy left under the library's names goes, and the files set aside come
    back. Returns where the library now is, in the user's words."""
    try:
        for suffix in _COMPANIONS:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)  # the copy's: the library's own were moved away
        for suffix in moved:
            Path(f"{damaged}{suffix}").rename(f"{db_path}{suffix}")
    except OSError:
        return f"the damaged file is kept as {damaged}"
    return f"{db_path} is as it was"


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime(STAMP_FORMAT)
