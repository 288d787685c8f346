"""Damaged, emptied, missing and odd database files: each gets one line, no traceback, and its bytes untouched."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from reliability.setup import cli, copy_of, template


def _garbage(db: Path) -> None:
    db.write_bytes(b"this is not a database " * 500)


def _truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def _zeroed_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[:100] = bytes(100)
    db.write_bytes(bytes(data))


def _invalid_schema_bytes(db: Path) -> None:
    with closing(sqlite3.connect(db, isolation_level=None)) as conn, conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET name = CAST(X'74ff' AS TEXT), sql = 'CREATE TABLE t(' "
                     "WHERE name = 'tags'")


def _emptied(db: Path) -> None:
    db.write_bytes(b"")


def _deleted(db: Path) -> None:
    db.unlink()


def _folder(db: Path) -> None:
    db.unlink()
    db.mkdir()


CASES = {"garbage": _garbage, "truncated": _truncated, "zeroed header": _zeroed_header,
         "invalid schema bytes": _invalid_schema_bytes, "emptied": _emptied, "deleted": _deleted, "folder": _folder}


def run(folder: Path) -> dict[str, int]:
    tracebacks = unclear = changed = 0
    for name, damage in CASES.items():
        case = folder / name.replace(" ", "-")
        case.mkdir(exist_ok=True)
        db = copy_of(template(folder), case / "annotations.db")
        cli(db, "docs")  # a start: the backup exists
        damage(db)
        before = db.read_bytes() if db.is_file() else None
        for command in (["docs"], ["annotate", "1", "--quote", "Genden"], ["search", "Genden"]):
            result = cli(db, *command)
            tracebacks += "Traceback" in result.stderr
            unclear += result.returncode == 0 or len(result.stderr.strip().splitlines()) != 1
        changed += (db.read_bytes() if db.is_file() else None) != before
    return {"damaged_cases": len(CASES), "damaged_tracebacks": tracebacks, "damaged_unclear": unclear,
            "damaged_written": changed}
