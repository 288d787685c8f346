"""The search dock: Ctrl+K focuses it; results open in the reader; results follow changes to notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from reader.core.errors import DocumentNotFound
from reader.core.workspace import Workspace
from reader.ui.coalesce import coalesced
from reader.ui.events import AnnotationEvents
from reader.ui.lazy_panel import LazyPanel
from reader.ui.main_window import MainWindow
from reader.ui.reading.area import PaneArea
from reader.ui.remembered import remember, remember_recent


def install_search_panel(window: MainWindow, workspace: Workspace, area: PaneArea,
                         events: AnnotationEvents) -> LazyPanel:
    """The Search dock (built when first shown) and Ctrl+K."""
    panel = window.add_lazy_panel(lambda: _search_panel(window, workspace, area), "Search",
                                  Qt.DockWidgetArea.LeftDockWidgetArea, "Library")
    focus = QAction("Search everything", window)
    focus.setShortcut(QKeySequence("Ctrl+K"))
    focus.triggered.connect(lambda: (window.raise_panel("Search"), panel.widget().focus_box()))
    window.addAction(focus)
    window.edit_menu.addAction(focus)
    search_again = coalesced(lambda: panel.if_built(_search_again), window)  # once for a burst of notices
    for signal in (events.annotations_changed, events.links_changed, events.tags_changed, events.notebook_changed,
                   events.register_changed, window.import_finished, window.entities_recognised):  # a Notebook note
        # deleted stayed listed, and a renamed entity kept its old name (audit DK 1, DK 9)
        signal.connect(search_again)
    return panel


def _search_panel(window: MainWindow, workspace: Workspace, area: PaneArea):
    from reader.ui.search.search_panel import SearchPanel

    search_panel = SearchPanel(workspace.search, window.ops, window.runner)
    remember(window.settings, "search", search_panel.box)  # the query worked through: run again when shown
    remember_recent(window.settings, "search", search_panel.box)
    search_panel.hit_activated.connect(area.show_found)
    search_panel.annotation_activated.connect(lambda annotation_id: area.show_annotation(annotation_id, found=True))
    search_panel.link_activated.connect(lambda link_id: _show_link(workspace, area, link_id))
    search_panel.note_activated.connect(lambda note_id: _show_note(window, note_id))
    search_panel.entity_activated.connect(area.entity_clicked)
    return search_panel


def _show_note(window: MainWindow, note_id: int) -> None:
    """A Notebook note found: the Notebook shown, the note chosen in it to read and edit; one on a document in the
    Trash is said to be there (the Notebook lists no such document's notes: it chose nothing, unsaid), and one
    deleted since it was listed too (it raised NoteNotFound: audit DK 1)."""
    from reader.core.annotations.notebook import NoteNotFound  # the editing code loads when first used

    try:
        document_id = window.workspace.notebook.get(note_id).document_id
    except NoteNotFound:
        window.events.told.emit("That Notebook note is no longer there: it was deleted since the search ran "
                                "(Edit > Trash… brings it back)")
        return
    try:
        if document_id is not None:
            window.workspace.documents.get(document_id)
    except DocumentNotFound:
        window.events.told.emit("That note is on a document in the Trash: Edit > Trash… brings the document back, "
                                "with its notes")
        return
    window.raise_panel("Notebook")
    window.annotation_panels.notebook.widget().show_note(note_id)


def _show_link(workspace: Workspace, area: PaneArea, link_id: int) -> None:
    """A link found: its two passages side by side, as Comparisons opens a pair (the first passage alone left the
    Note inspector on a note chosen before, in another document)."""
    link = workspace.links.get(link_id)
    area.show_pair(link.from_annotation_id, link.to_annotation_id)


def _search_again(search_panel) -> None:
    """Results follow changes: a query on screen is run again."""
    if search_panel.box.text().strip():
        search_panel.run_search()
