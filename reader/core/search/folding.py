"""Text folded the way the search index folds it (case and accents ignored), one character for one.

Why one for one: the reader flashes where a search's words are in the text, so an offset in the folded text must be
the same offset in the original ('Sükhbaatar' folds to 'sukhbaatar', ten characters for ten).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    return "".join(_fold(character) for character in text)


@lru_cache(maxsize=4096)
def _fold(character: str) -> str:
    base = unicodedata.normalize("NFKD", character)[:1] or character
    if unicodedata.combining(base):  # a lone combining mark stays itself: it has no base to fold to
        base = character
    lowered = base.lower()
    return lowered if len(lowered) == 1 else character.lower()[:1] or character
