"""SQLite's and the file system's failures, turned into one true line for the user.

Why one place: the same SQLite error code means the same thing whichever call met it, and the window, the command
line and the workers must all say it the same way. Each message says what happened, to which file, and that nothing
was changed (a failed write transaction is rolled back whole).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from reader.core.errors import DatabaseBusy, DatabaseUnusable, DiskFull, ReaderError

BUSY_TIMEOUT_S = 15
NEARLY_FULL = 256 * 1024  # bytes free below which an I/O error is the full disk's (SQLite's -shm alone takes 32 KB)

_UNUSABLE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def database_fault(exc: sqlite3.Error, path: Path, waited_s: float | None = None) -> ReaderError:
    """The user's message for an error SQLite raised while working on the database at `path`; `waited_s`: how long
    the connection waits for another writer (BUSY_TIMEOUT_S unless it was told otherwise)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = _safe_text(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        waited = BUSY_TIMEOUT_S if waited_s is None else waited_s
        return DatabaseBusy(f"{path}: another program, or a task still running here, kept the database busy "
                            f"for {waited:g} s; nothing was changed, try again")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return DiskFull(full_message(path))
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReaderError(read_only_message(path))
    if name.startswith(_UNUSABLE) or "malformed" in text or "not a database" in text:
        return DatabaseUnusable(f"{path} is damaged ({text}); it was left untouched")
    if "Could not decode to UTF-8" in text:
        return ReaderError(f"{path} holds text that is not valid UTF-8 ({_first_words(text)}); it was written by "
                           "another program; nothing was changed")
    if name.startswith("SQLITE_IOERR") or name.startswith("SQLITE_CANTOPEN") or text == "disk I/O error":
        message = _io_message(path, text)
        return DiskFull(message) if message == full_message(path) else ReaderError(message)
    return ReaderError(f"{path}: {text}")


def file_fault(exc: OSError, path: Path, action: str) -> ReaderError:
    """The user's message for an OSError met while `action` (e.g. 'write the export') on `path`."""
    if exc.errno == errno.ENOSPC:
        return ReaderError(f"cannot {action}: the disk holding {path} is full; nothing was changed")
    if exc.errno == errno.ENAMETOOLONG:  # the name echoed whole filled the line; the limit is in bytes, of the name
        return ReaderError(f"cannot {action}: its file name, or the path of folders to it, is too long for the "
                           "system; nothing was changed")  # or of the whole path (audit CA C10)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReaderError(f"cannot {action}: {path} is not writable ({exc.strerror}); nothing was changed")
    return ReaderError(f"cannot {action} ({path}: {exc.strerror or exc}); nothing was changed")


def full_message(path: Path) -> str:
    return f"the disk holding {path} is full; nothing was changed (free some space and try again)"


def _io_message(path: Path, text: str) -> str:
    """A full disk first (SQLite leaves a short -shm and an empty -wal when it cannot grow them, which looks like
    the other cause); else a journal deleted under a running program, the common cause on a healthy disk."""
    if not Path(path).parent.is_dir():
        return f"cannot open {path}: {_missing_folder(Path(path).parent)}; nothing was created"
    if _nearly_full(path):
        return full_message(path)
    journal, index = Path(f"{path}-wal"), Path(f"{path}-shm")
    journal_gone = not journal.exists() or journal.stat().st_size == 0  # SQLite makes an empty one as it opens
    if index.exists() and index.stat().st_size > 0 and journal_gone:  # stat only: never open a database file
        return (f"the journal {path}-wal was deleted while a program had {Path(path).name} open; close the programs "
                "using it (each writes its changes back as it closes), then try again; nothing was changed")
    return f"cannot read or write {path} ({text}); nothing was changed"


def _missing_folder(folder: Path) -> str:
    """Why a folder is not there: it is not, or a file stands where it or a folder above it should be (a file named
    as a folder had been said not to exist)."""
    for above in (folder, *folder.parents):
        if above.exists():
            return f"the folder {folder} does not exist" if above.is_dir() else f"{above} is a file, not a folder"
    return f"the folder {folder} does not exist"


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < NEARLY_FULL
    except OSError:
        return False


def read_only_message(path: Path) -> str:
    """Say which is read-only: the file itself, or the folder where SQLite must create its journal beside it; or
    that the disk is full (a library on a full disk is opened for reading only)."""
    folder = Path(path).resolve().parent
    if _nearly_full(path):
        return full_message(path)
    if Path(path).exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only; nothing was changed (make it writable, or work on a copy)"
    blocking = read_only_journal(path)
    if blocking:
        them = "it" if len(blocking) == 1 else "them"
        return (f"{' and '.join(blocking)} {'is' if len(blocking) == 1 else 'are'} read-only, so {path} cannot be "
                f"written; nothing was changed (make {them} writable, or remove {them} when no program has "
                f"{Path(path).name} open)")
    if not os.access(folder, os.W_OK):
        return (f"the folder {folder} is read-only, and the database needs to write its journal and backups beside "
                f"{Path(path).name}; nothing was changed (work on a copy in a writable folder)")
    return f"{path} cannot be written (SQLite opened it read-only); nothing was changed"


def write_blocker(path: Path) -> str:
    """What keeps this process from changing the database, in a few words ('' when nothing does): the file, its
    journal files or its folder being read-only. Asked before work whose only purpose is to store something."""
    path = Path(path)
    if _nearly_full(path):
        return f"the disk holding {path} is full"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only"
    blocking = read_only_journal(path)
    if blocking:
        return f"{' and '.join(blocking)} {'is' if len(blocking) == 1 else 'are'} read-only"
    if not os.access(path.resolve().parent, os.W_OK):
        return f"the folder {path.resolve().parent} is read-only"
    return ""


def read_only_journal(path: Path) -> list[str]:
    """The journal files (-wal, -shm) beside the database that exist and may not be written: SQLite gives them the
    database's mode, so a session while it was read-only can leave them so, and they then refuse every write."""
    companions = (f"{path}-wal", f"{path}-shm")
    return [name for name in companions if Path(name).exists() and not os.access(name, os.W_OK)]


def _safe_text(exc: BaseException) -> str:
    """The error's text, whatever bytes a damaged file put in it."""
    try:
        text = str(exc)
    except UnicodeError:
        text = repr(exc.args)
    return text.encode("utf-8", "replace").decode("utf-8").splitlines()[0] if text else type(exc).__name__


def _first_words(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"
