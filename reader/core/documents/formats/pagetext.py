"""Writing a page's paragraphs into the text: lines unwrapped, words hyphenated at a line's end joined again.

"inter-" at the end of a line followed by "national" becomes "international"; a line ending in "Mongolian-" followed
by "Soviet" keeps its hyphen ("Mongolian-Soviet"), since a capital after the break marks a real compound. A hyphen
inside a line is never touched. Paragraphs are separated by a blank line.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.documents.extracted import TextBuilder, Word
from reader.core.documents.formats.layout import Paragraph

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


def write_paragraphs(builder: TextBuilder, page: int, paragraphs: list[Paragraph]) -> list[WrittenLine]:
    """Append the page's paragraphs; return the range of every line as written (for running-head detection; only
    the lines at the page's edges carry their text, the only ones that can be running heads)."""
    spans: list[tuple[int, int, list[Word]]] = []
    for paragraph in paragraphs:
        builder.separate("\n\n")
        for index, line in enumerate(paragraph):
            following = paragraph[index + 1].words[0].text if index + 1 < len(paragraph) else ""
            spans.append(_write_line(builder, page, line.words, following))
    count = len(spans)
    return [WrittenLine(page, s, e, i, count - 1 - i, " ".join(w.text for w in words) if min(i, count - 1 - i) < 2
                        else "") for i, (s, e, words) in enumerate(spans)]


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
