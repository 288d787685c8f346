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


def page_span(pages: Sequence[PageInfo], start: int, end: int) -> tuple[PageInfo, PageInfo] | None:
    """The pages a passage [start, end) begins and ends on (the page of its last character: a passage ending where
    a page ends lies on that page alone), or None when the document has no pages."""
    first = page_index_at(pages, start)
    if first is None:
        return None
    return pages[first], pages[page_index_at(pages, max(start, end - 1))]


def page_range(first: PageInfo, last: PageInfo | None = None) -> str:
    """The printed labels of the pages a passage runs over: "12", or "2–3" (an en dash, as citation styles write a
    range) when it ends on a later page; naming only the first sends the reader to the wrong page for its end."""
    return f"{first.label}–{last.label}" if _runs_on(first, last) else first.label


def page_citation(first: PageInfo, last: PageInfo | None = None) -> str:
    """How a citation names those pages: "p. 12", "p. iv", "pp. 2–3"; '' for a page without a label."""
    if not first.label:
        return ""
    return f"{'pp.' if _runs_on(first, last) else 'p.'} {page_range(first, last)}"


def _runs_on(first: PageInfo, last: PageInfo | None) -> bool:
    """Whether a passage beginning on `first` ends on a later page."""
    return last is not None and last.index != first.index
