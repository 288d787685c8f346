"""Re-anchoring: finding where an annotation's passage went in a new version of its document.

The approach of the Hypothesis client's quote matching, helped by the fact that we still have the old text:
1. position check: the old offsets, carried through a diff of old and new text, still hold the exact quote;
2. exact search for the quote near the mapped position (then anywhere), scored on context and distance;
3. fuzzy search (rapidfuzz) around the mapped position, scored on quote, prefix, suffix and distance.
Every result has a confidence in [0, 1]; callers move an annotation silently above `MOVE_THRESHOLD` when the place
says the quote's words (a typo corrected at most) and is new text or the passage's own edited place, never onto words
that were there before as another passage (the same name in the sentence before a deleted one). They put it in review
when some candidate replaced it or gives most of its words, and keep it as an orphan (with its quote) otherwise.
Pure functions: no I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, LCSseq

from reader.core.lexicon import words_of
from reader.core.number_words import NUMBER_WORDS, ORDINALS
from reader.core.ranges import in_word, whole_words, without_blanks
from reader.core.records.annotations import ANCHORED, ORPHAN, QUOTE_CONTEXT, REVIEW, TextQuote
from reader.core.shared_text import CHAR_DIFF_LIMIT, common_prefix_length, edges_score, shared_blocks, shifts

MOVE_THRESHOLD = 0.8
REVIEW_MIN_QUOTE_SIMILARITY = 0.5
REVIEW_MIN_WORDS = 0.5  # ... and, away from where the passage was, the share of its words a proposal must give
CONTEXT_HOLDS = 0.6  # similarity of the text before or after a place to the quote's, for the place to be its own
SAME_WORD = 70  # rapidfuzz ratio from which two words are one word mistyped (Satlin, Stalin: 83; Buriads, Buryats:
# 71), where November and December (62) are two months
TYPO_WORD_LETTERS = 4  # a letter lost or doubled at the edge of a word this long is a typo; of a shorter, a word
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
NEAR_WINDOW = 2000
MAX_CANDIDATES = 200


@dataclass(frozen=True)
class Anchor:
    """Where an annotation was in the old text, and what it quoted there."""

    start: int
    end: int
    quote: TextQuote


@dataclass(frozen=True)
class AnchorResult:
    """Where the passage is in the new text (a candidate when status is review; empty when orphan)."""

    start: int
    end: int
    confidence: float
    status: str  # "anchored" | "review" | "orphan"
    method: str  # "position" | "exact" | "fuzzy" | "none"


class PositionMap:
    """Carries offsets of the old text into the new one through the blocks the two texts share (difflib)."""

    def __init__(self, old: str, new: str):
        blocks = sorted(shared_blocks(old, new))
        self._old_starts = [b[0] for b in blocks]
        self._new_starts = [b[1] for b in blocks]  # in order too: shared stretches keep their order
        self._blocks = blocks
        self._old, self._new = old, new
        self._old_length, self._new_length = len(old), len(new)

    def start(self, position: int) -> int:
        """Where a start offset goes: exact inside a shared block, else the start of the changed stretch."""
        block = self._block_at(position)
        if block is not None:
            return block[1] + position - block[0]
        before = self._block_before(position)
        return before[1] + before[2] if before else 0

    def end(self, position: int) -> int:
        """Where an end offset goes: exact when the character before it is shared, else the end of the change."""
        block = self._block_at(position - 1) if position > 0 else None
        if block is not None:
            return block[1] + position - block[0]
        index = bisect_right(self._old_starts, position - 1)
        return self._blocks[index][1] if index < len(self._blocks) else self._new_length

    def estimate(self, position: int) -> int:
        """Where an offset most likely went: exact inside a shared block, else proportionally across the change."""
        block = self._block_at(position)
        if block is not None:
            return block[1] + position - block[0]
        before = self._block_before(position)
        old_start, new_start = (before[0] + before[2], before[1] + before[2]) if before else (0, 0)
        index = bisect_right(self._old_starts, position)
        old_end, new_end = ((self._blocks[index][0], self._blocks[index][1]) if index < len(self._blocks)
                            else (self._old_length, self._new_length))
        return new_start + (position - old_start) * (new_end - new_start) // max(1, old_end - old_start)

    def kept_elsewhere(self, old_start: int, old_end: int, start: int, end: int) -> bool:
        """Whether [start, end) of the new text was in the old one as words outside [old_start, old_end): another
        passage's, not the passage's own words that lost a comma at its edge (audit CG F4), nor its own words that
        the diff paired with a copy beside them (`_pairs_as_well`)."""
        old_place, old_last = self._paired(start), self._paired(end - 1)  # a long stretch re-wrapped is paired
        if old_place is None or old_last is None or old_last < old_place:  # sentence by sentence, or word by word
            return False
        return not old_start <= old_place < old_end and not self._pairs_as_well(old_start, old_end, start, end,
                                                                                 old_place)

    def _paired(self, position: int) -> int | None:
        """The place of the old text the diff pairs with `position` of the new, None for new text."""
        index = bisect_right(self._new_starts, position) - 1
        if index < 0 or position >= self._blocks[index][1] + self._blocks[index][2]:
            return None
        return self._blocks[index][0] + position - self._blocks[index][1]

    def _pairs_as_well(self, old_start: int, old_end: int, start: int, end: int, old_place: int) -> bool:
        """Whether a diff pairing the passage with [start, end) (which the diff paired with `old_place`) keeps as
        many characters of the stretch around both as the diff did: it could then as well have kept the passage
        there, with the change beside it. Of "purge purge purge", one deleted, the diff says the last went, and a
        note on it stays on the words that now read as it did. A deleted sentence before the same words in the next
        ("On 3 May Stalin signed …", "On 9 May Stalin signed …") keeps fewer so: those words were another's (audit
        CI F9)."""
        old_from, new_from = self._paired_at_or_before(min(old_start, old_place))
        old_to, new_to = self._paired_at_or_after(max(old_end, old_place + end - start))
        if not new_from <= start <= end <= new_to or old_to - old_from + new_to - new_from > CHAR_DIFF_LIMIT:
            return False
        old, new = self._old, self._new
        kept_there = sum(_kept(old[one:two], new[three:four]) for one, two, three, four in (
            (old_from, old_start, new_from, start), (old_start, old_end, start, end), (old_end, old_to, end, new_to)))
        return kept_there >= _kept(old[old_from:old_to], new[new_from:new_to]) and self._falls_as_well(
            old_start, old_end, start)

    def _falls_as_well(self, old_start: int, old_end: int, start: int) -> bool:
        """Whether, the passage inside a lone deletion, the deletion slid so as to leave it at `start` of the new
        text falls between words as well as the one the diff chose (`_slid_to_boundaries`): "purge " deleted from
        "purge purge purge" falls between words wherever it goes, where "Later Stalin the the the." deleted falls
        at sentence ends, and "Stalin the the the. Later" (leaving its "Stalin" in the sentence before) does not.
        True when the passage is not inside one (the characters kept decide); False when no slide leaves it there
        (a note whose sentence was deleted is asked about, not moved onto words as alike by chance)."""
        index = bisect_right(self._old_starts, old_start) - 1  # an empty stretch at each end of the texts: a
        a, b, size = self._blocks[index] if index >= 0 else (0, 0, 0)  # deletion may begin or end them
        c, d, next_size = self._blocks[index + 1] if index + 1 < len(self._blocks) else (
            self._old_length, self._new_length, 0)
        if b + size != d or not a + size <= old_start < old_end <= c:
            return True
        at_edges = (a == b == 0, c + next_size == self._old_length and d + next_size == self._new_length)
        slides = shifts(self._old, a + size, c, -size + (not at_edges[0]), next_size - (not at_edges[1]))
        before = old_start - a + b == start  # the passage left before the deletion, else after it
        leaving = [shift for shift in slides if (a + size + shift >= old_end if before else c + shift <= old_start)]
        return bool(leaving) and max(edges_score(self._old, a + size, c, shift) for shift in leaving) >= \
            edges_score(self._old, a + size, c, 0)

    def _paired_at_or_before(self, position: int) -> tuple[int, int]:
        """The last place of the old text at or before `position` that the diff pairs with one of the new."""
        before = self._block_before(position)
        if before is None:
            return 0, 0
        return min(position, before[0] + before[2]), before[1] + min(position - before[0], before[2])

    def _paired_at_or_after(self, position: int) -> tuple[int, int]:
        """The first place of the old text at or after `position` that the diff pairs with one of the new."""
        before = self._block_before(position)
        if before is not None and position <= before[0] + before[2]:
            return position, before[1] + position - before[0]
        index = bisect_right(self._old_starts, position)
        return self._blocks[index][:2] if index < len(self._blocks) else (self._old_length, self._new_length)

    def _block_at(self, position: int) -> tuple[int, int, int] | None:
        before = self._block_before(position)
        return before if before and position < before[0] + before[2] else None

    def _block_before(self, position: int) -> tuple[int, int, int] | None:
        index = bisect_right(self._old_starts, position) - 1
        return self._blocks[index] if index >= 0 else None


def reanchor(old_text: str, new_text: str, anchors: list[Anchor], language: str = "") -> list[AnchorResult]:
    """Locate every anchor of `old_text` in `new_text`, in the order given. `language`: the texts' (a BCP 47 tag;
    '' unknown), whose words tell a typo corrected from a word changed (see lexicon.py)."""
    mapping = PositionMap(old_text, new_text)
    known = words_of(language)
    results = []
    for anchor in anchors:
        start = mapping.start(anchor.start)
        end = max(start, mapping.end(anchor.end))
        elsewhere = cache(partial(mapping.kept_elsewhere, anchor.start, anchor.end))  # asked of the place chosen
        # twice: choosing it, then moving onto it
        bounded = (anchor.start == 0, anchor.end == len(old_text))  # the text's edges part words too
        results.append(locate(new_text, anchor.quote, start, end, mapping.estimate(anchor.start), elsewhere,
                              bounded, known))
    return results


def locate(text: str, quote: TextQuote, hint_start: int, hint_end: int, near: int | None = None,
           kept: Callable[[int, int], bool] | None = None, bounded: tuple[bool, bool] = (False, False),
           known: Callable[[str], bool] | None = None) -> AnchorResult:
    """The best place for `quote` in `text`: the diff says [hint_start, hint_end), most likely starting at `near`.
    `kept(start, end)`, when the old text is known, says whether a stretch of `text` was there before, as another
    passage of the old text: the words the passage quoted are then only proposed there, never moved onto silently
    (the same name in the sentence before a deleted one, a notice repeated on every page). `bounded` says whether
    the quote began at the old text's very start and ended at its very end, with no words beside it to tell.
    `known(word)`, when the text's language is known, says whether a word is one of it."""
    scorer = _Scorer(text, quote, hint_start if near is None else near, bounded, kept, known)
    if quote.exact and text[hint_start:hint_end] == quote.exact and scorer.edges_hold(hint_start, hint_end) \
            and scorer.context(hint_start, hint_end) >= CONTEXT_HOLDS and scorer.told_apart(hint_start, hint_end):
        return AnchorResult(hint_start, hint_end, 1.0, ANCHORED, "position")  # a diff by characters across
    # paragraphs pairs a moved word's other copies
    best, own = scorer.best_exact(hint_start, hint_end)
    if best is None or best[0] < MOVE_THRESHOLD or (kept is not None and not own):
        best = _with_fuzzy(scorer, best, hint_start, hint_end)
    if best is None:
        return AnchorResult(0, 0, 0.0, ORPHAN, "none")
    confidence, start, end, method, quote_score = best
    if method == "fuzzy":
        start, end = _word_edges(text, quote, start, end)
    on_the_edit = not _apart(best, hint_start, hint_end)  # fuzzy matches elsewhere are only ever proposed
    same_words = method == "exact" or _same_wording(quote.exact, text[start:end], known)
    another = kept is not None and kept(start, end)  # the place held these words before, as another passage
    if confidence >= MOVE_THRESHOLD and same_words and (method == "exact" or on_the_edit) and not another \
            and scorer.told_apart(start, end):
        return AnchorResult(start, end, confidence, ANCHORED, method)
    if (on_the_edit and end > start) or (quote_score >= REVIEW_MIN_QUOTE_SIMILARITY  # what replaced it, or words
                                         and _word_share(quote.exact, text[start:end], known) >= REVIEW_MIN_WORDS):
        return AnchorResult(start, end, confidence, REVIEW, method)
    return AnchorResult(0, 0, confidence, ORPHAN, "none")


def _with_fuzzy(scorer: _Scorer, best: Candidate | None, hint_start: int, hint_end: int) -> Candidate | None:
    """The exact occurrence found (`best`), or a fuzzy place near where the passage was: an exact occurrence
    elsewhere scored high, and where the passage was, words that resemble the quote's, it was edited there and
    stays; else the better scored, but never a fuzzy alignment that found again an exact occurrence `best_exact`
    has judged (it had preferred another for the words beside it)."""
    in_place = scorer.best_fuzzy(hint_start, hint_end)
    if in_place is None or best is None:
        return best or in_place
    if scorer.text[in_place[1]:in_place[2]] == scorer.quote.exact:
        return best
    if best[0] >= MOVE_THRESHOLD:
        edited_there = in_place[4] >= REVIEW_MIN_QUOTE_SIMILARITY and not _apart(in_place, hint_start, hint_end) \
            and _word_share(scorer.quote.exact, scorer.text[in_place[1]:in_place[2]], scorer.known) >= REVIEW_MIN_WORDS
        return in_place if edited_there else best
    return max(best, in_place, key=lambda c: c[0])


def _apart(candidate: Candidate, hint_start: int, hint_end: int) -> bool:
    """Whether a place lies off the stretch that took the passage's place in the new text (none when the passage
    was deleted: nothing replaced it)."""
    return not (hint_start < hint_end and candidate[1] < hint_end and candidate[2] > hint_start)


def _word_edges(text: str, quote: TextQuote, start: int, end: int) -> tuple[int, int]:
    """A fuzzy place widened to whole words where the user's quote began and ended between words: an alignment
    scored by characters may stop inside one ("the aftermat"), or begin on a blank before the words, and Accept
    would store that as the quote."""
    start, end = whole_words(text, start, end, widen_start=not _joined(quote.prefix[-1:], quote.exact[:1]),
                             widen_end=not _joined(quote.exact[-1:], quote.suffix[:1]))
    return without_blanks(text, start, end) if quote.exact == quote.exact.strip() else (start, end)


def _edges_hold(text: str, quote: TextQuote, start: int, end: int, bounded: tuple[bool, bool]) -> bool:
    """Whether a place of the quote's very words begins and ends between words where the quote did: "100" within
    "1000", "lawful" within "unlawful" are other statements (audit CE F3). A quote begun or ended inside a word
    (a selection of part of one) may land inside one; so may one without the words beside it (another tool's),
    unless it stood at the text's very start or end (`bounded`: "lawful orders" in "Unlawful orders", CI F10)."""
    began_between = (bool(quote.prefix) or bounded[0]) and not _joined(quote.prefix[-1:], quote.exact[:1])
    ended_between = (bool(quote.suffix) or bounded[1]) and not _joined(quote.exact[-1:], quote.suffix[:1])
    return ((not began_between or not _joined(text[start - 1:start], text[start:start + 1]))
            and (not ended_between or not _joined(text[end - 1:end], text[end:end + 1])))


def _joined(left: str, right: str) -> bool:
    """Whether two neighbouring characters are inside one word."""
    return bool(left) and bool(right) and in_word(left) and in_word(right)


def _same_wording(quote: str, found: str, known: Callable[[str], bool] | None = None) -> bool:
    """Whether the found text says the quote's words, each at most mistyped ("Satlin" for "Stalin"): a word added,
    dropped or replaced ("prime minister" become "premier"), or a number changed ("1934" become "1935"), makes
    another statement, which the user must see."""
    quoted, read = quote.split(), found.split()
    return len(quoted) == len(read) and all(_same_word(a, b, known) and (_misread(a, b, known) or not _derived(a, b)
                                                                         and not _swapped(a, b))
                                            for a, b in zip(quoted, read, strict=True))


def _word_share(quote: str, found: str, known: Callable[[str], bool] | None = None) -> float:
    """The share of the quote's words the found text gives (each at most mistyped), a word weighing as its length:
    characters alone made "removed from office in 1936" resemble "executed in Moscow in 1937", and "procurement in
    the" gives of "Peasants in the" only the short words every sentence has (audit CI F2). A quote of no words (a
    dash, a blank) gives them all where it stands as it was."""
    quoted, read = quote.split(), found.split()
    if not quoted:
        return float(quote == found)
    given = sum(len(word) for word in quoted if any(_same_word(word, other, known) for other in read))
    return given / sum(len(word) for word in quoted)


def _same_word(quoted: str, read: str, known: Callable[[str], bool] | None = None) -> bool:
    if _in_figures(quoted) or _in_figures(read) or (_a_number(quoted) and _a_number(read)):  # a number a digit
        return _number_key(quoted) == _number_key(read)  # apart is another number, "thirteen" and "thirty", "II"
    return (_misread(quoted, read, known) or fuzz.ratio(_bare(quoted), _bare(read)) >= SAME_WORD  # and "III";
            and not _grown(quoted, read)) and not _two_words(quoted, read, known)  # "one," is "One"; "firts" is
    # "first" mistyped


def _misread(quoted: str, read: str, known: Callable[[str], bool] | None) -> bool:
    """Whether a word of the quote was an OCR misreading the new text corrects: it differs only by letters OCR reads
    for one ("rn" for "m", "cl" for "d", "vv" for "w", "li" for "h"), and the correction makes a word of the text's
    language of letters that were none ("arn" "am", "vvas" "was": a short word grown by a letter, or one put before
    it, as another word is, "the" "three", "as" "was"). Not where the language's words are unknown: "clay" "day",
    "burn" "bum" are words changed (audit DC 1); nor in a word with a capital, a name's ("Liang" "Hang": audit DE 1)."""
    a, b = _letters(quoted), _letters(read)
    return (known is not None and _in_lower_case(quoted) and _in_lower_case(read) and a != b
            and _as_meant(a) == _as_meant(b) and known(_word_form(read)) and not known(_word_form(quoted)))


def _bare(word: str) -> str:
    """A word without the punctuation around it: brackets or quotation marks kept on both sides made "(Liang)" as
    alike to "(Hang)" as a typo (audit DF 1)."""
    return word.strip(_PUNCTUATION) or word


def _in_lower_case(word: str) -> bool:
    """Whether a word begins with a small letter (quotation marks or brackets before it aside)."""
    return next((character for character in word if character.isalpha()), "").islower()


def _as_meant(letters: str) -> str:
    for pair, meant in _OCR_PAIRS:
        letters = letters.replace(pair, meant)
    return letters


def _two_words(one: str, other: str, known: Callable[[str], bool] | None) -> bool:
    """Whether two spellings alike are two words of the text's language: "east" and "west", "must" and "most",
    "don't" and "won't", "well-known" and "well-shown" say different things, where a typo corrected makes a word of
    letters that were none ("Satlin", "militar"). A word with an apostrophe is looked up with it, one with hyphens
    part by part."""
    if known is None:
        return False
    parts, others = _word_form(one).split("-"), _word_form(other).split("-")
    return len(parts) == len(others) and any(part != theirs and known(part) and known(theirs)
                                             for part, theirs in zip(parts, others, strict=True))


def _word_form(word: str) -> str:
    """A word as a word list spells it: lower case, its straight apostrophe, no punctuation around it."""
    return word.casefold().replace("’", "'").strip(_PUNCTUATION)


def _grown(one: str, other: str) -> bool:
    """Whether a word of fewer than TYPO_WORD_LETTERS letters became another by more than one letter changed, added,
    lost or swapped with its neighbour: "the" and "three" are as alike by their characters as "Satlin" and "Stalin",
    and "tbe" is "the" mistyped."""
    short, long = sorted((_letters(one), _letters(other)), key=len)
    return len(short) < TYPO_WORD_LETTERS and OSA.distance(short, long) > 1


def _in_figures(word: str) -> bool:
    return any(character.isdigit() for character in word)


def _a_number(word: str) -> bool:
    """Whether a word gives a number in words (an ordinal too) or in Roman numerals (Nicholas II)."""
    key = _number_key(word)
    return key in NUMBER_WORDS or key in ORDINALS or bool(_ROMAN.fullmatch(word.strip(_PUNCTUATION)))


def _number_key(word: str) -> str:
    return word.strip(_PUNCTUATION).casefold()


def _derived(one: str, other: str) -> bool:
    """Whether one word is the other with letters put before or after it: "unlawful", "disagreed", "couldn't",
    "impossibly", "she", "never" say another thing than "lawful", "agreed", "could", "possibly", "he", "ever", though
    as alike by their characters as a word mistyped (audit CE F2, F3, CI F4). One letter lost or doubled at the end
    of a word of four letters or more is a typo ("Primee", "militar": audit CG F1); at its start it may be a word's
    negation, and an OCR's lost first letter ("talin") waits for review. Such a word is proposed for the quote's,
    never moved onto silently."""
    short, long = sorted((_letters(one), _letters(other)), key=len)
    added = len(long) - len(short)
    if not added or not (long.startswith(short) or long.endswith(short)):
        return False
    return added > 1 or len(short) < TYPO_WORD_LETTERS or not long.startswith(short)


def _swapped(one: str, other: str) -> bool:
    """Whether one word is the other with its beginning or its end swapped for other letters, two or more each:
    "increase" and "decrease", "majority" and "minority", "Bolsheviks" and "Mensheviks" are as alike by their
    characters as a word mistyped (audit CG F3). Letters swapped in place ("Satlin") and "rn" read for "m" are
    typos still."""
    a, b = _letters(one), _letters(other)
    kept = common_prefix_length(a, b)
    end = common_prefix_length(a[kept:][::-1], b[kept:][::-1])
    left, right = a[kept:len(a) - end], b[kept:len(b) - end]
    return (min(len(left), len(right)) >= 2 and sorted(left) != sorted(right) and min(kept, end) <= 1
            and kept + end >= TYPO_WORD_LETTERS)


def _letters(word: str) -> str:
    return "".join(character for character in word.casefold() if character.isalpha())


_ROMAN = re.compile(r"(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")  # "XIV", not "CIVIL"
_PUNCTUATION = ".,;:!?()[]«»“”‘’'\"—–-"
_OCR_PAIRS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("li", "h"))  # two letters OCR reads for one

Candidate = tuple[float, int, int, str, float]  # confidence, start, end, method, quote similarity


class _Scorer:
    """Scores candidate places for one quote the way the Hypothesis client does: quote, prefix, suffix, distance."""

    def __init__(self, text: str, quote: TextQuote, hint: int, bounded: tuple[bool, bool] = (False, False),
                 kept: Callable[[int, int], bool] | None = None, known: Callable[[str], bool] | None = None):
        self.text, self.quote, self.hint, self.bounded, self.kept, self.known = text, quote, hint, bounded, kept, known

    def edges_hold(self, start: int, end: int) -> bool:
        return _edges_hold(self.text, self.quote, start, end, self.bounded)

    def best_exact(self, hint_start: int, hint_end: int) -> tuple[Candidate | None, bool]:
        """The best occurrence of the exact quote, and whether it is the passage's own (see `_own_place`): its own,
        trusted, before a copy elsewhere that happens to score higher; else the one whose words before or after
        are most the quote's, the best scored among equals."""
        starts = self._occurrences(max(0, self.hint - NEAR_WINDOW), self.hint + NEAR_WINDOW + len(self.quote.exact))
        starts = starts or self._occurrences(0, len(self.text))
        size = len(self.quote.exact)
        found = [self.score(s, s + size, "exact", 1.0) for s in starts if self.edges_hold(s, s + size)]
        held = {candidate: self.context(candidate[1], candidate[2]) for candidate in found}
        strongest = max(held.values(), default=0.0)
        own = [candidate for candidate in found
               if self._own_place(candidate, hint_start, hint_end, held[candidate], strongest)]
        if own:
            best = max(own, key=lambda c: c[0])
            return (max(best[0], MOVE_THRESHOLD), *best[1:]), True
        return max(found, default=None, key=lambda c: (round(held[c], 2), c[0])), False  # a moved paragraph's
        # words beside the quote are still the quote's on one side, wholly

    def _own_place(self, candidate: Candidate, hint_start: int, hint_end: int, held: float, strongest: float) -> bool:
        """Whether an occurrence is the passage's own: on the stretch the diff says took its place, or right beside
        it with the words before or after still the quote's, where the diff could as well have paired the passage
        with it (repeated words make the diff ambiguous); and the words around it as much the quote's (`held`) as
        around any other occurrence (`strongest`). A paragraph moved away left the same name in the one before it,
        whose words after it only resembled the quote's (audit CE F1), a diff by characters paired a moved word
        with a copy in another paragraph, and a deleted sentence's words stood the same in the next (audit CI F9)."""
        if held < strongest:
            return False
        if not _apart(candidate, hint_start, hint_end):
            return True
        near = abs(candidate[1] - self.hint) <= len(self.quote.exact) + QUOTE_CONTEXT
        return near and held >= CONTEXT_HOLDS and (self.kept is None or not self.kept(candidate[1], candidate[2]))

    def told_apart(self, start: int, end: int) -> bool:
        """Whether a place of a line the text holds more than once (a running head, a notice repeated on every page)
        is told from the others by what stands around it on both sides, as the quote had it: with one side gone (the
        page it ended went), the same line after the same words was another copy's, and the note moved onto it
        silently (audit DO 1). Words within a line (a name the text repeats) are told by their sentence: a reworded
        sentence before one had sent its note to review (audit DP 2)."""
        text, quote = self.text, self.quote
        own_line = text[start - 1:start] in ("", "\n") and text[end:end + 1] in ("", "\n")
        if not own_line:
            return True
        before = _similarity(quote.prefix, text[max(0, start - len(quote.prefix)):start])
        after = _similarity(quote.suffix, text[end:end + len(quote.suffix)])
        return min(before, after) >= CONTEXT_HOLDS or text.count(quote.exact) < 2

    def context(self, start: int, end: int) -> float:
        """How far the words before or after a place are still the quote's (the better side): the same name in the
        sentence before a deleted one (both sides changed) is another statement, however near the old place."""
        quote = self.quote
        before = _similarity(quote.prefix, self.text[max(0, start - len(quote.prefix)):start])
        after = _similarity(quote.suffix, self.text[end:end + len(quote.suffix)])
        return max(before, after)

    def best_fuzzy(self, hint_start: int, hint_end: int) -> Candidate | None:
        """The mapped stretch itself (when about the quote's size) and the best alignment of the quote near it."""
        exact = self.quote.exact
        slack = len(exact) + QUOTE_CONTEXT
        candidates = []
        window_start, window_end = max(0, self.hint - slack), self.hint + len(exact) + slack
        if hint_end - hint_start <= len(exact) + 2 * slack:  # a quote-sized change: the stretch itself, and around it
            if hint_end > hint_start:
                candidates.append(self.score(hint_start, hint_end, "fuzzy"))
            window_start, window_end = min(window_start, max(0, hint_start - slack)), max(window_end, hint_end + slack)
        window = self.text[window_start:window_end]
        if exact and window:
            aligned = fuzz.partial_ratio_alignment(exact, window)
            if aligned is not None and aligned.dest_end > aligned.dest_start:
                candidates.append(self.score(window_start + aligned.dest_start, window_start + aligned.dest_end,
                                             "fuzzy"))
        return max(candidates, default=None, key=lambda c: c[0])

    def score(self, start: int, end: int, method: str, quote_score: float | None = None) -> Candidate:
        text, quote = self.text, self.quote
        if quote_score is None:
            quote_score = fuzz.ratio(quote.exact, text[start:end]) / 100
        prefix_weight = PREFIX_WEIGHT if start else 0  # the text's very start or end has no words beside the
        suffix_weight = SUFFIX_WEIGHT if end < len(text) else 0  # place to tell by: a paragraph moved first scored
        # as if its words before were wrong, and waited for review (audit CI F1)
        prefix_score = _similarity(quote.prefix, text[max(0, start - len(quote.prefix)):start])
        suffix_score = _similarity(quote.suffix, text[end:end + len(quote.suffix)])
        position_score = 1 - min(1.0, abs(start - self.hint) / max(1, len(text)))
        total = (QUOTE_WEIGHT * quote_score + prefix_weight * prefix_score + suffix_weight * suffix_score
                 + POSITION_WEIGHT * position_score)
        return total / (QUOTE_WEIGHT + prefix_weight + suffix_weight + POSITION_WEIGHT), start, end, method, quote_score

    def _occurrences(self, start: int, end: int) -> list[int]:
        found: list[int] = []
        exact = self.quote.exact
        position = self.text.find(exact, start, end) if exact else -1
        while position >= 0 and len(found) < MAX_CANDIDATES:
            found.append(position)
            position = self.text.find(exact, position + 1, end)
        return found


def _kept(old: str, new: str) -> int:
    """How many characters the best diff of two stretches keeps (their longest common subsequence), any blank the
    same as another: a text re-wrapped has a line's end where it had a space, and that one character lost to the
    diff made a deleted sentence's words in the next look as much its own (audit CJ J2)."""
    return LCSseq.similarity(_BLANK.sub(" ", old), _BLANK.sub(" ", new))


_BLANK = re.compile(r"\s")


def _similarity(expected: str, actual: str) -> float:
    return fuzz.ratio(expected, actual) / 100 if expected else 1.0
