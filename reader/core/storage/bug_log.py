"""The errors log beside the database: where the details of a fault of the program itself are kept for a report,
while the user reads one line saying where they are."""

from __future__ import annotations

import traceback
from datetime import datetime, timezone
from pathlib import Path


def log_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".errors.log")


def log_bug(exc: BaseException, db_path: Path) -> Path | None:
    """Append the traceback to the log; where it went, or None if the log could not be written."""
    path = log_path(db_path)
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path


def our_fault(exc: BaseException, db_path: Path) -> str:
    """The line for a fault of the program (logged): what it was, and where its details are."""
    log = log_bug(exc, db_path)
    where = f"; the details are in {log}" if log else ""
    return f"something went wrong inside the program ({type(exc).__name__}){where}"
