"""How sure the register is of each mention, in [0, 1], so that a reader can review the doubtful ones first.

Three things make a mention believable: the evidence for its type agrees (the model's labels, the context, the
gazetteer and the corpus-wide votes point the same way), the entity is attested (many occurrences, in several
documents), and the surface reads as a word rather than an OCR misreading ('AfUr', 'Be^in', 'Tfcla'). The score is
the mean of the first two, lowered by the third. A type the user chose, and a mention the user marked, are sure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reader.core.entities.decisions import Decisions
from reader.core.entities.lexicon import EMPTY, Lexicon

LOW_CONFIDENCE = 0.5  # below this a mention is listed for review
USER_CONFIDENCE = 1.0
DATE_CONFIDENCE = 0.9  # dates come from patterns, not guesses; still worth a glance when odd
_WORD = re.compile(r"[^\W\d_]+")
NOISE_IN_WORD = re.compile(r"[^\W_][\d^*«»■•|\\/<>{}~]+[^\W_]|[\d^*«»■•|\\/<>{}~]$")
CASE_FLIP = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")  # 'AfUr', 'BaltimorCy', 'IVillet' (not 'McKinley')
NAME_PREFIXES = ("mc", "mac", "o'", "o’", "de", "di", "la", "le", "van", "von", "d'", "d’")
OCR_NOISE_PENALTY = 0.5
OCR_CASE_PENALTY = 0.4
UNKNOWN_WORD_PENALTY = 0.15  # a word neither the lexicon nor the rest of the corpus knows
CAPITALS_PENALTY = 0.1  # one word in capitals: a headline, a signature, an acronym read wrong


def support(occurrences: int, documents: int) -> float:
    """0.5 for a name seen once, towards 1 the more occurrences and documents attest it."""
    attested = max(1, occurrences + max(0, documents - 1))
    return 1 - 1 / (1 + attested)


def ocr_likeness(surface: str, lexicon: Lexicon = EMPTY, corpus_words: frozenset[str] | set[str] = frozenset(),
                 ) -> float:
    """0 for a surface that reads as ordinary words, up to 1 for one that looks misread."""
    penalty = 0.0
    words = surface.split()
    if any(NOISE_IN_WORD.search(word) for word in words):
        penalty += OCR_NOISE_PENALTY
    if any(_flipped_case(word) for word in words):
        penalty += OCR_CASE_PENALTY
    if lexicon and any(_unknown(word, lexicon, corpus_words) for word in words):
        penalty += UNKNOWN_WORD_PENALTY
    if len(words) == 1 and surface.isupper() and len(surface) > 1:
        penalty += CAPITALS_PENALTY
    return min(1.0, penalty)


def mention_confidence(entity_score: float, surface: str, lexicon: Lexicon = EMPTY,
                       corpus_words: frozenset[str] | set[str] = frozenset()) -> float:
    return round(max(0.0, min(1.0, entity_score * (1 - ocr_likeness(surface, lexicon, corpus_words)))), 3)


def entity_score(agreement: float, occurrences: int, documents: int) -> float:
    """The mean of how far the type evidence agreed (0-1, the vote's share) and how well the entity is attested."""
    return (agreement + support(occurrences, documents)) / 2


def _flipped_case(word: str) -> bool:
    letters = word.strip(".,;:'’\"()")
    if word.isupper() or word.islower():
        return False
    start = next((len(p) for p in NAME_PREFIXES if letters.lower().startswith(p) and len(letters) > len(p) + 1), 0)
    return bool(CASE_FLIP.search(letters[start + 1:] if start else letters))


def _unknown(word: str, lexicon: Lexicon, corpus_words) -> bool:
    """Neither the lexicon nor any other occurrence in the corpus vouches for this word (a single misreading)."""
    bare = word.strip(".,;:'’\"()-")
    return bool(bare) and bare.isalpha() and not lexicon.knows(bare) and bare.casefold() not in corpus_words


def repeated_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the corpus writes more than once: a word found once, and unknown to the lexicon, may be misread."""
    counts = Counter(word.casefold() for text in texts for word in _WORD.findall(text))
    return frozenset(word for word, times in counts.items() if times > 1)


class MentionScores:
    """Scores each mention of a cluster (see `confidence`): the user's own choices are sure."""

    def __init__(self, lexicon: Lexicon, repeated: frozenset[str], decisions: Decisions):
        self.lexicon, self.repeated, self.decisions = lexicon, repeated, decisions
        self.added = {mention[:3] for mention in decisions.added_mentions} | set(decisions.moved_mentions)

    def scores(self, cluster, types: dict[str, str]):
        kind = types.get(cluster.key, "")
        if kind == "DATE":
            yield from ((place, DATE_CONFIDENCE) for place in cluster.places)
            return
        documents = len({place[0] for place in cluster.places})
        base = entity_score(cluster.agreement, len(cluster.places), documents)
        for place in cluster.places:
            user = cluster.key in self.decisions.types or place[:3] in self.added
            yield place, USER_CONFIDENCE if user else mention_confidence(base, place[3], self.lexicon, self.repeated)
