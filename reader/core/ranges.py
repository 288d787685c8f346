"""Interval arithmetic over half-open [start, end) code-point ranges, shared by boilerplate, search and painting."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

Interval = tuple[int, int]
WORD_JOINERS = frozenset("\u00ad\u034f\u180e\u200c\u200d\u2060")  # soft hyphen, grapheme joiner, Mongolian
# vowel separator, zero-width (non-)joiners, word joiner: written inside words
UNSPACED_SCRIPTS = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u9fff"
                    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002ffff")  # Thai, Lao, Burmese, Khmer, kana, Han: no
# spaces part their words (as a character class's ranges)
_UNSPACED = re.compile(f"[{UNSPACED_SCRIPTS}]")


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same positions (touching ones joined)."""
    merged: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def subtract(intervals: Iterable[Interval], cut: Interval) -> list[Interval]:
    """The positions of `intervals` outside `cut`."""
    kept: list[Interval] = []
    for start, end in merge(intervals):
        if start < cut[0]:
            kept.append((start, min(end, cut[0])))
        if end > cut[1]:
            kept.append((max(start, cut[1]), end))
    return kept


def total_length(intervals: Iterable[Interval]) -> int:
    return sum(end - start for start, end in merge(intervals))


def overlaps(intervals: list[Interval], start: int, end: int) -> bool:
    """Whether [start, end) touches any of the merged `intervals` (linear; callers pass short lists)."""
    return any(s < end and start < e for s, e in intervals)


def overlaps_merged(merged: list[Interval], start: int, end: int) -> bool:
    """Whether [start, end) touches any of `merged` (sorted and disjoint, as `merge` returns): a binary search."""
    before_end = bisect_left(merged, end, key=lambda interval: interval[0])
    return before_end > 0 and merged[before_end - 1][1] > start


def whole_words(text: str, start: int, end: int, widen_start: bool = True, widen_end: bool = True) -> Interval:
    """[start, end) widened so that neither edge cuts a word (word characters on both sides of it): a word the
    text joined across a line's hyphen ('inter-' 'national') is one word to select or quote."""
    while widen_start and 0 < start < end and in_word(text[start - 1]) and in_word(text[start]):
        start -= 1
    while widen_end and start < end < len(text) and in_word(text[end - 1]) and in_word(text[end]):
        end += 1
    return start, end


def as_dragged(text: str, start: int, end: int) -> Interval:
    """A mouse selection as a reader means it: widened to whole words, as word processors do, without the blanks at
    its edges (a drag seldom starts and ends exactly between letters: a quote kept 'enden broke the precious pi', or
    ' entry'). One inside a word is left as chosen: a reader may mean those letters."""
    if all(in_word(character) for character in text[start:end]):
        return start, end
    return without_blanks(text, *whole_words(text, start, end))


def without_blanks(text: str, start: int, end: int) -> Interval:
    """[start, end) without the blanks at its edges, the invisible ones too (a zero-width space, a soft hyphen, a
    byte-order mark, as web and PDF texts hold them): a drag begun in the space before a word stored the space in
    the quote (" entry"), which the exports then carried. A range of blanks alone is left as it is."""
    if all(is_blank(character) for character in text[start:end]):
        return start, end
    while is_blank(text[start]):
        start += 1
    while is_blank(text[end - 1]):
        end -= 1
    return start, end


def is_blank(character: str) -> bool:
    return character.isspace() or unicodedata.category(character) == "Cf"


def in_word(char: str) -> bool:
    """Whether a character is part of a word for selecting whole words: letters and digits, and the marks and
    joiners written inside words (a decomposed ü's diaeresis, Arabic vowel signs, Tibetan subjoined letters, the
    Mongolian vowel separator); a drag stopped at them and stored cut words. Scripts that part no words by spaces
    (Chinese, Japanese, Thai…) are not widened: their 'words' would be whole sentences."""
    if char in WORD_JOINERS or unicodedata.category(char)[0] == "M":
        return True
    return char.isalnum() and not _UNSPACED.match(char)


def quote_without(quote: str, start: int, hidden: Sequence[Interval]) -> str:
    """A passage's words as a citation quotes them: `quote` (the text from offset `start`) without the `hidden`
    ranges (boilerplate, merged as `merge` returns it) lying strictly inside it, the pieces joined by a space. A
    passage over a page break crosses the folio and running head, which are the page's, not the author's words;
    boilerplate the passage begins or ends in was chosen with it and stays."""
    end = start + len(quote)
    inside = hidden[bisect_right(hidden, start, key=lambda interval: interval[0]):
                    bisect_left(hidden, end, key=lambda interval: interval[0])]
    cuts = [(cut_start - start, cut_end - start) for cut_start, cut_end in inside if cut_end < end]
    if not cuts:
        return quote
    bounds = [0, *(offset for cut in cuts for offset in cut), len(quote)]
    pieces = (quote[bounds[i]:bounds[i + 1]].strip() for i in range(0, len(bounds), 2))
    return " ".join(piece for piece in pieces if piece)
