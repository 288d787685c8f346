"""What a user typed and did not save is never thrown away: moving to another highlight, note or document saves it
(one undoable step, as Save would), a refresh of the same item keeps it, and so does closing the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.ui.annotations.notebook_panel import NotebookPanel
from reader.ui.annotations.source_criticism import SourceCriticismPanel
from reader.ui.app import build_window, settings_for


def _two_highlights(window):
    document_id = window.workspace.documents.list()[0].id
    first = window.workspace.annotations.create(document_id, 0, 20, note="first thought")
    second = window.workspace.annotations.create(document_id, 40, 60, note="")
    pane = window.reading_area.open_document(document_id)
    return pane, first, second


def _type_at_end(qtbot, editor, text: str) -> None:
    editor.source.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.source, text)


def _typed_while_another_program_changes(window, qtbot, typed: str, change):
    """`typed` added, unsaved, to the first highlight's note, then `change(other, first, second)` made by another
    program on the same library; returns the pane, both highlights and the Note panel."""
    from reader.core.workspace import Workspace

    pane, first, second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, typed)
    other = Workspace.open(window.workspace.path, backup=False)
    change(other, first, second)
    other.close()
    return pane, first, second, inspector


def _saved_then_typed(window, qtbot):
    """The first highlight's note saved with ", saved" added, then ", then typed" added, unsaved; returns the
    highlight and the Note panel."""
    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, ", saved")
    inspector._save_note(inspector.editor.text())
    _type_at_end(qtbot, inspector.editor, ", then typed")
    return first, inspector


def _choose(pane, row: int) -> None:
    pane.sidebar._on_item_clicked(pane.sidebar.annotation_list.item(row))


def _has_draft(settings, slot: str) -> bool:
    """Whether this process keeps a draft in `slot` (keys end in the process id)."""
    import os

    return settings.contains(f"drafts/{slot}-{os.getpid()}")


def _typing_on_the_first_highlight(qtbot, workspace, typed: str):
    """A window of its own (the test closes it) with `typed` added, unsaved, to the first highlight's note."""
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    window.show()
    pane, first, _second = _two_highlights(window)
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, typed)
    return window, first


def test_a_note_typed_then_another_highlight_chosen_is_saved(window, qtbot):
    """Typing a note and clicking another highlight without Save keeps the note on the first, undoably."""
    pane, first, second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " and a second")
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).note == "first thought and a second"
    assert inspector.annotation.id == second.id and inspector.editor.text() == ""
    assert window.workspace.history.next_undo() == "Edit note"
    window.ops.undo()
    assert window.workspace.annotations.get(first.id).note == "first thought"


def test_a_note_being_typed_survives_a_refresh_of_its_highlight(window, qtbot):
    """Changing the highlight's colour while its note is typed (the inspector reads it again) keeps the typing."""
    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " still typing")
    inspector.colors["pink"].click()
    assert window.workspace.annotations.get(first.id).color == "pink"
    assert inspector.editor.text() == "first thought still typing"
    assert window.workspace.annotations.get(first.id).note == "first thought"  # not saved behind the user's back


def test_closing_the_window_saves_a_note_being_typed(qtbot, workspace):
    """A note typed and not saved when the window closes is saved, not lost."""
    window, first = _typing_on_the_first_highlight(qtbot, workspace, ", written last")
    window.close()
    assert workspace.annotations.get(first.id).note == "first thought, written last"


def test_notebook_note_deleted_while_typing_goes_to_the_trash_as_written(qtbot, workspace, events, stack):
    """Typing in a Notebook note, then Delete: the note went to the Trash without the typing, and Restore gave it back
    as last saved (audit DB F2). The typing is saved first (Undo takes back the deletion, then the typing)."""
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    note_id = panel.current_note().id
    qtbot.keyClicks(panel.editor.source, "The dates differ")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(note.id != note_id for note in panel._notes))
    workspace.trash.restore("note", note_id)
    assert workspace.notebook.get(note_id).body == "The dates differ"


def test_notebook_note_rewritten_elsewhere_is_not_deleted_unseen(qtbot, workspace, events, stack):
    """Delete on a note another program rewrote while it was typed in: the typing went apart as "Recovered: …", and
    the rewritten note, never seen, went to the Trash while the line said its new text was shown (audit DC 5). The
    typing goes apart, the other's text is shown, and nothing is deleted; a note deleted elsewhere is said so."""
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    told = []
    events.failed.connect(told.append)
    events.told.connect(told.append)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    note_id = panel.current_note().id
    qtbot.keyClicks(panel.editor.source, "my typing")
    workspace.notebook.edit(note_id, body="theirs", title="", citations=(), was=("", ""))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.notebook.get(note_id).body == "theirs"
    assert any("my typing" in note.body for note in workspace.notebook.all_notes()), workspace.notebook.all_notes()
    assert not any("no note with id" in line for line in told)
    told.clear()  # deleted elsewhere: said so, not "its new text is shown" (audit DE 3)
    qtbot.keyClicks(panel.editor.source, " more")
    workspace.trash.delete("note", note_id)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert any("deleted elsewhere" in line for line in told), told
    told.clear()  # another program wrote exactly what was typed: the delete goes ahead (audit DE 4)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    other = panel.current_note().id
    qtbot.keyClicks(panel.editor.source, "same")
    workspace.notebook.edit(other, body="same", title="", citations=(), was=("", ""))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert other not in {note.id for note in workspace.notebook.all_notes()}
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)  # the body written as typed, the title typed
    third = panel.current_note().id  # not: each field as it began or as typed goes ahead (audit DF 2)
    panel.title_edit.setText("Mine")
    qtbot.keyClicks(panel.editor.source, "same again")
    workspace.notebook.edit(third, body="same again", citations=(), was=("", ""))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert third not in {note.id for note in workspace.notebook.all_notes()}
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)  # nothing typed: a note rewritten unseen is shown,
    fourth = panel.current_note().id  # not deleted; one deleted elsewhere is said so, not "no note with id"
    workspace.notebook.edit(fourth, body="written elsewhere", citations=())  # (audit DF 4, 6)
    told.clear()
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert workspace.notebook.get(fourth).body == "written elsewhere" and panel.editor.text() == "written elsewhere"
    workspace.trash.delete("note", fourth)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert told and not any("no note with id" in line for line in told), told


def test_notebook_keeps_typing_when_citing_and_switching(qtbot, workspace, events, stack):
    """A notebook note's typed text survives citing a passage (the citation saves it), and choosing another note
    saves what was typed into the first."""
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    first_id = panel.current_note().id
    qtbot.keyClicks(panel.editor.source, "The dates differ")
    highlight = workspace.annotations.create_at_quote(workspace.documents.list()[0].id, "Genden")
    panel.cite(highlight.id)
    assert panel.editor.text() == "The dates differ" and panel.citation_list.count() == 1
    assert workspace.notebook.get(first_id).body == "The dates differ"
    _type_at_end(qtbot, panel.editor, " by nine days")
    panel.title_edit.setText("Meeting")
    other_row = next(row for row in range(panel.note_list.count()) if panel._notes[row].id != first_id)
    panel.note_list.setCurrentRow(other_row)
    kept = workspace.notebook.get(first_id)
    assert (kept.title, kept.body, len(kept.citations)) == ("Meeting", "The dates differ by nine days", 1)
    assert panel.editor.text() == ""


def _criticism_typed(qtbot, workspace, events, stack):
    """The Source criticism panel on the first document, "1990" typed as its date written and not saved."""
    first, second = (d.id for d in workspace.documents.list()[:2])
    panel = SourceCriticismPanel(workspace.sources, stack, events, workspace.documents)
    qtbot.addWidget(panel)
    panel.show_document(first)
    qtbot.keyClicks(panel.date_written, "1990")
    return panel, first, second


def test_source_criticism_typed_then_another_document_is_saved(qtbot, workspace, events, stack):
    """Fields typed for one document are saved when the panel moves to another."""
    panel, first, second = _criticism_typed(qtbot, workspace, events, stack)
    panel.show_document(second)
    assert workspace.sources.get(first).date_written == "1990" and panel.date_written.text() == ""


def test_metadata_typed_then_another_document_is_saved(window, qtbot):
    """An author typed in the metadata panel is saved when another document is selected in the library."""
    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    qtbot.keyClicks(window.metadata.line_edits["author"], "Anonymous")
    window.library.table.selectRow(1)
    qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    second = window.library.selected_document_id()
    assert window.workspace.documents.get(first).metadata.author == "Anonymous"
    assert window.metadata.line_edits["author"].text() == window.workspace.documents.get(second).metadata.author


def test_tags_typed_then_another_highlight_chosen_are_applied(window, qtbot):
    """Tags typed without Enter are applied when another highlight is chosen (one undoable step), and stay typed
    while the same highlight is read again."""
    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    qtbot.keyClicks(inspector.tags, "banquet, wine")
    inspector.colors["green"].click()
    assert inspector.tags.text() == "banquet, wine"
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).tags == ("banquet", "wine")
    assert inspector.tags.text() == ""


def test_closing_the_correction_editor_asks_before_dropping_corrections(qtbot, monkeypatch):
    """Cancel (or Escape) on a corrected text asks first; No goes back to the corrections, Yes drops them. Nothing
    changed: it closes without asking."""
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.reading.correct_dialog import CorrectTextDialog

    asked = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: (asked.append(True), answer)[1])
    dialog = CorrectTextDialog("Genden met Satlin.")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert not asked and not dialog.isVisible()
    dialog.show()
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.editor, " (Stalin)")
    dialog.reject()
    assert asked and dialog.isVisible() and dialog.text().endswith("(Stalin)")
    answer = QMessageBox.StandardButton.Yes
    dialog.reject()
    assert not dialog.isVisible()


def test_metadata_typing_and_a_change_elsewhere_both_survive(window, qtbot):
    """An author being typed while the title changes elsewhere (another process, an undo): the new title shows, the
    typing stays, and saving it does not put the old title back."""
    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    qtbot.keyClicks(window.metadata.line_edits["author"], "Anonymous")
    window.ops.run("Edit metadata", lambda: window.workspace.documents.update_metadata(first, {"title": "Renamed"}))
    qtbot.waitUntil(lambda: window.metadata.line_edits["title"].text() == "Renamed")
    assert window.metadata.line_edits["author"].text() == "Anonymous"
    window.library.table.selectRow(1)
    qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    kept = window.workspace.documents.get(first).metadata
    assert (kept.title, kept.author) == ("Renamed", "Anonymous")


def test_source_criticism_typing_and_a_change_elsewhere_both_survive(qtbot, workspace, events, stack):
    """A date being typed while the reliability changes elsewhere: both are kept."""
    panel, first, second = _criticism_typed(qtbot, workspace, events, stack)
    stack.run("Edit source criticism", lambda: workspace.sources.update(first, reliability=4))
    assert panel.reliability.value() == 4 and panel.date_written.text() == "1990"
    panel.show_document(second)
    kept = workspace.sources.get(first)
    assert (kept.date_written, kept.reliability) == ("1990", 4)


def test_a_note_typed_on_a_highlight_undone_elsewhere_comes_back_with_its_redo(window, qtbot):
    """Another program undoing the highlight whose note is being typed cannot take the typing with it, nor may the
    window's keeping of it end the Redo (a Notebook note made then had made the highlight unrecoverable): the typing
    is kept as a draft, said in the status bar, and the Redo brings it back into the editor with its highlight."""
    from reader.core.workspace import Workspace

    document_id = window.workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    pane = window.reading_area.open_document(document_id)
    elsewhere = Workspace.open(window.workspace.path)
    highlight = elsewhere.annotations.create_at_quote(document_id, "slapped Stalin in public", note="headline")
    qtbot.waitUntil(lambda: pane.sidebar.annotation_list.count() == 1, timeout=5000)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    assert inspector.annotation.id == highlight.id
    _type_at_end(qtbot, inspector.editor, " -- attested only here")
    elsewhere.history.undo()
    qtbot.waitUntil(lambda: inspector.annotation is None, timeout=5000)
    assert "kept" in window.statusBar().currentMessage() and window.workspace.notebook.all_notes() == []
    assert inspector.left_behind()["text"] == "headline -- attested only here"
    elsewhere.history.redo()
    elsewhere.close()
    qtbot.waitUntil(lambda: inspector.annotation is not None, timeout=5000)
    assert inspector.editor.text() == "headline -- attested only here" and inspector.editor.unsaved() is not None


def test_typing_on_a_highlight_that_never_came_back_is_kept_in_the_notebook(window, qtbot):
    """Left behind by an undo and never redone, the typing goes to the Notebook at the next start, on its document,
    titled by the passage it was about."""
    from reader.core.workspace import Workspace

    document_id = window.workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    pane = window.reading_area.open_document(document_id)
    elsewhere = Workspace.open(window.workspace.path)
    elsewhere.annotations.create_at_quote(document_id, "slapped Stalin in public", note="headline")
    qtbot.waitUntil(lambda: pane.sidebar.annotation_list.count() == 1, timeout=5000)
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, " -- attested only here")
    elsewhere.history.undo()
    elsewhere.close()
    qtbot.waitUntil(lambda: window.annotation_panels.inspector.widget().annotation is None, timeout=5000)
    qtbot.waitUntil(lambda: _has_draft(window.settings, "note-left-behind"))
    second, again = _restart(qtbot, window.workspace)
    qtbot.waitUntil(lambda: again.notebook.all_notes() != [])
    [kept] = again.notebook.all_notes()
    assert kept.title == "Recovered: note on “slapped Stalin in public”" and kept.document_id == document_id
    assert kept.body.startswith("headline -- attested only here")
    second.close()
    again.close()


def test_deleting_a_highlight_while_typing_its_note_keeps_the_typing_for_undo(window, qtbot):
    """Delete in the Note inspector saves what was typed first, so Undo brings the note back as written; the Notebook
    is not given a copy (the user removed the highlight on purpose)."""
    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " and more")
    inspector.delete_button.click()
    assert inspector.annotation is None and window.workspace.notebook.all_notes() == []
    window.ops.undo()
    assert window.workspace.annotations.get(first.id).note == "first thought and more"


def _restart(qtbot, workspace):
    """A second start on the same database, as after a crash (the first window was never closed)."""
    from reader.core.workspace import Workspace

    again = Workspace.open(workspace.path)
    window = build_window(again, settings_for(workspace.path))
    qtbot.addWidget(window)
    window.show()
    return window, again


def test_a_note_being_typed_survives_a_crash_on_its_highlight(window, qtbot):
    """Typing is kept in the session file a moment after it stops; a start after a crash (the window never closed)
    saves it on its highlight, as the clean close would have, and says so."""
    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " typed for ten minutes")
    qtbot.waitUntil(lambda: _has_draft(window.settings, "note"))
    second, again = _restart(qtbot, window.workspace)
    qtbot.waitUntil(lambda: again.annotations.get(first.id).note == "first thought typed for ten minutes")
    assert again.notebook.all_notes() == [] and "on its highlight" in second.statusBar().currentMessage()
    assert not _has_draft(second.settings, "note")
    second.close()
    again.close()


def test_a_draft_whose_note_changed_meanwhile_overwrites_nothing(window, qtbot):
    """A note another hand changed after the typing began is left as it is: the draft becomes a Notebook note."""
    pane, first, _second = _two_highlights(window)
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, " typed here")
    qtbot.waitUntil(lambda: _has_draft(window.settings, "note"))
    second, again = _restart_after(qtbot, window.workspace, lambda w: w.annotations.set_note(first.id, "elsewhere"))
    qtbot.waitUntil(lambda: again.notebook.all_notes() != [])
    assert again.annotations.get(first.id).note == "elsewhere"
    assert again.notebook.all_notes()[0].body.startswith("first thought typed here")
    second.close()
    again.close()


def test_a_note_changed_elsewhere_while_typed_here_keeps_both(window, qtbot):
    """A note rewritten from the command line while the window had typing on it was written over, silently, when the
    user moved on (and a crash then restored the typing over it): the window shows the other's note and keeps the
    typing as a Notebook note, and says so."""
    pane, first, _second, inspector = _typed_while_another_program_changes(window, qtbot, " typed here", lambda other,
        first, _second: other.run("Edit note", lambda: other.annotations.set_note(first.id, "rewritten elsewhere")))
    qtbot.waitUntil(lambda: inspector.editor.text() == "rewritten elsewhere", timeout=5000)
    [kept] = window.workspace.notebook.all_notes()
    assert kept.body.startswith("first thought typed here") and "Notebook" in window.statusBar().currentMessage()
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).note == "rewritten elsewhere"
    assert not _has_draft(window.settings, "note") or inspector.draft() is None


def _restart_after(qtbot, workspace, change):
    """A restart after a crash, `change` made to the database first (by a script, say)."""
    from reader.core.workspace import Workspace

    script = Workspace.open(workspace.path, backup=False)
    change(script)
    script.close()
    return _restart(qtbot, workspace)


def test_a_note_saved_on_closing_leaves_no_draft_behind(qtbot, workspace):
    """The clean close saves the typing and forgets its draft: the next start recovers nothing."""
    window, first = _typing_on_the_first_highlight(qtbot, workspace, ", written last")
    qtbot.waitUntil(lambda: _has_draft(window.settings, "note"))
    window.close()
    assert workspace.annotations.get(first.id).note == "first thought, written last"
    assert not _has_draft(settings_for(workspace.path), "note")


def test_a_note_the_database_refused_on_closing_comes_back_at_the_next_start(qtbot, workspace, monkeypatch):
    """A write refused when the window closes (a read-only file, a full disk) had thrown the typing away without a
    word; its draft stays and the next start, the database writable again, saves it on its highlight."""
    from reader.core.annotations.service import AnnotationService
    from reader.core.errors import ReaderError

    window, first = _typing_on_the_first_highlight(qtbot, workspace, " refused")

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    with monkeypatch.context() as refused:
        refused.setattr(AnnotationService, "set_note", refuse)
        window.close()
    assert _has_draft(settings_for(workspace.path), "note")
    second, again = _restart(qtbot, workspace)
    qtbot.waitUntil(lambda: again.annotations.get(first.id).note == "first thought refused")
    second.close()
    again.close()


def test_a_notebook_note_being_typed_survives_a_crash(window, qtbot):
    """The Notebook's typing is kept the same way as a highlight's note, and comes back after a crash in the note
    it was typed in, title and all (it had come back as a second note under a long generic title, the first left
    empty)."""
    notebook = window.annotation_panels.notebook.widget()
    qtbot.mouseClick(notebook.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(notebook.title_edit, "Meeting dates")
    qtbot.keyClicks(notebook.editor.source, "The two dates cannot both be right")
    qtbot.waitUntil(lambda: _has_draft(window.settings, "notebook"))
    second, again = _restart(qtbot, window.workspace)
    qtbot.waitUntil(lambda: again.notebook.all_notes()[0].body != "")
    [note] = again.notebook.all_notes()
    assert (note.title, note.body) == ("Meeting dates", "The two dates cannot both be right")
    second.close()
    again.close()


def test_a_notebook_note_changed_elsewhere_while_typed_here_keeps_both(window, qtbot):
    """A Notebook note rewritten from the command line while the window had typing in it is shown as rewritten, and
    the typing is kept as a note of its own: saved on moving on, it wrote over the other's text."""
    from reader.core.workspace import Workspace

    notebook = window.annotation_panels.notebook.widget()
    qtbot.mouseClick(notebook.new_button, Qt.MouseButton.LeftButton)
    note_id = notebook.current_note().id
    qtbot.keyClicks(notebook.editor.source, "Typed here")
    other = Workspace.open(window.workspace.path, backup=False)
    other.run("Edit notebook note", lambda: other.notebook.edit(note_id, body="Written elsewhere", title=""))
    other.close()
    qtbot.waitUntil(lambda: notebook.editor.text() == "Written elsewhere", timeout=5000)
    bodies = sorted(note.body.split("\n\n")[0] for note in window.workspace.notebook.all_notes())
    assert bodies == ["Typed here", "Written elsewhere"]
    notebook.keep_unsaved()
    assert window.workspace.notebook.get(note_id).body == "Written elsewhere"


def test_a_draft_of_another_window_still_open_is_left_to_it(qtbot, workspace, events):
    """Two windows on one database keep a draft each (one had overwritten the other's) and a start recovers only
    drafts whose window is gone: one still running saves its own."""
    import json
    import subprocess
    import sys

    from reader.ui.drafts import recover_drafts
    from reader.ui.operations import OpRunner
    from reader.ui.workers import TaskRunner

    settings = settings_for(workspace.path)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    note = workspace.notebook.create("", "", None)
    for pid, text in ((running.pid, "still being written"), (finished.pid, "left by a crash")):
        settings.setValue(f"drafts/notebook-{pid}", json.dumps({"note_id": note.id, "text": text, "title": "",
                                                                "base": "", "base_title": ""}))
    told = []
    try:
        recover_drafts(settings, workspace, OpRunner(workspace, events, TaskRunner(workspace.path)), told.append)
        assert workspace.notebook.get(note.id).body == "left by a crash"
        assert settings.contains(f"drafts/notebook-{running.pid}")
        assert not settings.contains(f"drafts/notebook-{finished.pid}")
    finally:
        running.kill()


def test_a_tag_renamed_elsewhere_shows_renamed_and_is_not_written_back(window, qtbot):
    """Tags typed in another case than a tag in use are stored under that tag; the box then reads as stored. A rename
    in Manage tags shows in the inspector at once: choosing another highlight had written the old name back, an
    edit never made, half undoing the rename."""
    pane, first, second = _two_highlights(window)
    window.workspace.annotations.set_tags(second.id, ["lamas"])
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    qtbot.keyClicks(inspector.tags, "repression, Lamas")  # in any order: a note's tags are a set, kept by name
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    assert window.workspace.annotations.get(first.id).tags == ("lamas", "repression")
    assert inspector.tags.text() == "lamas, repression"
    _type_at_end(qtbot, inspector.editor, " (typed, not saved)")  # the note being typed: the tags follow all the same
    window.ops.run("Rename tag", lambda: window.workspace.tags.rename("lamas", "buddhist-clergy"))
    assert inspector.tags.text() == "buddhist-clergy, repression"
    assert inspector.editor.text().endswith("(typed, not saved)")
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).tags == ("buddhist-clergy", "repression")
    assert window.workspace.history.steps()[0].label == "Edit note"  # the typing saved; no 'Edit tags' never made
    assert [t.name for t in window.workspace.tags.all()] == ["buddhist-clergy", "repression"]


def test_a_note_being_typed_is_saved_before_its_document_goes_to_the_trash(window, qtbot, monkeypatch):
    """Delete document… saves the note typed on one of its highlights first, as its own step, as Delete highlight
    does: the typing had gone to the Trash unsaved, with a line blaming an undo and pointing at Redo."""
    from PySide6.QtWidgets import QMessageBox

    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " and a second")
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.delete_document(pane.document_id)
    steps = [step.label for step in window.workspace.history.steps()][:2]
    assert steps == ["Delete document", "Edit note"]
    window.ops.undo()
    assert window.workspace.annotations.get(first.id).note == "first thought and a second"


def test_typing_nothing_could_keep_is_not_dropped_by_closing(qtbot, workspace, monkeypatch):
    """A full disk refuses the database and the session file beside it alike: closing had thrown the typing away
    without a word. The window asks first, quoting it; kept open, the typing is still there to copy."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.annotations.service import AnnotationService
    from reader.core.errors import ReaderError
    from reader.core.storage.database import session_file

    session_file(workspace.path).mkdir()  # nothing can be written where the session file goes
    window, _first = _typing_on_the_first_highlight(qtbot, workspace, " kept?")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.No)

    def refuse(*_args, **_kwargs):
        raise ReaderError("the disk holding annotations.db is full; nothing was changed")

    monkeypatch.setattr(AnnotationService, "set_note", refuse)
    window.close()
    assert asked and "first thought kept?" in asked[0] and "disk" in asked[0]
    assert window.isVisible()
    assert window.annotation_panels.inspector.widget().editor.text() == "first thought kept?"
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.close()  # asked again, the reader lets it go
    assert not window.isVisible()


def test_a_note_typed_and_not_saved_is_in_the_export(window, qtbot, monkeypatch):
    """File > Export wrote the notes as stored, not the one being typed (the editor still showed it, so the
    historian took it to be in the file they handed on): what was typed is saved first, as on every other move."""
    from reader.ui.export_dialog import ExportDialog

    pane, first, _second = _two_highlights(window)
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, ": the slap story")
    exported = []
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: exported.append(
        window.workspace.annotations.get(first.id).note))
    window.export_action.trigger()
    assert exported == ["first thought: the slap story"]


def test_a_note_with_non_breaking_spaces_shown_and_left_is_not_rewritten(window, qtbot):
    """A note holding a non-breaking space ("10 000 horses", typeset French, Russian, Mongolian) was rewritten by
    merely being shown: the box gave it back with plain spaces, so it counted as typed, and moving on saved it, an
    "Edit note" nobody made. Shown and left, it stays; edited, it keeps its non-breaking spaces."""
    document_id = window.workspace.documents.list()[0].id
    first = window.workspace.annotations.create(document_id, 0, 20, note="Cavalry: 10\u00a0000 horses, §\u00a012")
    window.workspace.annotations.create(document_id, 40, 60, note="")
    pane = window.reading_area.open_document(document_id)
    steps = len(window.workspace.history.steps())
    _choose(pane, 0)
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).note == "Cavalry: 10\u00a0000 horses, §\u00a012"
    assert len(window.workspace.history.steps()) == steps
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, " (p. 4)")
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).note == "Cavalry: 10\u00a0000 horses, §\u00a012 (p. 4)"


def test_correcting_a_typo_changes_no_other_character(qtbot):
    """Correct text… gave back the whole text with every non-breaking space made a space and each line separator a
    new line: only what the historian edits changes."""
    from reader.ui.reading.correct_dialog import CorrectTextDialog

    text = "The caravan reachd Kobdo with 10\u00a0000 sheep (§\u00a012).\u2028Second line.\n\n«\u00a0Ourga\u00a0»\n"
    dialog = CorrectTextDialog(text)
    qtbot.addWidget(dialog)
    cursor = dialog.editor.textCursor()
    cursor.setPosition(text.index("reachd") + 5)
    cursor.insertText("e")
    assert dialog.text() == text.replace("reachd", "reached")


def test_moving_on_right_after_a_note_was_rewritten_elsewhere_keeps_both(window, qtbot):
    """Choosing another highlight in the second before the window looks at the database again wrote the typing
    over the note the command line had just rewritten; the save now finds the change and keeps the typing apart."""
    from reader.core.workspace import Workspace

    pane, first, _second = _two_highlights(window)
    _choose(pane, 0)
    _type_at_end(qtbot, window.annotation_panels.inspector.widget().editor, " typed here")
    elsewhere = Workspace.open(window.workspace.path, backup=False)
    elsewhere.annotations.set_note(first.id, "rewritten elsewhere")
    elsewhere.close()
    _choose(pane, 1)  # at once: no event is handled in between
    assert window.workspace.annotations.get(first.id).note == "rewritten elsewhere"
    [kept] = window.workspace.notebook.all_notes()
    assert kept.body.startswith("first thought typed here") and "Notebook" in window.statusBar().currentMessage()


def _refusing_notes(monkeypatch):
    from reader.core.annotations.service import AnnotationService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    monkeypatch.setattr(AnnotationService, "set_note", refuse)


def test_typing_the_database_refused_on_moving_on_is_kept(qtbot, workspace, monkeypatch):
    """A read-only library refused the save when another highlight was chosen, and the typing was gone (the editor
    showed the other note, no draft kept it): it is held, said in the line with the refusal, back in the editor on
    returning to its highlight, and saved by the next start that can write."""
    window, first = _typing_on_the_first_highlight(qtbot, workspace, " refused")
    pane = window.reading_area.panes[0]
    inspector = window.annotation_panels.inspector.widget()
    with monkeypatch.context() as refused:
        _refusing_notes(refused)
        _choose(pane, 1)
        message = window.statusBar().currentMessage()
        assert "read-only" in message and "kept" in message and inspector.editor.text() == ""
        qtbot.waitUntil(lambda: _has_draft(window.settings, "note-held"))
        _choose(pane, 0)
        assert inspector.editor.text() == "first thought refused" and inspector.editor.unsaved() is not None
        _choose(pane, 1)
        qtbot.waitUntil(lambda: _has_draft(window.settings, "note-held"))
    second, again = _restart(qtbot, workspace)
    qtbot.waitUntil(lambda: again.annotations.get(first.id).note == "first thought refused")
    second.close()
    again.close()
    window.close()


def _two_notebook_notes(qtbot, window, typed: str):
    """Two Notebook notes, `typed` typed into the first and not saved."""
    notebook = window.annotation_panels.notebook.widget()
    for title in ("Second", "First"):
        window.workspace.notebook.create("", title)
    notebook.refresh()
    rows = {note.title: row for row, note in enumerate(notebook._notes)}
    notebook.note_list.setCurrentRow(rows["First"])
    qtbot.keyClicks(notebook.editor.source, typed)
    return notebook, notebook.current_note().id, rows


def test_a_notebook_note_rewritten_elsewhere_just_before_moving_on_keeps_both(window, qtbot):
    """The Notebook's save on choosing another note wrote over a note the command line had rewritten in the second
    before the window looked; the typing is now kept as a note of its own."""
    from reader.core.workspace import Workspace

    notebook, note_id, rows = _two_notebook_notes(qtbot, window, "Typed here")
    other = Workspace.open(window.workspace.path, backup=False)
    other.run("Edit notebook note", lambda: other.notebook.edit(note_id, body="Written elsewhere"))
    other.close()
    notebook.note_list.setCurrentRow(rows["Second"])  # at once: no event is handled in between
    assert window.workspace.notebook.get(note_id).body == "Written elsewhere"
    assert any(note.body.startswith("Typed here") for note in window.workspace.notebook.all_notes())


def test_notebook_typing_the_database_refused_on_moving_on_is_kept(window, qtbot, monkeypatch):
    """Choosing another Notebook note when the library refused the save lost the typing; it is held, back in the
    editor when its note is chosen again, and kept in the session file for the next start."""
    from reader.core.annotations.notebook import NotebookService
    from reader.core.errors import ReaderError

    notebook, note_id, rows = _two_notebook_notes(qtbot, window, "Typed here")

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    with monkeypatch.context() as refused:
        refused.setattr(NotebookService, "edit", refuse)
        notebook.note_list.setCurrentRow(rows["Second"])
        assert "kept" in window.statusBar().currentMessage() and notebook.editor.text() == ""
        qtbot.waitUntil(lambda: _has_draft(window.settings, "notebook-held"))
        notebook.note_list.setCurrentRow(rows["First"])
        assert notebook.editor.text() == "Typed here" and notebook.draft() is not None
        notebook.note_list.setCurrentRow(rows["Second"])
    second, again = _restart(qtbot, window.workspace)
    qtbot.waitUntil(lambda: again.notebook.get(note_id).body == "Typed here")
    second.close()
    again.close()


def test_metadata_the_database_refused_on_moving_on_comes_back_with_its_document(window, qtbot, monkeypatch):
    """An author typed, then another document chosen, on a read-only library: the typing was gone. It is held, put
    back when its document is shown again, and the close asks before dropping it."""
    from reader.core.documents.service import DocumentService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    monkeypatch.setattr(DocumentService, "update_metadata", refuse)
    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    qtbot.keyClicks(window.metadata.line_edits["author"], "Anonymous")
    window.library.table.selectRow(1)
    qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    assert "kept" in window.statusBar().currentMessage()
    window.library.table.selectRow(0)
    qtbot.waitUntil(lambda: window.library.selected_document_id() == first)
    assert window.metadata.line_edits["author"].text().endswith("Anonymous")
    window.library.table.selectRow(1)
    qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    asked = []
    monkeypatch.setattr(type(window), "_may_lose", lambda self, texts: asked.extend(texts) or False)
    window.close()
    assert any("Anonymous" in text for text in asked) and window.isVisible()
    monkeypatch.undo()  # the library writable again: back on its document, the typing is saved on leaving it
    window.library.table.selectRow(0)
    qtbot.waitUntil(lambda: window.library.selected_document_id() == first)
    window.library.table.selectRow(1)
    qtbot.waitUntil(lambda: window.workspace.documents.get(first).metadata.author.endswith("Anonymous"))


def test_source_criticism_the_database_refused_on_moving_on_comes_back(qtbot, workspace, events, stack,
                                                                      monkeypatch):
    """The same for Source criticism: a date typed, another document chosen, the save refused: held and put back."""
    from reader.core.annotations.sources import SourceCriticismService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    monkeypatch.setattr(SourceCriticismService, "set", refuse)
    panel, first, second = _criticism_typed(qtbot, workspace, events, stack)
    panel.show_document(second)
    assert panel.date_written.text() == "" and panel._held.texts()
    panel.show_document(first)
    assert panel.date_written.text() == "1990" and not panel._held.texts()


def test_moving_on_right_after_the_highlight_was_deleted_elsewhere_keeps_the_typing(window, qtbot):
    """The highlight deleted by the command line in the second before the window looked: the save on moving on
    failed with 'no annotation with id 8', and the typing was held for a highlight nobody could choose again. It is
    left behind as for a removal seen in time: Undo of the deletion brings it back, else the Notebook keeps it."""
    from reader.core.workspace import Workspace

    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " typed here")
    elsewhere = Workspace.open(window.workspace.path, backup=False)
    elsewhere.run("Delete annotation", lambda: elsewhere.annotations.delete(first.id))
    elsewhere.close()
    _choose(pane, 1)  # at once
    assert inspector.left_behind()["text"] == "first thought typed here" and inspector.held() is None
    assert "gone" in window.statusBar().currentMessage()


def test_the_notebooks_save_and_cite_write_over_no_note_rewritten_elsewhere(window, qtbot):
    """Save (Ctrl+Return) and Cite in the Notebook wrote the typing over a note the command line had rewritten in
    the second before the window looked: the other's text stays, the typing becomes a note of its own, and a
    citation is refused, to be made again, never saved over theirs."""
    from reader.core.workspace import Workspace

    notebook, note_id, _rows = _two_notebook_notes(qtbot, window, "Typed here")

    def rewrite(body: str) -> None:
        other = Workspace.open(window.workspace.path, backup=False)
        other.run("Edit notebook note", lambda: other.notebook.edit(note_id, body=body))
        other.close()

    rewrite("Written elsewhere")
    notebook.editor.save_button.click()
    assert window.workspace.notebook.get(note_id).body == "Written elsewhere"
    assert sum(note.body.startswith("Typed here") for note in window.workspace.notebook.all_notes()) == 1
    qtbot.waitUntil(lambda: notebook.editor.text() == "Written elsewhere")
    rewrite("Written elsewhere again")
    highlight = window.workspace.annotations.create_at_quote(window.workspace.documents.list()[0].id, "Genden")
    notebook.cite(highlight.id)
    note = window.workspace.notebook.get(note_id)
    assert (note.body, note.citations) == ("Written elsewhere again", ())
    assert "Cite the passage again" in window.statusBar().currentMessage()


def test_tags_changed_elsewhere_while_a_note_and_tags_are_typed_keep_both_once(window, qtbot):
    """Tags rewritten elsewhere while a note and tags were typed, then another highlight chosen: the note was saved,
    the tags refused, and two identical "Recovered" notes were made. Now nothing is written over theirs and the
    typing is kept once."""
    from reader.core.workspace import Workspace

    pane, first, _second = _two_highlights(window)
    inspector = window.annotation_panels.inspector.widget()
    _choose(pane, 0)
    _type_at_end(qtbot, inspector.editor, " typed here")
    qtbot.keyClicks(inspector.tags, "mine")
    elsewhere = Workspace.open(window.workspace.path, backup=False)
    elsewhere.annotations.set_tags(first.id, ["theirs"])
    elsewhere.close()
    _choose(pane, 1)  # at once: the note and the tags are saved on moving on, together or not at all
    stored = window.workspace.annotations.get(first.id)
    assert (stored.note, stored.tags) == ("first thought", ("theirs",))
    assert [note.body.split("\n\n")[0] for note in window.workspace.notebook.all_notes()] == [
        "first thought typed here"]
    _choose(pane, 0)
    assert inspector.editor.text() == "first thought" and inspector.tags.tags() == ("theirs",)


def test_held_metadata_is_not_put_back_over_a_change_made_elsewhere(window, qtbot, monkeypatch):
    """An author held after a refused save, then set by another program: choosing the document again put the held
    author back over theirs, and moving on saved it. Theirs is shown, and the line quotes what was typed."""
    from reader.core.documents.service import DocumentService
    from reader.core.errors import ReaderError
    from reader.core.workspace import Workspace

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    qtbot.keyClicks(window.metadata.line_edits["author"], "Mine")
    with monkeypatch.context() as refused:
        refused.setattr(DocumentService, "update_metadata", refuse)
        window.library.table.selectRow(1)
        qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    elsewhere = Workspace.open(window.workspace.path, backup=False)
    elsewhere.run("Edit metadata", lambda: elsewhere.documents.update_metadata(first, {"author": "Theirs"}))
    elsewhere.close()
    window.library.table.selectRow(0)
    qtbot.waitUntil(lambda: window.library.selected_document_id() == first)
    assert window.metadata.line_edits["author"].text() == "Theirs"
    assert "you had typed author “Mine”" in window.statusBar().currentMessage()


def _metadata_held(window, qtbot, monkeypatch, typed: str) -> int:
    """`typed` added to the first document's author, the save refused on choosing another: held. Returns the first
    document's id; the library is writable again after."""
    from reader.core.documents.service import DocumentService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    qtbot.keyClicks(window.metadata.line_edits["author"], typed)
    with monkeypatch.context() as refused:
        refused.setattr(DocumentService, "update_metadata", refuse)
        window.library.table.selectRow(1)
        qtbot.waitUntil(lambda: window.library.selected_document_id() != first)
    assert "kept" in window.statusBar().currentMessage()
    return first


def test_held_metadata_is_saved_at_closing_once_the_library_takes_it(window, qtbot, monkeypatch):
    """Metadata held after a refused save was asked about at closing even when the library could be written again
    by then (audit BB F6): it is saved then, one undoable step, and nothing is asked."""
    first = _metadata_held(window, qtbot, monkeypatch, "Anonymous")
    asked = []
    monkeypatch.setattr(type(window), "_may_lose", lambda self, texts: asked.extend(texts) or True)
    window.close()
    assert asked == [] and window.workspace.documents.get(first).metadata.author.endswith("Anonymous")


def _closed_over_theirs(window, qtbot, monkeypatch, typed: str) -> tuple[int, list[str]]:
    """`typed` held (see `_metadata_held`), another program setting the author "Theirs" meanwhile, then the window
    closed, the question answered No: the document's id, and the texts the question quoted."""
    from reader.core.workspace import Workspace

    first = _metadata_held(window, qtbot, monkeypatch, typed)
    elsewhere = Workspace.open(window.workspace.path, backup=False)
    elsewhere.run("Edit metadata", lambda: elsewhere.documents.update_metadata(first, {"author": "Theirs"}))
    elsewhere.close()
    asked = []
    monkeypatch.setattr(type(window), "_may_lose", lambda self, texts: asked.extend(texts) or False)
    window.close()
    return first, asked


def test_held_metadata_is_not_saved_at_closing_over_a_change_made_elsewhere(window, qtbot, monkeypatch):
    """...but not over an author another program set meanwhile: the close asks, quoting what was typed."""
    first, asked = _closed_over_theirs(window, qtbot, monkeypatch, "Mine")
    assert any("author: another program set “Theirs” meanwhile; you typed “Mine”" in text for text in asked)
    assert window.isVisible() and window.workspace.documents.get(first).metadata.author == "Theirs"
    window.library.table.selectRow(0)  # its document chosen: theirs shown, the held typing quoted and let go
    qtbot.waitUntil(lambda: "you had typed author “Mine”" in window.statusBar().currentMessage())


def test_a_long_held_typing_over_a_change_made_elsewhere_still_says_theirs(window, qtbot, monkeypatch):
    """Typing held at some length over another program's change: the closing question, cut at its length, showed
    only the typing, never what the other program had set (audit BF F11): each value is cut, theirs said first."""
    _first, [text] = _closed_over_theirs(window, qtbot, monkeypatch, "Anonymous, as the archive's card has it; " * 12)
    assert "author: another program set “Theirs” meanwhile; you typed “Anonymous, as the archive" in text
    assert len(text) < 300
    window.library.table.selectRow(0)  # its document chosen: theirs shown, the held typing quoted and let go
    qtbot.waitUntil(lambda: "you had typed author" in window.statusBar().currentMessage())


def test_held_source_criticism_is_saved_at_closing_once_the_library_takes_it(qtbot, workspace, events, stack,
                                                                           monkeypatch):
    """The same for Source criticism: held after a refused save, saved at closing when the library takes it."""
    from reader.core.annotations.sources import SourceCriticismService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    unkept = []
    panel, first, second = _criticism_typed(qtbot, workspace, events, stack)
    panel._unkept = unkept.append
    with monkeypatch.context() as refused:
        refused.setattr(SourceCriticismService, "set", refuse)
        panel.show_document(second)
    assert panel._held.texts()
    panel.keep_unsaved()
    assert unkept == [] and workspace.sources.get(first).date_written == "1990"


def test_held_reliability_over_another_programs_change_is_quoted_at_closing():
    """Source criticism's reliability is a number, or None when not judged: the closing question's line failed on it
    (audit BG F8, a traceback at closing)."""
    from reader.ui.held_typing import HeldTyping

    for mine, theirs, said in ((4, 2, "another program set “2” meanwhile; you typed “4”"),
                               (None, 2, "another program set “2” meanwhile; you cleared it"),
                               (4, None, "another program cleared it meanwhile; you typed “4”")):
        held = HeldTyping("document_id")
        held.hold_fields(7, {"reliability": mine}, {"reliability": 3}, "refused", "source criticism of x.txt")
        [text] = held.save_fields(lambda _i, theirs=theirs: {"reliability": theirs}, lambda _i, _fields: None)
        assert f"reliability: {said}" in text


def test_held_typing_is_quoted_cut_and_a_cleared_field_said_cleared():
    """Held typing with no clash was quoted raw: a cleared reliability as “None”, a long note whole, hiding the
    fields after it once the question was cut (audit BH F12)."""
    from reader.ui.held_typing import HeldTyping

    held = HeldTyping("document_id")
    held.hold_fields(7, {"reliability": None, "provenance_note": "Copied by hand " * 30, "date_written": "1934"},
                     {"reliability": 3, "provenance_note": "", "date_written": ""}, "refused", "x.txt")
    [text] = held.texts()
    assert "reliability cleared" in text and "date written “1934”" in text and len(text) < 300


def test_held_typing_another_program_set_alike_is_not_asked_about():
    """At closing, typing held over another program's change was asked about even where that program set the very
    value typed, and a cleared field put back over a change read 'you had typed date written cleared' (audit BI
    F8): a field already as typed is settled, and each field is said as typed or cleared."""
    from reader.ui.held_typing import HeldTyping

    held = HeldTyping("document_id")
    held.hold_fields(7, {"date_written": "1934-11-24", "author": "Genden"}, {"date_written": "", "author": "Demid"},
                     "refused", "metadata of 002.txt")
    saved = []
    left = held.save_fields(lambda _id: {"date_written": "1934-11-24", "author": "Demid"},
                            lambda _id, fields: saved.append(fields))
    assert left == [] and saved == [{"date_written": "1934-11-24", "author": "Genden"}]
    held.hold_fields(7, {"date_written": None, "author": "Genden"}, {"date_written": "1934", "author": "Demid"},
                     "refused", "metadata of 002.txt")
    said = []
    held.put_back(7, {"date_written": "1935", "author": "Amar"}, lambda *_: None, said.append)
    assert "you had cleared date written and typed author “Genden”" in said[0]


def test_metadata_the_library_refuses_on_the_shown_document_is_asked_about_at_closing(window, qtbot, monkeypatch):
    """A date the library refuses ("winter 1936/37"), typed on the document shown, was dropped as the window closed
    without a question, though the status line had promised "closing the window saves it or asks" (audit DB F1)."""
    window.library.table.selectRow(0)
    first = window.library.selected_document_id()
    before = window.workspace.documents.get(first).metadata.date_published
    date = window.metadata.line_edits["date_published"]
    date.selectAll()
    qtbot.keyClicks(date, "winter 1936/37")
    asked = []
    monkeypatch.setattr(type(window), "_may_lose", lambda self, texts: asked.extend(texts) or False)
    window.close()
    assert any("date published “winter 1936/37”" in text for text in asked), asked
    assert window.isVisible() and date.text() == "winter 1936/37"
    assert window.workspace.documents.get(first).metadata.date_published == before
    date.setText(before)  # the typing taken back: the fixture's closing asks nothing


def test_source_criticism_the_library_refuses_on_the_shown_document_is_told_at_closing(qtbot, workspace, events,
                                                                                       stack):
    """The same for Source criticism: a date written it refuses ("1934-13-45"), on the document shown, is told to
    the closing question, not dropped (audit DB F1, F3)."""
    panel, first, _second = _criticism_typed(qtbot, workspace, events, stack)
    panel.date_written.setText("1934-13-45")
    unkept = []
    panel._unkept = unkept.append
    panel.keep_unsaved()
    assert any("date written “1934-13-45”" in text for text in unkept), unkept
    assert panel.date_written.text() == "1934-13-45" and workspace.sources.get(first).date_written == ""


def test_undo_of_a_notes_save_while_more_is_typed_keeps_the_typing_and_redo(window, qtbot):
    """Edit > Undo while more of a saved note was typed sent the typing to the Notebook as a new step, which ended
    Redo, and called the reader's own undo a change made elsewhere (audit DM 2): the typing stays in the editor,
    unsaved, over the note as it was, and Redo is still there."""
    first, inspector = _saved_then_typed(window, qtbot)
    window.undo_action.trigger()
    assert window.workspace.annotations.get(first.id).note == "first thought"
    assert inspector.editor.text() == "first thought, saved, then typed" and inspector.editor.unsaved() is not None
    assert window.workspace.notebook.all_notes() == [] and window.ops.redo_text() == "Edit note"
    window.redo_action.trigger()
    assert window.workspace.annotations.get(first.id).note == "first thought, saved"
    assert inspector.editor.text() == "first thought, saved, then typed"


def test_undo_of_a_notebook_notes_save_while_more_is_typed_keeps_the_typing_and_redo(window, qtbot):
    """The Notebook's twin of audit DM 2: the typing stays in its editor over the undone text, and Redo stays."""
    notebook = window.annotation_panels.notebook.widget()
    qtbot.mouseClick(notebook.new_button, Qt.MouseButton.LeftButton)
    note_id = notebook.current_note().id
    qtbot.keyClicks(notebook.editor.source, "Saved")
    notebook.keep_unsaved()
    qtbot.keyClicks(notebook.editor.source, ", then typed")
    window.undo_action.trigger()
    assert window.workspace.notebook.get(note_id).body == ""
    assert notebook.editor.text() == "Saved, then typed" and len(window.workspace.notebook.all_notes()) == 1
    assert window.ops.redo_text() != ""


def test_another_programs_rewrite_told_with_the_readers_undo_still_keeps_the_typing_apart(window, qtbot):
    """The command line rewrote the note being typed, then made a change the reader's Ctrl+Z took back within the
    second: told with that undo, the rewrite was taken for the reader's own, and the typing later saved over it
    (audit DN F1). The typing goes to the Notebook, the other's note stays."""
    def rewrite_then_tag(other, first, second) -> None:
        other.run("Edit note", lambda: other.annotations.set_note(first.id, "theirs"))
        other.run("Edit tags", lambda: other.annotations.set_tags(second.id, ["later"]))

    pane, first, _second, inspector = _typed_while_another_program_changes(window, qtbot, ", mine",
                                                                            rewrite_then_tag)
    window.undo_action.trigger()  # before the window's look at other programs' changes
    assert inspector.editor.text() == "theirs" and window.workspace.annotations.get(first.id).note == "theirs"
    [kept] = window.workspace.notebook.all_notes()
    assert kept.body.startswith("first thought, mine")
    _choose(pane, 1)
    assert window.workspace.annotations.get(first.id).note == "theirs"


def test_metadata_typed_on_a_document_another_program_trashes_goes_to_the_notebook(window, qtbot, monkeypatch):
    """Another program sent the document whose metadata was being typed to the Trash: the line said "no document
    with id 3 … it comes back when you choose it again", and closing asked with untrue reasons (audit DN F2). The
    typing is kept as a Notebook note, said, and closing asks nothing."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.workspace import Workspace

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args) or QMessageBox.StandardButton.Yes)
    info = window.workspace.documents.list()[2]
    window.library.select_document(info.id)
    qtbot.waitUntil(lambda: window.metadata.document_id == info.id)
    window.metadata.line_edits["author"].setText("Typed before it went")
    other = Workspace.open(window.workspace.path, backup=False)
    other.run("Delete document", lambda: other.documents.delete(info.id))
    other.close()
    qtbot.waitUntil(lambda: window.metadata.document_id is None, timeout=5000)
    [kept] = window.workspace.notebook.all_notes()
    assert "Typed before it went" in kept.body and kept.title.startswith("Recovered: metadata of")
    said = window.statusBar().currentMessage()
    assert "went to the Trash" in said and "Notebook" in said, said
    window.close()
    assert asked == []


def test_the_readers_own_undo_is_never_told_as_another_programs_change(window, qtbot):
    """Another program wrote anything in the second before the reader's Ctrl+Z of a note's save: the look at the
    others' changes, taken after the undo, counted the undone step among them, and the typing went to the Notebook
    as if another hand had rewritten the note, Redo gone (audit DP F1)."""
    first, inspector = _saved_then_typed(window, qtbot)

    from reader.core.workspace import Workspace

    other = Workspace.open(window.workspace.path, backup=False)  # a note added and taken back: the reader's save
    other.run("Add notebook note", lambda: other.notebook.create("Aside", "Elsewhere"))  # is the step to undo
    other.history.undo()
    other.close()
    window.undo_action.trigger()
    assert inspector.editor.text() == "first thought, saved, then typed"
    assert window.workspace.annotations.get(first.id).note == "first thought"
    assert window.workspace.notebook.all_notes() == [] and window.ops.redo_text() == "Edit note"


def test_source_criticism_typed_on_a_document_another_program_trashes_is_kept_with_it_and_said(window, qtbot,
                                                                                                monkeypatch):
    """The Source criticism twin of audit DN F2: typing there for a document another program sent to the Trash
    raised "no document with id 3" twice, said nothing true, and was saved on the document in the Trash unsaid
    (audit DP F7). It is kept with the document, and the status line says so."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.workspace import Workspace

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    info = window.workspace.documents.list()[2]
    window.raise_panel("Source criticism")
    panel = window.annotation_panels.source_criticism.widget()
    window.library.select_document(info.id)
    qtbot.waitUntil(lambda: panel.about.text().startswith(info.file_name))
    panel.provenance.setPlainText("Copied by the consul, 1935")
    other = Workspace.open(window.workspace.path, backup=False)
    other.run("Delete document", lambda: other.documents.delete(info.id))
    other.close()
    qtbot.waitUntil(lambda: "went to the Trash" in window.statusBar().currentMessage(), timeout=5000)
    assert "source criticism" in window.statusBar().currentMessage()
    assert window.workspace.sources.get(info.id).provenance_note == "Copied by the consul, 1935"
