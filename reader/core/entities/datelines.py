"""Days told from a dateline: a dispatch's "this morning", a diary's "hier soir", a letter's "to-morrow", "вчера".

Why: a report under "PARIS, Jan. 5, 1895.—" tells its event as "this morning" and gives no other date, so the
passage that tells it had no place on the timeline; only the dateline had. A day said relative to the day of writing
counts from the dateline before it, until a date ten years later is written (an afterword's, an editor's). A
dateline starts its line: a day after a place's name or a weekday (one at least), ending the line or its sentence.
A date inside a sentence ("In Moscow, 15 November 1934 — the day…"), or alone on a line as a chronology's heading,
is none: a modern article's "today historians doubt it" is not the day it names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from reader.core.entities.calendar_words import FRENCH_MONTHS, GERMAN_MONTHS, WEEKDAYS
from reader.core.entities.gazetteer import names_a_place
from reader.core.entities.scanning import scan
from reader.core.records.dates import DateMention

_RELATIVE_WORDS = {  # the first word says how many days from the day of writing; longest forms first
    "the day before yesterday": -2, "the day after to-morrow": 2, "the day after tomorrow": 2,
    "yesterday": -1, "last": -1, "to-day": 0, "today": 0, "to-night": 0, "tonight": 0, "this": 0,
    "to-morrow": 1, "tomorrow": 1,
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "ce": 0, "cet": 0, "cette": 0, "demain": 1,
    "après-demain": 2,
    "vorgestern": -2, "gestern": -1, "heute": 0, "übermorgen": 2,
    "позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2,
}
_TIME_OF_DAY = (r"(?:[ \t]+(?:morning|afternoon|evening|night|matin|soir|früh|morgen|vormittag|nachmittag|abend"
                r"|утром|днём|днем|вечером|ночью))?")
_RELATIVE_DAY = re.compile(
    r"(?<![\w'’-])(?:the day before yesterday|the day after to-?morrow|yesterday|to-?day|to-?night|to-?morrow"
    r"|this[ \t]+(?:morning|afternoon|evening)|last[ \t]+(?:night|evening)"
    r"|avant-hier|après-demain|hier|aujourd['’]hui|ce[ \t]+(?:matin|soir)|cet[ \t]+après-midi|cette[ \t]+nuit|demain"
    r"|vorgestern|übermorgen|gestern|heute|позавчера|послезавтра|вчера|сегодня|завтра)"
    rf"{_TIME_OF_DAY}(?![\w'’-])", re.IGNORECASE)
PRESENT_MOVES_YEARS = 10  # a date this much later than the dateline is another writer's present (an afterword's)
_FRENCH_ONLY = ("hier", "avant-hier")  # German "hier" is "here": read only under a French dateline
_CAPITALISED = r"[A-ZА-ЯЁ][\w'’.-]*"  # a place's name, in Latin or Cyrillic letters
AFTER_THE_DAY = r"(?:[ \t]*г\.)?(?:[ \t]*\([^)\n]{1,24}\))?"  # a Russian year's "г.", an agency: "(TASS)", "(ТАСС)"
DATELINE_ENDS = r"(?:[.,]?[ \t]*(?:[—–:-]|\n|$)|\.[ \t]|(?<=\.)[ \t])"  # the line ends, or its sentence ("г. Сегодня"),
# or a dash comes
_DATELINE_HEAD = re.compile(  # what a dateline's day follows on its line: a place, a weekday, or both
    rf"[#*\s]*(?P<place>(?!(?i:{'|'.join(WEEKDAYS)})\b){_CAPITALISED}(?:[ -]{_CAPITALISED}){{0,3}},[ \t]*)?"
    rf"(?P<weekday>(?i:{'|'.join(WEEKDAYS)}),?[ \t]+)?(?:the[ \t]+)?")
_DATELINE_TAIL = re.compile(AFTER_THE_DAY + DATELINE_ENDS)
_FRENCH_WORDS = {*FRENCH_MONTHS, *WEEKDAYS[7:14]} - set(GERMAN_MONTHS)


def days_told_from_datelines(text: str, found: list[DateMention]) -> list[DateMention]:
    """The days `text` says relative to the day of writing, each counted from the dateline before it among `found`
    (the dates read, in order), where no date read covers it already."""
    said = list(scan(_RELATIVE_DAY, text))
    if not said:  # most texts: no dateline is looked for (its place may be looked up in GeoNames)
        return []
    datelines = [mention for mention in found if is_dateline(text, mention)]
    starts = [mention.start for mention in datelines]
    told = []
    for match in said:
        before = bisect_right(starts, match.start())
        if before and not any(m.start < match.end() and match.start() < m.end for m in found) and \
                not _present_moved(found, datelines[before - 1], match.start()):
            day = _counted(match, datelines[before - 1], text)
            told += [DateMention(match.start(), match.end(), match.group(), day, "day", day, day)] if day else []
    return told


def _present_moved(found: list[DateMention], dateline: DateMention, at: int) -> bool:
    """Whether a date written between the dateline and `at` is more than PRESENT_MOVES_YEARS after it: the writer's
    present is another ("Afterword (2004)", an editor's note of 2004 under a letter of 1934). A year or two ahead is
    what the report says of the future ("an agreement on trade for 1936", "talks resume on 2 January 1936")."""
    later = f"{int(dateline.value[:4]) + PRESENT_MOVES_YEARS}-12-31"
    return any(dateline.end <= m.start < at and m.first > later for m in found)


def is_dateline(text: str, mention: DateMention) -> bool:
    """Whether a day read opens its line after a place's name ("For Dreyfus," is none) or a weekday and ends it, or
    ends its sentence."""
    if mention.precision != "day":
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    head = _DATELINE_HEAD.fullmatch(text, line_start, mention.start)
    if head is None or _DATELINE_TAIL.match(text, mention.end) is None:
        return False
    weekday_in_date = mention.text.split(" ", 1)[0].strip(",").lower() in WEEKDAYS
    return bool(head["weekday"] or weekday_in_date) or bool(head["place"]) and \
        names_a_place(head["place"].strip(" \t,"))


def _counted(match: re.Match, dateline: DateMention, text: str) -> str:
    """The day a relative word names from its dateline's, or '' where the word is another language's."""
    said = " ".join(match.group().lower().split())
    first = next(words for words in _RELATIVE_WORDS if said.startswith(words))
    if first in _FRENCH_ONLY and not _is_french(text[text.rfind("\n", 0, dateline.start) + 1:dateline.end]):
        return ""
    return (date.fromisoformat(dateline.value) + timedelta(days=_RELATIVE_WORDS[first])).isoformat()


def _is_french(line: str) -> bool:
    """Whether a dateline names its month or weekday in French."""
    return any(word in _FRENCH_WORDS for word in re.findall(r"[^\W\d_]+", line.lower()))
