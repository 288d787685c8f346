"""The Parallels panel (suggest, open beside, link with L, dismiss and undo) and the Timeline (marks, conflicts, a
click opens the passage), driven through the real window."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from reader.core.records.annotations import Passage
from reader.ui.app import build_window, settings_for
from reader.ui.shortcuts_dialog import collect_shortcuts

MEETING_000, MEETING_002 = "000_8339fa2bec93c400.txt", "002_ff824666d88bbe20.txt"


@pytest.fixture
def compare_window(workspace, request):
    """The window (tests/ui/conftest.py) over the sample corpus with recognition already current before it opens
    (no worker race on mentions)."""
    workspace.entities.ensure_current()
    return request.getfixturevalue("window")


def _parallels(window, qtbot):
    document_id = window.workspace.documents.resolve(MEETING_000).id
    window.reading_area.open_document(document_id)
    window.raise_panel("Parallels")
    panel = window.annotation_panels.parallels.widget()
    qtbot.waitUntil(lambda: panel.document_id == document_id and bool(panel.suggestions))
    return panel


def test_the_parallels_heading_says_how_many_before_a_long_title(compare_window, qtbot):
    """The heading shows two lines, and a long title (002's is a whole quotation) cut it before the count and the
    hint that More lists others (audit CK K2): the count comes first."""
    document_id = compare_window.workspace.documents.resolve(MEETING_002).id
    compare_window.reading_area.open_document(document_id)
    compare_window.raise_panel("Parallels")
    panel = compare_window.annotation_panels.parallels.widget()
    qtbot.waitUntil(lambda: panel.document_id == document_id and bool(panel.suggestions))
    assert panel.title.text().startswith((f"The best {len(panel.suggestions)} ", f"{len(panel.suggestions)} "))
    panel.title.resize(300, panel.title.height())  # a narrow panel: the end cut with "…", not lost unseen (audit
    shown = panel.title.shown()  # DA F8)
    assert shown.endswith("…") and panel.title.text().startswith(shown[:-1].rstrip())
    panel.title.setText("The best 20: " + "x" * 400)  # one word longer than a line (a URL) is cut too (audit DE 6)
    assert panel.title.shown().endswith("…")

def test_the_parallels_heading_of_a_document_with_none_says_none(compare_window, qtbot, tmp_path):
    """"0 suggested: passages of other sources that may tell…" read as a list to look at (audit CL L11)."""
    path = tmp_path / "recipe.txt"
    path.write_text("Boil the barley for an hour, then add the salted butter and serve it warm.\n", encoding="utf-8")
    document_id = compare_window.workspace.documents.import_paths([path]).outcomes[0].document_id
    compare_window.reading_area.open_document(document_id)
    compare_window.raise_panel("Parallels")
    panel = compare_window.annotation_panels.parallels.widget()
    qtbot.waitUntil(lambda: panel.title.text().startswith("No passage"), timeout=20000)
    assert panel.title.text().startswith("No passage of another source seems to tell of the same thing as “Boil")

def _meeting_row(panel):
    return next(row for row, s in enumerate(panel.suggestions)
                if "November 15, 1934" in s.source.text and s.other.file_name == MEETING_002)


def test_no_compare_panel_is_built_at_start(compare_window):
    """Parallels and Timeline are lazy: neither is built until shown."""
    panels = compare_window.annotation_panels
    assert panels.parallels.dock.widget() is None and panels.timeline.dock.widget() is None


def test_parallels_suggests_with_reasons_and_opens_beside(compare_window, qtbot):
    """The focused document's suggestions show reasons; clicking one opens the other passage beside, flashed."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    assert panel.table.item(row, 1).text() == "contradicts"
    assert "1934-11-15 / 1934-11-24" in panel.table.item(row, 5).text()
    rect = panel.table.visualRect(panel.table.model().index(row, 3))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    other_id = compare_window.workspace.documents.resolve(MEETING_002).id
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(other_id) is not None)
    assert len(compare_window.reading_area.panes) == 2


def test_a_passage_opened_from_parallels_does_not_squeeze_a_fourth_pane_in(compare_window, qtbot):
    """At 1366×768 with three sources side by side, opening a suggestion shows it in place of a pane other than the
    source's, rather than a fourth pane of some twenty characters a line; the library's Open beside still may."""
    compare_window.resize(1366, 768)
    compare_window.show()
    qtbot.waitUntil(lambda: compare_window.width() == 1366)
    area = compare_window.reading_area
    for name in ("001_c9451cbdf41c54f1.txt", "003_bfdd3a082e8d2a08.txt"):
        area.open_document(compare_window.workspace.documents.resolve(name).id)
    panel = _parallels(compare_window, qtbot)  # focuses 000: the third pane
    assert len(area.panes) == 3
    panel.open_beside(_meeting_row(panel))
    other_id = compare_window.workspace.documents.resolve(MEETING_002).id
    qtbot.waitUntil(lambda: area.pane_for(other_id) is not None)
    assert len(area.panes) == 3 and area.pane_for(panel.document_id) is not None


def test_parallels_show_and_flash_the_sentences_that_match(compare_window, qtbot):
    """A row shows the sentences of the two passages that match best, not the paragraphs' opening words, and the
    other source by its title (a file name like 002_ff824666d88bbe20.txt says nothing); opening the other passage
    flashes its sentence."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    assert panel.table.item(row, 2).text() == "…The two met on November 15, 1934."
    assert panel.table.item(row, 3).text().startswith("«Japan is encroaching on the borders of Mongolia")
    assert MEETING_002 in panel.table.item(row, 3).toolTip()
    other = panel.table.item(row, 4).text()  # a long sentence, cut short around its date
    assert other.startswith("…") and other.endswith("I. V. Stalin Talking to P. Genden on November 24, 1934")
    panel.open_beside(row)
    pane = compare_window.reading_area.pane_for(compare_window.workspace.documents.resolve(MEETING_002).id)
    qtbot.waitUntil(lambda: bool(pane.view.extraSelections()))
    flashed = [pane.version.text[s.cursor.selectionStart():s.cursor.selectionEnd()]
               for s in pane.view.extraSelections()]
    assert any(text.endswith("Genden on November 24, 1934") and "Stalin Talking" in text for text in flashed)
    source = compare_window.reading_area.pane_for(compare_window.workspace.documents.resolve(MEETING_000).id)
    qtbot.waitUntil(lambda: bool(source.view.extraSelections()))  # this side too: both are in view to compare
    assert "The two met on November 15, 1934." in [source.version.text[s.cursor.selectionStart():
                                                                        s.cursor.selectionEnd()]
                                                    for s in source.view.extraSelections()]
    assert compare_window.reading_area.active_document_id() == source.document_id  # the list stays this one's


def test_the_relation_a_user_chose_survives_a_new_ranking(compare_window, qtbot):
    """A relation chosen by hand for the chosen row stays when the list is ranked again (a change elsewhere) or a
    column is resized: the box went back to the suggested relation, and L then linked that one."""
    panel = _parallels(compare_window, qtbot)
    panel.table.selectRow(_meeting_row(panel))
    panel.relation_box.setCurrentIndex(panel.relation_box.findData("see_also"))
    panel.table.setColumnWidth(4, 300)
    panel.refresh()
    assert panel.title.text().startswith("Ranking")
    qtbot.waitUntil(lambda: not panel.title.text().startswith("Ranking"))
    assert panel.current() is panel.suggestions[_meeting_row(panel)]
    assert panel.relation_box.currentData() == "see_also"


def test_a_wider_column_shows_more_of_each_sentence(compare_window, qtbot):
    """The cells are cut to what their column shows; widened, the column shows the sentence whole."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    def narrowed() -> bool:  # set again while the dock still settles: its late resizes share out spare width
        panel.table.setColumnWidth(4, 120)
        return len(panel.table.item(row, 4).text()) < 40

    qtbot.waitUntil(narrowed)
    assert panel.table.item(row, 4).text().endswith("November 24, 1934")  # cut around its date
    panel.table.setColumnWidth(4, 2000)
    qtbot.waitUntil(lambda: panel.table.item(row, 4).text() == " ".join(panel.suggestions[row].other.excerpt.split()))


def test_enter_opens_the_chosen_suggestion_beside(compare_window, qtbot):
    """From the keyboard: arrows choose a suggestion, Enter opens its other passage beside, as a click does."""
    panel = _parallels(compare_window, qtbot)
    panel.table.setFocus()
    panel.table.selectRow(_meeting_row(panel))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    other_id = compare_window.workspace.documents.resolve(MEETING_002).id
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(other_id) is not None)


def test_opening_beside_keeps_the_list_and_the_compared_document(compare_window, qtbot):
    """After a suggestion opens beside, the compared document stays focused and the list stays its own, even when
    the desk is full (the passage replaces another pane, never the compared one)."""
    area, documents = compare_window.reading_area, compare_window.workspace.documents
    for name in ("001_c9451cbdf41c54f1.txt", "003_bfdd3a082e8d2a08.txt", "004_b764a032f36e08ce.txt"):
        area.open_document(documents.resolve(name).id)
    panel = _parallels(compare_window, qtbot)  # opens 000 as the fourth pane, focused
    source, keys = panel.document_id, [s.key for s in panel.suggestions]
    row = _meeting_row(panel)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(panel.table.model().index(row, 3)).center())
    qtbot.waitUntil(lambda: area.pane_for(documents.resolve(MEETING_002).id) is not None)
    assert area.pane_for(source) is not None and area.active_document_id() == source
    assert panel.document_id == source and [s.key for s in panel.suggestions] == keys


def test_parallels_rank_in_a_worker(compare_window, qtbot):
    """Ranking runs off the GUI thread: the panel says at once that it is ranking, and the list arrives after."""
    panel = _parallels(compare_window, qtbot)
    shown = list(panel.suggestions)
    panel.refresh()
    assert panel.title.text().startswith("Ranking") and panel.suggestions == shown  # the old list stays meanwhile
    qtbot.waitUntil(lambda: "passages of other sources" in panel.title.text())
    assert [s.key for s in panel.suggestions] == [s.key for s in shown]


def test_l_links_with_the_suggested_relation(compare_window, qtbot):
    """Selecting a suggestion preselects its relation; L links the sentences the row shows (which Comparisons then
    quotes, not the paragraphs' first words) through the operation runner, its note saying where they differ (the
    evidence was lost once linked); the row then shows it linked, and L again does not link it twice."""
    panel = _parallels(compare_window, qtbot)
    panel.table.selectRow(_meeting_row(panel))
    assert panel.relation_box.currentData() == "contradicts"
    assert "dates 1934-11-15 / 1934-11-24" in panel.details.text() and (
        "Disagreements: dates: 1934-11-15 / 1934-11-24" in panel.details.text())  # in full: the table's cells cut
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_L)
    comparisons = compare_window.workspace.comparisons
    qtbot.waitUntil(lambda: len(comparisons.list()) == 1)
    assert comparisons.list()[0].relation == "contradicts"
    assert compare_window.statusBar().currentMessage().startswith("Link passages")
    assert comparisons.list()[0].note == "Where they differ: dates 1934-11-15 / 1934-11-24"
    assert {comparisons.list()[0].a.quote, comparisons.list()[0].b.quote} == {  # the statements the row showed
        "The two met on November 15, 1934.", "«Japan is encroaching on the borders of Mongolia ... How do you think to "
        "uphold your independence?»: I. V. Stalin Talking to P. Genden on November 24, 1934"}
    assert compare_window.workspace.history.next_undo() == "Link passages (contradicts)"
    qtbot.waitUntil(lambda: panel.table.item(_meeting_row(panel), 1).text() == "linked ✓ (contradicts)")
    panel.table.selectRow(_meeting_row(panel))
    assert not panel.link_button.isEnabled()  # judged: L again would only repeat it
    qtbot.keyClick(panel.table, Qt.Key.Key_L)
    assert len(comparisons.list()) == 1


def test_a_linked_row_shows_the_relation_linked_not_the_one_suggested(compare_window, qtbot):
    """Linked as 'see also' where 'contradicts' was suggested, the row says 'linked ✓ (see also)': it had said the
    suggested relation, so a historian trusting the cell read a link that was never made."""
    panel = _parallels(compare_window, qtbot)
    panel.table.selectRow(_meeting_row(panel))
    panel.relation_box.setCurrentIndex(panel.relation_box.findData("see_also"))
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.item(_meeting_row(panel), 1).text().startswith("linked"))
    assert panel.table.item(_meeting_row(panel), 1).text() == "linked ✓ (see also)"


def test_dismiss_removes_the_suggestion_and_undo_brings_it_back(compare_window, qtbot):
    """Dismiss stores the pair (it leaves the list); Edit > Undo brings it back. Delete in the table dismisses too,
    as in Comparisons, and the table's keys are in its context menu and the shortcuts list."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    key = panel.suggestions[row].key
    panel.table.selectRow(row)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: all(s.key != key for s in panel.suggestions))
    assert compare_window.statusBar().currentMessage().startswith("Dismiss suggested parallel")  # the row only
    assert compare_window.statusBar().currentMessage().endswith("Edit > Undo takes it back")  # vanished (CK K5)
    compare_window.ops.undo()
    qtbot.waitUntil(lambda: any(s.key == key for s in panel.suggestions))
    panel.table.selectRow(_meeting_row(panel))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: all(s.key != key for s in panel.suggestions))
    assert [a.text() for a in panel.table.actions()] == ["Open the other passage beside",
                                                          "Link with the chosen relation", "Dismiss"]
    assert ("L", "Link with the chosen relation", "Parallels") in collect_shortcuts(compare_window)


def test_a_pair_dismissed_twice_does_not_offer_undo_for_the_step_before(compare_window, qtbot):
    """A suggestion already dismissed elsewhere (the command line, a double press) and dismissed again changed
    nothing and left no history entry, yet the status line said "Edit > Undo takes it back": Undo would have taken
    back the step before, a note (audit CL L5)."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    compare_window.workspace.parallels.dismiss(panel.suggestions[row])  # from elsewhere: the list not yet new
    compare_window.statusBar().clearMessage()
    panel.table.selectRow(row)
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert "Undo" not in compare_window.statusBar().currentMessage()

def test_delete_on_a_linked_row_says_why_and_keeps_it(compare_window, qtbot):
    """Delete on a row already linked (its Dismiss button greyed) dismissed it all the same: the row, Parallels' one
    sign of the link, went, and the pair was both linked and 'not parallel'. Now the status bar says why not."""
    panel = _parallels(compare_window, qtbot)
    panel.table.selectRow(_meeting_row(panel))
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.item(_meeting_row(panel), 1).text().startswith("linked"))
    panel.table.selectRow(_meeting_row(panel))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "delete the link" in compare_window.statusBar().currentMessage())
    assert panel.table.item(_meeting_row(panel), 1).text() == "linked ✓ (contradicts)"
    assert len(compare_window.workspace.parallels.dismissals()) == 0


def test_after_a_dismissal_the_chosen_row_and_its_relation_agree(compare_window, qtbot):
    """Dismissing a row chooses the next one, with its own relation preselected and its reasons shown: the relation
    box kept the dismissed row's relation, so L would have linked the next pair as, say, contradicting."""
    panel = _parallels(compare_window, qtbot)
    row = _meeting_row(panel)
    dismissed = panel.suggestions[row]
    panel.table.selectRow(row)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: all(s.key != dismissed.key for s in panel.suggestions))
    chosen = panel.current()
    assert chosen is not None and chosen is panel.suggestions[min(row, len(panel.suggestions) - 1)]
    assert panel.relation_box.currentData() == chosen.relation
    assert panel.details.text().startswith("Why: " + "; ".join(chosen.reasons))


def test_a_pair_dismissed_long_ago_is_brought_back_from_the_edit_menu(compare_window, qtbot):
    """Edit > Dismissed pairs… lists what was judged not parallel with both passages' words, each source by its title
    (not its file name); Bring back returns the pair to Parallels (one step), however many steps ago it was
    dismissed."""
    from reader.ui.compare.dismissals_dialog import DismissalsDialog

    panel = _parallels(compare_window, qtbot)
    key = panel.suggestions[_meeting_row(panel)].key
    panel.table.selectRow(_meeting_row(panel))
    panel.dismiss_current()
    qtbot.waitUntil(lambda: all(s.key != key for s in panel.suggestions))
    dialog = DismissalsDialog(compare_window.workspace, compare_window.ops, compare_window)
    entry = dialog.pair_list.item(0)
    assert dialog.pair_list.count() == 1  # each side as Parallels showed it: the sentence that tied the pair
    assert entry.text().startswith("Genden Falls into Disfavor: “…The two met on November 15, 1934.”\n")
    assert "Stalin Talking to P. Genden on November 24, 1934" in entry.text().splitlines()[1]
    assert "The two met on November 15, 1934." in entry.toolTip()  # the passages whole
    qtbot.mouseClick(dialog.bring_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(s.key == key for s in panel.suggestions))
    assert dialog.pair_list.count() == 0 and dialog.empty_label.isVisibleTo(dialog)
    assert compare_window.ops.undo_text() == "Bring back dismissed pair"


def test_comparisons_lists_unjudged_suggestions_apart(compare_window, qtbot):
    """Comparisons lists unjudged suggestions for the open documents; dismissing or linking one removes it."""
    compare_window.reading_area.open_document(compare_window.workspace.documents.resolve(MEETING_000).id)
    view = compare_window.annotation_panels.comparisons
    compare_window.resize(1400, 900)
    compare_window.resizeDocks([compare_window.docks["comparisons_dock"]], [420], Qt.Orientation.Vertical)
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 0)
    assert view.model.rowCount() == 0 and view.suggestion_table.isVisible()
    qtbot.waitUntil(lambda: view.suggestion_table.height() > view.table.height())  # the list asked for has the room
    first = view.suggestions[0]
    compare_window.ops.run("Dismiss suggested parallel", lambda: compare_window.workspace.parallels.dismiss(first))
    qtbot.waitUntil(lambda: all(s.key != first.key for s in view.suggestions))
    second = view.suggestions[0]
    compare_window.ops.run("Link passages", lambda: compare_window.workspace.links.link(
        Passage(second.source.document_id, second.source.start, second.source.end),
        Passage(second.other.document_id, second.other.start, second.other.end), second.relation))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and all(s.key != second.key for s in view.suggestions))


def test_unjudged_suggestions_follow_the_open_documents(compare_window, qtbot):
    """A document opened beside, even without taking the focus, adds its unjudged suggestions; closing it takes them
    away again."""
    area, documents = compare_window.reading_area, compare_window.workspace.documents
    area.open_document(documents.resolve(MEETING_000).id)
    view = compare_window.annotation_panels.comparisons
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 0)
    other_id = documents.resolve("003_bfdd3a082e8d2a08.txt").id
    assert all(s.source.document_id != other_id for s in view.suggestions)
    area.open_document(other_id, focus=False)
    qtbot.waitUntil(lambda: any(s.source.document_id == other_id for s in view.suggestions))
    area.close_pane(area.pane_for(other_id))
    qtbot.waitUntil(lambda: all(s.source.document_id != other_id for s in view.suggestions))


def test_closing_the_focused_pane_moves_parallels_to_the_pane_left(compare_window, qtbot):
    """The Parallels panel follows the focused pane: when that pane closes, the panel ranks the document still open
    instead of one no longer on the desk."""
    panel = _parallels(compare_window, qtbot)
    area = compare_window.reading_area
    other_id = compare_window.workspace.documents.resolve(MEETING_002).id
    area.open_document(other_id)
    qtbot.waitUntil(lambda: panel.document_id == other_id)
    area.close_pane(area.pane_for(other_id))
    qtbot.waitUntil(lambda: panel.document_id == area.active_document_id() != other_id)


def test_unjudged_suggestions_are_judged_in_comparisons(compare_window, qtbot):
    """The unjudged list is where pairs wait: L links the chosen one with its suggested relation, Delete dismisses
    one; each leaves the list, and the link joins the linked pairs above. Parallels, opened before, takes no key
    of another panel's (its L and Enter were once the whole window's)."""
    _parallels(compare_window, qtbot)
    compare_window.raise_panel("Comparisons")
    view = compare_window.annotation_panels.comparisons
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 1)
    view.suggestion_table.setFocus()
    first = view.suggestions[0]
    view.suggestion_table.selectRow(0)
    qtbot.keyClick(view.suggestion_table, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and all(s.key != first.key for s in view.suggestions))
    assert compare_window.workspace.comparisons.list()[0].relation == first.relation
    second = view.suggestions[0]
    view.suggestion_table.selectRow(0)
    qtbot.keyClick(view.suggestion_table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: all(s.key != second.key for s in view.suggestions))
    assert len(compare_window.workspace.parallels.dismissals()) == 1 and view.model.rowCount() == 1


def test_timeline_marks_conflicts_and_click_opens(compare_window, qtbot):
    """The Timeline has a lane per dated document, the 1934 meeting's and the protocol's marks in conflict, and a
    click opens one with the sentence giving its date flashed."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    assert len(canvas.lanes) == 5
    conflict = next(m for m in canvas.marks if m.conflict and m.entry.value == "1934-11-24")
    assert "· 2 conflicts (red)" in panel.summary.text()  # counted in words
    panel.zoom_box.setCurrentText("Days")
    conflict = next(m for m in canvas.marks if m.conflict and m.entry.value == "1934-11-15")  # in a paragraph
    panel.scroll.ensureVisible(int(conflict.rect.center().x()), int(conflict.rect.center().y()))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(conflict.rect.center().x()),
                                                                   int(conflict.rect.center().y())))
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(conflict.entry.document_id) is not None)
    pane = compare_window.reading_area.pane_for(conflict.entry.document_id)
    flashed = [pane.version.text[s.cursor.selectionStart():s.cursor.selectionEnd()]
               for s in pane.view.extraSelections()]
    assert "The two met on November 15, 1934." in flashed and len(conflict.entry.passage) > 40


def test_a_conflicting_mark_lists_each_sources_date_and_opens_the_others(compare_window, qtbot):
    """Hovering a mark of a conflict says what each source of the event dates it, and shows the mark's own dated
    sentence (not its paragraph's first words); its context menu opens the other source's passage beside."""
    compare_window.raise_panel("Timeline")
    canvas = compare_window.annotation_panels.timeline.widget().canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    mark = next(m for m in canvas.marks if m.conflict and m.entry.value == "1934-11-15")
    tip = canvas.tip(mark)
    assert "The two met on November 15, 1934." in tip
    assert "Genden Falls into Disfavor: 1934-11-15" in tip  # sources by their titles, cut: not their file names
    assert "«Japan is encroaching on the borders of Mongoli…: 1934-11-24" in tip
    action = next(a for a in canvas.menu_for(mark).actions() if a.text().startswith("Open «Japan is encroaching"))
    action.trigger()
    other = compare_window.workspace.documents.resolve("002_ff824666d88bbe20.txt").id
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(other) is not None)


def test_timeline_from_the_keyboard(compare_window, qtbot):
    """Left and Right step through the marks in time, End goes to the last, Enter opens the chosen mark's passage."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    first = canvas.marks[canvas.current].entry
    assert first.first == min(m.entry.first for m in canvas.marks)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.marks[canvas.current].entry.first >= first.first
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    chosen = canvas.marks[canvas.current].entry
    assert chosen.first == max(m.entry.first for m in canvas.marks)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(chosen.document_id) is not None)


def test_the_timelines_menu_key_opens_the_chosen_marks_menu_at_it(compare_window, qtbot, monkeypatch):
    """The menu key opens the chosen mark's menu at the mark (it opened in the middle of the chart, the keyboard's
    context-menu event standing there)."""
    from types import SimpleNamespace

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    compare_window.raise_panel("Timeline")
    canvas = compare_window.annotation_panels.timeline.widget().canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    opened = []
    monkeypatch.setattr(canvas, "menu_for", lambda mark: SimpleNamespace(exec=lambda at: opened.append((mark, at))))
    QApplication.sendEvent(canvas, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), QPoint(5, 5)))
    chosen = canvas.marks[canvas.current]
    assert opened == [(chosen, canvas.mapToGlobal(chosen.rect.center().toPoint()))]


def test_timeline_shows_the_conflicts_only(compare_window, qtbot):
    """Conflicts only keeps the passages of events whose sources disagree: what a historian comparing sources looks
    for first (the command line's `conflicts`)."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    everything = len(panel.canvas.marks)
    panel.conflicts_box.setChecked(True)
    qtbot.waitUntil(lambda: 0 < len(panel.canvas.marks) < everything)
    assert all(mark.conflict for mark in panel.canvas.marks)
    assert {m.entry.value for m in panel.canvas.marks} >= {"1934-11-15", "1934-11-24", "1934-03-12", "1936"}
    assert panel.summary.text().endswith("2 events · 2 conflicts (red)")
    panel.zoom_box.setCurrentText("Days")  # a few weeks in view: the months named with their year, the days numbered
    conflict = next(m for m in panel.canvas.marks if m.entry.value == "1934-11-24")
    panel.scroll.horizontalScrollBar().setValue(int(panel.canvas.x_of("1934-11-01") - panel.canvas.left) - 10)
    labels = {label: x for x, label, _line in panel.canvas.axis_ticks()}
    assert "Nov 1934" in labels and labels["24"] == conflict.rect.left()
    panel.conflicts_box.setChecked(False)
    qtbot.waitUntil(lambda: len(panel.canvas.marks) == everything)


def test_timeline_fit_shows_every_mark_and_the_keyboard_scrolls_to_its_choice(compare_window, qtbot):
    """Fit lays every dated passage in the visible width (it fitted the years most sources tell of, leaving the
    1945 treaty beyond the right edge). Zoomed in, the mark chosen from the keyboard is scrolled clear of the lane
    names, which had covered it."""
    compare_window.resize(1440, 900)
    compare_window.show()
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    assert panel.zoom_box.currentText() == "Fit"
    qtbot.waitUntil(lambda: canvas.width() <= panel.scroll.viewport().width())
    assert all(m.rect.left() >= canvas.left and m.rect.right() <= canvas.width() for m in canvas.marks)
    panel.zoom_box.setCurrentText("Years")
    canvas.setFocus()
    for key in (Qt.Key.Key_End, Qt.Key.Key_Home):  # the 1945 treaty; then a lifespan's long bar, by its start
        qtbot.keyClick(canvas, key)
        chosen = canvas.marks[canvas.current].rect
        left = panel.scroll.horizontalScrollBar().value()
        assert left + canvas.left <= chosen.left() and chosen.left() + 12 <= left + panel.scroll.viewport().width()


def test_timeline_axis_says_the_year_at_its_scrolled_left_edge(compare_window, qtbot):
    """Scrolled along the axis, the lane names stay at the left and no year label runs under them, and the corner
    above them names the year (and, zoomed to months, the month) at the left edge: a stretch of months without a
    January would otherwise give no year at all."""
    from datetime import date

    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    for zoom, shown in (("Years", "%Y"), ("Months", "%b %Y")):
        panel.zoom_box.setCurrentText(zoom)
        conflict = next(m for m in panel.canvas.marks if m.entry.value == "1934-11-24")
        panel.scroll.horizontalScrollBar().setValue(int(conflict.rect.left()) - 300)
        edge = panel.scroll.horizontalScrollBar().value() + panel.canvas.left
        assert all(x >= edge for x, _label, _line in panel.canvas.axis_ticks())
        at_edge = date.fromordinal(panel.canvas.day_at(edge))
        assert panel.canvas.edge_label() == at_edge.strftime(shown)
        assert at_edge.year == 1934 or (zoom == "Years" and at_edge.year == 1933)


def test_timeline_filters_by_entity(compare_window, qtbot):
    """Typing an entity keeps only passages naming it."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    everything = len(panel.canvas.marks)
    panel.entity_edit.setText("Demid")
    panel.entity_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: 0 < len(panel.canvas.marks) < everything)
    assert all("Demid" in m.entry.passage for m in panel.canvas.marks)


def test_timeline_filters_that_keep_nothing_say_so(compare_window, qtbot):
    """An entity with no conflict and Conflicts only left a blank timeline and "0 dated passages", saying nothing
    of which filters emptied it (audit CK K3)."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.entity_edit.setText("Choibalsan")
    panel.conflicts_box.setChecked(True)
    panel.entity_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.summary.text().startswith("No dated passages"))
    assert panel.summary.text() == "No dated passages with entity “Choibalsan”, conflicts only"
    assert not panel.canvas.marks


def test_timeline_exports_what_it_shows(compare_window, qtbot, tmp_path):
    """The Timeline's export writes the filtered entries as HTML or CSV by the file's extension; the page has the
    window's lanes (sources by title, or entities) and says which filters it shows (it had looked like the whole
    corpus's timeline, in lanes of file names)."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.export_to(str(tmp_path / "t.html"))
    qtbot.waitUntil(lambda: panel.summary.text().startswith("Exported"))
    assert panel.summary.text() == f"Exported {len(panel.canvas.entries)} dated passages to {tmp_path / 't.html'}"
    assert (tmp_path / "t.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    panel.export_to(str(tmp_path / "t.csv"))
    qtbot.waitUntil(lambda: (tmp_path / "t.csv").exists())
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("document,")
    page = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert "Every dated passage:" in page and "Genden Falls into Disfavor" in page  # sources by title
    panel.lanes_box.setCurrentIndex(1)  # a lane per entity, filtered: the page shows the same and says so
    panel.entity_edit.setText("Demid")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.canvas.by_entity and "Gelegdorjiin Demid" in panel.canvas.lanes)
    panel.export_to(str(tmp_path / "demid.html"))
    qtbot.waitUntil(lambda: (tmp_path / "demid.html").exists())
    page = (tmp_path / "demid.html").read_text(encoding="utf-8")
    assert "Dated passages with entity “Demid”:" in page
    assert ">Gelegdorjiin Demid<title>" in page and "Genden Falls into Disfavor" not in page


def test_parallels_for_a_selection(compare_window, qtbot):
    """'For the selection' ranks only against the selected sentence of the focused pane."""
    panel = _parallels(compare_window, qtbot)
    document_id = panel.document_id
    text = compare_window.workspace.documents.text(document_id).text
    start = text.index("Genden was executed in Moscow")
    end = start + len("Genden was executed in Moscow on November 26, 1937.")
    compare_window.reading_area.pane_for(document_id).view.select_range(start, end)
    qtbot.mouseClick(panel.selection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.suggestions and all(s.source.start == start for s in panel.suggestions))
    assert panel.range == (start, end) and all(s.source.end == end for s in panel.suggestions)
    assert panel.suggestions[0].relation == "corroborates" and "tribunal" in panel.suggestions[0].other.text


def test_p_in_a_pane_finds_parallels_of_the_selection(compare_window, qtbot):
    """Select a sentence and press P (or choose Parallel passages from the text's menu): the Parallels panel comes
    forward and ranks against that sentence only."""
    area, documents = compare_window.reading_area, compare_window.workspace.documents
    pane = area.open_document(documents.resolve(MEETING_000).id)
    start = pane.version.text.index("Genden was executed in Moscow")
    end = start + len("Genden was executed in Moscow on November 26, 1937.")
    pane.view.select_range(start, end)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_P)
    panel = compare_window.annotation_panels.parallels.widget()
    qtbot.waitUntil(lambda: panel.range == (start, end) and bool(panel.suggestions))
    assert panel.isVisible() and all(s.source.start == start for s in panel.suggestions)


def test_p_with_nothing_selected_finds_parallels_of_the_whole_document(compare_window, qtbot):
    """P in a pane with nothing selected brings Parallels forward for the whole document (it used to do nothing, and
    say nothing), as the panel's own button does when the selection is empty."""
    documents = compare_window.workspace.documents
    compare_window.reading_area.open_document(documents.resolve("001_c9451cbdf41c54f1.txt").id)
    pane = compare_window.reading_area.open_document(documents.resolve(MEETING_000).id)
    lazy = compare_window.annotation_panels.parallels
    pane.view.setFocus()
    assert pane.view.selection_range() is None and lazy.dock.widget() is None  # not asked for yet
    qtbot.keyClick(pane.view, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: lazy.dock.widget() is not None)
    panel = lazy.widget()
    qtbot.waitUntil(lambda: panel.document_id == pane.document_id and bool(panel.suggestions))
    assert panel.isVisible() and panel.range is None


def test_linking_passages_as_contradicting_marks_the_timeline(compare_window, qtbot):
    """Passages that are no event by their dates or words, linked as contradicting (000's second meeting 'in early
    1935' and 002's summit of November 24, 1934), are marked in conflict at once on the open Timeline; such an
    event is not offered to be judged 'not one event', which says why."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: "· 2 conflicts (red)" in panel.summary.text())
    assert not any(m.conflict and m.entry.value == "1935 early" for m in panel.canvas.marks)
    workspace = compare_window.workspace
    ends = []
    for name, quote in (("000_8339fa2bec93c400.txt", "Genden met again with the Soviet “father” in early 1935"),
                        (MEETING_002, "The summit meeting of November 24, 1934")):
        document_id = workspace.documents.resolve(name).id
        start = workspace.documents.text(document_id).text.index(quote)
        ends.append(Passage(document_id, start, start + len(quote)))
    compare_window.ops.run("Link passages", lambda: workspace.links.link(*ends, "contradicts"))
    qtbot.waitUntil(lambda: any(m.conflict and m.entry.value == "1935 early" for m in panel.canvas.marks))
    mark = next(m for m in panel.canvas.marks if m.entry.value == "1935 early")
    held = next(a for a in panel.canvas.menu_for(mark).actions() if "your link" in a.text())
    assert not held.isEnabled()  # 'Not one event' would only dismiss the pair the user linked, unseen


def test_an_event_judged_not_one_leaves_the_timeline_until_undone(compare_window, qtbot):
    """A conflict mark's context menu parts its event ('Not one event'): the Timeline shows one conflict fewer, and
    Edit > Undo brings it back."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: "· 2 conflicts (red)" in panel.summary.text())
    mark = next(m for m in panel.canvas.marks if m.conflict and m.entry.value == "1936")
    panel.scroll.ensureVisible(int(mark.rect.center().x()), int(mark.rect.center().y()))
    qtbot.mouseMove(panel.canvas, QPoint(int(mark.rect.center().x()), int(mark.rect.center().y())))
    qtbot.waitUntil(lambda: "same words: assistance signed, mutual assistance" in panel.canvas.toolTip())
    action = next(a for a in panel.canvas.menu_for(mark).actions() if a.text().startswith("Not one event"))
    action.trigger()
    qtbot.waitUntil(lambda: "· 1 conflict (red)" in panel.summary.text())
    assert not any(m.conflict and m.entry.value == "1936" for m in panel.canvas.marks)
    compare_window.ops.undo()
    qtbot.waitUntil(lambda: "· 2 conflicts (red)" in panel.summary.text())


def test_timeline_lanes_per_entity(compare_window, qtbot):
    """Laid out per entity, each lane is a name and its marks are passages naming it; the names most often dated
    come first, in view without scrolling (alphabetical order put Black Sea and China above Genden and Mongolia)."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.lanes_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Peljidiin Genden" in panel.canvas.lanes)
    lane = panel.canvas.lanes.index("Peljidiin Genden")
    row = [m for m in panel.canvas.marks if int((m.rect.center().y() - 28) // 30) == lane]
    assert row and all("Peljidiin Genden" in m.entry.entities for m in row)
    dated = [sum(name in e.entities for e in panel.canvas.entries) for name in panel.canvas.lanes]
    assert dated == sorted(dated, reverse=True) and lane < 5


def _timeline_by_entity(window, qtbot, size: tuple[int, int]):
    """The Timeline shown in a window of `size`, a lane per entity (more lanes than the view holds)."""
    window.resize(*size)
    window.show()
    window.raise_panel("Timeline")
    panel = window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.lanes_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Peljidiin Genden" in panel.canvas.lanes)
    return panel


def test_timeline_axis_stays_in_view_when_the_lanes_are_scrolled_down(compare_window, qtbot):
    """Scrolled down many lanes (a lane per entity), the year axis stays at the top of the view as it was: it
    scrolled away with the first lanes, leaving marks far down with no year to read."""
    from reader.ui.compare.timeline_view import TOP

    panel = _timeline_by_entity(compare_window, qtbot, (1366, 768))
    panel.zoom_box.setCurrentText("Years")
    bar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 3 * TOP)

    def axis_seen():
        return panel.scroll.viewport().grab().toImage().copy(0, 0, panel.scroll.viewport().width(), TOP)

    at_top = axis_seen()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: axis_seen() == at_top)


def test_timeline_fit_needs_no_sideways_scrolling_beside_a_scroll_bar_for_lanes(compare_window, qtbot):
    """Fit with more lanes than the view holds (a lane per entity) lays the axis in the width left beside the
    vertical scroll bar: it had been fitted to the whole width, so a sideways scroll bar came and cut the last
    year off."""
    panel = _timeline_by_entity(compare_window, qtbot, (1440, 900))
    assert panel.zoom_box.currentText() == "Fit"
    qtbot.waitUntil(lambda: panel.scroll.verticalScrollBar().maximum() > 0)
    qtbot.waitUntil(lambda: panel.scroll.horizontalScrollBar().maximum() == 0)


def test_a_wide_window_gives_its_room_to_the_passages(compare_window, qtbot):
    """In a wide window the two passages judged take the spare width, not the mostly empty Disagreements column
    (the last column stretched had cut the passages short at 1920 pixels)."""
    compare_window.resize(1900, 1000)
    compare_window.show()
    panel = _parallels(compare_window, qtbot)
    table = panel.table
    qtbot.waitUntil(lambda: table.viewport().width() > 1500)
    qtbot.waitUntil(lambda: min(table.columnWidth(2), table.columnWidth(4)) > 2 * table.columnWidth(6))
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)


def test_timeline_lane_names_take_the_room_long_titles_need(compare_window, qtbot):
    """Lanes named by long titles widen their column (up to a limit, and a quarter of a narrow view) rather than cut
    every title at 190 px, where two sources' openings ran together; the marks start right of it."""
    from reader.ui.compare.timeline_view import LEFT, LEFT_MOST

    compare_window.raise_panel("Timeline")
    canvas = compare_window.annotation_panels.timeline.widget().canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    assert LEFT < canvas.left <= LEFT_MOST
    assert all(mark.rect.left() >= canvas.left for mark in canvas.marks)
    compare_window.resize(911, 512)  # 1366×768 at 150 %: the names were a third of the view
    qtbot.waitUntil(lambda: compare_window.width() == 911)
    canvas.set_scale(0.0, 900)
    assert LEFT <= canvas.left <= 225 and all(mark.rect.left() >= canvas.left for mark in canvas.marks)


def test_conflict_marks_are_drawn_over_the_others_and_a_click_anywhere_takes_the_keys(compare_window, qtbot):
    """At Fit the red 12 March 1934 mark lay under the grey April marks drawn after it; and a click in the empty
    stretch below the lanes left the keys dead (the chart never took the focus)."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    kinds = [(mark.conflict, mark.in_event) for mark in canvas.marks]
    assert kinds == sorted(kinds)  # plain first, then events, conflicts last: painted on top, found first
    panel.scroll.viewport().setFocus()
    below = QPoint(panel.scroll.viewport().width() // 2, panel.scroll.viewport().height() - 5)
    qtbot.mouseClick(panel.scroll.viewport(), Qt.MouseButton.LeftButton, pos=below)
    assert canvas.hasFocus()


def test_a_click_on_an_unjudged_suggestion_opens_both_passages(compare_window, qtbot):
    """In Parallels a click opens the other passage; in Comparisons' unjudged list a click did nothing (it took a
    double-click). Its Why says where the two differ, as Parallels does."""
    _parallels(compare_window, qtbot)
    compare_window.raise_panel("Comparisons")
    view = compare_window.annotation_panels.comparisons
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 1)
    row = next(n for n, s in enumerate(view.suggestions) if s.hints)
    assert "Where they differ: " in view.suggestion_table.item(row, 5).toolTip()
    wanted = view.suggestions[row].other.document_id
    rect = view.suggestion_table.visualRect(view.suggestion_table.model().index(row, 1))
    qtbot.mouseClick(view.suggestion_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: compare_window.reading_area.pane_for(wanted) is not None)


def test_zooming_in_opens_where_most_sources_tell_or_at_the_chosen_mark(compare_window, qtbot):
    """Zoom > Months opened at 1919, some fifteen years of scrolling from the 1934-1937 marks where both conflicts
    are: a zoom opens on the stretch holding the most marks, or around the mark chosen."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))

    def in_view(mark) -> bool:  # its first day (a long bar's left end)
        left = panel.scroll.horizontalScrollBar().value() + canvas.left
        return left <= mark.rect.left() <= left + panel.scroll.viewport().width() - canvas.left

    panel.zoom_box.setCurrentText("Months")
    assert in_view(next(m for m in canvas.marks if m.conflict and m.entry.value == "1934-11-24"))
    early = min(range(len(canvas.marks)), key=lambda n: canvas.marks[n].entry.first)
    canvas.current = early
    panel.zoom_box.setCurrentText("Days")
    assert in_view(canvas.marks[early])


def test_a_paint_draws_only_the_marks_in_view(compare_window, qtbot):
    """Every paint drew every mark of the timeline (a second per scroll step on a large library): a paint of a
    stretch draws the marks there, in the order that puts conflicts on top."""
    from PySide6.QtCore import QRectF

    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    panel.zoom_box.setCurrentText("Months")
    conflict = next(m for m in canvas.marks if m.conflict and m.entry.value == "1934-11-24")
    around = QRectF(conflict.rect.center().x() - 200, 0, 400, canvas.height())
    shown = canvas.marks_in(around)
    assert conflict in shown and len(shown) < len(canvas.marks)
    assert [canvas.marks.index(m) for m in shown] == sorted(canvas.marks.index(m) for m in shown)


def _quoted(workspace, document_id, quote):
    start = workspace.documents.text(document_id).text.index(quote)
    return Passage(document_id, start, start + len(quote))


def _three_open_at_1366(window, qtbot, names=("001_c9451cbdf41c54f1.txt", "003_bfdd3a082e8d2a08.txt",
                                              "004_b764a032f36e08ce.txt")):
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1366)
    for name in names:
        window.reading_area.open_document(window.workspace.documents.resolve(name).id)
    return window.reading_area


def test_a_linked_pair_opens_side_by_side_on_a_full_desk(compare_window, qtbot):
    """Double-click (or Enter) on a pair in Comparisons with three sources open at 1366×768 shows both its passages
    beside each other: the second took the first's pane, and the account being compared was gone."""
    area = _three_open_at_1366(compare_window, qtbot)
    workspace = compare_window.workspace
    one, two = (workspace.documents.resolve(name).id for name in (MEETING_000, MEETING_002))
    link = workspace.links.link(*(_quoted(workspace, document_id, quote) for document_id, quote in (
        (one, "The two met on November 15, 1934."), (two, "Stalin Talking to P. Genden"))), "contradicts")
    compare_window.annotation_panels.comparisons.pair_activated.emit(link.from_annotation_id,
                                                                     link.to_annotation_id)
    qtbot.waitUntil(lambda: area.pane_for(one) is not None and area.pane_for(two) is not None)
    assert len(area.panes) == 3


def test_a_timeline_mark_opens_in_place_of_a_pane_on_a_full_desk(compare_window, qtbot):
    """A mark clicked with three sources open at 1366×768 opens its passage in place of a pane, as Parallels does,
    not as a fourth pane of some twenty characters a line."""
    area = _three_open_at_1366(compare_window, qtbot)
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    mark = next(m for m in panel.canvas.marks if area.pane_for(m.entry.document_id) is None)
    panel.passage_requested.emit(mark.entry.document_id, mark.entry.start, mark.entry.end)
    qtbot.waitUntil(lambda: area.pane_for(mark.entry.document_id) is not None)
    assert len(area.panes) == 3


def test_a_timeline_filter_leaves_a_shown_mark_its_conflict(compare_window, qtbot):
    """Filtered to Genden, 003's protocol of March 1934 (naming Genden) stays red, its conflict with 002's 'signed in
    1936' (not naming him) kept: the events were grouped among the shown marks alone."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: any(m.conflict and m.entry.value == "1934-03-12" for m in panel.canvas.marks))
    panel.entity_edit.setText("Genden")
    panel.entity_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.summary.text().startswith(f"{len(panel.canvas.marks)} dated")
                    and all("Genden" in m.entry.passage for m in panel.canvas.marks))
    protocol = [m for m in panel.canvas.marks if m.entry.value == "1934-03-12"]
    assert protocol and all(m.conflict for m in protocol)


def test_parallels_first_shown_gets_a_third_of_the_window(compare_window, qtbot):
    """At 1366×768 the first look at Parallels showed two suggestions (a dock of 154 pixels): the room it was to be
    given was taken back at once by the lazy panel keeping the dock's former height."""
    compare_window.resize(1366, 768)
    compare_window.show()
    qtbot.waitUntil(lambda: compare_window.width() == 1366)
    dock = compare_window.docks["parallels_dock"]
    assert compare_window.docks["comparisons_dock"].height() < compare_window.height() // 4  # the tabs shown
    compare_window.raise_panel("Parallels")
    qtbot.waitUntil(lambda: dock.height() >= compare_window.height() // 4)  # the room other docks leave
    QApplication.processEvents()
    assert dock.height() >= compare_window.height() // 4


def test_the_timeline_lays_its_marks_out_once_per_reading(compare_window, qtbot, monkeypatch):
    """Shown, the marks were laid out twice, for the entries and then for the zoom: on a thousand documents a fifth
    of a second each on the window's thread."""
    from reader.ui.compare.timeline_view import TimelineCanvas

    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    layouts = []
    laid_out = TimelineCanvas._layout_marks
    monkeypatch.setattr(TimelineCanvas, "_layout_marks", lambda canvas: (layouts.append(1), laid_out(canvas)))
    panel.summary.setText("")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.summary.text() != "")
    assert layouts == [1] and panel.canvas.marks


def test_comparisons_behind_another_tab_is_listed_when_shown(compare_window, qtbot, monkeypatch):
    """Every note added or undone re-listed all linked pairs even while Comparisons lay behind another tab (3,000
    pairs: a quarter of a second of a frozen window each time): hidden, it waits, and is current once shown."""
    view = compare_window.annotation_panels.comparisons
    with qtbot.waitSignal(compare_window.docks["comparisons_dock"].visibilityChanged):
        compare_window.raise_panel("Timeline")
    listed = []
    workspace = compare_window.workspace
    pairs = workspace.comparisons.list
    monkeypatch.setattr(workspace.comparisons, "list", lambda *args: (listed.append(1), pairs(*args))[1])
    one, two = (workspace.documents.resolve(name).id for name in (MEETING_000, MEETING_002))
    compare_window.ops.run("Link", lambda: workspace.links.link(
        _quoted(workspace, one, "The two met on November 15, 1934."),
        _quoted(workspace, two, "Stalin Talking to P. Genden"), "contradicts"))
    compare_window.ops.run("Note", lambda: workspace.annotations.create(one, 0, 10, note="a note"))
    QApplication.processEvents()  # the coalesced notices are taken on the next turn of the event loop
    assert listed == []
    compare_window.raise_panel("Comparisons")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)


def test_a_note_lists_the_pairs_again_but_not_the_filters_choices(compare_window, qtbot, monkeypatch):
    """A note added re-read every document for the Document filter too (a thousand documents: a quarter of the time
    a note held the window): the choices are read again only when documents or tags change, a new title shown."""
    view = compare_window.annotation_panels.comparisons
    compare_window.raise_panel("Comparisons")
    workspace = compare_window.workspace
    read, pairs = [], []
    documents, listed = workspace.documents.list, workspace.comparisons.list
    monkeypatch.setattr(workspace.comparisons, "list", lambda *args: (pairs.append(1), listed(*args))[1])
    monkeypatch.setattr(view, "_documents", SimpleNamespace(list=lambda: (read.append(1), documents())[1]))
    one = workspace.documents.resolve(MEETING_000).id
    compare_window.ops.run("Note", lambda: workspace.annotations.create(one, 0, 10, note="a note"))
    qtbot.waitUntil(lambda: bool(pairs))
    assert read == []
    compare_window.ops.run("Title", lambda: workspace.documents.update_metadata(one, {"title": "Zhabaeva's account"}))
    qtbot.waitUntil(lambda: view.document_box.findText("Zhabaeva's account") >= 0)


def test_an_event_of_two_sources_titled_alike_is_said_of_two_sources():
    """Two copies of one report, their titles alike in the first 48 characters the tooltip gives: a conflict between
    them read "One event in 1 source", one line with both dates, as if one source contradicted itself."""
    from reader.core.records.compare import TimelineEntry, TimelineEvent
    from reader.ui.compare.timeline_view import _event_lines

    title = "Report of the Soviet plenipotentiary in Ulaanbaatar to the NKID"
    names = {1: f"{title}, Moscow copy", 2: f"{title}, Ulaanbaatar copy"}
    entries = [TimelineEntry(number, f"copy{number}.txt", "primary", 0, 10, date, date, "day", date, date, "")
               for number, date in ((1, "1934-11-15"), (2, "1934-11-24"))]
    lines = _event_lines(TimelineEvent(1, entries, ("Genden",), True), lambda entry: names[entry.document_id][:48])
    assert lines[0].startswith("One event in 2 sources") and len(lines) == 3
    assert "(copy1.txt): 1934-11-15" in lines[1] and "(copy2.txt): 1934-11-24" in lines[2]


def test_a_parallels_heading_longer_than_two_lines_is_cut_below_not_through(compare_window, qtbot):
    """At 1366×768 and 125 % the heading wrapped to three lines in its two lines' room, centred: its first and last
    lines were cut through the middle of the letters. It shows its first two lines whole (all of it in the tip)."""
    panel = _parallels(compare_window, qtbot)
    panel.title.resize(260, panel.title.height())
    image = panel.title.grab().toImage()
    background = image.pixel(image.width() - 1, 0)
    assert all(image.pixel(x, 0) == background for x in range(image.width()))  # no letter cut at the top


def test_parallels_says_when_there_are_more_and_shows_them(compare_window, qtbot):
    """The panel said '20 suggested' where the document had 30, and the rest could not be reached: it says the 20
    are the best of more, and More lists the next ones."""
    panel = _parallels(compare_window, qtbot)
    everything = compare_window.workspace.parallels.suggest(panel.document_id, top=100)
    assert len(everything) > 20 and len(panel.suggestions) == 20
    assert panel.title.text().startswith("The best 20") and panel.more_button.isVisible()
    panel.more_button.click()
    qtbot.waitUntil(lambda: len(panel.suggestions) > 20)
    assert [s.key for s in panel.suggestions] == [s.key for s in everything[:len(panel.suggestions)]]
    assert panel.more_button.isVisible() == (len(everything) > len(panel.suggestions))


def test_timeline_fit_over_months_of_one_year_names_its_months(compare_window, qtbot):
    """Fit over Genden's conflicts (March to November 1934) showed no label on the axis but the corner's '1934':
    months were named only from the Months zoom on. Wherever a month has room for its name, it is named."""
    compare_window.resize(1440, 900)
    compare_window.show()
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.entity_edit.setText("Genden")
    panel.entity_edit.editingFinished.emit()
    panel.conflicts_box.setChecked(True)
    qtbot.waitUntil(lambda: {m.entry.first[:4] for m in panel.canvas.marks} == {"1934"})
    assert panel.zoom_box.currentText() == "Fit"
    labels = [label for _x, label, _line in panel.canvas.axis_ticks()]
    assert {"Jun 1934", "Sep 1934"} <= set(labels)


def test_the_unjudged_suggestions_name_each_column_in_full(compare_window, qtbot):
    """At 1366×768 the list's 'Suggested relation' header read 'uggested relatior': each column is as wide as its
    name."""
    compare_window.resize(1366, 768)
    compare_window.reading_area.open_document(compare_window.workspace.documents.resolve(MEETING_000).id)
    view = compare_window.annotation_panels.comparisons
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 0)
    header = view.suggestion_table.horizontalHeader()
    assert all(header.sectionSize(c) >= header.sectionSizeFromContents(c).width() for c in range(header.count()))


def test_passages_of_one_source_dated_one_day_are_each_seen_and_a_click_takes_the_keys(compare_window, qtbot):
    """002 dates the summit to 24 November 1934 three times: its three marks lay on one dot, two of them out of the
    mouse's reach, and a click left the keys at no mark, so Right jumped to the first mark of all, in 1919 (audit BN
    F3, F4). Marks at one place in a lane spread across it; a click makes its mark the keys' choice."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    canvas = panel.canvas
    qtbot.waitUntil(lambda: bool(canvas.marks))
    panel.zoom_box.setCurrentText("Months")
    same_day = [m for m in canvas.marks if m.entry.file_name == MEETING_002 and m.entry.first == "1934-11-24"]
    assert len(same_day) == 3
    for mark in same_day:
        spot = mark.rect.center()
        assert canvas.mark_at(spot.x(), spot.y()) == mark
    panel.scroll.ensureVisible(int(same_day[0].rect.center().x()), int(same_day[0].rect.center().y()))
    middle = sorted(same_day, key=lambda m: m.rect.center().y())[1]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=middle.rect.center().toPoint())
    assert canvas.marks[canvas.current] == middle
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.marks[canvas.current].entry.first >= "1934-11-24"


def test_the_timelines_export_offers_html_and_csv_in_the_last_export_folder(compare_window, qtbot, tmp_path,
                                                                           monkeypatch):
    """The Timeline's Export… offered 'All Files (*)' in the program's folder, and a name typed without an
    extension was written as CSV without one (audit BN F10): it offers an HTML page and a CSV table, a name takes
    the kind chosen's extension, and it opens where the last export went."""
    compare_window.settings.setValue("export/folder", str(tmp_path))
    offered = {}

    def choose_csv(dialog):
        offered.update(folder=dialog.directory().absolutePath(), kinds=dialog.nameFilters())
        dialog.selectNameFilter("CSV table (*.csv)")
        dialog.filterSelected.emit("CSV table (*.csv)")
        dialog.selectFile("dates")
        return 1

    _export_timeline_choosing(compare_window, qtbot, monkeypatch, choose_csv)
    qtbot.waitUntil(lambda: (tmp_path / "dates.csv").exists())
    assert offered == {"folder": str(tmp_path), "kinds": ["HTML page (*.html *.htm)", "CSV table (*.csv)"]}
    assert (tmp_path / "dates.csv").read_text(encoding="utf-8-sig").startswith("document,title,")


def test_comparisons_keep_the_date_a_long_quote_differs_by_in_view(compare_window, qtbot):
    """A linked pair's long quote was cut at its end, so the date the contradiction is about (“…Talking to P.
    Genden on November 24, 1934”) was out of view (audit BN F1): a quote is cut around its date that differs from
    the other side's, as Parallels cuts a sentence around its date."""
    workspace = compare_window.workspace
    meeting = workspace.documents.resolve(MEETING_000).id
    summit = workspace.documents.resolve(MEETING_002).id
    title = workspace.documents.text(summit).text.split("\n")[2]
    assert title.endswith("November 24, 1934") and len(title) > 120
    compare_window.ops.run("Link passages", lambda: workspace.links.link(
        _quoted(workspace, meeting, "The two met on November 15, 1934."), _quoted(workspace, summit, title),
        "contradicts"))
    view = compare_window.annotation_panels.comparisons
    compare_window.raise_panel("Comparisons")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.setColumnWidth(3, 240)
    shown = view.proxy.index(0, 3)
    qtbot.waitUntil(lambda: "November 24, 1934" in shown.data())
    assert shown.data().startswith("…") and shown.data(Qt.ItemDataRole.ToolTipRole) == title


def test_the_timelines_entity_box_completes_names_and_says_a_name_none_has(compare_window, qtbot):
    """The entity box was bare: a misspelt name gave an empty chart reading '0 dated passages · 0 events · 0
    conflicts' (audit BN F9). It completes the register's names, and a name none has is said so, with the nearest."""
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    completer = panel.entity_edit.completer()
    completer.setCompletionPrefix("gende")
    assert "Peljidiin Genden" in [completer.completionModel().index(row, 0).data()
                                  for row in range(completer.completionCount())]
    panel.entity_edit.setText("Gendn")
    panel.entity_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: panel.summary.text().startswith("no entity is named “Gendn”: did you mean"))
    assert not panel.canvas.marks  # the marks of the filter before were kept, and exported under this one (BO F4)


def test_the_timelines_entity_box_offers_names_whole(compare_window, qtbot):
    """The names offered as an entity is typed were cut to the box's width ("Foreign Affairs G…"): the list is as
    wide as the longest name it offers."""
    compare_window.show()
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.entity_edit.setFocus()
    qtbot.keyClicks(panel.entity_edit, "gende")
    popup = panel.entity_edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert "Peljidiin Genden" in offered
    assert popup.viewport().width() >= max(popup.fontMetrics().horizontalAdvance(name) for name in offered)


def test_comparisons_asked_for_suggestions_gets_room_for_them(compare_window, qtbot):
    """At 1366×768, Suggested, not yet judged showed one row and half of the next in the bottom dock of 180 pixels
    (audit BN F7): asked for, the list's dock takes a third of the window, as Parallels does when first shown."""
    compare_window.resize(1366, 768)
    compare_window.show()
    qtbot.waitUntil(lambda: compare_window.width() == 1366)
    compare_window.reading_area.open_document(compare_window.workspace.documents.resolve(MEETING_000).id)
    dock, view = compare_window.docks["comparisons_dock"], compare_window.annotation_panels.comparisons
    assert dock.height() < compare_window.height() // 4
    view.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: dock.height() >= compare_window.height() // 4, timeout=20_000)
    qtbot.waitUntil(lambda: view.suggestion_table.height() > view.table.height(), timeout=20_000)


def test_comparisons_sort_by_the_quotes_not_by_where_they_are_cut(compare_window, qtbot):
    """Sorted by a quote column, rows were ordered by the quote as cut around its date ('…convened on…'), and the
    order changed as the column was resized (audit BO F7): they sort by the quotes whole."""
    workspace = compare_window.workspace
    meeting = workspace.documents.resolve(MEETING_000).id
    summit = workspace.documents.resolve(MEETING_002).id
    summit_text = workspace.documents.text(summit).text
    title = summit_text.split("\n")[2]
    compare_window.ops.run("Link passages", lambda: workspace.links.link(
        _quoted(workspace, summit, title), _quoted(workspace, meeting, "The two met on November 15, 1934."),
        "contradicts"))
    compare_window.ops.run("Link passages", lambda: workspace.links.link(
        _quoted(workspace, meeting, "Genden"), _quoted(workspace, summit, "Mongolia"), "see_also"))
    view = compare_window.annotation_panels.comparisons
    compare_window.raise_panel("Comparisons")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.table.setColumnWidth(0, 240)
    qtbot.waitUntil(lambda: view.proxy.index(0, 0).data().startswith("…") or
                    view.proxy.index(1, 0).data().startswith("…"))
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [view.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) for row in range(2)] == ["Genden", title]
    sorted_by = {view.proxy.index(row, 0).data(view.proxy.sortRole()) for row in range(2)}
    assert sorted_by == {"Genden", title}  # what the rows are ordered by: the quotes whole


def test_the_timelines_export_writes_the_kind_chosen_whatever_dots_the_name_holds(compare_window, qtbot, tmp_path,
                                                                                 monkeypatch):
    """'HTML page' chosen, a name with a date in it ('timeline 24.11.1934') was written as CSV without an extension:
    its '.1934' was taken for one (audit BO F9). The kind chosen's extension is added to a name without it."""
    def choose_html(dialog):
        dialog.setDirectory(str(tmp_path))
        dialog.selectNameFilter("HTML page (*.html *.htm)")
        dialog.selectFile("timeline 24.11.1934")
        return 1

    _export_timeline_choosing(compare_window, qtbot, monkeypatch, choose_html)
    qtbot.waitUntil(lambda: (tmp_path / "timeline 24.11.1934.html").exists())
    assert (tmp_path / "timeline 24.11.1934.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _export_timeline_choosing(window, qtbot, monkeypatch, choose) -> None:
    """Click the Timeline's Export… with the file dialog answered by `choose(dialog)`."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "exec", choose)
    window.raise_panel("Timeline")
    panel = window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    next(b for b in panel.findChildren(QPushButton) if b.text() == "Export…").click()


def test_delete_on_a_linked_pair_deletes_its_link(compare_window, qtbot):
    """Delete and Shift+F10 on a linked pair in Comparisons did nothing and said nothing, though Delete dismisses a
    suggestion just below (audit DK 6): Delete, or the row's context menu, deletes the link, undoably, and says so."""
    workspace = compare_window.workspace
    first, second = (workspace.documents.resolve(name).id for name in (MEETING_000, MEETING_002))
    ends = [workspace.annotations.create_at_quote(first, "Genden").id,
            workspace.annotations.create_at_quote(second, "Stalin").id]
    compare_window.ops.run("Link passages", lambda: workspace.links.link(*ends, "contradicts"))
    view = compare_window.annotation_panels.comparisons
    compare_window.raise_panel("Comparisons")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
    assert [action.text() for action in view.table.actions()] == ["Delete link"]
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 0)
    assert compare_window.statusBar().currentMessage().startswith("Delete link (contradicts)")
    compare_window.ops.undo()
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)


def test_tab_goes_through_comparisons_as_it_is_laid_out(compare_window, qtbot):
    """Tab went from the relation box to the tag box, the document box, the kind box and only then the entity box
    beside the tag box, and the linked pairs came before the filters above them (audit DK 12)."""
    view = compare_window.annotation_panels.comparisons
    compare_window.raise_panel("Comparisons")
    compare_window.activateWindow()
    view.relation_box.setFocus()
    qtbot.waitUntil(view.relation_box.hasFocus)
    expected = [box for box in (view.tag_box, view.entity_box, view.document_box, view.kind_box, view.reliability_box,
                                view.suggestions_toggle, view.table) if box.isVisible()]  # the entity box shows once
    reached = []  # a linked passage names an entity
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == expected


def test_the_unjudged_suggestions_say_why_the_list_is_empty(compare_window, qtbot):
    """Ticked with no document open, or while ranking, the list was empty with no word why (audit DK 8): a line says
    to open a document, then that the open documents' suggestions are being ranked, and goes once they are listed."""
    view = compare_window.annotation_panels.comparisons
    view.suggestions_toggle.setChecked(True)
    assert view.suggestion_state.isVisibleTo(view) and view.suggestion_state.text().startswith("Open a document")
    compare_window.reading_area.open_document(compare_window.workspace.documents.resolve(MEETING_000).id)
    assert view.suggestion_state.text().startswith("Ranking")
    qtbot.waitUntil(lambda: view.suggestion_table.rowCount() > 0)
    assert not view.suggestion_state.isVisibleTo(view)


def test_the_unjudged_suggestions_asked_for_are_listed_after_a_restart(qtbot, workspace):
    """The ticked box was restored before the list had its source: after a restart the box was ticked and no list
    shown (audit DK 8)."""
    first = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(first)
    first.annotation_panels.comparisons.suggestions_toggle.setChecked(True)
    first.close()
    second = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(second)
    view = second.annotation_panels.comparisons
    assert view.suggestions_toggle.isChecked() and view.suggestion_table.isVisibleTo(view)
    assert view.suggestion_state.text().startswith("Open a document")


def test_the_open_timeline_follows_entity_decisions(compare_window, qtbot):
    """Renamed, or said not to be an entity, a name kept its lane on the open Timeline (and in its export) until
    Refresh (audit DQ F1): the lanes and the names offered follow the register as decided."""
    workspace = compare_window.workspace
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    panel.lanes_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Peljidiin Genden" in panel.canvas.lanes and "Mongolia" in panel.canvas.lanes)
    named = {e.name: e.id for e in workspace.entities.register()}
    compare_window.ops.run("Rename", lambda: workspace.entities.rename(named["Peljidiin Genden"], "Genden, P."))
    compare_window.ops.run("Not an entity", lambda: workspace.entities.reject_entity(named["Mongolia"]))
    qtbot.waitUntil(lambda: "Genden, P." in panel.canvas.lanes and "Mongolia" not in panel.canvas.lanes)
    assert "Peljidiin Genden" not in panel.canvas.lanes and "Genden, P." in panel.entity_names.stringList()


def test_the_open_timeline_follows_dates_written_in_notes(compare_window, qtbot):
    """A date written in a note is a Timeline mark, yet the open Timeline showed it only after Refresh, and kept it
    (and exported it) once its highlight was in the Trash (audit DQ F2)."""
    workspace = compare_window.workspace
    compare_window.raise_panel("Timeline")
    panel = compare_window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))

    def shown() -> bool:
        return any(m.entry.value == "1936-03-03" for m in panel.canvas.marks)

    document_id = workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    made = compare_window.ops.run("Highlight", lambda: workspace.annotations.create_at_quote(
        document_id, "the ballroom in Moscow was lit up", note="Zhabaeva gives 3 March 1936"))
    qtbot.waitUntil(shown)
    compare_window.raise_panel("Comparisons")  # the Timeline behind another tab reads again once shown
    compare_window.ops.run("Delete annotation", lambda: workspace.annotations.delete(made.id))
    compare_window.raise_panel("Timeline")
    qtbot.waitUntil(lambda: not shown())


def _timeline_in_days(window, qtbot):
    """The Timeline shown, its marks read, zoomed to days (wider than the view), and its sideways scroll bar."""
    window.raise_panel("Timeline")
    panel = window.annotation_panels.timeline.widget()
    qtbot.waitUntil(lambda: bool(panel.canvas.marks))
    panel.zoom_box.setCurrentText("Days")
    return panel, panel.scroll.horizontalScrollBar()


def test_a_change_elsewhere_leaves_the_timeline_where_it_was_read_and_as_filtered(compare_window, qtbot):
    """Read again for every note changed, the Timeline jumped back to where most marks are, and took a filter half
    typed in its box for one applied (audit DS F5): it stays on the days read, with the filters last applied."""
    workspace = compare_window.workspace
    panel, bar = _timeline_in_days(compare_window, qtbot)
    bar.setValue(bar.minimum() + 40)  # the reader scrolled to the earliest days
    shown = len(panel.canvas.marks)
    document_id = workspace.documents.list()[0].id
    made = compare_window.ops.run("Highlight", lambda: workspace.annotations.create(document_id, 0, 10))
    qtbot.waitUntil(lambda: not compare_window.runner.is_busy())  # the reading the change asked for, shown
    assert bar.value() == bar.minimum() + 40
    panel.entity_edit.setText("Gend")  # typed, not yet applied
    compare_window.ops.run("Change colour", lambda: workspace.annotations.set_color(made.id, "green"))
    qtbot.waitUntil(lambda: not compare_window.runner.is_busy())
    assert bar.value() == bar.minimum() + 40 and len(panel.canvas.marks) == shown
    assert "no entity" not in panel.summary.text()


def test_a_filter_applied_as_a_change_comes_is_shown_where_its_marks_are(compare_window, qtbot):
    """A change read just after a filter applied took its reading's place and kept the old view, the filtered marks
    mostly out of it (audit DU F3): the filter's reading is placed as it would be alone."""
    workspace = compare_window.workspace
    panel, bar = _timeline_in_days(compare_window, qtbot)
    panel.entity_edit.setText("Peljidiin Genden")
    panel.refresh()
    qtbot.waitUntil(lambda: not compare_window.runner.is_busy())
    placed = bar.value()
    bar.setValue(bar.minimum())
    panel.refresh()
    compare_window.ops.run("Highlight", lambda: workspace.annotations.create(workspace.documents.list()[0].id, 0, 10))
    qtbot.waitUntil(lambda: not compare_window.runner.is_busy())
    assert placed != bar.minimum() and bar.value() == placed
