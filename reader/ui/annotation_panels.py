"""The annotation panels around the reader: comparisons, review, notebook, source criticism, trash and tags.

Built once by the application and wired here, so the main window stays a shell and no panel reaches into another.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from reader.core.workspace import Workspace
from reader.ui.annotations.comparisons import ComparisonsView
from reader.ui.annotations.links_list import LinksList
from reader.ui.annotations.notebook_panel import NotebookPanel
from reader.ui.annotations.review_list import ReviewList
from reader.ui.annotations.source_criticism import SourceCriticismPanel
from reader.ui.annotations.tag_editor import TagManager
from reader.ui.annotations.trash_dialog import TrashDialog
from reader.ui.commands import AnnotationEvents
from reader.ui.main_window import MainWindow


@dataclass
class AnnotationPanels:
    """The panel widgets, kept so tests and the window can reach them by name."""

    comparisons: ComparisonsView
    review: ReviewList
    notebook: NotebookPanel
    source_criticism: SourceCriticismPanel
    links: LinksList


def install_annotation_panels(window: MainWindow, workspace: Workspace, stack: QUndoStack,
                              events: AnnotationEvents) -> AnnotationPanels:
    """Create the panels as docks of `window` and connect them to the reader and to each other."""
    panels = AnnotationPanels(
        comparisons=ComparisonsView(workspace.links, workspace.tags, workspace.documents, events),
        review=ReviewList(workspace.review, workspace.documents, stack, events),
        notebook=NotebookPanel(workspace.notebook, workspace.annotations, workspace.documents, workspace.trash, stack,
                               events),
        source_criticism=SourceCriticismPanel(workspace.sources, stack, events),
        links=LinksList(workspace.links, workspace.documents, stack, events),
    )
    window.add_panel(panels.links, "Links", Qt.DockWidgetArea.RightDockWidgetArea, "Metadata")
    window.add_panel(panels.comparisons, "Comparisons", Qt.DockWidgetArea.BottomDockWidgetArea)
    window.add_panel(panels.source_criticism, "Source criticism", Qt.DockWidgetArea.RightDockWidgetArea, "Metadata")
    window.add_panel(panels.review, "Needs review", Qt.DockWidgetArea.RightDockWidgetArea, "Metadata")
    window.add_panel(panels.notebook, "Notebook", Qt.DockWidgetArea.RightDockWidgetArea, "Metadata")
    window.add_edit_action("&Trash…", lambda: TrashDialog(workspace.trash, stack, events, window).exec())
    window.add_edit_action("Manage &tags…", lambda: TagManager(workspace.tags, stack, events, window).exec())
    window.document_selected.connect(panels.source_criticism.show_document)
    window.document_selected.connect(panels.notebook.show_document)
    return panels
