"""Deleting a document from the library: asked, done as one undoable step, listed in the Trash."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def test_delete_from_the_library_menu_and_undo(window, qtbot, monkeypatch) -> None:
    """Protects the library's Delete: the document and its pane go; Edit > Undo brings both data and row back."""
    info = window.workspace.documents.list()[0]
    window.workspace.annotations.create(info.id, 0, 10, note="mine")
    window.reading_area.open_document(info.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    menu = window.library.context_menu(info.id)
    next(action for action in menu.actions() if action.text() == "Delete document…").trigger()
    def listed() -> list[int]:
        return [window.library.model.document_at(r).id for r in range(window.library.model.rowCount())]

    qtbot.waitUntil(lambda: info.id not in listed() and window.reading_area.pane_for(info.id) is None)
    assert window.ops.undo_text() == "Delete document"
    window.ops.undo()
    qtbot.waitUntil(lambda: info.id in listed())
    assert [a.note for a in window.workspace.annotations.for_document(info.id)] == ["mine"]


def test_the_delete_question_names_the_links_and_citations_that_go_with_it(window, qtbot, monkeypatch) -> None:
    """A document one of whose passages is linked to another source and cited by a Notebook note: the question
    said only "with its 1 annotation", and the link and the note's citation left with it unannounced."""
    doomed, other = window.workspace.documents.list()[:2]
    first = window.workspace.annotations.create(doomed.id, 0, 10)
    second = window.workspace.annotations.create(other.id, 0, 10)
    window.workspace.links.link(first.id, second.id, "contradicts")
    window.workspace.notebook.create("They disagree.", "The meeting", citations=[first.id, second.id])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.No)
    window.delete_document(doomed.id)
    assert "with its 1 annotation?" in asked[0]
    assert "? 1 link to another source leaves with it; 1 Notebook note still cites its passages, marked “in the " \
           "Trash”. Edit > Undo" in asked[0]  # the citations stay (in the Notebook and exports): audit DB F5


def test_two_open_sources_gone_at_once_close_without_an_error(window, qtbot) -> None:
    """Undoing an import with two of its sources open side by side: closing the focused one handed the focus to
    the other, already in the Trash, and the side panels asked for it ("no document with id 3")."""
    from reader.ui.reading.pane import DocumentPane

    first, second = window.workspace.documents.list()[:2]
    area = window.reading_area
    area.open_document(first.id)
    area.open_document(second.id)
    area.pane_for(first.id).view.setFocus()
    qtbot.waitUntil(lambda: window.library.selected_document_id() == first.id)
    faults = []
    window.statusBar().messageChanged.connect(lambda text: faults.append(text) if "no document" in text else None)

    def both_gone() -> None:
        window.workspace.documents.delete(first.id)
        window.workspace.documents.delete(second.id)

    window.ops.run("Delete two documents", both_gone)
    qtbot.waitUntil(lambda: not area.findChildren(DocumentPane) or not area.panes)
    assert faults == [] and area.panes == []


def test_the_delete_key_on_a_library_row_asks_to_delete_that_document(window, qtbot, monkeypatch) -> None:
    """Delete on a chosen Library row did nothing and said nothing, as it does elsewhere (audit DL F5): it asks, as
    the row's menu does, and Help > Keyboard shortcuts lists it."""
    from PySide6.QtCore import Qt

    from reader.ui.shortcuts_dialog import collect_shortcuts

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *args: asked.append(text)
                        or QMessageBox.StandardButton.No)
    info = window.workspace.documents.list()[1]
    window.library.select_document(info.id)
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and f"“{info.title}”" in asked[0]
    assert ("Del", "Delete document", "Library") in collect_shortcuts(window)


def test_the_metadata_of_a_document_gone_to_the_trash_is_not_left_to_edit(window, qtbot, monkeypatch) -> None:
    """After Delete document the Metadata panel still showed the document, editable, and its Save said "no document
    with id 2" (audit DL F1): it shows no document, as with nothing chosen."""
    info = window.workspace.documents.list()[1]
    window.library.select_document(info.id)
    qtbot.waitUntil(lambda: window.metadata.file_label.text().startswith(info.file_name))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.delete_document(info.id)
    qtbot.waitUntil(lambda: window.metadata.file_label.text() == "No document selected")
    assert not window.metadata.isEnabled()
