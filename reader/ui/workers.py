"""Long work off the GUI thread: a task runs in a QThread on its own database connection, with progress and cancel.

Results come back as signals, delivered on the GUI thread, so widgets are only ever touched there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal, Slot

from reader.core.fault_report import describe_fault
from reader.core.records.progress import Cancelled, Progress
from reader.core.workspace import Workspace

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog, QWidget

Task = Callable[[Workspace, Progress, Cancelled], object]


class TaskWorker(QObject):
    """Runs one task on a connection of its own; emits progressed, then finished, failed or cancelled."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, main: Workspace, task: Task, cancel_types: tuple[type[BaseException], ...] = ()):
        super().__init__()
        self._main = main
        self._task = task
        self._cancel_types = cancel_types
        self._cancel_requested = False

    def request_cancel(self) -> None:
        self._cancel_requested = True

    def is_cancel_requested(self) -> bool:
        return self._cancel_requested

    @Slot()
    def run(self) -> None:
        """Every way the task can end is reported: finished, cancelled, or failed with one line (a lock, a full
        disk, a bug); a thread that died silently would leave its progress showing for ever."""
        try:
            self._main.wait_for_backup()  # the task's connection writes, and the start's backup must come first
            workspace = Workspace.open(self._main.path, backup=False)
        except Exception as exc:  # noqa: BLE001 - reported to the user, whatever it is
            self.failed.emit(describe_fault(exc, self._main.path))
            return
        try:
            self.finished.emit(self._task(workspace, self.progressed.emit, self.is_cancel_requested))
        except self._cancel_types:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the user, whatever it is
            self.failed.emit(describe_fault(exc, self._main.path))
        finally:
            workspace.close()


class TaskHandle(QObject):
    """The GUI-thread face of a running task: its signals are re-emitted on the GUI thread, so lambdas are safe.
    Once silenced (the window closing), nothing more is passed on: news queued while the window waited for its
    threads would reach views whose database is closed."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, worker: TaskWorker, parent: QObject | None = None):
        super().__init__(parent)
        self._worker = worker
        self.silenced = False
        worker.progressed.connect(self._on_progressed)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)

    def request_cancel(self) -> None:
        self._worker.request_cancel()

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, what: str) -> None:
        if not self.silenced:
            self.progressed.emit(done, total, what)

    @Slot(object)
    def _on_finished(self, value: object) -> None:
        if not self.silenced:
            self.finished.emit(value)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self.silenced:
            self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        if not self.silenced:
            self.cancelled.emit()


class TaskRunner(QObject):
    """Owns the threads of running tasks so they outlive the call that started them, and cleans them up."""

    def __init__(self, main: Workspace, parent: QObject | None = None):
        """`main` is the window's workspace: tasks open their own connection to its database."""
        super().__init__(parent)
        self._main = main
        self._running: list[tuple[QThread, TaskWorker, TaskHandle]] = []
        self._closed = False  # the window has waited for its tasks: it is going

    def start(self, task: Task, cancel_types: tuple[type[BaseException], ...] = ()) -> TaskHandle:
        """Start `task` in a new thread; its handle's signals arrive on the GUI thread. Once the window has closed
        (`wait_all`), nothing starts: a task asked for then (a search's pause ending, a change noticed as it
        closed) ran on while the window was destroyed, and Qt aborted the program. Its handle stays silent."""
        worker = TaskWorker(self._main, task, cancel_types)
        if self._closed:
            handle = TaskHandle(worker, self)
            handle.silenced = True
            return handle
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        for done in (worker.finished, worker.failed, worker.cancelled):
            done.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)  # a bound slot: runs on the GUI thread, not the worker's
        # no worker.deleteLater: Python owns the worker; a C++ delete on the worker thread raced it (segfaults)
        handle = TaskHandle(worker, self)  # kept as the runner's child: callers may still hold and disconnect it
        self._running.append((thread, worker, handle))
        thread.start()
        return handle

    def is_busy(self) -> bool:
        return bool(self._running)

    def wait_all(self) -> None:
        """Cancel and wait for every running task (on quit, so no thread outlives the window); start no more."""
        self._closed = True
        for thread, worker, handle in list(self._running):
            handle.silenced = True
            if thread.isRunning():
                worker.request_cancel()
                thread.quit()
                thread.wait()

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        self._running = [running for running in self._running if running[0] is not thread]
        thread.deleteLater()


class NewestReading:
    """Reads what a view shows in a worker, and shows only the newest reading asked for: one asked for earlier and
    answered later (a slower query, a filter changed meanwhile) is dropped, not shown over the newer."""

    def __init__(self, runner: TaskRunner):
        self._runner = runner
        self._asked = 0

    def start(self, read: Task, show: Callable[[object], object], failed: Callable[[str], object]) -> None:
        self._asked += 1
        asked = self._asked
        task = self._runner.start(read)
        task.finished.connect(lambda value: asked == self._asked and show(value))
        task.failed.connect(lambda message: asked == self._asked and failed(message))


def progress_dialog(task: TaskHandle, parent: QWidget, title: str, label: str,
                    describe: Callable[[str], str] | None = None, stopping: str = "Stopping…") -> QProgressDialog:
    """A dialog that follows a task's progress, shown only if the task takes longer than a moment; its Cancel asks
    the task to stop, and the dialog says `stopping` until it has. `describe(what)` turns what the task says it is
    at (a file's name) into the label."""
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog(label, "Cancel", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setMinimumDuration(300)
    progress.canceled.connect(task.request_cancel)
    progress.canceled.connect(lambda: _stopping(progress, stopping))
    task.progressed.connect(lambda done, total, what: _follow(progress, done, total, describe and describe(what)))
    return progress


def _stopping(progress: QProgressDialog, label: str) -> None:
    """Cancel closed the dialog at once, though the task stops only at its next step (a file being read, with no
    pages to stop between, is finished first): the dialog says so until the task ends (its handler resets it)."""
    progress.setLabelText(label)
    progress.setCancelButton(None)
    progress.setRange(0, 0)
    progress.show()


def _follow(progress: QProgressDialog, done: int, total: int, label: str | None) -> None:
    progress.setMaximum(total)
    progress.setValue(done)
    if label:
        progress.setLabelText(label)
