"""Which model reads which stretch of a text: the English one, the Russian one, or none.

An English text quoting a Russian paragraph had its quotation read by the English model, whose Cyrillic names are
noise and left out, so a whole text of names went unread; a Russian text's English line ('Reuters, London') is no
Russian. So lines are read by the model of their script, a run of lines of one script together (the model reads a
name's context), a line without letters going with the run before it.

Cyrillic is Russian only where the text writes no letter Russian lacks (Ukrainian і, ї, є, ґ; Belarusian ў; Serbian
and Macedonian ј, љ, њ; Mongolian ө, ү) and, in more than a few lines, some ы or э, which Russian prose always has and
Bulgarian never: the Russian model and dictionary glued Ukrainian and Bulgarian names to their verbs and invented
forms of no language ('Юріи', 'Колары'). Such text is read by no model: its names are the ones the user marks.
"""

from __future__ import annotations

import re
from typing import NamedTuple

ENGLISH, RUSSIAN, UNREAD = "english", "russian", ""
SHORT = 200  # Cyrillic letters below which a text may lack ы and э and still be Russian ('ПРОТОКОЛ ДОПРОСА')
FOREIGN_SHARE = 0.01  # of the Cyrillic letters, letters Russian lacks that a Russian text may hold (a name: 'Өлзий')
DOUBLED_SHARE, MOST_DOUBLED = 0.02, 3  # doubled vowels a Russian text may hold ('кооператив', 'в Улаанбаатаре'):
# a share of its letters, or a few in a short one
_LETTERS = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # ѣ (U+0463) and the other letters of old print included
_NOT_RUSSIAN = re.compile(r"[іїєґўјљњћђџѓќѕөүһІЇЄҐЎЈЉЊЋЂЏЃЌЅӨҮҺ]")
_ONLY_RUSSIAN = re.compile(r"[ыэЫЭ]")
_YAT = re.compile(r"[ѣѢ]")
_HARD_SIGN_BEFORE_CONSONANT = re.compile(r"ъ(?=[бвгджзклмнпрстфхцчшщ])", re.IGNORECASE)
_DOUBLED_VOWEL = re.compile(r"(?:аа|оо|ээ|уу)", re.IGNORECASE)


class Stretch(NamedTuple):
    start: int
    end: int
    reader: str  # ENGLISH, RUSSIAN or UNREAD


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def mostly_cyrillic(text: str) -> bool:
    """Whether most of a text's letters are Cyrillic: the English model and sentence encoder cannot read it."""
    letters = len(_LETTERS.findall(text))
    return letters > 0 and 2 * len(_CYRILLIC.findall(text)) > letters


def is_russian(cyrillic: str) -> bool:
    """Whether Cyrillic text is Russian, by the letters it writes (see the module's note). Russian printed before
    1918 wrote і beside ѣ ('Россія', 'дѣлъ'), which Ukrainian never writes. Bulgarian writes ъ before a consonant
    ('Коминтернът', 'България'), where Russian writes it only before е, ё, ю, я or, in old print, at a word's end;
    Mongolian doubles its vowels ('Улаанбаатар', 'Хорлоогийн'), which Russian does in a few borrowed words."""
    letters = len(_CYRILLIC.findall(cyrillic))
    foreign = _NOT_RUSSIAN.findall(cyrillic)
    if _YAT.search(cyrillic):
        foreign = [letter for letter in foreign if letter not in "іІ"]
    foreign += _HARD_SIGN_BEFORE_CONSONANT.findall(cyrillic)
    doubled = len(_DOUBLED_VOWEL.findall(cyrillic))
    return len(foreign) <= FOREIGN_SHARE * letters and (doubled < MOST_DOUBLED or doubled <= DOUBLED_SHARE * letters) \
        and (letters < SHORT or _ONLY_RUSSIAN.search(cyrillic) is not None)


def stretches(pieces: list[str]) -> list[list[Stretch]]:
    """Each piece of one text cut where the script of its lines changes, each stretch with the model that reads it
    (a piece of one script is one stretch). Whether its Cyrillic is Russian is told from the whole text: a long
    Bulgarian text's last piece, a line or two, need not show what Bulgarian writes."""
    runs = [_runs(piece) for piece in pieces]
    russian = is_russian("".join(piece[a:b] for piece, found in zip(pieces, runs, strict=True)
                                 for a, b, cyrillic in found if cyrillic))
    return [[Stretch(a, b, (RUSSIAN if russian else UNREAD) if cyrillic else ENGLISH) for a, b, cyrillic in found]
            or [Stretch(0, len(piece), ENGLISH)] for piece, found in zip(pieces, runs, strict=True)]


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
