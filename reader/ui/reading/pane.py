"""One document pane: header, find bar, the text with its overview strip, and a notes strip shown on request."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSplitter, QVBoxLayout, QWidget

from reader.core.documents.headings import heading_ranges
from reader.core.errors import ReaderError
from reader.core.export.items import citation
from reader.core.export.paragraphs import paragraph_at, paragraph_starts
from reader.core.ranges import as_dragged, merge, quote_without
from reader.core.records.annotations import HIGHLIGHT_COLORS, Passage
from reader.core.records.documents import Span, VersionText
from reader.core.records.pages import page_citation, page_span
from reader.core.records.relations import link_step
from reader.core.wording import one_line
from reader.core.wrapping import BREAK_HYPHENS
from reader.ui.annotations.link_dialog import LinkDialog
from reader.ui.keyboard_menus import keyboard_menus_at_viewport
from reader.ui.keyed_actions import KeyTable, keyed_action
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.formats import layer_of, span_format
from reader.ui.reading.header import PaneHeader
from reader.ui.reading.overview import OverviewStrip
from reader.ui.reading.page_mode import PageMode
from reader.ui.reading.services import ReadingServices
from reader.ui.reading.sidebar import NotesSidebar
from reader.ui.reading.view import DocumentView


def matched_ranges(text: str, start: int, end: int, words) -> list[tuple[int, int]]:
    """Where each word occurs in text[start:end], case and accents ignored as the search ignores them, and over a
    line's end as search reads it: a word broken there ("Choibal-" / "san" for Choibalsan) or a phrase's words on
    two lines (a hit found so opened with nothing marked)."""
    from reader.core.folding import fold

    stretch = fold(text[start:end])
    found = []
    for word in words:
        key = " ".join(fold(word).split())
        if not key:
            continue
        pattern = _BREAK.join("\\s+" if character == " " else re.escape(character) for character in key)
        found += [(start + match.start(), start + match.end()) for match in re.finditer(pattern, stretch)]
    return sorted(found)


_BREAK = f"(?:[{BREAK_HYPHENS}][ \\t]*\\n[ \\t]*)?"  # a word broken at a line's end, as a wrapped text breaks it


# What a pane's keys do: its actions are made from this, and Help > Keyboard shortcuts lists it with no pane open.
NOTES_WIDTH = 170  # pixels: the notes strip is never narrower when shown (a third of the pane, at most half)
PANE_KEYS = KeyTable("Document pane", {
    "highlight": ("Highlight", ("H",)), "note": ("Note", ("N",)), "tag": ("Tag…", ("T",)), "link": ("Link to…", ("L",)),
    "parallels": ("Parallel passages", ("P",)), "copy": ("Copy with citation", ("Ctrl+Shift+C",)),
    "find": ("Find in document", ("Ctrl+F",)), "zoom_in": ("Zoom in", ("Ctrl++", "Ctrl+=")),
    "zoom_out": ("Zoom out", ("Ctrl+-",)), "zoom_reset": ("Actual size", ("Ctrl+0",)),
    "next_mention": ("Next mention", ("Ctrl+.",)),
    "previous_mention": ("Previous mention", ("Ctrl+,",)),
    "delete": ("Delete highlight", ("Del",)),
})


class DocumentPane(QWidget):
    """Reads one document; every change goes through an undo command, every paint comes from the core's spans."""

    annotation_selected = Signal(int)
    entity_clicked = Signal(int)
    close_requested = Signal()
    move_requested = Signal(int)
    maximise_requested = Signal()
    recognition_retry_requested = Signal()
    note_requested = Signal(int)  # N: the inspector should open this annotation's note for writing
    tags_requested = Signal(int)  # T: ... and its tags
    tab_stops_changed = Signal()  # the page was first shown: Tab's order is made again
    delete_requested = Signal(int)  # Del, or the menu: the inspector deletes this annotation (asking if cited)
    parallels_requested = Signal()  # P: the Parallels panel should rank against the selection

    def __init__(self, services: ReadingServices, document_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.document_id = document_id
        self.version: VersionText | None = None
        self.layers: set[str] = set()
        self.boilerplate_hidden = False
        self._headings: list[Span] = []  # the text's heading lines, set in bold (found once per version)
        self._hidden_blocks: list[int] = []  # the numbers of the lines boilerplate hides now
        self.highlight_color = HIGHLIGHT_COLORS[0]
        self.spans: list[Span] = []
        self._formats: dict[tuple[str, str], object] = {}
        self._outlined: int | None = None  # the annotation framed in the text (the one chosen)
        self.header = PaneHeader(self)
        self.find_bar = FindBar(self)
        self.view = DocumentView(self)
        self.overview = OverviewStrip(self)
        self.sidebar = NotesSidebar(self)
        self._lay_out()
        self._build_actions()
        self.page_mode = PageMode(self)
        self._connect()
        self.find_bar.hide()
        self.refresh()

    def _lay_out(self) -> None:
        text_row = self.text_row = QWidget(self)
        row = QHBoxLayout(text_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.view)
        row.addWidget(self.overview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(text_row)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.sidebar.hide()  # the notes strip, shown from the header: the text keeps the width by default
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)

    def _build_actions(self) -> None:
        self.highlight_action = self._action("highlight", self.highlight_selection)
        self.note_action = self._action("note", self.note_selection)
        self.tag_action = self._action("tag", self.tag_selection)
        self.link_action = self._action("link", self.link_selection)
        self.parallels_action = self._action("parallels", self._request_parallels)
        self.copy_action = self._action("copy", self.copy_with_citation)
        self.find_action = self._action("find", self.find_bar.open)
        self.zoom_in_action = self._action("zoom_in", lambda: self._zoom(1))
        self.zoom_out_action = self._action("zoom_out", lambda: self._zoom(-1))
        self.zoom_reset_action = self._action("zoom_reset", lambda: self._zoom(0))
        self.next_mention_action = self._action("next_mention", lambda: self.step_mention(1))
        self.previous_mention_action = self._action("previous_mention", lambda: self.step_mention(-1))
        self.delete_action = self._action("delete", self.delete_chosen, self.text_row)  # the notes strip's Del is
        # its own: live there too, the two made Qt fire neither ("Ambiguous shortcut overload", audit DA F3)

    def _action(self, name: str, slot, where: QWidget | None = None) -> QAction:
        return keyed_action(where or self, PANE_KEYS, name, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect(self) -> None:
        self.header.close_requested.connect(self.close_requested)
        self.header.move_requested.connect(self.move_requested)
        self.header.maximise_requested.connect(self.maximise_requested)
        self.header.retry_requested.connect(self.recognition_retry_requested)
        self.header.boilerplate_hidden_changed.connect(self.set_boilerplate_hidden)
        self.header.view_mode_changed.connect(self.page_mode.set_mode)
        self.find_bar.match_chosen.connect(self._on_find_match_chosen)
        self.view.span_clicked.connect(self._on_view_span_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        keyboard_menus_at_viewport(self.view)
        self.view.describe = self._describe
        self.overview.position_clicked.connect(self._on_overview_position_clicked)
        self.sidebar.annotation_activated.connect(self._on_sidebar_annotation_activated)
        self.sidebar.delete_requested.connect(self.request_delete)
        self.header.notes_toggled.connect(self._show_notes)

    # -- what the pane shows -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload metadata, text (when the version changed), spans and the sidebar from the core."""
        workspace = self.services.workspace
        info = workspace.documents.get(self.document_id)
        self.header.show_document(info, workspace.sources.get(self.document_id))
        self.view.setAccessibleName(f"Text of {info.title}")  # what a screen reader says of the focused text
        if self.version is None or self.version.version_id != info.version_id:
            self.version = workspace.documents.text(self.document_id)
            self._headings = [Span(start, end, "heading", "") for start, end in heading_ranges(self.version.text)]
            self.view.set_text(self.version.text)
            self._hidden_blocks = []  # a new text's lines are all shown
            self.find_bar.set_text(self.version.text)
            self._apply_boilerplate_visibility()
            self.page_mode.load()
        else:
            boilerplate = tuple(workspace.documents.boilerplate(self.version.version_id))
            if boilerplate != self.version.boilerplate:  # marked here, or undone from anywhere
                self.version = replace(self.version, boilerplate=boilerplate)
                self._apply_boilerplate_visibility()
            self.page_mode.recheck()
        annotations = workspace.annotations.for_document(self.document_id)
        uncertain = [Span(word.start, word.end, "uncertain", f"{word.confidence:.2f}")
                     for word in workspace.documents.uncertain(self.document_id)] if self.page_mode.pages else []
        marked = workspace.annotations.spans(self.document_id)
        provided = [span for provider in self.services.providers for span in provider(self.document_id)]
        self.spans = [*self._headings, *self.version.boilerplate, *(span for span in marked if not span.doubtful),
                      *uncertain, *provided, *(span for span in marked if span.doubtful)]  # painted last: a name's
        # or a date's own underline hid the mark of a place only proposed
        self.view.set_spans(self.spans, self.format_for)
        self.overview.set_marks(self.spans, len(self.version.text))
        self.page_mode.update_marks()
        links = {a.id: len(workspace.links.links_for(a.id)) for a in annotations}
        self.sidebar.set_annotations(annotations, links)
        self._outline(self._outlined, annotations)  # moved, or gone (deleted, undone): the frame follows

    def set_layers(self, layers: set[str]) -> None:
        self.layers = set(layers)
        self._formats.clear()
        self.view.set_spans(self.spans, self.format_for)
        self.page_mode.update_marks()

    def set_boilerplate_hidden(self, hidden: bool) -> None:
        self.boilerplate_hidden = hidden
        if self.header.boilerplate_button.isChecked() != hidden:
            self.header.boilerplate_button.setChecked(hidden)
        self._apply_boilerplate_visibility()

    def _apply_boilerplate_visibility(self) -> None:
        """Hide the lines wholly inside boilerplate (when asked), showing again those hidden before. Only the lines
        of the ranges are visited: every line tested against every range took a quarter of an hour on the window's
        thread for a 45 MB text sharing 4,800 short lines with other sources."""
        document = self.view.document()
        changed = bool(self._hidden_blocks)
        for number in self._hidden_blocks:
            document.findBlockByNumber(number).setVisible(True)
        self._hidden_blocks = [number for span in (self.version.boilerplate if self.version and
                                                   self.boilerplate_hidden else ())
                               for number in self._blocks_inside(document, span)]
        for number in self._hidden_blocks:
            document.findBlockByNumber(number).setVisible(False)
        if changed or self._hidden_blocks:
            document.markContentsDirty(0, document.characterCount())
            self.view.viewport().update()

    def _blocks_inside(self, document, span: Span) -> list[int]:
        """The numbers of the lines wholly inside a range of the text."""
        start, end = self.view.offsets.to_utf16(span.start), self.view.offsets.to_utf16(span.end)
        inside, block = [], document.findBlock(start)
        while block.isValid() and block.position() < end:
            if start <= block.position() and block.position() + block.length() - 1 <= end:
                inside.append(block.blockNumber())
            block = block.next()
        return inside

    def format_for(self, span: Span):
        """One format per (kind, label, doubtful), made once: painting a block then costs a dictionary lookup per
        span."""
        key = (span.kind, span.label, span.doubtful)
        if key not in self._formats:
            layer = layer_of(span)
            shown = not layer or layer in self.layers
            self._formats[key] = span_format(span, self.view.palette()) if shown else None
        return self._formats[key]

    def _describe(self, span: Span) -> str:
        if span.kind == "mention" and span.ref is not None:
            doubt = "\nRecognition is unsure of this mention (Entities › Doubtful)" if span.doubtful else ""
            return self.services.describe_mention(span.ref) + doubt
        if span.kind in ("highlight", "note") and span.ref is not None:
            annotation = self.services.workspace.annotations.get(span.ref)
            return annotation.note or f"Highlight ({annotation.color})"
        if span.kind == "uncertain":
            return f"OCR was unsure of this word (confidence {span.label}): check it against the page image"
        return ""

    def step_mention(self, direction: int) -> None:
        """Select the next (1) or previous (-1) mention: of the same entity when a mention is selected, else any."""
        selection = self.view.selection_range()
        here = selection or (self.view.offsets.to_code_point(self.view.textCursor().position()),) * 2
        mentions = sorted((s for s in self.spans if s.kind == "mention" and self.format_for(s) is not None),
                          key=lambda s: s.start)
        current = next((s.ref for s in mentions if (s.start, s.end) == here), None)
        same = [s for s in mentions if current is None or s.ref == current]
        found = next((s for s in same if s.start >= here[1]), None) if direction > 0 else \
            next((s for s in reversed(same) if s.end <= here[0]), None)
        if found is not None:
            self.view.select_range(found.start, found.end)
            self.view.centerCursor()

    def show_passage(self, start: int, end: int, words: tuple[str, ...] | list[str] = ()) -> None:
        """Scroll to the passage and flash it, or only the occurrences of `words` inside it when it holds any."""
        found = matched_ranges(self.version.text, start, end, words) if words else []
        self.view.flash(start, end, found or None)

    # -- what the user does --------------------------------------------------------------------------------------

    def highlight_selection(self, color: str | None = None) -> None:
        """H: highlight the selection, or, when it is already a highlight (or nothing is selected and the cursor
        stands in one), select that one (no duplicates)."""
        self._annotation_chosen("to highlight", "Highlight", color)

    def _request_parallels(self) -> None:
        """P: passages of other sources that may tell of what the selection tells, or, with nothing selected, of
        what this document tells (the panel ranks the focused pane's selection, else its whole document)."""
        self.parallels_requested.emit()

    def note_selection(self) -> None:
        """N: the selection's annotation (made now if there is none), or the highlight the cursor stands in, opens in
        the Note inspector, ready to write."""
        annotation_id = self._annotation_chosen("to write a note on", "Add note")
        if annotation_id is not None:
            self.note_requested.emit(annotation_id)

    def tag_selection(self) -> None:
        """T: as N, ready to type the annotation's tags (coding a passage from the text in one key)."""
        annotation_id = self._annotation_chosen("to tag", "Add highlight")
        if annotation_id is not None:
            self.tags_requested.emit(annotation_id)

    def _annotation_chosen(self, purpose: str, label: str, color: str | None = None) -> int | None:
        """The selection's annotation (made now, as one step named `label`, in `color` if given, which is the
        pane's colour from then on, if there is none; one there already is given that colour, as a step of its own,
        the pane's colour left: "Highlight in" a colour did nothing to it, unsaid, audit DM 1), or the highlight the
        cursor stands in, chosen in the pane and the Note inspector."""
        selection = self._chosen_for(purpose)
        if selection is None:
            return None
        annotation_id = self.annotation_at(*selection)
        if annotation_id is None:
            annotations, self.highlight_color = self.services.workspace.annotations, color or self.highlight_color
            color = self.highlight_color
            created = self.services.ops.run(label, lambda: annotations.create(
                self.document_id, *selection, color=color, shown=self.version.version_id))
            annotation_id = created.id if created is not None else None
        elif color is not None:
            self._recolour(annotation_id, color)
        if annotation_id is not None:
            self.select_annotation(annotation_id)
        return annotation_id

    def link_selection(self) -> None:
        """L: link the selection (its annotation when it is one already, else the passage), or the highlight the
        cursor stands in, to another passage."""
        selection = self._chosen_for("to link")
        if selection is None:
            return
        workspace = self.services.workspace
        existing = self.annotation_at(*selection)
        source = existing if existing is not None else Passage(self.document_id, *selection,
                                                               self.version.version_id)
        dialog = LinkDialog(workspace.annotations, workspace.documents, source,
                            self.version.text[selection[0]:selection[1]], self)
        beside = next((d for d in self.services.open_documents() if d != self.document_id), None)
        if beside is not None:  # the source beside this one, not this one again
            dialog.picker.show_document(beside)
        if dialog.exec() and dialog.target() is not None:
            target, relation, note = dialog.target(), dialog.relation(), dialog.note()
            self.services.ops.run(link_step("Link passages", relation),
                                  lambda: workspace.links.link(source, target, relation, note))

    def _zoom(self, step: int) -> None:
        """Zoom in (1), out (-1) or to the actual size (0) what is read: the page shown alone, else the text (which
        Ctrl++ had enlarged unseen beside a page read alone, audit DO 4)."""
        if self.page_mode.mode == "page" and self.page_mode.panel is not None:
            self.page_mode.panel.zoom_step(step)
        else:
            self.view.set_zoom(self.view.zoom + step if step else 0)

    def _recolour(self, annotation_id: int, color: str) -> None:
        """A highlight given `color` (one step; none if it has that colour); the pane's colour for new highlights
        stays: an old highlight recoloured had set it unsaid (audit DP F5)."""
        annotations = self.services.workspace.annotations
        self.services.ops.run("Change colour", lambda: annotations.set_color(annotation_id, color))

    def annotation_at(self, start: int, end: int) -> int | None:
        """The live annotation on exactly this stretch, or whose words it is (a drag selects whole words: over a
        highlight ending inside one, H and "Highlight in" made a second highlight over it, audit DN F3), if any."""
        within = [a for a in self.services.workspace.annotations.for_document(self.document_id)
                  if a.anchor_status != "orphan" and start <= a.start and a.end <= end]  # its words hold it
        text = self.version.text
        return next((a.id for a in within if (a.start, a.end) == (start, end)), None) or next(
            (a.id for a in within if as_dragged(text, a.start, a.end) == (start, end)), None)

    def select_annotation(self, annotation_id: int) -> None:
        self.sidebar.select(annotation_id)
        self._outline(annotation_id)
        self.annotation_selected.emit(annotation_id)

    def _outline(self, annotation_id: int | None, annotations: list | None = None) -> None:
        """Frame the selected annotation in the text, so it stands out among overlapping highlights (`annotations`:
        the document's, when just read)."""
        if annotations is None and annotation_id is not None:
            annotations = self.services.workspace.annotations.for_document(self.document_id)
        found = next((a for a in annotations if a.id == annotation_id), None) if annotation_id is not None else None
        self._outlined = found.id if found is not None else None
        self.view.mark_selected((found.start, found.end) if found is not None else None)

    def copy_with_citation(self) -> None:
        selection = self._chosen_for("to copy")  # a highlight chosen by a click too, as H, N and L take it
        if selection is None:
            return
        cited = self.citation(*selection)
        QGuiApplication.clipboard().setText(cited)
        self.services.events.told.emit(f"Copied with its citation: {one_line(cited, 80)}")

    def _chosen_for(self, purpose: str) -> tuple[int, int] | None:
        """The selection; with nothing selected, the highlight the cursor stands in (a click inside one chooses it,
        and the Note inspector shows it), as H takes it; else None, said as `_selection_for` says it."""
        if self.view.selection_range() is None and (under := self.view.annotations_at_cursor()):
            try:
                chosen = self.services.workspace.annotations.get(under[0])
            except ReaderError:  # gone meanwhile (another program): then as if none were there
                return self._selection_for(purpose)
            return chosen.start, chosen.end
        return self._selection_for(purpose)

    def _selection_for(self, purpose: str) -> tuple[int, int] | None:
        """The selection, or None with a line in the status bar saying what the key needs: a key that does nothing
        and says nothing cannot be told from a broken one."""
        selection = self.view.selection_range()
        if selection is None:
            self.services.events.told.emit(f"Select some text {purpose} first, or put the cursor in a highlight.")
        return selection

    def citation(self, start: int, end: int) -> str:
        """The quote followed by its source as the exports cite it (author, title, date, DOI or URL) and its place,
        the page or, in an unpaginated source, the paragraph (¶ 3), as a historian pastes it into a draft: without
        the DOI and the place, the passage could not be found again from the draft."""
        documents = self.services.workspace.documents
        pages = page_span(documents.pages(self.document_id), start, end)
        paragraph = paragraph_at(paragraph_starts(self.version.text, self.version.boilerplate), start)
        place = page_citation(*pages) if pages else f"¶ {paragraph}" if paragraph else ""
        hidden = merge((span.start, span.end) for span in self.version.boilerplate)
        quote = " ".join(quote_without(self.version.text[start:end], start, hidden).split())
        source = ", ".join(part for part in (citation(documents.get(self.document_id)), place) if part)
        return f"“{quote}” ({source})"

    def _show_notes(self, shown: bool) -> None:
        """The notes strip, shown wide enough to read its entries (a third of the pane, at least NOTES_WIDTH, at most
        half of it, so the text keeps the other half): the text's stretch had left it some 65 pixels in a pane of
        three, a word a line."""
        self.sidebar.setVisible(shown)
        if shown:
            total = sum(self.splitter.sizes()) or self.splitter.width()
            side = min(max(NOTES_WIDTH, total // 3), total // 2)
            self.splitter.setSizes([total - side, side])

    def _on_sidebar_annotation_activated(self, annotation_id: int) -> None:
        annotation = self.services.workspace.annotations.get(annotation_id)
        self._outline(annotation_id)
        self.view.flash(annotation.start, annotation.end)
        self.annotation_selected.emit(annotation_id)

    def _on_view_span_clicked(self, span: Span) -> None:
        if span.kind == "mention" and span.ref is not None:
            self.entity_clicked.emit(span.ref)
        elif span.kind in ("highlight", "note") and span.ref is not None:
            self.select_annotation(span.ref)

    def _on_find_match_chosen(self, start: int, end: int) -> None:
        self.view.select_range(start, end)
        self.view.centerCursor()

    def _on_overview_position_clicked(self, fraction: float) -> None:
        self.view.scroll_to(int(fraction * len(self.version.text)))

    def _on_view_context_menu_requested(self, point: QPoint) -> None:
        self.context_menu_at(point).exec(self.view.viewport().mapToGlobal(point))

    def context_menu_at(self, point: QPoint) -> QMenu:
        """The text's context menu at `point` (in the view's viewport): copying, the selection's highlights, marks
        and boilerplate, the mention clicked on, correcting the text."""
        menu = self.view.createStandardContextMenu(point)
        selection = self.view.selection_range()
        if selection is not None:
            menu.addSeparator()
            colours = QMenu("Highlight in", menu)
            for color in HIGHLIGHT_COLORS:
                colours.addAction(color, lambda c=color: self.highlight_selection(c))
            menu.addActions([self.highlight_action, self.note_action, self.tag_action, self.link_action,
                             self.parallels_action, self.copy_action])
            menu.addMenu(colours)
            if self.services.mark_entity is not None:
                marks = QMenu("Mark as entity", menu)
                for label, kind in (("Person", "PERSON"), ("Place", "PLACE"), ("Organisation", "ORG"),
                                    ("Date", "DATE")):
                    marks.addAction(label, lambda k=kind: self.services.mark_entity(self.document_id, *selection, k,
                                                                                    self.version.version_id))
                menu.addMenu(marks)
            menu.addSeparator()
            menu.addAction("Mark as boilerplate", lambda: self._set_boilerplate(selection, True))
            menu.addAction("Not boilerplate", lambda: self._set_boilerplate(selection, False))
        highlight = next((q.span.ref for q in self.view.spans_at(point) if q.span.kind in ("highlight", "note")
                          and q.span.ref is not None), None)
        if highlight is not None:
            menu.addSeparator()
            if selection is None:  # the highlight clicked on: its note, tags and colour (with a selection, the
                # keys' own and "Highlight in"; its colour was offered only then, audit DN F3)
                menu.addAction("Note…", lambda: (self.select_annotation(highlight),
                                                 self.note_requested.emit(highlight)))
                menu.addAction("Tag…", lambda: (self.select_annotation(highlight),
                                                self.tags_requested.emit(highlight)))
                colours = menu.addMenu("Colour")
                current = self.services.workspace.annotations.get(highlight).color
                for color in HIGHLIGHT_COLORS:  # the colour it has checked, as the Note panel's buttons show it
                    colours.addAction(color, lambda c=color: self._recolour(highlight, c)).setCheckable(True)
                    colours.actions()[-1].setChecked(color == current)
            menu.addAction("Delete highlight", lambda: self.request_delete(highlight))
        mention = next((q.span for q in self.view.spans_at(point) if q.span.kind == "mention"
                        and q.span.ref is not None), None)
        if mention is not None and self.services.mention_actions is not None:
            menu.addSeparator()
            self.services.mention_actions(menu, self.document_id, mention,
                                          self.version.text[mention.start:mention.end])
        menu.addSeparator()
        menu.addAction("Correct text…", self.correct_text)
        return menu

    def correct_text(self) -> None:
        """Edit the text by hand (an OCR misreading) and keep it as a new version, notes re-anchored."""
        from reader.ui.reading.correct_dialog import correct_pane_text

        correct_pane_text(self)

    def tab_stops(self) -> list[QWidget]:
        """What Tab goes through in the pane, as it stands on screen: the header's buttons, the find bar, the page,
        the text, the notes strip."""
        page = getattr(self.page_mode, "panel", None)
        return [*self.header.tab_stops, *self.find_bar.findChildren(QWidget), *(page.tab_stops if page else []),
                self.view, self.sidebar.annotation_list]

    def delete_chosen(self) -> None:
        """Del: delete the highlight the cursor stands in (a click inside one chooses it), else the one framed."""
        under = self.view.annotations_at_cursor()
        chosen = under[0] if under else self._outlined
        if chosen is None:
            self.services.events.told.emit("Put the cursor in a highlight (click it, or move there with the arrow "
                                           "keys) to delete it.")
            return
        self.request_delete(chosen)

    def request_delete(self, annotation_id: int) -> None:
        self.select_annotation(annotation_id)  # the Note panel shows what goes
        self.delete_requested.emit(annotation_id)

    def _set_boilerplate(self, selection: tuple[int, int], is_boilerplate: bool) -> None:
        documents = self.services.workspace.documents
        label = "Mark as boilerplate" if is_boilerplate else "Mark as not boilerplate"
        self.services.ops.run(label, lambda: documents.set_boilerplate(self.document_id, *selection, is_boilerplate,
                                                                       shown=self.version.version_id))
