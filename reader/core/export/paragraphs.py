"""Paragraph numbers, as a reader counts a text's paragraphs: what a citation gives ("¶ 4").

A text with long lines has a paragraph a line. A text wrapped at a width (a typed transcription, a Project Gutenberg
file) has its paragraphs over several lines, and says where one opens in one of a few ways a reader sees at once: a
blank line before it, a line short of the width ending the one before, a first-line indent (or a hanging one), a
list's or a note's mark, a speaker's name before a turn.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from reader.core.ranges import merge
from reader.core.wrapping import hard_wrapped

FULL_LINE = 0.5  # of the width a text is wrapped at: a line shorter than that ends its paragraph (typed lines are
# ragged, a tenth or a third short of the width)
BLOCKS_AT_LEAST, LINES_A_BLOCK = 3, 15  # a text of this many blocks between blank lines, of at most so many lines on
# average, stands its paragraphs between blank lines
_MARK = re.compile(r"(?:\d{1,3}[.)]|(?P<letter>[a-z])(?P<style>[.)])|(?P<capital>[A-Z])[.)]|[ivx]{2,4}[.)]|"
                   r"\(\w{1,3}\)|\[\d{1,3}\]|[•▪◦‣*]|(?P<dash>[-–—]))\s")  # "1. ", "b) ", "B. ", "ii. ", "(a) ",
# "[2] ", "• ", a list's "- " or a dialogue's "— "
_LAST_OF_AN_ITEM = re.compile(r"(?:[.:;,!?)\]”\"»]|\band|\bor)$")  # how an item, a note or a turn before one ends
_SENTENCE_ENDS = re.compile(r"[.!?:…”\"»]$")
_END_OF_A_TURN = re.compile(r"[.:;!?…”\"»]$")  # an item or a turn opening with a dash ends a sentence before it
_SPEAKER = re.compile(r"[A-ZА-ЯЁ][\w.'’-]*(?: [A-ZА-ЯЁ][\w.'’-]*){0,2}:\s")  # "GENDEN: ", "Comrade Stalin: "


@dataclass(frozen=True)
class _Line:
    """A line with words: where it starts, its length and indent, and whether a line with words is right before."""

    start: int
    length: int
    after: bool
    indent: int
    opening: str  # its words from the first, as far as a mark or a speaker's name would go
    closing: str  # its last characters, as far as the last word a list's item may end with ("and")

    @property
    def mark(self) -> re.Match | None:
        return _MARK.match(self.opening)

    @property
    def spoken(self) -> bool:
        return _SPEAKER.match(self.opening) is not None


def paragraph_starts(text: str, boilerplate: tuple | list = ()) -> list[int]:
    """Where each paragraph of a text starts, as a reader counts them: every line with words, headings included,
    the adverts and footers around an article (its boilerplate) left out; in a text wrapped at a width, as
    `_Layout` reads it: a transcription's every line was a paragraph, "¶ 12" of two."""
    lines = _lines(text, boilerplate)
    if not hard_wrapped([line.length for line in lines]):
        return [line.start for line in lines]
    layout = _Layout(lines)
    return [line.start for number, line in enumerate(lines) if layout.opens(number)]


def paragraph_at(starts: list[int], offset: int) -> int | None:
    """The number (from 1) of the paragraph holding `offset`, given `paragraph_starts`."""
    return bisect_right(starts, offset) or None


def _lines(text: str, boilerplate) -> list[_Line]:
    hidden = merge((span.start, span.end) for span in boilerplate)
    hidden_starts = [start for start, _ in hidden]
    lines, offset, after_one = [], 0, False
    for line in text.split("\n"):
        index = bisect_right(hidden_starts, offset) - 1
        shown = bool(line.strip()) and not (index >= 0 and offset < hidden[index][1])
        if shown:
            words = line.lstrip()
            lines.append(_Line(offset, len(line), after_one, len(line) - len(words), words[:40], line.rstrip()[-4:]))
        after_one, offset = shown, offset + len(line) + 1
    return lines


class _Layout:
    """How a wrapped text sets out its paragraphs, read from its lines: the width it is wrapped at, the indent of
    the lines that go on from a full line (none, or a hanging indent's), the indent its paragraphs open with where
    that differs (a first-line indent, or a hanging indent's margin), whether blank lines stand between its
    paragraphs, and whether it is a dialogue (speakers' names before their turns)."""

    def __init__(self, lines: list[_Line]):
        self._lines = lines
        self.width = sorted(line.length for line in lines)[int(len(lines) * 0.9)]
        self.going_on = _most_common(line.indent for before, line in zip(lines, lines[1:], strict=False)
                                     if line.after and self._full(before)) or 0
        first = _most_of([line.indent for before, line in zip(lines, lines[1:], strict=False)
                          if not line.after or not self._full(before)])  # (the text's first line: its title)
        self.first_indent = first if first is not None and first != self.going_on else None
        blocks = sum(not line.after for line in lines)
        several = sum(not line.after and after.after for line, after in zip(lines, lines[1:], strict=False))
        short_inside = sum(line.after and self._ends_a_paragraph(before, line)
                           for before, line in zip(lines, lines[1:], strict=False))
        self.blocked = blocks >= BLOCKS_AT_LEAST and len(lines) <= LINES_A_BLOCK * blocks and short_inside < several
        # (blocks of several lines, few ending a paragraph within them: a section's or a letter's paragraphs end
        # short; a stanza's short lines, a refrain set in or a free verse's line going on, end none)
        self.dialogue = sum(line.spoken for line in lines) >= 2
        self._items = _items(lines)
        self._hanging = _hanging(lines, self._items)

    def opens(self, number: int) -> bool:
        """Whether a line opens a paragraph: after a blank line, or with a list's or a note's mark or a speaker's
        name. Where blank lines stand between paragraphs, those tell (a stanza's short line or its set-in lines
        open none), and an indent only where the text opens its paragraphs set in; else after a line short of the
        width, with the text's own opening indent (a one-line paragraph set in opens the next too), or set in
        otherwise than the line before and the lines that go on (a block quote's lines, set in alike, are one)."""
        line = self._lines[number]
        if not line.after:
            return True
        if number in self._hanging:
            return False
        before = self._lines[number - 1]
        if (number in self._items or self.dialogue and line.spoken) and (
                number - 1 in self._items or _LAST_OF_AN_ITEM.search(before.closing)):
            return True  # ("… under section\n7. This" goes on: a mark opens after an item, or where one could end)
        opening_indent = self.first_indent is not None and line.indent == self.first_indent
        if self.blocked:
            return opening_indent and self.first_indent > self.going_on
        return not self._full(before) or opening_indent or line.indent not in (before.indent, self.going_on)

    def _full(self, line: _Line) -> bool:
        return line.length >= FULL_LINE * self.width

    def _ends_a_paragraph(self, line: _Line, after: _Line) -> bool:
        """Whether a line short of the width ends a paragraph of prose before the next: a sentence ends with it,
        the next opens with a capital, not set in less than it."""
        return (not self._full(line) and _SENTENCE_ENDS.search(line.closing) is not None
                and after.opening[:1].isupper() and line.indent <= after.indent)


def _items(lines: list[_Line]) -> set[int]:
    """The lines opening with a list's or a note's mark: a letter only in its series within a block ("a)", "b)" …,
    or a roman figure's "i.", "v."; "d. 1005" of an archival reference opens none; a capital's from "A."), a dash
    only where several lines open with it, each after an item or a sentence's end (a dash in prose, typed " - " or
    "—", opens none)."""
    found, letter = set(), ""
    dashes = Counter(mark["dash"] for line in lines if (mark := line.mark) and mark["dash"])
    lettered = _capitals_in_series(lines)
    for number, line in enumerate(lines):
        letter = letter if line.after else ""  # a series runs within a block
        if (mark := line.mark) is None or mark["capital"] and number not in lettered:
            continue
        if mark["letter"]:
            if mark["letter"] not in "aivx" and letter != f"{chr(ord(mark['letter']) - 1)}{mark['style']}":
                continue
            letter = mark["letter"] + mark["style"]
        if mark["dash"] and (dashes[mark["dash"]] < 2 or number == 0 or not (
                number - 1 in found or _END_OF_A_TURN.search(lines[number - 1].closing))):
            continue
        found.add(number)
    return found


def _capitals_in_series(lines: list[_Line]) -> set[int]:
    """The lines opening with "A.", "B." … in a run of two or more from A: a capital alone is an initial ("I. V.
    Stalin", "P. Genden" open many a line)."""
    found, run = set(), []
    for number, line in enumerate(lines):
        capital = (mark := line.mark) and mark["capital"]
        if not capital:
            continue
        if capital == "A" or run and ord(capital) == ord(lines[run[-1]].mark["capital"]) + 1:
            run = [*run, number] if capital != "A" else [number]
        else:
            run = []
        if len(run) >= 2:
            found.update(run)
    return found


def _hanging(lines: list[_Line], items: set[int]) -> set[int]:
    """The lines going on from an item, set in as far as its words after the mark ("1. Redistributions …" /
    "   notice, …"): otherwise than the line before, they had opened paragraphs of their own."""
    found, column = set(), 0
    for number, line in enumerate(lines):
        if number in items:
            column = line.indent + line.mark.end()
        elif line.after and column and line.indent == column:
            found.add(number)
        else:
            column = 0
    return found


def _most_common(values) -> int | None:
    found = Counter(values).most_common(1)
    return found[0][0] if found else None


def _most_of(values: list[int]) -> int | None:
    """The value more than half of `values` are, if one is: a paragraph's opening indent is the text's habit (a
    block quote opening after a blank line is no first-line indent)."""
    found = _most_common(values)
    return found if found is not None and values.count(found) * 2 > len(values) else None
