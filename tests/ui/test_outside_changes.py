"""The window shows what another connection changes (the command line beside it is normal use): new highlights and
documents appear, another process's undo is undone on screen too, and Edit > Undo names the step it would take."""

from __future__ import annotations

import pytest

from reader.core.workspace import Workspace


@pytest.fixture
def other(window):
    """A second connection to the window's database, as a command-line script has."""
    connection = Workspace.open(window.workspace.path, backup=False)
    yield connection
    connection.close()


def test_a_highlight_made_elsewhere_appears_and_its_undo_elsewhere_removes_it(window, qtbot, other):
    """A note made by another process shows in the open pane within a moment; undone there, it leaves the pane,
    and the window's Undo names what it would now take."""
    document_id = window.workspace.documents.list()[0].id
    pane = window.reading_area.open_document(document_id)
    other.run("Add annotation", lambda: other.annotations.create(document_id, 0, 20, note="from a script"))
    qtbot.waitUntil(lambda: pane.sidebar.annotation_list.count() == 1, timeout=5000)
    assert "from a script" in pane.sidebar.annotation_list.item(0).text()
    assert window.ops.undo_text() == "Add annotation"
    other.history.undo()
    qtbot.waitUntil(lambda: pane.sidebar.annotation_list.count() == 0, timeout=5000)


def test_a_document_imported_elsewhere_joins_the_library(window, qtbot, other, tmp_path):
    """An import by the command line (no undo step) adds its document to the window's library."""
    before = window.library.table.model().rowCount()
    (tmp_path / "letter.txt").write_text("A letter of 1936 about the protocol.", encoding="utf-8")
    other.documents.import_paths([tmp_path / "letter.txt"])
    qtbot.waitUntil(lambda: window.library.table.model().rowCount() == before + 1, timeout=5000)


def test_a_document_imported_elsewhere_gets_its_names(window, qtbot, other, tmp_path):
    """An import by the command line (which leaves recognition to whoever reads next) is recognised by the window,
    as its own imports are: open in a pane, the letter's people and places are painted."""
    window.workspace.entities.recognise()
    (tmp_path / "letter.txt").write_text("Genden met Stalin in Moscow on 15 November 1934.", encoding="utf-8")
    other.documents.import_paths([tmp_path / "letter.txt"])
    qtbot.waitUntil(lambda: window.library.table.model().rowCount() == 6, timeout=5000)
    pane = window.reading_area.open_document(window.workspace.documents.resolve("letter.txt").id)
    qtbot.waitUntil(lambda: {s.span.label for s in pane.view.index._spans if s.span.kind == "mention"} >= {
        "PERSON", "PLACE"}, timeout=20000)


def test_own_steps_are_not_told_twice(window, qtbot, other):
    """The window's own step, then another connection's write: only the other's change is news."""
    document_id = window.workspace.documents.list()[0].id
    window.ops.run("Add annotation", lambda: window.workspace.annotations.create(document_id, 0, 10))
    assert window.workspace.outside.since_last().empty
    other.run("Add annotation", lambda: other.annotations.create(document_id, 30, 40))
    told = window.workspace.outside.since_last()
    assert told.annotation_documents == {document_id} and len(told.annotations) == 1


def test_many_documents_imported_elsewhere_are_one_refresh(window, qtbot, other, tmp_path):
    """Fifty documents imported by another process are caught up in one reading of the library, not fifty (which
    froze the window for seconds with a few hundred)."""
    before = window.library.table.model().rowCount()
    for n in range(50):
        (tmp_path / f"letter{n}.txt").write_text(f"Letter {n} of 1936 about the protocol.", encoding="utf-8")
    other.documents.import_paths([tmp_path])
    refreshes = []
    window.documents_changed.connect(lambda: refreshes.append(True))
    window.ops.follow_outside()
    qtbot.waitUntil(lambda: window.library.table.model().rowCount() == before + 50)
    assert len(refreshes) == 1


def test_a_step_run_in_a_worker_is_told_once(window, qtbot):
    """A step the window ran on a worker's connection is told when the worker is done, and is no news to the next
    look for other connections' changes."""
    document_id = window.workspace.documents.list()[0].id
    told = []
    window.ops.changes_applied.connect(told.append)
    task = window.ops.run_in_background("Add annotation", lambda workspace: workspace.annotations.create(
        document_id, 0, 10, note="from a worker"))
    with qtbot.waitSignal(task.finished):
        pass
    qtbot.waitUntil(lambda: len(told) == 1)
    assert window.workspace.outside.since_last().empty


def test_a_failing_look_is_said_once(window, monkeypatch):
    """When looking for other connections' changes fails (a disk gone, say), the status bar says so once, not every
    second; after a good look, a new failure is said again."""
    from reader.core.errors import ReaderError

    said = []
    window.events.failed.connect(said.append)
    outside = window.workspace.outside
    monkeypatch.setattr(outside, "since_last", lambda: (_ for _ in ()).throw(ReaderError("disk I/O error")))
    for _ in range(3):
        window.ops.follow_outside()
    assert said == ["disk I/O error"]
    monkeypatch.undo()
    window.ops.follow_outside()
    monkeypatch.setattr(outside, "since_last", lambda: (_ for _ in ()).throw(ReaderError("disk I/O error")))
    window.ops.follow_outside()
    assert said == ["disk I/O error", "disk I/O error"]


def test_a_file_imported_again_elsewhere_shows_its_new_text(window, qtbot, other, tmp_path):
    """A document open in a pane and imported again in its corrected form by the command line shows the new text,
    with its note moved onto it; Edit > Undo offers to take the new text back, and does (a re-import had ended the
    window's undo history, a day's steps beyond reach)."""
    letter = tmp_path / "letter.txt"
    letter.write_text("Genden met Satlin on 15 November 1934 in Moscow.", encoding="utf-8")
    window.workspace.documents.import_paths([letter])
    document_id = window.workspace.documents.resolve("letter.txt").id
    window.ops.run("Add annotation", lambda: window.workspace.annotations.create_at_quote(document_id, "Moscow"))
    pane = window.reading_area.open_document(document_id)
    letter.write_text("Genden met Stalin on 15 November 1934 in Moscow.", encoding="utf-8")
    other.documents.import_paths([letter])
    qtbot.waitUntil(lambda: "met Stalin" in pane.version.text, timeout=5000)
    [note] = window.workspace.annotations.for_document(document_id)
    assert pane.version.text[note.start:note.end] == "Moscow"
    qtbot.waitUntil(lambda: window.ops.undo_text() == "Import a changed file (letter.txt)")
    window.ops.undo()
    qtbot.waitUntil(lambda: "met Satlin" in pane.version.text)
    assert window.ops.undo_text() == "Add annotation"


def test_a_document_imported_elsewhere_joins_the_notebooks_scopes(window, qtbot, other, tmp_path):
    """The Notebook offers notes on a document another program imported (it had listed only those there at its
    first showing, and focusing the new document's pane switched it to the Notebook's own notes)."""
    notebook = window.annotation_panels.notebook.widget()
    letter = tmp_path / "letter.txt"
    letter.write_text("A letter of 1936 from Ulaanbaatar about the purge.", encoding="utf-8")
    other.documents.import_paths([letter])
    new_id = other.documents.resolve("letter.txt").id
    qtbot.waitUntil(lambda: notebook.scope_box.findData(new_id) >= 0, timeout=5000)


def test_the_window_waits_briefly_for_another_writer_and_says_so(window, other, qtbot):
    """While another program holds the write lock, a change made in the window gives up after a few seconds with
    one line, the window answering again: it had hung without a sign for fifteen seconds (and a user kills a window
    that looks hung)."""
    from reader.ui.app import WINDOW_BUSY_WAIT_S

    document_id = window.workspace.documents.list()[0].id
    window.workspace.wait_for_backup()
    other.db.conn.execute("BEGIN IMMEDIATE")
    try:
        assert window.ops.run("Add annotation", lambda: window.workspace.annotations.create(document_id, 0, 5)) is None
    finally:
        other.db.conn.execute("ROLLBACK")
    assert WINDOW_BUSY_WAIT_S < 5
    qtbot.waitUntil(lambda: f"busy for {WINDOW_BUSY_WAIT_S:g} s" in window.statusBar().currentMessage())


def test_an_undo_and_a_new_step_elsewhere_between_two_looks_are_both_told(window, other):
    """Another connection undid the window's newest step and made a new one between two looks: the new step took
    the undone one's id, so the window saw nothing (the undone highlight stayed painted, its id now another's)."""
    first, second = (info.id for info in window.workspace.documents.list()[:2])
    window.ops.run("Add annotation", lambda: window.workspace.annotations.create(first, 0, 10))
    assert window.workspace.outside.since_last().empty
    other.history.undo()
    other.run("Add annotation", lambda: other.annotations.create(second, 30, 40))
    told = window.workspace.outside.since_last()
    assert told.annotation_documents == {first, second}
    assert [step.label for step in other.history.steps()][:2] == ["Add annotation", "Import 5 files"]  # not the undone


def test_names_recognised_by_another_process_reach_the_entities_panels(window, other):
    """The command line brings the register up to date before it prints (a document deleted there, then
    `register`): the window was never told, and its Entities panels kept the deleted document's mentions."""
    window.workspace.entities.recognise()
    window.workspace.outside.since_last()
    other.documents.delete(other.documents.list()[0].id)
    assert window.workspace.outside.since_last().register
    other.entities.ensure_current()
    assert window.workspace.outside.since_last().register
