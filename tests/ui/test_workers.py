"""Background tasks: results arrive on the GUI thread; cancelling stops an import before it writes."""

import sqlite3
import threading
import time
from contextlib import closing

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QProgressDialog

from reader.core.errors import ImportCancelled
from reader.core.storage import backup
from reader.core.storage.backup import list_backups
from reader.core.workspace import Workspace
from reader.ui.workers import TaskRunner
from tests.conftest import TEXTS


def test_result_arrives_on_the_gui_thread(qtbot, workspace):
    """A task runs on another thread, and its finished signal is delivered on the GUI thread."""
    runner = TaskRunner(workspace)
    seen = {}

    def task(ws, progress, cancelled):
        seen["task_thread"] = threading.get_ident()
        return len(ws.documents.list())

    handle = runner.start(task)
    handle.finished.connect(lambda result: seen.update(result=result, slot_thread=threading.get_ident()))
    qtbot.waitUntil(lambda: "result" in seen, timeout=10000)
    assert seen["result"] == 5
    assert seen["slot_thread"] == threading.get_ident() != seen["task_thread"]
    assert QThread.currentThread() is not None
    runner.wait_all()


def test_cancelled_import_writes_nothing(qtbot, empty_workspace):
    """Cancelling an import before its write phase leaves the library empty and reports `cancelled`."""
    runner = TaskRunner(empty_workspace)
    handle = runner.start(lambda ws, progress, cancelled: ws.documents.import_paths([TEXTS], progress, lambda: True),
                          cancel_types=(ImportCancelled,))
    with qtbot.waitSignal(handle.cancelled, timeout=10000):
        pass
    assert empty_workspace.documents.list() == []
    runner.wait_all()


def test_task_errors_become_messages(qtbot, workspace):
    """A user-caused error in a task arrives as a one-line message, not an exception in the event loop."""
    runner = TaskRunner(workspace)
    handle = runner.start(lambda ws, progress, cancelled: ws.documents.resolve("no-such.txt"))
    with qtbot.waitSignal(handle.failed, timeout=10000) as blocker:
        pass
    assert blocker.args[0].startswith("no document 'no-such.txt'")
    runner.wait_all()


def test_a_task_writes_only_after_the_start_backup(qtbot, workspace, monkeypatch):
    """A worker started at once (recognition at start, say) waits for the backup: the copy holds none of its writes."""
    workspace.close()
    copy_now = backup.take_backup

    def slow_disk(*args):
        time.sleep(0.3)  # a large database on a slow disk: the task below starts while the copy is still running
        return copy_now(*args)

    monkeypatch.setattr(backup, "take_backup", slow_disk)
    main = Workspace.open(workspace.path)
    runner = TaskRunner(main)
    handle = runner.start(lambda ws, progress, cancelled: ws.documents.update_metadata(1, {"title": "Renamed"}))
    with qtbot.waitSignal(handle.finished, timeout=10000):
        pass
    runner.wait_all()
    with closing(sqlite3.connect(list_backups(workspace.path)[-1])) as copy, copy:
        assert copy.execute("SELECT title FROM documents WHERE id = 1").fetchone()[0] != "Renamed"
    assert main.documents.get(1).title == "Renamed"
    main.close()


def test_any_failure_in_a_task_is_reported_in_one_line(qtbot, workspace):
    """Protects against a silent hang: a lock, or a bug, in a task ends it with a one-line message."""
    runner = TaskRunner(workspace)

    def locked(ws, progress, cancelled):
        raise sqlite3.OperationalError("database is locked")

    def bug(ws, progress, cancelled):
        raise KeyError("a bug")

    for task, expected in ((locked, "busy"), (bug, "something went wrong inside the program (KeyError)")):
        handle = runner.start(task)
        with qtbot.waitSignal(handle.failed, timeout=10000) as blocker:
            pass
        assert expected in blocker.args[0] and "\n" not in blocker.args[0]
    runner.wait_all()


def test_a_failed_import_ends_its_progress_and_says_why(qtbot, window, monkeypatch, tmp_path):
    """Protects the window's import: a failure in the worker closes the progress and shows the reason, in a
    warning naming the files not imported (the status line went after ten seconds, naming none)."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.documents import importer

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    shown = []
    monkeypatch.setattr(importer, "import_paths", disk_full)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    path = tmp_path / "letter.txt"
    path.write_text("A letter.\n", encoding="utf-8")
    window.import_paths([path])
    qtbot.waitUntil(lambda: "full" in window.statusBar().currentMessage(), timeout=10000)
    progress = window.findChild(QProgressDialog)
    assert progress is None or not progress.isVisible()
    assert shown == [window.statusBar().currentMessage()] and shown[0].startswith("letter.txt was not imported: ")


def test_nothing_arrives_from_a_task_after_the_window_closed(qtbot, workspace):
    """Protects a closed window from late news: a task that finishes while `wait_all` (the window closing) waits
    for it must not call back into views whose database is about to close."""
    from PySide6.QtWidgets import QApplication

    runner = TaskRunner(workspace)
    started, heard = threading.Event(), []

    def task(ws, progress, cancelled):
        started.set()
        while not cancelled():  # the close asks it to stop; it finishes its step, then returns a result anyway
            time.sleep(0.01)
        return "late"

    handle = runner.start(task)
    handle.finished.connect(heard.append)
    handle.cancelled.connect(lambda: heard.append("cancelled"))
    assert started.wait(10)
    runner.wait_all()
    QApplication.processEvents()
    QApplication.processEvents()
    assert heard == []


def test_a_closed_window_starts_no_task(qtbot, workspace):
    """A task asked for once the window has closed (a search's pause ending, a change noticed as it closed) ran on
    while the window was destroyed, and Qt aborted the whole program ("QThread: Destroyed while thread is still
    running"): after `wait_all` nothing starts, and nothing is said."""
    runner = TaskRunner(workspace)
    runner.wait_all()
    handle = runner.start(lambda ws, progress, cancelled: len(ws.documents.list()))
    assert not runner.is_busy() and handle.silenced and runner.findChildren(QThread) == []
