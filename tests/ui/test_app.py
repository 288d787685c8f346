"""Starting the window on a damaged database: the user is offered the latest backup, and nothing is lost."""

from PySide6.QtWidgets import QMessageBox

from reader.core.workspace import Workspace
from reader.ui import app


def test_a_damaged_database_can_be_restored_at_start(db_path, monkeypatch, qapp):
    """Answering Yes to the offer restores the newest backup; the damaged file stays beside it."""
    workspace = Workspace.open(db_path)
    workspace.close()
    Workspace.open(db_path).close()
    db_path.write_bytes(b"damaged" * 400)
    monkeypatch.setattr(app, "offer_restore", lambda message: "left untouched" in message)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    reopened, _nothing_built = app.open_or_restore(db_path)
    assert reopened.documents.list() == []
    reopened.close()
    assert [p.read_bytes() for p in db_path.parent.glob("*.damaged-*.db")] == [b"damaged" * 400]


def test_the_window_asks_in_its_own_words_not_the_command_lines(db_path, monkeypatch, qapp):
    """The question box told a desktop user to run `restore-backup`, beside its own Yes button, and the refusal after
    No said it again: the window names the file and the backup, and asks."""
    Workspace.open(db_path).close()
    Workspace.open(db_path).close()
    db_path.write_bytes(b"damaged" * 400)
    asked, refused = [], []
    monkeypatch.setattr(app, "offer_restore", lambda message: asked.append(message) or False)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message: refused.append(message))
    assert app.open_or_restore(db_path) is None
    assert "latest good backup is" in asked[0] and str(db_path) in asked[0]
    assert not any("restore-backup" in message for message in asked + refused)


def test_the_window_says_so_when_another_program_holds_the_library(db_path, monkeypatch, qapp):
    """Another program holding the database exclusively kept the window from appearing, with no word, for 15 s: the
    window waits as long as its other waits, then says which file and why."""
    import sqlite3

    Workspace.open(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    refused = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message: refused.append(message))
    try:
        assert app.open_or_restore(db_path) is None
    finally:
        holder.close()
    assert refused and f"busy for {app.WINDOW_BUSY_WAIT_S} s" in refused[0] and str(db_path) in refused[0]


def test_declining_the_offer_leaves_everything_as_it_was(db_path, monkeypatch, qapp):
    """Answering No opens nothing and touches no file."""
    Workspace.open(db_path).close()
    Workspace.open(db_path).close()
    db_path.write_bytes(b"damaged" * 400)
    monkeypatch.setattr(app, "offer_restore", lambda message: False)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: None)
    assert app.open_or_restore(db_path) is None
    assert db_path.read_bytes() == b"damaged" * 400
    assert not list(db_path.parent.glob("*.damaged-*.db"))


def test_an_uncaught_error_becomes_one_line_in_the_status_bar(window, tmp_path):
    """Protects the window from tracebacks: a bug in a handler is one line for the user, details in the log."""
    from reader.core.fault_report import log_path
    from reader.ui.app import fault_handler

    handle = fault_handler(window, window.workspace.path)
    try:
        raise KeyError("a bug")
    except KeyError as exc:
        handle(type(exc), exc, exc.__traceback__)
    message = window.statusBar().currentMessage()
    assert "something went wrong inside the program (KeyError)" in message and "\n" not in message
    assert "KeyError" in log_path(window.workspace.path).read_text(encoding="utf-8")


def test_a_failed_upgrade_is_said_in_a_dialog_not_a_traceback(db_path, monkeypatch, qapp):
    """A library whose upgrade failed ended the window's start in a traceback on the terminal, no window and no
    word on screen: a dialog says the upgrade failed and the library is unchanged."""
    from reader.core.storage.migrations import SCHEMA

    Workspace.open(db_path).close()

    def m999_fails(db):
        raise AttributeError("no executemany")

    refused = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, message: refused.append(message))
    SCHEMA.append(m999_fails)
    try:
        assert app.open_or_restore(db_path) is None
    finally:
        SCHEMA.remove(m999_fails)
    assert refused and refused[0].startswith(f"upgrading {db_path}, made by an older version, failed at its step "
                                             "m999_fails; it is unchanged")


def test_a_library_the_window_cannot_write_says_so_at_start(workspace, monkeypatch, qtbot):
    """Nothing at start said a library was read-only: the user learnt it at the first refused edit, after typing.
    The title and the status bar say so at once, and why."""
    import os

    from reader.ui.app import build_window, settings_for

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, *args, **kwargs: False if str(path) == str(
        workspace.path) and mode == os.W_OK else real_access(path, mode, *args, **kwargs))
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    assert window.windowTitle() == "Annotated Reader (read only)"
    assert window.statusBar().currentMessage() == (f"Open for reading only: {workspace.path} is read-only; every "
                                                   "change will be refused")


def test_a_library_the_window_cannot_write_is_not_read_for_names_in_vain(workspace, monkeypatch, qtbot):
    """On a read-only library (or a full disk) the window read every new text for names, a minute of the CPU, then
    failed to store it ("recognition did not finish"): it now shows the register as last recognised, and says why."""
    import os

    from reader.ui.app import build_window, settings_for, start_recognition

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, *args, **kwargs: False if str(path) == str(
        workspace.path) and mode == os.W_OK else real_access(path, mode, *args, **kwargs))
    assert workspace.entities.is_stale()
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    start_recognition(window, window.entity_panels, window.reading_area, only_if_stale=True)  # as the start does
    qtbot.waitUntil(lambda: "not read for names" in window.recognition_status.text())
    assert window.recognition_status.text() == (f"Entities: shown as last recognised ({workspace.path} is read-only), "
                                                "so texts added or changed since were not read for names")
    assert not window.entity_panels.recognising and workspace.entities.is_stale()


def test_the_read_only_line_and_the_registers_state_are_not_drawn_over_each_other(workspace, monkeypatch, qtbot):
    """On a read-only library the line "Open for reading only…" and the register's state were drawn on top of
    each other, neither readable (audit BD F-w1): while a line shows, the state is hidden."""
    import os

    from reader.ui.app import build_window, settings_for, start_recognition

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, *args, **kwargs: False if str(path) == str(
        workspace.path) and mode == os.W_OK else real_access(path, mode, *args, **kwargs))
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    start_recognition(window, window.entity_panels, window.reading_area, only_if_stale=True)
    qtbot.waitUntil(lambda: "not read for names" in window.recognition_status.text())
    assert window.statusBar().currentMessage().startswith("Open for reading only")
    assert not window.recognition_status.isVisible()
    window.statusBar().clearMessage()
    qtbot.waitUntil(window.recognition_status.isVisible)


def test_the_registers_state_follows_the_read_only_line(workspace, monkeypatch, qtbot):
    """The read-only line stayed for good, so the register's state (why no names are marked) was never seen (audit
    BE F14): the line goes after a while, the title still saying read only, and the state comes back."""
    import os

    from reader.ui import app
    from reader.ui.app import build_window, settings_for

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, *args, **kwargs: False if str(path) == str(
        workspace.path) and mode == os.W_OK else real_access(path, mode, *args, **kwargs))
    monkeypatch.setattr(app, "READ_ONLY_SAID_MS", 200)
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "" and window.recognition_status.isVisible())
    assert window.windowTitle() == "Annotated Reader (read only)"


def test_a_library_damaged_past_the_opening_check_is_offered_its_backup_not_a_traceback(db_path, monkeypatch, qapp):
    """A library whose damage the opening's quick check does not see failed at the window's first reading: a
    traceback on the terminal, no window, no dialog, no backup offered (audit CD F4). It is said, and its latest
    good backup offered, as for damage found at the opening."""
    import sqlite3

    from reader.ui.main_window import MainWindow

    Workspace.open(db_path).close()
    Workspace.open(db_path).close()

    def malformed(self) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(MainWindow, "refresh_library", malformed)
    asked = []
    monkeypatch.setattr(app, "offer_restore", lambda message: asked.append(message) or False)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: None)
    assert app.open_or_restore(db_path, lambda workspace: app.build_window(workspace, app.settings_for(db_path))) \
        is None
    assert asked and "is damaged" in asked[0] and "latest good backup is" in asked[0]
    assert "restore-backup" not in asked[0]  # the window asks in its own words
