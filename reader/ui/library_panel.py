"""The library panel: every document in a sortable table with a filter box; double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QVBoxLayout, QWidget

from reader.core.records.documents import DocumentInfo
from reader.ui.fitting_table import FittingTable
from reader.ui.keyboard_menus import keyboard_menus_at_viewport
from reader.ui.keyed_actions import KeyTable, keyed_action
from reader.ui.library_model import COLUMNS, DOCUMENT_ID_ROLE, SORT_ROLE, LibraryModel

SHOWN_FIRST = ("Notes", "Date", "Kind", "Characters", "File")  # beside the title, as the panel's width allows
LIBRARY_KEYS = KeyTable("Library", {"delete": ("Delete document…", ("Delete",))})  # as Delete does elsewhere: it did
# nothing here, unsaid (audit DL F5)
TITLE_CHARS = 18  # the title's column is kept about this many characters wide before another column is shown


class LibraryPanel(QWidget):
    """Lists documents; emits `document_activated(id)` when the user opens one."""

    document_activated = Signal(int)
    retry_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit(self, placeholderText="Filter documents…", clearButtonEnabled=True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def _build_table(self) -> QTableView:
        table = FittingTable(tuple(COLUMNS.index(name) for name in SHOWN_FIRST), TITLE_CHARS, self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMNS.index("File"), Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_context_menu_requested)
        keyboard_menus_at_viewport(table)
        table.activated.connect(self._on_table_activated)  # a double-click, or Enter
        keyed_action(table, LIBRARY_KEYS, "delete", self._delete_selected)
        return table

    def _delete_selected(self) -> None:
        document_id = self.selected_document_id()
        if document_id is not None:
            self.delete_requested.emit(document_id)

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        """Replace the rows, keeping the selected document selected (a refresh must not lose the user's place)."""
        selected = self.selected_document_id()
        changed = self.model.set_documents(documents)
        if changed is None:
            self.table.rows_changed()  # a longer title or a larger count may need more room than the last rows did
        elif changed:
            rows = (self.proxy.mapFromSource(self.model.index(row, 0)).row() for row in changed)
            self.table.rows_updated([row for row in rows if row >= 0])  # a row filtered out is not measured
        if selected is not None:
            self.select_document(selected)

    def select_document(self, document_id: int) -> None:
        matches = self.proxy.match(self.proxy.index(0, 0), DOCUMENT_ID_ROLE, document_id, 1,
                                   Qt.MatchFlag.MatchExactly)
        if matches:
            self.table.selectRow(matches[0].row())

    def selected_document_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(DOCUMENT_ID_ROLE) if rows else None

    def context_menu(self, document_id: int):
        """Open, retry recognition (where it failed), delete: what can be done to one document."""
        from PySide6.QtWidgets import QMenu  # built on first use: not at every start

        info = self.model.document_at(self._source_row(document_id))
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.document_activated.emit(document_id))
        retry = menu.addAction("Retry entity recognition", lambda: self.retry_requested.emit(document_id))
        retry.setEnabled(bool(info.recognition_error))
        menu.addSeparator()
        menu.addAction("Delete document…", lambda: self.delete_requested.emit(document_id))
        return menu

    def _source_row(self, document_id: int) -> int:
        matches = self.model.match(self.model.index(0, 0), DOCUMENT_ID_ROLE, document_id, 1, Qt.MatchFlag.MatchExactly)
        return matches[0].row()

    def _on_context_menu_requested(self, point) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
            self.context_menu(index.data(DOCUMENT_ID_ROLE)).exec(self.table.viewport().mapToGlobal(point))

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.document_activated.emit(index.data(DOCUMENT_ID_ROLE))
