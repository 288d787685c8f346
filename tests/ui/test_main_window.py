"""The main window: the library lists the corpus, filters, opens documents, edits metadata, imports, restores."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from reader.core.workspace import Workspace
from reader.ui.app import build_window, settings_for
from reader.ui.library_model import DOCUMENT_ID_ROLE, LibraryModel
from reader.ui.shortcuts_dialog import collect_shortcuts


def _titles(window):
    proxy = window.library.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_library_lists_the_corpus_with_titles(window):
    """The five sample documents are listed by their extracted titles."""
    assert sorted(_titles(window)) == sorted(i.title for i in window.workspace.documents.list())
    assert "Genden Falls into Disfavor" in _titles(window)


def test_filter_box_narrows_the_list(window, qtbot):
    """Typing in the filter box keeps only matching documents."""
    qtbot.keyClicks(window.library.filter_box, "soviet army")
    assert _titles(window) == ["The Soviet Army in Mongolia"]


def test_double_click_opens_the_document(window, qtbot):
    """Double-clicking a row shows that document's text in the reading area."""
    table = window.library.table
    row = _titles(window).index("The Soviet Army in Mongolia")
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = window.reading_area.panes[0]
    assert pane.view.toPlainText().startswith("+1 (618)724-5782")
    assert pane.header.title_label.text() == "The Soviet Army in Mongolia"


def test_metadata_edit_is_saved(window, qtbot):
    """Editing the kind and author in the metadata panel updates the library and the database."""
    window.library.table.selectRow(0)
    document_id = window.library.selected_document_id()
    window.metadata.kind_box.setCurrentText("primary")
    window.metadata.line_edits["author"].setText("Anonymous chronicler")
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)
    info = window.workspace.documents.get(document_id)
    assert (info.metadata.kind, info.metadata.author) == ("primary", "Anonymous chronicler")


def test_metadata_fields_show_the_start_of_long_values(window, qtbot):
    """A title longer than its field shows its beginning, as written, not its last letters; the whole is a
    tooltip."""
    window.library.table.selectRow(0)
    title = window.metadata.line_edits["title"]
    qtbot.waitUntil(lambda: bool(title.text()))
    assert title.cursorPosition() == 0 and title.toolTip() == title.text()


def test_reading_desk_only_hides_the_panels_and_brings_the_same_back(window, qtbot):
    """View > Reading desk only (Ctrl+Shift+F) gives the panes the whole window, for three sources side by side on a
    laptop; again, it brings back the panels that were open, with the same tab in front."""
    window.resize(1366, 768)
    window.raise_panel("Timeline")
    open_before = {name for name, dock in window.docks.items() if dock.toggleViewAction().isChecked()}
    front_before = {name for name, dock in window.docks.items() if dock.isVisible()}
    area_width = window.reading_area.width()
    window.desk_action.trigger()
    qtbot.waitUntil(lambda: window.reading_area.width() > area_width + 400)
    assert not any(dock.isVisible() for dock in window.docks.values())
    window.desk_action.trigger()
    qtbot.waitUntil(lambda: {n for n, d in window.docks.items() if d.isVisible()} == front_before)
    assert {n for n, d in window.docks.items() if d.toggleViewAction().isChecked()} == open_before
    assert "Ctrl+Shift+F" in [keys for keys, _what, _where in collect_shortcuts(window)]


def test_import_runs_in_a_worker_and_refreshes(window, qtbot, tmp_path):
    """File import happens off the GUI thread; the new document appears in the library afterwards."""
    path = tmp_path / "letter.txt"
    path.write_text("A letter from Ulaanbaatar about the events of 1937.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([path])
    assert "A letter from Ulaanbaatar about the events of 1937." in _titles(window)
    assert "Undo takes the import back" in window.statusBar().currentMessage()
    window.edit_menu.aboutToShow.emit()
    assert window.undo_action.text() == "&Undo Import letter.txt"
    window.undo_action.trigger()  # the window's Undo takes an import made by its worker back: to the Trash
    qtbot.waitUntil(lambda: "A letter from Ulaanbaatar about the events of 1937." not in _titles(window))
    assert window.statusBar().currentMessage() == "Undone: Import letter.txt"


def test_layout_is_restored_after_restart(qtbot, workspace):
    """Window geometry and dock layout come back at the next start against the same database."""
    first = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    first.findChild(QDockWidget, "metadata_dock").hide()
    saved_size = (first.width(), first.height())
    first.close()
    second_workspace = Workspace.open(Path(workspace.path))
    second = build_window(second_workspace, settings_for(workspace.path))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == saved_size != (1400, 900)
    assert not second.findChild(QDockWidget, "metadata_dock").isVisible()
    second.close()
    second_workspace.close()


def test_library_model_passes_qt_checks(qtmodeltester, workspace):
    """The library model follows Qt's model rules."""
    model = LibraryModel()
    model.set_documents(workspace.documents.list())
    qtmodeltester.check(model)


def test_dropping_files_imports_them(window, qtbot, tmp_path):
    """Dropping a file from the desktop onto the window imports it."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.md"
    path.write_text("# A dropped memoir of the purge years\n\nText.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.dropEvent(event)
    assert "A dropped memoir of the purge years" in _titles(window)  # its Markdown heading mark left out


def test_an_import_says_what_it_did_and_the_entity_count_does_not_hide_it(window, qtbot, tmp_path):
    """A copy of a document already imported is named with the reason it was skipped, a changed file says Undo takes
    its new text back (its notes moved to the new text), and counts are said right ("1 new version"). Recognition
    then reports in its own place on the status bar: it used to replace the import's line within a second."""
    texts = Path(__file__).resolve().parents[2] / "texts"
    copy = tmp_path / "good_copy.txt"
    copy.write_bytes((texts / "002_ff824666d88bbe20.txt").read_bytes())
    changed = tmp_path / "000_8339fa2bec93c400.txt"
    changed.write_text("A first version.\n" + (texts / changed.name).read_text(encoding="utf-8"), encoding="utf-8")
    workspace = window.workspace
    [imported] = workspace.documents.import_paths([changed]).outcomes  # a document of its own: the first file stays
    document_id = imported.document_id
    changed.write_text("A new first line.\n" + (texts / changed.name).read_text(encoding="utf-8"), encoding="utf-8")
    start = workspace.documents.text(document_id).text.index("Genden Falls")
    workspace.annotations.create(document_id, start, start + 12, note="title")
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([copy, changed])
    message = window.statusBar().currentMessage()
    assert "1 new version," in message and "1 unchanged" in message
    assert "good_copy.txt: same text as 002_ff824666d88bbe20.txt" in message
    assert "Undo takes the new text back" in message
    qtbot.waitUntil(lambda: window.recognition_status.text().startswith("Entities:"), timeout=20000)
    assert window.statusBar().currentMessage() == message


def test_opening_the_bottom_panels_does_not_grow_the_bottom_of_the_window(window, qtbot):
    """The Notebook and Needs review stacked their parts one above another, so the first look at either grew the
    bottom docks to about 370 pixels for good (View > Reset layout too): the library and the entity register were
    left a row or two at 1440x900. Each fits the bottom's usual height, its parts side by side."""
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    bottom = window.docks["comparisons_dock"].height()
    for title in ("Notebook", "Needs review", "Source criticism", "Parallels", "Timeline", "Comparisons"):
        window.raise_panel(title)
        dock = window.docks[title.lower().replace(" ", "_") + "_dock"]
        qtbot.waitUntil(lambda dock=dock: dock.widget() is not None)
        assert dock.widget().minimumSizeHint().height() <= bottom, title
    QApplication.processEvents()  # the layout pass the docks are resized in
    assert window.docks["comparisons_dock"].height() <= bottom + 10


def test_a_bottom_panel_shown_the_first_time_keeps_the_room_the_bottom_had(window, qtbot):
    """At 1366x768 Parallels, built on its first showing, took the height it liked (a half more), and every reading
    pane shrank and reflowed under the reader's eyes; so did each panel after it. Only the wide lists (Parallels, the
    Timeline) take a set share of the window, once; a panel shown after them keeps the room the bottom has."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    bottom = None
    for title in ("Parallels", "Timeline", "Notebook"):
        window.raise_panel(title)
        dock = window.docks[title.lower() + "_dock"]
        qtbot.waitUntil(lambda dock=dock: dock.widget() is not None and dock.widget().isVisible())
        for _ in range(3):  # the layout passes a new dock content is sized in
            QApplication.processEvents()
        bottom = bottom or dock.height()
        assert dock.height() <= bottom + 10, title


def test_failed_import_is_reported_in_the_status_bar(window, qtbot, tmp_path, monkeypatch):
    """A file that cannot be imported is named in the status bar and the warning; nothing is added."""
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([bad])
    assert "1 failed" in window.statusBar().currentMessage()
    assert shown and "scan.txt: binary file" in shown[0]
    assert len(_titles(window)) == 5


def test_shortcuts_are_listed_from_the_live_actions(window):
    """Help > Keyboard shortcuts lists the window's real shortcuts, e.g. Import and Quit."""
    from reader.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts

    shortcuts = dict((name, keys) for keys, name, _where in collect_shortcuts(window))
    assert shortcuts["Import"] == "Ctrl+O" and shortcuts["Keyboard shortcuts"] == "F1"
    dialog = ShortcutsDialog(collect_shortcuts(window), window)
    names = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert "Quit" in names
    assert not window.reading_area.panes  # a first start: the reading keys are listed before any text is open
    assert shortcuts["Highlight"] == "H" and shortcuts["Link to"] == "L" and shortcuts["Parallel passages"] == "P"
    assert shortcuts["Link with the chosen relation"] == "L" and shortcuts["Not a mention"] == "Del"  # not built yet
    window.reading_area.open_document(window.workspace.documents.list()[0].id)
    assert collect_shortcuts(window).count(("Ctrl++, Ctrl+=", "Zoom in", "Document pane")) == 1  # once, a pane open


def test_the_shortcuts_list_has_the_keys_lists_and_the_timeline_answer(window):
    """The Timeline's Left, Right, Home, End and Enter, and Enter opening what the Library, Search, Comparisons and a
    note's links list, worked and were in no list (audit DA F4)."""
    rows = collect_shortcuts(window)
    assert ("Left, Right", "Previous or next mark in time", "Timeline") in rows
    assert ("Home, End", "First or last mark in time", "Timeline") in rows
    assert ("Return", "Open the chosen mark's passage", "Timeline") in rows
    opened = {where for keys, _what, where in rows if keys == "Return"}
    assert {"Library", "Search results", "Comparisons", "A note's links"} <= opened


def test_every_panel_has_a_letter_in_view_and_go_to(window):
    """View > Go to listed twelve panels without a letter to press: Timeline took Alt+V, G and eleven Downs (audit DA
    F5). Each entry of Go to, and of View, but those with keys of their own (F6), has its own letter."""
    go_to = next(action.menu() for action in window.view_menu.actions() if action.text() == "&Go to")
    for menu in (go_to, window.view_menu):
        named = [action for action in menu.actions() if action.text() and action.shortcut().isEmpty()]
        letters = [action.text()[action.text().index("&") + 1].casefold() for action in named if "&" in action.text()]
        assert len(letters) == len(named) and len(set(letters)) == len(letters), [a.text() for a in named]
    assert "&Timeline" in [action.text() for action in go_to.actions()] or any(
        action.text().replace("&", "") == "Timeline" for action in go_to.actions())
    in_view = {action.text().replace("&", ""): action.text() for action in window.view_menu.actions()}
    for action in go_to.actions():  # a panel's letter is the same in both: "Se&arch" in one, "Searc&h" in the other
        if action.text() and action.shortcut().isEmpty():
            assert action.text() == in_view[action.text().replace("&", "")]


def test_reading_desk_only_takes_the_focus_to_the_text_read(window, qtbot):
    """Ctrl+Shift+F from the Search box hid the box with the focus in it: nothing showed the focus, and the keys
    typed next went nowhere to be seen (audit DA F6). The text read takes it."""
    pane = window.reading_area.open_document(window.workspace.documents.list()[0].id)
    window.activateWindow()
    window.raise_panel("Search")
    box = window.search_panel.widget().box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    window.desk_action.trigger()
    qtbot.waitUntil(pane.view.hasFocus)
    window.desk_action.trigger()


def test_the_shortcuts_list_has_save_note_and_it_saves(window, qtbot):
    """Ctrl+Return saved a note but was in no list (a button's shortcut, not an action's): it is listed where it
    works, and works there."""
    from reader.ui.shortcuts_dialog import collect_shortcuts

    assert ("Ctrl+Return", "Save note", "Note panel and Notebook") in collect_shortcuts(window)
    document_id = window.workspace.documents.list()[0].id
    created = window.workspace.annotations.create(document_id, 0, 10)
    window.reading_area.show_annotation(created.id)
    inspector = window.annotation_panels.inspector.widget()
    qtbot.waitUntil(lambda: inspector.editor.isEnabled())
    inspector.editor.source.setPlainText("typed, then Ctrl+Return")
    inspector.editor.source.setFocus()
    qtbot.keyClick(inspector.editor.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace.annotations.get(created.id).note == "typed, then Ctrl+Return")


def test_shortcuts_say_where_each_key_works(window):
    """L links in a document pane, in Parallels and in Comparisons' suggestions, each its own way: the list says
    which row is which, and window-wide keys come first."""
    from reader.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts

    shortcuts = collect_shortcuts(window)
    assert {(what, place) for keys, what, place in shortcuts if keys == "L"} == {
        ("Link to", "Document pane"), ("Link with the chosen relation", "Parallels"),
        ("Link with the suggested relation", "Comparisons' suggestions")}
    assert shortcuts[0][2] == "Anywhere" and ("Ctrl+O", "Import", "Anywhere") in shortcuts
    dialog = ShortcutsDialog(shortcuts, window)
    assert dialog.table.horizontalHeaderItem(2).text() == "Where"
    rows = [tuple(dialog.table.item(row, column).text() for column in range(3))
            for row in range(dialog.table.rowCount())]
    assert ("Del", "Not a mention", "Doubtful mentions") in rows
    assert ("Ctrl+Z", "Undo", "Anywhere but a text box") in shortcuts


def test_library_counts_notes_and_sorts_numerically(window, qtbot):
    """The Notes column counts a document's notes: highlights with one, and Notebook notes on it (a highlight without
    a note counted as '1 note', and a Notebook note not at all, audit CB F4); numeric columns sort as numbers."""
    from reader.ui.library_model import COLUMNS

    info = window.workspace.documents.resolve("002_ff824666d88bbe20.txt")
    window.workspace.annotations.create(info.id, 0, 16, note="Journal name")
    window.workspace.annotations.create(info.id, 20, 30)
    window.workspace.annotations.create(info.id, 40, 50, note="\t\n\u00a0")  # blank: no note (audit CC N8)
    window.workspace.notebook.create("The journal dates it 1936.", "Dates", info.id)
    window.refresh_library()
    proxy = window.library.proxy
    notes = {proxy.index(r, 0).data(): proxy.index(r, COLUMNS.index("Notes")).data() for r in range(proxy.rowCount())}
    assert notes[info.title] == 2
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == info.title)
    assert "3 highlights · 2 notes" in proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    window.ops.run("New note", lambda: window.workspace.notebook.create("More on it.", "", info.id))
    qtbot.waitUntil(lambda: [proxy.index(r, COLUMNS.index("Notes")).data() for r in range(proxy.rowCount())
                             if proxy.index(r, 0).data() == info.title] == [3])  # a Notebook note counts at once
    window.library.table.sortByColumn(COLUMNS.index("Characters"), Qt.SortOrder.AscendingOrder)
    lengths = [proxy.index(r, COLUMNS.index("Characters")).data() for r in range(proxy.rowCount())]
    assert lengths == sorted(lengths)


def test_metadata_edit_can_be_undone(window, qtbot):
    """Edit > Undo brings back the metadata as it was before Save."""
    window.library.table.selectRow(0)
    document_id = window.library.selected_document_id()
    before = window.workspace.documents.get(document_id).metadata.author
    window.metadata.line_edits["author"].setText("Somebody else")
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)
    assert window.workspace.documents.get(document_id).metadata.author == "Somebody else"
    undo = next(a for a in window.edit_menu.actions() if a.text().startswith("&Undo") or a.text().startswith("Undo"))
    undo.trigger()
    assert window.workspace.documents.get(document_id).metadata.author == before
    qtbot.waitUntil(lambda: window.metadata.line_edits["author"].text() == before)


def test_annotation_panels_are_docked_and_follow_the_library(window):
    """Comparisons, review, notebook and source criticism are docks; selecting a document enables its criticism."""
    names = {dock.objectName() for dock in window.findChildren(QDockWidget)}
    assert {"comparisons_dock", "needs_review_dock", "notebook_dock", "source_criticism_dock"} <= names
    window.library.table.selectRow(0)
    assert window.annotation_panels.source_criticism.widget().isEnabled()


def test_going_back_into_a_pane_brings_its_document_back_to_the_side_panels(window, qtbot):
    """A library row chosen by a single click shows its document in Metadata; clicking back into the pane one was
    reading must show that pane's document again (it stayed on the library's, so a title typed there went to a
    document open nowhere)."""
    documents = window.workspace.documents
    reading = window.reading_area.open_document(documents.resolve("000_8339fa2bec93c400.txt").id)
    reading.view.setFocus()
    qtbot.waitUntil(lambda: window.metadata._document_id == reading.document_id)
    other = documents.resolve("003_bfdd3a082e8d2a08.txt").id
    window.library.select_document(other)
    window.library.table.setFocus()
    qtbot.waitUntil(lambda: window.metadata._document_id == other)
    reading.view.setFocus()
    qtbot.waitUntil(lambda: window.metadata._document_id == reading.document_id)
    assert window.library.selected_document_id() == reading.document_id


def test_a_panel_behind_a_tab_is_built_when_raised(window, qtbot):
    """Start-up builds only visible docks; raising the Notebook tab builds it, showing the selected document."""
    window.show()
    qtbot.waitExposed(window)
    notebook = window.annotation_panels.notebook
    assert notebook.dock.widget() is None
    window.library.table.selectRow(1)
    window.raise_panel("Notebook")
    qtbot.waitUntil(lambda: notebook.dock.widget() is not None)
    selected = window.library.selected_document_id()
    assert notebook.dock.widget().scope_box.currentData() == selected


def test_the_first_screen_loads_no_editing_code(workspace):
    """Start-up stays fast: the shown window has not imported sqlite-utils, editing services, the entity service, the
    text view or json."""
    workspace.close()
    code = ("import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; "
            "from reader.core.workspace import Workspace; from reader.ui.app import build_window, settings_for; "
            f"app = QApplication([]); path = Path({str(workspace.path)!r}); "
            "window = build_window(Workspace.open(path), settings_for(path)); window.show(); app.processEvents(); "
            "assert window.library.model.rowCount() == 5; "
            "print(' '.join(sorted(m for m in ('sqlite_utils', 'json', 'reader.core.annotations.service', "
            "'reader.core.annotations.links', 'reader.ui.reading.pane', 'reader.ui.commands', "
            "'reader.core.entities.service') if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_edit_undo_reaches_a_change_made_from_the_command_line(window, qtbot):
    """Undo is the core's: a note added by another program is undone from the window's Edit menu, and the views
    follow."""
    other = Workspace.open(window.workspace.path, backup=False)
    document_id = other.documents.list()[0].id
    other.annotations.create(document_id, 0, 10, note="from a script")
    other.close()
    window.edit_menu.aboutToShow.emit()
    assert window.undo_action.text() == "&Undo Add annotation" and window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert window.workspace.annotations.all() == []
    assert window.redo_action.text() == "&Redo Add annotation"


def test_the_window_never_grows_when_panes_and_docks_open(window, qtbot):
    """Protects small screens: four texts and every panel opened at 1366x768 keep the window at that size."""
    window.resize(1366, 768)
    for info in window.workspace.documents.list()[:4]:
        window.reading_area.open_document(info.id)
    for dock in window.docks.values():
        window.raise_panel(dock.windowTitle())
    QApplication.processEvents()  # let the layout settle
    assert window.width() == 1366
    assert all(pane.width() > 150 for pane in window.reading_area.panes)


def test_reset_layout_brings_the_docks_back(window):
    """View > Reset layout docks a floating panel again and shows the default side panels."""
    dock = window.docks["metadata_dock"]
    dock.setFloating(True)
    reset = next(a for a in window.view_menu.actions() if a.text() == "&Reset layout")
    reset.trigger()
    assert not dock.isFloating() and dock.isVisible()


def test_the_reading_position_comes_back_by_text(window, qtbot, tmp_path):
    """A pane reopens at the same text (its first visible character), even when the window is narrower."""
    document_id = window.workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    pane = window.reading_area.open_document(document_id)
    target = pane.version.text.index("crucial to Genden's power base")  # the middle of a line
    pane.view.show_from(target)
    state = window.reading_area.session_state()
    again = build_window(window.workspace, settings_for(tmp_path / "other.db"))
    qtbot.addWidget(again)
    again.resize(1000, 700)
    again.show()
    again.reading_area.restore_session(state)
    qtbot.waitUntil(lambda: abs(again.reading_area.panes[0].view.first_visible_offset() - target) < 120)


def test_the_reading_place_does_not_creep_from_start_to_start(window, qtbot, tmp_path):
    """Each restart brought a text back a line higher than it was left (the place was read off the viewport's top
    pixel, in the line above the first one shown), so over a week of starts the reader lost pages: the place a
    pane is restored at is the place it saves again."""
    pane = window.reading_area.open_document(window.workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id)
    pane.view.show_from(pane.version.text.index("crucial to Genden's power base"))  # the middle of a paragraph
    state, places = window.reading_area.session_state(), []
    for _start in range(3):
        again = build_window(window.workspace, settings_for(tmp_path / "other.db"))
        qtbot.addWidget(again)
        again.resize(1000, 700)
        again.show()
        again.reading_area.restore_session(state)
        view = again.reading_area.panes[0].view
        qtbot.waitUntil(lambda view=view: view.isVisible() and view.viewport().width() > 100)
        QApplication.processEvents()
        places.append(view.first_visible_offset())
        state = again.reading_area.session_state()
        again.close()
    assert len(set(places)) == 1, places


def test_a_text_keeps_its_place_through_changes_of_width(window, qtbot):
    """Each press of Reading desk only, on and off (or any change of a pane's width and back), brought a text back a
    line or more higher (eight lines over four presses): a line's start at one width is a line up at another. The
    place the reader was at comes back."""
    pane = window.reading_area.open_document(window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    pane.view.show_from(pane.version.text.index("But perceiving that the lamas") + 40)  # inside a line
    qtbot.waitUntil(lambda: pane.view._held_place is None)
    before = pane.view.first_visible_offset()
    for width in (1000, 1366, 1130, 1366, 1000, 1366):
        window.resize(width, 768)
        qtbot.waitUntil(lambda width=width: window.width() == width and pane.view._held_place is None)
        QApplication.processEvents()
    assert pane.view.first_visible_offset() == before


def test_reset_layout_gives_the_texts_their_first_height_back(window, qtbot):
    """View > Reset layout doubled the bottom panel (154 to 306 pixels at 1366×768), the texts losing a third of their
    height: the panels tabbed together were each given the bottom's height, and added up."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    window.reset_layout()
    qtbot.waitUntil(lambda: window.docks["comparisons_dock"].height() < 250)
    first = window.docks["comparisons_dock"].height()
    for name in ("000_8339fa2bec93c400.txt", "001_c9451cbdf41c54f1.txt"):
        window.reading_area.open_document(window.workspace.documents.resolve(name).id)
    window.reset_layout()
    dock = window.docks["comparisons_dock"]
    qtbot.waitUntil(lambda: dock.height() <= max(first, 200))
    screen = window.screen().availableGeometry()
    assert screen.contains(window.frameGeometry())


def test_a_folder_is_imported_from_the_file_menu(window, qtbot, tmp_path, monkeypatch):
    """File > Import… picks files only: a folder of sources could be imported by a drop or the command line, not
    from the menu (nor the keyboard). File > Import folder… takes one, with everything in it."""
    from reader.ui import file_dialogs

    (tmp_path / "letters").mkdir()
    for number in range(2):
        (tmp_path / "letters" / f"letter{number}.txt").write_text(f"Letter {number} of the legation.\n",
                                                                    encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "existing_folder", lambda *_args: str(tmp_path / "letters"))
    chosen = next(a for a in window.file_menu.actions() if a.text() == "Import &folder…")
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        chosen.trigger()
    assert {"letter0.txt", "letter1.txt"} <= {d.file_name for d in window.workspace.documents.list()}


def test_an_empty_timeline_opens(window):
    """Protects the Timeline on a corpus with nothing dated yet (no recognition run): it opens, empty, no error."""
    window.raise_panel("Timeline")
    assert window.annotation_panels.timeline.widget() is not None


def test_metadata_panel_shows_no_kind_before_a_document_is_chosen(qtbot):
    """With no document selected the Kind box is empty, not the list's first kind looking chosen."""
    from reader.ui.metadata_panel import MetadataPanel

    panel = MetadataPanel(lambda _document_id, _changes: None, lambda _text: None, lambda _document_id: None)
    qtbot.addWidget(panel)
    assert (panel.kind_box.currentText(), panel.isEnabled()) == ("", False)
    assert panel.file_label.text() == "No document selected"


def test_no_window_wide_shortcut_shares_its_keys(window, qtbot):
    """A window-wide key also bound anywhere else in the window is ambiguous where both are live, and Qt then runs
    neither (Comparisons' L once did nothing after Parallels was opened): with every panel built and two panes open,
    each window-wide key does one thing. Keys of one widget only (L in two tables) may repeat."""
    from collections import defaultdict

    from PySide6.QtGui import QAction, QShortcut

    for dock in window.docks.values():
        dock.show()
        dock.raise_()
    for info in window.workspace.documents.list()[:2]:
        window.reading_area.open_document(info.id)
    qtbot.waitUntil(lambda: len(window.reading_area.panes) == 2)
    wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    bound = defaultdict(list)  # keys -> (window-wide?, what)
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            bound[keys.toString()].append((action.shortcutContext() in wide, action.text()))
    for shortcut in window.findChildren(QShortcut):
        bound[shortcut.key().toString()].append((shortcut.context() in wide, f"a key of {shortcut.parent()}"))
    clashes = {keys: uses for keys, uses in bound.items() if len(uses) > 1 and any(is_wide for is_wide, _ in uses)}
    assert clashes == {}


def test_dialogs_of_the_edit_menu_go_when_closed(window, qtbot, monkeypatch):
    """Trash, Manage tags and Dismissed pairs are gone once closed: kept as hidden children of the window, every one
    ever opened went on reading the database again at each change."""
    from PySide6.QtWidgets import QDialog

    monkeypatch.setattr(QDialog, "exec", lambda dialog: dialog.done(0) or 0)
    titles = ("Trash…", "Manage tags…", "Dismissed pairs…")
    actions = [a for a in window.edit_menu.actions() if a.text().replace("&", "") in titles]
    assert len(actions) == len(titles)
    for _ in range(2):
        for action in actions:
            action.trigger()
    qtbot.waitUntil(lambda: not [d for d in window.findChildren(QDialog) if type(d).__name__ != "QDialog"])


def test_an_empty_library_says_how_to_begin(qtbot, tmp_path):
    """A first start shows how to bring documents in, not 'double-click a document in the library' over an empty
    library; once one is imported, the hint says how to read and compare."""
    workspace = Workspace.open(tmp_path / "first.db")
    window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(window)
    window.show()
    hint = window.reading_area.empty_label
    assert "File > Import" in hint.text() and "drop" in hint.text()
    (tmp_path / "letter.txt").write_text("A letter from Ulaanbaatar about the events of 1937.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([tmp_path / "letter.txt"])
    qtbot.waitUntil(lambda: hint.text().startswith("Double-click a document in the library"))
    window.close()
    workspace.close()


def test_the_note_panels_controls_are_all_in_view_at_1366_by_768(window, qtbot):
    """At 1366×768 the Note panel showed its two note boxes and little else: Save, Tags, Colour, Links and Delete
    were below, to scroll to (audit CB F5), although they fit: its wrapped lines made it ask for its preferred height.
    It takes the height it has; a long quote in its heading is still read whole."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1366)
    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    text = window.workspace.documents.text(document_id).text
    start = text.index("Judging by the tone")
    created = window.workspace.annotations.create(document_id, start, start + 300, note="**two** lines\n\n- of a note")
    window.reading_area.open_document(document_id)
    window.raise_panel("Note")
    window.reading_area.annotation_selected.emit(created.id)
    inspector = window.annotation_panels.inspector.widget()
    scroll = window.annotation_panels.inspector.dock.widget()
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() == 0)
    assert not inspector.delete_button.visibleRegion().isEmpty()
    assert not inspector.layout().hasHeightForWidth()  # with it, its scroll area gave it its preferred height, not
    # the height it has (a label takes height-for-width again with each text it is given)
    heading = inspector.heading
    assert heading.height() >= heading.heightForWidth(heading.width())  # every line of it
    assert heading.toolTip() == f"“{' '.join(text[start:start + 300].split())}”"  # the quote whole, cut above
    short = window.workspace.annotations.create(document_id, 0, 6)
    window.reading_area.annotation_selected.emit(short.id)  # no taller than its own text (it kept the long one's
    qtbot.waitUntil(lambda: heading.height() == heading.heightForWidth(heading.width()))  # height, audit CC N7)


def test_a_highlight_chosen_shows_the_note_panel_from_its_top(window, qtbot):
    """At 1366×768 the Note panel scrolls; scrolled down to its links, it stayed there for the next highlight chosen,
    showing the rendered note only: typing there went nowhere (audit CB F5). A new highlight shows it from the top."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1366)
    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    first, second = (window.workspace.annotations.create(document_id, start, start + 20, note="a thought\n" * 8)
                     for start in (0, 40))
    window.reading_area.open_document(document_id)
    window.raise_panel("Note")
    window.reading_area.annotation_selected.emit(first.id)
    scroll = window.annotation_panels.inspector.dock.widget().verticalScrollBar()
    window.resize(1366, 560)  # shorter than the panel: it scrolls
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    scroll.setValue(scroll.maximum())
    window.reading_area.annotation_selected.emit(second.id)
    assert scroll.value() == 0


def test_no_panel_lies_over_another_at_1366_by_768(window, qtbot):
    """At 1366×768, with Comparisons showing its suggestions too, the Note panel's Delete button lay over the tabs
    below it (Metadata, Note, Mentions): a click on the Note tab deleted the highlight. A panel taller than its
    room scrolls instead."""

    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1366)
    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    created = window.workspace.annotations.create(document_id, 0, 20, note="first thought", tags=["banquet"])
    window.reading_area.open_document(document_id)
    window.raise_panel("Note")
    window.annotation_panels.inspector.widget().show_annotation(created.id)
    window.raise_panel("Comparisons")
    window.annotation_panels.comparisons.suggestions_toggle.setChecked(True)
    qtbot.waitUntil(lambda: window.annotation_panels.comparisons.suggestion_table.isVisible())
    qtbot.waitUntil(lambda: not _docks_over_tabs(window))


def test_a_narrow_library_shows_titles_and_the_columns_it_has_room_for(qtbot, workspace):
    """At the Library's default width the titles were squeezed to a word and Date, Notes and File were behind a
    sideways scroll bar: a narrow panel shows the titles and only the columns that fit; widened, it shows all."""
    from reader.ui.library_model import COLUMNS
    from reader.ui.library_panel import LibraryPanel

    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_documents(workspace.documents.list())
    panel.resize(220, 400)
    panel.show()
    qtbot.waitExposed(panel)
    table = panel.table
    qtbot.waitUntil(lambda: table.isColumnHidden(COLUMNS.index("File")))
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) >= 120
    assert "journal abstract" in table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) + "".join(
        table.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole) for row in range(5))
    panel.resize(1000, 400)
    qtbot.waitUntil(lambda: not any(table.isColumnHidden(column) for column in range(len(COLUMNS))))


def test_reset_layout_brings_back_the_docks_as_they_start(window, qtbot):
    """View > Reset layout unfloated the docks and sized them, but a panel the reader had moved to another side
    stayed there: Reset brings back the first start's places, and the side panels' widths."""
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    window.reset_layout()
    QApplication.processEvents()
    metadata, library = window.docks["metadata_dock"], window.docks["library_dock"]
    width = metadata.width()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, library)
    window.raise_panel("Mentions")
    window.resizeDocks([window.docks["mentions_dock"]], [700], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    window.reset_layout()
    qtbot.waitUntil(lambda: window.dockWidgetArea(library) == Qt.DockWidgetArea.LeftDockWidgetArea)
    QApplication.processEvents()
    assert abs(metadata.width() - width) <= 10


def test_showing_the_entities_panel_keeps_the_left_side_as_wide_as_it_was(window, qtbot):
    """The Entities panel needed 309 pixels (its buttons three a row, a long heading on one line): its first
    showing widened the left side from 215 for good, and took that width from the texts being compared."""
    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    window.reset_layout()
    QApplication.processEvents()
    width = window.docks["library_dock"].width()
    window.raise_panel("Entities")
    dock = window.docks["entities_dock"]
    qtbot.waitUntil(lambda: dock.widget() is not None and dock.widget().isVisible())
    QApplication.processEvents()
    assert dock.width() <= width + 5


def test_undo_and_redo_say_what_they_took_back(window, qtbot):
    """Ctrl+Z on a change not on screen (a note in a panel not shown) changed nothing visible and said nothing:
    Undo and Redo say in the status line which step they took, and on which source."""
    document = window.workspace.documents.list()[0]
    window.ops.run("Add annotation", lambda: window.workspace.annotations.create(document.id, 0, 10))
    quote = window.workspace.documents.text(document.id).text[:10]
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == f"Undone: Add annotation on “{quote}” ({document.title})"
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == f"Redone: Add annotation on “{quote}” ({document.title})"


def test_undo_names_the_passage_whose_note_it_took_back(window, qtbot):
    """With many notes on one source, "Undone: Edit note (title)" left the user to find which note had changed:
    a step on one annotation names its passage."""
    document = window.workspace.documents.list()[0]
    text = window.workspace.documents.text(document.id).text
    created = window.ops.run("Add annotation", lambda: window.workspace.annotations.create(document.id, 0, 10))
    window.ops.run("Edit note", lambda: window.workspace.annotations.set_note(created.id, "checked"))
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == f"Undone: Edit note on “{text[:10]}” ({document.title})"


def test_f6_and_go_to_reach_every_part_of_the_window_from_the_keyboard(window, qtbot):
    """No key moved the focus from one text to the next or into a panel (Tab was caught in tables and note boxes):
    F6 and Shift+F6 step through the texts and the panels shown, and View > Go to shows and focuses any panel."""
    area = window.reading_area
    first, second = (area.open_document(info.id) for info in window.workspace.documents.list()[:2])
    window.activateWindow()
    first.view.setFocus()
    qtbot.waitUntil(first.view.hasFocus)
    window.next_part_action.trigger()
    assert second.isAncestorOf(QApplication.focusWidget())
    window.previous_part_action.trigger()
    assert first.isAncestorOf(QApplication.focusWidget())
    window.next_part_action.trigger()
    window.next_part_action.trigger()
    assert not any(pane.isAncestorOf(QApplication.focusWidget()) for pane in area.panes)  # a panel now
    go_to = next(action.menu() for action in window.view_menu.actions() if action.text() == "&Go to")
    next(action for action in go_to.actions() if action.text().replace("&", "") == "Timeline").trigger()
    timeline = window.docks["timeline_dock"]
    qtbot.waitUntil(lambda: timeline.isAncestorOf(QApplication.focusWidget()))


def test_f6_goes_round_the_window_as_it_is_laid_out(window, qtbot):
    """F6 from the Library went to Comparisons' filter below it, where the next Down silently changed what the table
    showed, and the text just opened came three presses later (audit AZ F3): it goes as the window reads, the panels
    on the left, the texts, the panels on the right, then those along the bottom."""
    first, second = window.workspace.documents.list()[:2]
    window.ops.run("Link", lambda: window.workspace.links.link(window.workspace.annotations.create(first.id, 0, 9).id,
                                                               window.workspace.annotations.create(second.id, 0, 9).id,
                                                               "contradicts"))
    qtbot.waitUntil(lambda: window.annotation_panels.comparisons.table.model().rowCount() == 1)
    pane = window.reading_area.open_document(first.id)
    window.activateWindow()
    window.library.table.setFocus()
    qtbot.waitUntil(window.library.table.hasFocus)
    window.next_part_action.trigger()
    assert QApplication.focusWidget() is pane.view
    window.next_part_action.trigger()
    assert window.docks["metadata_dock"].isAncestorOf(QApplication.focusWidget())
    window.next_part_action.trigger()  # into the list, not a filter above it whose Down key changed the list unseen
    assert QApplication.focusWidget() is window.annotation_panels.comparisons.table


def test_f6_and_tab_pass_over_the_panels_behind_another_tab(window, qtbot):
    """Qt keeps a panel behind another's tab 'visible', off screen: F6 and Tab went into the Metadata form behind the
    Note tab, and the next key typed replaced the document's title unseen (audit DA F1). They reach only what is in
    front."""
    first = window.workspace.documents.list()[0]
    pane = window.reading_area.open_document(first.id)
    window.raise_panel("Note")
    metadata = window.docks["metadata_dock"]
    qtbot.waitUntil(lambda: metadata.visibleRegion().isEmpty())
    window.activateWindow()
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    reached = []
    for _ in range(8):
        window.next_part_action.trigger()
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        reached.append(QApplication.focusWidget())
    assert not any(metadata.isAncestorOf(widget) for widget in reached if widget is not None)
    assert window.docks["note_dock"].isAncestorOf(reached[0]) or any(
        window.docks["note_dock"].isAncestorOf(widget) for widget in reached if widget is not None)


def test_go_to_search_puts_the_focus_in_its_box_until_it_lists_hits(window, qtbot):
    """F6 or View > Go to into Search went to its empty list of hits, and the words typed next went nowhere (audit
    BE F7): a panel's list takes the focus when it lists something, else the panel's first box does."""
    go_to = next(action.menu() for action in window.view_menu.actions() if action.text() == "&Go to")
    next(action for action in go_to.actions() if action.text().replace("&", "") == "Search").trigger()
    panel = window.search_panel.widget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.box)
    window.library.table.selectRow(0)  # a document's metadata to edit
    next(action for action in go_to.actions() if action.text().replace("&", "") == "Metadata").trigger()
    qtbot.waitUntil(lambda: window.docks["metadata_dock"].isAncestorOf(QApplication.focusWidget()))
    assert QApplication.focusWidget() is window.metadata.line_edits["title"]  # not the form's bare scroll area


def test_shift_f10_opens_the_context_menu_of_the_focused_part(window, qtbot):
    """Shift+F10, the context-menu key of keyboards without a Menu key, opened a menu only on the timeline: in the
    library (Open, Delete…) and the text (Mark as entity, Correct text…) it did nothing. It opens the focused part's
    menu, for the row chosen, as the Menu key does."""
    from PySide6.QtCore import QTimer

    table = window.library.table
    window.activateWindow()
    table.setFocus()
    table.selectRow(2)
    qtbot.waitUntil(table.hasFocus)
    shown = []

    def close_menu():
        menu = QApplication.activePopupWidget()
        shown.append([action.text() for action in menu.actions()] if menu else None)
        if menu:
            menu.close()

    QTimer.singleShot(0, close_menu)
    with qtbot.waitSignal(table.customContextMenuRequested) as asked:
        qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert table.indexAt(asked.args[0]).row() == 2
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.keyClick(table, Qt.Key.Key_Escape)  # Shift's release went to the menu: Qt would hold it pressed
    assert "Delete document…" in shown[0]
    assert ("Shift+F10", "Context menu of the focused part", "Anywhere") in collect_shortcuts(window)


def test_filters_sorts_and_the_query_come_back_after_a_restart(qtbot, workspace):
    """A historian works through a question over days: the desk came back, but the library's filter and sort, the
    query in Search, the Timeline's zoom and filters, Comparisons' relation and the register's filter were gone."""
    first = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(first)
    first.show()
    first.library.filter_box.setText("Soviet")
    first.library.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first.raise_panel("Search")
    first.search_panel.widget().box.setText("Genden 1934")
    first.raise_panel("Timeline")
    timeline = first.annotation_panels.timeline.widget()
    timeline.zoom_box.setCurrentText("Days")
    timeline.entity_edit.setText("Genden")
    timeline.conflicts_box.setChecked(True)
    comparisons = first.annotation_panels.comparisons
    comparisons.relation_box.setCurrentIndex(comparisons.relation_box.findData("contradicts"))
    first.raise_panel("Entities")
    register = first.entity_panels.register.widget()
    register.filter_box.setText("Stal")
    register.type_box.setCurrentText("PERSON")
    first.close()
    second = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(second)
    second.show()
    header = second.library.table.horizontalHeader()
    assert second.library.filter_box.text() == "Soviet"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    assert second.search_panel.widget().box.text() == "Genden 1934"
    timeline = second.annotation_panels.timeline.widget()
    assert (timeline.zoom_box.currentText(), timeline.entity_edit.text(), timeline.conflicts_box.isChecked()) == (
        "Days", "Genden", True)
    assert second.annotation_panels.comparisons.relation_box.currentData() == "contradicts"
    register = second.entity_panels.register.widget()
    assert (register.filter_box.text(), register.type_box.currentText()) == ("Stal", "PERSON")
    second.close()


def test_a_note_updates_its_documents_row_in_place(window, qtbot):
    """Each note added or undone listed the whole library anew (a thousand documents sorted and measured again, a
    fifth of a second of a frozen window): the same documents update their changed rows, and the count shows."""
    info = window.workspace.documents.list()[0]
    resets = []
    window.library.model.modelReset.connect(lambda: resets.append(1))
    window.ops.run("Add annotation", lambda: window.workspace.annotations.create(info.id, 0, 10, note="mine"))
    notes = window.library.model.columns.index("Notes")

    def count_shown() -> str:
        model = window.library.table.model()
        rows = [r for r in range(model.rowCount()) if model.index(r, 0).data(DOCUMENT_ID_ROLE) == info.id]
        return model.index(rows[0], notes).data() if rows else ""

    qtbot.waitUntil(lambda: str(count_shown()) == "1")
    assert resets == []


def test_cancel_while_a_file_is_read_says_it_stops_and_imports_nothing(window, qtbot, tmp_path, monkeypatch):
    """Cancel pressed while a large web page was read closed the dialog at once, and the page came into the library
    twenty seconds later: the dialog says it stops after the file being read, and nothing is imported."""
    import threading

    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from reader.core.documents import importer

    release = threading.Event()
    real = importer.read_source
    monkeypatch.setattr(importer, "read_source", lambda *args: (release.wait(20), real(*args))[1])
    (tmp_path / "big.html").write_text("<html><body><p>A page read slowly.</p></body></html>", encoding="utf-8")
    before = len(window.workspace.documents.list())
    window.import_paths([tmp_path / "big.html"])
    dialog = window.findChildren(QProgressDialog)[-1]
    qtbot.waitUntil(dialog.isVisible)
    dialog.findChild(QPushButton).click()
    assert dialog.isVisible() and dialog.labelText().startswith("Stopping after the file being read")
    release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was imported."
    assert len(window.workspace.documents.list()) == before


def test_the_window_fits_a_screen_smaller_than_its_usual_minimum(window, qtbot):
    """A 1366×768 laptop at 200 % is a screen of 683×384: the window opened at its 900×560 minimum, 2800×1800 pixels,
    its panels, third text and status bar (where errors are said) past the screen's edges."""
    from PySide6.QtWidgets import QApplication

    laptop = next(screen for screen in QApplication.screens() if screen.name().startswith("laptop"))
    window.setScreen(laptop)
    window.move(laptop.geometry().topLeft())
    qtbot.waitUntil(lambda: window.screen() is laptop)
    screen = laptop.availableGeometry()
    window.reset_layout()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()))
    window.resize(2000, 2000)
    window.reset_layout()
    qtbot.waitUntil(lambda: screen.contains(window.frameGeometry()))


def test_the_entities_register_scrolls_in_a_short_window(window, qtbot):
    """1366×768 at 125 % is a window of 1093×614: the register's lists and buttons were drawn over the Library and
    Search tabs beside it and over the Timeline's title, and the way back to the Library was covered."""
    window.resize(1093, 614)
    qtbot.waitUntil(lambda: window.height() == 614)
    window.raise_panel("Entities")
    window.entity_panels.register.widget()
    qtbot.waitUntil(lambda: not _docks_over_tabs(window))


def test_comparisons_filters_and_count_fit_a_laptop_at_125_percent(window, qtbot):
    """At 1366×768 and 125 % (a window of 1093×614) the Comparisons filter row ran past the window's edge: its
    count read '2 li' and its last filter was out of reach."""
    window.resize(1093, 614)
    qtbot.waitUntil(lambda: window.width() == 1093)
    window.raise_panel("Comparisons")
    comparisons = window.annotation_panels.comparisons
    comparisons.suggestions_toggle.setVisible(True)  # as when sources are open on the desk
    comparisons.set_entity_choices([("Peljidiin Genden", ((1, 0, 6),))])  # as once the register is read
    qtbot.waitUntil(lambda: comparisons.count_label.isVisible())
    for widget in (comparisons.count_label, comparisons.suggestions_toggle, comparisons.reliability_box):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert right <= window.width(), widget
        assert widget.width() >= widget.sizeHint().width(), widget


def test_texts_too_narrow_to_read_say_how_to_widen_them(window, qtbot):
    """At 1366×768 and 125 % three texts side by side showed 18 characters a line, with nothing said: the status bar
    says how narrow they are and that Reading desk only gives them the window; two readable texts say nothing."""
    names = ["000_8339fa2bec93c400.txt", "001_c9451cbdf41c54f1.txt", "002_ff824666d88bbe20.txt"]
    for name in names[:2]:  # at 1440×900
        window.reading_area.open_document(window.workspace.documents.resolve(name).id)
    window.statusBar().showMessage("two texts open")
    qtbot.waitUntil(lambda: all(pane.view.viewport().width() > 300 for pane in window.reading_area.panes))
    window._say_if_cramped()
    assert window.statusBar().currentMessage() == "two texts open"
    window.resize(1093, 614)
    qtbot.waitUntil(lambda: window.width() == 1093)
    window.reading_area.open_document(window.workspace.documents.resolve(names[2]).id)
    qtbot.waitUntil(lambda: "characters a line" in window.statusBar().currentMessage())
    assert "Ctrl+Shift+F widens them (Reading desk only)" in window.statusBar().currentMessage()
    window.desk_action.trigger()  # the advice taken, it is no longer shown (it had stayed, its count stale)
    assert "characters a line" not in window.statusBar().currentMessage()


def _docks_over_tabs(window) -> list:
    """The panels lying over a tab bar of the window's (whose clicks would land on the panel's buttons)."""
    from PySide6.QtWidgets import QTabBar

    bars = [bar.geometry() for bar in window.findChildren(QTabBar) if bar.parent() is window and bar.isVisible()]
    docks = [dock.geometry() for dock in window.docks.values() if dock.isVisible() and not dock.isFloating()]
    return [(dock, bar) for dock in docks for bar in bars if dock.intersects(bar)]


def test_a_long_file_name_does_not_widen_the_metadata_form_past_its_panel(window, qtbot, tmp_path):
    """'05_wreck_commissioner_report.txt · version 1' over the Metadata fields made the form wider than its panel:
    the fields' right edges and the Kind box's arrow lay past the window's edge. The name is cut with '…' instead,
    whole in its tooltip."""
    long_name = "05_wreck_commissioner_report_of_the_formal_investigation.txt"
    (tmp_path / long_name).write_text("Report on the Loss of the Titanic.\n", encoding="utf-8")
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([tmp_path / long_name])
    metadata = window.metadata
    metadata.show_document(window.workspace.documents.resolve(long_name))
    assert metadata.minimumSizeHint().width() < 320
    assert long_name in metadata.file_label.toolTip()


def test_enter_in_the_library_opens_the_text_ready_to_read_by_keyboard(window, qtbot):
    """A keyboard user opening a document with Enter in the Library stayed in the table (the next F6 went to a
    Comparisons filter, whose arrow keys changed it unseen): the opened text takes the focus."""
    window.activateWindow()
    window.library.table.setFocus()
    window.library.table.selectRow(1)
    qtbot.waitUntil(window.library.table.hasFocus)
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.reading_area.panes) == 1)
    qtbot.waitUntil(window.reading_area.panes[0].view.hasFocus)


def test_a_long_line_has_the_status_bar_to_itself_and_its_whole_in_a_tooltip(window, qtbot):
    """A refusal saying where the typing is kept was cut off by the register's state beside it ("…it comes back
    when you ch"): while a line shows, the state steps aside, and a line wider than the bar is whole in its tooltip."""
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.width() == 1366)
    window.recognition_status.setText("Entities: 1,234 in the register, 5 documents recognised")
    long_line = "Not saved: the disk holding /home/historian/research/annotations.db is full. " * 4
    window.events.failed.emit(long_line)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == long_line)
    assert not window.recognition_status.isVisible()
    assert window.statusBar().toolTip() == long_line
    window.statusBar().clearMessage()
    qtbot.waitUntil(window.recognition_status.isVisible)
    assert window.statusBar().toolTip() == ""


def _left_edge(widget) -> str:
    """The colour of a widget's left edge, halfway down, as it shows."""
    return widget.grab().toImage().pixelColor(0, widget.height() // 2).name()


def test_the_part_the_keyboard_is_in_has_a_frame(window, qtbot):
    """A keyboard user could not see where the focus was: the library table and the text showed no frame, only a
    selection colour and a caret often off-screen (audit AZ F3). The focused one is framed in the highlight colour."""
    table = window.library.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    pane = window.reading_area.panes[0]
    highlight = window.palette().highlight().color().name()
    qtbot.waitUntil(pane.view.hasFocus)
    assert _left_edge(pane.view) == highlight and _left_edge(table) != highlight
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert _left_edge(table) == highlight and _left_edge(pane.view) != highlight


def test_f6_and_go_to_reach_a_panel_with_nothing_chosen(window, qtbot):
    """With no document chosen, F6 stayed on the Library for good (Metadata's fields are disabled, and its form's
    frame was no longer a place to go), and View > Go to Metadata left the focus in the panel before, whose keys
    then changed it (audit BF F12): a panel with nothing to type in is focused by its frame, and F6 goes on."""
    window.activateWindow()
    window.library.table.clearSelection()
    window.library.table.setFocus()
    qtbot.waitUntil(window.library.table.hasFocus)
    metadata = window.docks["metadata_dock"]
    window.next_part_action.trigger()
    assert metadata.isAncestorOf(QApplication.focusWidget())
    window.next_part_action.trigger()
    assert not metadata.isAncestorOf(QApplication.focusWidget())
    assert not window.library.isAncestorOf(QApplication.focusWidget())
    window.library.table.setFocus()
    go_to = next(action.menu() for action in window.view_menu.actions() if action.text() == "&Go to")
    next(action for action in go_to.actions() if action.text().replace("&", "") == "Metadata").trigger()
    qtbot.waitUntil(lambda: metadata.isAncestorOf(QApplication.focusWidget()))


def test_shift_f10_in_the_text_is_at_the_caret(window, qtbot):
    """Shift+F10 in a text asked for the menu of a point up and left of the caret, by the margin around the text:
    a name's "… is not a mention" was missing, or another name's offered (audit DI 4). The point is the caret's."""
    pane = window.reading_area.open_document(window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id)
    view = pane.view
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert view.viewport().pos() != view.rect().topLeft()  # a margin to be misread by
    view.customContextMenuRequested.disconnect()  # the request is looked at, no menu opened
    for at in (300, 2000):
        cursor = view.textCursor()
        cursor.setPosition(at)
        view.setTextCursor(cursor)
        with qtbot.waitSignal(view.customContextMenuRequested) as asked:
            qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        assert abs(view.cursorForPosition(asked.args[0]).position() - at) <= 1
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled away with the wheel, the caret left where it was (audit DJ 9)
    with qtbot.waitSignal(view.customContextMenuRequested) as asked:
        qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert view.viewport().rect().contains(asked.args[0])
    assert abs(view.cursorForPosition(asked.args[0]).position() - 2000) <= 1


def test_a_document_brought_back_by_importing_its_file_is_counted_back(window, qtbot):
    """Importing the file of a document in the Trash brings it back with its notes; the line began "Import: 1
    unchanged" (audit DL F6): it counts it as back from the Trash."""
    info = window.workspace.documents.list()[1]
    window.workspace.documents.delete(info.id)
    source = Path(__file__).resolve().parents[2] / "texts" / info.file_name
    with qtbot.waitSignal(window.documents_changed, timeout=10000):
        window.import_paths([source])
    message = window.statusBar().currentMessage()
    assert message.startswith("Import: 1 back from the Trash;") and "unchanged" not in message, message


def test_a_date_typed_as_a_historian_writes_it_is_shown_so_and_sorts_as_a_date(window, qtbot):
    """"c. 1935" typed came back "1935 circa" in the form, the Library's Date column and its tooltip (audit DL F2):
    each shows the date as written; the Library sorts by the date it is, and saving again changes nothing."""
    from reader.ui.library_model import COLUMNS, SORT_ROLE

    documents = window.workspace.documents.list()
    for info, date in zip(documents[:3], ("1934-11-15..1934-11-20", "1935", "1934 before"), strict=True):
        window.ops.run("Edit metadata", lambda i=info, d=date: window.workspace.documents.update_metadata(
            i.id, {"date_published": d}))
    window.library.select_document(documents[3].id)
    date_box = window.metadata.line_edits["date_published"]
    date_box.setText("c. 1935")
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)
    assert window.workspace.documents.get(documents[3].id).metadata.date_published == "1935 circa"
    model, column = window.library.model, COLUMNS.index("Date")

    def said() -> dict[int, str]:
        return {model.document_at(row).id: model.index(row, column).data() for row in range(model.rowCount())}

    qtbot.waitUntil(lambda: said()[documents[3].id] != "")  # the library caught up with the save
    assert date_box.text() == "c. 1935"
    said = said()
    assert said[documents[0].id] == "1934-11-15 – 1934-11-20" and said[documents[2].id] == "before 1934"
    assert said[documents[3].id] == "c. 1935"
    assert "· c. 1935 ·" in model.index(next(r for r in range(model.rowCount())
                                              if model.document_at(r).id == documents[3].id), 0).data(
        Qt.ItemDataRole.ToolTipRole)
    order = sorted(range(model.rowCount()), key=lambda r: model.index(r, column).data(SORT_ROLE))
    assert [model.document_at(r).id for r in order][1:] == [documents[i].id for i in (2, 0, 1, 3)]
    window.library.select_document(documents[0].id)
    qtbot.waitUntil(lambda: date_box.text() == "1934-11-15 – 1934-11-20")
    steps = window.ops.undo_text()
    qtbot.mouseClick(window.metadata.save_button, Qt.MouseButton.LeftButton)  # as shown: no refusal, no step
    assert window.ops.undo_text() == steps and window.statusBar().currentMessage() == ""


def test_documents_with_one_title_are_told_apart_in_the_library(window, qtbot):
    """Two documents given one title were identical rows in a narrow Library (audit DL F4): each such row names its
    file after the title; a title of its own is shown alone."""
    first, second, third = window.workspace.documents.list()[:3]
    window.ops.run("Edit metadata", lambda: window.workspace.documents.update_metadata(
        first.id, {"title": second.title}))
    model = window.library.model

    def titles() -> dict[int, str]:
        return {model.document_at(row).id: model.index(row, 0).data() for row in range(model.rowCount())}

    qtbot.waitUntil(lambda: titles()[first.id] != first.title)
    assert titles()[first.id] == f"{second.title} ({first.file_name})"
    assert titles()[second.id] == f"{second.title} ({second.file_name})" and titles()[third.id] == third.title


def test_no_tab_bar_left_over_from_building_the_docks_shows(qtbot, workspace):
    """Tab bars of the docks' groupings while they were built ("Comparisons | Source criticism", "Library |
    Entities") stayed shown, a fragment under the Library and a line across the texts at 1366×768 (audits DL F3, DM
    3): only the tab bars of the docks as they stand show, at a first start and at the next, after View > Reset
    layout, and none with the reading desk alone."""
    from PySide6.QtWidgets import QTabBar

    in_use = [("Comparisons", "Source criticism", "Needs review", "Notebook", "Parallels", "Timeline"),
              ("Library", "Entities", "Search"), ("Metadata", "Note", "Mentions")]
    for _start in range(2):
        window = build_window(workspace, settings_for(workspace.path))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)

        def shown(w=window) -> list[tuple[str, ...]]:
            return sorted(tuple(bar.tabText(i) for i in range(bar.count()))
                          for bar in w.findChildren(QTabBar) if bar.parent() is w and bar.isVisible())

        for change, expected in ((lambda: None, in_use), (window.reset_layout, in_use),
                                 (window.desk_action.trigger, []), (window.desk_action.trigger, in_use)):
            change()
            qtbot.waitUntil(lambda e=expected, s=shown: s() == e)
        window.close()


def test_a_session_file_that_cannot_be_written_is_said(qtbot, workspace, tmp_path):
    """A session file that cannot be written (read-only, on a full disk) lost the open documents and the layout
    without a word (audit DT F4): one line says so and names the file, once."""
    from PySide6.QtCore import QSettings

    from reader.ui.app import build_window

    unwritable = tmp_path / "taken.ui.ini"
    unwritable.mkdir()  # a folder where the file should be: no one, not even root, can write it
    window = build_window(workspace, QSettings(str(unwritable), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.reading_area.open_document(workspace.documents.list()[0].id)
    told = []
    window.statusBar().messageChanged.connect(told.append)
    window.session_timer.timeout.emit()
    window.reading_area.open_document(workspace.documents.list()[1].id)
    window.session_timer.timeout.emit()
    unkept = [line for line in told if "cannot be kept" in line]
    assert len(unkept) == 1 and str(unwritable) in unkept[0]


def _written_after_a_failure(qtbot, workspace, path):
    """A window whose session file could not be written at its first tick (a folder stood there) and could at its
    second."""
    from PySide6.QtCore import QSettings

    from reader.ui.app import build_window

    path.mkdir()
    window = build_window(workspace, QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.reading_area.open_document(workspace.documents.list()[0].id)
    window.session_timer.timeout.emit()
    path.rmdir()
    window.session_timer.timeout.emit()
    return window


def test_a_session_file_writable_again_is_written(qtbot, workspace, tmp_path):
    """A desk that could not be written was taken as kept, and not written again once the file could be: a crash then
    lost it (audit DU F5)."""
    path = tmp_path / "later.ui.ini"
    _written_after_a_failure(qtbot, workspace, path)
    assert path.is_file() and "reading" in path.read_text(encoding="utf-8")


def test_a_session_file_written_again_is_left_alone_until_the_desk_changes(qtbot, workspace, tmp_path):
    """Once the session file could not be written, Qt's status stayed an error for good: the unchanged desk was
    written on every tick for the rest of the run, and a later failure went unsaid (audit DV F4). Each writing is
    judged by itself."""
    import os

    path = tmp_path / "later.ui.ini"
    window = _written_after_a_failure(qtbot, workspace, path)
    os.utime(path, ns=(0, 0))  # a stamp no writing leaves
    window.session_timer.timeout.emit()
    assert path.stat().st_mtime_ns == 0
    window.statusBar().clearMessage()
    path.unlink()
    path.mkdir()
    window.reading_area.open_document(workspace.documents.list()[1].id)
    window.session_timer.timeout.emit()
    assert "cannot be kept" in window.statusBar().currentMessage()
