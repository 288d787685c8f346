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

from reader.core.errors import ReaderError
from reader.core.storage.backup import list_backups
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


def test_a_database_in_a_read_only_folder_is_read_and_exported_but_not_changed(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Protects the historian whose database sits on a read-only share: reading and exporting work, a change is
    refused in one line naming the folder, and nothing is created beside the database."""
    _database_with_documents(db_path)
    before, backups = db_path.read_bytes(), list_backups(db_path)
    _deny_writing(monkeypatch, {db_path.parent})
    workspace = Workspace.open(db_path)
    try:
        documents = workspace.documents.list()
        assert len(documents) == 1
        assert workspace.export.export("csv").count("\n") >= 1
        with pytest.raises(ReaderError) as error:
            workspace.annotations.create(documents[0].id, 0, 10, note="refused")
    finally:
        workspace.close()
    assert "read-only" in str(error.value) and str(db_path.parent) in str(error.value)
    assert "\n" not in str(error.value)
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists() and not Path(f"{db_path}-shm").exists()
    assert list_backups(db_path) == backups


def test_listing_entities_of_a_read_only_database_says_they_are_as_last_recognised(
        db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A listing on a database that cannot be written shows what it holds, with a warning, instead of failing with
    'nothing was changed' because recognition could not store its work first."""
    from reader.cli import build_parser, run

    _database_with_documents(db_path)  # imported, never recognised
    _deny_writing(monkeypatch, {db_path.parent})
    assert run(build_parser().parse_args(["--db", str(db_path), "entities"])) == 0
    err = capsys.readouterr().err
    warning = err.splitlines()[0]
    assert warning.startswith("warning:") and "cannot be written" in warning and str(db_path.parent) in warning
    assert "nothing was changed" not in err


def test_an_old_library_in_a_read_only_folder_says_it_must_be_upgraded_elsewhere(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library made by an older version, on a read-only share, failed every command (a listing too) as "read-only:
    make it writable", though the file was writable: it must be upgraded, which writes beside it; the line says so,
    and nothing is written."""
    from reader.core.storage.migrations import SCHEMA

    _database_with_documents(db_path)
    before = db_path.read_bytes()

    def m999_adds_a_table(db):
        db.table("added_later").create({"id": int}, pk="id")

    _deny_writing(monkeypatch, {db_path.parent})
    SCHEMA.append(m999_adds_a_table)
    try:
        with pytest.raises(ReaderError) as refused:
            Workspace.open(db_path)
    finally:
        SCHEMA.remove(m999_adds_a_table)
    assert str(refused.value).startswith(f"{db_path} was made by an older version and must be upgraded")
    assert "copy the library to a folder you may write to" in str(refused.value)
    assert db_path.read_bytes() == before


def test_a_library_on_a_full_disk_is_opened_for_reading(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a full disk the library could not even be read (SQLite could not make the index file it reads through):
    notes could be neither read nor exported until space was freed. Its journal empty, it is opened for reading
    only, and each change is refused in one line saying the disk is full."""
    from reader.core.errors import DiskFull, ReaderError
    from reader.core.storage import database, faults

    _database_with_documents(db_path)

    def full(path, *_args):
        raise DiskFull(f"the disk holding {path} is full; nothing was changed (free some space and try again)")

    monkeypatch.setattr(database, "_check_integrity", full)
    monkeypatch.setattr(faults, "_nearly_full", lambda _path: True)
    workspace = Workspace.open(db_path)
    assert workspace.documents.list() and "disk holding" in workspace.write_blocker()
    with pytest.raises(ReaderError, match="is full"):
        workspace.annotations.create(workspace.documents.list()[0].id, 0, 5)
    workspace.close()
