"""File > Export… and File > Import annotations…: the dialog offers the search on screen and the Comparisons view's
pairs as scopes, so what the user is looking at is what gets exported."""

from __future__ import annotations

from PySide6.QtGui import QAction

from reader.core.errors import ReaderError
from reader.core.workspace import Workspace
from reader.ui.annotations.comparisons import ComparisonsView
from reader.ui.lazy_panel import LazyPanel
from reader.ui.main_window import MainWindow


def install_export_actions(window: MainWindow, workspace: Workspace, search: LazyPanel,
                           comparisons: ComparisonsView) -> None:
    window.export_action.setEnabled(True)
    window.export_action.triggered.connect(lambda: _export(window, workspace, search, comparisons))
    import_notes = QAction("Import &annotations…", window)
    import_notes.triggered.connect(lambda: _import_annotations(window, workspace))
    window.file_menu.insertAction(window.export_action, import_notes)


def _export(window: MainWindow, workspace: Workspace, search: LazyPanel, comparisons: ComparisonsView) -> None:
    """What was typed and not saved is saved first (each its own step, as on moving on): the editor showed it, so
    the historian takes it to be in the file."""
    window.typing_to_save.emit()
    _export_dialog(window, workspace, search, comparisons).exec()


def _export_dialog(window: MainWindow, workspace: Workspace, search: LazyPanel, comparisons: ComparisonsView):
    """The Export dialog, offering the query in the search box (if any) and the listed comparisons as scopes."""
    from reader.ui.export_dialog import ExportDialog

    query = search.if_built(lambda search_panel: search_panel.box.text().strip())
    return ExportDialog(workspace, window.runner, query or "", comparisons.current_filter(), window, window.settings)


def _import_annotations(window: MainWindow, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QMessageBox  # Qt builds a class on first use: not at every start

    from reader.ui.file_dialogs import open_file_name

    path = open_file_name(window, "Import W3C annotations", "", "JSON-LD (*.jsonld *.json)")
    if not path:
        return
    try:
        report = window.ops.run_checked("Import annotations", lambda: workspace.export.import_annotations(path))
    except ReaderError as exc:
        QMessageBox.warning(window, "Annotations not imported", str(exc))
        return
    if report.skipped:
        _not_placed_box(window, report.summary, report.skipped).exec()
    window.statusBar().showMessage(report.summary, 10000)


REASONS_SHOWN = 10  # reasons a box lists before "… and N more": 1,500 had made it 42,000 pixels tall


def _not_placed_box(window: MainWindow, summary: str, reasons: list[str]):
    """What was read, then why entries were not placed: the first few, all of them under Show Details."""
    from PySide6.QtWidgets import QMessageBox

    more = len(reasons) - REASONS_SHOWN
    shown = [summary, "", *reasons[:REASONS_SHOWN]] + ([f"… and {more:,} more (Show Details…)"] if more > 0 else [])
    box = QMessageBox(QMessageBox.Icon.Warning, "Some annotations could not be placed", "\n".join(shown),
                      QMessageBox.StandardButton.Ok, window)
    if more > 0:
        box.setDetailedText("\n".join(reasons))
    return box
