"""The database: migrations, pragmas, all-or-nothing upgrades, rolling backups and corrupt files."""

import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.core.errors import DatabaseUnusable
from reader.core.storage.backup import KEEP_BACKUPS, list_backups
from reader.core.storage.database import apply_migrations, open_database
from reader.core.storage.migrations import MIGRATIONS


def test_empty_database_is_migrated_with_pragmas(db_path):
    """A new file gets every migration, WAL journaling, foreign keys and a busy timeout."""
    db = open_database(db_path)
    assert {"documents", "versions", "boilerplate", "annotations"} <= set(db.table_names())
    applied = [m.name for m in MIGRATIONS.applied(db)]
    assert applied == [m.name for m in MIGRATIONS._migrations]
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()


def test_failing_migration_leaves_the_database_as_it_was(db_path):
    """A migration that raises rolls back itself and every migration applied in the same run."""
    db = open_database(db_path)
    schema_before = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    broken = Migrations("annotated_reader")
    for migration in MIGRATIONS._migrations:
        broken(name=migration.name)(migration.fn)

    @broken()
    def m900_adds_a_table(db):
        db.table("half_done").create({"id": int}, pk="id")

    @broken()
    def m901_fails(db):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        apply_migrations(db, broken)
    assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
    assert "m900_adds_a_table" not in {m.name for m in broken.applied(db)}
    db.close()


def test_foreign_keys_are_enforced(db_path):
    """A version cannot point at a document that does not exist."""
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        db.table("versions").insert({"document_id": 999, "number": 1, "text": "x", "content_hash": "h"})
    db.close()


def test_rolling_backups_keep_the_last_five(db_path):
    """Each start backs up an existing database before writing; only the newest five are kept."""
    open_database(db_path).close()
    assert list_backups(db_path) == []
    for _ in range(KEEP_BACKUPS + 2):
        open_database(db_path).close()
    backups = list_backups(db_path)
    assert len(backups) == KEEP_BACKUPS
    with sqlite3.connect(backups[-1]) as copy:
        assert copy.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == len(MIGRATIONS._migrations)


def test_corrupt_database_is_never_overwritten(db_path):
    """A damaged file raises a one-line message naming it and the latest backup; its bytes stay as they were."""
    open_database(db_path).close()
    open_database(db_path).close()
    garbage = b"this is not a database" * 200
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseUnusable) as error:
        open_database(db_path)
    message = str(error.value)
    assert str(db_path) in message and "left untouched" in message and "latest backup" in message
    assert "\n" not in message
    assert db_path.read_bytes() == garbage


def test_database_can_be_opened_twice(db_path):
    """A worker's second connection sees what the first committed (WAL, busy timeout)."""
    first = open_database(db_path)
    second = Database(sqlite3.connect(db_path))
    first.table("documents").insert({"file_name": "x.txt"})
    assert second.execute("SELECT file_name FROM documents").fetchall() == [("x.txt",)]
    first.close()
