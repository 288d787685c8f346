"""Any failure, as the one line a user reads; the details of a real bug go to a log file beside the database.

Why: a traceback helps nobody who reads history for a living, and a silent failure (a worker thread that dies) is
worse. Faults the user can cause already carry their message (`ReaderError`); SQLite and file-system errors are
translated; anything else is our bug, said plainly, with the traceback kept for the report.
"""

from __future__ import annotations

import sqlite3
import traceback
from datetime import datetime, timezone
from pathlib import Path

from reader.core.errors import ReaderError, UpgradeFailed
from reader.core.storage.faults import database_fault, file_fault


def describe_fault(exc: BaseException, db_path: Path) -> str:
    """One line for the user; never raises."""
    if isinstance(exc, UpgradeFailed):
        log = _log_bug(exc.__cause__ or exc, db_path)
        return f"{exc}; the details are in {log}" if log else str(exc)
    if isinstance(exc, ReaderError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, sqlite3.Error):
        return str(database_fault(exc, db_path))
    if isinstance(exc, OSError) and exc.filename:
        return str(file_fault(exc, Path(str(exc.filename)), "finish"))
    if isinstance(exc, MemoryError):
        return "ran out of memory; nothing more was changed (close other programs, or work on smaller files)"
    log = _log_bug(exc, db_path)
    where = f"; the details are in {log}" if log else ""
    return f"something went wrong inside the program ({type(exc).__name__}){where}; nothing more was changed"


def log_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".errors.log")


def _log_bug(exc: BaseException, db_path: Path) -> Path | None:
    path = log_path(db_path)
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path
