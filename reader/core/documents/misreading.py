"""Which one-byte encoding a text is in, by the marks a wrong one leaves on its words.

Detection (charset-normalizer) is kept to cp1251, cp1252 and Latin-1, where it is sure; offered more, it took short
French for Central European. But Russian in KOI8-R or DOS's cp866, Polish or Czech in windows-1250 or ISO-8859-2 and
Greek in windows-1253 are common in archives, and were refused or stored as mojibake ('Za¿ó³æ gêœl¹', 'РсбкфйкЬ').
Read in the wrong one of these encodings, a text's letters beyond ASCII turn into symbols or punctuation inside its
words ('Wroc³aw', 'žlu»oučký'), capitals inside words ('пРПФПЛПМ' is KOI8-R read as cp1251), words without a vowel,
or words of two scripts; read in its own, it has none of them. Where neither reading bears a mark (a Russian word
in capitals in cp1251 is one in small letters in KOI8-R: 'ВВЕДЕНИЕ', 'ббедемхе'), the commoner encoding is taken.

Only characters beyond ASCII are looked at: the encodings agree on the rest, so it cannot tell them apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

_ONE_BYTE_ENCODINGS = (  # the commoner first, for a tie
    "cp1252", "latin_1", "cp1251", "cp1250", "koi8_r", "iso8859_2", "cp866", "cp1253")
_SAMPLE = 65536  # characters looked at: the marks show on every line of a misread text
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_VOWELS = frozenset("aeiouyæøœıαεηιουωаеиоуыэюяєі")
_SCRIPTLESS = frozenset("ªºµ")  # letters of no script's alphabet ('nº', 'µg')
_INSIDE_WORDS = "’‘ʼ·"  # punctuation a word holds ("don’t", Catalan 'col·lecció')
_BESIDE_WORDS = "°™®©¹²³"  # symbols written against a word ('°C', 'Acme™', 'm²', a footnote's 'Genden¹')
_ACRONYM = 5  # letters in capitals an acronym may run to without a vowel ('СССР', 'НКВД', a telegram's 'ТЧК')
_MISPRINTED_AMONG = 50  # words a text holds one misprint among
_MOST_MARKS, _FEW_MARKS = 10, 2  # a reading is text with marks on fewer than one in ten of its characters beyond
# ASCII, or with two marks or fewer whatever it holds ('25°C' is one character)


class _Judged(NamedTuple):
    """What a reading's words say of it (see `_judged`)."""

    marks: int  # of a misreading, on the words holding characters beyond ASCII (`_token_marks`, `_run_marks`)
    wide: int  # characters beyond ASCII
    in_one_script: float  # the share of its letters in their commonest script
    commonest: str  # that script
    capitals: float  # the share of its letters beyond ASCII that are capitals
    words: int

    def likelihood(self, forgiven: int = 0) -> tuple[int, float]:
        """How likely the reading is the text, the likelier the greater: fewer marks (less those `forgiven`), then
        more of its letters in one script ('à Moscou' is not 'а Moscou' with a Cyrillic 'а'). See `_rather`
        for two alike."""
        return -max(0, self.marks - forgiven), self.in_one_script

    def is_text(self) -> bool:
        return self.marks <= _FEW_MARKS or self.marks * _MOST_MARKS <= self.wide


def least_misread(data: bytes, chosen: tuple[str, str] | None) -> tuple[str, str] | None:
    """The reading of `data` in the one-byte encoding likeliest to be the text, unless `chosen` (detection's text
    and encoding, from the whole text) is as likely with one mark forgiven where the two are of one script and the
    text is long enough to hold a misprint or OCR's slip ('Ut»g' in an English newspaper is no Czech 'Utťg'). Where
    detection chose none, or a reading this judges no text, the likeliest that is text; else `chosen` (None stays
    None)."""
    judged = {}
    for encoding in _ONE_BYTE_ENCODINGS:
        text = _reading(data, encoding)
        if text is not None and (judgement := _judged(text[:_SAMPLE])) is not None:
            judged[encoding] = (judgement, text)
    if chosen is not None and chosen[1] in judged:
        best = _likeliest({encoding: judgement for encoding, (judgement, _text) in judged.items()})
        held, rival = judged[chosen[1]][0], judged[best][0]
        forgiven = held.commonest == rival.commonest and held.words >= _MISPRINTED_AMONG  # Greek read as Cyrillic is
        # no misprint, and three words are too few to hold one by chance ('przyby³a zim¹' is Polish)
        return (judged[best][1], best) if _rather(rival, held, forgiven) else chosen
    texts = {encoding: judgement for encoding, (judgement, _text) in judged.items() if judgement.is_text()}
    if not texts:
        return chosen
    best = _likeliest(texts)
    return judged[best][1], best


def _likeliest(judged: dict[str, _Judged]) -> str:
    """The encoding of the likeliest reading, the commonest encoding of those alike (see `_rather`)."""
    best = next(iter(judged))
    for encoding, judgement in judged.items():
        best = encoding if _rather(judgement, judged[best]) else best
    return best


def _rather(reading: _Judged, other: _Judged, forgiven: int = 0) -> bool:
    """Whether a reading is likelier than another (`forgiven` marks of the other aside); of two alike, whether it is
    in small letters where the other, of another script, is in capitals (Greek read as KOI8-R). Of one script, case
    says nothing: a word in capitals in cp1251 ('ВВЕДЕНИЕ') is one in small letters in KOI8-R ('ббедемхе'), and
    telegrams and headings are in capitals."""
    likelihood, others = reading.likelihood(), other.likelihood(forgiven)
    if likelihood != others:
        return likelihood > others
    return reading.commonest != other.commonest and reading.capitals < other.capitals


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


def _judged(text: str) -> _Judged | None:
    """What a reading's words say of it; None when the letters of its words beyond ASCII (of two letters or more)
    are Latin ones three in four accented, which no language writes (Russian read as windows-1250 is 'Ńňŕëčí',
    without a mark; 'Ærø' is two in three). A word is a run of letters: a page's markup glued to them ('<p>Главная')
    is no part of one."""
    marks, wide, letters, accented, capitals = 0, 0, 0, 0, 0
    scripts: Counter[str] = Counter()
    tokens = text.split()
    for token in tokens:
        runs = ["".join(run) for is_letter, run in groupby(token, str.isalpha) if is_letter]  # not '½', '²'

        scripts.update(script(letter) for run in runs for letter in run if letter not in _SCRIPTLESS)
        if token.isascii():
            continue
        marks += _token_marks(token) + sum(_run_marks(run) for run in runs if not run.isascii())
        wide += sum(1 for character in token if not character.isascii())
        capitals += sum(1 for character in token if not character.isascii() and character.isupper())
        worded = [run for run in runs if not run.isascii() and len(run) > 1]  # French 'à' alone is all accents
        letters += sum(map(len, worded))
        accented += sum(1 for run in worded for letter in run if not letter.isascii() and script(letter) == "LATIN")
    if accented * 4 > letters * 3:
        return None
    commonest, most = scripts.most_common(1)[0] if scripts else ("", 0)
    return _Judged(marks, wide, most / max(scripts.total(), 1), commonest, capitals / max(wide, 1),
                   len(tokens))


def _token_marks(token: str) -> int:
    """Marks between characters: a symbol, a number sign ('¹', '½') or punctuation beyond ASCII between two letters
    ('Wroc³aw', 'pi¹tego', 'žlu»oučký'), a symbol beside a letter but those written so ('zim±', '¬ródła': not
    '25°C', 'Acme™', 'm²' or a footnote's 'Genden¹'), a symbol beside another (KOI8-R's box drawing, read from
    junk), a capital after a small letter where either is beyond ASCII ('рТПФПЛПМ', 'jaŸñ'), and a small letter after
    two capitals ('ΦΕΝΐ' is 'ЦЕНА' in cp1251 read as Greek)."""
    return sum(_is_marked(token[at - 1:at], character, token[at + 1:at + 2]) for at, character in enumerate(token)) + \
        sum(1 for first, second, third in zip(token, token[1:], token[2:], strict=False)
            if first.isupper() and second.isupper() and third.islower() and not (second + third).isascii())


def _is_marked(before: str, character: str, after: str) -> bool:
    if before.islower() and character.isupper():
        return not (before.isascii() and character.isascii())
    if character.isascii():
        return False
    if _is_sign(character) and (_is_sign(before) or _is_sign(after) or character not in _BESIDE_WORDS and
                                (before.isalpha() or after.isalpha())):
        return True
    return _is_between_letters(character) and before.isalpha() and after.isalpha()


def _run_marks(run: str) -> int:
    """Marks on a word (a run of letters): letters of two scripts (a Latin word with a Cyrillic letter, 'Wrocіaw'),
    and none a vowel where it has two or more, six or more in capitals (lower-case Russian in KOI8-R read as cp1251 is
    capitals with no other mark, 'ПТПФПЛПМ', Greek read as cp1251 small letters, 'рсщфькпллп'; words have vowels,
    but acronyms: 'СССР', 'НКВД')."""
    scripts = {script(letter) for letter in run if letter not in _SCRIPTLESS}
    vowelless = len(run) > (_ACRONYM if run.isupper() else 1) and not any(_base(letter) in _VOWELS for letter in run)
    return (len(scripts) > 1) + vowelless


def _is_between_letters(character: str) -> bool:
    """A symbol, a number sign or punctuation no word holds between its letters (quotation marks, brackets, '¿',
    '§'; not an apostrophe, a hyphen or a dash, nor Catalan's middle dot)."""
    return _is_sign(character) or unicodedata.category(character) in ("Pi", "Pf", "Po", "Ps", "Pe") and \
        character not in _INSIDE_WORDS


def _is_sign(character: str) -> bool:
    """A symbol (currency, mathematical, modifier, other) or a number that is no digit ('¹', '½')."""
    if not character:
        return False
    category = unicodedata.category(character)
    return category[0] == "S" or category == "No"


@lru_cache(maxsize=1024)
def _base(letter: str) -> str:
    """A letter without its accents, in lower case ('Ά' is 'α', 'ё' is 'е')."""
    return unicodedata.normalize("NFD", letter.lower())[0]


def script(character: str) -> str:
    """A character's script by the first word of its Unicode name (LATIN, CYRILLIC, GREEK, CJK, HANGUL); Chinese
    characters and Japanese kana, written together, are one."""
    word = unicodedata.name(character, "?").split()[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA", "IDEOGRAPHIC") else word
