"""Search results drawn with the matched words in bold on a tint, the document's title first.

Why a delegate: a tree item shows plain text, and the index marks matches with brackets, which read as noise.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from reader.core.storage.search_hits import HIT_CLOSE, HIT_OPEN

HTML_ROLE = 0x0100 + 7  # Qt.ItemDataRole.UserRole + 7: the row as HTML


def snippet_html(title: str, marked: str) -> str:
    """'Title — …text with a match…' as HTML (`marked`: a hit's snippet, its matches marked, see Hit): the title in
    small caps of grey, each match bold on a tint, the text's own brackets ("[sic]") as written."""
    body = escape(marked).replace(HIT_OPEN, "<b style='background-color:rgba(255,200,0,90)'>").replace(HIT_CLOSE,
                                                                                                       "</b>")
    head = f"<span class='title'>{escape(title)}</span> — " if title else ""
    return head + body


def _row_width(option: QStyleOptionViewItem, index: QModelIndex) -> int:
    """The width a tree's row is drawn at: its viewport's, less the indent of its level. A size hint is asked before
    the row has a rectangle; laid out at a guess of a few dozen pixels, a two-line snippet took a dozen lines."""
    view = option.widget
    if not isinstance(view, QTreeView):
        return option.rect.width()
    depth, parent = 0, index.parent()
    while parent.isValid():
        depth, parent = depth + 1, parent.parent()
    return max(80, view.viewport().width() - view.indentation() * (depth + int(view.rootIsDecorated())))


class SnippetDelegate(QStyledItemDelegate):
    """Paints a row's HTML (when it has some) in the view's font and colours."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(html, option, selected)
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        option.rect.setWidth(_row_width(option, index))  # the width the row is drawn at, not a narrow guess
        document = self._document(html, option)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    @staticmethod
    def _document(html: str, option: QStyleOptionViewItem, selected: bool = False) -> QTextDocument:
        """The row laid out; the title is grey, but on a selected row in the selection's text colour (grey on the
        selection's blue could hardly be read)."""
        document = QTextDocument()
        document.setDefaultFont(option.font)
        title = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor("gray")
        document.setDefaultStyleSheet(f".title {{ color: {title.name()}; }}")
        document.setDocumentMargin(2)
        document.setHtml(html)
        document.setTextWidth(max(80, option.rect.width()))
        return document
