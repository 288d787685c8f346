"""The entity panels: register listing and decisions, mentions as keyword-in-context, mentions in the reader."""

import pytest
from PySide6.QtCore import Qt

from reader.ui.entities.register_panel import RegisterModel


@pytest.fixture
def recognised(window, qtbot):
    window.workspace.entities.recognise()
    panel = window.entity_panels.register.widget()
    with qtbot.waitSignal(panel.listed, timeout=20000):  # read in a worker
        panel.refresh()
    window.reading_area.refresh_all()
    return window


def _row_of(panel, name):
    proxy = panel.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)


def test_register_lists_entities_and_filters(recognised, qtbot):
    """The register shows the corpus's entities; typing filters them."""
    panel = recognised.entity_panels.register.widget()
    assert panel.proxy.rowCount() > 20
    qtbot.keyClicks(panel.filter_box, "choibalsan")
    assert [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())] == ["Choibalsan"]


def test_the_type_and_the_typed_filter_hold_together_on_names(recognised, qtbot):
    """Choosing a type dropped the text typed, and text typed then was matched against the type column, so nothing
    was listed (audit DI 1); "org" listed every organisation, and "5" every count holding a 5 (DI 6). The typed text
    is looked for in the names and aliases of the entities of the type chosen."""
    panel = recognised.entity_panels.register.widget()

    def listed():
        return [(panel.proxy.index(r, 0).data(), panel.proxy.index(r, 1).data()) for r in range(panel.proxy.rowCount())]

    qtbot.keyClicks(panel.filter_box, "stalin")
    assert ("Joseph Stalin", "PERSON") in listed()
    panel.type_box.setCurrentText("PLACE")
    assert listed() == []
    panel.type_box.setCurrentText("PERSON")
    assert ("Joseph Stalin", "PERSON") in listed() and all(kind == "PERSON" and "stalin" in name.casefold()
                                                           for name, kind in listed())
    panel.filter_box.clear()
    qtbot.keyClicks(panel.filter_box, "genden")
    assert listed() and all(kind == "PERSON" for _name, kind in listed())
    panel.type_box.setCurrentText("All types")
    panel.filter_box.setText("org")
    assert all("org" in (name + " " + ", ".join(panel.model.row_at(panel.proxy.mapToSource(
        panel.proxy.index(row, 0)).row()).aliases)).casefold() for row, (name, _kind) in enumerate(listed()))
    panel.filter_box.setText("5")
    assert all("5" in name for name, _kind in listed())


def test_register_buttons_are_offered_for_what_is_selected(recognised, qtbot):
    """Rename, Type, Details and Place act on one chosen entity, Merge on two or more, Not an entity on any: each is
    enabled only then (they looked enabled with nothing chosen and did nothing, silently), and says why not."""
    from PySide6.QtCore import QItemSelectionModel

    panel = recognised.entity_panels.register.widget()
    buttons = panel._buttons
    panel.table.clearSelection()
    assert not any(buttons[text].isEnabled() for text in ("Rename…", "Type…", "Merge…", "Not an entity",
                                                          "Details…", "Place…"))
    assert "Select" in buttons["Merge…"].toolTip()
    panel.table.selectRow(_row_of(panel, "Choibalsan"))
    assert buttons["Rename…"].isEnabled() and buttons["Not an entity"].isEnabled()
    assert not buttons["Merge…"].isEnabled()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.table.selectionModel().select(panel.proxy.index(_row_of(panel, "Manchukuo"), 0), flags)
    assert buttons["Merge…"].isEnabled() and not buttons["Rename…"].isEnabled()


def test_a_spelling_variant_pair_is_read_whole_in_a_narrow_dock(recognised, qtbot):
    """The pairs to merge or keep apart were cut to "MPRP Central Committee ≈ …" in the dock's width: the names to
    compare are what the decision needs, so a pair wraps onto a second line rather than lose its end."""
    from PySide6.QtCore import QRect, Qt

    panel = recognised.entity_panels.register.widget()
    panel.resize(260, 900)
    panel.show()
    listed = panel.suggestion_list
    qtbot.waitUntil(lambda: listed.count() > 0 and listed.viewport().width() < 260)
    entry = max((listed.item(row) for row in range(listed.count())), key=lambda item: len(item.text()))
    room, width = listed.visualItemRect(entry), listed.viewport().width()
    needed = listed.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, entry.text())
    assert room.right() <= width and room.height() >= needed.height() > listed.fontMetrics().height()


def test_place_is_offered_for_a_place_only(recognised, qtbot):
    """Place… was enabled for a person, in the button row and the context menu, and its refusal was written at the
    foot of the dock, out of view: a person is no place to link to GeoNames, so Place… is not offered for one."""
    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Choibalsan"))
    assert not panel._buttons["Place…"].isEnabled() and "place" in panel._buttons["Place…"].toolTip()
    assert not next(a for a in panel.decision_menu().actions() if a.text() == "Place…").isEnabled()
    panel.table.selectRow(_row_of(panel, "Mongolia"))
    assert panel._buttons["Place…"].isEnabled()
    assert next(a for a in panel.decision_menu().actions() if a.text() == "Place…").isEnabled()


def test_mentions_are_painted_and_described(recognised):
    """Opening a document paints its mentions by type; the tooltip names the entity and its counts."""
    document_id = recognised.workspace.documents.resolve("002_ff824666d88bbe20.txt").id
    pane = recognised.reading_area.open_document(document_id)
    mention = next(s for s in pane.view.index._spans if s.span.kind == "mention" and s.span.label == "PLACE")
    described = pane._describe(mention.span)
    assert "PLACE" in described and " in " in described and "document" in described


def test_clicking_a_mention_shows_its_mentions_across_documents(recognised, qtbot):
    """An entity chosen in the reader lists its mentions grouped by document; activating one opens it."""
    entity = next(e for e in recognised.workspace.entities.register() if e.name == "Outer Mongolia")
    recognised.reading_area.entity_clicked.emit(entity.id)
    tree = recognised.entity_panels.mentions.widget().tree
    assert tree.topLevelItemCount() == entity.document_count
    line = tree.topLevelItem(0).child(0)
    assert "[Outer Mongolia]" in line.text(0)
    recognised.entity_panels.mentions.widget()._on_item_activated(line)
    assert recognised.reading_area.panes


def test_mention_lines_show_the_name_first_under_the_sources_title(recognised):
    """In a narrow Mentions panel each line shows the name near its start (a long run of words before it had cut
    every line short of the name), the whole context in its tooltip, under its source's title, not its file name."""
    workspace = recognised.workspace
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    recognised.reading_area.entity_clicked.emit(genden.id)
    tree = recognised.entity_panels.mentions.widget().tree
    titles = workspace.documents.names()
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert {group.text(0) for group in groups} <= set(titles.values())
    assert any(group.text(0) == "Genden Falls into Disfavor" for group in groups)
    lines = [group.child(n) for group in groups for n in range(group.childCount())]
    assert all(line.text(0).index("[") <= 32 for line in lines)
    assert all("Genden" in line.toolTip(0) and len(line.toolTip(0)) > len(line.text(0)) - 2 for line in lines)


def test_type_decision_from_the_panel(recognised, monkeypatch, qtbot):
    """Changing an entity's type in the register is stored and shown (worked off the window's thread); the choice
    opens on the entity's own type (it opened on PERSON, so OK unread turned a place into a person)."""
    from PySide6.QtWidgets import QInputDialog

    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Manchukuo"))
    before = panel.proxy.index(_row_of(panel, "Manchukuo"), 1).data()
    wanted = "ORG" if before == "PLACE" else "PLACE"
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, current, *_args: (
        offered.append(items[current]), (wanted, True))[1])
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Type…"].click()
    assert offered == [before]  # the box opens on the type it has: OK without looking changes nothing
    assert panel.proxy.index(_row_of(panel, "Manchukuo"), 1).data() == wanted
    assert recognised.statusBar().currentMessage() == "Change entity type: done"  # where a short dock shows it


def test_a_dates_type_is_refused_in_one_line_and_no_name_is_offered_date(recognised, monkeypatch, qtbot):
    """Dates are read by their patterns: the Type box offered DATE for a name, and a date's type changed until the
    next recognition undid it (audit BV F1, F2). DATE is not offered, and a date's change is refused in one line."""
    from PySide6.QtWidgets import QInputDialog

    panel = recognised.entity_panels.register.widget()
    date_row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 1).data() == "DATE")
    panel.table.selectRow(date_row)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *_args: (
        offered.extend(items), ("PERSON", True))[1])
    panel._buttons["Type…"].click()
    said = recognised.statusBar().currentMessage
    qtbot.waitUntil(lambda: said().startswith("dates are read by their patterns"), timeout=20000)
    assert "DATE" not in offered and "\n" not in said()


def test_register_model_passes_qt_checks(qtmodeltester, recognised):
    """The register model follows Qt's model rules."""
    model = RegisterModel()
    model.set_rows(recognised.workspace.entities.register())
    qtmodeltester.check(model)


def test_legend_hides_a_type(recognised):
    """Unticking Places removes place paint while people stay painted."""
    document_id = recognised.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    pane = recognised.reading_area.open_document(document_id)
    recognised.reading_area.legend.boxes["PLACE"].setChecked(False)
    block = pane.view.firstVisibleBlock()
    labels = set()
    while block.isValid() and block.blockNumber() < 12:
        for fmt_range in block.layout().formats():
            spans = pane.view.index.at(block.position() + fmt_range.start)
            labels.update(s.span.label for s in spans if s.span.kind == "mention")
        block = block.next()
    assert "PERSON" in labels and "PLACE" not in labels
    assert Qt.CheckState.Unchecked == recognised.reading_area.legend.boxes["PLACE"].checkState()


def test_authority_ids_and_note(recognised, monkeypatch, qtbot):
    """Details… stores authority identifiers and a note on the entity; re-running recognition keeps them."""
    from reader.ui.entities.register_panel import DetailsDialog

    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Choibalsan"))
    monkeypatch.setattr(DetailsDialog, "exec", lambda self: True)
    monkeypatch.setattr(DetailsDialog, "values", lambda self: {"wikidata": "Q312837", "viaf": "", "geonames": "",
                                                               "note": "Marshal, PM 1939-1952"})
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Details…"].click()
    recognised.workspace.entities.recognise()
    entity = next(e for e in recognised.workspace.entities.register() if e.name == "Choibalsan")
    assert (entity.wikidata, entity.note) == ("Q312837", "Marshal, PM 1939-1952")


def test_a_mistyped_id_keeps_the_details_dialog_open_with_what_was_typed(recognised, qtbot):
    """Save with an id that is none keeps the dialog open, says which and why, and keeps every field as typed: it
    had closed, said so in the status bar, and thrown the note away."""
    from reader.ui.entities.register_panel import DetailsDialog

    entity = next(e for e in recognised.workspace.entities.register() if e.name == "Choibalsan")
    dialog = DetailsDialog(entity)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["wikidata"].setText("Q-34800")
    dialog.note.setPlainText("A long, careful note.")
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.result() != DetailsDialog.DialogCode.Accepted
    assert "Q-34800" in dialog.problem.text() and dialog.problem.isVisible()
    assert dialog.note.toPlainText() == "A long, careful note."
    dialog.edits["wikidata"].setText("Q312837")
    dialog.save_button.click()
    assert dialog.result() == DetailsDialog.DialogCode.Accepted


def test_place_dialog_links_the_chosen_candidate(recognised, monkeypatch, qtbot):
    """Place… lists the GeoNames candidates of the selected place; OK links the one chosen (an undoable decision)."""
    from reader.ui.entities.place_dialog import PlaceDialog

    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Mongolia"))
    shown = []

    def choose(dialog):
        shown.append(dialog.candidates.count())
        dialog.candidates.setCurrentRow(0)
        return True

    monkeypatch.setattr(PlaceDialog, "exec", choose)
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Place…"].click()
    entity = next(e for e in recognised.workspace.entities.register() if e.name == "Mongolia")
    assert shown[0] >= 1 and entity.geonames.isdigit()


def test_comparisons_offers_the_entities_of_linked_passages(recognised, qtbot):
    """Once passages are linked and entities recognised, Comparisons can be filtered by an entity they name."""
    workspace = recognised.workspace
    first = workspace.annotations.create_at_quote(workspace.documents.resolve("000_8339fa2bec93c400.txt").id,
                                                  "The two met on November 15, 1934.")
    second = workspace.annotations.create_at_quote(workspace.documents.resolve("002_ff824666d88bbe20.txt").id,
                                                   "November 24, 1934")
    recognised.ops.run("Link", lambda: workspace.links.link(first.id, second.id, "contradicts"))
    view = recognised.annotation_panels.comparisons
    qtbot.waitUntil(lambda: not view.entity_box.isHidden())  # read in a worker
    labels = [view.entity_box.itemText(i) for i in range(view.entity_box.count())]
    assert any("1934" in label for label in labels)


def test_merge_lets_the_user_choose_the_name_and_an_accepted_suggestion_goes(recognised, monkeypatch, qtbot):
    """Merge… asks which name to keep and keeps it; accepting a variant suggestion removes it from the list."""
    from PySide6.QtWidgets import QInputDialog

    panel = recognised.entity_panels.register.widget()
    first, second = (_row_of(panel, name) for name in ("Moscow", "Mongolia"))
    for row in (first, second):
        flags = panel.table.selectionModel().SelectionFlag
        panel.table.selectionModel().select(panel.proxy.index(row, 0), flags.Select | flags.Rows)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("Mongolia (place)", True))
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Merge…"].click()
    names = {e.name for e in recognised.workspace.entities.register()}
    assert "Mongolia" in names and "Moscow" not in names
    before = panel.suggestion_list.count()
    assert before >= 1  # the corpus has spelling variants ('Pan Mongolia' / 'Pan-Mongolia')
    panel.suggestion_list.setCurrentRow(0)
    suggestion = next(s for s in recognised.workspace.entities.suggestions()
                      if s.id == panel.suggestion_list.currentItem().data(Qt.ItemDataRole.UserRole))
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *_args: (
        offered.append(items), (suggestion.other_name, True))[1])  # the spelling to keep is asked, as for a merge
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Merge them…"].click()
    assert offered == [[suggestion.name, suggestion.other_name]]
    assert panel.suggestion_list.count() == before - 1
    names = {e.name for e in recognised.workspace.entities.register()}
    assert suggestion.other_name in names and suggestion.name not in names


def test_split_makes_a_name_recognition_joined_an_entity_of_its_own(recognised, monkeypatch, qtbot):
    """Split…, in the register's context menu, offers the names recognition joined to the chosen entity (the forms
    of one name together) and lists the one chosen as an entity of its own; an entity with no other name says so
    instead of asking, in the window's status bar (at the foot of a short dock, which scrolls, it was out of view)."""
    from PySide6.QtWidgets import QInputDialog

    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Joseph Stalin"))
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *_args: (
        offered.append(items), ("Satlin", True))[1])
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        _action(panel.decision_menu(), "Split…").trigger()
    assert offered == [["I. V. Stalin, Stalin", "Satlin"]]
    satlin = panel.proxy.index(_row_of(panel, "Satlin"), 0)
    assert "also:" not in satlin.data(Qt.ItemDataRole.ToolTipRole)
    stalin = panel.proxy.index(_row_of(panel, "Joseph Stalin"), 0)
    assert "Satlin" not in stalin.data(Qt.ItemDataRole.ToolTipRole)
    panel.table.clearSelection()
    assert not _action(panel.decision_menu(), "Split…").isEnabled()
    panel.table.selectRow(_row_of(panel, "Manchukuo"))
    _action(panel.decision_menu(), "Split…").trigger()
    assert len(offered) == 1 and recognised.statusBar().currentMessage() == \
        "Manchukuo has no other name to split off: its spellings are one name's."


def test_the_registers_context_menu_opens_from_the_keyboard_on_the_chosen_row(recognised, qtbot):
    """Shift+F10 on the register opens its decisions for the row chosen (Split… only there)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    panel = recognised.entity_panels.register.widget()
    recognised.raise_panel("Entities")
    recognised.activateWindow()
    panel.table.setFocus()
    panel.table.selectRow(_row_of(panel, "Joseph Stalin"))
    qtbot.waitUntil(panel.table.hasFocus)
    shown = []

    def close_menu():
        menu = QApplication.activePopupWidget()
        shown.append([(a.text(), a.isEnabled()) for a in menu.actions()] if menu else None)
        if menu:
            menu.close()

    QTimer.singleShot(0, close_menu)
    with qtbot.waitSignal(panel.table.customContextMenuRequested) as asked:
        qtbot.keyClick(panel.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert panel.proxy.index(panel.table.indexAt(asked.args[0]).row(), 0).data() == "Joseph Stalin"
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.keyClick(panel.table, Qt.Key.Key_Escape)  # Shift's release went to the menu: Qt would hold it pressed
    assert ("Split…", True) in shown[0] and ("Merge…", False) in shown[0]


def test_recognition_runs_once_at_a_time(window, qtbot, monkeypatch):
    """Asked again while it runs (the window's import, then the same documents seen as changed by another
    connection), recognition does not read the same texts twice at once; it catches up after, only if needed."""
    from reader.core.entities.service import EntityService
    from reader.ui.entity_panels import start_recognition

    runs = []
    recognise = EntityService.recognise
    monkeypatch.setattr(EntityService, "recognise", lambda self, *args: runs.append(1) or recognise(self, *args))
    panels = window.entity_panels
    start_recognition(window, panels, window.reading_area)
    start_recognition(window, panels, window.reading_area)
    qtbot.waitUntil(lambda: not panels.recognising, timeout=60000)
    assert len(runs) == 1 and not window.workspace.entities.is_stale()


def test_the_status_line_counts_the_register_as_it_lists_it_and_follows_decisions(recognised, qtbot):
    """The status line's counts are the register's (names apart from dates; it had counted dates as entities and
    mentions: 162 and 1,155 beside a register of 159 and 600) and follow each decision (they stayed as they were)."""
    listed = [e for e in recognised.workspace.entities.register() if e.type != "DATE"]
    entities, mentions, _dates = recognised.workspace.entities.counts()
    assert (entities, mentions) == (len(listed), sum(e.mention_count for e in listed))
    panel = recognised.entity_panels.register.widget()
    one, two = (next(e.id for e in listed if e.name == name) for name in ("Voroshilov", "Molotov"))
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._decide("Merge entities", lambda service: service.merge(one, two))
    qtbot.waitUntil(lambda: recognised.recognition_status.text().startswith(f"Entities: {entities - 1} in the "
                                                                            "register,"))


def test_the_register_keeps_rows_to_read_at_1366_by_768(recognised, qtbot):
    """At 1366×768 with a bottom panel open, the register itself keeps most of the dock (it showed one row between
    its filter and its buttons while the lists of variants and doubtful mentions kept their own boxes)."""
    recognised.resize(1366, 768)
    recognised.show()
    recognised.raise_panel("Entities")
    recognised.raise_panel("Parallels")  # the tallest bottom panel
    panel = recognised.entity_panels.register.widget()
    row = panel.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: panel.table.viewport().height() >= 4 * row)
    # the lists below keep two rows to read, with no sideways scroll bar over them (they showed half a line)
    for lesser in (panel.suggestion_list, panel.doubtful.entries):
        assert lesser.viewport().height() >= 2 * lesser.fontMetrics().lineSpacing()
        assert not lesser.horizontalScrollBar().isVisible()
    # the counts beside each name without scrolling sideways; the aliases in the name's tooltip
    header = panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionViewportPosition(2) + header.sectionSize(2) <= panel.table.viewport().width())
    # the name itself is not cut to its first letters: the type and the documents count give way first
    assert header.sectionSize(0) >= 14 * panel.table.fontMetrics().averageCharWidth()
    genden = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == "Peljidiin Genden")
    assert "mentions in 4 documents; also:" in panel.proxy.index(genden, 0).data(Qt.ItemDataRole.ToolTipRole)


def _action(menu, beginning: str):
    return next(a for a in menu.actions() if a.text().startswith(beginning))


def test_a_mention_in_the_text_moves_to_another_entity_from_its_context_menu(recognised, monkeypatch, qtbot):
    """Right-clicking a highlighted name offers to move it to another entity (asked by name, saying whose it is now,
    the register's others offered with their types, none chosen at first: Enter at once moved it to the first); the
    text then shows it as that entity's, the Mentions list follows, and Undo brings it back."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QInputDialog

    workspace = recognised.workspace
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    stalin = next(e for e in workspace.entities.register() if e.name == "Joseph Stalin")
    mention = [m for m in workspace.entities.mentions(document_id) if m.entity_id == genden.id][2]
    pane = recognised.reading_area.open_document(document_id)
    recognised.reading_area.entity_clicked.emit(genden.id)
    mentions = recognised.entity_panels.mentions.widget()
    listed = mentions.tree.topLevelItem(0).childCount()
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.view.offsets.to_utf16(mention.start + 1))
    menu = pane.context_menu_at(pane.view.cursorRect(cursor).center())
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, label, items, *_args: (
        offered.append((label, items)), ("joseph stalin", True))[1])  # typed, in another case
    _action(menu, f"Move “{mention.text}” to another entity").trigger()
    label, items = offered[0]
    assert "is now a mention of Peljidiin Genden (person)" in label
    assert items[0] == "" and "Joseph Stalin (person)" in items and "Peljidiin Genden (person)" not in items

    def entity_shown() -> int | None:
        return next((q.span.ref for q in pane.view.index.at(pane.view.offsets.to_utf16(mention.start + 1))
                     if q.span.kind == "mention"), None)

    qtbot.waitUntil(lambda: entity_shown() == stalin.id, timeout=20000)
    qtbot.waitUntil(lambda: mentions.tree.topLevelItem(0).childCount() == listed - 1)
    recognised.ops.undo()
    qtbot.waitUntil(lambda: entity_shown() == genden.id, timeout=20000)


def test_a_mention_listed_moves_to_a_new_entity_or_is_no_mention(recognised, monkeypatch, qtbot):
    """From the Mentions list, a mention moves to a new entity named as typed (a namesake), and another is said to
    be no mention; each leaves the list at once."""
    from PySide6.QtWidgets import QInputDialog

    workspace = recognised.workspace
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    recognised.reading_area.entity_clicked.emit(genden.id)
    mentions = recognised.entity_panels.mentions.widget()
    listed = sum(mentions.tree.topLevelItem(i).childCount() for i in range(mentions.tree.topLevelItemCount()))
    place = mentions.tree.topLevelItem(0).child(1).data(0, Qt.ItemDataRole.UserRole + 1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("Genden the herdsman", True))
    _action(mentions.menu_for(place), "Move “").trigger()
    qtbot.waitUntil(lambda: any(e.name == "Genden the herdsman" for e in workspace.entities.register()),
                    timeout=20000)
    herdsman = next(e for e in workspace.entities.register() if e.name == "Genden the herdsman")
    assert [(m.document_id, m.start, m.end) for m in workspace.entities.mentions() if m.entity_id == herdsman.id] \
        == [place[:3]]
    qtbot.waitUntil(lambda: mentions.tree.topLevelItem(0).childCount() > 0 and sum(
        mentions.tree.topLevelItem(i).childCount() for i in range(mentions.tree.topLevelItemCount())) == listed - 1)
    other = mentions.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
    _action(mentions.menu_for(other), f"“{other[3]}” is not a mention").trigger()
    qtbot.waitUntil(lambda: not any((m.document_id, m.start, m.end) == other[:3]
                                    for m in workspace.entities.mentions(other[0])), timeout=20000)


def test_the_mentions_list_follows_a_recognition_after_the_text_changed(recognised, monkeypatch, qtbot):
    """The Mentions list shown while a text is corrected is listed again once recognition has caught up: it kept
    the lines read in between, each name's place from the old text shown in the new ("…become th [Stalin] gol")."""
    from reader.ui.reading import correct_dialog

    workspace = recognised.workspace
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    pane = recognised.reading_area.open_document(document_id)
    recognised.reading_area.entity_clicked.emit(genden.id)
    mentions = recognised.entity_panels.mentions.widget()
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "exec", lambda self: self.accept() or True)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "text", lambda self: "[Checked] " + pane.version.text)
    pane.correct_text()

    def lines_hold_their_names() -> bool:
        text = workspace.documents.text(document_id).text
        group = next((mentions.tree.topLevelItem(i) for i in range(mentions.tree.topLevelItemCount())
                      if mentions.tree.topLevelItem(i).text(0) == "Genden Falls into Disfavor"), None)
        places = [group.child(n).data(0, Qt.ItemDataRole.UserRole + 1) for n in range(group.childCount())] \
            if group else []
        return bool(places) and all(text[start:end] == name for _doc, start, end, name, _kind in places)

    qtbot.waitUntil(lambda: not recognised.entity_panels.recognising and lines_hold_their_names(), timeout=30000)


def test_a_start_on_a_current_register_recognises_nothing(recognised, qtbot, monkeypatch):
    """Every start ran the whole corpus's recognition again (a minute of a CPU on a large library, the register
    rewritten, every edit meanwhile kept waiting): at start it runs only if documents or decisions changed; the
    status line still says the register's counts, nothing is listed again, and the window is not told its own
    worker's register as news."""
    from reader.core.entities.service import EntityService
    from reader.ui.entity_panels import start_recognition

    runs, listed = [], []
    monkeypatch.setattr(EntityService, "recognise", lambda self, *args: runs.append(1))
    recognised.library.model.modelReset.connect(lambda: listed.append(1))
    recognised.recognition_status.setText("")
    panels = recognised.entity_panels
    start_recognition(recognised, panels, recognised.reading_area, only_if_stale=True)
    qtbot.waitUntil(lambda: not panels.recognising, timeout=60000)
    assert runs == [] and " in the register, " in recognised.recognition_status.text()
    assert listed == []  # nothing new: the library was listed and measured again (a second on 1,000 documents)
    monkeypatch.undo()
    start_recognition(recognised, panels, recognised.reading_area)  # asked: it runs
    qtbot.waitUntil(lambda: not panels.recognising, timeout=60000)
    assert not recognised.workspace.outside.since_last().register  # refreshed once, by its own end


def test_an_entity_named_everywhere_lists_its_first_mentions_and_says_so(recognised, monkeypatch):
    """An entity with 24,368 mentions built a line for each on the window's thread (three seconds), reading every
    text it is named in: the list holds the first ones, and its heading says how many are not listed and where all
    are found."""
    import reader.ui.entities.mentions_view as mentions_view

    monkeypatch.setattr(mentions_view, "MOST_LISTED", 5)
    entity = next(e for e in recognised.workspace.entities.register() if e.name == "Peljidiin Genden")
    recognised.reading_area.entity_clicked.emit(entity.id)
    view = recognised.entity_panels.mentions.widget()
    tree = view.tree
    listed = sum(tree.topLevelItem(n).childCount() for n in range(tree.topLevelItemCount()))
    assert listed == 5 and entity.mention_count > 5
    assert f"the first 5 of {entity.mention_count} listed" in view.heading.text()
    assert "entity:" in view.heading.text()


def test_the_register_sorts_its_own_rows_and_the_chosen_entity_stays_chosen(recognised, qtbot):
    """The table's sort asked the Python model for a value at every comparison (a second and a half for 10,000
    entities, at every refresh): the register's rows sort themselves in one sort, as the header asks, the filter
    still applies, and the entity chosen stays chosen."""
    panel = recognised.entity_panels.register.widget()
    table, proxy = panel.table, panel.proxy
    counts = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)  # most mentioned first, as it opens
    genden = _row_of(panel, "Peljidiin Genden")
    table.selectRow(genden)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    assert proxy.index(table.selectionModel().selectedRows()[0].row(), 0).data() == "Peljidiin Genden"
    assert proxy.sortColumn() == -1  # the proxy itself does not sort: the rows do
    with qtbot.waitSignal(panel.listed):
        panel.refresh()
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == names  # kept through a refresh


def test_not_an_entity_on_several_is_one_step(recognised, qtbot):
    """One click of Not an entity on three selected entities made three undo steps (one thread each, in whatever
    order they finished): Ctrl+Z brought back one of them. It is one step, as a merge of several is."""
    from PySide6.QtCore import QItemSelectionModel

    panel = recognised.entity_panels.register.widget()
    names = ["Manchukuo", "Choibalsan", "Mongolia"]
    selection = panel.table.selectionModel()
    for name in names:
        selection.select(panel.proxy.index(_row_of(panel, name), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    steps = len(recognised.workspace.history.steps())
    with qtbot.waitSignal(panel.register_changed, timeout=30000):
        panel._buttons["Not an entity"].click()
    qtbot.waitUntil(lambda: not panel.deciding, timeout=30000)
    assert len(recognised.workspace.history.steps()) == steps + 1
    assert not {e.name for e in recognised.workspace.entities.register()} & set(names)


def test_marking_a_name_in_the_text_is_stored_off_the_windows_thread(recognised, qtbot, monkeypatch):
    """Mark as entity rebuilt the register on the window's thread (2.3 s frozen on a 155-document library): it is
    stored by a worker, as the register's decisions are, and the text shows the new mention when it is done."""
    import threading

    workspace = recognised.workspace
    document_id = workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    text = workspace.documents.text(document_id).text
    start = text.index("Tsarist Russia")
    pane = recognised.reading_area.open_document(document_id)
    threads = []
    real = type(workspace.entities).add_mention

    def noting_the_thread(self, *args):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self, *args)

    monkeypatch.setattr(type(workspace.entities), "add_mention", noting_the_thread)
    pane.services.mark_entity(document_id, start, start + len("Tsarist Russia"), "PLACE", pane.version.version_id)
    qtbot.waitUntil(lambda: any(s.kind == "mention" and (s.start, s.end) == (start, start + 14) for s in pane.spans),
                    timeout=30000)
    assert threads == [False]


def test_the_mentions_panel_follows_a_merge_and_comes_back_with_undo(recognised, qtbot):
    """Merged into USSR, "Soviet Union" left the Mentions panel blank ("no longer in the register"), and blank it
    stayed after Undo: the panel follows its mentions to the entity kept, and shows an entity Undo brings back."""
    workspace = recognised.workspace
    ids = {e.name: e.id for e in workspace.entities.register()}
    recognised.reading_area.entity_clicked.emit(ids["Soviet Union"])
    view = recognised.entity_panels.mentions.widget()
    assert view.entity_id == ids["Soviet Union"]
    recognised.ops.run("Merge", lambda: workspace.entities.merge(ids["USSR"], ids["Soviet Union"]))
    view.refresh()
    assert view.entity_id == ids["USSR"] and view.heading.text().startswith("<b>USSR</b>")
    recognised.ops.run("Not an entity", lambda: workspace.entities.reject_entity(ids["USSR"]))
    view.refresh()
    assert "no longer in the register" in view.heading.text()
    recognised.ops.undo()
    workspace.entities.ensure_current()
    view.refresh()
    assert view.heading.text().startswith("<b>USSR</b>")


def test_the_register_is_read_off_the_windows_thread(recognised, qtbot, monkeypatch):
    """After every decision and recognition the register was read on the window's thread (a quarter of a second at
    5,700 entities, a second at 10,000): it is read in a worker, and listed when read."""
    panel = recognised.entity_panels.register.widget()
    read_here = []
    monkeypatch.setattr(recognised.workspace.entities, "register", lambda *args: read_here.append(1) or [])
    with qtbot.waitSignal(panel.listed, timeout=20000):
        panel.refresh()
    assert read_here == [] and panel.proxy.rowCount() > 20


def test_the_chosen_entities_stay_chosen_when_the_register_is_listed_again(recognised, qtbot):
    """Every listing (after any decision, a recognition, an undo) cleared the register's selection: the entities
    chosen stay chosen, so a second decision on them needs no search for them again."""
    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Peljidiin Genden"))
    with qtbot.waitSignal(panel.listed, timeout=20000):
        panel.refresh()
    genden = next(e.id for e in recognised.workspace.entities.register() if e.name == "Peljidiin Genden")
    assert panel.selected_ids() == [genden]


def test_a_missing_name_model_is_said_as_long_as_the_register_lacks_its_names(recognised, qtbot, monkeypatch,
                                                                               tmp_path):
    """Without the Russian model a Russian text's names were left unread, said for ten seconds and then by nothing:
    the status line's counts say a model was missing, and its tooltip why, until a run has it."""
    import reader.core.entities.russian as russian
    from reader.core.entities.model import ModelStep
    from reader.ui.entity_panels import start_recognition

    def missing():
        raise ImportError("no natasha")

    monkeypatch.setattr(russian, "_weights_folder", missing)
    recognised.workspace.entities.model = ModelStep()
    (tmp_path / "pravda.txt").write_text("Вчера тов. Сталин принял в Кремле тов. Гендена.\n", encoding="utf-8")
    recognised.workspace.documents.import_paths([tmp_path / "pravda.txt"])
    panels = recognised.entity_panels
    start_recognition(recognised, panels, recognised.reading_area)
    qtbot.waitUntil(lambda: "model" in recognised.recognition_status.text(), timeout=60000)
    assert "Russian name model" in recognised.recognition_status.toolTip()


def test_entities_of_one_name_are_told_apart_when_merged_or_moved_to(recognised, monkeypatch, qtbot):
    """A rename to a name another entity has made two rows alike: Merge… offered "Mongolia" twice and kept the
    first whichever was chosen, and a mention moved by typing that name made a third entity without a word (audit
    DI 2). A rename says another has the name; Merge… offers each with its type (and count, where that alone tells
    them apart) and keeps the one chosen; a name several entities have is refused for a move, saying why."""
    from PySide6.QtWidgets import QInputDialog

    workspace = recognised.workspace
    panel = recognised.entity_panels.register.widget()
    government = next(e for e in workspace.entities.register() if e.name == "Mongolian government")
    panel.table.selectRow(_row_of(panel, "Mongolian government"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: ("Mongolia", True))
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Rename…"].click()
    qtbot.waitUntil(lambda: "another entity is also named “Mongolia” (place)" in recognised.messages.text())
    flags = panel.table.selectionModel().SelectionFlag
    panel.table.clearSelection()
    for row in [r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == "Mongolia"]:
        panel.table.selectionModel().select(panel.proxy.index(row, 0), flags.Select | flags.Rows)
    offered = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda _parent, _title, _label, items, *_args: (
        offered.append(items), ("Mongolia (org)", True))[1])
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Merge…"].click()
    assert sorted(offered[0]) == ["Mongolia (org)", "Mongolia (place)"]
    assert workspace.entities.describe(government.id).type == "ORG"  # the one chosen kept, with its type
    recognised.ops.undo()
    qtbot.waitUntil(lambda: sum(e.name == "Mongolia" for e in workspace.entities.register()) == 2, timeout=20000)
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    recognised.reading_area.entity_clicked.emit(genden.id)  # a mention of neither
    mentions = recognised.entity_panels.mentions.widget()
    qtbot.waitUntil(lambda: mentions.tree.topLevelItemCount() > 0)
    mention = mentions.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
    before = len(workspace.entities.register())
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("mongolia", True))
    _action(mentions.menu_for(mention), "Move “").trigger()
    assert "several entities are named “mongolia”" in recognised.statusBar().currentMessage()
    assert len(workspace.entities.register()) == before


def test_a_mentions_actions_say_what_they_did(recognised, monkeypatch, qtbot):
    """"… is not a mention" and a move said nothing, unlike the register's decisions: with the mention in a pane not
    looked at, nothing told what had happened, nor that Undo takes it back (audit DI 3)."""
    from PySide6.QtWidgets import QInputDialog

    workspace = recognised.workspace
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    recognised.reading_area.entity_clicked.emit(genden.id)
    mentions = recognised.entity_panels.mentions.widget()
    first = mentions.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
    _action(mentions.menu_for(first), f"“{first[3]}” is not a mention").trigger()
    qtbot.waitUntil(lambda: f"“{first[3]}” is not a mention" in recognised.statusBar().currentMessage(),
                    timeout=20000)
    assert "Edit > Undo takes it back" in recognised.statusBar().currentMessage()
    second = mentions.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_args: ("Joseph Stalin (person)", True))
    _action(mentions.menu_for(second), "Move “").trigger()
    qtbot.waitUntil(lambda: f"Move “{second[3]}” to Joseph Stalin (person)" in
                    recognised.statusBar().currentMessage(), timeout=20000)


def test_an_entity_decision_undone_says_the_names_are_being_brought_up_to_date(recognised, monkeypatch, qtbot):
    """Undo of a rename said "Undone: Rename entity" while the register still showed the new name for seconds,
    recognition catching up: one might press Ctrl+Z again and undo a step too many (audit DI 7). The line says the
    names are being brought up to date, and the register shows the undone state once they are."""
    from PySide6.QtWidgets import QInputDialog

    panel = recognised.entity_panels.register.widget()
    panel.table.selectRow(_row_of(panel, "Molotov"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: ("Vyacheslav Molotov", True))
    with qtbot.waitSignal(panel.register_changed, timeout=20000):
        panel._buttons["Rename…"].click()
    recognised.ops.undo()
    assert recognised.statusBar().currentMessage().startswith("Undone: Rename entity")
    assert "the register is being brought up to date" in recognised.statusBar().currentMessage()
    qtbot.waitUntil(lambda: any(panel.proxy.index(r, 0).data() == "Molotov" for r in range(panel.proxy.rowCount())),
                    timeout=20000)
    qtbot.waitUntil(lambda: recognised.statusBar().currentMessage().endswith("; the register is up to date"),
                    timeout=20000)  # not left saying so once it is (audit DJ 5)


def test_a_name_and_type_typed_for_a_move_is_taken_as_listed():
    """"Mongolia (place)" typed, where two places of that name are listed with their counts, matched no choice and
    made a new entity of that name (audit DJ 10): it is refused as the bare name is; one alone of its type is it."""
    from types import SimpleNamespace

    from reader.ui.entities.mention_actions import _chosen, entity_labels

    entities = [SimpleNamespace(id=9, name="Mongolia", type="PLACE", mention_count=75),
                SimpleNamespace(id=12, name="Mongolia", type="PLACE", mention_count=14),
                SimpleNamespace(id=30, name="Mongolia", type="ORG", mention_count=4)]
    labels = entity_labels(entities)
    assert sorted(labels) == ["Mongolia (org)", "Mongolia (place, 14 mentions)", "Mongolia (place, 75 mentions)"]
    assert _chosen(labels, "Mongolia (place)") == [9, 12]
    assert _chosen(labels, "mongolia (org)") == [30] and _chosen(labels, "mongolia") == [9, 12, 30]
    assert _chosen(labels, "Mongolia (place, 14 mentions)") == [12] and _chosen(labels, "Ulan Bator") == []
