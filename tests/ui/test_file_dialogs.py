"""File dialogs never open the database files: a look at its folder must not drop SQLite's locks."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from reader.core.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent.parent


def _ask(child: subprocess.Popen, line: str) -> str:
    child.stdin.write(line + "\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


def test_edit_after_cancelled_import_dialog_survives_other_process_and_kill(workspace: Workspace) -> None:
    """Protects against the detached window: dialog opened and cancelled, another process runs, the window edits,
    kill -9, and the edit is still in the database."""
    document_id = workspace.documents.list()[0].id
    path = workspace.path
    workspace.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-m", "reliability.window_process", str(path)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        assert _ask(child, "import-dialog") == "ok"
        other = subprocess.run([sys.executable, "main.py", "--db", str(path), "docs"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=60)
        assert other.returncode == 0, other.stderr
        answer = _ask(child, f"annotate {document_id} 0 5 kept-after-the-dialog")
        assert answer.startswith("ok")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    with closing(sqlite3.connect(path)) as conn, conn:
        notes = [row[0].strip() for row in conn.execute("SELECT note FROM annotations")]
    assert "kept-after-the-dialog" in notes
