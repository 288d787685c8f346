"""Writing a page's paragraphs into the text: lines unwrapped, words hyphenated at a line's end joined again.

"inter-" at the end of a line followed by "national" becomes "international"; a line ending in "Mongolian-" followed
by "Soviet" keeps its hyphen ("Mongolian-Soviet"), since a capital after the break marks a real compound. A hyphen
inside a line is never touched. Paragraphs are separated by a blank line.

The same holds over a page break: a word hyphenated at the foot of a page is joined with the next page's first word,
and a sentence cut by the break goes on. The lines in a page's margins (running head, folio) are then written beside
the paragraph that runs over, so that it stays whole and they stay lines of their own (boilerplate, left out of
search): the folio before the page's last paragraph, the next page's running head after its first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from reader.core.documents.extracted import TextBuilder, Word
from reader.core.documents.formats.layout import EDGE_SHARE, SENTENCE_ENDS, Line, Paragraph, runs_on

LINE_END_HYPHENS = ("-", "\u00ad", "\u2010", "\ufffe")  # pdfium reports a hyphen it saw at a line's end as U+FFFE


@dataclass(frozen=True)
class WrittenLine:
    """A line as it landed in the text: its range, and its rank from the page's top and from its bottom."""

    page: int
    start: int
    end: int
    from_top: int
    from_bottom: int
    text: str


class PageParts(NamedTuple):
    """A page's paragraphs in reading order, its margin lines (running head; folio, footer) apart, one a paragraph."""

    head: list[Paragraph]
    body: list[Paragraph]
    foot: list[Paragraph]


def page_parts(paragraphs: list[Paragraph], page_height: float) -> PageParts:
    """Set apart the first lines standing in the top margin and the last ones in the bottom margin, each with a blank
    line's gap to the text: they may be written elsewhere on the page than the text beside them."""
    lines = [line for paragraph in paragraphs for line in paragraph]
    head = 0
    while head < len(lines) and _in_margin(lines[head], lines[head + 1: head + 2], page_height, top=True):
        head += 1
    end = len(lines)
    while end > head and _in_margin(lines[end - 1], lines[end - 2:end - 1], page_height, top=False):
        end -= 1
    margin = {id(line) for line in lines[:head] + lines[end:]}
    body = [kept for paragraph in paragraphs if (kept := [line for line in paragraph if id(line) not in margin])]
    return PageParts([[line] for line in lines[:head]], body, [[line] for line in lines[end:]])


def _in_margin(line: Line, neighbour: list[Line], page_height: float, top: bool) -> bool:
    """In the top or bottom share of the page that heads and folios stand in, and a blank line away from the text
    (the last line of a tightly cropped scan is text, not a margin line)."""
    if (line.centre >= EDGE_SHARE * page_height) if top else (line.centre <= (1 - EDGE_SHARE) * page_height):
        return False
    if not neighbour:
        return True
    gap = neighbour[0].top - line.bottom if top else line.top - neighbour[0].bottom
    return gap > line.height


def following_word(before: PageParts, after: PageParts, continues: bool) -> str:
    """The word the next page begins with when `before`'s last line runs on into it (a hyphenated word, a sentence
    cut by the break), else "". The line must follow the text above it within a blank line (a folio or footer set
    apart, but missed as margin, must never be glued to the text); a page that goes on from the one before in a
    single paragraph runs on only if it can be cut after a sentence, where its margin lines then go."""
    lines = [line for paragraph in before.body for line in paragraph]
    if len(lines) < 2 or not after.body:
        return ""
    if continues and len(before.body) == 1 and _sentence_cut(before.body[0]) is None:
        return ""
    last, first = lines[-1], after.body[0][0]
    close = last.top - lines[-2].bottom <= last.height
    return first.words[0].text if close and runs_on(last, first) else ""


def _sentence_cut(paragraph: Paragraph) -> int | None:
    """Where a paragraph filling a page may be cut to make room for the margin lines: after its first line, not the
    last, that ends a sentence."""
    return next((index + 1 for index, line in enumerate(paragraph[:-1])
                 if line.words[-1].text.endswith(SENTENCE_ENDS)), None)


def _written_order(parts: PageParts, continues: bool, runs_on_: bool) -> list[Paragraph]:
    """Paragraphs as written: a first paragraph that goes on from the page before comes before the running head, a
    last one that runs on into the next page after the folio."""
    body = parts.body
    if continues and runs_on_ and len(body) == 1:
        cut = _sentence_cut(body[0])
        body = [body[0][:cut], body[0][cut:]]
    first = 1 if continues else 0
    last = len(body) - 1 if runs_on_ else len(body)
    return [*body[:first], *parts.head, *body[first:last], *parts.foot, *body[last:]]


def write_page(builder: TextBuilder, page: int, parts: PageParts, continues: bool = False,
               following: str = "") -> list[WrittenLine]:
    """Append the page's paragraphs, the first straight after the page before when `continues`, the last joined with
    `following` (the next page's first word); return the range of every line as written, ranked by reading order
    (for running-head detection; only the lines at the page's edges carry their text, the only ones that can be
    running heads)."""
    reading = [line for paragraph in (*parts.head, *parts.body, *parts.foot) for line in paragraph]
    rank = {id(line): index for index, line in enumerate(reading)}
    order = _written_order(parts, continues, bool(following))
    spans: list[tuple[int, tuple[int, int, list[Word]]]] = []
    for number, paragraph in enumerate(order):
        if number or not continues:
            builder.separate("\n\n")
        ends_with = following if number == len(order) - 1 else ""
        for index, line in enumerate(paragraph):
            after = paragraph[index + 1].words[0].text if index + 1 < len(paragraph) else ends_with
            spans.append((rank[id(line)], _write_line(builder, page, line.words, after)))
    count = len(reading)
    return [WrittenLine(page, s, e, i, count - 1 - i, " ".join(w.text for w in words) if min(i, count - 1 - i) < 2
                        else "") for i, (s, e, words) in spans]


def _write_line(builder: TextBuilder, page: int, words: list[Word], following: str) -> tuple[int, int, list[Word]]:
    """Write one line's words; the line is followed by a space unless its last word continues on the next line."""
    joined_on = following and words[-1].text.endswith(LINE_END_HYPHENS)
    if joined_on:
        words = [*words[:-1], _hyphen_at_end(words[-1], following)]
    if any("\ufffe" in word.text or "\u00ad" in word.text for word in words):
        words = list(map(_without_soft_hyphens, words))
    words = [word for word in words if word.text]  # a lone soft hyphen, or a break hyphen alone, leaves nothing
    if not words:
        return builder.length, builder.length, []
    start, end = builder.add_words(words, page)
    if following and not joined_on:
        builder.add(" ")
    return start, end, words


def _hyphen_at_end(word: Word, following: str) -> Word:
    """Drop a break hyphen before a lower-case continuation; keep a real one (before a capital or digit)."""
    stem = word.text[:-1]
    if following[:1].islower() or word.text.endswith(("\u00ad", "\ufffe")) and not following[:1].isupper():
        return word._replace(text=stem)
    return word._replace(text=stem + "-")


def _without_soft_hyphens(word: Word) -> Word:
    if "\ufffe" in word.text or "\u00ad" in word.text:
        return word._replace(text=word.text.replace("\ufffe", "-").replace("\u00ad", ""))
    return word
