"""How each kind of range looks: entity types, highlight colours, notes, links, boilerplate and headings, as character
formats.

Colours are translucent tints over the palette's base, so they read on light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat

from reader.core.records.documents import Span
from reader.ui.colors import (
    ENTITY_COLORS,
    ENTITY_TYPES,
    HIGHLIGHT_ALPHA,
    HIGHLIGHT_TINTS,
    OTHER_ENTITY_COLOR,
    UNCERTAIN_COLOR,
)


def layer_of(span: Span) -> str:
    """The legend layer a span belongs to ('' for layers the legend does not toggle, e.g. boilerplate)."""
    if span.kind == "mention":
        return span.label if span.label in ENTITY_TYPES else "PERSON" if not span.label else span.label
    return {"highlight": "highlights", "note": "notes", "link": "notes"}.get(span.kind, "")


def span_format(span: Span, palette: QPalette) -> QTextCharFormat:
    """The character format painted for one span."""
    fmt = QTextCharFormat()
    if span.kind == "mention":
        # Entities are a coloured underline only, so that a user's highlight (a background) stays visible on a
        # name or a date; a doubtful one is dotted (register > Doubtful).
        color = QColor(ENTITY_COLORS.get(span.label, OTHER_ENTITY_COLOR))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if span.doubtful
                              else QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color)
    elif span.kind in ("highlight", "note"):
        tint = QColor(HIGHLIGHT_TINTS.get(span.label, HIGHLIGHT_TINTS["yellow"]))
        tint.setAlpha(HIGHLIGHT_ALPHA["light" if palette.color(QPalette.ColorRole.Base).lightness() > 128 else "dark"])
        fmt.setBackground(tint)
        if span.doubtful:  # a place proposed after the text changed, awaiting review: the words may not be its own
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(UNCERTAIN_COLOR))
        elif span.kind == "note":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
    elif span.kind == "boilerplate":
        fmt.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    elif span.kind == "heading":  # bold only: a size of its own would not follow the pane's zoom
        fmt.setFontWeight(QFont.Weight.Bold)
    elif span.kind == "uncertain":  # an OCR word to check against the page image
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(UNCERTAIN_COLOR))
    return fmt


def page_color(span: Span) -> QColor | None:
    """The colour a span is drawn in over the page image (multiplied over it: the print stays legible)."""
    if span.kind in ("highlight", "note"):
        tint = QColor(HIGHLIGHT_TINTS.get(span.label, HIGHLIGHT_TINTS["yellow"]))
        tint.setAlpha(150)  # as light as the tint in the text
        return tint
    if span.kind == "mention":
        color = QColor(ENTITY_COLORS.get(span.label, OTHER_ENTITY_COLOR))
        return color.lighter(170)
    return QColor(UNCERTAIN_COLOR) if span.kind == "uncertain" else None


def flash_format(palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(palette.color(QPalette.ColorRole.Highlight).lighter(130))
    return fmt
