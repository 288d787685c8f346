"""The annotation widgets driven as a user would: comparisons, review after a re-import, links, tags, trash, notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.core.errors import ReaderError
from reader.core.records.annotations import Passage
from reader.ui.annotations.comparisons import ComparisonsModel, ComparisonsView
from reader.ui.annotations.link_dialog import LinkDialog
from reader.ui.annotations.links_list import LinksList
from reader.ui.annotations.note_editor import NoteEditor
from reader.ui.annotations.notebook_panel import NotebookPanel
from reader.ui.annotations.review_list import ReviewList
from reader.ui.annotations.source_criticism import SourceCriticismPanel
from reader.ui.annotations.tag_editor import TagEditor, TagManager
from reader.ui.annotations.trash_dialog import TrashDialog
from reader.ui.operations import OpRunner


@pytest.fixture
def linked(workspace):
    """'15 Nov' in one document contradicts 'Stalin' in another, both tagged meeting-1934."""
    first, second = workspace.documents.list()[:2]
    a = workspace.annotations.create_at_quote(first.id, "Genden", tags=["meeting-1934"])
    b = workspace.annotations.create_at_quote(second.id, "Stalin", tags=["meeting-1934"])
    workspace.links.link(a.id, b.id, "contradicts", "date of the meeting: 15 or 24 Nov?")
    c = workspace.annotations.create_at_quote(second.id, "Mongolia")
    workspace.links.link(c.id, a.id, "corroborates")
    return a, b, c


def cell(view, row, column):
    return view.table.model().index(row, column).data()


def test_comparisons_view_filters_and_activates_pairs(qtbot, qtmodeltester, workspace, events, linked):
    """The table shows both pairs; the relation filter narrows it; double-click or Enter emits both annotation ids."""
    a, b, _ = linked
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtmodeltester.check(view.model)
    assert view.table.model().rowCount() == 2 and view.count_label.text() == "2 linked pairs"
    view.relation_box.setCurrentIndex(view.relation_box.findData("contradicts"))
    assert view.table.model().rowCount() == 1
    assert [cell(view, 0, c) for c in (0, 2, 3, 5)] == ["Genden", "contradicts", "Stalin",
                                                        "date of the meeting: 15 or 24 Nov?"]
    index = view.table.model().index(0, 0)
    view.table.scrollTo(index)
    center = view.table.visualRect(index).center()
    with qtbot.waitSignal(view.pair_activated) as activated:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert activated.args == [a.id, b.id]
    view.table.setFocus()
    with qtbot.waitSignal(view.pair_activated) as activated:  # from the keyboard: Enter on the chosen pair
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert activated.args == [a.id, b.id]


def test_comparisons_view_says_how_to_make_the_first_link(qtbot, workspace, events):
    """An empty Comparisons table with no filter says how pairs get there (L on a selection, or from Parallels),
    and goes once there is one; a filter that matches nothing says only that."""
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.empty_hint.isVisible() and "press L" in view.empty_hint.text() and "Parallels" in view.empty_hint.text()
    first, second = workspace.documents.list()[:2]
    a = workspace.annotations.create_at_quote(first.id, "Genden")
    b = workspace.annotations.create_at_quote(second.id, "Stalin")
    workspace.links.link(a.id, b.id, "contradicts")
    events.links_changed.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert not view.empty_hint.isVisible()
    view.relation_box.setCurrentIndex(view.relation_box.findData("corroborates"))
    assert view.model.rowCount() == 0 and view.count_label.text() == "0 linked pairs"
    assert not view.empty_hint.isVisible()


def test_comparisons_view_follows_tags_documents_and_reliability(qtbot, workspace, events, linked):
    """Tag, document and reliability filters narrow the pairs; a source judgement refreshes the view."""
    a, _, c = linked
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    view.tag_box.setCurrentIndex(view.tag_box.findData("meeting-1934"))
    assert view.table.model().rowCount() == 2
    view.tag_box.setCurrentIndex(0)
    view.reliability_box.setValue(4)
    assert view.table.model().rowCount() == 0
    workspace.sources.update(c.document_id, reliability=5)
    events.document_changed.emit(c.document_id)
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 2)  # once for the burst, a moment later
    view.reliability_box.setValue(0)
    view.document_box.setCurrentIndex(view.document_box.findData(workspace.documents.list()[3].id))
    assert view.table.model().rowCount() == 0


def test_comparisons_view_entity_filter(qtbot, workspace, events, linked):
    """Entity choices from the entity layer keep only pairs whose passages overlap that entity's mentions."""
    a, _, c = linked
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    assert view.entity_box.isHidden()
    view.set_entity_choices([("Mongolia", ((c.document_id, c.start, c.end),)),
                             ("Genden", ((a.document_id, a.start + 1, a.start + 2),)), ("Nobody", ((99, 0, 5),))])
    assert not view.entity_box.isHidden() and view.table.model().rowCount() == 2
    view.entity_box.setCurrentIndex(1)
    assert [cell(view, 0, 2)] == ["corroborates"] and view.table.model().rowCount() == 1
    view.entity_box.setCurrentIndex(2)
    assert view.table.model().rowCount() == 2
    view.entity_box.setCurrentIndex(3)
    assert view.table.model().rowCount() == 0


def test_comparisons_model_survives_the_model_tester(qtmodeltester, workspace, linked):
    """The adapter obeys Qt's model rules when filled and emptied."""
    model = ComparisonsModel()
    model.set_rows(workspace.comparisons.list())
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


@pytest.fixture
def reimported(empty_workspace, tmp_path):
    """A source annotated twice, then re-imported with one passage rewritten: one moves, one needs review."""
    path = tmp_path / "account.txt"
    path.write_text("In 1934 Satlin met Genden in Moscow on November 15, 1934.\nThe monasteries were closed.\n",
                    encoding="utf-8")
    empty_workspace.documents.import_paths([path])
    date = empty_workspace.annotations.create_at_quote(1, "November 15, 1934")
    empty_workspace.annotations.create_at_quote(1, "monasteries")
    path.write_text("In 1934 Stalin met Genden in Moscow, on Nov. 24th of that year.\nThe monasteries were closed.\n",
                    encoding="utf-8")
    [summary] = empty_workspace.documents.import_paths([path]).reanchored
    assert (summary.kept, summary.review, summary.orphaned) == (1, 1, 0)
    return empty_workspace, date


def test_review_list_after_reimport_relocate_and_undo(qtbot, reimported, events):
    """The review list shows the old context; choosing another place anchors it there; undo brings it back."""
    workspace, date = reimported
    stack = OpRunner(workspace, events)
    review = ReviewList(workspace.review, workspace.documents, stack, events)
    qtbot.addWidget(review)
    assert review.items_list.count() == 1 and "November 15, 1934" in review.items_list.item(0).text()
    assert "on November 15, 1934." in review.old_view.toPlainText()
    assert "on Nov. 24th of that year." in review.new_view.toPlainText()
    dialog = review.place_dialog()
    qtbot.addWidget(dialog)
    text = workspace.documents.text(1).text
    start = text.index("Nov. 24th")
    dialog.select(start, start + len("Nov. 24th of that year"))
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    with qtbot.waitSignal(events.annotations_changed):
        review.place_at(*dialog.chosen_range())
    qtbot.waitUntil(lambda: review.items_list.count() == 0)  # the list catches up once per burst, a moment later
    assert workspace.annotations.get(date.id).quote.exact == "Nov. 24th of that year"
    stack.undo()
    qtbot.waitUntil(lambda: review.items_list.count() == 1)


def test_another_place_is_taken_as_a_drag_is_and_chosen_from_the_keyboard(qtbot, reimported, events):
    """Choose another place… stored the raw selection as the note's quote, "After Genden came to powe" or one with
    a blank before it, where the reading pane and the link dialog take whole words; and its text took no caret, so
    an orphan could not be placed from the keyboard (audit DG 1, 5)."""
    workspace, _date = reimported
    review = ReviewList(workspace.review, workspace.documents, OpRunner(workspace, events), events)
    qtbot.addWidget(review)
    dialog = review.place_dialog()
    qtbot.addWidget(dialog)
    text = workspace.documents.text(1).text
    start = text.index("Nov. 24th")
    dialog.select(start - 1, start + len("Nov. 24"))  # a blank before, half a word after
    assert dialog.chosen_range() == (start, start + len("Nov. 24th"))
    dialog.show()
    view = dialog.text_view
    view.setFocus()
    view.moveCursor(view.textCursor().MoveOperation.Start)
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.chosen_range() is not None and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_review_list_accept(qtbot, reimported, events):
    """Accept anchors the annotation on the proposed place and re-quotes it; undo puts it back in the list."""
    workspace, date = reimported
    stack = OpRunner(workspace, events)
    review = ReviewList(workspace.review, workspace.documents, stack, events)
    qtbot.addWidget(review)
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.items_list.count() == 0)
    assert workspace.annotations.get(date.id).anchor_status == "anchored"
    stack.undo()
    qtbot.waitUntil(lambda: review.items_list.count() == 1)
    assert workspace.annotations.get(date.id).anchor_status == "review"


def test_review_list_keep_as_orphan(qtbot, reimported, events):
    """Keep as orphan leaves the list (orphans hidden), stays under 'Show orphans', and keeps its quote."""
    workspace, date = reimported
    stack = OpRunner(workspace, events)
    review = ReviewList(workspace.review, workspace.documents, stack, events)
    qtbot.addWidget(review)
    assert review.accept_button.isEnabled()
    qtbot.mouseClick(review.orphan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.items_list.count() == 0)
    assert "Nothing needs review" in review.old_view.toPlainText()
    review.include_orphans.setChecked(True)
    assert review.items_list.count() == 1 and "orphan" in review.items_list.item(0).text()
    assert not review.orphan_button.isEnabled() and not review.accept_button.isEnabled()
    shown = review.new_view.toPlainText()  # kept as an orphan: not "no likely place was found"
    assert "An orphan" in shown and "Choose another place" in shown
    assert workspace.annotations.get(date.id).quote.exact == "November 15, 1934"


def test_link_dialog_to_a_passage_in_another_document(qtbot, workspace, events, stack, linked):
    """Pick a document, select a passage (without the blanks at its edges), choose a relation: the link and its new
    highlight are made, undoably."""
    a, _, _ = linked
    dialog = LinkDialog(workspace.annotations, workspace.documents, a.id, a.quote.exact)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    third = workspace.documents.list()[2]
    dialog.picker.show_document(third.id)
    assert dialog.picker.annotation_list.count() == 0 and not ok.isEnabled()
    text = workspace.documents.text(third.id).text
    words = text.index(" ", text.index(" ") + 1)  # its first two words
    dialog.picker.select_passage(0, words)
    dialog.relation_box.setCurrentIndex(dialog.relation_box.findData("same_event"))
    dialog.note_edit.setPlainText("  same summit ")
    assert ok.isEnabled() and dialog.target() == Passage(third.id, 0, words)
    blank = text.index(" ", 20)
    dialog.picker.select_passage(blank, text.index(" ", blank + 1) + 1)  # a drag from a blank to the next one
    assert dialog.target() == Passage(third.id, blank + 1, text.index(" ", blank + 1))  # the word, not its blanks
    dialog.picker.select_passage(2, words - 1)  # a drag begun and ended inside words: the whole words, as in a pane
    assert dialog.target() == Passage(third.id, 0, words)  # ('…signed in Ula' was cited and exported, audit CB F3)
    dialog.picker.select_passage(1, 3)  # inside one word: the letters chosen
    assert dialog.target() == Passage(third.id, 1, 3)
    dialog.picker.select_passage(0, words)
    stack.run("Link", lambda: workspace.links.link(dialog.source, dialog.target(), dialog.relation(), dialog.note()))
    [entry] = [e for e in workspace.links.links_for(a.id) if e.link.relation == "same_event"]
    assert entry.other.document_id == third.id and entry.link.note == "same summit"


def test_link_dialog_to_an_existing_annotation(qtbot, workspace, linked):
    """The annotation tab lists the chosen document's annotations; picking one makes it the target."""
    a, b, c = linked
    dialog = LinkDialog(workspace.annotations, workspace.documents, a.id, a.quote.exact)
    qtbot.addWidget(dialog)
    dialog.picker.show_document(b.document_id)
    assert dialog.picker.annotation_list.count() == 2
    dialog.picker.annotation_list.setCurrentRow(1)
    assert dialog.target() in (b.id, c.id)


def test_tag_editor_autocompletes_and_applies_undoably(qtbot, workspace, events, stack, linked):
    """Typing 'mee' offers meeting-1934; Enter applies the tags as one undoable operation."""
    a, _, c = linked
    editor = TagEditor(workspace.tags)
    qtbot.addWidget(editor)
    editor.show()
    annotations = workspace.annotations
    editor.tags_edited.connect(lambda names: stack.run("Edit tags", lambda: annotations.set_tags(c.id, names)))
    qtbot.keyClicks(editor, "source, mee")
    completer = editor.completer()
    assert completer.splitPath(editor.text()) == ["mee"] and completer.completionCount() == 1
    assert completer.currentCompletion() == "source, meeting-1934, "
    editor.setText(completer.currentCompletion())  # what choosing the offered completion does
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert workspace.annotations.get(c.id).tags == ("meeting-1934", "source")
    stack.undo()
    assert workspace.annotations.get(c.id).tags == ()


def test_tag_manager_merges_and_undoes(qtbot, workspace, events, stack, linked):
    """Renaming 'wine' onto 'meeting-1934' merges them in the list; undo splits them again."""
    _, _, c = linked
    workspace.annotations.set_tags(c.id, ["wine"])
    manager = TagManager(workspace.tags, stack, events)
    qtbot.addWidget(manager)
    assert [manager.tag_list.item(i).text() for i in range(manager.tag_list.count())] == ["meeting-1934 (2)",
                                                                                          "wine (1)"]
    manager.select("wine")
    manager.new_name.setText("meeting-1934")
    qtbot.mouseClick(manager.rename_button, Qt.MouseButton.LeftButton)
    assert [manager.tag_list.item(i).text() for i in range(manager.tag_list.count())] == ["meeting-1934 (3)"]
    stack.undo()
    assert manager.tag_list.count() == 2


def test_tag_manager_shows_the_new_name_and_removes_a_tag_everywhere(qtbot, workspace, events, stack, linked,
                                                                     monkeypatch):
    """After a rename the renamed tag stays chosen under its new name (the box had kept the old one); Remove takes a
    tag off every note, after saying how many, as one undoable step; Close closes."""
    from PySide6.QtWidgets import QMessageBox

    _, _, c = linked
    workspace.annotations.set_tags(c.id, ["wine", "meeting-1934"])
    manager = TagManager(workspace.tags, stack, events)
    qtbot.addWidget(manager)
    manager.select("wine")
    manager.new_name.setText("drink")
    qtbot.mouseClick(manager.rename_button, Qt.MouseButton.LeftButton)
    assert manager.tag_list.currentItem().text() == "drink (1)" and manager.new_name.text() == "drink"
    manager.select("meeting-1934")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_args: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    qtbot.mouseClick(manager.remove_button, Qt.MouseButton.LeftButton)
    assert "3 notes" in asked[0]
    assert [manager.tag_list.item(i).text() for i in range(manager.tag_list.count())] == ["drink (1)"]
    assert workspace.annotations.get(c.id).tags == ("drink",)
    stack.undo()
    assert workspace.annotations.get(c.id).tags == ("drink", "meeting-1934")
    manager.show()
    manager.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    assert not manager.isVisible()


def test_trash_dialog_restores(qtbot, workspace, events, stack, linked):
    """A deleted annotation is listed in the Trash by quote, document, note and when; Restore brings it back."""
    a, _, _ = linked
    workspace.annotations.set_note(a.id, "was it 15 November?")
    workspace.annotations.delete(a.id)
    dialog = TrashDialog(workspace.trash, stack, events)
    qtbot.addWidget(dialog)
    text = dialog.item_list.item(0).text()
    title = workspace.documents.get(a.document_id).title
    assert dialog.item_list.count() == 1 and text.startswith("Annotation: “Genden” in ")
    assert title[:40] in text and "was it 15 November?" in text and "deleted " in text
    assert dialog.width() >= 700 and dialog.item_list.item(0).toolTip() == text  # read whole, not cut at 250 px
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.item_list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert workspace.annotations.get(a.id).tags == ("meeting-1934",) and len(workspace.comparisons.list()) == 2
    stack.undo()
    assert dialog.item_list.count() == 1


def test_note_editor_renders_markdown_and_saves(qtbot):
    """Markdown typed on the left renders on the right; Save emits the source text. With no note, no empty preview
    takes the room (it pushed the highlight's links out of view in the Note inspector)."""
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.preview.isVisible()
    qtbot.keyClicks(editor.source, "Date: **15 or 24 Nov?**")
    assert editor.preview.toPlainText() == "Date: 15 or 24 Nov?" and editor.preview.isVisible()
    assert editor.preview.document().toMarkdown().strip() == "Date: **15 or 24 Nov?**"
    with qtbot.waitSignal(editor.note_saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["Date: **15 or 24 Nov?**"]
    editor.source.setPlainText("Zhabaeva gives the 24th.\nCheck the archive copy.")  # plain: the preview would
    assert not editor.preview.isVisible()  # repeat it, and took the room the panel's links need (audit CC N7)


def test_tab_leaves_a_note_and_undo_after_a_save_is_the_windows(qtbot):
    """Tab typed tab characters into the note (a keyboard user passing through the window changed it, and moving
    on saved it); after Save, Ctrl+Z emptied the box (the box's own undo) while the stored note stayed, and moving
    on saved the empty box over it. Tab now moves on, and a saved note's typing is no longer the box's to undo."""
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_note("Genden met Stalin")
    editor.source.setFocus()
    qtbot.keyClick(editor.source, Qt.Key.Key_Tab)
    assert editor.text() == "Genden met Stalin" and editor.unsaved() is None
    qtbot.keyClicks(editor.source, " twice")
    editor.set_note(editor.text())  # the refresh after its own Save
    assert not editor.source.document().isUndoAvailable()


def test_links_list_shows_links_and_backlinks(qtbot, workspace, events, stack, linked):
    """An annotation lists its outgoing link and its backlink; double-click names the other end; remove undoes."""
    a, b, c = linked
    view = LinksList(workspace.links, workspace.documents, stack, events)
    qtbot.addWidget(view)
    view.show_annotation(a.id)
    lines = [view.entries.item(i).text() for i in range(view.entries.count())]
    assert lines[0].startswith("→ contradicts “Stalin”") and lines[0].endswith("date of the meeting: 15 or 24 Nov?")
    assert lines[1].startswith("← corroborates “Mongolia”")
    with qtbot.waitSignal(view.annotation_activated) as activated:
        view.entries.itemActivated.emit(view.entries.item(1))
    assert activated.args == [c.id]
    view.entries.setCurrentRow(0)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert view.entries.count() == 1
    stack.undo()
    assert view.entries.count() == 2


def test_source_criticism_panel_saves_and_undoes(qtbot, workspace, events, stack):
    """Fields typed and saved reach the core; undo empties them again in the panel."""
    info = workspace.documents.list()[0]
    document_id = info.id
    panel = SourceCriticismPanel(workspace.sources, stack, events, workspace.documents)
    qtbot.addWidget(panel)
    panel.show_document(document_id)
    assert panel.about.text() == info.file_name  # which source is judged, with two texts open
    qtbot.keyClicks(panel.date_written, "1990")
    panel.reliability.setValue(2)
    qtbot.keyClicks(panel.provenance, "Memoir written decades later")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = workspace.sources.get(document_id)
    assert (saved.date_written, saved.reliability, saved.provenance_note) == ("1990", 2, "Memoir written decades later")
    assert panel.about.text() == f"{info.file_name}: saved"
    stack.undo()
    assert panel.date_written.text() == "" and panel.reliability.text() == "not judged"


def test_cite_dialog_offers_ok_only_once_something_is_chosen(qtbot, workspace):
    """OK with nothing chosen closed the dialog and cited nothing, silently: as in the link dialog, OK waits for an
    annotation or a selected passage."""
    from reader.ui.annotations.notebook_panel import CiteDialog

    dialog = CiteDialog(workspace.annotations, workspace.documents)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.picker.tabs.setCurrentIndex(1)
    assert dialog.picker.target() is None and not ok.isEnabled()
    dialog.picker.select_passage(0, 10)
    assert ok.isEnabled()


def test_a_passage_is_chosen_in_the_picker_from_the_keyboard(qtbot, workspace):
    """The link and cite dialogs' Passage text took no caret: Shift+arrows selected nothing, and OK stayed off for a
    keyboard user (audit DA F2). It selects as a reading pane does."""
    from reader.ui.annotations.notebook_panel import CiteDialog

    dialog = CiteDialog(workspace.annotations, workspace.documents)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.picker.passage_view
    dialog.picker.tabs.setCurrentWidget(view)
    view.setFocus()
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.picker.target() is not None and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_cite_starts_on_the_passage_selected_in_the_text(qtbot, workspace, events, stack, monkeypatch):
    """Cite a passage… opened on the library's first document with nothing chosen, the passage selected in the text
    to find and select again (audit DB F7): it opens on the document read, its selection chosen, a highlight on
    exactly those words chosen as itself."""
    from reader.ui.annotations.notebook_panel import CiteDialog

    document = workspace.documents.list()[2]
    text = workspace.documents.text(document.id).text
    start = text.index("Genden")
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    panel.passage_in_reading = lambda: (document.id, (start, start + len("Genden")))
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    seen = []
    monkeypatch.setattr(CiteDialog, "exec", lambda dialog: seen.append(dialog.picker.target()) or 0)
    qtbot.mouseClick(panel.cite_button, Qt.MouseButton.LeftButton)
    [chosen] = seen
    assert (chosen.document_id, chosen.start, chosen.end) == (document.id, start, start + len("Genden"))
    highlight = workspace.annotations.create(document.id, start, start + len("Genden"))
    qtbot.mouseClick(panel.cite_button, Qt.MouseButton.LeftButton)
    assert seen[1] == highlight.id


def test_notebook_panel_writes_cites_and_undoes(qtbot, workspace, events, stack, linked):
    """New note, Markdown saved, a passage cited (one undo step), the note deleted and restored by undo."""
    a, _, _ = linked
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    # a new note's title is empty, shown by the box's placeholder: "Untitled note" as real text took what was typed
    # after it ("Untitled noteThe date of the talk"), and the list names it "(untitled)" until it has one
    assert panel.note_list.count() == 1 and panel.title_edit.text() == "" and panel.focusWidget() is panel.title_edit
    assert panel.note_list.item(0).text() == "(untitled)"
    qtbot.keyClicks(panel.title_edit, "Meeting date")
    assert panel.title_edit.text() == "Meeting date"
    panel.editor.set_note("Sources give **15** and **24** November.")
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    assert panel.note_list.item(0).text() == "Meeting date"
    third = workspace.documents.list()[2]
    panel.cite(a.id)
    panel.cite(Passage(third.id, 0, 12))
    assert panel.citation_list.count() == 2 and panel.citation_list.item(0).text().startswith("“Genden”")
    stack.undo()
    assert panel.citation_list.count() == 1 and workspace.annotations.for_document(third.id) == []
    with qtbot.waitSignal(panel.citation_activated) as activated:
        panel.citation_list.itemActivated.emit(panel.citation_list.item(0))
    assert activated.args == [a.id]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.note_list.count() == 0 and "note" in [i.kind for i in workspace.trash.items()]
    stack.undo()
    assert panel.note_list.count() == 1


def test_a_notebook_note_saved_leaves_the_box_nothing_of_its_own_to_undo(qtbot, workspace, events, stack):
    """After Save note in the Notebook, Ctrl+Z in the box took the typing back there while the note stayed stored:
    the saved text is the note, and the box has nothing left to undo (Ctrl+Z is Edit > Undo of the save)."""
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.editor.source, "Sources give 15 and 24 November.")
    qtbot.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    assert workspace.notebook.all_notes()[0].body == "Sources give 15 and 24 November."
    assert not panel.editor.source.document().isUndoAvailable() and panel.editor.unsaved() is None


def test_notebook_panel_document_scope(qtbot, workspace, events, stack):
    """A note made while a document is the scope belongs to that document, not to the notebook."""
    document = workspace.documents.list()[1]
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    panel.show_document(document.id)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert [n.document_id for n in workspace.notebook.for_document(document.id)] == [document.id]
    assert workspace.notebook.notebook() == []


def test_the_notebook_stays_on_its_own_notes_when_a_pane_is_worked_in(qtbot, workspace, events, stack):
    """Chosen, the Notebook's own notes stay in view while the reader moves between panes (a citation made from a
    text had switched it to that text's notes, and the note being written seemed gone); a document's notes follow
    the document worked in."""
    first, second = (d.id for d in workspace.documents.list()[:2])
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)

    def choose_scope(document_id):  # as the user does, in the box
        panel.scope_box.setCurrentIndex(panel.scope_box.findData(document_id))
        panel.scope_box.activated.emit(panel.scope_box.currentIndex())

    choose_scope(None)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    note = panel.current_note()
    panel.show_document(first)
    assert panel.scope_box.currentData() is None and panel.current_note().id == note.id
    choose_scope(first)
    panel.show_document(second)
    assert panel.scope_box.currentData() == second


def test_a_cited_highlight_in_the_trash_stays_listed_in_the_notes_citing_it(qtbot, workspace, events, stack):
    """A note's citation of a highlight now in the Trash is listed as such, with its quote: it had vanished from
    the list and the status bar said 'no annotation with id 4'."""
    document_id = workspace.documents.list()[0].id
    cited = workspace.annotations.create_at_quote(document_id, "Genden")
    note = workspace.notebook.create("The argument", "Why", None, [cited.id])
    workspace.annotations.delete(cited.id)
    panel = NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                          events)
    qtbot.addWidget(panel)
    panel.select_note(note.id)
    assert [panel.citation_list.item(i).text() for i in range(panel.citation_list.count())] == [
        f"In the Trash: “Genden” — {workspace.documents.list()[0].title}"]


def test_deleting_a_highlight_a_note_cites_asks_first(window, qtbot, monkeypatch):
    """Delete in the Note inspector names the Notebook notes citing the highlight and asks: a historian's argument
    lost its evidence without a word."""
    from PySide6.QtWidgets import QMessageBox

    workspace = window.workspace
    document_id = workspace.documents.list()[0].id
    cited = window.ops.run("Highlight", lambda: workspace.annotations.create_at_quote(document_id, "Genden"))
    workspace.notebook.create("The argument", "Meeting date", None, [cited.id])
    inspector = window.annotation_panels.inspector.widget()
    inspector.show_annotation(cited.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_args: (
        asked.append(text), QMessageBox.StandardButton.No)[1])
    inspector.delete_button.click()
    assert "Meeting date" in asked[0] and workspace.annotations.get(cited.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    inspector.delete_button.click()
    assert workspace.annotations.for_document(document_id) == []


def test_tab_leaves_the_comparisons_table(qtbot, workspace, events, linked):
    """Tab walked the Comparisons table cell by cell and never left it: the way round the window was closed."""
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()


def _action_named(menu, text: str):
    return next(action for action in menu.actions() if action.text() == text)


def test_a_highlight_is_deleted_from_the_text_and_the_notes_strip(window, qtbot):
    """Deleting a highlight took the Delete highlight button, below the fold of the Note panel: the Delete key
    and the context menu did nothing, in the text and in the pane's notes strip. Both delete now, undoably."""
    workspace = window.workspace
    document_id = workspace.documents.list()[0].id
    first = window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, 0, 20))
    second = window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, 40, 60))
    pane = window.reading_area.open_document(document_id)
    pane.view.setFocus()
    cursor = pane.view.textCursor()
    cursor.setPosition(5)
    pane.view.setTextCursor(cursor)
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert workspace.annotations.for_document(document_id) == [workspace.annotations.get(second.id)]
    assert window.statusBar().currentMessage().startswith("Deleted the highlight")
    window.ops.undo()
    from PySide6.QtGui import QTextCursor

    inside = QTextCursor(pane.view.document())
    inside.setPosition(45)
    point = pane.view.cursorRect(inside).center()
    _action_named(pane.context_menu_at(point), "Delete highlight").trigger()
    assert [a.id for a in workspace.annotations.for_document(document_id)] == [first.id]
    strip = pane.sidebar
    strip.select(first.id)
    _action_named(strip.annotation_list, "Delete highlight").trigger()
    assert workspace.annotations.for_document(document_id) == []


def test_a_deleted_highlight_undone_is_shown_again_in_the_note_panel(window, qtbot):
    """Undo of Delete highlight brought the highlight back in the text, but the Note panel stayed empty ('Select a
    highlight…'), as if it were still gone."""
    workspace = window.workspace
    document_id = workspace.documents.list()[0].id
    made = window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, 0, 20, note="kept"))
    inspector = window.annotation_panels.inspector.widget()
    inspector.show_annotation(made.id)
    inspector.delete_button.click()
    assert inspector.annotation is None
    window.ops.undo()
    assert inspector.annotation is not None and inspector.annotation.id == made.id
    assert inspector.editor.text() == "kept"


def test_a_notebook_citation_wraps_in_its_column(window, qtbot):
    """At 1366×768 each cited quote was cut ("“The two met on November 15, 193…") behind a sideways scroll bar: it
    wraps in the citations' column."""
    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    text = window.workspace.documents.text(document_id).text
    start = text.index("Genden realized")
    cited = window.workspace.annotations.create(document_id, start, start + 180)
    note = window.workspace.notebook.create("Which date?", "The meeting", citations=[cited.id])
    window.raise_panel("Notebook")
    panel = window.annotation_panels.notebook.widget()
    panel.scope_box.setCurrentIndex(panel.scope_box.findData(None))
    panel.select_note(note.id)
    qtbot.waitUntil(lambda: panel.citation_list.count() == 1)
    panel.citation_list.setFixedWidth(220)
    item = panel.citation_list.item(0)
    qtbot.waitUntil(lambda: panel.citation_list.visualItemRect(item).height()
                    > 2 * panel.citation_list.fontMetrics().height())  # wrapped over lines
    assert not panel.citation_list.horizontalScrollBar().isVisible()


def test_a_notes_editorial_brackets_show_in_its_preview(qtbot):
    """The preview took "<per protocol>" for an HTML tag and dropped the rest of the note after it (a later
    paragraph too): raw HTML is shown as text there, as the exports show it."""
    from reader.ui.annotations.note_editor import NoteEditor

    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.source.setPlainText("- a < b <per protocol>\n- second item\n\nThe date <15 Nov.> is wrong.")
    shown = editor.preview.toPlainText()
    assert "<per protocol>" in shown and "second item" in shown and "is wrong." in shown


def test_tag_manager_offers_rename_only_for_a_new_name(qtbot, workspace, events, stack, linked):
    """The name box is filled with the chosen tag's name: Rename / merge pressed as it stood recorded an undo step
    that did nothing. It is offered once the name differs (a change of case too)."""
    manager = TagManager(workspace.tags, stack, events)
    qtbot.addWidget(manager)
    manager.select("meeting-1934")
    assert manager.new_name.text() and not manager.rename_button.isEnabled()
    manager.new_name.setText(manager.new_name.text().upper())
    assert manager.rename_button.isEnabled()
    with pytest.raises(ReaderError, match="already"):
        workspace.tags.rename("meeting-1934", "meeting-1934")


def test_comparisons_say_a_side_awaits_review(qtbot, reimported, events):
    """A linked passage whose words a new version changed waits in Needs review, yet Comparisons showed the pair
    as any other (the exports said it): its source now says so."""
    workspace, date = reimported
    monasteries = next(a for a in workspace.annotations.all() if a.id != date.id)
    workspace.links.link(date.id, monasteries.id, "contradicts")
    view = ComparisonsView(workspace.comparisons, workspace.tags, workspace.documents, events)
    qtbot.addWidget(view)
    assert cell(view, 0, 0).startswith("(needs review) ") and "needs review" not in cell(view, 0, 3)


def test_highlight_in_a_colour_recolours_the_highlight_selected(window, qtbot):
    """"Highlight in > pink" on a yellow highlight's words did nothing and said nothing (audit DM 1): the highlight
    turns pink, one step Undo takes back; the pane's colour for new highlights stays (audit DP F5)."""
    from PySide6.QtGui import QTextCursor

    workspace = window.workspace
    document_id = workspace.documents.list()[0].id
    made = window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, 0, 20, color="yellow"))
    pane = window.reading_area.open_document(document_id)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(0)
    cursor.setPosition(20, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    point = pane.view.cursorRect(cursor).center()
    colours = next(a.menu() for a in pane.context_menu_at(point).actions() if a.text() == "Highlight in")
    _action_named(colours, "pink").trigger()
    assert workspace.annotations.get(made.id).color == "pink" and pane.highlight_color == "yellow"
    assert window.ops.undo_text().startswith("Change colour")
    window.ops.undo()
    assert workspace.annotations.get(made.id).color == "yellow"


def test_a_links_note_is_edited_with_its_lines_in_one_dialog(qtbot, workspace, events, stack, linked, monkeypatch):
    """Edit link… asked for the relation, then the note in a one-line box that ran its lines together (audit DK 7):
    one dialog shows both, the note with its lines, and what is typed there is stored as typed."""
    from reader.ui.annotations.link_dialog import EditLinkDialog

    a, _b, _c = linked
    link = workspace.links.links_for(a.id)[0].link
    workspace.links.update(link.id, note="First point.\n\n- dates differ\n- names differ")
    view = LinksList(workspace.links, workspace.documents, stack, events)
    qtbot.addWidget(view)
    view.show_annotation(a.id)
    view.entries.setCurrentRow(0)
    shown = []

    def answer(dialog) -> int:
        shown.append((dialog.relation(), dialog.note_edit.toPlainText()))
        dialog.relation_box.setCurrentIndex(dialog.relation_box.findData("corroborates"))
        dialog.note_edit.appendPlainText("- places differ")
        return EditLinkDialog.DialogCode.Accepted

    monkeypatch.setattr(EditLinkDialog, "exec", answer)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert shown == [("contradicts", "First point.\n\n- dates differ\n- names differ")]
    edited = workspace.links.get(link.id)
    assert edited.relation == "corroborates"
    assert edited.note == "First point.\n\n- dates differ\n- names differ\n- places differ"


def test_a_highlight_is_recoloured_from_inside_it_or_from_its_words_selected(window, qtbot):
    """"Highlight in" was offered only for a selection of exactly a highlight's characters: a right-click inside it
    offered no colour, and its whole words selected (as a drag selects) made a second highlight over it (audit DN
    F3). Both recolour it."""
    from PySide6.QtGui import QTextCursor

    workspace = window.workspace
    document_id = workspace.documents.list()[0].id
    text = workspace.documents.text(document_id).text
    start = text.index("Genden realized")
    made = window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, start + 1, start + 12))
    pane = window.reading_area.open_document(document_id)
    inside = QTextCursor(pane.view.document())
    inside.setPosition(pane.view.offsets.to_utf16(start + 5))
    point = pane.view.cursorRect(inside).center()
    colours = next(a.menu() for a in pane.context_menu_at(point).actions() if a.text() == "Colour")
    assert [a.text() for a in colours.actions() if a.isChecked()] == ["yellow"]  # the colour it has (DP F5)
    _action_named(colours, "green").trigger()
    assert workspace.annotations.get(made.id).color == "green"
    pane.view.select_range(start, start + len("Genden realized"))  # "enden reali" rounded out to its words
    colours = next(a.menu() for a in pane.context_menu_at(point).actions() if a.text() == "Highlight in")
    _action_named(colours, "blue").trigger()
    assert [(a.id, a.color) for a in workspace.annotations.for_document(document_id)] == [(made.id, "blue")]


def test_a_backlink_is_edited_as_read_from_its_own_end_and_stays_selected(qtbot, workspace, events, stack, linked,
                                                                         monkeypatch):
    """Edit link… on "← is elaborated by “Mongolia”" offered "elaborates", the link read the wrong way round, and
    the list lost the link chosen once it was saved (audit DN): the relation reads from this end, the row stays."""
    from reader.ui.annotations.link_dialog import EditLinkDialog

    a, _b, c = linked
    backlink = next(e.link for e in workspace.links.links_for(a.id) if not e.outgoing)
    workspace.links.update(backlink.id, relation="elaborates")
    view = LinksList(workspace.links, workspace.documents, stack, events)
    qtbot.addWidget(view)
    view.show_annotation(a.id)
    row = next(n for n in range(view.entries.count()) if view.entries.item(n).text().startswith("←"))
    view.entries.setCurrentRow(row)
    shown = []

    def answer(dialog) -> int:
        shown.append(dialog.relation_box.currentText())
        dialog.note_edit.setPlainText("Mongolia's account adds the date.")
        return EditLinkDialog.DialogCode.Accepted

    monkeypatch.setattr(EditLinkDialog, "exec", answer)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert shown == ["is elaborated by"]
    edited = workspace.links.get(backlink.id)
    assert (edited.relation, edited.from_annotation_id) == ("elaborates", c.id)
    assert edited.note == "Mongolia's account adds the date."
    assert view.entries.currentItem().text().startswith("← is elaborated by “Mongolia”")


def test_tag_manager_names_a_merge_with_a_tag_in_the_trash_as_one(qtbot, workspace, events, stack, linked):
    """Renamed onto a tag only a note in the Trash carries, a tag merged under a step named a rename (audit DR F5);
    a name with a comma, which the rename refuses, is not offered (it was refused behind the dialog)."""
    _a, b, c = linked
    workspace.annotations.set_tags(c.id, ["alpha"])
    workspace.annotations.set_tags(b.id, ["Beta"])
    workspace.annotations.delete(b.id)
    manager = TagManager(workspace.tags, stack, events)
    qtbot.addWidget(manager)
    manager.select("alpha")
    manager.new_name.setText("a, b")
    assert not manager.rename_button.isEnabled() and "comma" in manager.rename_button.toolTip()
    manager.new_name.setText("beta")
    qtbot.mouseClick(manager.rename_button, Qt.MouseButton.LeftButton)
    assert stack.undo_text() == "Merge tag 'alpha' into 'Beta'"
