"""Faults inside the database get their own true line: full disk, damaged schema bytes, invalid UTF-8 text."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.core.errors import DatabaseUnusable, ReaderError
from reader.core.fault_report import describe_fault
from reader.core.workspace import Workspace


def test_disk_full_during_a_write_says_so_and_changes_nothing(workspace: Workspace) -> None:
    """SQLITE_FULL (here: the database may not grow) is 'the disk is full; nothing was changed', all rolled back."""
    workspace.wait_for_backup()
    before = len(workspace.annotations.all())
    pages = workspace.db.conn.execute("PRAGMA page_count").fetchone()[0]
    workspace.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    document_id = workspace.documents.list()[0].id
    with pytest.raises(ReaderError, match="is full; nothing was changed") as error:
        for number in range(2000):
            workspace.annotations.create(document_id, 0, 10, note="x" * 4000 + str(number))
    assert "\n" not in str(error.value)
    assert len(workspace.annotations.all()) >= before


def test_damaged_schema_with_invalid_bytes_is_reported_as_damage(db_path: Path) -> None:
    """A damaged file whose SQLite error quotes bytes that are not UTF-8 is 'not usable', not a UnicodeDecodeError."""
    Workspace.open(db_path).close()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as conn, conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET name = CAST(X'74ff' AS TEXT), sql = 'CREATE TABLE t(' "
                     "WHERE name = 'tags'")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseUnusable) as error:
        Workspace.open(db_path)
    assert "malformed database schema" in str(error.value) and "\n" not in str(error.value)
    assert db_path.read_bytes() == before


def test_text_that_is_not_utf8_is_named_in_one_line(workspace: Workspace) -> None:
    """A text column another program filled with invalid UTF-8 gives one line naming the database."""
    workspace.wait_for_backup()
    with workspace.db.atomic():
        workspace.db.conn.execute("UPDATE documents SET title = CAST(X'47656e64656eff' AS TEXT) WHERE id = 1")
    with pytest.raises(sqlite3.Error) as error:
        workspace.documents.list()
    message = describe_fault(error.value, workspace.path)
    assert "not valid UTF-8" in message and str(workspace.path) in message and "\n" not in message



def test_a_start_killed_in_its_first_transaction_is_recovered(tmp_path: Path) -> None:
    """Protects the next start after a crash before the file became WAL: the hot rollback journal is rolled back
    (SQLite's recovery) instead of the file being called read-only."""
    import signal
    import subprocess
    import sys

    db_path = tmp_path / "annotations.db"
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('PRAGMA journal_mode=delete'); c.execute('PRAGMA cache_size=1'); "
            "c.execute('BEGIN IMMEDIATE'); c.execute('CREATE TABLE t(x)'); "
            "[c.execute('INSERT INTO t VALUES (randomblob(2000))') for _ in range(200)]; "
            "print('ready', flush=True); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert Path(f"{db_path}-journal").exists()
    Workspace.open(db_path).close()  # a table of the crashed start is rolled back; ours are created
    with closing(sqlite3.connect(db_path)) as conn, conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "t" not in tables and "annotations" in tables


def test_an_io_error_on_a_full_disk_says_the_disk_is_full(tmp_path: Path, monkeypatch) -> None:
    """On a full disk SQLite leaves a short -shm and an empty -wal, which read as a journal deleted under a running
    program: every command sent the user hunting for programs that did not exist instead of freeing space."""
    from collections import namedtuple

    from reader.core.storage import faults

    db_path = tmp_path / "a.db"
    db_path.write_bytes(b"")
    Path(f"{db_path}-shm").write_bytes(b"abc")
    Path(f"{db_path}-wal").write_bytes(b"")
    error = sqlite3.OperationalError("disk I/O error")
    assert "was deleted while a program" in str(faults.database_fault(error, db_path))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(faults.shutil, "disk_usage", lambda _folder: usage(1000, 1000, 0))
    assert str(faults.database_fault(error, db_path)) == (f"the disk holding {db_path} is full; nothing was changed "
                                                         "(free some space and try again)")


def test_a_library_emptied_while_open_names_its_last_good_backup(workspace: Workspace) -> None:
    """Emptied by another program while open, the library's next write says so in one line that names the last good
    backup and how to restore it (the window's line had named neither)."""
    import subprocess

    workspace.wait_for_backup()
    document_id = workspace.documents.list()[0].id
    subprocess.run(["truncate", "-s", "0", str(workspace.path)], check=True)  # another program, not this one
    with pytest.raises(DatabaseUnusable, match="the latest good backup is .*restore-backup") as error:
        for number in range(50):
            workspace.annotations.create(document_id, 0, 10, note=f"after {number}")
    assert error.value.backup is not None and "\n" not in str(error.value)
