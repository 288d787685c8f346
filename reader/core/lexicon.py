"""The words of a language, to tell a typo corrected from a word changed: "Satlin" made "Stalin" is a typo (no
English word was there), where "east" made "west" says another thing, though their letters are as alike. The word
lists are pyspellchecker's, in its wheel: English, German, French, Spanish, Italian, Portuguese, Dutch, Russian,
Arabic, Latvian, Basque and Persian.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "lv", "eu", "fa"})


def words_of(tag: str) -> Callable[[str], bool] | None:
    """Whether a word (in any case) is one of the language's (a BCP 47 tag: 'en', 'de-AT'), or None when its words
    are not known here. The list loads when first asked (a fifth of a second): most changes ask nothing of it."""
    code = tag.split("-")[0].casefold()
    return partial(_known, code) if code in LANGUAGES else None


def _known(code: str, word: str) -> bool:
    return word in _checker(code)


@cache  # each language's list loaded once (a library of English, German and French sources
def _checker(code: str):  # reloaded one list at each re-import, with two kept: audit CL L9)
    from spellchecker import SpellChecker

    return SpellChecker(language=code, distance=1)
