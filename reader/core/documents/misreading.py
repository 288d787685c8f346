"""Which one-byte encoding a text is in, by the marks a wrong one leaves on its words.

Detection (charset-normalizer) is kept to cp1251, cp1252 and Latin-1, where it is sure; offered more, it took short
French for Central European. But Russian in KOI8-R, Polish or Czech in windows-1250 and Greek in windows-1253 are
common in archives, and were refused or stored as mojibake ('Za¿ó³æ gêœl¹', 'РсбкфйкЬ'). Read in the wrong one of
these encodings, a text's letters beyond ASCII turn into symbols glued to its words ('Wroc³aw', '£ódŸ'), capitals
inside words ('пРПФПЛПМ' is KOI8-R read as cp1251), words without a vowel, or words of two scripts; read in its
own, it has none of them.
Only characters beyond ASCII are looked at: the encodings agree on the rest, so it cannot tell them apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_ONE_BYTE_ENCODINGS = ("cp1252", "latin_1", "cp1251", "cp1250", "koi8_r", "cp1253")  # the commoner first, for a tie
_SAMPLE = 65536  # characters looked at: the marks show on every line of a misread text
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_VOWELS = frozenset("aeiouyæøœıαεηιουωаеиоуыэюяєі")
_MOST_MARKS = 10  # a reading with a mark for fewer characters beyond ASCII than one in this many may be text


def least_misread(data: bytes, chosen: tuple[str, str] | None) -> tuple[str, str] | None:
    """The reading of `data` in the one-byte encoding likeliest to be the text (see `_likelihood`): `chosen`
    (detection's text and encoding) when none is likelier than it, or when no reading is text (None stays None)."""
    readings = {}
    for encoding in _ONE_BYTE_ENCODINGS:
        text = _reading(data, encoding)
        if text is not None and (likelihood := _likelihood(text[:_SAMPLE])) is not None:
            readings[encoding] = (likelihood, text)
    if not readings:
        return chosen
    best = max(readings, key=lambda encoding: readings[encoding][0])
    if chosen is not None and chosen[1] in readings and readings[chosen[1]][0] == readings[best][0]:
        return chosen
    return readings[best][1], best


def _reading(data: bytes, encoding: str) -> str | None:
    """The bytes in this encoding, if each is a character of it and none a control character."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if has_controls(text) else text


def has_controls(text: str) -> bool:
    """Whether a text holds control characters, which no text does (but a form feed, a DOS end-of-file mark)."""
    return _CONTROLS.search(text.rstrip("\x1a")) is not None


def _likelihood(text: str) -> tuple[int, float, int] | None:
    """How likely a reading is the text, the likelier the greater: fewer marks of a misreading on the words
    holding characters beyond ASCII (see `_word_marks`), then more of its letters in one script ('à Moscou' is
    not 'а Moscou' with a Cyrillic 'а'), then fewer capitals beyond ASCII (running text is in small letters: a
    Russian word in KOI8-R read as cp1251 may be capitals without a mark, 'ДЕМЕЗБГЙС'). None when the reading is
    not text: marks on one in _MOST_MARKS of those characters or more, or Latin letters three in four accented
    (Russian read as windows-1250 is 'Ńňŕëčí', without a mark; 'Ærø' is two in three)."""
    marks, wide, capitals, accented = 0, 0, 0, 0
    scripts: Counter[str] = Counter()
    for word in text.split():
        scripts.update(script(character) for character in word if character.isalpha())
        if word.isascii():
            continue
        marks += _word_marks(word)
        beyond = [character for character in word if not character.isascii()]
        wide += len(beyond)
        capitals += sum(map(str.isupper, beyond))
        accented += sum(1 for character in beyond if character.isalpha() and script(character) == "LATIN")
    letters = scripts.total()
    if marks * _MOST_MARKS > wide or accented * 4 > letters * 3:
        return None
    return -marks, max(scripts.values(), default=0) / max(letters, 1), -capitals


def _word_marks(word: str) -> int:
    """A word's marks: a symbol or a number sign beyond ASCII beside a letter or a symbol ('³' in 'Wroc³aw', '¹' in
    'pi¹tego'; KOI8-R's box drawing read from junk is symbols in a row),
    a capital after a small letter where either is beyond ASCII ('рТПФПЛПМ', 'jaŸñ'), and letters of two scripts
    (a Latin word with a Cyrillic letter, 'Wrocіaw')."""
    marks = sum(1 for before, after in zip(word, word[1:], strict=False)
                if before.islower() and after.isupper() and not (before.isascii() and after.isascii()))
    for at, character in enumerate(word):
        if not character.isascii() and _is_sign(character) and \
                any(beside.isalpha() or _is_sign(beside) for beside in word[max(0, at - 1):at] + word[at + 1:at + 2]):
            marks += 1
    scripts = {script(character) for character in word if character.isalpha()}
    return marks + (len(scripts) > 1) + _without_vowel(word)


def _without_vowel(word: str) -> bool:
    """Whether two or more letters run without a vowel: lower-case Russian in KOI8-R read as cp1251 is capitals with
    no mark on them ('ПТПФПЛПМ'), and Greek read as cp1251 small letters ('рсщфькпллп'), but words have vowels."""
    letters = [character for character in word if character.isalpha()]
    return len(letters) > 1 and not any(_base(character) in _VOWELS for character in letters)


@lru_cache(maxsize=1024)
def _base(letter: str) -> str:
    """A letter without its accents, in lower case ('Ά' is 'α', 'ё' is 'е')."""
    return unicodedata.normalize("NFD", letter.lower())[0]


def _is_sign(character: str) -> bool:
    """A symbol (currency, mathematical, modifier, other) or a number that is no digit ('¹', '½')."""
    category = unicodedata.category(character)
    return category[0] == "S" or category == "No"


def script(character: str) -> str:
    """A character's script by the first word of its Unicode name (LATIN, CYRILLIC, GREEK, CJK, HANGUL); Chinese
    characters and Japanese kana, written together, are one."""
    word = unicodedata.name(character, "?").split()[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA", "IDEOGRAPHIC") else word
