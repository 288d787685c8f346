"""Case and accents ignored, as the search index ignores them: the one place text is folded so.

`without_accents` drops the marks ('Höhhot' -> 'Hohhot'); `fold` also lowers the case one character for one, so an
offset in the folded text is the same offset in the original (the reader flashes a search's words by it:
'Sükhbaatar' folds to 'sukhbaatar', ten characters for ten).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def without_accents(text: str) -> str:
    """The text with its combining marks dropped (after decomposing, so 'ü' is 'u'), and the letters whose stroke is
    no mark to Unicode plain ('ł' is 'l', see `_plain_letters`). ASCII has none to drop: most English text passes at
    once, which matters where every passage of a corpus is compared."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_PLAIN)


def searchable(text: str) -> str:
    """What the search index reads of a text (and of a query): compatibility characters in their plain form ('ﬁ' is
    'fi', full-width 'ＧＥＮＤＥＮ' is 'GENDEN'), the invisible marks written inside words dropped (a soft hyphen,
    a zero-width space, the Mongolian vowel separator): the index took each for a word's end, and "Urga" did not
    find "Ur\u00adga"; and the letters the index keeps marks on read plain (see `_plain_letters`). Offsets are not
    kept: a row's place in its text is stored beside it."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf").translate(_PLAIN)


def _plain_letters() -> dict[int, str]:
    """The letters the index's tokenizer keeps their marks on, as it reads other accented ones: Greek with its tonos
    or dialytika ('Στάλιν' is 'Σταλιν': Greek capitals are written without it) and final sigma, and the Latin
    letters whose stroke is no accent to Unicode ('Łódź', 'Đakovo', 'København'); 'ΣΤΑΛΙΝ' found no 'Στάλιν', nor
    'Lodz' 'Łódź' (audit DY F4). One letter for one."""
    greek = (chr(code) for code in (*range(0x0370, 0x0400), *range(0x1F00, 0x2000)))
    plain = {ord(letter): unicodedata.normalize("NFD", letter)[0] for letter in greek
             if letter.isalpha() and len(unicodedata.normalize("NFD", letter)) > 1}
    return {**plain, **{ord(letter): base for letter, base in zip("łŁđĐøØς", "lLdDoOσ", strict=True)}}


_PLAIN = _plain_letters()


def read_plain(text: str) -> bool:
    """Whether a text holds letters search reads plain (see `_plain_letters`): cheap, where every hit's line is asked
    (`searchable` whole cost a line some 140 µs, audit DZ)."""
    return text.translate(_PLAIN) != text


def without_yo(text: str) -> str:
    return text if text.isascii() else text.translate(_YO)


YO_FOR_YE = {"е": "ё", "Е": "Ё"}  # Russian print writes ё as е at will
_YO = str.maketrans({yo: ye for ye, yo in YO_FOR_YE.items()})


def fold(text: str) -> str:
    return "".join(_fold(character) for character in text)


@lru_cache(maxsize=4096)
def _fold(character: str) -> str:
    character = _PLAIN.get(ord(character), character)  # 'ł' as 'l', 'ς' as 'σ': as search reads them
    base = unicodedata.normalize("NFKD", character)[:1] or character
    if unicodedata.combining(base):  # a lone combining mark stays itself: it has no base to fold to
        base = character
    lowered = base.lower()
    return lowered if len(lowered) == 1 else character.lower()[:1] or character
