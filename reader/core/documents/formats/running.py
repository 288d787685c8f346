"""Running heads, footers and page numbers of a paged document, found by what recurs at the pages' edges.

A line among the first or last two of a page is a running line when the same text (its folio counted as equal, so
"Page 12" matches "Page 13", and a bare folio "xiv" matches "15") stands at that edge of several pages. A footnote
stands there too, but is no running line: its note number and its own numbers ("1. Central Archive, fond 17, opis 2,
delo 5.") are kept, so notes of one pattern do not match. Running lines are returned as boilerplate ranges and never
deleted: the reader may still want them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from reader.core.documents.formats.pagetext import WrittenLine

EDGE_LINES = 2
DENSITY = 0.4  # share of the pages between its first and last that a running line stands on
_DIGITS = re.compile(r"\d+")
_ROMAN_FOLIO = re.compile(r"^[ivxlcdm]+$")
_NOTE_NUMBER = re.compile(r"^(\d+[.)]|\[\d+\])\s")  # "1. ", "2) ", "[3] " open a footnote, never a folio
_FOLIO_AT_ENDS = re.compile(r"^\d+|\d+$")
FOLIO_LINE_NUMBERS = 2  # "Page 12 of 300": a line with no more numbers than this may vary in all of them


def running_lines(lines: list[WrittenLine], page_count: int) -> tuple[tuple[int, int], ...]:
    """Ranges of the lines that recur at the top or the bottom of enough pages."""
    if page_count < 3:
        return ()
    needed = min(3, max(2, page_count // 2))
    edges = [(line, key) for line in lines if (key := _edge_key(line)) is not None]
    pages: dict[tuple[str, str], set[int]] = defaultdict(set)
    for line, key in edges:
        pages[key].add(line.page)
    running = {key for key, found in pages.items() if len(found) >= needed and _dense(found)}
    return tuple((line.start, line.end) for line, key in edges if key in running and not _title_line(line, key))


def _title_line(line: WrittenLine, key: tuple[str, str]) -> bool:
    """The head of the first page stays content: a running head usually repeats the title printed there."""
    return line.page == 0 and key[0] == "top"


def _dense(pages: set[int]) -> bool:
    """A running head stands on every page, or every other one, of its stretch; a chapter heading ("Chapter 3",
    digits being equal) recurs too, but only every dozen pages or so."""
    return len(pages) >= DENSITY * (max(pages) - min(pages) + 1)


def _edge_key(line: WrittenLine) -> tuple[str, str] | None:
    """('top'|'bottom', normalised text) for a line at a page's edge, else None."""
    if line.from_top < EDGE_LINES:
        edge = "top"
    elif line.from_bottom < EDGE_LINES:
        edge = "bottom"
    else:
        return None
    text = " ".join(line.text.split()).casefold()
    if not text:
        return None
    return edge, "#" if _ROMAN_FOLIO.match(text) else _folio_equalised(text)


def _folio_equalised(text: str) -> str:
    """The text with the numbers a folio may be counted as equal: all of a line with few numbers ("Page 12 of 300"),
    else only a number at either end ("123 JOURNAL OF ASIAN STUDIES 45 (1986)"), never a note number."""
    note = _NOTE_NUMBER.match(text)
    head, rest = (note.group(), text[note.end():]) if note else ("", text)
    if len(_DIGITS.findall(rest)) <= FOLIO_LINE_NUMBERS:
        return head + _DIGITS.sub("#", rest)
    return head + _FOLIO_AT_ENDS.sub("#", rest)
