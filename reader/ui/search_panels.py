"""The search dock: Ctrl+K focuses it; results open in the reader; results follow changes to notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from reader.core.workspace import Workspace
from reader.ui.commands import AnnotationEvents
from reader.ui.main_window import MainWindow
from reader.ui.reading.area import PaneArea
from reader.ui.search.search_panel import SearchPanel


def install_search_panel(window: MainWindow, workspace: Workspace, area: PaneArea,
                         events: AnnotationEvents) -> SearchPanel:
    panel = SearchPanel(workspace.search)
    window.add_panel(panel, "Search", Qt.DockWidgetArea.LeftDockWidgetArea, "Library")
    focus = QAction("Search everything", window)
    focus.setShortcut(QKeySequence("Ctrl+K"))
    focus.triggered.connect(lambda: (window.raise_panel("Search"), panel.focus_box()))
    window.addAction(focus)
    window.edit_menu.addAction(focus)
    panel.hit_activated.connect(area.show_passage)
    for signal in (events.annotations_changed, events.links_changed, events.tags_changed, window.import_finished,
                   window.entities_recognised):
        signal.connect(lambda *_args: panel.run_search() if panel.box.text().strip() else None)
    return panel
