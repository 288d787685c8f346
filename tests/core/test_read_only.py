"""A database the user may not write (a read-only file or folder) is read in full, and its changes refused in one
line that says what blocks and what to do.

Tests run as root, whom file modes do not stop: the folder's refusal is told through os.access (what the program
asks), and a read-only session through SQLite's own read-only modes."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from reader.core.storage.faults import read_only_message
from reader.core.workspace import Workspace

TEXTS = Path(__file__).resolve().parent.parent.parent / "texts"


def _database_with_documents(db_path: Path) -> None:
    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    workspace.close()


def _deny_writing(monkeypatch: pytest.MonkeyPatch, denied: set[Path]) -> None:
    """Make os.access say these paths are not writable, as it does for a user without the permission."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() in {p.resolve() for p in denied}:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_journal_files_left_read_only_do_not_refuse_writes_once_the_database_is_writable(db_path: Path) -> None:
    """Protects the user who makes a 444 database writable as told: the -shm a session on it left (SQLite gives it
    the database's mode) must not keep refusing every write afterwards."""
    _database_with_documents(db_path)
    db_path.chmod(0o444)
    session = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)  # reading while it is read-only
    session.execute("SELECT COUNT(*) FROM documents").fetchone()
    session.close()
    assert not Path(f"{db_path}-shm").stat().st_mode & stat.S_IWUSR
    db_path.chmod(0o644)  # as the refusal advised
    workspace = Workspace.open(db_path)
    try:
        for companion in (Path(f"{db_path}-shm"), Path(f"{db_path}-wal")):
            assert companion.stat().st_mode & stat.S_IWUSR, f"{companion.name} was left read-only"
        workspace.annotations.create(workspace.documents.list()[0].id, 0, 10, note="now writable")
    finally:
        workspace.close()


def test_a_read_only_shm_is_named_with_what_to_do(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write refused because of a read-only -shm names that file and says to make it writable or remove it."""
    _database_with_documents(db_path)
    reader = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)  # keeps -wal and -shm in place
    try:
        reader.execute("SELECT COUNT(*) FROM documents").fetchone()
        _deny_writing(monkeypatch, {Path(f"{db_path}-shm")})
        message = read_only_message(db_path)
    finally:
        reader.close()
    assert f"{db_path}-shm" in message and "writable" in message and "remove" in message and "\n" not in message
    assert "SQLite opened it read-only" not in message
