"""Background tasks: results arrive on the GUI thread; cancelling stops an import before it writes."""

import threading

from PySide6.QtCore import QThread

from reader.core.errors import ImportCancelled
from reader.ui.workers import TaskRunner
from tests.conftest import TEXTS


def test_result_arrives_on_the_gui_thread(qtbot, workspace):
    """A task runs on another thread, and its finished signal is delivered on the GUI thread."""
    runner = TaskRunner(workspace.path)
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
    runner = TaskRunner(empty_workspace.path)
    handle = runner.start(lambda ws, progress, cancelled: ws.documents.import_paths([TEXTS], progress, lambda: True),
                          cancel_types=(ImportCancelled,))
    with qtbot.waitSignal(handle.cancelled, timeout=10000):
        pass
    assert empty_workspace.documents.list() == []
    runner.wait_all()


def test_task_errors_become_messages(qtbot, workspace):
    """A user-caused error in a task arrives as a one-line message, not an exception in the event loop."""
    runner = TaskRunner(workspace.path)
    handle = runner.start(lambda ws, progress, cancelled: ws.documents.resolve("no-such.txt"))
    with qtbot.waitSignal(handle.failed, timeout=10000) as blocker:
        pass
    assert blocker.args[0].startswith("no document 'no-such.txt'")
    runner.wait_all()
