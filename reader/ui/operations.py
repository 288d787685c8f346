"""The one place the window runs a change: a core operation, then every view refreshed from what it changed.

Why one place: each widget used to pick by hand which notices to send after each change, and undo lived only in the
window. Now a widget hands the runner a label and a call; the core runs it as one undoable operation and says what
changed (`OpChanges`); the runner tells the views (`AnnotationEvents.apply`). Undo and redo are the core's, so they
reach changes made from the command line too; and what the command line changes reaches the views
(`follow_outside`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from reader.core.errors import ReaderError
from reader.core.ops import OpChanges
from reader.core.workspace import Workspace
from reader.ui.events import AnnotationEvents
from reader.ui.workers import TaskHandle, TaskRunner

T = TypeVar("T")
CATCHING_UP = "; the register is being brought up to date"  # said after an undone entity decision, until it is


class OpRunner(QObject):
    """Runs operations, undo and redo; emits `changes_applied(OpChanges)` after each and `history_changed`."""

    changes_applied = Signal(object)
    history_changed = Signal()

    def __init__(self, workspace: Workspace, events: AnnotationEvents, runner: TaskRunner | None = None,
                 parent: QObject | None = None):
        """`runner` runs the slow operations in a worker; without one they run here."""
        super().__init__(parent)
        self._workspace, self._events, self._runner = workspace, events, runner
        self._outside_failure = ""  # the last failure to look for other connections' changes, already said
        self.stepping = False  # this window's own Undo or Redo is being told to the views: a note changing under
        # typing is then the reader's doing, not another hand's (the typing stays; it went to the Notebook, DM 2)

    def run(self, label: str, change: Callable[[], T], tell: bool = False) -> T | None:
        """Run `change` as one undoable step; a user error becomes one line in the status bar (returns None). `tell`:
        say the step there too, with how to take it back, for a step whose view shows it only by what is gone (a
        pair dismissed left its list in silence: audit CK K5); `tell` says nothing of a step that changed nothing (and
        left no entry), which Undo would not take back: it would take back the one before (audit CL L5)."""
        try:
            value, changes = self._run(label, change)
        except ReaderError as exc:
            self._events.failed.emit(str(exc))
            return None
        if tell:
            self._say_done(label, changes)
        return value

    def _say_done(self, label: str, changes: OpChanges) -> None:
        if not changes.empty:
            self._events.told.emit(f"{self._workspace.history.told(label, changes)}: Edit > Undo takes it back")

    def say(self, line: str) -> None:
        """A line in the status bar, for a step refused before it ran (a choice the runner cannot take)."""
        self._events.told.emit(line)

    def run_checked(self, label: str, change: Callable[[], T]) -> T:
        """Run `change` as one undoable step; a user error is raised, for a widget that shows it itself."""
        return self._run(label, change)[0]

    def _run(self, label: str, change: Callable[[], T]) -> tuple[T, OpChanges]:
        value, changes = self._workspace.run(label, change)
        self._applied(changes)
        return value, changes

    def run_in_background(self, label: str, change: Callable[[Workspace], T], tell: bool = False) -> TaskHandle:
        """Run a slow change as one undoable step on a worker's connection; the views refresh when it is done, and
        a failure arrives on the handle's `failed` (and in the status bar). `tell`: as for `run`."""
        def in_worker(workspace: Workspace, _progress, _cancelled):
            return workspace.run(label, lambda: change(workspace))

        task = self._runner.start(in_worker)
        task.failed.connect(self._events.failed)
        task.finished.connect(lambda outcome: self._applied(outcome[1]))
        if tell:
            task.finished.connect(lambda outcome: self._say_done(label, outcome[1]))
        return task

    def undo(self) -> None:
        self._step(self._workspace.history.undo, "Undone")

    def redo(self) -> None:
        self._step(self._workspace.history.redo, "Redone")

    def undo_text(self) -> str:
        return self._workspace.history.next_undo()

    def redo_text(self) -> str:
        return self._workspace.history.next_redo()

    def _step(self, step, done: str) -> None:
        """Undo or redo, said in the status line with the source it was on: a step taken back where nothing shows
        it (a panel not open) changed nothing visible and said nothing."""
        others = self._others()  # looked at before the step: after it, the step itself was among the history's
        try:  # changed steps, told as another program's (its typing kept apart, Redo gone: audit DP F1)
            label, changes = step()
        except ReaderError as exc:
            self._events.failed.emit(str(exc))
            return
        finally:  # told after the step, not before: told first, a rewrite of the note being typed makes a "Keep
            if others is not None and not others.empty:  # typing apart" step, which the Undo would then take back
                self._tell(others)
        self._take_as_seen()
        self.stepping = True  # told apart, after the others' changes: told with it, another program's rewrite of
        try:  # the note being typed was taken for the reader's doing, the typing saved over it (audit DN F1)
            self._tell(changes)
        finally:
            self.stepping = False
        catching_up = changes.register and not changes.documents and self._workspace.entities.is_stale()  # an
        # entity decision's: the register is derived, and its views show the step until recognition has read it
        # anew, seconds in which a second Ctrl+Z looked due (a document's step is said by its own views)
        later = CATCHING_UP if catching_up else ""
        self._events.told.emit(f"{done}: {self._workspace.history.told(label, changes)}{later}")

    def follow_outside(self) -> None:
        """Refresh the views from what other connections changed (a script of the command line beside the window,
        or its undo), as from this window's own steps; called every second."""
        try:
            changes = self._workspace.outside.since_last()
        except ReaderError as exc:
            if str(exc) != self._outside_failure:  # said once, not every second while it lasts
                self._events.failed.emit(str(exc))
            self._outside_failure = str(exc)
            return
        self._outside_failure = ""
        if not changes.empty:
            self._tell(changes)

    def _applied(self, changes) -> None:
        """Tell a step's changes, with whatever other connections changed since the last look (a step run on a
        worker's connection is one of those): all told once, now, and none of it news to the next look."""
        others = self._others()
        self._take_as_seen()
        self._tell(changes if others is None else changes.joined(others))

    def _others(self) -> OpChanges | None:
        """What other connections changed since the last look; None, said, when it cannot be read."""
        try:
            return self._workspace.outside.since_last()
        except ReaderError as exc:  # the step itself is done: its views are told all the same
            self._events.failed.emit(str(exc))
            return None

    def _take_as_seen(self) -> None:
        try:
            self._workspace.outside.take_as_seen()
        except ReaderError as exc:
            self._events.failed.emit(str(exc))

    def _tell(self, changes) -> None:
        self._events.apply(changes)
        self.changes_applied.emit(changes)
        self.history_changed.emit()
