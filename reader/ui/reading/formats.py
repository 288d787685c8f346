"""How each kind of range looks: entity types, highlight colours, notes, links and boilerplate.

Colours are translucent tints over the palette's base, so they read on light and dark themes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from reader.core.models import Span

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "DATE")
LAYERS = (*ENTITY_TYPES, "highlights", "notes")
ENTITY_COLORS = {"PERSON": "#4e79a7", "PLACE": "#59a14f", "ORG": "#b07aa1", "DATE": "#f28e2b"}
HIGHLIGHT_TINTS = {"yellow": "#f2d024", "green": "#5cc95c", "blue": "#5aa7e6", "pink": "#ef7ab5",
                   "orange": "#f29a38", "purple": "#a77be0"}
OTHER_ENTITY_COLOR = "#9c755f"


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
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(color)
        color.setAlpha(40)
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
