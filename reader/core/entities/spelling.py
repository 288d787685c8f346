"""Period spelling and OCR: the long s read as 'f' ('Houfe', 'Congrefs', 'Ruffia'), ALL-CAPITAL headlines.

Printers set a long s (ſ) inside words until about 1800; OCR reads it as 'f'. A word the lexicon does not know whose
medial f's read as s give a word the lexicon or the corpus does know is that word: 'Houfe' is 'House' where
'house' is known and 'houfe' is not. A final f is never a long s, and a known word ('often', 'after') is left alone.
"""

from __future__ import annotations

import re
from itertools import combinations

from reader.core.entities.lexicon import EMPTY, Lexicon

MAX_LONG_S = 3  # medial f's tried in every combination: words with more are left as they are
_WORD = re.compile(r"[^\W\d_]+")


class Spelling:
    """Normalises the words of names against the lexicon and the words the corpus itself uses."""

    def __init__(self, lexicon: Lexicon = EMPTY, corpus_words: set[str] | frozenset[str] = frozenset()):
        self.lexicon = lexicon
        self.corpus_words = {w.casefold() for w in corpus_words}
        self._cache: dict[str, str] = {}

    def word(self, word: str) -> str:
        """The s-form of a long-s misreading, in the word's own case; else the word unchanged."""
        if word not in self._cache:
            self._cache[word] = self._long_s(word)
        return self._cache[word]

    def name(self, name: str) -> str:
        """Every word of a name normalised ('Houfe of Reprefentatives' -> 'House of Representatives')."""
        return _WORD.sub(lambda match: self.word(match.group()), name) if "f" in name else name

    def _known(self, word: str) -> bool:
        return self.lexicon.knows(word) or word.casefold() in self.corpus_words

    def _long_s(self, word: str) -> str:
        medial = [i for i in range(1, len(word) - 1) if word[i] == "f"]
        if not medial or len(medial) > MAX_LONG_S or self.lexicon.knows(word) or not self.lexicon:
            return word
        for size in range(len(medial), 0, -1):
            for chosen in combinations(medial, size):
                candidate = "".join("s" if i in chosen else ch for i, ch in enumerate(word))
                if self._known(candidate):
                    return candidate
        return word


def is_all_capitals(name: str) -> bool:
    """'LEYDEN', 'TAXES': a word set in capitals (a headline, a signature) whose case tells nothing."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)
