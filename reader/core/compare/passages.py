"""Passages: the units compared across sources — a paragraph, or a few sentences of a long one.

A paragraph is the unit a writer gives one episode; a long one (an abstract, a run-on page) is cut at sentence ends
into stretches of a few sentences, so one matching sentence is not drowned by the rest.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from reader.core.entities.calendar_words import GERMAN_OPENINGS, MONTH_NUMBERS

SPLIT_OVER = 900  # characters: longer paragraphs are cut
CHUNK = 450  # about this many characters per cut piece
MIN_TELLING = 60  # characters: shorter lines are headings, but for a sentence of a few words (see `_a_sentence`)
SENTENCE_WORDS, LOWER_CASE_WORDS = 5, 2
_SENTENCE_END = re.compile(r"(?<=[.!?…\"”»])\s+(?=[A-Z“\"«(‘'])")
_ELLIPSES = ("...", "…")
_MONTH_AFTER = re.compile(r"\s+(?:(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b|"
                          r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s*\d{4})", re.IGNORECASE)  # "Dez.", "XII. 1894"
_GERMAN_ORDINAL = re.compile(r"\b(?:am|im|zum|vom|beim|der|die|das|den|dem|des|und|oder|bis)[ \t]+\d{1,2}\Z",
                             re.IGNORECASE)  # "am 2. oder 3. Tag"
_GERMAN_OPENING = re.compile(r"\s+(?:" + "|".join(word.title() for word in GERMAN_OPENINGS) + r")\b")  # "am 17. Sie"
_DAY_FIGURE = re.compile(r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\Z")  # "22" of "am 22. Dezember 1894": a day's ordinal,
# as German writes it
_ASCII_LETTERS = frozenset(string.ascii_letters)
_YEAR_WORD = re.compile(r"\d{4}\s?(?:r|rr|г|гг)\.$")
_YEAR_WORDS_ENDING = ("r", "г")
# a full stop that ends an initial or a title, not a sentence: "I. V. Stalin", "P. Genden", "Mr. Amar"
_NOT_AN_END = re.compile(r"(?:^|[\s(“\"«‘'.])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Capt|Maj|Sgt|Gov|Sen|Prof|Rev|Jr|Sr|"
                         r"No|Vol|pp|vs|cf|etc)\.$")


@dataclass(frozen=True, slots=True)
class Piece:
    """A passage of one document: its range in the current text and the text itself."""

    document_id: int
    start: int
    end: int
    text: str = field(compare=False)  # a range names a passage; hashing its text would cost more than the rest


def passages(lines: list[tuple[int, int, int, str]]) -> list[Piece]:
    """The passages of the given indexed lines (document, start, end, text), in order."""
    found: list[Piece] = []
    for document_id, start, _end, body in lines:
        if len(body) <= SPLIT_OVER:
            found.append(Piece(document_id, start, start + len(body), body))
            continue
        found.extend(Piece(document_id, start + s, start + e, body[s:e]) for s, e in _chunks(body))
    return found


def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of a text end (the blank after each), not counting initials and titles, nor an ellipsis
    inside a quotation: there it marks words left out of what is quoted ("«Japan is encroaching on the borders of
    Mongolia ... How do you think to uphold your independence?»"), and the quotation goes on."""
    return [m.start() for m in _SENTENCE_END.finditer(text)
            if not _NOT_AN_END.search(text, max(0, m.start() - 6), m.start()) and not _ordinal_day(text, m.start() - 1)
            and not _abbreviates_a_year(text, m.start() - 1)
            and not (text.endswith(_ELLIPSES, 0, m.start()) and _inside_quotation(text, m.start()))]


def _ordinal_day(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` makes a figure an ordinal, which ends no sentence: a day's before its month
    ("am 22. Dezember 1894", "den 5. Januar"), or any after a German article or preposition ("am 17. Parteitag",
    "zum 2. Mal")."""
    if text[stop:stop + 1] != "." or not text[stop - 1:stop].isdecimal() or \
            not _DAY_FIGURE.search(text, max(0, stop - 3), stop):  # the pattern only where a figure ends
        return False
    return bool(_MONTH_AFTER.match(text, stop + 1)) or bool(_GERMAN_ORDINAL.search(text, max(0, stop - 10), stop)) \
        and not _GERMAN_OPENING.match(text, stop + 1)


def _inside_quotation(text: str, offset: int) -> bool:
    """Whether a quotation opened before `offset` is still open there (guillemets, curly or straight quotes)."""
    before = text[:offset]
    return (before.count("«") > before.count("»") or before.count("“") > before.count("”")
            or before.count('"') % 2 == 1)


def _chunks(body: str) -> list[tuple[int, int]]:
    """Sentence-bounded stretches of about CHUNK characters."""
    cuts = _sentence_ends(body)
    pieces, begin = [], 0
    for cut in cuts:
        if cut - begin >= CHUNK:
            pieces.append((begin, cut))
            begin = cut
    pieces.append((begin, len(body)))
    return [(s + len(body[s:e]) - len(body[s:e].lstrip()), e) for s, e in pieces]


def sentences(text: str) -> list[str]:
    """The sentences of a passage: what the encoder reads, each on its own (a paragraph often tells more than one
    thing, and its average would hide the sentence two sources share)."""
    return [text[begin:end] for begin, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text begins and ends, without the blanks around it."""
    cuts = [0, *_sentence_ends(text), len(text)]
    spans = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        part = text[begin:end]
        if part.strip():
            spans.append((begin + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())))
    return spans


def sentence_around(piece: Piece, offset: int) -> tuple[int, int]:
    """The sentence of a passage holding `offset` (of the document's text), as a range of the text."""
    for begin, end in sentence_spans(piece.text):
        if piece.start + begin <= offset < piece.start + end:
            return piece.start + begin, piece.start + end
    return piece.start, piece.end


def sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, as (begin, end) in `text`, by the quick rule for every dated mention of a
    corpus: a sentence ends at a line's end or at '. ' before a capital, not after an initial, a title or an
    abbreviation ("I. V. Stalin", "at 11.40 p.m. the ship", "On Dec. 1, 1934"); `sentence_spans` reads more."""
    stop = text.rfind(". ", 0, offset)
    while stop >= 0 and not _ends_sentence(text, stop):
        stop = text.rfind(". ", 0, stop)
    begin = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, offset) + 1)
    stop = text.find(". ", offset)
    while stop >= 0 and not _ends_sentence(text, stop):
        stop = text.find(". ", stop + 2)
    end, line = len(text) if stop < 0 else stop + 1, text.find("\n", offset)
    return begin, line if 0 <= line < end else end


def _ends_sentence(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` (before a blank) ends a sentence: a capital follows, and it ends no initial
    or title."""
    following = text[stop + 2:stop + 3]
    return following != "" and (following.isupper() or following in "“\"«‘'(") and \
        not _ends_abbreviation(text, stop) and not _ordinal_day(text, stop) and not _abbreviates_a_year(text, stop)


def _abbreviates_a_year(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` shortens the word for 'year' after a year: Polish "1936 r." (roku), Russian
    "1934 г." (года), "1934-1937 гг.": the sentence goes on ("W marcu 1936 r. Genden…" was cut there)."""
    return text[stop - 1:stop] in _YEAR_WORDS_ENDING and text[stop - 4:stop - 1].strip("rг ")[-1:].isdigit() and \
        _YEAR_WORD.search(text, max(0, stop - 9), stop + 1) is not None  # the pattern asked only after a figure


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an initial or a title (`_NOT_AN_END`). Only a letter of A to Z can, one
    of at most four after a blank or a bracket, so the pattern is asked only there: every dated sentence of a
    corpus is bounded by this, and asking it at each stop was a third of the cost."""
    if text[stop - 1:stop] not in _ASCII_LETTERS or stop >= 5 and text[stop - 5:stop].isalpha():
        return False
    return _NOT_AN_END.search(text, max(0, stop - 5), stop + 1) is not None


def rows_of(piece: Piece) -> list[str]:
    """What the encoder reads of a passage, one row each: its sentences, or the passage whole if it has none."""
    return sentences(piece.text) or [piece.text]


def telling(piece: Piece) -> bool:
    """Whether a passage tells something: a heading or a caption ("Joseph Stalin", "The Fall of Genden") names
    what a paragraph tells, and matches everything that names the same; a masthead ("Vol. LXXVI, No. 24,915 — New
    York, Tuesday, April 16, 1912") dates its paper. A full stop counts only where it ends no abbreviation."""
    text = piece.text.rstrip()
    if len(text) < MIN_TELLING:
        return _a_sentence(text)
    if any(mark in text for mark in "!?;:") or text.endswith(".") and not _NOT_AN_END.search(text, len(text) - 6):
        return True
    at = text.find(". ")
    while at >= 0 and _NOT_AN_END.search(text, max(0, at - 5), at + 1):
        at = text.find(". ", at + 2)
    return at >= 0


def short(piece: Piece) -> bool:
    """Whether a passage is a line shorter than a paragraph (a heading, or a one-line sentence that tells)."""
    return len(piece.text.rstrip()) < MIN_TELLING


def _a_sentence(text: str) -> bool:
    """Whether a short line is a sentence: a chronology's "Lindqvist died at Uppsala on 12 February 1899." tells a
    death, and was taken for a heading, so Parallels never offered it. A heading has no full stop; a by-line ("Photo
    by I. V. Stalin.") has few words in lower case; a dateline ("Москва, 15 ноября 1934 года.", "From our
    correspondent in Moscow, 15 November 1934.") has few words besides its date, or its date closes it after a comma:
    two papers of one day were each other's best parallel, 'corroborating'. Words of a date do not count."""
    from reader.core.entities.dates import find_dates

    if not text.endswith(".") or _NOT_AN_END.search(text, len(text) - 6):
        return False
    dates = find_dates(text)
    if dates and text[:dates[-1].start].rstrip().endswith(",") and not text[dates[-1].end:].strip(" ."):
        return False
    words = "".join(" " if any(d.start <= at < d.end for d in dates) else char for at, char in enumerate(text)).split()
    return len(words) >= SENTENCE_WORDS and sum(word[:1].islower() for word in words) >= LOWER_CASE_WORDS


class PassageIndex:
    """Which passage of a document an offset falls in."""

    def __init__(self, pieces: list[Piece]):
        self._by_document: dict[int, tuple[list[int], list[Piece]]] = {}
        for piece in pieces:
            starts, items = self._by_document.setdefault(piece.document_id, ([], []))
            starts.append(piece.start)
            items.append(piece)

    def within(self, document_id: int, start: int, end: int) -> list[Piece]:
        """The passages of a document starting in [start, end): each piece of a long line cut into pieces."""
        starts, items = self._by_document.get(document_id, ([], []))
        return items[bisect_left(starts, start):bisect_left(starts, end)]

    def at(self, document_id: int, offset: int) -> Piece | None:
        found = self._by_document.get(document_id)
        if found is None:
            return None
        starts, items = found
        index = bisect_right(starts, offset) - 1
        if index < 0 or offset >= items[index].end:
            return None
        return items[index]
