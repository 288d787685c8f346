"""A Russian name's dictionary form, read in its sentence: 'Литвинова' after 'по приказу' is the genitive of the man
Литвинов, not the woman Литвинова; 'Таиров' as the subject is Таиров, not a plural of the given name Таир.

Each word's case, gender and number come from slovnet's morphology tagger, which reads the sentence; pymorphy3's
analysis of that case and gender is put in the nominative. A word the tagger reads as nominative is kept as written,
and so is one the dictionary has no analysis of in the tagger's case and, for a person, gender ('Эйхе', 'Ким Ир
Сена'): an unknown name left inflected is a lesser harm than one changed into a word of no language.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.core.morphology import KEPT_AS_WRITTEN

NAME_TAGS = frozenset({"Surn", "Name", "Patr"})
CASES = {"Gen": {"gent", "gen2"}, "Dat": {"datv"}, "Acc": {"accs"}, "Ins": {"ablt"}, "Loc": {"loct", "loc2"}}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
HEAD_PARTS = {"NOUN", "PROPN"}  # the tagger's parts of speech of a name's head word
INITIAL = re.compile(r"^[А-ЯЁA-Z]\.$")  # a word that is an initial, 'И.'


class Word(NamedTuple):
    """A word of a name as written, with what the tagger read of it in its sentence."""

    text: str
    part: str  # part of speech: 'NOUN', 'PROPN', 'ADJ', …
    features: dict  # 'Case', 'Gender', 'Number', as Universal Dependencies name them


def dictionary_form(words: list[Word], kind: str, morph) -> str:
    """The name as a dictionary gives it: a person's every word in the nominative singular ('И. В. Сталина' -> 'И.
    В. Сталин'); a place's or body's words up to its head noun, the adjectives before it agreeing ('Монгольской
    Народной Республике' -> 'Монгольская Народная Республика'), the genitive after it kept ('Военной коллегии
    Верховного суда' -> 'Военная коллегия Верховного суда')."""
    shown, done = [], False
    for word in words:
        if done or INITIAL.match(word.text):
            shown.append(word.text)
        else:
            shown.append(_nominative(word, kind, morph))
        done = done or kind != "PERSON" and word.part in HEAD_PARTS
    return " ".join(shown)


def _nominative(word: Word, kind: str, morph) -> str:
    parse = _reading(morph.parse(word.text.lower()), word, kind)
    wanted = {"nomn", "sing"} if kind == "PERSON" else {"nomn"}
    nominative = parse.inflect(wanted) if parse is not None else None
    if nominative is None:
        return word.text
    form = nominative.word if "ё" in word.text.lower() else nominative.word.replace("ё", "е")  # as the text spells
    return cased_as(word.text, form)


def _reading(parses: list, word: Word, kind: str):
    """The analysis of the word in the case and number the tagger read, of its part of speech, the one agreeing best
    in gender (a person's: a name's or surname's first); none for an abbreviation, or a nominative. A nominative the
    word has no form of ('Крупской', 'Ягодой' read so after 'и') is the tagger's error: its case is then left open
    ('Таиров', no plural of the name Таир, stays as written)."""
    if not parses or parses[0].tag.grammemes & KEPT_AS_WRITTEN:
        return None
    part = "ADJF" if word.part == "ADJ" else "PRTF" if word.features.get("VerbForm") == "Part" else "NOUN"
    case = word.features.get("Case")
    if case not in CASES and any("nomn" in parse.tag for parse in parses):
        return None
    read = word.features if case in CASES else {}  # a wrong case's gender and number are as doubtful (a person is
    # one, though: 'Таиров' is no plural of the name Таир)
    gender, number = GENDERS.get(read.get("Gender", "")), NUMBERS.get(read.get("Number", "Sing" * (kind == "PERSON")))
    fitting = [parse for parse in parses if part in parse.tag and (number is None or number in parse.tag)
               and (case not in CASES or parse.tag.grammemes & CASES[case])]
    if kind == "PERSON":  # a name's or surname's reading; a common noun's of a man's or a woman's declension, never
        # a neuter ('Ягодой' is Ягода, a man declined as 'ягода'; 'Сена' no 'сено')
        named = [parse for parse in fitting if parse.tag.grammemes & NAME_TAGS]
        fitting = named or [parse for parse in fitting if "neut" not in parse.tag]
    return max(fitting, key=lambda parse: gender in parse.tag.grammemes, default=None)  # the first of equals


def cased_as(written: str, word: str) -> str:
    """`word` written in capitals as `written` is ('МОСКВА'), or with each hyphened part's capital ('Улан-Батор')."""
    if written.isupper():
        return word.upper()
    return "-".join(part[:1].upper() + part[1:] if old[:1].isupper() else part
                    for old, part in zip(written.split("-"), word.split("-"), strict=False)) \
        if written.count("-") == word.count("-") else word
