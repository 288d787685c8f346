"""Names as written and the key they are compared by: possessives, titles, initials and articles removed.

Title and honorific lists are general English usage, not names from any corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from reader.core.entities.broken import unbroken
from reader.core.entities.calendar_words import ENGLISH_WEEKDAYS, MONTHS
from reader.core.entities.scripts import has_cyrillic

TITLES = (
    "prime minister", "deputy prime minister", "foreign minister", "deputy foreign minister", "war minister",
    "minister of foreign affairs", "minister", "marshal", "general", "gen.", "colonel", "col.", "captain",
    "commander-in-chief", "commander", "president", "premier", "chairman", "secretary", "general secretary",
    "comrade", "mr.", "mr", "mrs.", "mrs", "ms.", "dr.", "dr", "prof.", "professor", "sir", "lord", "lady", "king",
    "queen", "prince", "princess", "emperor", "tsar", "czar", "khan", "bogd", "lama", "saint", "st.", "leader",
    "head of state", "ambassador", "envoy", "senator", "governor", "judge", "bishop", "father", "the",
    "deputy", "vice", "acting", "director", "chief", "commissar", "consul",
    "capt.", "capt", "hon.", "hon", "rev.", "rev", "reverend", "lieut.", "lieutenant", "lt.", "maj.", "major",
    "sergeant", "sgt.", "sgt", "gov.", "messrs.", "mme.", "mlle.", "madame", "monsieur", "citizen", "count",
    "countess", "baron", "baroness", "duke", "earl", "viscount", "marquis", "abbe", "honorable", "honourable",
    "esq.", "esq", "elector", "admiral", "adm.", "sen.",
    "m.", "mm.", "sieur", "monseigneur", "citoyen", "citoyenne", "chancelier", "ambassadeur", "envoyé",
    "herr", "frau", "freiherr", "reichskanzler", "gesandte", "gesandten", "gesandter", "botschafter",
    "тов.", "тт.", "товарищ", "товарищи", "товарища", "товарищу", "товарищем", "гражданин", "гражданина",
    "господин", "господина", "г-н", "г-на", "г-ну",
    *(rank + ending for rank in ("маршал", "генерал", "министр", "премьер", "премьер-министр", "нарком", "комиссар",
                                 "полпред", "профессор", "академик") for ending in ("", "а", "у", "ом", "е")),
    *(rank + ending for rank in ("председател", "секретар") for ending in ("ь", "я", "ю", "ем", "ём", "е")),
)  # the last lines French, German and Russian: 'M. de Flesselles' and 'Herr von Flesselles' are one man ('Graf' and
# 'Fürst', 'Kanzler' and 'Chancellor' are surnames too); 'тов. Сталин' (comrade) and 'тт. Молотов и Ворошилов'
# (comrades) are Stalin and Molotov, and 'Маршал Чойбалсан', 'наркома Литвинова' Choibalsan and Litvinov in any case
# (the marshal had named the English corpus's Choibalsan, audit DY F1)
OFFICES = {"minister", "commander", "director", "secretary", "chairman", "commissar", "ambassador", "premier", "deputy",
           "chief", "president", "governor", "envoy", "consul"}  # words that end an office, never a person's name
TRAILING_HONORIFICS = {"pasha", "bey", "beg", "efendi", "effendi", "agha", "aga", "khan", "jr", "sr", "esq"}
_TITLE_PATTERN = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                            + r")\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_INITIAL = re.compile(r"^(?:[A-ZА-Я]\.\s*)+")
_SPACES = re.compile(r"\s+")


def trim_surface(text: str, start: int) -> tuple[str, int, int]:
    """Drop leading titles/articles and a trailing possessive; returns (name, start, end) of what remains."""
    stripped = text.strip()
    start += len(text) - len(text.lstrip())
    title = _TITLE_PATTERN.match(stripped)
    if title and title.end() < len(stripped):
        start += title.end()
        stripped = stripped[title.end():]
    possessive = _POSSESSIVE.search(stripped)
    if possessive and len(stripped) > possessive.end() - possessive.start() + 1:
        stripped = stripped[:possessive.start()]
    return stripped, start, start + len(stripped)


def name_key(name: str) -> str:
    """The form names are compared by: initials and a trailing honorific ('Enver Pasha') dropped, spaces collapsed,
    case folded."""
    bare = _INITIAL.sub("", unbroken(unicodedata.normalize("NFC", name.strip())))  # 'ü' written decomposed too
    key = _SPACES.sub(" ", bare).casefold().strip(" .,")
    words = key.split(" ")
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].rstrip(".") in TRAILING_HONORIFICS else key


def canonical_name(names: Counter) -> str:
    """The fullest form in Latin letters where the entity has one (else in Cyrillic): most words without initials,
    then the most frequent. One Russian report's 'Пэлжидийн Гэндэн' had named the English corpus's Genden (audit DY
    F1); counting each script's mentions instead, the name changed with each import (DZ F9)."""
    latin = any(not has_cyrillic(name) for name in names)
    return max(names, key=lambda n: (has_cyrillic(n) != latin, token_count(n) if not has_initials(n) else 0,
                                     names[n], n))


def surname(name: str) -> str:
    key = name_key(name)
    return key.split(" ")[-1] if key else ""


def has_initials(name: str) -> bool:
    return bool(_INITIAL.match(name.strip()))


def token_count(name: str) -> int:
    return len(name_key(name).split())


_TITLE_SET = {t.rstrip(".") for t in TITLES}
CALENDAR_WORDS = {*MONTHS, *ENGLISH_WEEKDAYS}  # English whole names: 'Jan' may be a name, and 'Juin' (a marshal) or
# 'August' (a given name) are names in English prose


def is_title(name: str) -> bool:
    """A name made only of titles ('Prime Minister', 'Deputy Minister', 'Esq.') or ending in an office ('Finance
    Minister', 'Military Commander') names an office, not a person."""
    words = [word.rstrip(".") for word in name.casefold().split()]
    titles = _TITLE_SET | TRAILING_HONORIFICS
    return bool(words) and (all(word in titles for word in words) or len(words) > 1 and words[-1] in OFFICES)


FUNCTION_WORDS = frozenset(str.split("""
le la les un une des du au aux ce cet cette ces il elle ils elles je tu nous vous
der die den dem des ein eine einer einem einen ich du er sie wir ihr
"""))  # French and German articles and pronouns a sentence opens with, capitalised there ('La foule', 'Ich sah'):
# general usage, no names of any corpus; 'Das' and 'Man' are left out (a surname, an island)


def is_function_word(name: str) -> bool:
    """'La', 'Ich': an article or a pronoun alone names nothing (a name may begin with one: 'La Rochelle'); in
    capitals it is an acronym ('UN')."""
    return name.casefold() in FUNCTION_WORDS and not name.isupper()


def is_calendar_word(name: str) -> bool:
    """'March', 'Friday': a month or weekday standing alone is part of a date, not a name."""
    return name.casefold() in CALENDAR_WORDS
