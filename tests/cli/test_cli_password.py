"""`import --password`: the right password opens an encrypted PDF; none or a wrong one is one line, nothing stored."""

import sqlite3
from contextlib import closing

from tests.cli.test_cli import run_cli
from tests.core.pdf_samples import hand_pdf


def _versions(db) -> int:
    with closing(sqlite3.connect(db)) as conn, conn:
        return conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0]


def test_import_password(tmp_path):
    """Missing and wrong passwords fail with one line and leave the database as it was; the right one imports."""
    db = tmp_path / "cli.db"
    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    missing = run_cli(db, "import", secret)
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith("the PDF is password-protected; give its password: import it "
                                           "again with --password PW")
    assert len(missing.stderr.strip().splitlines()) == 1 and _versions(db) == 0
    wrong = run_cli(db, "import", "--password", "stalin", secret)
    assert wrong.returncode == 1 and wrong.stderr.strip().endswith("wrong password for this PDF: import it "
                                                                   "again with --password PW")
    assert _versions(db) == 0
    right = run_cli(db, "import", "--password", "genden", secret)
    assert right.returncode == 0 and "secret.pdf: imported (PDF, 1 page)" in right.stdout
    assert run_cli(db, "text", "secret.pdf").stdout == "Secret minutes of 1937\n"


def test_a_folder_imported_again_passes_over_a_password_pdf_it_holds(tmp_path):
    """Importing a folder again to pick up changed files failed on a password PDF already imported from it (the
    window asked for the password again): such a file is passed over with a line saying it was not read again."""
    db, folder = tmp_path / "cli.db", tmp_path / "fond"
    folder.mkdir()
    hand_pdf(folder / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    hand_pdf(folder / "open.pdf", ["Open minutes of 1936"])
    assert run_cli(db, "import", "--password", "genden", folder).returncode == 0
    again = run_cli(db, "import", folder)
    assert again.returncode == 0, again.stderr
    assert "secret.pdf: already imported; password-protected, so not read again: import it again with " \
           "--password PW to look for changes" in again.stdout
    assert "open.pdf: already imported, unchanged" in again.stdout and _versions(db) == 2
