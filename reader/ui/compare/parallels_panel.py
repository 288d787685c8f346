"""The Parallels panel: for the focused pane's document, passages of other sources likely telling of the same thing.

Each row shows the other source, the suggested relation and why ("both: Genden, Stalin; dates 1934-11-15 /
1934-11-24"). Clicking a row opens the other passage beside and flashes it; L (or Link) links the two passages
with the relation chosen in the box (the suggested one preselected); Dismiss keeps the pair from coming back. Both
run through the operation runner, so they can be undone. Ranking runs in a worker: the first time, the sentence
encoder reads the passages (seconds), and the window stays usable meanwhile; a newer request supersedes an older one.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import WorkCancelled
from reader.core.records.compare import ParallelSuggestion
from reader.core.records.relations import RELATIONS, link_step
from reader.ui.colors import CONTRADICTS_TEXT
from reader.ui.focus_frame import frame_focus
from reader.ui.keyed_actions import KeyTable, keyed_menu
from reader.ui.table_text import SpareWidth, cut_sentences, refit_on_resize
from reader.ui.wrapped_label import WrappedElidedLabel

COLUMNS = ("Score", "Relation", "This passage", "Other source", "Other passage", "Why", "Disagreements")
TOP = 20  # suggestions listed at first, and more each time More is pressed
SENTENCE_COLUMNS = (2, 4)  # this passage's and the other's tying sentences
# The chosen suggestion's actions and keys: the table's are made from this, and Help > Keyboard shortcuts lists it
# before the panel is first shown.
TABLE_KEYS = KeyTable("Parallels", {"open": ("Open the other passage beside", ("Return", "Enter")),  # as a click does
                                    "link": ("Link with the chosen relation", ("L",)),
                                    "dismiss": ("Dismiss", ("Delete",))})


class ParallelsPanel(QWidget):
    """Suggestions for one document; `passage_requested(document_id, start, end)` asks the reader to show one."""

    passage_requested = Signal(int, int, int)

    def __init__(self, workspace, ops, runner, parent: QWidget | None = None):
        """`runner` starts the ranking in a worker (the window's TaskRunner)."""
        super().__init__(parent)
        self._workspace, self._ops, self._runner = workspace, ops, runner
        self._request = 0  # the newest ranking asked for; older ones' results are dropped
        self._task = None  # its handle: a newer request stops it
        self.document_id: int | None = None
        self.suggestions: list[ParallelSuggestion] = []
        self._names: dict[int, str] = {}  # each document's title, as the Other source column names it
        self.title = WrappedElidedLabel("Open a document to see passages of other sources that tell of the same "
                                        "thing.", self)  # two lines at most, cut with '…' (the whole heading in its
        # tooltip): a long quoted passage, wrapped in a narrow bar, had made the bottom dock taller on showing
        # Parallels, shrinking every reading pane
        # Tab leaves the table: its rows are chosen whole
        self.table = QTableWidget(0, len(COLUMNS), self, tabKeyNavigation=False)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        frame_focus(self.table)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((50, 95, 220, 150, 220, 260, 220)):
            self.table.setColumnWidth(column, width)
        SpareWidth(self.table, SENTENCE_COLUMNS)  # the passages judged take the room a wide window gives
        refit_on_resize(self.table, self._cut_sentences)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.details = QLabel(self, visible=False)  # the chosen suggestion's reasons and disagreements in full
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.cellClicked.connect(lambda row, _column: self.open_beside(row))
        self.relation_box = QComboBox(self)
        for key, label in RELATIONS.items():
            self.relation_box.addItem(label, key)
        self.link_button = QPushButton("&Link (L)", self, clicked=self.link_current)
        self.dismiss_button = QPushButton("&Dismiss", self, clicked=self.dismiss_current)
        self.refresh_button = QPushButton("Refresh", self, clicked=self.refresh)
        self.more_button = QPushButton("&More", self, clicked=self.show_more, visible=False)
        self.more_button.setToolTip(f"List {TOP} more suggestions, less likely ones")
        self._top = TOP  # how many the list shows for the query shown
        self.selection_button = QPushButton("For the &selection", self, clicked=self.suggest_for_selection)
        self._selection_source = None  # () -> (document_id, start, end) | None: the focused pane's selection
        self.range: tuple[int, int] | None = None
        self._shown_query: tuple | None = None  # the document and range the list shown was ranked for
        self._table_actions()
        self._lay_out()
        self._update_buttons()
        ops.changes_applied.connect(self._on_changes)

    def _table_actions(self) -> None:
        """The chosen suggestion's actions, in the table's context menu and on its keys (the table's only: a
        window-wide L or Enter would make every other L, a pane's Link to…, and Enter ambiguous or taken)."""
        keyed_menu(self.table, TABLE_KEYS, {"open": lambda: self.open_beside(self.table.currentRow()),
                                            "link": self.link_current, "dismiss": self.dismiss_current})

    def _lay_out(self) -> None:
        """One bar above the table (what is shown, then the actions) and the chosen row's reasons below it: the
        table gets the height, as the dock is often short."""
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(QLabel("Relation:", self))
        for widget in (self.relation_box, self.link_button, self.dismiss_button, self.selection_button,
                       self.more_button, self.refresh_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

    def _say(self, text: str) -> None:
        """The heading (two lines at most; the whole of it in its tooltip)."""
        self.title.setText(text)

    def set_selection_source(self, source) -> None:
        """`source()` gives the focused pane's selection as (document_id, start, end), or None."""
        self._selection_source = source

    def show_document(self, document_id: int | None) -> None:
        """Suggest for this document (the focused pane's), all of it."""
        self.document_id, self.range, self._top = document_id, None, TOP
        self.refresh()

    def suggest_for_selection(self) -> None:
        """Suggest for the selected text of the focused pane only (the whole document when nothing is selected)."""
        chosen = self._selection_source() if self._selection_source else None
        if chosen is None:
            self.show_document(self.document_id)
            return
        self.document_id, self.range, self._top = chosen[0], (chosen[1], chosen[2]), TOP
        self.refresh()

    def show_more(self) -> None:
        """List the next suggestions too, below those shown (ranked again: the first ones stay as they were)."""
        self._top += TOP
        self.refresh()

    def refresh(self, *_args) -> None:
        """Rank again in a worker; the list shown stays until the new one arrives."""
        self._request += 1
        request, document_id, (start, end) = self._request, self.document_id, self.range or (None, None)
        top = self._top
        if document_id is None:
            self._fill([])
            return
        self._say("Ranking passages of other sources…")

        def rank(workspace, progress, cancelled):
            names = workspace.documents.names()
            name = workspace.documents.get(document_id).file_name  # fails if it went to the Trash meanwhile
            return names.get(document_id, name), names, workspace.parallels.suggest(
                document_id, start, end, top=top + 1, progress=progress, cancelled=cancelled)  # one more: are there?

        if self._task is not None:
            self._task.request_cancel()
        task = self._task = self._runner.start(rank, cancel_types=(WorkCancelled,))  # stopped on close too
        task.progressed.connect(lambda done, total, what: request == self._request and self._say(
            f"{what}: {done} of {total} sentences (only the first time)…"))
        task.finished.connect(lambda found: request == self._request and self._show(*found, top))
        task.failed.connect(lambda message: request == self._request and self._show_failure(message))

    def _show(self, name: str, names: dict[int, str], suggestions: list[ParallelSuggestion], top: int) -> None:
        """The list, `top` long at most; the heading says when there are more (the panel had said '20 suggested' of
        a document with 30, and the rest could not be reached) and More lists them."""
        self._names = names
        more = len(suggestions) > top
        self._fill(suggestions[:top])
        self.more_button.setVisible(more)
        scope = f"the selection ({self.range[0]}–{self.range[1]}) of “{name}”" if self.range else f"“{name}”"
        shown = len(self.suggestions)
        if not shown:
            self._say(f"No passage of another source seems to tell of the same thing as {scope}")
            return
        count = f"The best {shown} (More lists others)" if more else f"{shown} suggested"  # first: a long title is
        self._say(f"{count}: passages of other sources that may tell of the same thing as {scope}")  # cut, not it

    def _show_failure(self, message: str) -> None:
        self._fill([])
        self.more_button.setVisible(False)
        self._say(message)

    def _fill(self, suggestions: list[ParallelSuggestion]) -> None:
        chosen, chosen_row = self.current(), self.table.currentRow()
        query = (self.document_id, self.range)
        same_query, self._shown_query = self._shown_query == query, query
        self.suggestions = suggestions
        self.table.setRowCount(len(suggestions))
        page = "dark" if self.palette().base().color().lightness() < 128 else "light"
        contradiction = QColor(CONTRADICTS_TEXT[page])
        for row, s in enumerate(suggestions):
            relation = f"linked ✓ ({RELATIONS[s.linked]})" if s.linked else RELATIONS[s.relation]
            source = self._names.get(s.other.document_id, s.other.file_name)
            values = (f"{s.score:.2f}", relation, "", source, "", "; ".join(s.reasons), "; ".join(s.hints))
            tips = {2: s.source.text, 3: f"{source}\n{s.other.file_name}", 4: s.other.text}
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(tips.get(column, value))
                if column == 1 and s.relation == "contradicts" and not s.linked:
                    item.setForeground(contradiction)
                if s.linked:  # judged: set back, in the palette's own quiet colour (grey was 2.6:1 on dark)
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self._cut_sentences()
        self._choose_again(chosen, chosen_row if same_query else -1)

    def _cut_sentences(self) -> None:
        """Each row's two sentences, cut to what their columns show (again when a column is resized)."""
        cut_sentences(self.table, self.suggestions, SENTENCE_COLUMNS)

    def _choose_again(self, chosen: ParallelSuggestion | None, row: int) -> None:
        """After the list is ranked again, the suggestion chosen before (linked, say) stays chosen, with the relation
        the user set; one dismissed gives its place to the next, as in a mail client, whose relation and reasons
        then show: left as they were, L would link the next pair with the dismissed one's relation."""
        keys = [s.key for s in self.suggestions]
        kept = chosen is not None and chosen.key in keys
        place = keys.index(chosen.key) if kept else min(row, len(keys) - 1)
        with QSignalBlocker(self.table):
            if place >= 0:
                self.table.selectRow(place)
            else:
                self.table.clearSelection()
                self.table.setCurrentCell(-1, -1)
        if kept:
            self._show_details()
        else:
            self._on_selection_changed()

    def current(self) -> ParallelSuggestion | None:
        row = self.table.currentRow()
        return self.suggestions[row] if 0 <= row < len(self.suggestions) else None

    def open_beside(self, row: int) -> None:
        """Show the other passage beside this document's, and this one's in its pane, each with the sentence that
        ties them flashed: the passage of this document may be far from where its reader is."""
        if 0 <= row < len(self.suggestions):
            for side in (self.suggestions[row].source, self.suggestions[row].other):
                self.passage_requested.emit(side.document_id, *side.shown)

    def link_current(self) -> None:
        """Link the two passages with the chosen relation (one undoable step)."""
        s = self.current()
        if s is None or s.linked:
            return
        relation = self.relation_box.currentData()
        self._ops.run(link_step("Link passages", relation),
                      lambda: self._workspace.links.link(*s.to_link(), relation, s.link_note()), tell=True)

    def dismiss_current(self) -> None:
        s = self.current()
        if s is not None:
            self._ops.run("Dismiss suggested parallel", lambda: self._workspace.parallels.dismiss(s), tell=True)

    def _on_selection_changed(self) -> None:
        s = self.current()
        if s is not None:
            self.relation_box.setCurrentIndex(self.relation_box.findData(s.relation))
        self._show_details()

    def _show_details(self) -> None:
        s = self.current()
        self.details.setText("" if s is None else "Why: " + "; ".join(s.reasons) + (
            "\nDisagreements: " + "; ".join(s.hints) if s.hints else ""))
        self.details.setVisible(s is not None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current()
        self.link_button.setEnabled(chosen is not None and not chosen.linked)
        self.dismiss_button.setEnabled(chosen is not None and not chosen.linked)

    def _on_changes(self, changes) -> None:
        if changes.pairs_judged and self.document_id is not None:
            self.refresh()  # a dismissed pair leaves the list, a linked one is marked linked
