"""A pane's choice of Text, Page or Both, and what ties the page image to the text: the page follows the reading
position, marks are drawn from the pane's spans, and a rubber band on the page selects the text.

The page panel (and pypdfium2 or Pillow behind it) is built the first time a page is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.ranges import whole_words, without_blanks
from reader.core.records.pages import PageInfo
from reader.ui.reading.formats import page_color

if TYPE_CHECKING:
    from reader.ui.reading.page_panel import PagePanel

MODES = ("text", "page", "both")
TEXT_LEAST_CHARACTERS = 20  # the text beside the page in Both keeps at least this many characters a line


class PageMode(QObject):
    """Owned by one pane (a DocumentPane; not imported, which would make a cycle); `set_mode` switches, `load` and
    `update_marks` follow the pane's version and spans."""

    def __init__(self, pane: QWidget):
        super().__init__(pane)
        self.pane = pane
        self.mode = "text"
        self.chosen = "text"  # what the reader chose to see, kept while the page cannot be drawn (a PDF away)
        self.pages: list[PageInfo] = []
        self.source = ""  # the file the pages are drawn from
        self.problem = ""  # why they cannot be ('' when they can)
        self.panel: PagePanel | None = None
        self._zoom = "Fit page"  # kept for the panel until it is built (a session restored in Text)
        self._selecting = False
        pane.view.verticalScrollBar().valueChanged.connect(self.follow)
        pane.view.cursorPositionChanged.connect(self.follow)  # a passage opened, a click on another page's words
        pane.view.selectionChanged.connect(self.update_marks)

    def close_source(self) -> None:
        """Close the file the pages are drawn from (the pane closing): left to Python's collector, a PDF stayed open,
        held, for as long as a reference cycle kept its panel."""
        if self.panel is not None:
            self.panel.close_source()

    @property
    def zoom(self) -> str:
        """The page's zoom as the zoom box names it ("Fit page", "200%"), for the session."""
        return self.panel.zoom_box.currentText() if self.panel is not None else self._zoom

    def set_zoom(self, zoom: str) -> None:
        self._zoom = zoom
        if self.panel is not None:
            self.panel.zoom_box.setCurrentText(zoom)  # a name it does not offer (an old session) leaves it as it is

    def load(self) -> None:
        """The current version's pages and whether their images can be shown (called when the pane's version or
        its page source changes): a document whose file moved away, or a PDF with a password, reads as text only."""
        documents, document_id = self.pane.services.workspace.documents, self.pane.document_id
        self.pages = documents.pages(document_id)
        self.source = documents.page_source(document_id)
        self.problem = documents.page_problem(document_id) if self.pages else ""
        self.pane.header.set_has_pages(bool(self.pages), self.problem)
        if self.panel is not None:
            self.panel.load(self.pages, self.source, self.problem, self._text())
        if (not self.pages or self.problem) and self.mode != "text":
            self._show("text")
        elif self.pages and not self.problem and self.chosen != self.mode:  # its file back: as chosen (DT F5)
            self._show(self.chosen)

    def recheck(self) -> None:
        """Load again when the same version's pages now come from another file (the moved file imported again), or
        whether they can be drawn changed (their file went away or came back, another file stands at the path):
        Page and Both are offered only while the page can be drawn. The file's digest is read again only when its
        size or time changed."""
        if not self.pages:
            return
        documents, document_id = self.pane.services.workspace.documents, self.pane.document_id
        if documents.page_source(document_id) != self.source or documents.page_problem(document_id) != self.problem:
            self.load()

    def offered(self) -> dict[str, tuple[str, bool]]:
        """For each mode, why it cannot be shown ('' where it can), and whether it is."""
        why_not = "this text has no pages" if not self.pages else self.problem
        return {mode: ("" if mode == "text" else why_not, mode == self.mode) for mode in MODES}

    def set_mode(self, mode: str) -> None:
        """Text alone, the page image alone, or both side by side, as the reader chooses; a document without pages,
        or whose page images cannot be shown now, stays text until they can be."""
        self.chosen = mode if mode in MODES and self.pages else "text"
        self._show(mode)

    def _show(self, mode: str) -> None:
        mode = mode if mode in MODES and self.pages and not self.problem else "text"
        self.mode = mode
        if mode != "text" and self.panel is None:
            self._build_panel()
        focused = QApplication.focusWidget()
        reading = focused is not None and self.pane.isAncestorOf(focused)
        self.pane.text_row.setVisible(mode != "page")
        if self.panel is not None:
            self.panel.setVisible(mode != "text")
        if reading:  # what is read takes the keys: hidden, the text handed them to the legend's first box, where
            # Space hid every person's mark (audit DP F3)
            (self.panel.scroll if mode == "page" else self.pane.view).setFocus(Qt.FocusReason.OtherFocusReason)
        self.pane.header.set_view_mode(mode)
        if mode != "text":
            self.follow()
            self.update_marks()

    def follow(self, *_args) -> None:
        """Turn to the page of the reading position (not while the page itself is setting the selection)."""
        if self.panel is None or self.mode == "text" or self._selecting:
            return
        self.panel.show_offset(self._reading_offset())

    def _reading_offset(self) -> int:
        """Where the reader is: the cursor while it is in view (a passage opened is centred on it, a click puts it
        there), else the first line in view, or the last once the text is read to its end. The first line alone
        showed an opened passage's page before (audit DO 2), and never the last pages, begun within the last
        screenful (DO 6)."""
        view = self.pane.view
        area = view.viewport().rect()
        if area.contains(view.cursorRect().center()):
            return view.offsets.to_code_point(view.textCursor().position())
        bar = view.verticalScrollBar()
        at_end = bar.maximum() > 0 and bar.value() == bar.maximum()
        corner = QPoint(4, area.height() - 4) if at_end else QPoint(4, 4)
        return view.offsets.to_code_point(view.cursorForPosition(corner).position())

    def update_marks(self) -> None:
        """Redraw the page's highlights, notes, mentions, OCR words to check and the selection."""
        if self.panel is None or self.mode == "text" or not 0 <= self.panel.index < len(self.pages):
            return
        from reader.ui.reading.page_panel import page_marks

        page = self.pages[self.panel.index]
        marks = page_marks(self.pane.spans, self._color_for, page)
        self.panel.set_marks(marks, self.pane.view.selection_range())

    def _text(self) -> str:
        return self.pane.version.text if self.pane.version is not None else ""

    def _color_for(self, span):
        return page_color(span) if self.pane.format_for(span) is not None else None

    def _build_panel(self) -> None:
        from reader.ui.reading.page_panel import PagePanel

        documents, document_id = self.pane.services.workspace.documents, self.pane.document_id
        self.panel = PagePanel(lambda index: documents.boxes(document_id, index), self.pane)
        self.panel.addAction(self.pane.delete_action)  # Del on the page as in the text
        splitter = self.pane.splitter
        text_width, *others = splitter.sizes()
        splitter.insertWidget(0, self.panel)
        splitter.setStretchFactor(0, 4)
        for widget in (self.panel, self.pane.text_row):  # a squeeze (panes opening beside, a drag, a zoom) leaves
            splitter.setCollapsible(splitter.indexOf(widget), False)  # both readable: the text twenty characters
        self.pane.text_row.setMinimumWidth(self.pane.view.fontMetrics().averageCharWidth() * TEXT_LEAST_CHARACTERS)
        splitter.setSizes([text_width // 2, text_width - text_width // 2, *others])  # page and text share alike
        self.panel.selected.connect(self._on_page_selected)
        self.panel.narrowed.connect(lambda: self.pane.services.events.told.emit(
            "The band crossed columns: the words under it in the column it began in are selected (the text runs "
            "column by column)"))
        self.panel.unavailable.connect(self._page_gone, Qt.ConnectionType.QueuedConnection)  # after the drawing
        self.panel.page_changed.connect(lambda _index: self.update_marks())
        self.pane.tab_stops_changed.emit()
        self.panel.turned.connect(self._on_page_turned)
        self.panel.clicked.connect(self._on_page_clicked)
        self.panel.zoom_box.setCurrentText(self._zoom)
        self.panel.load(self.pages, self.source, self.problem, self._text())

    def _page_gone(self) -> None:
        """A page could not be drawn (its file went away while the pages were shown): back to the text, Page and Both
        greyed with the reason, as for a document opened after its file moved. Not for a pane closed meanwhile."""
        if self.mode != "text" and self.pane.isVisible():
            self.load()

    def _on_page_turned(self, index: int) -> None:
        """The reader turned the page with the arrows: bring the text there too, without the text turning it back
        (the page's first line may sit in a paragraph that began on the page before)."""
        view = self.pane.view
        position = view.offsets.to_utf16(self.pages[index].start)
        block = view.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position()) if block.layout() else None
        within = line.lineNumber() if line is not None and line.isValid() else 0
        self._selecting = True
        try:
            view.verticalScrollBar().setValue(block.firstLineNumber() + within)
        finally:
            self._selecting = False

    def _on_page_clicked(self, offset: int) -> None:
        """A click on a marked word acts as a click on it in the text: a note opens in the sidebar, a name lists its
        entity."""
        spans = sorted((s for s in self.pane.spans if s.start <= offset < s.end and s.kind in ("highlight", "note",
                        "mention") and self.pane.format_for(s) is not None), key=lambda s: s.end - s.start)
        if spans:
            self.pane.view.span_clicked.emit(spans[0])

    def _on_page_selected(self, start: int, end: int) -> None:
        """A band's words, whole: a word hyphenated across two lines of the page is one word of the text."""
        start, end = without_blanks(self.pane.version.text, *whole_words(self.pane.version.text, start, end))
        self._selecting = True
        try:
            self.pane.view.select_range(start, end)
        finally:
            self._selecting = False
        self.update_marks()
