"""The application: builds the services and widgets, wires them, and runs the event loop."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from reader.core.errors import DatabaseUnusable, ReaderError
from reader.core.workspace import Workspace, restore_latest_backup
from reader.ui.accessible_names import name_on_focus
from reader.ui.annotation_panels import install_annotation_panels
from reader.ui.desktop import missing_message, missing_packages
from reader.ui.entity_panels import install_entity_panels, start_recognition
from reader.ui.events import AnnotationEvents
from reader.ui.export_actions import install_export_actions
from reader.ui.focus_keys import install_focus_keys
from reader.ui.main_window import MainWindow
from reader.ui.operations import OpRunner
from reader.ui.reading.area import PaneArea
from reader.ui.reading.services import ReadingServices
from reader.ui.search_panels import install_search_panel
from reader.ui.stop_signals import close_on_stop_signals
from reader.ui.workers import TaskRunner

READ_ONLY_SAID_MS = 30_000  # how long the line saying a library is read-only stays at start

FOLLOW_OUTSIDE_MS = 1000  # how often the window looks for other connections' changes (one pragma when none)


Built = TypeVar("Built")

WINDOW_BUSY_WAIT_S = 3  # seconds the window's thread waits for another program's write before saying so


def settings_for(db_path: Path) -> QSettings:
    """Window layout and session live beside the database, so each database reopens as it was left."""
    from reader.core.storage.database import session_file

    return QSettings(str(session_file(db_path)), QSettings.Format.IniFormat)


def build_window(workspace: Workspace, settings: QSettings) -> MainWindow:
    """Wire every service and widget together; tests call this with a workspace in tmp_path. The window's own
    connection waits only briefly for another program's write (workers wait the usual time): the wait runs on the
    window's thread, and fifteen seconds of a window that does not answer looked like a hang."""
    workspace.db.wait_for_writers_at_most(WINDOW_BUSY_WAIT_S)
    runner = TaskRunner(workspace)
    events = AnnotationEvents()
    ops = OpRunner(workspace, events, runner)
    reading_area = PaneArea(ReadingServices(workspace, ops, events))
    window = MainWindow(workspace, settings, reading_area, runner, ops, events)
    for owned in (runner, ops, events):
        owned.setParent(window)
    window.annotation_panels = install_annotation_panels(window, workspace, ops, events, reading_area)
    window.entity_panels = install_entity_panels(window, workspace, reading_area)
    window.search_panel = install_search_panel(window, workspace, reading_area, events)
    install_export_actions(window, workspace, window.search_panel, window.annotation_panels.comparisons)
    install_focus_keys(window)  # every panel is added by now
    events.text_corrected.connect(lambda _document_id: _after_correction(window))
    QApplication.instance().focusChanged.connect(reading_area.follow_focus)  # the pane worked in leads the panels
    name_on_focus(window)  # for screen readers
    _follow_outside(window, ops)
    window.restore_layout()
    _say_if_read_only(window)
    return window


def _say_if_read_only(window: MainWindow) -> None:
    """A library this window cannot write (its file, journal or folder read-only) said so only at the first change
    refused, after the typing: the title says it at once, and the status bar why (checks of modes, no file
    opened)."""
    blocker = window.workspace.write_blocker()
    if blocker:
        window.setWindowTitle("Annotated Reader (read only)")
        window.statusBar().showMessage(f"Open for reading only: {blocker}; every change will be refused",
                                       READ_ONLY_SAID_MS)  # then the register's state: the title keeps saying it


def _follow_outside(window: MainWindow, ops: OpRunner) -> None:
    """Every second, show what other connections changed (the command line is normal use beside the window);
    nothing once the window closes, before its database does."""
    from PySide6.QtCore import QTimer

    timer = QTimer(window, interval=FOLLOW_OUTSIDE_MS)
    timer.timeout.connect(ops.follow_outside)
    window.closing.connect(timer.stop)
    ops.follow_outside()  # from now on: what others change after the views first read the database is news
    timer.start()


def _after_correction(window: MainWindow) -> None:
    """A corrected text is a new version, as after an import: the library, recognition and search catch up."""
    window.refresh_library()
    window.import_finished.emit()


def run_app(db_path: Path) -> int:
    missing = missing_packages()
    if missing:
        print(f"error: {missing_message(missing)}", file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotated Reader")
    app.setDesktopFileName("annotated-reader")
    _set_icon(app)
    opened = open_or_restore(db_path, lambda workspace: build_window(workspace, settings_for(db_path)))
    if opened is None:
        return 1
    workspace, window = opened
    sys.excepthook = fault_handler(window, db_path)
    close_on_stop_signals(window)  # Ctrl+C and SIGTERM close it properly
    window.show()
    start_recognition(window, window.entity_panels, window.reading_area, only_if_stale=True)
    try:
        return app.exec()
    finally:
        workspace.close()


def _set_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(Path(__file__).resolve().parent / "icons" / "annotated-reader.svg")))


def fault_handler(window: MainWindow, db_path: Path):
    """What the window does with an error no handler caught: one line in the status bar (and on stderr), the
    traceback in the log beside the database; never a traceback on screen, and the window goes on."""
    from reader.core.fault_report import describe_fault

    def handle(exc_type, exc, traceback) -> None:
        message = describe_fault(exc, db_path)
        window.statusBar().showMessage(message, 20000)
        print(f"error: {message}", file=sys.stderr)

    return handle


def open_or_restore(db_path: Path, build: Callable[[Workspace], Built] = lambda _workspace: None,
                    ) -> tuple[Workspace, Built] | None:
    """Open the database and `build` (the window) on it; if it is damaged and a backup exists, offer to restore it
    (the damaged file is kept). Damage the opening's check does not see fails at the window's first reading:
    it is said and offered the same (it had ended the start in a traceback, audit CD F4)."""
    try:
        return _opened(db_path, build)
    except DatabaseUnusable as exc:
        from PySide6.QtWidgets import QMessageBox  # only for a damaged database: Qt builds classes on first use

        if exc.backup is None or not offer_restore(exc.fault):  # in the window's words: it asks, Yes restores
            return _refuse(exc.fault)
        try:
            restored = restore_latest_backup(db_path)
            kept = f" The damaged file is kept as {restored.damaged_copy}." if restored.damaged_copy else ""
            QMessageBox.information(None, "Annotated Reader", f"Restored from {restored.backup}.{kept}")
            return _opened(db_path, build)
        except ReaderError as again:
            return _refuse(str(again))
    except Exception as exc:  # noqa: BLE001 - a failed upgrade, or any fault: one line in a dialog, the details logged
        from reader.core.fault_report import describe_fault

        return _refuse(describe_fault(exc, db_path))


def _opened(db_path: Path, build: Callable[[Workspace], Built]) -> tuple[Workspace, Built]:
    """The library open (the window does not look hung for 15 s waiting for it) and what is built on it; closed
    again when the building fails, its SQLite errors said as the library's faults (with its latest good backup)."""
    workspace = Workspace.open(db_path, waits_s=WINDOW_BUSY_WAIT_S)
    try:
        with workspace.db.faults():
            return workspace, build(workspace)
    except BaseException:
        workspace.close()
        raise


def offer_restore(message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(None, "Annotated Reader", f"{message}\n\nRestore the latest backup? The damaged "
                                  "file is kept beside it, renamed.",
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _refuse(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, "Annotated Reader", message)
    print(f"error: {message}", file=sys.stderr)
    return None
