"""The text of one document: read-only, a book-like measure, zoom, spans painted lazily, hover and click on spans."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPalette, QTextCharFormat, QTextCursor, QTextOption, QWheelEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from reader.core.ranges import as_dragged
from reader.core.records.documents import Span
from reader.ui.focus_frame import frame_focus
from reader.ui.offsets import Utf16Map
from reader.ui.reading.formats import flash_format
from reader.ui.reading.painter import LazyFormatter, QtSpan, SpanIndex

READING_WIDTH_CHARS = 78
BASE_POINT_SIZE = 12  # the reading text's size at the usual system font (9 or 10 points) ...
ABOVE_SYSTEM_FONT = 3  # ... and at least this much above a larger one: at 14 points the texts stayed at 12, the
# smallest text on screen
Describe = Callable[[Span], str]


class DocumentView(QPlainTextEdit):
    """Shows one version's text; emits `span_clicked(span)` when a painted range is clicked."""

    span_clicked = Signal(object)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long DOI never scrolls sideways
        self.offsets = Utf16Map("")
        self._text = ""
        self._marked: list[QTextEdit.ExtraSelection] = []  # the selected annotation's outline
        self.index = SpanIndex([], self.offsets)
        self.zoom = 0
        self._held_place: int | None = None  # where the reader was when a resize began (see resizeEvent)
        self._placed: tuple[int, int] | None = None  # (offset, scroll value) of the place last put at the top
        self.describe: Describe = lambda span: ""
        self.formatter = LazyFormatter(self, lambda span: None)
        self._apply_font()
        frame_focus(self)

    def set_text(self, text: str) -> None:
        self.offsets = Utf16Map(text)
        self._text = text
        self._marked = []
        self.setPlainText(text)

    def set_spans(self, spans: list[Span], format_for) -> None:
        self.index = SpanIndex(spans, self.offsets)
        self.formatter.set_index(self.index, format_for)

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(-6, min(12, steps))
        self._apply_font()

    def _apply_font(self) -> None:
        font = QFont("Serif")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(max(BASE_POINT_SIZE, QApplication.font().pointSizeF() + ABOVE_SYSTEM_FONT) + self.zoom)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._update_margins()

    def _update_margins(self) -> None:
        """Keep lines to a readable measure: extra width becomes margin on both sides."""
        measure = self.fontMetrics().horizontalAdvance("n") * READING_WIDTH_CHARS
        spare = max(0, self.viewport().width() + self.viewportMargins().left() * 2 - measure)
        self.setViewportMargins(spare // 2, 8, spare // 2, 8)

    def resizeEvent(self, event) -> None:
        """Keep the reader's place: a pane maximised, restored or given more room rewraps its lines, and the text
        kept its line number at the top, several paragraphs from where the reader was. The place is taken before
        the first resize of a burst and put back once the lines are laid out again (the next turn of the loop)."""
        if self._held_place is None and not self.document().isEmpty():
            self._held_place = self._reading_place()
            QTimer.singleShot(0, self, self._restore_place)
        super().resizeEvent(event)
        self._update_margins()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._held_place is not None:
            QTimer.singleShot(0, self, self._restore_place)

    def _reading_place(self) -> int:
        """The place put at the top last, while the reader has not scrolled since, else the first line shown: a
        line's start at one width lies a line up at another, so the text crept up at every change of width (eight
        lines over four presses of Reading desk only)."""
        if self._placed is not None and self._placed[1] == self.verticalScrollBar().value():
            return self._placed[0]
        return self.first_visible_offset()

    def _restore_place(self) -> None:
        place, self._held_place = self._held_place, None
        if place is not None:
            self._put_at_top(place)

    def _put_at_top(self, offset: int) -> None:
        """Scroll so the line holding `offset` is the first shown, leaving the cursor and selection as they are. The
        scroll bar counts lines of laid-out blocks: the block is brought in first, then its line is known."""
        position = self.offsets.to_utf16(offset)
        block = self.document().findBlock(position)
        bar = self.verticalScrollBar()
        bar.setValue(block.firstLineNumber())
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out if it was not yet
        line = block.layout().lineForTextPosition(position - block.position())
        if line.isValid():
            bar.setValue(block.firstLineNumber() + line.lineNumber())
        self._placed = (offset, bar.value())

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom + (1 if event.angleDelta().y() > 0 else -1))
        else:
            super().wheelEvent(event)

    def selection_range(self) -> tuple[int, int] | None:
        """The selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.to_code_point(cursor.selectionStart()), self.offsets.to_code_point(cursor.selectionEnd())

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def first_visible_offset(self) -> int:
        """The code-point offset of the first character at the top of the view: where the reader is (or the place
        held to be shown once the view is laid out)."""
        if self._held_place is not None:
            return self._held_place
        return self.offsets.to_code_point(self._first_line_start())

    def _first_line_start(self) -> int:
        """Where the first line shown begins, read as `_put_at_top` sets it: the scroll bar counts laid-out lines.
        (The viewport's top-left point lies in the document's margin, in the line above the first one shown: a
        place read there and given back crept up a line each time.)"""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        line = block.layout().lineAt(self.verticalScrollBar().value() - block.firstLineNumber())
        return block.position() + (line.textStart() if line.isValid() else 0)

    def show_from(self, offset: int) -> None:
        """Scroll so that the character at `offset` is at the top (a reading position, whatever the width). A view
        not shown yet (a pane being opened) has no width to lay its lines out at: the place is held until it is
        shown, or the line found at the wrong width would put the reader paragraphs above their place."""
        self._held_place = None  # a place asked for now outranks the one a resize was keeping
        offset = max(0, min(offset, len(self._text)))  # a place kept for a text since cut short: its end (it raised
        # once shown, audit DT F2)
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.offsets.to_utf16(offset), self.document().characterCount() - 1))
        if not self.isVisible():
            self.setTextCursor(cursor)
            self._held_place = offset
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())  # from the bottom, ensuring the cursor visible puts it at the top
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._placed = (offset, bar.value())

    def scroll_to(self, start: int) -> None:
        self._held_place = None  # as in show_from
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_utf16(start))
        self.setTextCursor(cursor)
        self.centerCursor()

    def flash(self, start: int, end: int, ranges: list[tuple[int, int]] | None = None) -> None:
        """Show where a passage is: scroll there and tint it (or only `ranges` inside it) for a moment. With ranges, the
        first of them is brought into view: a word found deep in a long passage was below the pane's edge. An empty
        passage (a document's title found) is only scrolled to."""
        self.scroll_to(ranges[0][0] if ranges else start)
        if start == end and not ranges:
            return
        flashed = [self._extra(first, last, flash_format(self.palette())) for first, last in ranges or [(start, end)]]
        self.setExtraSelections(flashed + self._marked)
        QTimer.singleShot(1500, self, lambda: self.setExtraSelections(self._marked))  # dies with the view

    @property
    def outlined(self) -> bool:
        """Whether an annotation is framed in the text."""
        return bool(self._marked)

    def mark_selected(self, span: tuple[int, int] | None) -> None:
        """Outline the selected annotation (a frame-like underline in the text colour), or none."""
        if span is None:
            self._marked = []
        else:
            mark = QTextCharFormat()
            mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            mark.setUnderlineColor(self.palette().color(QPalette.ColorRole.Text))
            mark.setFontOverline(True)
            self._marked = [self._extra(*span, mark)]
        self.setExtraSelections(self._marked)

    def _extra(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(self.document())
        selection.cursor.setPosition(self.offsets.to_utf16(start))
        selection.cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.format = fmt
        return selection

    def annotations_at_cursor(self) -> list[int]:
        """The highlights and notes the text cursor stands in (where a click left it)."""
        return [q.span.ref for q in self.index.at(self.textCursor().position())
                if q.span.kind in ("highlight", "note") and q.span.ref is not None]

    def spans_at(self, point: QPoint) -> list[QtSpan]:
        position = self.cursorForPosition(point).position()
        return self.index.at(position)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            texts = [self.describe(q.span) for q in self.spans_at(event.pos())]
            texts = [t for t in texts if t]
            if texts:
                QToolTip.showText(event.globalPos(), "\n\n".join(texts), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            self._select_whole_words()
        elif event.button() == Qt.MouseButton.LeftButton:
            spans = self.spans_at(event.position().toPoint())
            if spans:  # the reader's own highlight before a name inside it: its note is what a click goes on with
                own = [q for q in spans if q.span.kind in ("highlight", "note")]
                self.span_clicked.emit((own or spans)[0].span)

    def _select_whole_words(self) -> None:
        """A mouse selection as the reader means it (see `as_dragged`); the keyboard's is left as chosen."""
        cursor = self.textCursor()
        start, end = as_dragged(self._text, *self.selection_range())
        backwards = cursor.position() < cursor.anchor()
        self.select_range(*((end, start) if backwards else (start, end)))
