"""The Comparisons view: every linked pair side by side (quote A | relation | quote B | note), with filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.comparisons import ComparisonService
from reader.core.annotations.tags import TagService
from reader.core.documents.service import DocumentService
from reader.core.records.anchor_status import STATUS_SAID
from reader.core.records.comparisons import ComparisonFilter, ComparisonSide
from reader.core.records.documents import DOCUMENT_KINDS
from reader.core.records.relations import RELATIONS
from reader.core.wording import plural
from reader.ui.coalesce import coalesced
from reader.ui.events import AnnotationEvents
from reader.ui.focus_frame import frame_focus
from reader.ui.keyed_actions import KeyTable, keyed_menu
from reader.ui.table_model import Index, RowTableModel
from reader.ui.table_text import SpareWidth, chars_fitting, cut_sentences, refit_on_resize

COLUMNS = ("Quote A", "Source A", "Relation", "Quote B", "Source B", "Note")
SUGGESTION_COLUMNS = ("Passage A", "Source A", "Suggested relation", "Passage B", "Source B", "Why")
SUGGESTION_SENTENCES = (0, 3)  # the columns of the two tying sentences
QUOTE_COLUMNS = (0, 3, 5)  # the quotes and the note: what is read; sources and relation fit their words
QUOTED_SIDES = (0, 3)  # the two quotes, cut around the date they differ by
MINIMUM_FILTER_CHARACTERS = 8  # what a filter box shows at least of its choice ("Any relat…")
ANY = "Any"
EMPTY_HINT = ("No linked pairs yet. Select a passage in a document and press L to link it to another source, or "
              "link a suggested pair in Parallels (or below, under Suggested, not yet judged) with L.")
NO_DOCUMENT_OPEN = "Open a document: its best suggestions that are neither linked nor dismissed are listed here."
NONE_UNJUDGED = "No suggestion of the documents open on the desk waits: each is linked or dismissed, or none was found."
# What the suggestions' keys do (the verdicts `suggestion_judged` carries); Help > Keyboard shortcuts lists it.
SUGGESTION_KEYS = KeyTable("Comparisons' suggestions", {"link": ("Link with the suggested relation", ("L",)),
                                                         "dismiss": ("Dismiss", ("Delete",))})
PAIR_KEYS = KeyTable("Comparisons' linked pairs", {"delete": ("Delete link", ("Delete",))})  # as a suggestion
# just below is dismissed: Delete on a linked pair did nothing, said nothing (audit DK 6)


def _source(side: ComparisonSide) -> str:
    return f"{side.document_title} ({side.date})" if side.date else side.document_title


def _quote(side: ComparisonSide, width: int | None = None) -> str:
    """The side's quote, said first to await review or be gone from the text (a source column cut it off); cut to
    `width` characters around the date it differs by, if given."""
    status = STATUS_SAID.get(side.status, "")
    quote = side.quote if width is None else side.quote_line(width)
    return f"({status.split(':')[0]}) {quote}" if status else quote


class ComparisonsModel(RowTableModel):
    """Rows are linked pairs; the cache is replaced whole by `set_rows` after each query. `quote_chars`: what the
    quote columns show of a quote (set by the view as they are resized), cut around its key."""

    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quote_chars: dict[int, int] = {}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() in QUOTED_SIDES:
            side = row.a if index.column() == QUOTED_SIDES[0] else row.b
            return _quote(side, self.quote_chars.get(index.column()))
        values = (_quote(row.a), _source(row.a), row.relation_label, _quote(row.b), _source(row.b), row.note)
        value = values[index.column()]
        return " ".join(value.split()) if role == Qt.ItemDataRole.DisplayRole else value

    def fit_quotes(self, chars: dict[int, int]) -> None:
        """Cut the quotes to what their columns now show."""
        if chars == self.quote_chars:
            return
        self.quote_chars = chars
        for column in QUOTED_SIDES if self._rows else ():
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))


class ComparisonsView(QWidget):
    """The table and its filters; double-clicking a row emits `pair_activated(annotation_a_id, annotation_b_id)`."""

    pair_activated = Signal(int, int)
    suggestion_activated = Signal(object)  # a ParallelSuggestion: show both passages
    suggestion_judged = Signal(object, str)  # a suggestion, and "link" (with its suggested relation) or "dismiss"
    link_deletion_asked = Signal(int, str)  # a linked pair's link id and relation: its link to the Trash

    def __init__(self, comparisons: ComparisonService, tags: TagService, documents: DocumentService,
                 events: AnnotationEvents | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._comparisons, self._tags, self._documents = comparisons, tags, documents
        self.model = ComparisonsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.ToolTipRole)  # the quotes whole: shown, they are cut around their
        # dates, and rows sorted by where a cut began (audit BO F7)
        self.table = QTableView(self, tabKeyNavigation=False)  # Tab leaves the table: its rows are chosen whole
        self.table.setModel(self.proxy)
        frame_focus(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest link first until the user sorts
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        _widen_quotes(self.table, QUOTE_COLUMNS)
        refit_on_resize(self.table, self._fit_quotes)
        self.table.activated.connect(self._on_table_activated)  # a double-click, or Enter
        keyed_menu(self.table, PAIR_KEYS, {"delete": self._delete_current_link})
        self._build_filters()
        self.count_label = QLabel(self)
        self.empty_hint = QLabel(EMPTY_HINT, self, wordWrap=True, visible=False)
        self._build_suggestions()
        self._lay_out()
        self._seen = True  # in front (set_seen): its dock is not behind another tab
        self._stale = False  # told of a change while unseen: listed again when next seen
        self._choices_stale = False  # ... of a change to the tags or documents the filters offer
        if events is not None:
            refresh_soon = coalesced(self._refresh_when_seen, self)  # once for a burst of notices
            for signal in (events.links_changed, events.annotations_changed):
                signal.connect(refresh_soon)
            for signal in (events.tags_changed, events.document_changed):
                signal.connect(self._choices_changed)
                signal.connect(refresh_soon)
        self.refresh()

    def set_entity_choices(self, choices: list[tuple[str, tuple[tuple[int, int, int], ...]]]) -> None:
        """Offer an entity filter: (entity name, its mentions as (document_id, start, end)) from the entity layer."""
        self._refill(self.entity_box, "Any entity", choices)
        self.entity_box.setVisible(bool(choices))
        self._on_filter_changed()

    def _build_filters(self) -> None:
        self.relation_box, self.tag_box, self.document_box, self.kind_box = (QComboBox(self) for _ in range(4))
        self.entity_box = QComboBox(self, visible=False)
        self.entity_box.addItem("Any entity", None)
        self.relation_box.addItem("Any relation", "")
        for key, label in RELATIONS.items():
            self.relation_box.addItem(label, key)
        self.kind_box.addItem("Any kind", "")
        for kind in DOCUMENT_KINDS:
            self.kind_box.addItem(kind, kind)
        self.reliability_box = QSpinBox(self, minimum=0, maximum=5, specialValueText="Any reliability",
                                        prefix="Reliability ≥ ")
        self.reliability_box.setToolTip("Pairs one of whose sources at least is rated so (the better of the two) in "
                                        "Source criticism")  # a historian read "both" (audit DK 13)
        # long titles must not widen the window: they show in full when the box opens
        for box in (self.relation_box, self.tag_box, self.entity_box, self.document_box, self.kind_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(MINIMUM_FILTER_CHARACTERS)
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.reliability_box.valueChanged.connect(self._on_filter_changed)

    def _build_suggestions(self) -> None:
        """Apart from the confirmed links: suggested parallels of the open documents nobody has judged yet."""
        self._suggestion_source = None
        self._suggestion_request = 0  # the newest asked for: an older answer arriving late is dropped
        self.suggestions = []
        self.suggestions_toggle = QCheckBox(  # which suggestions wait here, said: it is not every pair there is
            "Suggested, not yet judged", self, visible=False,
            toolTip="The best five suggestions of each source open on the desk that are neither linked nor dismissed "
                    "(Parallels ranks them all)")
        self.suggestions_toggle.toggled.connect(self.refresh_suggestions)
        self.suggestion_table = QTableWidget(0, len(SUGGESTION_COLUMNS), self, tabKeyNavigation=False)
        self.suggestion_table.setHorizontalHeaderLabels(SUGGESTION_COLUMNS)
        frame_focus(self.suggestion_table)
        self.suggestion_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.suggestion_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.suggestion_table.verticalHeader().hide()  # as in the linked pairs' table: row numbers mean nothing
        _widen_quotes(self.suggestion_table, SUGGESTION_SENTENCES)
        refit_on_resize(self.suggestion_table,
                        lambda: cut_sentences(self.suggestion_table, self.suggestions, SUGGESTION_SENTENCES))
        for chosen in (self.suggestion_table.cellActivated, self.suggestion_table.cellClicked):  # a click, as in
            chosen.connect(lambda row, _column: self.suggestion_activated.emit(self.suggestions[row]))  # Parallels
        keyed_menu(self.suggestion_table, SUGGESTION_KEYS,
                   {verdict: lambda v=verdict: self._judge_current(v) for verdict in SUGGESTION_KEYS.actions})
        self.suggestion_state = QLabel(self, wordWrap=True, visible=False)  # why the list is empty: it was an empty
        # table, no word why, with no document open or for the minute a first ranking takes (audit DK 8)
        self.suggestion_box = QWidget(self, visible=False)
        column = QVBoxLayout(self.suggestion_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.suggestion_state)
        column.addWidget(self.suggestion_table, 1)

    def _judge_current(self, verdict: str) -> None:
        """Judge the chosen suggestion here, as in Parallels: the list is where unjudged pairs wait."""
        row = self.suggestion_table.currentRow()
        if 0 <= row < len(self.suggestions):
            self.suggestion_judged.emit(self.suggestions[row], verdict)

    def set_suggestion_source(self, source) -> None:
        """Offer the unjudged suggestions (the reader's open documents'): `source(show, failed)` ranks them in a
        worker and calls `show(suggestions)` or `failed(message)` on the GUI thread; it answers False at once when no
        document is open. A box ticked in an earlier session is listed now: restored before the source was set, it
        had shown no list."""
        self._suggestion_source = source
        self.suggestions_toggle.setVisible(True)
        if self.suggestions_toggle.isChecked():
            self.refresh_suggestions()

    def refresh_suggestions(self, *_args) -> None:
        shown = self.suggestions_toggle.isChecked() and self._suggestion_source is not None
        appearing = shown and not self.suggestion_box.isVisibleTo(self)
        self.suggestion_box.setVisible(shown)
        self._show_hint()
        if appearing:  # asked for: the list gets two thirds of the height, once the splitter has laid it out
            QTimer.singleShot(0, self, self._give_suggestions_room)
        self._suggestion_request += 1
        request = self._suggestion_request
        ranking = shown and self._suggestion_source(
            lambda found: request == self._suggestion_request and self._show_suggestions(found),
            lambda message: request == self._suggestion_request and self._say_suggestions(
                f"The suggestions could not be ranked: {message}"))
        if ranking:
            self._say_suggestions("Ranking the suggestions of the documents open on the desk…")
        else:
            self._show_suggestions([])
            self._say_suggestions(NO_DOCUMENT_OPEN if shown else "")

    def _say_suggestions(self, state: str) -> None:
        """Why the list of unjudged suggestions is empty, or what it waits for; no line beside a list."""
        self.suggestion_state.setText(state)
        self.suggestion_state.setVisible(bool(state))

    def _give_suggestions_room(self) -> None:
        total = sum(self._split.sizes())
        self._split.setSizes([total // 3, total - total // 3])

    def _show_suggestions(self, suggestions: list) -> None:
        self.suggestions = suggestions
        self._say_suggestions("" if suggestions else NONE_UNJUDGED)
        self.suggestion_table.setRowCount(len(self.suggestions))
        names = self._documents.names() if suggestions else {}  # sources by title, as the linked pairs above
        for row, s in enumerate(self.suggestions):
            one, two = (names.get(side.document_id, side.file_name) for side in (s.source, s.other))
            values = ("", one, RELATIONS[s.relation], "", two,
                      "; ".join([*s.reasons, s.link_note()] if s.hints else s.reasons))  # sentences: cut below
            tips = {0: s.source.text, 1: f"{one}\n{s.source.file_name}", 3: s.other.text,
                    4: f"{two}\n{s.other.file_name}"}  # the passages whole; the cells show where they match
            for column, value in enumerate(values):
                item = QTableWidgetItem(" ".join(value.split())[:200])
                item.setToolTip(tips.get(column, value))
                self.suggestion_table.setItem(row, column, item)
        cut_sentences(self.suggestion_table, self.suggestions, SUGGESTION_SENTENCES)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()  # the boxes share the row's room: wide, they show their choices whole; at 1366×768
        # and 125 %, narrow enough for the row to end inside the window (its count read '2 li')
        for widget in (self.relation_box, self.tag_box, self.entity_box, self.document_box, self.kind_box,
                       self.reliability_box, self.suggestions_toggle, self.count_label):
            filters.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        split = self._split = QSplitter(Qt.Orientation.Vertical, self)  # the suggestions need room in a short dock
        split.setChildrenCollapsible(False)
        linked = QWidget(split)
        column = QVBoxLayout(linked)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty_hint)
        column.addWidget(self.table, 1)
        self.table.setMinimumHeight(  # its header and a row: at its own least (four rows), the links' table kept
            # the suggestions asked for to a row and a half in a short dock (audit BN F7)
            self.table.horizontalHeader().sizeHint().height() + self.table.verticalHeader().defaultSectionSize() + 4)
        split.addWidget(linked)
        split.addWidget(self.suggestion_box)
        split.setStretchFactor(0, 1)  # room the dock gains goes two thirds to the suggestions: asked for, the dock
        split.setStretchFactor(1, 2)  # grows after they appear, and had added its height to the empty links' table
        layout.addWidget(split, 1)
        chain = (self.relation_box, self.tag_box, self.entity_box, self.document_box, self.kind_box,
                 self.reliability_box, self.suggestions_toggle, self.table, self.suggestion_table)
        for one, then in zip(chain, chain[1:], strict=False):  # as on screen: the entity box, made last, was
            QWidget.setTabOrder(one, then)  # reached fifth, and the pairs before the filters above them (DK 12)

    def current_filter(self) -> ComparisonFilter:
        return ComparisonFilter(relation=self.relation_box.currentData() or "", tag=self.tag_box.currentData() or "",
                                document_id=self.document_box.currentData(), kind=self.kind_box.currentData() or "",
                                min_reliability=self.reliability_box.value() or None,
                                within=self.entity_box.currentData())

    def _choices_changed(self, *_args) -> None:
        """Tags or documents changed: the filters' choices are read again with the pairs."""
        self._choices_stale = True

    def _refresh_when_seen(self) -> None:
        """A change while the view is unseen (behind another tab) only marks it stale: every note added or undone
        re-listed 3,000 linked pairs nobody saw, a quarter of a second on the window's thread. Seen, it is current."""
        if self._seen:
            self._catch_up()
        else:
            self._stale = True

    def set_seen(self, seen: bool) -> None:
        """Whether the view is in front (its dock's visibilityChanged: a tab behind another stays 'visible')."""
        self._seen = seen
        if seen and self._stale:
            self._stale = False
            self._catch_up()

    def _catch_up(self) -> None:
        """The pairs listed again; the filters' choices too when tags or documents changed (a note changes neither:
        reading a thousand documents' titles again took a quarter of the time a note held the window)."""
        if self._choices_stale:
            self.refresh()
        else:
            self._on_filter_changed()

    def refresh(self, *_args) -> None:
        """Re-read the filter choices (tags and documents change) and the pairs."""
        self._choices_stale = False
        self._refill(self.tag_box, "Any tag", [(f"{t.name} ({t.count})", t.name) for t in self._tags.all()])
        self._refill(self.document_box, "Any document", [(d.title, d.id) for d in self._documents.list()])
        self._on_filter_changed()

    def _refill(self, box: QComboBox, any_label: str, items: list[tuple[str, object]]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(any_label, None)
        for label, value in items:
            box.addItem(label, value)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        box.blockSignals(False)

    def _on_filter_changed(self, *_args) -> None:
        self.model.set_rows(self._comparisons.list(self.current_filter()))
        self.count_label.setText(plural(self.model.rowCount(), "linked pair"))
        self._show_hint()

    def _show_hint(self) -> None:
        """How to link, while nothing is linked and nothing filtered; not beside the suggestions, which show it
        (in a short dock the hint's line was one row of them)."""
        self.empty_hint.setVisible(self.model.rowCount() == 0 and self.current_filter() == ComparisonFilter()
                                   and not self.suggestion_table.isVisibleTo(self))

    def _fit_quotes(self) -> None:
        self.model.fit_quotes({column: chars_fitting(self.table, column) for column in QUOTED_SIDES})

    def _delete_current_link(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            pair = self.model.row_at(self.proxy.mapToSource(index).row())
            self.link_deletion_asked.emit(pair.link_id, pair.relation)

    def _on_table_activated(self, index: QModelIndex) -> None:
        pair = self.model.row_at(self.proxy.mapToSource(index).row())
        self.pair_activated.emit(pair.a.annotation_id, pair.b.annotation_id)


def _widen_quotes(table: QTableView, quotes: tuple[int, ...]) -> None:
    """The quotes (and the note) share the spare width; the other columns start narrower, as wide as their names (a
    'Suggested relation' header read 'uggested relatior'), and all are the reader's to drag (all columns equal had
    cut the quotes short beside a one-word relation column)."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(120)
    for column in range(header.count()):
        if column not in quotes:
            table.setColumnWidth(column, max(120, header.sectionSizeFromContents(column).width()))
    SpareWidth(table, quotes)
