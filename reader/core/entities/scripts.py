"""Which model reads which stretch of a text: the English one, the Russian one, or none.

A text in Latin letters is English unless its words are another language's: spaCy's lists of each language's most
common words ('der', 'und'; 'le', 'les'; 'się', 'nie') cover some half of a text in it, and a tenth of one in
another (see `in_english`). German, French and Polish read by the English model made common nouns people
('Bericht', 'Verhaftungen', 'Dnia') and Genden a place (audit DY F2): such a text is read by no model, as Mongolian
is.

An English text quoting a Russian paragraph had its quotation read by the English model, whose Cyrillic names are
noise and left out, so a whole text of names went unread; a Russian text's English line ('Reuters, London') is no
Russian. So runs of lines of one script are told apart, a line without letters going with the run before it, and a
Russian run is read by the Russian model (a text with English in it is still read whole by the English model: the
context of its names runs across a Russian line).

Cyrillic is Russian where the text writes hardly a letter Russian lacks (Ukrainian і, ї, є, ґ; Belarusian ў; Serbian
and Macedonian ј, љ, њ; Mongolian ө, ү; Bulgarian's ъ before a consonant) and, in more than a few lines, some ы or
э, which Russian prose always has and Bulgarian never: the Russian model and dictionary glued Ukrainian and
Bulgarian names to their verbs and invented forms of no language ('Юріи', 'Колары'). Such text is read by no model:
its names are the ones the user marks.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import NamedTuple

ENGLISH, RUSSIAN, UNREAD = "english", "russian", ""
SHORT = 200  # Cyrillic letters below which a text may lack ы and э and still be Russian ('ПРОТОКОЛ ДОПРОСА')
FOREIGN_SHARE, MOST_FOREIGN = 0.01, 2  # letters Russian lacks that a Russian text may hold (a name: 'Өлзий'): a
# share of its letters, and one in any text
_LETTERS = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # ѣ (U+0463) and the other letters of old print included
_NOT_RUSSIAN = re.compile(r"[іїєґўјљњћђџѓќѕөүһІЇЄҐЎЈЉЊЋЂЏЃЌЅӨҮҺ]")
_ONLY_RUSSIAN = re.compile(r"[ыэЫЭ]")
_YAT = re.compile(r"[ѣѢ]")
_HARD_SIGN_BEFORE_CONSONANT = re.compile(r"ъ(?=[бвгджзклмнпрстфхцчшщ])", re.IGNORECASE)


OTHER_LATIN = ("de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "hu", "ro", "hr", "tr", "fi")
SAMPLE, WINDOWS = 20_000, 40  # characters of a text its language is told by, taken in this many windows
FEWEST_WORDS = 30  # below this a text says too little of its language: English
OVER_ENGLISH, DISTINCT = 2, 5  # another language's own common words: how many times English's own, of how many kinds
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-z\u00df-\u024f]+")  # a word in Latin letters, in lower case


class Stretch(NamedTuple):
    start: int
    end: int
    reader: str  # ENGLISH, RUSSIAN or UNREAD


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def mostly_cyrillic(text: str) -> bool:
    """Whether most of a text's letters are Cyrillic: the English model and sentence encoder cannot read it. Most
    text asked is plain ASCII, told at once (every passage a query judges is asked)."""
    if text.isascii():
        return False
    letters = len(_LETTERS.findall(text))
    return letters > 0 and 2 * len(_CYRILLIC.findall(text)) > letters


def mostly_other_script(text: str) -> bool:
    """Whether most of a text's letters are of neither Latin nor Cyrillic script (Greek, Chinese): the English model
    reads it, and the names it finds there are dropped as noise."""
    letters = _LETTERS.findall(_spread(text))
    read = sum(1 for letter in letters if _LATIN.fullmatch(letter.lower()) or _CYRILLIC.match(letter))
    return 2 * read < len(letters)


def in_english(text: str) -> bool:
    """Whether a text's words in Latin letters are English, or too few or too plain (a list of names, a telegram's
    'STOP') to be told another language's: another language's is one whose own common words, English's aside, a
    text writes many of (DISTINCT kinds) and twice as often as English's own. Capital letters alone are no words
    ('J. V. Stalin', 'U.S.S.R.': spaCy's Romanian list holds every letter; Polish 'w', 'z' are), and words of other
    scripts are read apart (Cyrillic) or dropped from what the English model finds (Greek)."""
    words = [word.lower() for word in _WORD.findall(_spread(text))
             if (len(word) > 1 or word.islower()) and _LATIN.fullmatch(word.lower())]  # not an initial ('J. V.')
    if len(words) < FEWEST_WORDS:
        return True
    english, counts = _common_words("en"), Counter(words)  # each kind of word asked once, not each word
    for code in OTHER_LATIN:
        theirs = _common_words(code)
        own = [count for word, count in counts.items() if word in theirs and word not in english]
        if len(own) >= DISTINCT and sum(own) > OVER_ENGLISH * sum(
                count for word, count in counts.items() if word in english and word not in theirs):
            return False
    return True


def _spread(text: str) -> str:
    """Windows of a text from its beginning to its end: a book opening with a foreign preface is still English (its
    first 20,000 characters alone had made a whole English book unread, audit DZ F5)."""
    if len(text) <= SAMPLE:
        return text
    step = len(text) // WINDOWS
    return "\n".join(text[at:at + SAMPLE // WINDOWS] for at in range(0, len(text), step))


@cache
def _common_words(code: str) -> frozenset[str]:
    """spaCy's list of a language's most common words (its stop words), read without loading a model."""
    from importlib import import_module

    return frozenset(import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)


def _russian(cyrillic: str) -> bool | None:
    """Whether Cyrillic text is Russian by the letters it writes; None where it is too short and plain to tell.
    Russian printed before 1918 wrote і beside ѣ ('Россія', 'дѣлъ'), which Ukrainian never writes. Bulgarian writes
    ъ before a consonant ('Коминтернът', 'България'), where Russian writes it before е, ё, ю, я or, in old print, at
    a word's end. One such letter may be a name's ('Өлзий') or a misreading, and tells nothing."""
    letters = len(_CYRILLIC.findall(cyrillic))
    foreign = _NOT_RUSSIAN.findall(cyrillic)
    if _YAT.search(cyrillic):
        foreign = [letter for letter in foreign if letter not in "іІ"]
    foreign += _HARD_SIGN_BEFORE_CONSONANT.findall(cyrillic)
    if len(foreign) >= MOST_FOREIGN and len(foreign) > FOREIGN_SHARE * letters:
        return False
    if _ONLY_RUSSIAN.search(cyrillic):
        return True
    return None if letters < SHORT else False


def stretches(pieces: list[str]) -> list[list[Stretch]]:
    """Each piece of one text cut where the script of its lines changes, each stretch with the model that reads it
    (a piece of one script is one stretch). A Cyrillic stretch that shows its language is read in it (a Mongolian
    line does not make a Russian quotation no Russian); one too short and plain to tell takes the whole text's (a
    long Bulgarian text's last piece, a line or two, need not show what Bulgarian writes)."""
    runs = [_runs(piece) for piece in pieces]
    whole = _russian("".join(piece[a:b] for piece, found in zip(pieces, runs, strict=True)
                             for a, b, cyrillic in found if cyrillic))
    latin = ENGLISH if in_english("".join(piece[a:b] for piece, found in zip(pieces, runs, strict=True)
                                          for a, b, cyrillic in found if not cyrillic)) else UNREAD

    def reader(text: str, cyrillic: bool) -> str:
        if not cyrillic:
            return latin
        russian = _russian(text)
        return RUSSIAN if (whole is not False if russian is None else russian) else UNREAD

    return [[Stretch(a, b, reader(piece[a:b], cyrillic)) for a, b, cyrillic in found]
            or [Stretch(0, len(piece), latin)] for piece, found in zip(pieces, runs, strict=True)]


def _runs(text: str) -> list[list]:
    """[start, end, in Cyrillic] of each run of lines of one script, a line without letters going with the run
    before it."""
    runs: list[list] = []
    start = 0
    for line in text.splitlines(keepends=True):
        cyrillic = mostly_cyrillic(line) if _LETTERS.search(line) else runs[-1][2] if runs else False
        if runs and runs[-1][2] == cyrillic:
            runs[-1][1] = start + len(line)
        else:
            runs.append([start, start + len(line), cyrillic])
        start += len(line)
    return runs
