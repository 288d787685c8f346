"""Writing a file the user asked for without ever leaving half of it under their name.

The text goes to a temporary file in the same folder, is flushed and synced, and is then renamed over the target:
a kill or a full disk leaves the previous file whole (and at worst a temporary file that is removed). The database,
its journal, its backups and its session file are refused as targets, whatever path names them, and so is any other
SQLite database (another project's, say): an export is never worth a database. Nor is a file the user made
read-only: the rename would replace it where the folder allows, as no editor's Save does.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.storage.backup import backup_dir
from reader.core.storage.database import session_file
from reader.core.storage.faults import file_fault

SQLITE_HEADER = b"SQLite format 3\x00"


def protected_paths(db_path: Path) -> tuple[set[Path], Path]:
    """The database's own files, and the folder of its backups."""
    db_path = Path(db_path).resolve()
    files = {db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), Path(f"{db_path}-journal"),
             session_file(db_path)}
    return files, backup_dir(db_path)


def check_target(path: Path, db_path: Path) -> None:
    """Refuse a target that is one of the database's own files (or a backup), or one that cannot be looked at (a
    name too long: 'cannot finish' said nothing), in one line."""
    try:
        _check_target(path, db_path)
    except OSError as exc:
        raise file_fault(exc, Path(path), "write the export") from exc


def _check_target(path: Path, db_path: Path) -> None:
    target = Path(path).resolve()
    files, backups = protected_paths(db_path)
    if target in files or target.parent == backups.resolve() or _same_file(target, files):
        raise ReaderError(f"{path} belongs to the database ({Path(db_path).name}, its journal, backups or session "
                          "file); choose another file name")
    if target.is_dir():
        raise ReaderError(f"{path} is a folder; give a file name")
    if target.exists() and not target.is_file():  # replaced by the rename, a device became a file (and a pipe
        raise ReaderError(f"{path} is not a regular file (a device, a pipe or a socket); an export is written to a "
                          "file of its own: give a file name")  # blocked the check below, waiting for a writer)
    if _is_database(target):
        raise ReaderError(f"{path} is a database; an export never replaces one (choose another file name)")
    if target.is_file() and not os.stat(target).st_mode & 0o222:  # by mode, not access(): root may write anything
        raise ReaderError(f"{path} is read-only; an export never replaces a file kept from changes (choose another "
                          "file name, or make it writable first)")


def _is_database(path: Path) -> bool:
    """Whether the file is an SQLite database, by its header (it is not ours: ours are refused by name first)."""
    try:
        with path.open("rb") as existing:
            return existing.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:  # missing (the usual case) or unreadable: nothing to protect that we could see
        return False


def write_text_atomically(path: Path, text: str, db_path: Path, marked: bool = False) -> None:
    """Write `text` (UTF-8) to `path` through a synced temporary file and a rename; `marked` starts it with UTF-8's
    byte-order mark, which spreadsheets need to read a CSV file as UTF-8 (Excel takes the machine's code page)."""
    check_target(path, db_path)
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)  # a link into a vault or a
    # synced folder stays a link: the file it points to is the one replaced, as an editor's Save does
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent or ".")
    except OSError as exc:
        raise file_fault(exc, target.parent, "write the export") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig" if marked else "utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as exc:
        raise file_fault(exc, target, "write the export") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    _sync_folder(target.parent)


def _mode_for(target: Path) -> int:
    """The permissions the export should have: those of the file it replaces, or what the umask gives a new file
    (the temporary file it is written through is private, 0600, whatever the umask)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux): setting it to read it back
    would, for that instant, give any file another thread creates the wrong permissions."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _same_file(target: Path, files: set[Path]) -> bool:
    """A hard link or another spelling of one of the database's files (compared by inode, never opened)."""
    if not target.exists():
        return False
    return any(existing.exists() and os.path.samefile(target, existing) for existing in files)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened for that, the rename still stands."""
    try:
        descriptor = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
