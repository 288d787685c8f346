"""The register panel: every entity with type and counts, filterable and sortable, with the user's decisions.

Decisions (rename, type, merge, not an entity, authority ids) are core calls; the panel refreshes from their result.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities.service import EntityService
from reader.core.errors import ReaderError
from reader.core.records.entities import TYPES, EntitySummary
from reader.ui.entities.doubtful_list import DoubtfulList
from reader.ui.entities.mention_actions import entity_labels
from reader.ui.fitting_table import FittingTable
from reader.ui.keyboard_menus import keyboard_menus_at_viewport
from reader.ui.operations import OpRunner
from reader.ui.plain_text import exact_text
from reader.ui.splitters import share_out
from reader.ui.table_model import Index, RowTableModel
from reader.ui.workers import NewestReading, TaskRunner

ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 2  # a listed spelling variant's pair, with both names
SHOWN_FIRST = (2, 1, 3)  # mentions, type, documents: beside the name, as the dock's width allows
NAME_CHARS = 14  # the name's column is kept about this many characters wide before another column is shown
ALIASES = 4  # a long list: in each name's tooltip, and the filter finds them


class RegisterModel(RowTableModel):
    """Entities as table rows (cached EntitySummary rows, no database access here), kept in the order the table's
    header asks for: sorted here in one sort, where a sorting proxy asked `data` for a value at each comparison (a
    second and a half for 10,000 entities, at every refresh)."""

    columns = ("Name", "Type", "Mentions", "Documents", "Aliases")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._order = (2, Qt.SortOrder.DescendingOrder)  # most mentioned first

    def set_rows(self, rows: list) -> None:
        super().set_rows(sorted(rows, key=self._key, reverse=self._order[1] == Qt.SortOrder.DescendingOrder))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows; the chosen ones stay chosen (their persistent indexes follow)."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        kept_rows = [self._rows[index.row()] for index in kept]
        self._rows.sort(key=self._key, reverse=order == Qt.SortOrder.DescendingOrder)
        now = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(kept, [self.index(now[id(row)], index.column())
                                              for row, index in zip(kept_rows, kept, strict=True)])
        self.layoutChanged.emit()

    def _key(self, entity: EntitySummary):
        value = _values(entity)[self._order[0]]
        return value if isinstance(value, int) else str(value).casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entity: EntitySummary = self.row_at(index.row())
        values = _values(entity)
        if role == Qt.ItemDataRole.DisplayRole:
            return values[index.column()]
        if role == ENTITY_ID_ROLE:
            return entity.id
        if role == Qt.ItemDataRole.ToolTipRole:
            also = f"; also: {', '.join(entity.aliases)}" if entity.aliases else ""
            return f"{entity.name} ({entity.type.lower()}): {entity.mention_count} mentions in " \
                   f"{entity.document_count} documents{also}"
        return None


def _values(entity: EntitySummary) -> tuple:
    return entity.name, entity.type, entity.mention_count, entity.document_count, ", ".join(entity.aliases)


class _SortedByRows(QSortFilterProxyModel):
    """Filters the register by the text typed, looked for in the names and aliases (not in the type or the counts:
    "org" listed every organisation, "5" every count holding a 5), and by the type chosen, both at once (one filter
    for two criteria had dropped the text when a type was chosen, audit DI 1). Its sorting is the rows' own
    (RegisterModel.sort), so it sorts nothing itself."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._typed, self._kind = "", ""

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._typed = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, _parent: Index) -> bool:
        entity: EntitySummary = self.sourceModel().row_at(source_row)
        if self._kind and entity.type != self._kind:
            return False
        return not self._typed or any(self._typed in name.casefold() for name in (entity.name, *entity.aliases))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class DetailsDialog(QDialog):
    """Authority identifiers (Wikidata QID, VIAF, GeoNames) and a free note for one entity."""

    FIELDS = (("wikidata", "Wikidata QID"), ("viaf", "VIAF"), ("geonames", "GeoNames id"))

    def __init__(self, entity: EntitySummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{entity.name}: details")
        self.edits = {name: QLineEdit(getattr(entity, name), self) for name, _ in self.FIELDS}
        self.note = QPlainTextEdit(entity.note, self, tabChangesFocus=True)
        self.problem = QLabel(self, visible=False, wordWrap=True)  # why Save did not close the dialog
        self.problem.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for name, label in self.FIELDS:
            form.addRow(label, self.edits[name])
        form.addRow("Note", self.note)
        form.addRow(self.problem)
        form.addRow(buttons)

    def accept(self) -> None:
        """Save only ids that are ids: a mistyped one keeps the dialog open with everything typed, saying why (closed,
        the note typed with it was lost)."""
        from reader.core.entities.authority import check_geonames, check_viaf, check_wikidata

        checks = {"wikidata": check_wikidata, "viaf": check_viaf, "geonames": check_geonames}
        for name, check in checks.items():
            try:
                check(self.edits[name].text())
            except ReaderError as exc:
                self.problem.setText(str(exc))
                self.problem.show()
                self.edits[name].setFocus()
                return
        super().accept()

    def values(self) -> dict[str, str]:
        return {**{name: edit.text() for name, edit in self.edits.items()}, "note": exact_text(self.note)}


# What each decision needs chosen in the register (the chosen entities' types), and what its button says when that
# is missing.
DECISION_NEEDS: dict[str, tuple[Callable[[list[str]], bool], str]] = {
    "Rename…": (lambda types: len(types) == 1, "Select one entity to rename it."),
    "Type…": (lambda types: len(types) == 1, "Select one entity to change its type."),
    "Details…": (lambda types: len(types) == 1, "Select one entity to give its authority ids."),
    "Place…": (lambda types: types == ["PLACE"], "Select one place to link it to GeoNames."),
    "Merge…": (lambda types: len(types) >= 2, "Select two or more entities (Ctrl+click) to merge them."),
    "Split…": (lambda types: len(types) == 1, "Select one entity to split off a name recognition joined to it."),
    "Not an entity": (lambda types: len(types) >= 1, "Select the entities that are not names."),
}


MENU_ORDER = ("Rename…", "Type…", "Merge…", "Split…", "Not an entity", None, "Details…", "Place…")  # None: a rule


class RegisterPanel(QWidget):
    """Lists the register; emits `entity_chosen(id)`; user decisions go through the EntityService."""

    entity_chosen = Signal(int)
    register_changed = Signal()  # a decision is stored, and listed
    listed = Signal()  # the register read again is shown
    told = Signal(str)  # a line for the window's status bar: the dock scrolls when short, and a line at its foot
    # ("has no other name to split off") was then out of view

    def __init__(self, entities: EntityService, ops: OpRunner, runner: TaskRunner,
                 titles: Callable[[], dict[int, str]], parent: QWidget | None = None):
        """`titles` gives each document's title, for the doubtful mentions' list; `runner` reads the register in a
        worker."""
        super().__init__(parent)
        self._entities = entities
        self._ops = ops
        self._reading = NewestReading(runner)
        self.deciding = False  # a decision is being stored (off the window's thread), until the list shows it
        self._stored = False  # ... stored, the list being read again
        self.doubtful = DoubtfulList(entities, titles, self._decide, self)
        self.model = RegisterModel(self)
        self.proxy = _SortedByRows(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self, placeholderText="Filter entities…", clearButtonEnabled=True)
        self.type_box = QComboBox(self)
        self.type_box.addItems(["All types", *TYPES])
        self.table = self._build_table()
        self.suggestion_list = QListWidget(self, wordWrap=True)  # a pair's two names read whole in a narrow dock
        self._buttons = self._build_buttons()
        self.table.selectionModel().selectionChanged.connect(self._offer_decisions)
        self.suggestion_list.currentRowChanged.connect(self._offer_decisions)
        self._offer_decisions()
        self.filter_box.textChanged.connect(self.proxy.set_typed)
        self.type_box.currentTextChanged.connect(self._on_type_filter_changed)
        self._lay_out()

    def _build_table(self) -> QTableView:
        table = FittingTable(SHOWN_FIRST, NAME_CHARS, self)
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setColumnHidden(ALIASES, True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_context_menu_requested)
        keyboard_menus_at_viewport(table)
        table.activated.connect(lambda index: self.entity_chosen.emit(index.data(ENTITY_ID_ROLE)))
        return table

    def _build_buttons(self) -> dict[str, QPushButton]:
        actions = {"Rename…": self._on_rename_clicked, "Type…": self._on_type_clicked,
                   "Merge…": self._on_merge_clicked, "Not an entity": self._on_reject_clicked,
                   "Details…": self._on_details_clicked, "Place…": self._on_place_clicked,
                   "Merge them…": self._on_accept_clicked,
                   "Keep apart": self._on_reject_suggestion_clicked}
        buttons = {}
        for text, slot in actions.items():
            buttons[text] = QPushButton(text, self)
            buttons[text].clicked.connect(slot)
        return buttons

    def decision_menu(self) -> QMenu:
        """Every decision on the chosen entities, as their context menu: Split… is offered only here (a short dock
        has no room for a seventh button)."""
        slots = {**{text: button.click for text, button in self._buttons.items()}, "Split…": self._on_split_clicked}
        chosen = self._selected_types()
        menu = QMenu(self)
        for text in MENU_ORDER:
            if text is None:
                menu.addSeparator()
                continue
            wanted, why = DECISION_NEEDS[text]
            action = menu.addAction(text, slots[text])
            action.setEnabled(wanted(chosen))
            action.setToolTip("" if wanted(chosen) else why)
        menu.setToolTipsVisible(True)
        return menu

    def _on_context_menu_requested(self, point: QPoint) -> None:
        self.decision_menu().exec(self.table.viewport().mapToGlobal(point))

    def _offer_decisions(self, *_args) -> None:
        """Enable each decision for what is chosen: a button that does nothing when clicked looks broken."""
        chosen = self._selected_types()
        for text, (wanted, why) in DECISION_NEEDS.items():
            if text in self._buttons:
                self._offer(text, wanted(chosen), why)
        for text in ("Merge them…", "Keep apart"):
            self._offer(text, self._selected_suggestion() is not None, "Select a spelling variant in the list.")

    def _offer(self, text: str, enabled: bool, why: str) -> None:
        self._buttons[text].setEnabled(enabled)
        self._buttons[text].setToolTip("" if enabled else why)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.filter_box, 1)
        filters.addWidget(self.type_box)
        decisions = QGridLayout()  # two a row: the dock stays as narrow as the Library beside two or three texts
        for number, text in enumerate(("Rename…", "Type…", "Merge…", "Not an entity", "Details…", "Place…")):
            decisions.addWidget(self._buttons[text], number // 2, number % 2)
        suggestion_buttons = QHBoxLayout()
        for text in ("Merge them…", "Keep apart"):
            suggestion_buttons.addWidget(self._buttons[text])
        register = QWidget(self)
        register_layout = QVBoxLayout(register)
        register_layout.setContentsMargins(0, 0, 0, 0)
        register_layout.addWidget(self.table, 1)
        register_layout.addLayout(decisions)
        variants = QWidget(self)
        variants_layout = QVBoxLayout(variants)
        variants_layout.setContentsMargins(0, 0, 0, 0)
        variants_layout.addWidget(QLabel("Possible spelling variants:", self))
        variants_layout.addWidget(self.suggestion_list, 1)
        variants_layout.addLayout(suggestion_buttons)
        # the register first: the lists below give it their height when the dock is short, or by a drag
        parts = QSplitter(Qt.Orientation.Vertical, self, childrenCollapsible=True)
        for part, stretch in ((register, 3), (variants, 1), (self.doubtful, 1)):
            parts.addWidget(part)
            parts.setStretchFactor(parts.indexOf(part), stretch)
        share_out(parts, [3, 1, 1])
        for lesser in (self.suggestion_list, self.doubtful.entries):  # two rows each, not the register's room
            lesser.setMinimumHeight(2 * lesser.fontMetrics().lineSpacing() + 8)
            lesser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it hid the rows it scrolled
            lesser.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(parts, 1)

    def refresh(self) -> None:
        """Read the register again in a worker (5,700 entities take a quarter of a second, 10,000 a second: after
        every decision and recognition the window froze for it), then list it; `listed` when shown."""
        self._reading.start(lambda workspace, _progress, _cancelled: (workspace.entities.register(),
                                                                     workspace.entities.suggestions()),
                            lambda found: self._list(*found), self._on_reading_failed)

    def _list(self, entities: list, suggestions: list) -> None:
        chosen = set(self.selected_ids())
        self.model.set_rows(entities)
        self._choose(chosen)
        self.table.rows_changed()  # a longer title or a larger count may need more room than the last rows did
        self.suggestion_list.clear()
        for suggestion in suggestions:
            entry = QListWidgetItem(f"{suggestion.name}  ≈  {suggestion.other_name}  ({suggestion.score:.0%})")
            entry.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            entry.setData(SUGGESTION_ROLE, suggestion)
            entry.setToolTip(entry.text())
            self.suggestion_list.addItem(entry)
        self.doubtful.refresh()
        self._offer_decisions()  # a new list chooses nothing
        if self._stored:  # a decision stored, now shown: the next may come
            self._stored = self.deciding = False
            self.register_changed.emit()
        self.listed.emit()

    def _choose(self, entity_ids: set[int]) -> None:
        """Choose these entities' rows again (a new listing chose nothing: a second decision on the same entities
        meant finding them again)."""
        selection = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ENTITY_ID_ROLE) in entity_ids:
                selection.select(index, self.proxy.index(row, self.proxy.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def selected_ids(self) -> list[int]:
        return [index.data(ENTITY_ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _selected_types(self) -> list[str]:
        return [index.siblingAtColumn(1).data() for index in self.table.selectionModel().selectedRows()]

    def _namesakes(self, entity_id: int, name: str) -> str:
        """What the line after a rename adds when another entity has that name: two rows alike, which Merge… makes
        one (namesakes, two people of one name, may stay apart: audit DI 2)."""
        folded = name.strip().casefold()
        others = [row for row in self.model.rows() if row.id != entity_id and row.name.casefold() == folded]
        if not others:
            return ""
        kinds = ", ".join(sorted({row.type.lower() for row in others}))
        return f"; another entity is also named “{name.strip()}” ({kinds}): Merge… makes them one"

    def _decide(self, label: str, call: Callable[[EntityService], object], said: str = "") -> None:
        """A decision is one undoable operation (a merge of several entities too), run off the window's thread: on a
        large corpus a merge rewrites thousands of mentions. One at a time: a second press while one is stored (two
        quick Deletes in Doubtful mentions) would decide again on what the first decided, the list not yet moved on.
        `said`: what the line saying it is done adds."""
        if self.deciding:
            return
        self.deciding = True
        self.told.emit(f"{label}…")
        task = self._ops.run_in_background(label, lambda workspace: call(workspace.entities))
        task.failed.connect(self._on_decision_failed)
        task.finished.connect(lambda _result: self._on_decided(label, said))

    def _on_decision_failed(self, _message: str) -> None:
        """Open to the next decision; the refusal is in the status bar already, as every operation's is."""
        self._stored = self.deciding = False

    def _on_reading_failed(self, message: str) -> None:
        self._stored = self.deciding = False
        self.told.emit(message)

    def _on_decided(self, label: str, said: str) -> None:
        """Stored: listed again, and only then open to the next decision (a second Delete in Doubtful mentions
        would act on the mention the first decided, still listed)."""
        self.told.emit(f"{label}: done{said}")
        self._stored = True
        self.refresh()

    def _on_type_filter_changed(self, text: str) -> None:
        self.proxy.set_kind(text if text in TYPES else "")

    def _on_rename_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            current = self._entities.describe(ids[0]).name
            name, ok = QInputDialog.getText(self, "Rename entity", "Canonical name:", text=current)
            if ok:
                self._decide("Rename entity", lambda entities: entities.rename(ids[0], name),
                             self._namesakes(ids[0], name))

    def _on_type_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            now = self._entities.describe(ids[0]).type  # offered first: OK without looking changes nothing
            kinds = [kind for kind in TYPES if kind != "DATE"]  # dates are read by their patterns, not typed
            kind, ok = QInputDialog.getItem(self, "Entity type", "Type:", kinds,
                                            kinds.index(now) if now in kinds else 0, False)
            if ok:
                self._decide("Change entity type", lambda entities: entities.set_type(ids[0], kind))

    def _on_merge_clicked(self) -> None:
        """Merge the selected entities into the one whose name the user picks (its name and type are kept)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            return
        labels = entity_labels([self._entities.describe(entity_id) for entity_id in ids])
        name, ok = QInputDialog.getItem(self, "Merge entities", "Keep the name (and type):", list(labels), 0, False)
        if ok:
            keeper = labels[name]
            others = [entity_id for entity_id in ids if entity_id != keeper]
            self._decide("Merge entities", lambda entities: entities.merge(keeper, *others))

    def _on_split_clicked(self) -> None:
        """Make one of the names recognition joined to the entity ("Satlin" to Joseph Stalin) an entity of its own;
        the forms of one name are offered, and leave, together."""
        ids = self.selected_ids()
        if not ids:
            return
        groups = self._entities.separable_names(ids[0])
        if not groups:
            name = self._entities.describe(ids[0]).name
            self.told.emit(f"{name} has no other name to split off: its spellings are one name's.")
            return
        labels = [", ".join(group) for group in groups]
        label, ok = QInputDialog.getItem(self, "Split off a name", "Make an entity of its own of:", labels, 0, False)
        if ok:
            name = groups[labels.index(label)][0]
            self._decide("Split off a name", lambda entities: entities.split_off(ids[0], name))

    def _on_reject_clicked(self) -> None:
        ids = self.selected_ids()  # one step for all of them, as a merge of several is
        self._decide("Not an entity", lambda entities: [entities.reject_entity(entity_id) for entity_id in ids])

    def _on_details_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            dialog = DetailsDialog(self._entities.describe(ids[0]), self)
            if dialog.exec():
                values = dialog.values()
                self._decide("Edit entity ids", lambda entities: entities.set_details(ids[0], **values))

    def _on_place_clicked(self) -> None:
        """Link the selected place to a GeoNames candidate (the candidates load the place data on first use)."""
        from reader.ui.entities.place_dialog import PlaceDialog

        ids = self.selected_ids()
        place = next((p for p in self._entities.places() if ids and p.entity.id == ids[0]), None)
        if place is None:
            self.told.emit("Select a place to link it to GeoNames.")
            return
        dialog = PlaceDialog(place, self)
        if dialog.exec() and dialog.chosen_id() is not None:
            geonames_id = dialog.chosen_id()
            self._decide("Link place", lambda entities: entities.choose_place(ids[0], geonames_id))

    def _selected_suggestion(self) -> int | None:
        entry = self.suggestion_list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def _on_accept_clicked(self) -> None:
        """Merge a suggested pair under the spelling the user keeps (asked, as Merge… asks): taken from the
        pair's order, the name kept changed from one run to the next."""
        entry = self.suggestion_list.currentItem()
        suggestion = entry.data(SUGGESTION_ROLE) if entry else None  # as listed: the register is not read again
        if suggestion is None:
            return
        names = [suggestion.name, suggestion.other_name]
        name, ok = QInputDialog.getItem(self, "Merge spelling variants", "Keep the name:", names, 0, False)
        if ok:
            keeper, other = ((suggestion.entity_id, suggestion.other_id) if name == suggestion.name
                             else (suggestion.other_id, suggestion.entity_id))
            self._decide("Merge entities", lambda entities: entities.merge(keeper, other))

    def _on_reject_suggestion_clicked(self) -> None:
        if (suggestion := self._selected_suggestion()) is not None:
            self._decide("Keep entities apart", lambda entities: entities.reject_suggestion(suggestion))
