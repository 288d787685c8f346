"""The database: migrations, pragmas, all-or-nothing upgrades, rolling backups and corrupt files."""

import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.errors import DatabaseUnusable, ReaderError
from reader.core.storage import backup
from reader.core.storage.backup import backup_dir, list_backups
from reader.core.storage.database import apply_migrations, open_database
from reader.core.storage.migrations import SCHEMA, schema_migrations
from reader.core.workspace import restore_latest_backup


def test_empty_database_is_migrated_with_pragmas(db_path):
    """A new file gets every migration, WAL journaling, foreign keys and a busy timeout."""
    db = open_database(db_path)
    assert {"documents", "versions", "boilerplate", "annotations"} <= set(db.utils.table_names())
    applied = [m.name for m in schema_migrations().applied(db.utils)]
    assert applied == [step.__name__ for step in SCHEMA]
    assert db.utils.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()


def test_failing_migration_leaves_the_database_as_it_was(db_path):
    """A migration that raises rolls back itself and every migration applied in the same run."""
    db = open_database(db_path)
    schema_before = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    broken = Migrations("annotated_reader")
    for step in SCHEMA:
        broken()(step)

    @broken()
    def m900_adds_a_table(db):
        db.table("half_done").create({"id": int}, pk="id")

    @broken()
    def m901_fails(db):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        apply_migrations(db, broken)
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
    assert "m900_adds_a_table" not in {m.name for m in broken.applied(db.utils)}
    db.close()


def test_foreign_keys_are_enforced(db_path):
    """A version cannot point at a document that does not exist."""
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.table("versions").insert({"document_id": 999, "number": 1, "text": "x", "content_hash": "h"})
    db.close()


def test_a_backup_is_taken_only_when_the_data_changed(db_path):
    """Each start backs up a changed database before writing; starts that change nothing add no copy, so a bad day of
    restarts cannot push the good backups out."""
    open_database(db_path).close()
    assert list_backups(db_path) == []
    for number in range(7):
        db = open_database(db_path)
        db.table("documents").insert({"file_name": f"{number}.txt"})
        db.close()
    assert len(list_backups(db_path)) == 5  # the last five (all from today)
    for _ in range(6):
        open_database(db_path).close()
    backups = list_backups(db_path)
    assert len(backups) == 5
    with closing(sqlite3.connect(backups[-1])) as copy, copy:
        assert copy.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 7


def test_the_first_write_waits_for_the_backup_of_the_database_before_it(db_path, monkeypatch):
    """The backup copied in the background holds the database as the session found it, not the session's writes."""
    open_database(db_path).close()
    copy_now = backup.take_backup

    def slow_disk(*args):
        time.sleep(0.3)  # a large database on a slow disk: the write below comes while the copy is still running
        return copy_now(*args)

    monkeypatch.setattr(backup, "take_backup", slow_disk)
    db = open_database(db_path)
    db.table("documents").insert({"file_name": "written at once.txt"})
    db.close()
    with closing(sqlite3.connect(list_backups(db_path)[-1])) as copy, copy:
        assert copy.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    with closing(sqlite3.connect(db_path)) as live, live:
        assert live.execute("SELECT file_name FROM documents").fetchall() == [("written at once.txt",)]


def test_a_failed_backup_refuses_writes_and_keeps_reads(db_path):
    """When no backup can be taken, reading still works and a write is refused in one line, changing nothing."""
    open_database(db_path).close()
    backup_dir(db_path).write_text("a file where the backup folder should be")
    db = open_database(db_path)
    assert db.rows("SELECT COUNT(*) AS n FROM documents") == [{"n": 0}]
    with pytest.raises(ReaderError) as error:
        db.table("documents").insert({"file_name": "x.txt"})
    assert "backup" in str(error.value) and "nothing was written" in str(error.value)
    assert "\n" not in str(error.value)
    db.close()
    with closing(sqlite3.connect(db_path)) as live, live:
        assert live.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def test_corrupt_database_is_never_overwritten(db_path):
    """A damaged file raises a one-line message naming it and the latest backup; its bytes stay as they were."""
    open_database(db_path).close()
    open_database(db_path).close()
    garbage = b"this is not a database" * 200
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseUnusable) as error:
        open_database(db_path)
    message = str(error.value)
    assert str(db_path) in message and "left untouched" in message and "latest good backup" in message
    assert "\n" not in message
    assert db_path.read_bytes() == garbage


def test_the_backup_offered_says_how_old_it_is_and_what_it_lacks(db_path):
    """The restore offer named the backup by a UTC stamp in its file name only: it says when it was taken, in local
    time and how long ago, and that what was done after it is only in the damaged file."""
    from datetime import datetime

    open_database(db_path).close()
    open_database(db_path).close()
    db_path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(DatabaseUnusable) as error:
        open_database(db_path)
    taken = datetime.fromtimestamp(list_backups(db_path)[-1].stat().st_mtime).strftime("%H:%M")
    assert f"taken today at {taken} (less than a minute ago)" in str(error.value)
    assert "what was done after it is only in the damaged file" in str(error.value)


def test_a_backups_age_is_the_moment_its_name_records(tmp_path):
    """A library folder copied elsewhere (cp -r) gives every backup a fresh file time: a week-old backup was offered
    as taken "less than a minute ago". Its name's moment counts, said in local time."""
    from datetime import datetime, timedelta, timezone

    from reader.core.storage.backup import when_taken

    week_ago = datetime.now(timezone.utc) - timedelta(days=7, minutes=5)
    copied = tmp_path / f"lib-{week_ago:%Y%m%dT%H%M%S%fZ}.db"
    copied.write_bytes(b"")
    assert when_taken(copied) == f"on {week_ago.astimezone():%Y-%m-%d} at {week_ago.astimezone():%H:%M} (7 days ago)"


def test_database_can_be_opened_twice(db_path):
    """A worker's second connection sees what the first committed (WAL, busy timeout)."""
    first = open_database(db_path)
    second = Database(sqlite3.connect(db_path))
    first.table("documents").insert({"file_name": "x.txt"})
    assert second.execute("SELECT file_name FROM documents").fetchall() == [("x.txt",)]
    second.close()
    first.close()


def test_reopening_an_up_to_date_database_does_not_load_sqlite_utils(db_path):
    """Start-up stays fast: with no migration pending, opening and listing documents need only the bare connection."""
    open_database(db_path).close()
    code = ("import sys; from pathlib import Path; from reader.core.workspace import Workspace; "
            f"w = Workspace.open(Path({str(db_path)!r})); w.documents.list(); "
            "print('sqlite_utils' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_new_schema_step_is_applied_on_the_next_open(db_path):
    """The quick pending-check notices a step added after the database was created, and applies it."""
    open_database(db_path).close()

    def m999_adds_a_table(db):
        db.table("added_later").create({"id": int}, pk="id")

    SCHEMA.append(m999_adds_a_table)
    try:
        db = open_database(db_path)
    finally:
        SCHEMA.remove(m999_adds_a_table)
    assert "added_later" in db.utils.table_names()
    db.close()


def test_restoring_the_latest_backup_keeps_the_damaged_file(db_path):
    """Restore puts the newest backup in place; the damaged file and its -wal are set aside, byte for byte."""
    open_database(db_path).close()
    db = open_database(db_path)
    db.table("documents").insert({"file_name": "kept.txt"})
    db.close()
    open_database(db_path).close()  # this start backs up the database holding kept.txt
    garbage = b"not a database" * 300
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseUnusable) as error:
        open_database(db_path)
    assert error.value.backup == list_backups(db_path)[-1]
    Path(f"{db_path}-wal").write_bytes(b"stale wal")  # a journal left by the crash that damaged the file
    restored = restore_latest_backup(db_path)
    assert restored.damaged_copy.read_bytes() == garbage
    assert Path(f"{restored.damaged_copy}-wal").read_bytes() == b"stale wal"
    assert not Path(f"{db_path}-wal").exists()
    db = open_database(db_path)
    assert db.execute("SELECT file_name FROM documents").fetchall() == [("kept.txt",)]
    db.close()


def test_restoring_without_a_backup_is_refused(db_path):
    """With no backup there is nothing to restore: a one-line error, and the file is not moved."""
    db_path.write_bytes(b"junk")
    with pytest.raises(ReaderError, match="no backup to restore from"):
        restore_latest_backup(db_path)
    assert db_path.read_bytes() == b"junk"


def test_checking_a_damaged_database_writes_neither_it_nor_its_journal(db_path, tmp_path):
    """The start-up check reads only: a damaged file and its write-ahead log keep every byte (nothing checkpointed)."""
    open_database(db_path).close()
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("CREATE TABLE recent (x)")
    writer.executemany("INSERT INTO recent VALUES (?)", [(n,) for n in range(200)])
    writer.commit()
    crashed = tmp_path / "crashed.db"  # the files as a crash leaves them: the latest changes only in the journal
    crashed.write_bytes(db_path.read_bytes())
    Path(f"{crashed}-wal").write_bytes(Path(f"{db_path}-wal").read_bytes())
    writer.close()
    original = crashed.read_bytes()
    damaged = original[:8192] + b"\xff" * 512 + original[8192 + 512:]  # a schema page the journal does not hold
    crashed.write_bytes(damaged)
    journal = Path(f"{crashed}-wal").read_bytes()
    with pytest.raises(DatabaseUnusable):
        open_database(crashed)
    assert crashed.read_bytes() == damaged and Path(f"{crashed}-wal").read_bytes() == journal


def test_a_backup_cut_short_is_never_listed(db_path, monkeypatch):
    """A copy that fails half-way leaves no file that could later be restored as if it were whole."""
    open_database(db_path).close()

    def disk_full(source, target, closed=False):
        target.write_bytes(b"half a database")
        raise OSError("No space left on device")

    monkeypatch.setattr(backup, "_copy_database", disk_full)
    db = open_database(db_path)
    with pytest.raises(ReaderError, match="No space left"):
        db.table("documents").insert({"file_name": "x.txt"})
    db.close()
    assert list_backups(db_path) == [] and list(backup_dir(db_path).iterdir()) == []


def test_another_programs_database_is_refused_and_left_untouched(tmp_path):
    """A --db naming another program's SQLite file (Zotero's, a browser's) is refused in one line naming its tables;
    it had been made a library in place: tables added, its journal switched to WAL, backups taken beside it."""
    foreign = tmp_path / "zotero.sqlite"
    with closing(sqlite3.connect(foreign)) as conn, conn:
        conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO items (title) VALUES ('my item')")
    conn.close()
    before = foreign.read_bytes()
    with pytest.raises(DatabaseUnusable, match=r"zotero.sqlite is a database of another program \(tables: items\); "
                                               r"it was left untouched"):
        open_database(foreign)
    assert foreign.read_bytes() == before and not backup_dir(foreign).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zotero.sqlite"]


def test_a_library_of_a_newer_version_is_refused_and_left_untouched(db_path):
    """A library a newer version wrote (a schema step this one does not know) is refused in one line: written on,
    it would lose what the newer version keeps there."""
    open_database(db_path).close()
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('annotated_reader', 'm099_future_thing', '2027-01-01')")
    conn.close()
    with pytest.raises(DatabaseUnusable, match="was written by a newer version of Annotated Reader "
                                               r"\(its schema has m099_future_thing\)"):
        open_database(db_path)


def test_a_library_replaced_under_an_open_connection_takes_no_more_writes(db_path, tmp_path):
    """A library restored from a backup by another program while one is open: the open one writes nothing more into
    the file set aside (every change made there had been lost from the library, unseen) and says why in one line,
    as does its next look at other programs' changes."""
    from reader.core.workspace import Workspace

    workspace = Workspace.open(db_path)
    (tmp_path / "a.txt").write_text("Genden met Stalin.\n", encoding="utf-8")
    workspace.documents.import_paths([tmp_path / "a.txt"])
    workspace.outside.take_as_seen()
    aside = tmp_path / "aside.db"
    for suffix in ("", "-wal", "-shm"):  # as restore-backup sets a library aside
        if Path(f"{db_path}{suffix}").exists():
            Path(f"{db_path}{suffix}").rename(f"{aside}{suffix}")
    with closing(sqlite3.connect(tmp_path / "restored.db")) as conn, conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    (tmp_path / "restored.db").rename(db_path)
    document_id = workspace.documents.resolve("a.txt").id
    with pytest.raises(ReaderError, match="was replaced by another file since it was opened"):
        workspace.annotations.create(document_id, 0, 6, note="after the restore")
    with pytest.raises(ReaderError, match="was replaced by another file since it was opened"):
        workspace.outside.since_last()
    workspace.close()
    with closing(sqlite3.connect(aside)) as conn, conn:
        assert conn.execute("SELECT COUNT(*) FROM annotations").fetchone()[0] == 0
    conn.close()


def test_a_damaged_newest_backup_is_passed_over_for_the_last_good_one(db_path):
    """When the newest backup is itself damaged, the library's line names the last good backup and restoring
    takes it: restore had failed on the newest every time, never offering the older one that held the notes, and
    left an empty file where the library was."""
    db = open_database(db_path)
    db.table("documents").insert({"file_name": "kept.txt"})
    db.close()
    open_database(db_path).close()  # a backup holding kept.txt
    db = open_database(db_path)
    db.table("documents").insert({"file_name": "later.txt"})
    db.close()
    open_database(db_path).close()  # a newer one, holding later.txt too
    good, newest = list_backups(db_path)[-2:]
    newest.write_bytes(newest.read_bytes()[:5000])  # cut short, as a full disk might
    db_path.write_bytes(b"not a database" * 300)
    with pytest.raises(DatabaseUnusable, match=f"the latest good backup is {good}"):
        open_database(db_path)
    restored = restore_latest_backup(db_path)
    assert restored.backup == good
    db = open_database(db_path)
    assert db.execute("SELECT file_name FROM documents").fetchall() == [("kept.txt",)]
    db.close()
    assert not Path(f"{newest}-wal").exists() and not Path(f"{newest}-shm").exists()  # only read, never opened to write


def test_an_upgrade_that_fails_names_its_step_and_leaves_the_library_as_it_was(db_path):
    """A schema step failing on a library (as one did today on every library holding documents) said only
    "something went wrong inside the program", as for any bug: the upgrade, its step and that the library is
    unchanged are said, and the failure's details kept in the errors log."""
    from reader.core.fault_report import describe_fault, log_path

    open_database(db_path).close()
    before = db_path.read_bytes()

    def m999_fails_on_old_libraries(db):
        raise AttributeError("'Database' object has no attribute 'executemany'")

    SCHEMA.append(m999_fails_on_old_libraries)
    try:
        with pytest.raises(ReaderError) as failed:
            open_database(db_path)
    finally:
        SCHEMA.remove(m999_fails_on_old_libraries)
    message = describe_fault(failed.value, db_path)
    assert message.startswith(f"upgrading {db_path}, made by an older version, failed at its step "
                              "m999_fails_on_old_libraries; it is unchanged (the version that made it still opens "
                              "it)")
    assert str(log_path(db_path)) in message and "executemany" in log_path(db_path).read_text()
    assert db_path.read_bytes() == before


def test_a_library_kept_from_before_its_upgrade_is_never_thinned_away(db_path):
    """The copy of a library as it was before an upgrade was an ordinary rolling backup, thinned away within five
    writes that day: the way back to the version that made it was lost. It is kept apart, named for what it is."""
    open_database(db_path).close()
    db = open_database(db_path)
    db.execute("CREATE TABLE the_old_data (id INTEGER)")  # data the backup of this open will hold
    db.close()

    def m999_adds_a_table(db):
        db.table("added_later").create({"id": int}, pk="id")

    SCHEMA.append(m999_adds_a_table)
    try:
        open_database(db_path).close()
        kept = sorted(backup_dir(db_path).glob("*-before-upgrade-*.db"))
        assert len(kept) == 1
        tables = Database(kept[0]).table_names()
        assert "added_later" not in tables and "the_old_data" in tables
        for _ in range(8):  # a day's work: many backups, thinned
            db = open_database(db_path)
            db.execute("INSERT INTO the_old_data VALUES (1)")
            db.close()
    finally:
        SCHEMA.remove(m999_adds_a_table)
    assert sorted(backup_dir(db_path).glob("*-before-upgrade-*.db")) == kept
    assert kept[0] not in list_backups(db_path)  # not thinned, nor taken for the newest backup
