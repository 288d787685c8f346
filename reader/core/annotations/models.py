"""Annotation dataclasses, aligned with the W3C Web Annotation model's selectors."""

from __future__ import annotations

from dataclasses import dataclass

QUOTE_CONTEXT = 32
HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "orange", "purple")


@dataclass(frozen=True)
class TextQuote:
    """A TextQuoteSelector: the exact text plus up to 32 code points of context either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Annotation:
    """A highlight (colour, maybe no note) or a note on [start, end) of one version's text, in code points."""

    id: int
    document_id: int
    version_id: int
    start: int
    end: int
    quote: TextQuote
    color: str
    note: str
    anchor_status: str  # "anchored" | "review" | "orphan"
    anchor_confidence: float
    created_at: str
    modified_at: str

    @property
    def is_note(self) -> bool:
        return bool(self.note.strip())


def quote_at(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> TextQuote:
    """The TextQuoteSelector for [start, end) of `text`."""
    return TextQuote(text[start:end], text[max(0, start - context):start], text[end:end + context])
