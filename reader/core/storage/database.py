"""Opening the database: pragmas, integrity check, rolling backup, then migrations, in that order."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import traceback
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import DatabaseForeign, DatabaseMissing, DatabaseUnusable, DiskFull, ReaderError, UpgradeFailed
from reader.core.storage.backup import (
    INTEGRITY_CHECK,
    PendingBackup,
    alone_uri,
    backup_dir,
    keep_before_rollback,
    keep_before_upgrade,
    latest_good_backup,
    list_backups,
    when_taken,
)
from reader.core.storage.faults import BUSY_TIMEOUT_S, database_fault, full_message
from reader.core.storage.migrations import MIGRATION_SET, SCHEMA, schema_migrations
from reader.core.storage.store import Store

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

UNTOUCHED = "it was left untouched"  # what a check did to a file it refuses, unless a journal was rolled back first


def open_database(path: Path, *, backup: bool = True, migrations: Migrations | None = None,
                  waits_s: float = BUSY_TIMEOUT_S) -> Store:
    """Open (creating if needed) the database at `path`, back it up before any write, and bring its schema up to date.

    A file that is not a healthy SQLite database raises DatabaseUnusable and is left untouched. The backup is copied
    in the background; the returned Store makes the first write wait for it. `waits_s`: how long the opening waits
    for another program holding the file (the window waits less than a script: it looks hung meanwhile).
    """
    path = Path(path)
    existed = _has_data(path)
    applied: set[str] = set()  # the schema steps the file holds, read by its check
    if existed:
        try:
            applied = _check_integrity(path, waits_s)
        except DiskFull:
            return _open_on_a_full_disk(path, waits_s, migrations)
        _let_owner_write_journal(path)
    else:
        _refuse_lost_database(path)
    pending = _pending(applied, migrations)
    read_only = existed and folder_is_read_only(path)
    existed = existed and _written(path, applied)
    if existed and pending:
        _ready_for_upgrade(path, read_only, backup)
    db = _connect_for_reading(path, waits_s) if read_only else \
        _connect(path, PendingBackup(path) if existed and backup else None, waits_s)
    try:
        with db.faults():
            _configure(db, waits_s)
            if pending:
                _upgrade(db, path, migrations or schema_migrations())
    except BaseException:
        db.close()
        raise
    return db


def _written(path: Path, applied: set[str]) -> bool:
    """Whether a file that passed its check holds a library: any step of our schema, or any table. A first open
    killed before the schema was written leaves one with none, which is a new library: a copy of it was kept "from
    before the upgrade", never thinned (audit CH C5)."""
    if applied:
        return True
    with closing(sqlite3.connect(reading_uri(path), uri=True)) as conn:
        return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def _pending(applied: set[str], migrations: Migrations | None) -> bool:
    """Whether the library needs an upgrade: steps given to apply, or steps of ours it has not had."""
    return migrations is not None or bool({step.__name__ for step in SCHEMA} - applied)


def _open_on_a_full_disk(path: Path, waits_s: float, migrations: Migrations | None) -> Store:
    """A library on a full disk could not even be read: SQLite could not make the index file (-shm) it reads a WAL
    database through, and notes could be neither read nor exported until space was freed. With its journal empty
    (every change already in the file) and nothing to upgrade, it is read as it is (`immutable`: no file made
    beside it), and each change is refused, saying the disk is full (faults.read_only_message)."""
    if _size_of(Path(f"{path}-wal")) or Path(f"{path}-journal").exists():
        raise DiskFull(full_message(path))
    uri = alone_uri(path)
    applied = _checked(path, waits_s, uri)
    if _pending(applied, migrations):
        raise DiskFull(full_message(path))
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=waits_s, isolation_level=None)
    except sqlite3.Error as exc:
        raise database_fault(exc, path, waits_s) from exc
    db = Store(conn, path, None, read_only=True)
    _configure(db, waits_s)
    return db


def _ready_for_upgrade(path: Path, read_only: bool, backup: bool) -> None:
    """A library made by an older version: refused where it cannot be upgraded (a read-only folder: every command,
    a listing too, failed as if the file were read-only), else kept as it is before the upgrade."""
    if read_only:
        raise ReaderError(f"{path} was made by an older version and must be upgraded before this version can read "
                          "it, which writes beside it, and its folder is read-only: copy the library to a folder you "
                          "may write to, or open it with the version that made it")
    if backup:
        keep_before_upgrade(path)


def _upgrade(db: Store, path: Path, migrations: Migrations) -> None:
    """Apply the pending steps; a step failing (the program's fault: one did on every library holding documents)
    is named, with the library unchanged, instead of as any bug."""
    try:
        apply_migrations(db, migrations)
    except (ReaderError, sqlite3.Error):
        raise
    except Exception as exc:
        step = next((frame.name for frame in reversed(traceback.extract_tb(exc.__traceback__))
                     if re.match(r"m\d{3}_", frame.name)), "one of its steps")
        raise UpgradeFailed(f"upgrading {path}, made by an older version, failed at its step {step}; it is unchanged "
                            "(the version that made it still opens it)") from exc


def apply_migrations(db: Store, migrations: Migrations) -> None:
    """Apply pending migrations all-or-nothing: a failing one leaves the database exactly as it was. A table made
    again (migrations.rebuild_table) is dropped while rows of other tables refer to it, and renamed while triggers
    of other tables name it: foreign keys are not checked meanwhile, nor triggers read on a rename (each pragma
    is a no-op inside a transaction: they are set around it)."""
    db.conn.execute("PRAGMA foreign_keys = OFF")
    db.conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        with db.atomic():
            migrations.apply(db.utils)
    finally:
        db.conn.execute("PRAGMA legacy_alter_table = OFF")
        db.conn.execute("PRAGMA foreign_keys = ON")


def _connect(path: Path, backup: PendingBackup | None, waits_s: float) -> Store:
    try:
        conn = sqlite3.connect(str(path), timeout=waits_s, isolation_level=None)
    except sqlite3.Error as exc:
        if backup is not None:
            backup.join()
        raise database_fault(exc, path, waits_s) from exc
    return Store(conn, path, backup)


def _let_owner_write_journal(path: Path) -> None:
    """Give our own -wal and -shm their owner's write permission, before any connection of this session opens them.

    Why: SQLite creates them with the database's mode, so a session on a read-only (444) database leaves a read-only
    -shm; once the user makes the database writable, as told, that file alone refuses every write. The journal files
    guard nothing themselves: the database file's own mode is what keeps it read-only. chmod opens no file."""
    for companion in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            info = companion.stat()
            if info.st_uid == os.geteuid() and not info.st_mode & stat.S_IWUSR:
                companion.chmod(stat.S_IMODE(info.st_mode) | stat.S_IWUSR)
        except OSError:  # gone meanwhile, or on a read-only mount: a write it blocks names it (faults.py)
            continue


def _connect_for_reading(path: Path, waits_s: float) -> Store:
    """A database in a folder we may not write is opened read-only and takes no backup (nothing will be written
    there): reading and exporting work, and SQLite refuses each change, which faults.py names in one line."""
    try:
        conn = sqlite3.connect(reading_uri(path), uri=True, timeout=waits_s, isolation_level=None)
    except sqlite3.Error as exc:
        raise database_fault(exc, path, waits_s) from exc
    return Store(conn, path, None, read_only=True)


def folder_is_read_only(path: Path) -> bool:
    """Whether the folder holding the database refuses us new files (its journal, its backups). os.access opens
    nothing."""
    return not os.access(path.resolve().parent, os.W_OK)


def reading_uri(path: Path) -> str:
    """The URI of a read-only connection to the database.

    In a folder we may not write, with no -wal or -shm beside the file, `mode=ro` fails: SQLite must create them to
    read a WAL database. The file is then opened `immutable`, which is safe there: a writer at work on it would
    have its -wal and -shm beside it, and none can start without writing in that folder, which a read-only share or
    mount denies everyone. Where they exist, `mode=ro` reads through them and sees every committed change."""
    uri = path.resolve().as_uri()
    journal = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))
    return f"{uri}?immutable=1" if folder_is_read_only(path) and not journal else f"{uri}?mode=ro"


def _configure(db: Store, waits_s: float) -> None:
    db.conn.execute(f"PRAGMA busy_timeout = {int(waits_s * 1000)}")
    db.conn.execute("PRAGMA foreign_keys = ON")
    if db.read_only:
        return  # the journal mode is the writers' to set
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.conn.execute("PRAGMA journal_mode = wal")


def _has_data(path: Path) -> bool:
    """Whether the file exists with bytes in it; anything but a regular file (a folder, /dev/null) is refused."""
    if not path.exists():
        return False
    if not path.is_file():
        raise DatabaseUnusable(f"{path} is not a regular file, so it cannot hold a database (give a file path with "
                               "--db)")
    return path.stat().st_size > 0


def _refuse_lost_database(path: Path) -> None:
    """A missing or empty file whose backups or session file show it once held data is a fault, not a first start:
    creating an empty database in its place would hide the loss and, at later starts, push the good backups out."""
    session = session_file(path)
    state = "is empty" if path.exists() else "is missing"
    if list_backups(path):
        backup = latest_good_backup(path)
        named = f"the newest good one is {backup}, taken {when_taken(backup)}" if backup else "none of them is whole"
        restore = "Restore it with `restore-backup`, or move" if backup else "Move"  # none whole: nothing to restore
        raise DatabaseMissing(f"{path} {state}, but it has backups ({named}); nothing was created", backup,
                              f". {restore} {backup_dir(path)} away to start afresh")
    if session.exists():
        raise DatabaseMissing(f"{path} {state}, but it was in use (its session file {session} is beside it) and no "
                              f"backup exists; nothing was created. Delete {session.name} to start afresh")


def session_file(path: Path) -> Path:
    """The window's layout and reading session for this database, kept beside it."""
    return path.with_name(path.stem + ".ui.ini")


def is_sound(path: Path) -> bool:
    """Whether a database file exists, holds data and passes SQLite's integrity check: ours, or one this version refuses
    whole (a newer version's library, another program's database: set aside as "damaged" without a question, the
    newer work was under that name, audit CD F6). Read only, so asking neither backs it up nor migrates it (a
    restore asked for must not first turn the current state into the newest backup)."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        _check_integrity(path)
    except DatabaseForeign:
        return True
    except DatabaseUnusable:
        return False
    return True


def _check_integrity(path: Path, waits_s: float = BUSY_TIMEOUT_S) -> set[str]:
    """The schema steps applied to a sound library of ours (sqlite-utils' own record, read without loading it: what
    the open still has to apply), or DatabaseUnusable.

    Check through a read-only connection: closing a read-write one would checkpoint the write-ahead log into the
    file, i.e. write to a damaged database and consume the journal that might still hold the latest changes.

    One exception: a program killed inside its very first transaction, before the file was switched to WAL, leaves a
    hot rollback journal (`-journal`) that only a read-write connection can roll back; until then a read-only one
    says "readonly database". Rolling it back is SQLite's own recovery, which puts back the file as it was; but a
    journal another copy of the library left, put beside this one, writes that copy's pages into it: the file as it
    is is kept first (backup.keep_before_rollback), and a refusal after says what was done."""
    try:
        return _checked(path, waits_s)
    except ReaderError as fault:
        if isinstance(fault, DatabaseUnusable) or not Path(f"{path}-journal").exists():
            raise
        kept = keep_before_rollback(path)
        _roll_back_hot_journal(path, waits_s)
        as_it_was = f"the file as it was is kept as {kept}" if kept else "the file could not be read without it"
        return _checked(path, waits_s, left=f"the rollback journal left beside it was rolled back into it first, as "
                                            f"SQLite does ({as_it_was})")


def _roll_back_hot_journal(path: Path, waits_s: float) -> None:
    try:
        conn = sqlite3.connect(str(path), timeout=waits_s)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise database_fault(exc, path, waits_s) from exc


def _checked(path: Path, waits_s: float, uri: str = "", left: str = UNTOUCHED) -> set[str]:
    """The schema steps of a sound library of ours, read through `uri` (through its journal, by default), or
    DatabaseUnusable. A library refused only through the journal beside it (whole, and ours, read alone) names the
    journal: it said the library itself was another program's (audit CD F5), or offered an older backup for a
    sound file. So does a journal that does not continue the file's history: another copy's (a synced folder),
    which SQLite would replay into the file, its own latest changes lost unsaid (audit CD F1)."""
    journal = Path(f"{path}-wal")
    with_journal = not uri and _size_of(journal) > 0
    try:
        applied = _checked_through(path, waits_s, uri, left)
    except DatabaseUnusable as fault:
        if not with_journal or not _whole_alone(path, waits_s):
            raise
        read_with_it = "another database" if isinstance(fault, DatabaseForeign) else "damaged"
        raise DatabaseForeign(_misfit(path, journal, f"read with it, the library is {read_with_it}")) from fault
    dropped = _change_dropped(path, waits_s) if with_journal else None
    if dropped:
        raise DatabaseForeign(_misfit(path, journal, f"read with it, the library lacks its latest change, "
                                                     f"“{dropped[0]}” of {dropped[1]}"))
    return applied


def _size_of(journal: Path) -> int:
    """A journal's size, 0 when there is none: one stat, no file opened; the last connection of another program
    deletes its journal as it closes, and a look at it then in two steps failed the open (audit CH C2)."""
    try:
        return journal.stat().st_size
    except FileNotFoundError:
        return 0


def _misfit(path: Path, journal: Path, why: str) -> str:
    return (f"{path} is whole, but the journal beside it, {journal}, does not fit it ({why}): another copy's or "
            "another database's journal, or one from before the file was put back; both were left untouched. Move "
            "the journal elsewhere (keep it until you have checked the library), then open the library again")


def _change_dropped(path: Path, waits_s: float) -> tuple[str, str] | None:
    """The file's latest change (label, time) when it is missing read through the journal: a journal this file's
    own sessions wrote only adds to its history (an undone step is marked; the oldest are forgotten, all of them
    older than what is kept), unless it holds an upgrade that let the history go whole (audit CH C1); a new
    library's journal, its history empty too, holds none (audit CI F8). None when it is there, or the file alone
    cannot be read (a checkpoint under way in another program: nothing to judge)."""
    try:
        with closing(sqlite3.connect(alone_uri(path), uri=True, timeout=waits_s)) as alone:
            latest = alone.execute("SELECT id, label, created_at FROM history ORDER BY id DESC LIMIT 1").fetchone()
            steps_alone = _steps(alone)
        if latest is None:
            return None
        with closing(sqlite3.connect(reading_uri(path), uri=True, timeout=waits_s)) as through:
            there = through.execute("SELECT label, created_at FROM history WHERE id = ?", latest[:1]).fetchone()
            oldest = through.execute("SELECT min(id) FROM history").fetchone()[0]
            upgraded = _steps(through) > steps_alone
    except sqlite3.Error:
        return None
    forgotten = there is None and (oldest > latest[0] if oldest is not None else upgraded)
    return None if there == latest[1:] or forgotten else (latest[1], latest[2])


def _steps(conn: sqlite3.Connection) -> set[str]:
    """The schema steps of ours a connection's library holds."""
    return {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                           [MIGRATION_SET])}


def _whole_alone(path: Path, waits_s: float) -> bool:
    """Whether the file read alone, without its journal (immutable), is a sound library of ours."""
    try:
        _checked_through(path, waits_s, alone_uri(path))
    except ReaderError:
        return False
    return True


def _checked_through(path: Path, waits_s: float, uri: str = "", left: str = UNTOUCHED) -> set[str]:
    try:
        conn = sqlite3.connect(uri or reading_uri(path), uri=True, timeout=waits_s)
    except sqlite3.Error as exc:
        raise database_fault(exc, path, waits_s) from exc
    conn.text_factory = _lenient_text  # a damaged file's report may quote bytes that are not UTF-8
    applied: set[str] = set()
    try:
        verdict = " ".join(str(conn.execute(f"PRAGMA {INTEGRITY_CHECK}").fetchone()[0]).split())
        if verdict == "ok":
            applied = _refuse_strangers(conn, path)
    except sqlite3.DatabaseError as exc:
        fault = database_fault(exc, path, waits_s)
        if not isinstance(fault, DatabaseUnusable):  # read-only, locked, full: the file itself is fine
            raise fault from exc
        verdict = _one_line(exc)
    except UnicodeDecodeError as exc:  # SQLite's own message quoted bytes of the damaged file that are not UTF-8
        verdict = " ".join(bytes(exc.object).decode("utf-8", "replace").split())
    finally:
        conn.close()
    if verdict != "ok":
        backup = latest_good_backup(path)
        raise DatabaseUnusable(_unusable_message(path, verdict, backup, left), backup,
                               " (restore it with `restore-backup`)" if backup else "")
    return applied


def _refuse_strangers(conn: sqlite3.Connection, path: Path) -> set[str]:
    """A sound SQLite file that is not a library of ours, or of a newer version, is refused before anything writes
    to it: migrated in place, another program's database (a --db mistyped) got our tables and a WAL journal, and a
    newer library would lose what only the newer version knows to keep."""
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    ours = "_sqlite_migrations" in tables and {row[0] for row in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}
    if tables and not ours:
        shown = ", ".join(tables[:5]) + (", …" if len(tables) > 5 else "")
        raise DatabaseForeign(f"{path} is a database of another program (tables: {shown}); it was left untouched; "
                               "choose another database file")
    unknown = sorted((ours or set()) - {step.__name__ for step in SCHEMA})
    if unknown:
        raise DatabaseForeign(f"{path} was written by a newer version of Annotated Reader (its schema has "
                               f"{', '.join(unknown)}); it was left untouched; open it with that version")
    return ours or set()


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def _one_line(exc: BaseException) -> str:
    try:
        text = str(exc)
    except UnicodeError:
        text = type(exc).__name__
    return " ".join(text.split()) or type(exc).__name__


def _unusable_message(path: Path, verdict: str, backup: Path | None, left: str = UNTOUCHED) -> str:
    offer = (f"; the latest good backup is {backup}, taken {when_taken(backup)}: what was done after it is only in "
             "the damaged file") if backup else "; no backup that is whole exists yet"
    return f"{path} is not a usable database ({verdict}); {left}{offer}"
