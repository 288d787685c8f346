"""Russian word forms, from pymorphy3's dictionary. Russian inflects its nouns and names ('Сталин', 'Сталина',
'со Сталиным'): recognition gathers a name's forms by its dictionary form, and a search for one form finds the others.

The analyser is loaded on first use and kept for the process (its dictionary takes 0.1 s to open and never changes):
both recognition, in a worker, and every search typed may ask it, and it only reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

KEPT_AS_WRITTEN = frozenset({"Abbr", "Fixd"})  # 'СССР', 'ИККИ': no case endings
_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


@lru_cache(maxsize=1)
def analyser():
    """pymorphy3's analyser (ImportError when the package is missing)."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


def noun_forms(word: str) -> list[str]:
    """A Russian noun or name in each of its forms, as written first, the others in lower case ('Сталин': 'сталина',
    'сталиным', …; a name the dictionary does not know in the forms of names like it). Any other word alone: a verb
    has hundreds of forms, and an indeclinable word or one in another script none to add."""
    parse = _first_reading(word, ("NOUN",))
    return list(dict.fromkeys([word, *(form.word for form in parse.lexeme)])) if parse else [word]


def name_forms(word: str) -> list[str]:
    """A one-word Russian name in each of its cases, as written first, the others in lower case ('Дзержинский':
    'дзержинского', 'дзержинскому', …): of one person, so singular and of the name's gender ('Ежов' is not the
    woman 'Ежова')."""
    parse = _first_reading(word, ("NOUN", "ADJF"))
    if parse is None:
        return [word]
    gender = parse.tag.gender
    return list(dict.fromkeys([word, *(form.word for form in parse.lexeme
                                       if "sing" in form.tag and form.tag.gender == gender)]))


def _first_reading(word: str, parts: tuple[str, ...]):
    """The dictionary's likeliest reading of a Russian word if it is of one of `parts` and declines, else None."""
    if not _CYRILLIC_WORD.fullmatch(word.lower()):
        return None
    try:
        parse = analyser().parse(word.lower())[0]
    except ImportError:
        return None
    if parse.tag.POS not in parts or parse.tag.grammemes & KEPT_AS_WRITTEN:
        return None
    return parse
