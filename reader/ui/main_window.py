"""The main window: library and metadata panels around the reading area, menus, import by dialog or drag-and-drop.

Dialogs, event types and `json` are imported where they are used: PySide6 builds each Qt class on first access, and
those the first paint does not need would add about 5 ms to every start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from reader.core.errors import ImportCancelled, ReaderError
from reader.core.records.documents import DocumentInfo, ImportReport
from reader.core.records.progress import STORING
from reader.core.wording import one_line, plural
from reader.core.workspace import Workspace
from reader.ui.coalesce import coalesced
from reader.ui.events import AnnotationEvents
from reader.ui.keyed_actions import WHERE
from reader.ui.lazy_panel import LazyPanel, scrolling
from reader.ui.library_panel import LibraryPanel
from reader.ui.message_log import MessageLog, MessagesDialog
from reader.ui.metadata_panel import MetadataPanel
from reader.ui.operations import OpRunner
from reader.ui.remembered import remember, remember_sort
from reader.ui.workers import TaskRunner, progress_dialog

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QProgressDialog

MINIMUM_SIZE = (900, 560)  # below this the docks and two texts would overlap
CRAMPED_CHARACTERS = 30  # texts side by side narrower than this (characters a line) are said to be so
DESK_ADVICE = "Ctrl+Shift+F widens them (Reading desk only)"  # short: the register's count is beside it
SESSION_KEPT_EVERY_MS = 10_000  # how old the desk a crash leaves may be


def import_filter() -> str:
    """The file dialog's filter: every format the importer reads (built when the dialog opens: the readers' list
    lives with the readers)."""
    from reader.core.documents.sources import supported_suffixes

    patterns = " ".join(f"*{suffix}" for suffix in sorted(supported_suffixes()))
    return f"Sources ({patterns});;All files (*)"


class MainWindow(QMainWindow):
    """Wires the panels to the core; every user change is one core call followed by a refresh of what it changed."""

    documents_changed = Signal()
    import_finished = Signal()
    entities_recognised = Signal()
    document_selected = Signal(object)  # the library's selected document id, or None
    recognition_done = Signal()  # mentions are current: views built on them refresh
    closing = Signal()  # the window is closing (after `typing_to_save` and `drafts_to_keep`)
    drafts_to_keep = Signal()  # what the forms could not save is kept in the session file, if it can be
    typing_to_save = Signal()  # forms save what was typed and not saved: the window closes, or a document goes

    def __init__(self, workspace: Workspace, settings: QSettings, reading_area: QWidget, runner: TaskRunner,
                 ops: OpRunner, events: AnnotationEvents):
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.reading_area = reading_area
        self.runner = runner
        self.ops = ops
        self.events = events
        self.setWindowTitle("Annotated Reader")
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)
        self.setCentralWidget(reading_area)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.docks: dict[str, QDockWidget] = {}  # by object name (findChild walks the whole widget tree)
        self._desk_left = None  # the layout Reading desk only left, to come back to
        self._panes_advised = 0  # texts on the desk when it was last said whether they are too narrow
        self._first_places = None  # each dock's side and tabs as built, before a kept layout moved them
        self.unkept_typing: list[str] = []  # typing nothing could keep, found as the window closes
        self.session_timer = QTimer(self, interval=SESSION_KEPT_EVERY_MS)  # started once the layout is restored
        self._desk_kept: tuple | None = None  # what keep_session last wrote
        self._said_unkept = False  # that the session file cannot be written (said once while it lasts)
        self.session_timer.timeout.connect(self.keep_session)
        self._changed_documents: set[int] = set()  # told changed, not yet caught up with (see _on_document_changed)
        reading_area.panes_changed.connect(lambda: QTimer.singleShot(0, self, self._say_if_cramped))  # once laid out
        self._locked: list = []  # outcomes of encrypted PDFs still to ask a password for
        self.library = LibraryPanel(self)
        remember(settings, "library", self.library.filter_box)
        remember_sort(settings, "library", self.library.table)
        self.metadata = MetadataPanel(self._save_metadata, self.typing_unkept, workspace.documents.get, self)
        self.recognition_status = QLabel(self)  # the register's state, kept apart: passing lines must stay readable
        self.statusBar().addPermanentWidget(self.recognition_status)
        self.messages = MessageLog()
        self.messages_dialog: MessagesDialog | None = None
        self.statusBar().messageChanged.connect(self._line_shown)
        self._build_menus()
        self.add_panel(self.library, "Library", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_panel(self.metadata, "Metadata", Qt.DockWidgetArea.RightDockWidgetArea, scrolls=True)
        self._connect_panels()
        self.refresh_library()

    def add_panel(self, widget: QWidget | None, title: str, area: Qt.DockWidgetArea,
                  tab_with: str = "", scrolls: bool = False) -> QDockWidget:
        """Add a dock (listed in the View menu); `tab_with` names a dock to share a tabbed area with; `scrolls`: a
        form that scrolls when the dock is short (lazy_panel.scrolling)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(dock_name(title))
        self.docks[dock.objectName()] = dock
        if widget is not None:
            dock.setWidget(scrolling(widget) if scrolls else widget)
        self.addDockWidget(area, dock)
        if tab_with:
            self.tabifyDockWidget(self.docks[dock_name(tab_with)], dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def add_lazy_panel(self, build: Callable[[], QWidget], title: str, area: Qt.DockWidgetArea,
                       tab_with: str = "", scrolls: bool = False, least: float = 0.0) -> LazyPanel:
        """A dock whose widget `build()` makes when the dock is first shown (or the widget is first needed), then
        taking at least the `least` share of the window across its side."""
        return LazyPanel(self.add_panel(None, title, area, tab_with), build, scrolls, least)

    def raise_panel(self, title: str) -> None:
        dock = self.docks.get(dock_name(title))
        if dock is not None:
            dock.show()
            dock.raise_()

    def _say_if_cramped(self) -> None:
        """Texts opened side by side until each shows a few words a line (three at 1366×768 and 125 %: 18
        characters) are said to be so, with the way to give them the window; nothing is closed or moved."""
        panes = [pane for pane in self.reading_area.panes if pane.isVisible()]
        grew, self._panes_advised = len(panes) > self._panes_advised, len(panes)
        if not grew or len(panes) < 2 or self.desk_action.isChecked():  # said once, when a text is added: a
            return  # document taking a pane's place said so, and this had at once said over it what it said before
        characters = min(pane.view.viewport().width() // max(pane.view.fontMetrics().averageCharWidth(), 1)
                         for pane in panes)
        if characters < CRAMPED_CHARACTERS:
            self.statusBar().showMessage(f"Texts of {characters} characters a line: {DESK_ADVICE}", 15000)

    def _line_shown(self, line: str) -> None:
        """While a line shows, the register's state steps aside, so the line has the bar to itself (a refusal
        naming where the typing is kept was cut off: "…it comes back when you ch"); a line wider than the bar is
        whole in its tooltip, and every line in Help > Recent messages. Qt's own hiding of a bar's widgets let the
        state be drawn over a line shown at start."""
        bar = self.statusBar()
        entry = self.messages.keep(line)
        if entry and self.messages_dialog is not None and self.messages_dialog.isVisible():
            self.messages_dialog.add(entry)
        self.recognition_status.setVisible(not line)
        bar.setToolTip(line if bar.fontMetrics().horizontalAdvance(line) > bar.contentsRect().width() else "")

    def add_edit_action(self, text: str, slot) -> QAction:
        return self._action(self.edit_menu, text, None, slot)

    def restore_layout(self) -> None:
        """Bring back geometry and dock layout; called once every panel has been added."""
        self._first_places = self.saveState()
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if geometry is None or not self.restoreGeometry(geometry):
            self._fit_to_screen(1400, 900)
        if state is None or not self._restore_docks(state):
            self._restore_docks(self._first_places)
            self._default_layout()
        self._fit_to_screen(self.width(), self.height())
        self._restore_session(self.settings.value("reading/session"))
        self.session_timer.start()  # from now on the desk is worth keeping

    def _restore_session(self, saved: object) -> None:
        """Reopen the desk as the last session left it; one that cannot be read leaves it empty, said."""
        from reader.ui.reading.session_read import read_session

        if not saved:
            return
        state = read_session(saved)
        if state is None:
            self.statusBar().showMessage(f"The reading desk of the last session could not be read from "
                                         f"{self.settings.fileName()}: it starts empty.", 15000)
        else:
            self.reading_area.restore_session(state)

    def _restore_docks(self, state) -> bool:
        """`restoreState`, with no tab bar left shown but those of the docks as they stand: Qt left those of the
        groupings as the docks were built ("Comparisons | Source criticism", before the other four joined) and of
        each earlier layout shown, under the Library and as a line across the texts (audits DL F3, DM 3); all are
        hidden first, and the layout shows those it uses."""
        self._hide_tab_bars()
        return self.restoreState(state)

    def _hide_tab_bars(self) -> None:
        from PySide6.QtWidgets import QTabBar

        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            bar.hide()

    def _show_desk_only(self, only: bool) -> None:
        """Hide every panel so the panes get the whole window (three sources side by side on a laptop); then bring
        back the layout as it was: the same panels, sizes and tabs in front."""
        if only:
            self._desk_left = self.saveState()
            focused = QApplication.focusWidget()
            for dock in self.docks.values():
                dock.hide()
            self._hide_tab_bars()  # emptied, they stayed shown (the layout brings them back with the docks)
            active = self.reading_area.pane_for(self.reading_area.active_document_id() or -1)
            if active is not None and (focused is None or not focused.isVisible()):  # hidden with its panel: the
                active.view.setFocus(Qt.FocusReason.OtherFocusReason)  # text read takes it (audit DA F6)
            if self.statusBar().currentMessage().endswith(DESK_ADVICE):  # taken: its count of characters is stale
                self.statusBar().clearMessage()
        elif self._desk_left is not None:
            self._restore_docks(self._desk_left)
            self._desk_left = None

    def reset_layout(self) -> None:
        """View > Reset layout: the docks where and as wide as they start (a panel moved to another side, a side a
        wide tab widened, Reading desk only: all undone), the window fitted to the screen."""
        for dock in self.docks.values():
            dock.setFloating(False)
        self.desk_action.setChecked(False)
        self._desk_left = None
        if self._first_places is not None:
            self._restore_docks(self._first_places)
        self._fit_to_screen(1400, 900)
        QTimer.singleShot(0, self, self._default_layout)  # once the window has its new size: sized before, the docks
        # were laid out again in proportion to it (the bottom one twice as tall as at a first start)

    def _fit_to_screen(self, width: int, height: int) -> None:
        """Never larger than the screen's free area (a panel opened must not push the window past it)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        frame = self.frameGeometry().size() - self.size()  # a title bar and borders, where a window manager adds them
        least_width, least_height = MINIMUM_SIZE
        if screen is not None:  # a screen smaller than that (a laptop at 150 or 200 %) sets the limit
            room_width, room_height = screen.width() - frame.width(), screen.height() - frame.height()
            width, height = min(width, room_width), min(height, room_height)
            least_width, least_height = min(least_width, room_width), min(least_height, room_height)
            self.setMinimumSize(least_width, least_height)
        self.resize(max(width, least_width), max(height, least_height))
        if screen is not None and not screen.contains(self.frameGeometry()):
            self.move(screen.topLeft())  # fitted, but placed lower down it reached past the screen's bottom

    def _default_layout(self) -> None:
        """First start: the reading area gets most of the window; side panels keep a readable width."""
        docks = self.docks
        left_right = [d for d in (docks.get("library_dock"), docks.get("metadata_dock")) if d]
        self.resizeDocks(left_right, [215, 255][:len(left_right)], Qt.Orientation.Horizontal)
        bottom_area = Qt.DockWidgetArea.BottomDockWidgetArea
        bottom = [d for d in docks.values() if self.dockWidgetArea(d) == bottom_area]
        groups = [d for n, d in enumerate(bottom) if not set(self.tabifiedDockWidgets(d)) & set(bottom[:n])]
        self.resizeDocks(groups, [180] * len(groups), Qt.Orientation.Vertical)  # one size per tab group: given
        # to each of six docks tabbed together, the sizes added up and the bottom took twice its room
        for name in ("metadata_dock", "library_dock", "comparisons_dock"):
            if name in docks:
                docks[name].raise_()

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        self.import_action = self._action(file_menu, "&Import…", QKeySequence.StandardKey.Open, self._on_import_chosen)
        self._action(file_menu, "Import &folder…", QKeySequence("Ctrl+Shift+O"), self._on_import_folder_chosen)
        self.export_action = self._action(file_menu, "&Export…", None, None)
        self.export_action.setEnabled(False)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence("Ctrl+Q"), self.close)
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self._add_undo_actions()
        self.view_menu = self.menuBar().addMenu("&View")
        self._action(self.view_menu, "&Reset layout", None, self.reset_layout)
        self.desk_action = self._action(self.view_menu, "Reading &desk only", QKeySequence("Ctrl+Shift+F"),
                                        self._show_desk_only)
        self.desk_action.setCheckable(True)
        pages = self.view_menu.addMenu("&Pane shows")
        for text, mode in (("&Text", "text"), ("&Page image", "page"), ("&Both", "both")):
            action = pages.addAction(text, lambda m=mode: self._set_view_mode(m))
            action.setCheckable(True)
            action.setData(mode)
        pages.setToolTipsVisible(True)  # why a mode is not offered
        pages.aboutToShow.connect(lambda: self._offer_view_modes(pages))
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", QKeySequence("F1"), self._on_shortcuts_chosen)
        self._action(help_menu, "&Recent messages…", QKeySequence("Ctrl+Shift+M"), self._on_messages_chosen)

    def _offer_view_modes(self, menu) -> None:
        """Text, Page image and Both as the active pane can show them, the one it shows checked: always enabled, for
        a text without pages or a moved file they did nothing and said nothing (audit DO 11)."""
        offered = getattr(self.reading_area, "view_modes", lambda: {})()  # the reading area of some tests is bare
        for action in menu.actions():
            why_not, shown = offered.get(action.data(), ("no text is open", False))
            action.setEnabled(not why_not)
            action.setChecked(shown)
            action.setToolTip(why_not)

    def _set_view_mode(self, mode: str) -> None:
        set_mode = getattr(self.reading_area, "set_view_mode", None)  # the reading area of some tests is bare
        if set_mode is not None:
            set_mode(mode)

    def _add_undo_actions(self) -> None:
        """Undo and Redo are the core's: they reach changes made from the command line too, and a restart."""
        self.undo_action = self._action(self.edit_menu, "&Undo", QKeySequence("Ctrl+Z"), self.ops.undo)
        self.redo_action = self._action(self.edit_menu, "&Redo", QKeySequence("Ctrl+Shift+Z"), self.ops.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):  # a box being typed in takes these keys for its typing
            action.setProperty(WHERE, "Anywhere but a text box")
        self.edit_menu.addSeparator()
        self.ops.history_changed.connect(self.update_undo_actions)
        self.edit_menu.aboutToShow.connect(self.update_undo_actions)  # another program may have changed it
        # not read at start (it would load the undo code for the first paint): Ctrl+Z with nothing to undo says so

    def update_undo_actions(self) -> None:
        for action, verb, label in ((self.undo_action, "Undo", self.ops.undo_text()),
                                    (self.redo_action, "Redo", self.ops.redo_text())):
            action.setText(f"&{verb} {label}" if label else f"&{verb}")
            action.setEnabled(bool(label))

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect_panels(self) -> None:
        self.library.document_activated.connect(self._on_library_document_activated)
        self.library.delete_requested.connect(self.delete_document)
        self.reading_area.document_focused.connect(self._on_document_focused)
        self.library.table.selectionModel().selectionChanged.connect(self._on_library_selection_changed)
        self.metadata.failed.connect(self.events.failed)
        self.typing_to_save.connect(self.metadata.keep_unsaved)
        self.metadata.typing_apart.connect(self._keep_metadata_apart)
        self._catch_up = coalesced(self._after_documents_changed, self)
        self.events.annotations_changed.connect(self._catch_up)  # note counts in the library
        self.events.notebook_changed.connect(self._catch_up)  # ... the Notebook's notes on a document among them
        self.events.document_changed.connect(self._on_document_changed)
        self.events.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))
        self.events.told.connect(lambda message: self.statusBar().showMessage(message, 5000))

    def _on_shortcuts_chosen(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog, collect_shortcuts  # rarely opened: loads on demand

        ShortcutsDialog(collect_shortcuts(self), self).exec()

    def _on_messages_chosen(self) -> None:
        if self.messages_dialog is None:
            self.messages_dialog = MessagesDialog(self.messages, self)
        self.messages_dialog.show_log()

    def refresh_library(self, *_args) -> None:
        self._show_library(self.workspace.documents.list())

    def _show_library(self, documents: list[DocumentInfo]) -> None:
        self.library.set_documents(documents)
        self.reading_area.set_library_empty(not documents)
        self.documents_changed.emit()

    def _on_library_document_activated(self, document_id: int) -> None:
        """Enter or a double-click in the Library: the text opens with the focus, ready to read and select (from
        the keyboard, the focus stayed in the table and F6 went on to a Comparisons filter)."""
        self.reading_area.open_document(document_id).view.setFocus()

    def _on_document_focused(self, document_id: int) -> None:
        """Metadata, Source criticism and the Notebook follow the pane the user works in."""
        self.library.select_document(document_id)
        self.metadata.show_document(self.workspace.documents.get(document_id))
        self.document_selected.emit(document_id)

    def _on_library_selection_changed(self, *_args) -> None:
        document_id = self.library.selected_document_id()
        self.metadata.show_document(self.workspace.documents.get(document_id) if document_id else None)
        self.document_selected.emit(document_id)

    def _keep_metadata_apart(self, about: str, text: str) -> None:
        """Metadata typed on a document that went to the Trash meanwhile becomes a Notebook note, as typing on a
        note another hand rewrote does: the document is not listed to be chosen again, and its typing was held
        for it."""
        title = f"Recovered: metadata of {about}"
        note = self.ops.run("Keep typing apart", lambda: self.workspace.notebook.create(text, title))
        if note is not None:
            self.events.told.emit(f"{about} went to the Trash while you typed its metadata: what you typed is in "
                                  f"the Notebook, as “{note.title}”")

    def _save_metadata(self, document_id: int, changes: dict) -> str | None:
        """Store the metadata panel's fields (one undoable step); why the library refused them, or None."""
        try:
            self.ops.run_checked("Edit metadata", lambda: self.workspace.documents.update_metadata(document_id,
                                                                                                    changes))
        except ReaderError as exc:
            return str(exc)
        return None

    def delete_document(self, document_id: int) -> None:
        """Ask, then move the document to the Trash with its annotations and mentions (one step: Edit > Undo)."""
        from PySide6.QtWidgets import QMessageBox

        info = self.workspace.documents.get(document_id)
        count, going = info.annotation_count, self.workspace.documents.leaving_with(document_id)
        answer = QMessageBox.question(
            self, "Delete document", f"Move “{info.title}” to the Trash, with its {count} annotation"
            f"{'s' * (count != 1)}? {going[:1].upper() + going[1:] + '. ' if going else ''}Edit > Undo or Edit > "
            "Trash brings it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.typing_to_save.emit()  # a note typed on one of its highlights is saved first, its own step
            self.ops.run("Delete document", lambda: self.workspace.documents.delete(document_id))

    def _on_document_changed(self, document_id: int) -> None:
        """Catch up once for a burst (see coalesce.py): the library, panes of documents gone to the Trash, and the
        metadata shown."""
        self._changed_documents.add(document_id)
        self._catch_up()

    def _after_documents_changed(self) -> None:
        changed, self._changed_documents = self._changed_documents, set()
        documents = self.workspace.documents.list()
        gone = changed - {info.id for info in documents}  # to the Trash
        self.reading_area.close_documents(gone)
        self._show_library(documents)
        selected = self.library.selected_document_id()
        if selected in changed:
            self.metadata.show_document(self.workspace.documents.get(selected))
        elif self.metadata.document_id in gone:  # its row went, and the selection with it, unsaid: the form stayed,
            self._on_library_selection_changed()  # editable, its Save "no document with id 2" (audit DL F1)

    def _on_import_chosen(self) -> None:
        from reader.ui.file_dialogs import open_file_names

        paths = open_file_names(self, "Import documents", "", import_filter())
        if paths:
            self.import_paths([Path(p) for p in paths])

    def _on_import_folder_chosen(self) -> None:
        """A folder of sources, everything in it (and below), as a drop of the folder imports it."""
        from reader.ui import file_dialogs

        folder = file_dialogs.existing_folder(self, "Import a folder", "")
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path], password: str | None = None) -> None:
        """Import in a worker with a progress dialog; the library refreshes when it is done."""
        task = self.runner.start(
            lambda ws, report_progress, cancelled: ws.documents.import_paths(paths, report_progress, cancelled,
                                                                             password),
            cancel_types=(ImportCancelled,),
        )
        progress = progress_dialog(task, self, "Import", "Importing…", _import_stage,
                                   stopping="Stopping after the file being read…")
        task.finished.connect(lambda report: self._on_import_finished(report, progress, paths))
        task.failed.connect(lambda message: self._on_import_refused(paths, message, progress))
        task.cancelled.connect(lambda: self._on_import_failed("Import cancelled; nothing was imported.", progress))

    def _on_import_finished(self, report: ImportReport, progress: QProgressDialog, paths: list[Path]) -> None:
        progress.reset()
        self.refresh_library()
        self.statusBar().showMessage(_summary(report), 10000)
        self.import_finished.emit()
        for outcome in report.outcomes:
            if outcome.status == "unchanged" and outcome.document_id:  # its moved file found again: pages come back
                self.events.document_changed.emit(outcome.document_id)
        chosen = {path.resolve() for path in paths if path.is_file()}  # a password PDF passed over (already
        # imported) is asked for when chosen by itself: its changes could come in only by the command line (DO 5);
        # a folder swept again asks nothing
        locked = [outcome for outcome in report.outcomes if outcome.needs_password and (
            outcome.status == "failed" or Path(outcome.path).resolve() in chosen)]
        others = [outcome for outcome in report.failed if not outcome.needs_password]
        if others:
            from PySide6.QtWidgets import QMessageBox

            details = "\n".join(outcome.message for outcome in others)
            QMessageBox.warning(self, "Some files were not imported", details)
        self._locked[:0] = locked  # a file whose password was just wrong is asked again before the next one
        if self._locked:
            self._retry_with_password(self._locked.pop(0))

    def _retry_with_password(self, outcome) -> None:
        """Ask for the password of an encrypted PDF the worker could not open and import it again with it (asked
        again if wrong); cancelling leaves the file out with its one-line reason, and the next locked file is asked."""
        from reader.ui.password_dialog import ask_password

        path = Path(outcome.path)
        password = ask_password(self, path.name, wrong="wrong password" in outcome.message)
        if password is not None:
            self.import_paths([path], password)
            return
        self.statusBar().showMessage(outcome.message, 10000)
        if self._locked:
            self._retry_with_password(self._locked.pop(0))

    def _on_import_refused(self, paths: list[Path], message: str, progress: QProgressDialog) -> None:
        """The whole import failed (a full disk, a read-only library): said in a warning naming what was not
        imported, as well as in the status bar (whose line went after ten seconds, naming no file)."""
        from PySide6.QtWidgets import QMessageBox

        names = ", ".join(path.name for path in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        line = f"{names} {'was' if len(paths) == 1 else 'were'} not imported: {message}"
        self._on_import_failed(line, progress)
        QMessageBox.warning(self, "Import failed", line)

    def _on_import_failed(self, message: str, progress: QProgressDialog) -> None:
        progress.reset()
        self.statusBar().showMessage(message, 10000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab and Shift+Tab pass over the panels behind another's tab (tab_focus.py)."""
        from reader.ui.tab_focus import tab_past_hidden

        return tab_past_hidden(super().focusNextPrevChild, next)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unkept_typing.clear()
        self.typing_to_save.emit()  # the forms save what was typed, Metadata first
        self.drafts_to_keep.emit()  # ... and keep what they could not in the session file (`typing_unkept` if not)
        if self.unkept_typing and not self._may_lose(self.unkept_typing):
            event.ignore()
            return
        self.session_timer.stop()
        self._desk_kept = None  # written whatever the last writing was: another window may have written since
        self.closing.emit()
        if self.messages_dialog is not None:  # kept open beside the window, it closes with it (left open, it
            self.messages_dialog.close()  # stayed the active window: the next window's shortcuts went unheard)
        if self.desk_action.isChecked():
            self.desk_action.trigger()  # the layout is kept with its panels: the next start shows them
        self.keep_session()
        self.runner.wait_all()
        super().closeEvent(event)

    def typing_unkept(self, text: str) -> None:
        """Typing neither the database nor the session file took (a full disk refuses both): asked about on closing."""
        self.unkept_typing.append(text)

    def _may_lose(self, texts: list[str]) -> bool:
        """Ask before closing would throw away typing nothing could keep; the window stays open unless told."""
        from PySide6.QtWidgets import QMessageBox

        quoted = "\n\n".join(f"“{one_line(text, 300)}”" for text in texts)
        answer = QMessageBox.question(
            self, "Close and lose what you typed?",
            f"What you typed was not saved, and nothing else keeps it: the library refused it, or another program "
            f"changed the same field meanwhile (the session file {self.settings.fileName()} could not take a note's, "
            f"and a form's is kept only while the window is open):\n\n{quoted}\n\nClose anyway and lose it? (No "
            "keeps the window open: copy the text, or choose its item again and save it, once the library can be "
            "written if it refused: made writable, or with room on its disk.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def keep_session(self) -> None:
        """Write the geometry, the dock layout (with its panels, even while the desk is shown alone) and the reading
        session to the session file: on closing, and every few seconds while the window is open (session_timer), so
        a crash or a power cut leaves the desk as it was moments before, not as at the last clean close."""
        import json

        state = self._desk_left if self.desk_action.isChecked() else self.saveState()
        desk = (bytes(self.saveGeometry()), bytes(state), json.dumps(self.reading_area.session_state()))
        if desk == self._desk_kept:
            return  # unchanged since the last writing: the file is not touched again every ten seconds
        writing = QSettings(self.settings.fileName(), self.settings.format())  # its own status: a QSettings keeps
        writing.setValue("window/geometry", self.saveGeometry())  # its first error for good, and the desk was
        writing.setValue("window/state", state)  # written every ten seconds after one failure (audit DV F4); the
        writing.setValue("reading/session", desk[2])  # two share the file's values, as Qt's settings of one file do
        writing.sync()
        unkept = writing.status() != QSettings.Status.NoError
        if unkept and not self._said_unkept:  # said once, not every ten seconds (audit DT F4)
            self.statusBar().showMessage(f"The layout and the documents open cannot be kept: "
                                         f"{self.settings.fileName()} cannot be written.", 15000)
        self._said_unkept = unkept
        self._desk_kept = None if unkept else desk  # not kept: written again at the next look (audit DU F5)


SHOWN_UNCHANGED = 3  # files skipped as already imported, named with their reason in the import's line
LOCKED = "waiting for a password"
BACK = "back from the Trash"  # a document in the Trash whose file was imported again


def _summary(report: ImportReport) -> str:
    """The import's line: the counts, why files were skipped (a copy of a document already in the library, a
    folder's files of other kinds), what moved on a new text, and that undo starts again then."""
    counts: dict[str, int] = {}
    for outcome in report.outcomes:  # a locked PDF is asked its password next: not failed (yet)
        status = LOCKED if outcome.status == "failed" and outcome.needs_password else \
            BACK if outcome.status == "unchanged" and outcome.from_trash else outcome.status  # the library changed:
        counts[status] = counts.get(status, 0) + 1  # it was counted "1 unchanged" (audit DL F6)
    summary = "Import: " + ", ".join(plural(counts[k], "new version") if k == "new_version" else f"{counts[k]} {k}"
                                     for k in ("imported", BACK, "new_version", "unchanged", "failed", LOCKED)
                                     if counts.get(k))
    skipped = [o.message for o in report.outcomes if o.status == "unchanged"][:SHOWN_UNCHANGED]
    skipped += [o.message for o in report.outcomes if o.status == "left_out"]
    return "; ".join([summary, *skipped, *(moved.message for moved in report.reanchored),
                      *([report.history_note] if report.history_note else [])])


def dock_name(title: str) -> str:
    return title.lower().replace(" ", "_") + "_dock"


def _import_stage(what: str) -> str:
    """The import dialog's line: the file being read, then the storing of them all (a large folder's take seconds,
    and the dialog said "Reading doc399.txt…" all the while; a Cancel then stops it too)."""
    return "Storing the files read…" if what == STORING else f"Reading {what}…"
