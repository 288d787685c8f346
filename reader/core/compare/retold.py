"""One act told twice: dated sentences of different sources that say the same thing in the same words.

Names and dates cannot join a protocol signed "March 12, 1934" in one source and "in 1936" in another: the dates are
years apart and the sentences may name no one. Their words can: "a Protocol of Mutual Assistance was signed" and
"the pact of mutual assistance signed" share two word pairs. Word pairs that are names (Prime Minister of Mongolia
is a role many events share) or that many sources use are left out, so what remains is the wording of one act.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from itertools import combinations

from reader.core.compare.words import content_words
from reader.core.records.compare import TimelineEntry

SHARED_PAIRS = 2  # word pairs two dated sentences must share (one is a common collocation)
RARE_SHARE, RARE_AT_LEAST = 0.05, 3  # a word pair in more sources than this share (or 3) is a formula, not an act
MOST_HOLDERS = 40  # ... and so is one in more dated sentences than this (a diary's "the weather was", daily)


def retold_pairs(entries: list[TimelineEntry]) -> dict[tuple[int, int], list[str]]:
    """Pairs of entries (indexes) of different documents whose dated sentences share SHARED_PAIRS rare word pairs,
    with those word pairs ("mutual assistance"). Most word pairs occur once in a corpus: only those seen twice are
    kept with their holders."""
    first_holder: dict[tuple[str, str], int] = {}
    holders: dict[tuple[str, str], list[int]] = {}  # only the pairs held twice or more
    for i, entry in enumerate(entries):
        for pair in _word_pairs(entry):
            first = first_holder.setdefault(pair, i)
            members = holders.setdefault(pair, [first]) if first != i else None
            if members is not None and members[-1] != i:  # a pair twice in one sentence holds once
                members.append(i)
    most = max(RARE_AT_LEAST, RARE_SHARE * len({entry.document_id for entry in entries}))
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for pair, members in holders.items():
        if len(members) > MOST_HOLDERS or not 1 < len({entries[i].document_id for i in members}) <= most:
            continue
        for i, j in combinations(members, 2):
            if entries[i].document_id != entries[j].document_id and not _names_in(pair, entries[i], entries[j]):
                shared[(i, j)].append(" ".join(pair))
    return {pair: sorted(words) for pair, words in shared.items() if len(words) >= SHARED_PAIRS}


def _word_pairs(entry: TimelineEntry) -> Iterator[tuple[str, str]]:
    """Consecutive content words of the sentence that holds the date."""
    words = content_words(_dated_sentence(entry))
    return zip(words, words[1:], strict=False)


def _names_in(pair: tuple[str, str], *entries: TimelineEntry) -> bool:
    """Whether a word of the pair belongs to a name either passage gives: a name is not the wording of an act."""
    return any(word in _name_words(name) for entry in entries for name in entry.entities for word in pair)


@lru_cache(maxsize=16384)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(content_words(name))


def _dated_sentence(entry: TimelineEntry) -> str:
    """The sentence giving the date (the whole passage for a date in a note, which says where it stands)."""
    if entry.said is None:
        return entry.passage
    return entry.passage[entry.said[0] - entry.start:entry.said[1] - entry.start]
