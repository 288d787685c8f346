"""Every fault a user can cause on the command line gets its own true line, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.core.storage.store import with_functions
from tests.cli.test_cli import run_cli
from tests.conftest import ROOT, TEXTS

AS_OTHER_USER = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
needs_other_user = pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None,
                                      reason="read-only files are writable for root: run as another user via setpriv")


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def shared_folder():
    """A folder another user can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="reader-faults-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _database_in(folder: Path) -> Path:
    db = folder / "a.db"
    assert run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt").returncode == 0
    assert run_cli(db, "annotate", "1", "--quote", "Genden").returncode == 0  # a second start: backups exist
    for companion in ("-wal", "-shm"):
        Path(f"{db}{companion}").unlink(missing_ok=True)
    (folder / "a.backups").chmod(0o777)
    return db


def _as_other_user(db: Path, *args: str) -> subprocess.CompletedProcess:
    command = [*AS_OTHER_USER, sys.executable, str(ROOT / "main.py"), "--db", str(db), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


@needs_other_user
def test_read_only_database_file(shared_folder):
    """A read-only file: reads work, a write says the file is read-only (not that it is damaged)."""
    db = _database_in(shared_folder)
    db.chmod(0o644)
    assert _as_other_user(db, "docs").returncode == 0
    line = _one_line_error(_as_other_user(db, "annotate", "1", "--quote", "Genden"))
    assert f"{db} is read-only" in line and "damaged" not in line and "usable" not in line


@needs_other_user
def test_read_only_folder(shared_folder):
    """A writable file in a read-only folder: the message names the folder, where the journal cannot be made."""
    db = _database_in(shared_folder)
    db.chmod(0o666)
    shared_folder.chmod(0o755)
    line = _one_line_error(_as_other_user(db, "annotate", "1", "--quote", "Genden"))
    assert f"the folder {shared_folder}" in line and "read-only" in line and "usable" not in line


@needs_other_user
def test_read_only_backups_folder(shared_folder):
    """A write refused because no backup can be taken names the backups folder."""
    db = _database_in(shared_folder)
    db.chmod(0o666)
    (shared_folder / "a.backups").chmod(0o755)
    line = _one_line_error(_as_other_user(db, "annotate", "1", "--quote", "Genden"))
    assert "backups folder" in line and "not writable" in line


@needs_other_user
def test_restore_backup_in_a_read_only_folder(shared_folder):
    """restore-backup where nothing can be renamed says so, and changes nothing."""
    db = _database_in(shared_folder)
    before = db.read_bytes()
    shared_folder.chmod(0o755)
    line = _one_line_error(_as_other_user(db, "restore-backup", "--yes"))
    renaming = "cannot restore the backup" in line and "not writable" in line
    assert renaming or "is read-only; nothing was changed" in line  # told before or while trying
    assert db.read_bytes() == before


def test_dev_null_is_not_a_database(tmp_path):
    """--db /dev/null is refused as not a regular file."""
    line = _one_line_error(run_cli(Path("/dev/null"), "docs"))
    assert "/dev/null is not a regular file" in line


def test_undecodable_bytes_in_arguments(tmp_path):
    """Bytes that are not UTF-8 in an argument give one line, not a UnicodeEncodeError."""
    command = [sys.executable.encode(), str(ROOT / "main.py").encode(), b"--db", str(tmp_path / "a.db").encode(),
               b"search", b"Genden\xff"]
    result = subprocess.run(command, capture_output=True, cwd=ROOT)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"is not valid UTF-8 text" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ids_past_what_sqlite_holds(tmp_path):
    """Ids of 2^63 or more are refused as ids, not an OverflowError."""
    db = tmp_path / "a.db"
    run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt")
    result = run_cli(db, "link", str(2**63), "1", "--relation", "contradicts")
    assert result.returncode == 2 and "is not an id" in result.stderr and "Traceback" not in result.stderr
    line = _one_line_error(run_cli(db, "text", str(2**64)))
    assert "no document" in line


def test_a_journal_deleted_under_a_running_program(tmp_path):
    """A -wal deleted while another program has the database open is named as such, not 'damaged'."""
    import sqlite3

    db = tmp_path / "a.db"
    run_cli(db, "import", TEXTS / "000_8339fa2bec93c400.txt")
    holder = with_functions(sqlite3.connect(db, isolation_level=None))
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("UPDATE documents SET title = 'edited in the journal'")
        Path(f"{db}-wal").unlink()
        line = _one_line_error(run_cli(db, "docs"))
        assert f"the journal {db}-wal was deleted" in line and "damaged" not in line
    finally:
        holder.close()


def test_ctrl_c_stops_a_command_in_one_line(tmp_path):
    """Ctrl+C (the usual way to stop a long import or recognition) ends in one line and exit 130, nothing of the
    step under way stored: it printed a traceback of sixty frames."""
    code = ("import sys; from reader.core.documents import importer; "
            "importer.redetect_boilerplate = lambda db: (_ for _ in ()).throw(KeyboardInterrupt()); "
            "from reader.launch import main; "
            f"sys.exit(main(['--db', {str(tmp_path / 'a.db')!r}, 'import', {str(TEXTS)!r}]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 130
    assert result.stderr.strip().splitlines() == ["interrupted: the step under way was not stored (what was done "
                                                  "before it is kept)"]
    assert "no documents yet" in run_cli(tmp_path / "a.db", "docs").stderr


def test_a_search_starting_with_a_left_out_word_is_a_query_not_an_option(tmp_path):
    """`search -stalin` is the query it looks like (its own line says what it lacks), not argparse's "QUERY is
    required" for a query the user did give; `search --json genden` still takes --json as the option."""
    result = run_cli(tmp_path / "a.db", "search", "-stalin")
    assert result.returncode == 1 and "leaves a word out" in result.stderr
    assert run_cli(tmp_path / "a.db", "search", "--json", "genden").returncode == 0


def test_output_that_cannot_be_written_is_told_in_one_line(tmp_path):
    """Standard output closed (as cron and daemon wrappers leave it) ended in a traceback, and one on a full disk was
    told as a fault of the program with an errors.log beside the database: the command runs, and a failed write of
    its output is said to be one."""
    db = tmp_path / "a.db"
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import", str(TEXTS)]
    closed = subprocess.run(command, capture_output=False, stdout=None, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            pass_fds=(), preexec_fn=lambda: os.close(1))
    assert closed.returncode == 0 and "Traceback" not in closed.stderr
    with open("/dev/full", "w") as full:
        result = subprocess.run([*command[:4], "docs"], stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert _one_line_error(result) == "error: cannot write the output: No space left on device"
    assert not (tmp_path / "a.errors.log").exists()


def test_a_database_in_a_folder_that_does_not_exist_says_so(tmp_path):
    """--db in a missing folder said "cannot read or write … (unable to open database file)", not why."""
    line = _one_line_error(run_cli(tmp_path / "missing" / "a.db", "docs"))
    assert line == f"error: cannot open {tmp_path}/missing/a.db: the folder {tmp_path}/missing does not exist; " \
                   "nothing was created"


def test_a_database_under_a_file_says_the_file_is_no_folder(tmp_path):
    """--db notes.txt/a.db said "the folder notes.txt does not exist", where it exists, as a file (audit CD F11)."""
    (tmp_path / "notes.txt").write_text("a note\n", encoding="utf-8")
    line = _one_line_error(run_cli(tmp_path / "notes.txt" / "sub" / "a.db", "docs"))
    assert line == f"error: cannot open {tmp_path}/notes.txt/sub/a.db: {tmp_path}/notes.txt is a file, not a " \
                   "folder; nothing was created"


def test_ctrl_c_while_the_program_loads_is_one_line(tmp_path):
    """Ctrl+C in the quarter second the program spends loading its command line (at once after a mistyped
    command) printed a Python traceback (audit DH 1): it is one line and exit 130 as later."""
    code = ("import builtins, os, runpy, signal, sys; real = builtins.__import__\n"
            "def loading(name, *args, **kwargs):\n"
            "    if name == 'reader' and args[2] and 'cli' in args[2]:\n"
            "        os.kill(os.getpid(), signal.SIGINT)\n"
            "    return real(name, *args, **kwargs)\n"
            "builtins.__import__ = loading\n"
            f"sys.argv = ['main.py', '--db', {str(tmp_path / 'a.db')!r}, 'docs']\n"
            "runpy.run_path('main.py', run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 130 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["interrupted: nothing was done"]
