"""The backup history and a lost database: never replaced silently, never pushed out by a bad day."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.core.errors import DatabaseMissing, DatabaseUnusable
from reader.core.storage.backup import backup_dir, list_backups, take_backup
from reader.core.storage.database import open_database
from reader.core.storage.retention import STAMP_FORMAT, backups_to_delete
from reader.core.storage.store import with_functions
from reader.core.workspace import Workspace, restore_latest_backup

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)


def _names(moments: list[datetime]) -> list[Path]:
    return [Path(f"annotations-{moment.strftime(STAMP_FORMAT)}.db") for moment in sorted(moments)]


def test_history_keeps_last_five_and_daily_and_weekly_copies() -> None:
    """Protects a history that survives a bad day: 5 latest, newest per day for a week, per week for two months."""
    hourly_today = [NOW - timedelta(hours=hours) for hours in range(10)]
    daily = [NOW - timedelta(days=days, hours=1) for days in range(1, 20)]
    weekly = [NOW - timedelta(weeks=weeks, hours=2) for weeks in range(3, 12)]
    backups = _names(hourly_today + daily + weekly)
    kept = {path.name for path in backups} - {path.name for path in backups_to_delete(backups, NOW)}
    kept_times = sorted(datetime.strptime(name[12:-3], STAMP_FORMAT).replace(tzinfo=timezone.utc) for name in kept)
    assert all(moment in kept_times for moment in sorted(hourly_today)[-5:])
    assert all(moment in kept_times for moment in daily[:6])  # one for each of the past days of the week
    assert kept_times[0] >= NOW - timedelta(weeks=9)  # nothing older than the weekly window
    assert NOW - timedelta(weeks=8, hours=2) in kept_times
    assert len(kept) < len(backups)


@pytest.mark.parametrize("how", ["deleted", "emptied"])
def test_a_lost_database_with_backups_is_a_fault_not_a_new_file(db_path: Path, how: str) -> None:
    """Protects against silently replacing a deleted or emptied database with an empty one; nothing is created."""
    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path(__file__).resolve().parent.parent.parent / "texts"])
    workspace.close()
    Workspace.open(db_path).close()  # a start after the import: the backup now holds the documents
    before = list_backups(db_path)
    for companion in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        companion.unlink(missing_ok=True)
    if how == "emptied":
        db_path.write_bytes(b"")
    for _ in range(6):
        with pytest.raises(DatabaseMissing) as error:
            Workspace.open(db_path)
        assert "\n" not in str(error.value) and str(before[-1]) in str(error.value)
    assert list_backups(db_path) == before
    assert db_path.exists() == (how == "emptied") and not Path(f"{db_path}-wal").exists()
    restored = restore_latest_backup(db_path)
    assert restored.backup == before[-1]
    workspace = Workspace.open(db_path)
    assert len(workspace.documents.list()) == 5
    workspace.close()


def test_a_lost_database_with_only_a_session_file_is_a_fault(db_path: Path) -> None:
    """A database the window used (its session file is beside it) but now missing is not silently recreated."""
    db_path.with_name("annotations.ui.ini").write_text("[window]\n")
    with pytest.raises(DatabaseMissing, match="session file"):
        open_database(db_path)
    assert not db_path.exists()


def test_stale_partial_copies_are_cleaned_up(db_path: Path) -> None:
    """A copy cut short long ago is removed at the next backup; one being written right now is left alone."""
    open_database(db_path).close()
    folder = backup_dir(db_path)
    folder.mkdir()
    stale, fresh = folder / "annotations-x.db.1.partial", folder / "annotations-y.db.2.partial"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"cut short")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    take_backup(db_path)
    assert not stale.exists() and fresh.exists()


def test_two_starts_backing_up_at_once_do_not_fail_each_other(db_path: Path) -> None:
    """Protects concurrent starts: both copies and both thinnings of the same history succeed."""
    import threading

    open_database(db_path).close()
    errors: list[BaseException] = []

    def start(number: int) -> None:
        try:
            for _ in range(5):
                with closing(with_functions(sqlite3.connect(db_path, timeout=15))) as conn, conn:
                    conn.execute("INSERT INTO documents (file_name) VALUES (?)", (f"{number}-{time.time_ns()}",))
                take_backup(db_path)
        except Exception as exc:  # noqa: BLE001 - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(number,)) for number in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert 1 <= len(list_backups(db_path)) <= 5


def _disk_full_for_copies(monkeypatch: pytest.MonkeyPatch, free: int = 300_000) -> None:
    """A nearly full disk: little room said to be free, and a copy into the backups folder fails as SQLite would."""
    import shutil

    from reader.core.storage import backup

    real_copy = backup._copy_database

    def copy(db_path: Path, target: Path) -> None:
        if target.name.endswith(".partial"):
            raise sqlite3.OperationalError("database or disk is full")
        real_copy(db_path, target)

    monkeypatch.setattr(backup, "_copy_database", copy)
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: shutil._ntuple_diskusage(10**9, 10**9 - free, free))


def _imported(db_path: Path) -> None:
    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path(__file__).resolve().parent.parent.parent / "texts"])
    workspace.close()


def test_a_full_disk_does_not_block_work_when_the_newest_backup_holds_this_data(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Protects work on a nearly full disk: 'unchanged since the newest backup' is decided without a full copy."""
    _imported(db_path)
    Workspace.open(db_path).close()  # a start after the import: the newest backup holds exactly this data
    before = list_backups(db_path)
    _disk_full_for_copies(monkeypatch)
    workspace = Workspace.open(db_path)
    try:
        document_id = workspace.documents.list()[0].id
        workspace.annotations.create(document_id, 0, 10, note="on a full disk")
    finally:
        workspace.close()
    assert list_backups(db_path) == before


def test_a_backup_that_cannot_fit_says_how_much_room_it_needs(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change since the newest backup on a full disk is refused in one line that says how much room is needed."""
    from reader.core.errors import ReaderError

    _imported(db_path)  # the newest backup was taken before the import: the data changed since
    _disk_full_for_copies(monkeypatch)
    workspace = Workspace.open(db_path)
    try:
        document_id = workspace.documents.list()[0].id
        with pytest.raises(ReaderError) as error:
            workspace.annotations.create(document_id, 0, 10, note="refused")
    finally:
        workspace.close()
    message = str(error.value)
    assert "nothing was written" in message and "\n" not in message
    assert "needs" in message and (" KB" in message or " MB" in message)
    assert "free" in message


def test_a_restore_that_fails_puts_the_damaged_file_back(db_path: Path, monkeypatch) -> None:
    """A backup that could not be copied in (its folder read-only, so SQLite could not read it) left an empty file
    under the library's name, the damaged one renamed; a second try then set the empty file aside as "the damaged
    file" (audit CD F7). The damaged file is back under its name, and the line says what failed."""
    import sqlite3

    from reader.core.errors import ReaderError
    from reader.core.storage import backup

    Workspace.open(db_path).close()
    Workspace.open(db_path).close()
    db_path.write_bytes(b"damaged" * 400)

    def unreadable(source: Path, target: Path, **_how) -> None:
        sqlite3.connect(str(target)).execute("CREATE TABLE half (x)").connection.close()
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(backup, "_copy_database", unreadable)
    with pytest.raises(ReaderError, match=r"^cannot restore .* \(attempt to write a readonly database\); "
                                          r".*annotations.db is as it was$"):
        restore_latest_backup(db_path)
    assert db_path.read_bytes() == b"damaged" * 400
    assert sorted(path.name for path in db_path.parent.iterdir() if path.name.startswith("annotations")) == [
        "annotations.backups", "annotations.db"]


def test_a_restore_over_a_missing_file_names_no_file_set_aside(db_path: Path) -> None:
    """With the library's file gone, the restore named a 'previous file kept as …' that does not exist (audit CD
    F10)."""
    Workspace.open(db_path).close()
    Workspace.open(db_path).close()
    db_path.unlink()
    assert restore_latest_backup(db_path).damaged_copy is None


def test_an_emptied_library_with_no_whole_backup_is_not_told_to_restore_one(db_path: Path) -> None:
    """An emptied library whose backups are all damaged was told "Restore it with `restore-backup`", which then
    refused: there is nothing whole to restore (audit CD F9)."""
    Workspace.open(db_path).close()
    Workspace.open(db_path).close()
    for backup in list_backups(db_path):
        backup.write_bytes(b"damaged" * 100)
    db_path.write_bytes(b"")
    with pytest.raises(DatabaseMissing) as error:
        Workspace.open(db_path)
    assert "none of them is whole" in str(error.value) and "restore-backup" not in str(error.value)


def test_a_library_whose_indexes_no_longer_match_its_tables_is_refused(db_path: Path) -> None:
    """A backup copied back by hand beside a stale journal: SQLite replays the journal onto it, and the indexes no
    longer match the table. The quick check does not look at indexes, so the library was used, written and backed
    up as good until every backup of the day was damaged too (audit CD F3). It is refused, the file untouched."""
    import shutil

    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path("texts/000_8339fa2bec93c400.txt")])
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create_at_quote(document_id, "Genden", note="first note")
    workspace.close()
    Workspace.open(db_path).close()
    older = list_backups(db_path)[-1]
    workspace = Workspace.open(db_path)
    workspace.annotations.create_at_quote(document_id, "Stalin", note="second note")
    workspace.close()
    writer = with_functions(sqlite3.connect(db_path, isolation_level=None))
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE annotations SET note = 'in the journal only' WHERE note = 'second note'")
    stale = Path(f"{db_path}-wal").read_bytes()
    writer.close()
    shutil.copyfile(older, db_path)
    Path(f"{db_path}-wal").write_bytes(stale)
    with pytest.raises(DatabaseUnusable, match="does not fit it") as refused:
        Workspace.open(db_path)
    assert f"{db_path}-wal" in str(refused.value) and Path(f"{db_path}-wal").read_bytes() == stale


def test_another_databases_journal_beside_the_library_is_named_not_the_library(db_path: Path, tmp_path: Path) -> None:
    """A -wal of another program's database beside the library: the line said the library itself "is a database of
    another program … choose another database file" (audit CD F5). The journal is named, both left untouched."""
    Workspace.open(db_path).close()
    other = tmp_path / "other" / "o.db"
    other.parent.mkdir()
    writer = sqlite3.connect(other, isolation_level=None)
    writer.execute("PRAGMA journal_mode = wal")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE t (a)")
    writer.execute("INSERT INTO t VALUES (randomblob(3000))")
    journal = Path(f"{other}-wal").read_bytes()
    writer.close()
    before = db_path.read_bytes()
    Path(f"{db_path}-wal").write_bytes(journal)
    with pytest.raises(DatabaseUnusable, match="does not fit it") as refused:
        Workspace.open(db_path)
    assert "another program" not in str(refused.value) and db_path.read_bytes() == before


def test_a_rollback_journal_left_beside_the_library_keeps_the_file_as_it_was(db_path: Path, tmp_path: Path) -> None:
    """A rollback journal another copy of the library left (its program killed while writing) was rolled back into
    a sound library, damaging it, and the line said the file was "left untouched" (audit CD F2). The file as it
    was is kept first, and the line says what was done and where that copy is."""
    import shutil
    import subprocess
    import sys

    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path("texts/000_8339fa2bec93c400.txt")])
    workspace.close()
    copy = tmp_path / "copy.db"
    shutil.copyfile(db_path, copy)
    killed = ("import os, sqlite3, sys\nfrom reader.core.storage.store import with_functions\n"
              "c = with_functions(sqlite3.connect(sys.argv[1], isolation_level=None))\n"
              "c.execute('PRAGMA journal_mode = delete'); c.execute('PRAGMA cache_size = 2')\n"
              "c.execute('BEGIN'); c.execute(\"UPDATE documents SET title = title || ' X'\")\n"
              "c.execute(\"UPDATE search_index SET body = body || ' X'\")\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", killed, str(copy)], check=True)
    workspace = Workspace.open(db_path)
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create_at_quote(document_id, "Genden", note="only in this library")
    workspace.close()
    shutil.copyfile(f"{copy}-journal", f"{db_path}-journal")
    try:
        Workspace.open(db_path).close()
    except DatabaseUnusable as refused:
        assert "left untouched" not in str(refused) and "rolled back into it" in str(refused)
    [kept] = backup_dir(db_path).glob("*before-rollback*.db")
    with closing(sqlite3.connect(f"{kept.as_uri()}?immutable=1", uri=True)) as conn:
        assert conn.execute("SELECT note FROM annotations").fetchall() == [("only in this library",)]


def test_a_journal_of_another_copy_of_the_library_is_not_replayed_into_it(db_path: Path, tmp_path: Path) -> None:
    """Two copies of a library (a synced folder): a journal one copy left, put beside the other, was replayed into
    it by any command, the notes made only in this copy gone from it and from its backups, and nothing said (audit
    CD F1). A journal that does not continue the file's history is named, both left untouched."""
    import shutil

    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path("texts/000_8339fa2bec93c400.txt")])
    document_id = workspace.documents.list()[0].id
    workspace.close()
    copy = tmp_path / "copy" / "annotations.db"
    copy.parent.mkdir()
    shutil.copyfile(db_path, copy)
    other = with_functions(sqlite3.connect(copy, isolation_level=None))
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("BEGIN")
    other.execute("INSERT INTO history (label, created_at, undone) VALUES ('Edit note', '2026-12-07T07:00:00', 0)")
    other.execute("UPDATE documents SET title = 'FROM THE OTHER COPY'")
    other.execute("COMMIT")
    journal = Path(f"{copy}-wal").read_bytes()
    other.close()
    workspace = Workspace.open(db_path)
    workspace.annotations.create_at_quote(document_id, "Genden", note="only in this library")
    workspace.close()
    before = db_path.read_bytes()
    Path(f"{db_path}-wal").write_bytes(journal)
    with pytest.raises(DatabaseUnusable, match="does not fit it") as refused:
        Workspace.open(db_path)
    assert "latest change" in str(refused.value) and db_path.read_bytes() == before
    assert Path(f"{db_path}-wal").read_bytes() == journal


def test_an_upgrade_tried_again_keeps_one_copy_from_before_it(db_path: Path, monkeypatch) -> None:
    """On a nearly full disk each try of an upgrade kept another whole copy of the library from before it, never
    thinned, and the room the line asked for was eaten by the next copy (audit CD F8): a copy holding the same data
    is kept once, and the line asks for the room both copies and the upgrade's journal take (audit CH C3)."""
    from collections import namedtuple

    from reader.core.errors import ReaderError
    from reader.core.storage import backup

    Workspace.open(db_path).close()
    first = backup.keep_before_upgrade(db_path)
    assert backup.keep_before_upgrade(db_path) == first
    assert len(list(backup_dir(db_path).glob("*before-upgrade*.db"))) == 1
    first.unlink()
    size = db_path.stat().st_size
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _folder: usage(10 * size, 9 * size, size * 5 // 2))
    with pytest.raises(ReaderError, match="the start's backup after it and the upgrade's own journal need"):
        backup.keep_before_upgrade(db_path)
    assert not list(backup_dir(db_path).glob("*before-upgrade*.db"))


def test_a_journal_whose_history_was_let_go_is_the_librarys_own(db_path: Path) -> None:
    """An upgrade that lets the undo history go (two tags one whatever their case) left its journal beside the file
    while another program read it; every later command then refused the healthy library, the journal said not to
    fit it, and moving it away as told would drop the upgrade (audit CH C1). A history emptied is no other
    copy's."""
    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path("texts/000_8339fa2bec93c400.txt")])
    workspace.annotations.create_at_quote(workspace.documents.list()[0].id, "Genden", note="one")
    workspace.close()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as older:  # as a library made before the last step
        step = older.execute("SELECT migration_set, name, applied_at FROM _sqlite_migrations "
                             "ORDER BY name DESC LIMIT 1").fetchone()
        older.execute("DELETE FROM _sqlite_migrations WHERE name = ?", step[1:2])
    before = db_path.read_bytes()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as upgrade:
        upgrade.execute("PRAGMA wal_autocheckpoint = 0")
        upgrade.execute("BEGIN")
        upgrade.execute("DELETE FROM history")  # as m022 does, in the upgrade it belongs to
        upgrade.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)", step)
        upgrade.execute("COMMIT")
        journal = Path(f"{db_path}-wal").read_bytes()
    db_path.write_bytes(before)  # as the file was while a reader kept the journal from being written back
    Path(f"{db_path}-wal").write_bytes(journal)
    Workspace.open(db_path).close()


def test_restore_backup_asks_first_over_a_whole_library_whose_journal_does_not_fit(db_path: Path,
                                                                                   tmp_path: Path) -> None:
    """The open says the library "is whole" and its journal is the trouble; restore-backup then set it aside as
    damaged without asking (audit CH C4): it is not damaged."""
    from reader.core.workspace import database_is_sound

    Workspace.open(db_path).close()
    other = tmp_path / "other" / "o.db"
    other.parent.mkdir()
    with closing(sqlite3.connect(other, isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode = wal")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("CREATE TABLE t (a)")
        journal = Path(f"{other}-wal").read_bytes()
    Path(f"{db_path}-wal").write_bytes(journal)
    assert database_is_sound(db_path)


def test_a_library_never_written_keeps_no_copy_from_before_an_upgrade(db_path: Path) -> None:
    """A first open killed before the schema was written leaves a file with no table: the next open kept a copy of
    that empty database "from before the upgrade", never thinned (audit CH C5). It is a new library."""
    with closing(sqlite3.connect(db_path, isolation_level=None)) as first:
        first.execute("PRAGMA journal_mode = wal")
    Workspace.open(db_path).close()
    assert not list(backup_dir(db_path).glob("*before-upgrade*"))


def test_a_new_librarys_journal_beside_a_library_with_work_is_refused(db_path: Path, tmp_path: Path) -> None:
    """A brand-new library's journal (its history empty) copied beside a library with work in it was taken for an
    upgrade's that let the history go, and replayed: the documents and notes gone without a word (audit CI F8).
    Only a journal holding an upgrade may let the history go."""
    workspace = Workspace.open(db_path)
    workspace.documents.import_paths([Path("texts/000_8339fa2bec93c400.txt")])
    workspace.annotations.create_at_quote(workspace.documents.list()[0].id, "Genden", note="work")
    workspace.close()
    made = tmp_path / "made" / "annotations.db"
    made.parent.mkdir()
    Workspace.open(made).close()
    fresh = tmp_path / "fresh.db"  # the new library as its first session wrote it: every page in its journal
    with closing(sqlite3.connect(made)) as source, closing(sqlite3.connect(fresh, isolation_level=None)) as writer:
        writer.execute("PRAGMA journal_mode = wal")
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        source.backup(writer)
        journal = Path(f"{fresh}-wal").read_bytes()
    Path(f"{db_path}-wal").write_bytes(journal)
    with pytest.raises(DatabaseUnusable, match="does not fit it"):
        Workspace.open(db_path)
