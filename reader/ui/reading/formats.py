"""How each kind of range looks: entity types, highlight colours, notes, links and boilerplate, as character formats.

Colours are translucent tints over the palette's base, so they read on light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from reader.core.records.documents import Span
from reader.ui.reading.colors import ENTITY_COLORS, ENTITY_TYPES, HIGHLIGHT_TINTS, OTHER_ENTITY_COLOR


def layer_of(span: Span) -> str:
    """The legend layer a span belongs to ('' for layers the legend does not toggle, e.g. boilerplate)."""
    if span.kind == "mention":
        return span.label if span.label in ENTITY_TYPES else "PERSON" if not span.label else span.label
    return {"highlight": "highlights", "note": "notes", "link": "notes"}.get(span.kind, "")


def span_format(span: Span, palette: QPalette) -> QTextCharFormat:
    """The character format painted for one span."""
    fmt = QTextCharFormat()
    if span.kind == "mention":
        color = QColor(ENTITY_COLORS.get(span.label, OTHER_ENTITY_COLOR))
        doubtful = span.doubtful  # lighter, dotted: the user confirms rather than hunts (register > Doubtful)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if doubtful
                              else QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color)
        color.setAlpha(15 if doubtful else 40)
        fmt.setBackground(color)
    elif span.kind in ("highlight", "note"):
        tint = QColor(HIGHLIGHT_TINTS.get(span.label, HIGHLIGHT_TINTS["yellow"]))
        tint.setAlpha(110)
        fmt.setBackground(tint)
        if span.kind == "note":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
    elif span.kind == "boilerplate":
        fmt.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
    return fmt


def flash_format(palette: QPalette) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(palette.color(QPalette.ColorRole.Highlight).lighter(130))
    return fmt
