"""Any failure, as the one line a user reads; the details of a real bug go to a log file beside the database.

Why: a traceback helps nobody who reads history for a living, and a silent failure (a worker thread that dies) is
worse. Faults the user can cause already carry their message (`ReaderError`); SQLite and file-system errors are
translated; anything else is our bug, said plainly, with the traceback kept for the report.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.errors import ReaderError, UpgradeFailed
from reader.core.storage.bug_log import log_bug, log_path, our_fault
from reader.core.storage.faults import database_fault, file_fault

__all__ = ["describe_fault", "log_path"]


def describe_fault(exc: BaseException, db_path: Path) -> str:
    """One line for the user; never raises."""
    if isinstance(exc, UpgradeFailed):
        log = log_bug(exc.__cause__ or exc, db_path)
        return f"{exc}; the details are in {log}" if log else str(exc)
    if isinstance(exc, ReaderError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, sqlite3.Error):
        return str(database_fault(exc, db_path))
    if isinstance(exc, OSError) and exc.filename:
        return str(file_fault(exc, Path(str(exc.filename)), "finish"))
    if isinstance(exc, MemoryError):
        return "ran out of memory; nothing more was changed (close other programs, or work on smaller files)"
    return f"{our_fault(exc, db_path)}; nothing more was changed"
