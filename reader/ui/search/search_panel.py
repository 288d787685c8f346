"""The search panel: results as you type (debounced), grouped by kind with counts, and saved searches."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.search.service import KIND_LABELS, KINDS, Hit, SearchResults, SearchService
from reader.core.wording import one_line, plural
from reader.ui.keyed_actions import KeyTable, keyed_menu
from reader.ui.operations import OpRunner
from reader.ui.search.snippet_delegate import HTML_ROLE, SnippetDelegate, snippet_html
from reader.ui.splitters import share_out
from reader.ui.workers import NewestReading, TaskRunner

DEBOUNCE_MS = 250
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HELP = ('Words, "phrases", prefix*, AND / OR / NOT, -word left out; filters: type:person entity:Choibalsan '
        "tag:meeting-1934 doc:… relation:contradicts kind:primary date:1934..1937")


# What the saved searches' keys do; Help > Keyboard shortcuts lists it.
SAVED_KEYS = KeyTable("Saved searches", {"delete": ("Delete saved search", ("Delete",))})


class SearchPanel(QWidget):
    """Emits `hit_activated(document_id, start, end, matched words)` when a result is opened (Enter or
    double-click)."""

    hit_activated = Signal(int, int, int, object)
    link_activated = Signal(int)  # a link's id: its two passages are shown side by side
    annotation_activated = Signal(int)  # a highlight or note found: open it chosen
    note_activated = Signal(int)  # a Notebook note found: open it in the Notebook
    entity_activated = Signal(int)  # an entity found: its mentions listed, as a click on its name lists them
    searched = Signal(int)  # number of hits, once results are shown

    def __init__(self, search: SearchService, ops: OpRunner, runner: TaskRunner, parent: QWidget | None = None):
        """`runner` runs each search in a worker: a wide query ('a*') over a thousand documents takes a fifth of a
        second, and the query on screen runs again after every change to a note."""
        super().__init__(parent)
        self._reading = NewestReading(runner)
        self._open_first = False  # Enter was pressed: the first hit opens once the results are in
        self._search, self._ops = search, ops
        self.box = QLineEdit(self, placeholderText="Search everything (Ctrl+K)…", clearButtonEnabled=True)
        self.box.setToolTip(HELP)
        self.message = QLabel("", self, wordWrap=True)
        self.message.setMinimumWidth(1)  # a word without a break is cut, not the dock widened to it (DK 5)
        self.results = QTreeWidget(self)
        self.results.setHeaderHidden(True)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.viewport().installEventFilter(self)
        self.saved_list = QListWidget(self)
        self.save_button = QPushButton("Save search…", self)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _text: self.timer.start())
        self.box.returnPressed.connect(self._on_box_return_pressed)
        self.results.itemActivated.connect(self._on_result_activated)  # a double-click, or Enter
        self.results.itemClicked.connect(self._on_result_activated)  # a click too: a hit opens in the hits' pane
        self.save_button.clicked.connect(self._on_save_clicked)
        self.saved_list.itemActivated.connect(self._on_saved_activated)
        self.saved_list.itemClicked.connect(self._on_saved_activated)
        keyed_menu(self.saved_list, SAVED_KEYS, {"delete": self._delete_current_saved})
        ops.changes_applied.connect(self.refresh_saved)  # an undo brings one back, or takes it away
        self._lay_out()
        self.refresh_saved()

    def _lay_out(self) -> None:
        saved_box = QWidget(self)
        saved_layout = QVBoxLayout(saved_box)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Saved searches", self), 1)
        row.addWidget(self.save_button)
        saved_layout.addLayout(row)
        saved_layout.addWidget(self.saved_list)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.results)
        splitter.addWidget(saved_box)
        splitter.setStretchFactor(0, 4)
        share_out(splitter, [4, 1])  # the hits first: the saved searches took more height than the hits had
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def run_search(self) -> None:
        """Search for the box's query in a worker; the results shown stay until the new ones are in."""
        query = self.box.text()
        self._reading.start(lambda workspace, _progress, _cancelled: workspace.search.search(query),
                            lambda results: self._show(results, query), self._say)

    def _say(self, line: str) -> None:
        """A line under the box, short enough to read there (a refusal quoting a 4,000-character query whole took
        the dock's width and the results' height: audit DK 5), whole in its tooltip."""
        self.message.setText(shortened(line))
        self.message.setToolTip(line if shortened(line) != line else "")

    def _show(self, results: SearchResults, query: str) -> None:
        current = self.results.currentItem()
        reading = current.data(0, HIT_ROLE) if current is not None else None  # kept chosen: a change elsewhere ran
        self.results.clear()  # the query again, and the next Down started from the top (audit DK 14)
        self._say(results.error or (_summary(results) if query.strip() else ""))
        for kind in KINDS:
            hits = results.groups.get(kind, [])
            if hits:
                group = QTreeWidgetItem(self.results, [f"{KIND_LABELS[kind]} ({_count(results, kind)})"])
                for hit in hits:
                    self._add_hit(group, hit)
        self.results.expandAll()
        if reading is not None:
            self._choose(reading)
        self.searched.emit(results.count)
        first = self.results.topLevelItem(0)
        if self._open_first and first is not None and first.childCount():
            self._on_result_activated(first.child(0))
        self._open_first = False

    def _choose(self, hit: Hit) -> None:
        """Choose, without opening it, the row of a hit listed again."""
        for number in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(number)
            for row in (group.child(i) for i in range(group.childCount())):
                if row.data(0, HIT_ROLE) == hit:
                    self.results.setCurrentItem(row)
                    self.results.scrollToItem(row)
                    return

    def _add_hit(self, group: QTreeWidgetItem, hit: Hit) -> None:
        """A row names the document by its title and shows the match highlighted (the file name in the tooltip)."""
        title = hit.title or hit.file_name
        plain = hit.plain
        item = QTreeWidgetItem(group, [f"{title} — {plain}" if title else plain])
        item.setToolTip(0, f"{title}\n{hit.file_name}\n{plain}" if title else plain)
        item.setData(0, HIT_ROLE, hit)
        item.setData(0, HTML_ROLE, snippet_html(title, hit.marked))

    def refresh_saved(self) -> None:
        self.saved_list.clear()
        for search_id, name, query in self._search.saved():
            entry = QListWidgetItem(name)
            entry.setToolTip(query)
            entry.setData(Qt.ItemDataRole.UserRole, (search_id, query))
            self.saved_list.addItem(entry)

    def eventFilter(self, watched, event) -> bool:
        """Rows wrap at the list's width: narrower or wider, their heights are measured again, the list's own
        width too (rows measured before its scroll bar came ran a line over the next hit)."""
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize \
                and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self.results.doItemsLayout)
        return super().eventFilter(watched, event)

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def _on_box_return_pressed(self) -> None:
        self.timer.stop()
        self._open_first = True
        self.run_search()

    def _on_result_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None and hit.kind == "annotation" and hit.ref is not None:
            self.annotation_activated.emit(hit.ref)  # chosen, its note to edit at once
        elif hit is not None and hit.kind == "link" and hit.ref is not None:
            self.link_activated.emit(hit.ref)  # both passages, as from Comparisons
        elif hit is not None and hit.kind == "notebook" and hit.ref is not None:
            self.note_activated.emit(hit.ref)  # it had selected its document's first character (audit CB F2)
        elif hit is not None and hit.kind == "entity" and hit.ref is not None:
            self.entity_activated.emit(hit.ref)  # it did nothing, unsaid (audit DK 2)
        elif hit is not None and hit.document_id is not None:  # a title's hit opens at the start, nothing tinted
            self.hit_activated.emit(hit.document_id, hit.start, hit.end, list(hit.matched_words))  # (it had tinted
            # the text's first character, audit DK 11)

    def _on_save_clicked(self) -> None:
        query = self.box.text().strip()
        if not query:
            self._say("Type a query first, then save it.")
            return
        name, ok = QInputDialog.getText(self, "Save search", "Name:", text=query)
        if not ok:
            return
        replaced = self._search.saved_as(name)
        try:
            self._ops.run_checked("Save search", lambda: self._search.save(name, query))
        except ReaderError as exc:
            self._say(str(exc))
            return
        self._say(f"Replaced the query saved as “{replaced[1]}”: Edit > Undo takes it back" if replaced  # unsaid,
                  else f"Saved as “{name.strip()}”")  # and a refusal before stayed on screen (audit DK 3, DK 4)

    def _delete_current_saved(self) -> None:
        entry = self.saved_list.currentItem()
        if entry is not None:
            search_id, _query = entry.data(Qt.ItemDataRole.UserRole)
            self._ops.run("Delete saved search", lambda: self._search.delete_saved(search_id))

    def _on_saved_activated(self, entry: QListWidgetItem) -> None:
        _search_id, query = entry.data(Qt.ItemDataRole.UserRole)
        self.box.setText(query)
        self.timer.stop()
        self.run_search()


def _count(results: SearchResults, kind: str) -> str:
    """All hits of a kind, not only those listed; '2,000+' when mention filters were checked on the first ones."""
    return f"{results.counts.get(kind, 0):,}" + ("+" if kind in results.partial else "")


def _summary(results: SearchResults) -> str:
    shown = sum(len(hits) for hits in results.groups.values())
    more = "+" if results.partial else ""
    counted = f"{results.count:,}{more} results" if more else plural(results.count, "result")  # "2,000+ results"
    return counted + (f", the first {shown:,} listed" if shown < results.count else "")


def shortened(line: str, longest_word: int = 60, most: int = 240) -> str:
    """A line with each run of more than `longest_word` characters without a blank cut with "…", and the whole cut
    at `most` characters."""
    words = [word if len(word) <= longest_word else word[:longest_word - 1] + "…" for word in line.split(" ")]
    return one_line(" ".join(words), most)
