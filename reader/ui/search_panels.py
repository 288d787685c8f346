"""The search dock: Ctrl+K focuses it; results open in the reader; results follow changes to notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.errors import ReaderError
from reader.core.workspace import Workspace
from reader.ui.events import AnnotationEvents
from reader.ui.lazy_panel import LazyPanel
from reader.ui.main_window import MainWindow
from reader.ui.reading.area import PaneArea


def install_search_panel(window: MainWindow, workspace: Workspace, area: PaneArea,
                         events: AnnotationEvents) -> LazyPanel:
    """The Search dock (built when first shown), Ctrl+K, export and import of annotations."""
    panel = window.add_lazy_panel(lambda: _search_panel(workspace, area), "Search",
                                  Qt.DockWidgetArea.LeftDockWidgetArea, "Library")
    focus = QAction("Search everything", window)
    focus.setShortcut(QKeySequence("Ctrl+K"))
    focus.triggered.connect(lambda: (window.raise_panel("Search"), panel.widget().focus_box()))
    window.addAction(focus)
    window.edit_menu.addAction(focus)
    window.export_action.setEnabled(True)
    window.export_action.triggered.connect(lambda: _export_dialog(window, workspace, panel).exec())
    import_notes = QAction("Import &annotations…", window)
    import_notes.triggered.connect(lambda: _import_annotations(window, workspace, events))
    window.file_menu.insertAction(window.export_action, import_notes)
    for signal in (events.annotations_changed, events.links_changed, events.tags_changed, window.import_finished,
                   window.entities_recognised):
        signal.connect(lambda *_args: panel.if_built(_search_again))
    return panel


def _search_panel(workspace: Workspace, area: PaneArea):
    from reader.ui.search.search_panel import SearchPanel

    search_panel = SearchPanel(workspace.search)
    search_panel.hit_activated.connect(area.show_passage)
    return search_panel


def _search_again(search_panel) -> None:
    """Results follow changes: a query on screen is run again."""
    if search_panel.box.text().strip():
        search_panel.run_search()


def _export_dialog(window: MainWindow, workspace: Workspace, panel: LazyPanel):
    """The Export dialog, offering the query in the search box (if any) as a scope."""
    from reader.ui.export_dialog import ExportDialog

    query = panel.if_built(lambda search_panel: search_panel.box.text().strip())
    return ExportDialog(workspace, query or "", window)


def _import_annotations(window: MainWindow, workspace: Workspace, events: AnnotationEvents) -> None:
    path, _ = QFileDialog.getOpenFileName(window, "Import W3C annotations", "", "JSON-LD (*.jsonld *.json)")
    if not path:
        return
    try:
        report = workspace.export.import_annotations(path)
    except ReaderError as exc:
        QMessageBox.warning(window, "Annotations not imported", str(exc))
        return
    for info in workspace.documents.list():
        events.annotations_changed.emit(info.id)
    summary = f"{report.placed} annotations placed"
    if report.skipped:
        QMessageBox.warning(window, "Some annotations could not be placed", "\n".join(report.skipped))
    window.statusBar().showMessage(f"{summary}, {len(report.skipped)} not placed", 10000)
