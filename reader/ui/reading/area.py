"""The reading area: documents side by side in resizable columns, with one legend for all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from reader.core.errors import DocumentNotFound
from reader.ui.reading.legend import Legend
from reader.ui.reading.services import ReadingServices

if TYPE_CHECKING:
    from reader.ui.reading.pane import DocumentPane

MAX_VISIBLE = 4
READABLE_PANE = 280  # pixels: a pane opened beside a partner (from Parallels, say) never leaves one narrower
LEFT_KEPT = 50  # documents closed lately whose zoom and place are kept for when they open again


READ_HINT = "Double-click a document in the library to read it; open more to compare them side by side."
IMPORT_HINT = ("Bring in your sources with File > Import… ({keys}) or drop their files here: web pages, PDFs and "
               "scanned pages, Word, OpenDocument, EPUB, RTF, Markdown and plain text.")


class PaneArea(QWidget):
    """Opens, closes, reorders and maximises document panes; remembers all of it as a session."""

    entity_clicked = Signal(int)
    annotation_selected = Signal(int)
    pane_activated = Signal(int)  # document id of the pane the user works in (for the Parallels panel)
    recognition_retry_requested = Signal()
    note_requested = Signal(int)
    tags_requested = Signal(int)
    delete_requested = Signal(int)  # an annotation to delete, chosen in a pane's text or notes strip
    parallels_requested = Signal()  # P in a pane: parallels of its selection
    document_focused = Signal(int)  # the pane the user works in changed: side panels follow its document
    panes_changed = Signal()  # a document was opened or closed: what is compared on the desk changed

    def __init__(self, services: ReadingServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        services.open_documents = lambda: [pane.document_id for pane in self.panes]  # a link goes across, mostly
        self.legend = Legend(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.empty_label = QLabel(READ_HINT, self, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.panes: list[DocumentPane] = []
        self._active: DocumentPane | None = None
        self._maximised: DocumentPane | None = None
        self._found: DocumentPane | None = None  # the pane the last search hit opened, which the next one takes
        self._left: dict[int, dict] = {}  # document -> how its pane was when closed (oldest first)
        self.legend.layers_changed.connect(self._on_legend_layers_changed)
        services.events.annotations_changed.connect(self.refresh_document)
        services.events.document_changed.connect(self.refresh_document)
        services.events.links_changed.connect(self.refresh_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.splitter, 1)
        self._update_empty_state()

    def set_library_empty(self, empty: bool) -> None:
        """What the empty desk says: how to bring documents in while there are none, then how to read them."""
        keys = QKeySequence(QKeySequence.StandardKey.Open).toString(QKeySequence.SequenceFormat.NativeText)
        self.empty_label.setText(IMPORT_HINT.format(keys=keys) if empty else READ_HINT)

    def active_document_id(self) -> int | None:
        """The document of the pane last focused or opened, if it is still open."""
        return self._active.document_id if self._active in self.panes else None

    def passage_read(self) -> tuple[int, tuple[int, int] | None] | None:
        """The document of the pane last focused and what is selected in its text (code points; None: nothing), or
        None with no pane: where citing a passage starts."""
        if self._active not in self.panes:
            return None
        return self._active.document_id, self._active.view.selection_range()

    def pane_for(self, document_id: int) -> DocumentPane | None:
        return next((pane for pane in self.panes if pane.document_id == document_id), None)

    def open_document(self, document_id: int, beside: bool = True, keep: int | None = None,
                      focus: bool = True) -> DocumentPane:
        """Show a document: focus its pane if open, else open a pane (beside the others, or in the active one; when
        the desk is full, in the active one, unless that shows `keep`, the document it is to be read beside). Opened
        beside `keep` (a passage a panel found), it takes another pane's place rather than leave panes too narrow to
        read. `focus=False` leaves the focused pane as it is (the panels that follow it keep their document)."""
        pane = self.pane_for(document_id)
        if pane is None:
            crowded = keep is not None and self.splitter.width() / (len(self.panes) + 1) < READABLE_PANE
            full = len(self.panes) >= MAX_VISIBLE or (crowded and len(self.panes) > 1)
            replaced = self._pane_to_replace(keep) if not beside or full else None
            pane = self._create_pane(document_id)
            left = self._left.pop(document_id, None)
            if left is not None:
                self._set_view(pane, left)
            if replaced is not None:
                index = self.panes.index(replaced)
                if beside:
                    self._say_replaced(document_id, replaced.document_id)
                self.close_pane(replaced, replacing=True)
                self._insert_pane(pane, index)
            else:
                self._insert_pane(pane, len(self.panes))
        if focus or self._active not in self.panes:
            self._activate(pane)
        return pane

    def _say_replaced(self, opened: int, closed: int) -> None:
        """A document asked for beside the others took a pane's place (the desk full, or too narrow): said, as the
        source read there was gone without a word."""
        titles = self.services.workspace.documents.names()
        reason = f"at most {MAX_VISIBLE} sources side by side" \
            if len(self.panes) >= MAX_VISIBLE else "another pane would be too narrow to read"
        self.services.events.told.emit(f"“{titles.get(opened, opened)}” took the place of "
                                       f"“{titles.get(closed, closed)}” ({reason})")

    def _pane_to_replace(self, keep: int | None) -> DocumentPane | None:
        others = [pane for pane in self.panes if pane.document_id != keep]
        if self._active in others:
            return self._active
        return others[-1] if others else None

    def show_passage(self, document_id: int, start: int, end: int, beside: bool = True,
                     words: tuple[str, ...] | list[str] = (), keep: int | None = None,
                     focus: bool = True) -> DocumentPane:
        """Open the document (beside the others, or in the focused pane) and flash the passage, or only `words`
        within it (a search's matched words); `keep`: a document that must stay open (the passage's partner)."""
        pane = self.open_document(document_id, beside, keep, focus)
        pane.show_passage(start, end, words)
        return pane

    def show_found(self, document_id: int, start: int, end: int, words: tuple[str, ...] | list[str] = ()
                   ) -> DocumentPane:
        """A search's hit: where its document is open, else in the pane the last hit opened, else beside the others
        (the desk full: in the focused pane). A hit took the focused pane's place, closing a source being compared;
        beside them, hit after hit would pile up panes."""
        opened = self.pane_for(document_id) is None
        reused = opened and self._found in self.panes
        if reused:
            self._activate(self._found)  # the pane a hit opened in place of the focused one
        pane = self.show_passage(document_id, start, end, beside=not reused, words=words)
        if opened:
            self._found = pane
        return pane

    def show_annotation(self, annotation_id: int, found: bool = False, keep: int | None = None) -> DocumentPane:
        """Open an annotation's passage (beside the others, or `keep`'s; `found`: as a search's hit) and choose it."""
        annotation = self.services.workspace.annotations.get(annotation_id)
        pane = self.show_found(annotation.document_id, annotation.start, annotation.end) if found else \
            self.show_passage(annotation.document_id, annotation.start, annotation.end, keep=keep)
        pane.select_annotation(annotation_id)  # chosen: outlined, and its note in the Note inspector
        return pane

    def show_pair(self, first_annotation_id: int, second_annotation_id: int) -> None:
        """Two linked passages side by side, each flashed; on a crowded desk each takes the place of a pane other than
        its partner's (the second had taken the first's, and the pair was never seen together)."""
        partner = self.services.workspace.annotations.get(second_annotation_id).document_id
        first = self.show_annotation(first_annotation_id, keep=partner)
        self.show_annotation(second_annotation_id, keep=first.document_id)

    def refresh_document(self, document_id: int) -> None:
        pane = self.pane_for(document_id)
        if pane is not None:
            self._refresh_or_close([pane])

    def refresh_all(self, *_args) -> None:
        self._refresh_or_close(list(self.panes))

    def _refresh_or_close(self, panes: list[DocumentPane]) -> None:
        """Repaint panes from the core; those whose documents went to the Trash (here or in another program) close,
        all together (see `close_panes`)."""
        gone = []
        for pane in panes:
            try:
                pane.refresh()
            except DocumentNotFound:
                gone.append(pane)
        self.close_panes(gone)

    def close_documents(self, document_ids: set[int]) -> None:
        """Close the panes showing these documents (gone to the Trash, say)."""
        self.close_panes([pane for pane in self.panes if pane.document_id in document_ids])

    def close_pane(self, pane: DocumentPane, replacing: bool = False) -> None:
        self.close_panes([pane], replacing)

    def close_panes(self, panes: list[DocumentPane], replacing: bool = False) -> None:
        """Close panes; if the focused one was among them, the last pane left takes the focus (and the panels that
        follow the focus go with it): only once all are closed, as handing it to another pane closing too (two
        sources gone with an undone import) had the panels ask for a document gone. `replacing`: another document
        opens in the pane's place, which focuses and tells itself. How each pane was (zoom, place, what it shows) is
        kept for when its document opens again."""
        if not panes:
            return
        for pane in panes:  # all out of the list first: the focus leaving one may land in another closing
            self._left[pane.document_id] = self._view_of(pane)
            self.panes.remove(pane)
        for pane in panes:
            pane.page_mode.close_source()
            pane.setParent(None)
            pane.deleteLater()
            if self._maximised is pane:  # the others come back: left hidden, the desk was blank (audit DU F6)
                self.toggle_maximised(pane)
        for document_id in list(self._left)[:-LEFT_KEPT]:
            del self._left[document_id]
        if self._active in panes:
            self._active = None
            live = [pane for pane in self.panes if _live(pane)] if not replacing else []
            if live:
                self._activate(live[-1])
        self._update_empty_state()
        if not replacing:
            self.panes_changed.emit()

    def move_pane(self, pane: DocumentPane, step: int) -> None:
        index = self.panes.index(pane)
        target = max(0, min(len(self.panes) - 1, index + step))
        self.panes.insert(target, self.panes.pop(index))
        self.splitter.insertWidget(target, pane)
        self._update_places()

    def toggle_maximised(self, pane: DocumentPane) -> None:
        self._maximised = None if self._maximised is pane else pane
        for other in self.panes:
            other.setVisible(self._maximised is None or other is self._maximised)
        self._update_places()

    def _update_places(self) -> None:
        for number, pane in enumerate(self.panes):
            pane.header.set_place(number == 0, number == len(self.panes) - 1, self._maximised is not None)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes through the panes as they stand, left to right, each as it is laid out: it went as they were
        opened, and a pane moved kept its place in the order (audit DA F7)."""
        stops = [stop for pane in self.panes for stop in pane.tab_stops()
                 if stop.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for before, after in zip(stops, stops[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _create_pane(self, document_id: int) -> DocumentPane:
        from reader.ui.reading.pane import DocumentPane  # the text view and its painters load with the first pane

        pane = DocumentPane(self.services, document_id)
        pane.set_layers(self.legend.enabled_layers())
        pane.entity_clicked.connect(self.entity_clicked)
        pane.annotation_selected.connect(self.annotation_selected)
        pane.close_requested.connect(lambda: self.close_pane(pane))
        pane.move_requested.connect(lambda step: self.move_pane(pane, step))
        pane.maximise_requested.connect(lambda: self.toggle_maximised(pane))
        pane.recognition_retry_requested.connect(self.recognition_retry_requested)
        pane.note_requested.connect(self.note_requested)
        pane.tags_requested.connect(self.tags_requested)
        pane.delete_requested.connect(self.delete_requested)
        pane.parallels_requested.connect(self.parallels_requested)
        pane.view.focused.connect(lambda: self._activate(pane))
        pane.tab_stops_changed.connect(self._order_tabs)
        return pane

    def _insert_pane(self, pane: DocumentPane, index: int) -> None:
        self.panes.insert(index, pane)
        self.splitter.insertWidget(index, pane)
        self.splitter.setSizes([1000] * len(self.panes))
        self._order_tabs()
        self._update_empty_state()
        self.panes_changed.emit()

    def _activate(self, pane: DocumentPane, entered: bool = False) -> None:
        """`entered`: the focus came into the pane from outside it. The side panels then follow its document even if
        it was already the active pane: a library row chosen meanwhile had shown another document there. A pane
        closing, or whose document has gone and which is about to close (two sources gone at once, with an undone
        import), takes no focus: the side panels would ask for a document that is not there."""
        if pane not in self.panes or not _live(pane):
            return
        changed = pane is not self._active
        self._active = pane
        for each in self.panes:
            each.header.set_active(each is pane)
        if changed or entered:
            pane.page_mode.recheck()  # its buttons offer the page as its file now stands (audit DU F1)
            self.document_focused.emit(pane.document_id)
        if changed:
            self.pane_activated.emit(pane.document_id)
        if self._maximised is not None and self._maximised is not pane:
            self.toggle_maximised(self._maximised)

    def follow_focus(self, old, new) -> None:
        """A click or Tab into a pane makes it the focused one (QApplication.focusChanged)."""
        pane = self._pane_holding(new)
        if pane is not None:
            self._activate(pane, entered=self._pane_holding(old) is not pane)

    def _pane_holding(self, widget) -> DocumentPane | None:
        while widget is not None and widget not in self.panes:
            widget = widget.parentWidget()
        return widget

    def view_modes(self) -> dict[str, tuple[str, bool]]:
        """For Text, Page and Both: why the active pane cannot show it ('' where it can), and whether it does."""
        if self._active is None:
            return {}
        self._active.page_mode.recheck()  # its file may be back, or gone, since the pane last looked (audit DT F5)
        return self._active.page_mode.offered()

    def set_view_mode(self, mode: str) -> None:
        """Text, Page or Both for the active pane (View menu)."""
        if self._active is not None:
            self._active.page_mode.set_mode(mode)

    def _update_empty_state(self) -> None:
        self.empty_label.setVisible(not self.panes)
        self.splitter.setVisible(bool(self.panes))
        self._update_places()  # panes came or went: which can move where changed

    @staticmethod
    def _view_of(pane: DocumentPane) -> dict:
        """How a pane shows its document: reading position (the first visible character), zoom, adverts hidden,
        what it shows and the page's zoom."""
        return {"document_id": pane.document_id, "position": pane.view.first_visible_offset(),
                "zoom": pane.view.zoom, "boilerplate_hidden": pane.boilerplate_hidden,
                "shows": pane.page_mode.chosen, "page_zoom": pane.page_mode.zoom}

    @staticmethod
    def _set_view(pane: DocumentPane, entry: dict) -> None:
        """Show a document as `_view_of` found it (a session saved by an older version may lack some of it)."""
        pane.view.set_zoom(int(entry.get("zoom", 0)))
        pane.set_boilerplate_hidden(bool(entry.get("boilerplate_hidden", False)))
        pane.view.show_from(int(entry.get("position", 0)))  # by text, so a new width keeps the place
        if "page_zoom" in entry:  # a session saved before pages had a zoom keeps the default
            pane.page_mode.set_zoom(str(entry["page_zoom"]))
        pane.page_mode.set_mode(str(entry.get("shows", "text")))

    def _on_legend_layers_changed(self, layers: set[str]) -> None:
        for pane in self.panes:
            pane.set_layers(layers)

    # -- session -------------------------------------------------------------------------------------------------

    def session_state(self) -> dict:
        """Open panes in order with the reading position (the first visible character), zoom, what they show and
        the page's zoom, and the one maximised; the same of documents closed lately; splitter sizes and the legend,
        for the next start."""
        return {
            "panes": [self._view_of(pane) for pane in self.panes],
            "left": list(self._left.values()),
            "splitter": bytes(self.splitter.saveState().toBase64()).decode("ascii"),
            "layers": sorted(self.legend.enabled_layers()),
            **({"maximised": self._maximised.document_id} if self._maximised is not None else {}),
        }

    def restore_session(self, state: dict) -> None:
        """Reopen what `session_state` saved; documents that no longer exist are skipped."""
        known = {info.id for info in self.services.workspace.documents.list()}
        self.legend.set_enabled_layers(set(state.get("layers", self.legend.enabled_layers())))
        self._left = {entry["document_id"]: entry for entry in state.get("left", [])
                      if entry.get("document_id") in known}
        for entry in state.get("panes", []):
            if entry.get("document_id") in known:
                self._left[entry["document_id"]] = entry  # opening it sets it up as it was
                self.open_document(entry["document_id"])
        if state.get("splitter"):
            self.splitter.restoreState(QByteArray.fromBase64(state["splitter"].encode("ascii")))
        maximised = self.pane_for(state.get("maximised", -1))  # it came back beside the others (audit DT F1)
        if maximised is not None:
            self.toggle_maximised(maximised)


def _live(pane: DocumentPane) -> bool:
    """Whether the pane's document is still in the library (not gone to the Trash, here or elsewhere)."""
    try:
        pane.services.workspace.documents.get(pane.document_id)
    except DocumentNotFound:
        return False
    return True
