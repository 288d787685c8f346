"""Pages of a stored version and the words on them, as the page view, citations and exports read them."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    """One page of a version: its slice [start, end) of the text, its printed label and its size in page units
    (PDF points, or pixels of an image); `origin` is "ocr" when its text was recognised from the image."""

    index: int
    label: str
    start: int
    end: int
    width: float
    height: float
    origin: str = "text"


@dataclass(frozen=True, slots=True)
class WordBox:
    """Where one word [start, end) of the text stands on its page: top-left origin, in the page's units."""

    start: int
    end: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class UncertainWord:
    """An OCR word below the confidence threshold, shown marked so the historian checks it against the image."""

    start: int
    end: int
    confidence: float


def page_index_at(pages: Sequence[PageInfo], offset: int) -> int | None:
    """The index (into `pages`) of the page holding `offset`: the last page starting at or before it."""
    if not pages:
        return None
    found = bisect_right([page.start for page in pages], offset) - 1
    return max(0, found)


def page_citation(label: str) -> str:
    """How a citation names a page: "p. 12", "p. iv"."""
    return f"p. {label}" if label else ""
