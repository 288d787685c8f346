"""Russian word forms, from pymorphy3's dictionary. Russian inflects its nouns and names ('Сталин', 'Сталина',
'со Сталиным'): recognition gathers a name's forms by its dictionary form, and a search for one form finds the others.

The analyser is loaded on first use and kept for the process (its dictionary takes 0.1 s to open and never changes):
both recognition, in a worker, and every search typed may ask it, and it only reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

KEPT_AS_WRITTEN = frozenset({"Abbr", "Fixd"})  # 'СССР', 'ИККИ': no case endings
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})  # the dictionary's marks of names
_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")


@lru_cache(maxsize=1)
def analyser():
    """pymorphy3's analyser (ImportError when the package is missing)."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


def search_forms(word: str) -> list[str]:
    """The forms a Russian word typed alone is searched in, as typed first: a capitalised one as a name, in its
    cases and those of every name it may be a form of ('Дзержинский': 'дзержинского', …; 'Сталина': 'сталину' too);
    another as a noun, in the forms of the noun it is the dictionary form of ('вина', guilt: 'виной', not 'вином' of
    'вино'). Any other word alone: a verb has hundreds of forms, and an indeclinable word or one in another script
    none to add."""
    if word[:1].isupper():
        return list(dict.fromkeys([*name_forms(word), *_every_names_cases(word)]))
    parse = _first_reading(word, ("NOUN",))
    return list(dict.fromkeys([word, *(form.word for form in parse.lexeme)])) if parse else [word]


def name_forms(word: str) -> list[str]:
    """A one-word Russian name in each of its cases, as written first, the others in lower case ('Дзержинский':
    'дзержинского', 'дзержинскому', …): of one person, so singular and of the name's gender ('Ежов' is not the
    woman 'Ежова')."""
    parse = _first_reading(word, ("NOUN", "ADJF"), as_a_name=True)
    if parse is None:
        return [word]
    gender = parse.tag.gender
    return list(dict.fromkeys([word, *(form.word for form in parse.lexeme
                                       if "sing" in form.tag and form.tag.gender == gender)]))


def reads_as_a_name(word: str) -> bool:
    """Whether the dictionary's likeliest reading of a Russian word is a name's (a person's, a place's, a body's), or
    it knows the word not at all: 'Дзержинского' a surname's before an adjective's, 'Ягоды' berries."""
    parses = _parses(word)
    return bool(parses) and (bool(parses[0].tag.grammemes & PROPER) or not _in_dictionary(parses[0]))


def may_be_nominative(word: str) -> bool:
    """Whether the dictionary reads a Russian word as a nominative in any of its readings ('Аллилуева', a woman's
    name; not 'Сухэ-Батора'); so it may be, without the dictionary."""
    parses = _parses(word)
    return parses is None or any("nomn" in parse.tag for parse in parses)


def _parses(word: str) -> list | None:
    """The dictionary's readings of a word, likeliest first; None when pymorphy3 is missing."""
    try:
        return analyser().parse(word.lower())
    except ImportError:
        return None


def _in_dictionary(parse) -> bool:
    """Whether the dictionary holds the word itself, not a guess from its ending or a known word after an unknown
    prefix ('шумяц' + 'кий')."""
    return len(parse.methods_stack) == 1 and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def _every_names_cases(word: str) -> list[str]:
    """The singular forms of every name a Russian word may be a form of: 'Сталина' is the man Сталин's genitive and
    the woman Сталина."""
    if not _CYRILLIC_WORD.fullmatch(word.lower()):
        return []
    names = [parse for parse in _parses(word) or ()
             if parse.tag.grammemes & PROPER and not parse.tag.grammemes & KEPT_AS_WRITTEN]
    return [form.word for parse in names for form in parse.lexeme if "sing" in form.tag]


def _first_reading(word: str, parts: tuple[str, ...], as_a_name: bool = False):
    """The dictionary's likeliest reading of a Russian word, as the nominative singular it is if it is one ('вина',
    guilt, not the plural of 'вино'; 'Ежова', the woman, not the man's genitive), and `as_a_name` as a name if it
    reads it as one ('Шумяцкий' a surname, not an unknown prefix before 'кий', a cue), if it is of one of `parts` and
    declines; else None."""
    parses = _parses(word) if _CYRILLIC_WORD.fullmatch(word.lower()) else None
    if not parses:
        return None
    fitting = [parse for parse in parses if parse.tag.POS in parts]
    nominative = [parse for parse in fitting if "nomn" in parse.tag and "sing" in parse.tag] \
        or [parse for parse in fitting if "nomn" in parse.tag]
    named = [parse for parse in nominative if parse.tag.grammemes & PROPER] if as_a_name else []
    parse = (named or nominative or parses)[0]
    if parse.tag.POS not in parts or parse.tag.grammemes & KEPT_AS_WRITTEN:
        return None
    return parse
