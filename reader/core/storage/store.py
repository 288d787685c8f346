"""The open database: a sqlite3 connection, with sqlite-utils' `Database` over it built on first use.

Reads and most writes go to the bare connection (`rows`, `execute`, `executemany`); sqlite-utils, whose import costs
about 60 ms (and numpy's, which it pulls in, 100 ms more), is built only when a storage module asks for a table
helper (`table`, `utils`: inserts and migrations). Showing the library at start therefore never loads it.

Writing starts only once the start's backup is on disk: `atomic` (every write transaction), `executemany` and
`utils` wait for it.

Transactions are ours, not sqlite3's or sqlite-utils': the connection is in autocommit mode (`isolation_level=None`)
and `atomic` starts each write transaction with `BEGIN IMMEDIATE`. A deferred `BEGIN` takes the write lock only at
the first write, and when another process wrote in between, SQLite cannot wait for it and fails at once with
"database is locked"; an immediate one waits (busy timeout) for the other writer to finish.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

    from reader.core.storage.backup import PendingBackup


class Store:
    """One connection to one database file: bare reads and writes, our transactions, sqlite-utils on demand."""

    def __init__(self, conn: sqlite3.Connection, path: Path, pending_backup: PendingBackup | None = None, *,
                 read_only: bool = False):
        self.conn = conn
        with_functions(conn)
        self.path = path
        self.read_only = read_only  # opened read-only (a folder we may not write): SQLite refuses every change
        self._pending_backup = pending_backup
        self._utils: Database | None = None
        self._identity = _identity(path)  # which file this connection holds (see `check_same_file`)
        self._waits_s: float | None = None  # how long a write waits for another writer, if not BUSY_TIMEOUT_S

    @property
    def utils(self) -> Database:
        """sqlite-utils' view of the same connection (same transactions), created on first use, once the backup is
        done."""
        if self._utils is None:
            self.wait_for_backup()
            self._utils = _new_utils_database(self.conn)
        return self._utils

    @contextmanager
    def atomic(self) -> Iterator[Store]:
        """One write transaction (`BEGIN IMMEDIATE`), committed at the end or rolled back whole on any error; nested
        calls are savepoints inside it. SQLite's failures come out as one-line `ReaderError`s."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        self.check_same_file()
        self.wait_for_backup()
        with self.faults():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        name = f"reader_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:  # some errors end the whole transaction, savepoints included
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    @contextmanager
    def faults(self) -> Iterator[None]:
        """Turn SQLite's errors inside the block into the user's one-line message for this database."""
        try:
            yield
        except sqlite3.Error as exc:
            from reader.core.storage.faults import database_fault

            raise _offering_backup(database_fault(exc, self.path, self._waits_s), self.path) from exc

    def wait_for_writers_at_most(self, seconds: float) -> None:
        """How long a write on this connection waits for another program's write to end before it gives up."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
        self._waits_s = seconds

    def check_same_file(self) -> None:
        """Refuse (ReaderError) once the path names another file than the one this connection holds: a backup was
        restored, or the file moved, by another program. Writing on, this connection would put every change into
        the file set aside, lost from the library unseen. `os.stat` opens no file (see ARCHITECTURE: only SQLite
        opens the database)."""
        if self._identity is None:
            self._identity = _identity(self.path)
        elif _identity(self.path) != self._identity:
            from reader.core.errors import ReaderError

            raise ReaderError(f"{self.path} was replaced by another file since it was opened (a backup restored, or "
                              "the file moved); nothing more is written to it here: close and open the library "
                              "again")

    def wait_for_backup(self) -> None:
        """Return once the start's backup is on disk (at once if there is none, or it is done)."""
        if self._pending_backup is not None:
            self._pending_backup.wait()
            self._pending_backup = None

    def rows(self, sql: str, params: Sequence | dict = ()) -> list[dict[str, Any]]:
        """Run a SELECT on the bare connection and return its rows as dicts."""
        cursor = self.conn.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        return [dict(zip(keys, row, strict=True)) for row in cursor]

    def execute(self, sql: str, params: Sequence | dict | None = None) -> sqlite3.Cursor:
        """Any statement, on the bare connection (a write belongs inside `atomic`)."""
        return self.conn.execute(sql, params or ())

    def table(self, name: str) -> Table:
        """sqlite-utils' helper for one table (inserts with their column handling, migrations)."""
        return self.utils.table(name)

    def executemany(self, sql: str, rows: Sequence) -> None:
        """A bulk write on the bare connection, inside the caller's transaction."""
        self.wait_for_backup()
        self.conn.executemany(sql, rows)

    def close(self) -> None:
        """Close the connection, after the backup (which has a connection of its own) is finished."""
        if self._pending_backup is not None:
            self._pending_backup.join()
        self.conn.close()


_SAVEPOINTS = count(1)


def _new_utils_database(conn: sqlite3.Connection) -> Database:
    from sqlite_utils import Database

    return Database(conn)


def _identity(path: Path) -> tuple[int, int] | None:
    """The file the path names, as (device, inode); None when there is none (yet)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _offering_backup(fault, path: Path):
    """A library found damaged (or emptied) while open: its line names the last good backup and how to put it back,
    as the start-up's does."""
    from reader.core.errors import DatabaseUnusable
    from reader.core.storage.backup import latest_good_backup

    if not isinstance(fault, DatabaseUnusable) or fault.backup is not None:
        return fault
    backup = latest_good_backup(path)
    if backup is None:
        return fault
    return DatabaseUnusable(f"{fault}; the latest good backup is {backup}", backup, command=" (close the library, "
                            "then restore it with `restore-backup` or by opening the library again)")


def with_functions(conn: sqlite3.Connection) -> sqlite3.Connection:
    """`conn` given the SQL functions the schema's triggers call: a connection without them cannot write notes,
    links, metadata or tags (m034). Every Store has them; a test writing as another program did needs them too."""
    conn.create_function("searchable", 1, _searchable, deterministic=True)
    return conn


def _searchable(written: bytes | str | None) -> str | None:
    """What the search index reads of a note (folding.searchable), for the triggers writing its row. The triggers
    hand it bytes: a text another program wrote as invalid UTF-8 is read with a stand-in for what cannot be read,
    where a str argument failed the write that fired it."""
    from reader.core.folding import searchable

    if written is None:
        return None
    return searchable(written.decode("utf-8", "replace") if isinstance(written, bytes) else written)
