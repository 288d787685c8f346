"""Dates in running text, normalised to a sortable value with a precision, the surface text kept.

"November 15, 1934" -> 1934-11-15 (day); "October 1919" -> 1919-10 (month); "early 1935" -> "1935 early";
"the summer of 1937" -> "1937 summer"; "the turn of 1936" -> "1936 turn" (November 1935 to February 1936); "a winter
night in 1935" -> "1935 winter"; "1900-1937" -> 1900..1937 (range); "the 1930s" -> 1930..1939 (decade), "the
early 1930s" -> 1930..1933;
"1934" -> 1934 (year). Found by pattern, so dates are recognised even without the statistical model; a phone number
or a price is never a date because a year must stand on its own. A day without a year ("on April 7") takes the
year of the last dated mention before it, as a reader does; with no year before it, it is not normalised, so not
taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from reader.core.entities.calendar_words import (
    ABBREVIATIONS,
    ENGLISH_WEEKDAYS,
    FRENCH_ABBREVIATIONS,
    FRENCH_MONTHS,
    GERMAN_ABBREVIATIONS,
    GERMAN_MONTHS,
    GERMAN_OPENINGS,
    GREEK_MONTHS,
    MONTH_NUMBERS,
    MONTHS,
    POLISH_MONTHS,
    ROMAN_MONTHS,
    RUSSIAN_MONTHS,
    UNACCENTED_MONTHS,
    WEEKDAYS,
)
from reader.core.entities.calendars import gregorian
from reader.core.entities.datelines import days_told_from_datelines, is_dateline
from reader.core.entities.scanning import scan
from reader.core.folding import without_accents
from reader.core.records.dates import DateMention

# What dates are read as: moved on when that changes, so a register recognised before is brought up to date (dates
# are read anew at each run; the model's cached output stays). 2: "the early 1930s" is 1930..1933. 3: "April 7 and
# 14" gives both days; a chronology's "• July:" takes the year above it. 4: "1920-21" is 1920..1921, "12.IV.1922"
# a day with a Roman month. 5: month words are the months' names and abbreviations only ("the decree of 1921" is
# a year); "the 15th of November, 1934", "November the 15th", "15. November 1934", 15.11.1934 and 15/11/1934 are
# days; "from 12 to 15 November 1934", "March to May 1921", "between 1934 and 1937" are spans. 6: "before 24
# November 1934" is a bound ("1934-11-24 before"); an Old Style day, or a double date "12 (25) November", is the
# Gregorian day; a day no calendar has ("31 April 1934") is its month; "mid-1935" and "the mid-1930s" are read
# hyphenated; "c. 1920" is "1920 circa", two years either side; "Order No. 1921", "page 1934", "1934 roubles"
# are no years; French, German and Russian month names are months ("14 juillet 1789", "16. Juli 1789", "15 ноября
# 1934 г."). 11: a day written alone after a date naming its month ("on the 15th", "the 3rd inst.") is a day;
# "by the 15th of April" is bounded as "by 15 April" is. 12: French and German months written without their
# accents ("fevrier", "Marz", "Maerz"), and a day's year run into its month by OCR ("le 3 fevrier1935"). 13: the
# year of an author-year citation ("(Zhabaeva 2021)") is no date. 14: a day written alone follows a word that
# dates or its weekday ("Louis the 16th," is a king). 15: a year in brackets after a place's or a feast's name
# ("(Versailles, 1919)", "(Easter 1916)") is the event's, not a citation's; "by the 1921 decree" is the year. 16: a
# diary's weekday and day alone ("Mardi 11.") is a day; a November or December told from a January is the year
# before's. 17: a dispatch's or a diary's "this morning", "hier soir", "gestern", "вчера" count from its dateline; a
# November or December is the year before's only told from a January's or February's dateline; German and French
# shortened months ("22. Dez. 1894", "le 13 janv. 1898"); a diary's "Mardi 1er." after January is February's;
# a French "Le 15," and a German "am 18." are days alone. 18: a dateline's place is a place, its present ends at a
# date ten years later; "am 17. Parteitag" is an ordinal. 19: "am 20. trafen" is a day, "am 2. oder 3." none.
# 20: Polish and Greek months.
READING_VERSION = "20"

_ABBREVIATED = {*ABBREVIATIONS, "sept", *GERMAN_ABBREVIATIONS, *FRENCH_ABBREVIATIONS} - {"may"}  # names a dot may
# shorten ("Apr.", "Dez.", "janv."; "May." ends a sentence)
_MONTH_WORDS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_MONTH = rf"(?P<month>(?:{_MONTH_WORDS})\.?)(?![^\W\d_])"  # no letter after it: a word beginning like one
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|er)?"  # 1st; 1er (French)
_DAY_NUMBER = r"(?P<day>[0-3]?[0-9])"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_PART = (r"(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of|the turn of|"
         rf"(?:the )?{_SEASON}(?: of)?|(?:an?|one|that|the)\s+{_SEASON}(?:\s+(?:night|day|evening|morning|afternoon))?"
         r"\s+(?:in|of))")
_NOT_NUMBER_BEFORE = r"(?<![\d$€£.,:/\-])"
_NOT_NUMBER_AFTER = r"(?![\d%\-]|\.\d|,\d)"
_TO = r"\s*(?:[-–—]|to|until|till)\s*"
_DAY2 = r"(?P<day2>[0-3]?[0-9])(?:st|nd|rd|th)?"
_MONTH2 = rf"(?P<month2>(?:{_MONTH_WORDS})\.?)(?![^\W\d_])"
_YEAR2 = r"(?P<year2>1[0-9]{3}|20[0-9]{2})"
_OLD_STYLE = r"(?P<old>\(\s*(?:O\.\s?S\.|old style)\s*\)|O\.\s?S\.|old style)"  # the Julian calendar's date
_OLD_STYLE_AFTER = re.compile(rf",?\s*{_OLD_STYLE}", re.IGNORECASE)
_BOUND_BEFORE = re.compile(r"\b(before|prior to|by|not later than|no later than|after|since|not earlier than|"
                           r"no earlier than)\s+(?P<the>the\s+)?$", re.IGNORECASE)  # "by the 15th of April"; "by the
# 1921 decree" names the decree by its year
_RELATIVE = re.compile(r"\b(?:day|days|week|weeks|month|months|year|years|night|morning|evening|eve)\s+$",
                       re.IGNORECASE)
BOUNDS = {"before": "before", "prior to": "before", "by": "by", "not later than": "by", "no later than": "by",
          "after": "after", "since": "since", "not earlier than": "since", "no earlier than": "since"}
EARLIEST, LATEST = "0001-01-01", "9999-12-31"  # the open side of a bound
CIRCA_YEARS = 2  # "c. 1920" spans the years this far either side
_NUMBERING_BEFORE = re.compile(r"\b(?:no|nos|number|page|pages|p|pp|fond|f|opis|op|order|file|vol|volume|box|folio|"
                               r"fol|item|delo|doc|document|chapter|chap|ch|section|sect|sec|art\.|article|part|"
                               r"psalm|ps|verse|clause|para|paragraph|room|table|tables|figure|fig|plate"
                               r")\.?\s*$", re.IGNORECASE)  # (not 'act': the Education Act 1918)
_UNIT_AFTER = re.compile(r"\s*(?:roubles?|rubles?|tugriks?|dollars?|pounds?|francs?|km|kilomet(?:re|er)s?|"
                         r"miles?|tons?|tonnes?|head)\b", re.IGNORECASE)
_DATING_BEFORE = re.compile(r"\b(?:in|of|since|by|until|till|from|to|during|after|before|around|about)\s+$",
                            re.IGNORECASE)
PATTERNS = [  # spans first: "from 12 to 15 November 1934" is one span, not the 15th
    ("days", rf"{_NOT_NUMBER_BEFORE}\b(?:(?P<between>between\s+)|from\s+)?{_DAY}(?(between)\s+and\s+|{_TO}){_DAY2}"
             rf"\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b{_NOT_NUMBER_AFTER}"),
    ("days", rf"{_NOT_NUMBER_BEFORE}\b(?:from\s+)?{_DAY}\s+{_MONTH}{_TO}{_DAY2}\s+{_MONTH2},?\s+{_YEAR}\b"
             rf"{_NOT_NUMBER_AFTER}"),
    ("months", rf"\b(?:from\s+)?{_MONTH}{_TO}{_MONTH2},?\s+{_YEAR}\b{_NOT_NUMBER_AFTER}"),
    ("range", rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|until|till)\s+{_YEAR2}\b{_NOT_NUMBER_AFTER}"),
    ("iso", rf"{_NOT_NUMBER_BEFORE}\b{_YEAR}-(?P<month_number>[01][0-9])-(?P<day>[0-3][0-9])\b{_NOT_NUMBER_AFTER}"),
    ("double", rf"{_NOT_NUMBER_BEFORE}\b{_DAY}\s*(?:(?P<paren>\()|/)\s*{_DAY2}\s*(?(paren)\))\s+(?:of\s+)?{_MONTH},?"
               rf"\s+{_YEAR}\b{_NOT_NUMBER_AFTER}"),  # 12 (25) November 1934, 3/16 June 1921: Old Style and New Style
    ("day", rf"\b{_MONTH}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}\b{_NOT_NUMBER_AFTER}"),  # November (the) 15th, 1934
    ("day", rf"{_NOT_NUMBER_BEFORE}\b(?:the\s+)?{_DAY}(?:\.\s*|\s+)(?:of\s+)?{_MONTH}(?:\s*{_OLD_STYLE})?,?\s*"
            rf"{_YEAR}\b{_NOT_NUMBER_AFTER}"),  # OCR may lose the spaces: '5.Marz1935'
    ("day", rf"{_NOT_NUMBER_BEFORE}\b{_DAY_NUMBER}\.(?P<month_number>[01]?[0-9])\.{_YEAR}\b{_NOT_NUMBER_AFTER}"),
    ("figures", rf"{_NOT_NUMBER_BEFORE}\b(?P<first>[0-3]?[0-9])(?P<mark>[/-])(?P<second>[0-3]?[0-9])(?P=mark){_YEAR}\b"
                rf"{_NOT_NUMBER_AFTER}"),
    ("roman", rf"{_NOT_NUMBER_BEFORE}\b{_DAY}\.\s?(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?{_YEAR}\b"
              rf"{_NOT_NUMBER_AFTER}"),
    ("range", rf"{_NOT_NUMBER_BEFORE}\b{_YEAR}\s?[-–—]\s?(?P<year2>1[0-9]{{3}}|20[0-9]{{2}})\b{_NOT_NUMBER_AFTER}"),
    ("range", rf"{_NOT_NUMBER_BEFORE}\b{_YEAR}\s?[-–—/]\s?(?P<year2_short>[0-9]{{2}})\b{_NOT_NUMBER_AFTER}"),
    ("decade", rf"{_NOT_NUMBER_BEFORE}\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
               rf"(?P<year>1[0-9]{{2}}0|20[0-9]0)s\b"),  # the mid-1930s too
    ("part", rf"\b(?:{_PART}\s+|(?P<part_joined>early|mid|late)-){_YEAR}\b{_NOT_NUMBER_AFTER}"),  # mid-1935 too
    ("circa", rf"\b(?:c\.|ca\.|circa)\s?{_YEAR}\b{_NOT_NUMBER_AFTER}"),
    ("month", rf"\b{_MONTH},?\s+(?:of\s+|του\s+)?{_YEAR}\b{_NOT_NUMBER_AFTER}"),  # March of 1936; Greek's too
    ("year", rf"{_NOT_NUMBER_BEFORE}\b{_YEAR}\b{_NOT_NUMBER_AFTER}"),
]
_COMPILED = [(precision, re.compile(pattern, re.IGNORECASE)) for precision, pattern in PATTERNS]
_MONTH_NAME = rf"(?P<month>(?:{_MONTH_WORDS.title()})\.?)(?![^\W\d_])"  # capitalised
_YEARLESS = re.compile(rf"\b{_MONTH_NAME}\s+{_DAY}(?:\s+and\s+(?P<day2>[0-3]?[0-9]))?\b(?![.,]?\s*\d)")
_DAY_FIRST = re.compile(  # "10 April", "the 14th of April", "17. Juli", "18 juillet": on one line, before no year;
    # "10 and 11 April" two days, "10 to 15 April" a span
    rf"{_NOT_NUMBER_BEFORE}\b(?:(?P<day0>[0-3]?[0-9])(?:st|nd|rd|th)?[ \t]*(?P<joint>and|&|to|till|until|-|–)[ \t]*)?"
    rf"(?P<day>[0-3]?[0-9])(?P<dot>st|nd|rd|th|er|\.)?[ \t]+(?:of[ \t]+)?{_MONTH}"
    r"(?![.,]?\s*(?:1[0-9]{3}|20[0-9]{2})\b)", re.IGNORECASE)
_BOTH_DAYS = ("and", "&")  # a joint of two days; the others span from one to the other
NEW_YEAR_FROM, NEW_YEAR_TO = 11, 2  # a yearless January or February after a November or December is the next year's
_MONTH_ITEM = re.compile(rf"^[^\w\n]*{_MONTH_NAME}(?=:)", re.MULTILINE)  # a chronology's '• March:' under a year
_DATED = ("day", "month", "part", "year")  # precisions whose year a following yearless day may take
_AUTHOR_YEAR = re.compile(  # "(Zhabaeva 2021)", "(Baabar, 1999: 45)", "(Sanders and Bold 2003, p. 12)", "(Rupen et
    # al. 1964a)": a work cited by its author and year
    r"\(\s*(?P<name>[A-Z][\w’'-]+)(?P<authors>(?:\s+(?:and|&)\s+[A-Z][\w’'-]+|\s+et\s+al\.?)*),?\s+"
    r"(?P<year>1[0-9]{3}|20[0-9]{2})(?P<page>[a-z]?(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?)\s*\)")
_DAY_ALONE = re.compile(  # "on the 15th.", "Sunday night, the 14th,", "the 3rd inst.": a day its month was given for
    # before; a number's ordinal ("the 15th Party Congress", "the 17th, 18th and 19th centuries") is none
    rf"(?:\b(?P<weekday>{'|'.join(ENGLISH_WEEKDAYS)})(?:[ \t]+(?:morning|afternoon|evening|night))?,?[ \t]+)?"
    r"\bthe[ \t]+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|d)\b"
    r"(?:[ \t]+(?P<relative>inst|ult|prox|instant|ultimo|proximo)\b\.?|(?=[ \t]*(?:[,.;:!?)\]—–]|$)))"
    r"(?![,.]?[ \t]*(?:(?:and|&)[ \t]+)?\d)", re.IGNORECASE | re.MULTILINE)
_WEEKDAY_DAY = re.compile(  # a diary's "Mardi 11. —", "Tuesday, 18.": a weekday and a day, the month told before
    rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}),?[ \t]+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th|er|e)?(?=[ \t]*(?:[.,;:—–]|$))"
    r"(?![.,][ \t]*\d)", re.IGNORECASE | re.MULTILINE)
_DAYS_WITH_ARTICLE = (  # a French "Le 15, …", "le 18 au soir", a German "am 18. wurde": a day alone, as "on the
    # 15th" is in English; "le 15e régiment" numbers a regiment, "Le 3, rue Royale" is an address, "am 18. Januar"
    # is a date whole
    re.compile(r"\b(?P<article>[Ll]e)[ \t]+(?P<day>[0-3]?[0-9])(?:er)?(?=[ \t]*(?:[,;:—–)]|au[ \t]+(?:soir|matin)\b))"
               r"(?![ \t]*,?[ \t]*(?:rue|avenue|boulevard|bd|quai|impasse|chemin|allée|faubourg)\b)"),
    re.compile(r"\b(?P<article>[Aa]m)[ \t]+(?P<day>[0-3]?[0-9])\.(?![ \t]+(?:und|oder|bis|sowie)\b)"
               r"(?=[ \t]+(?:[a-zäöüß]+\b(?<!en|er|es|em)|[a-zäöüß]+\b(?![ \t]+[A-ZÄÖÜ])|(?:Abends|Morgens|"
               r"Mittags|Nachmittags|Vormittags|Nachts)\b|(?:" + "|".join(word.title() for word in GERMAN_OPENINGS)
               + r")\b))"))  # a verb, an adverb or a sentence's first word: a noun ("am 17. Parteitag"), an
# adjective before its noun ("am 7. allrussischen Kongress") or another figure ("am 2. oder 3. Tag") is what it counts
_DAY_ALONE_AFTER = re.compile(r"\b(?:on|of|by|till|until|since|from|to|after|before|about|and|or|between)[ \t]+$",
                              re.IGNORECASE)  # words a day written alone follows: "Louis the 16th" is a king
FEASTS = {"easter", "christmas", "whitsun", "whitsuntide", "pentecost", "lent", "advent", "epiphany", "candlemas",
          "michaelmas", "martinmas", "lammas", "midsummer", "hogmanay", "passover", "ramadan", "tsagaan"}  # times
# named in English usage (and the Mongolian new year), which a year in brackets may follow as it follows a place
_RELATIVE_MONTHS = {"inst": 0, "instant": 0, "ult": -1, "ultimo": -1, "prox": 1, "proximo": 1}  # a letter's months


class Taken:
    """Stretches of a text already read as dates, which never overlap: kept in order, so a match is checked against
    the one stretch before its end alone (a list scanned whole for every match took hours over a 30 MB text, and
    the window waited)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect_left(self._starts, end) - 1  # the last stretch starting before `end`: ends come in order too
        return at >= 0 and self._ends[at] > start

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)


def find_dates(text: str, cancelled: Callable[[], bool] | None = None) -> list[DateMention]:
    """Every date in `text`, longest patterns first, never two overlapping. `cancelled()` is asked between
    stretches of a long text (ImportCancelled ends the reading: closing the window waited a minute for 30 MB)."""
    taken = Taken()
    found: list[DateMention] = []
    for precision, pattern in _COMPILED:
        for match in scan(pattern, text, cancelled):
            if taken.overlaps(match.start(), match.end()):
                continue
            mention = _normalise(match, precision)
            if mention is not None:
                taken.add(match.start(), match.end())
                found.append(mention)
    cited = {match.start("year") for match in scan(_AUTHOR_YEAR, text) if not _names_a_time_or_place(match)}
    found = [_bounded(text, _old_style(text, mention)) for mention in sorted(found, key=lambda m: m.start)
             if mention.start not in cited]  # a work's year, not a date of what the text tells
    found = sorted(found + [_bounded(text, m) for m in _yearless_days(text, found, taken)], key=lambda m: m.start)
    found = sorted(found + _days_alone(text, found), key=lambda m: m.start)
    return sorted(found + days_told_from_datelines(text, found), key=lambda m: m.start)


def _names_a_time_or_place(match: re.Match) -> bool:
    """Whether the one name before a year in brackets is a place or a feast, not an author: "(Versailles, 1919)"
    and "(Easter 1916)" date an event as "(Zhabaeva 2021)" does not. Authors joined or a page cited are a work's."""
    from reader.core.entities.gazetteer import is_known_place, is_minor_place
    from reader.core.entities.geonames import likeliest, link_place

    name = match["name"]
    return not match["authors"] and not match["page"] and (
        name.casefold() in FEASTS or is_known_place(name) or is_minor_place(name)
        or likeliest(link_place(name)) is not None)  # by an old or another name: 'Petrograd', 'Ulaanbaatar'


def _old_style(text: str, mention: DateMention) -> DateMention:
    """A day marked Old Style after it ("25 October 1917 (O.S.)") as the Gregorian day it names."""
    marked = _OLD_STYLE_AFTER.match(text, mention.end)
    if mention.precision != "day" or marked is None:
        return mention
    day = gregorian(*(int(part) for part in mention.value.split("-")))
    return mention if day is None else replace(mention, value=day.isoformat(), first=day.isoformat(),
                                               last=day.isoformat())


def _bounded(text: str, mention: DateMention) -> DateMention:
    """A day, month or year after 'before', 'by', 'after', 'since' (…) as the bound it is: open on one side, so a
    source saying they met before 24 November agrees with one giving the 15th."""
    said = _BOUND_BEFORE.search(text, max(0, mention.start - 24), mention.start)
    if said is None or mention.precision not in ("day", "month", "year") or said["the"] and mention.precision != "day":
        return mention  # "by the 1921 decree" names the decree
    if _RELATIVE.search(text, max(0, said.start() - 12), said.start()):
        return mention  # "the day after 15 November" is a day beside it, no open span
    value = f"{mention.value} {BOUNDS[' '.join(said[1].lower().split())]}"
    first, last, _precision = date_span(value)
    return replace(mention, value=value, precision="bound", first=first, last=last)


def _yearless_days(text: str, dated: list[DateMention], taken: Taken) -> list[DateMention]:
    """'on April 7 and 14' after 'March 12, 1934': 1934-04-07 and 1934-04-14; a chronology's '• July:' after
    '• 1936:', 1936-07. `taken`: the stretches read as dates, to which these are added."""
    found = []
    matches = sorted([("day", m) for pattern in (_YEARLESS, _DAY_FIRST) for m in scan(pattern, text)] +
                     [("month", m) for m in scan(_MONTH_ITEM, text)], key=lambda item: item[1].start())
    sources = [m for m in dated if m.precision in _DATED and not _cited(text, m)]
    ends = [m.end for m in sources]  # in order: the mentions neither overlap nor come out of order
    for precision, match in matches:  # the first of two overlapping ("On 15 April 2 boats") is the day
        start = match.start()
        before = bisect_right(ends, start)  # the sources ending before it: the last gives the year
        month = _month_number(match.group("month"))
        if not before or month is None or taken.overlaps(start, match.end()) or _no_day(text, match):
            continue
        previous = sources[before - 1]
        read = _yearless(match, precision, _year_for(text, previous, month), month)
        found += read
        for mention in read:
            taken.add(mention.start, mention.end)
    return found


def _days_alone(text: str, dated: list[DateMention]) -> list[DateMention]:
    """'on the 15th' after 'April 14, 1912': 1912-04-15, as a witness or a letter gives the month once and then the
    days alone. Only where the date written before it gives a day or a month (after 'In 1913' the month is
    unknown), and only a day its weekday, where one is written ('Sunday night, the 14th'), does not contradict. Each
    takes its month from a date written whole, as a letter's 'the 2nd prox.' counts from the letter's date, not
    from 'the 28th ult.' before it."""
    found: list[DateMention] = []
    sources = [m for m in dated if not _cited(text, m)]  # in order, none overlapping: their ends are in order too
    ends = [m.end for m in sources]
    days = [match for pattern in (_DAY_ALONE, _WEEKDAY_DAY, *_DAYS_WITH_ARTICLE) for match in scan(pattern, text)]
    for match in sorted(days, key=lambda m: m.start()):
        before = bisect_right(ends, match.start())
        if not _after_a_dating_word(text, match) or not before or not _gives_month(sources[before - 1]) or \
                before < len(sources) and sources[before].start < match.end():
            continue
        mention = _day_of(match, sources[before - 1])
        if mention is not None:
            found.append(_bounded(text, mention))
    return found


def _after_a_dating_word(text: str, match: re.Match) -> bool:
    """Whether a day written alone stands where a date does: after its weekday ("Sunday night, the 14th") or its
    French or German article ("Le 15,", "am 18."), with a letter's "inst.", "ult." or "prox.", or after a word that
    dates ("on the 15th", "of the 18th"); "Louis the 16th," and "Henry the 8th." are kings."""
    told = match.groupdict()
    return bool(told.get("weekday") or told.get("relative") or told.get("article")) or \
        bool(_DAY_ALONE_AFTER.search(text, max(0, match.start() - 12), match.start()))


def _gives_month(mention: DateMention) -> bool:
    """Whether a date names a month: a day, a month, or either bounded ('by 15 April 1912')."""
    return mention.precision in ("day", "month", "bound") and mention.value[4:5] == "-"


def _day_of(match: re.Match, previous: DateMention) -> DateMention | None:
    """The day a day written alone names in the month of the date before it (or the month before or after, for a
    letter's 'ult.' and 'prox.'); None where there is no such day or its weekday is another. A diary moves forward:
    its weekday and a day lower than that date's ('Mardi 1er.' after 10 January) may be the next month's."""
    year, month = int(previous.value[:4]), int(previous.value[5:7])
    relative = match.groupdict().get("relative")
    shift = _RELATIVE_MONTHS.get((relative or "inst").lower(), 0)
    day, weekday = int(match.group("day")), match.groupdict().get("weekday")
    later = weekday and not relative and previous.precision == "day" and day < int(previous.value[8:10])
    for months in (shift, 1) if later else (shift,):
        iso = _day_in(year, month + months, day)
        if iso and (not weekday or date.fromisoformat(iso).weekday() == WEEKDAYS.index(weekday.lower()) % 7):
            start = match.start("day")
            return DateMention(start, match.end(), match.string[start:match.end()], iso, "day", iso, iso)
    return None


def _day_in(year: int, month: int, day: int) -> str:
    """The ISO day of `day` in month `month` of `year` counted on past December or back before January; '' where
    that month has no such day."""
    year, month = divmod(year * 12 + month - 1, 12)
    iso = f"{year:04d}-{month + 1:02d}-{day:02d}"
    return iso if _real_day(iso) else ""


def _yearless_span(match: re.Match, year: int, month: int) -> DateMention | None:
    """'10 to 15 April', '10-15 April' in `year`: the days from one to the other (None for anything else, or a span
    running backwards)."""
    groups = match.groupdict()
    if not groups.get("day0") or groups.get("joint", "").lower() in _BOTH_DAYS:
        return None
    first, last = (f"{year:04d}-{month:02d}-{int(groups[day]):02d}" for day in ("day0", "day"))
    if not (_real_day(first) and _real_day(last) and first < last):
        return None
    start, end = match.start("day0"), _month_end(match)
    return DateMention(start, end, match.string[start:end], f"{first}..{last}", "range", first, last)


def _month_end(match: re.Match) -> int:
    """Where a month's name ends: its dot is its own after an abbreviation ('Apr.') only, else the sentence's."""
    month = match.group("month")
    return match.end("month") - (month[-1] == "." and month[:-1].lower() not in _ABBREVIATED)


def _year_for(text: str, previous: DateMention, month: int) -> int:
    """The year of a yearless day or month: the date's before it, or the next where that was in November or
    December and this is January or February (a narrative crossing the new year). Told from a dateline of January or
    February (the day of writing, which looks back), a November or December is the year before's ("PARIS, Jan. 5,
    1895 … on December 22" is 1894); a narrative's "February 1917 … 7 November" moves forward. Whether the date
    before is a dateline is asked only then: it may look its place up in GeoNames."""
    year = int(previous.value[:4])
    previous_month = int(previous.value[5:7]) if previous.precision in ("day", "month") else 0
    if previous_month >= NEW_YEAR_FROM and month <= NEW_YEAR_TO:
        return year + 1
    looks_back = previous_month and previous_month <= NEW_YEAR_TO and month >= NEW_YEAR_FROM
    return year - 1 if looks_back and is_dateline(text, previous) else year


def _cited(text: str, mention: DateMention) -> bool:
    """Whether a year is a citation's, "(1955)": it dates a book, not the days the text tells after it."""
    return mention.precision == "year" and text[mention.start - 1:mention.start] == "(" and \
        text[mention.end:mention.end + 1] == ")"


def _yearless(match: re.Match, precision: str, year: int, month: int) -> list[DateMention]:
    """The dates a yearless match gives in `year`: a month, a day, a day and the one after 'and' (or before it), or
    a span of days ('10 to 15 April')."""
    spanned = _yearless_span(match, year, month)
    if spanned is not None:
        return [spanned]
    found = []
    both = (match.groupdict().get("joint") or "").lower() in _BOTH_DAYS
    days = ("day0", "day", "day2") if both else ("day", "day2")  # a backward span ('3–2 May'): its last day
    for group in days if precision == "day" else ("month",):
        if not match.groupdict().get(group):
            continue
        value, first, last = _value(precision, year, month, {"day": match.group(group)})
        if value is not None and (precision != "day" or _real_day(value)):  # 'April 7' (or '7 April') whole; the
            # '14' of 'and 14' alone; a month item's month; no '30th of February' (with no year, no slip of a pen)
            start, end = match.span(group)
            if group == "day":
                start, end = min(start, match.start("month")), max(end, _month_end(match))
            found.append(DateMention(start, end, match.string[start:end], value, precision, first, last))
    return found


def _no_day(text: str, match: re.Match) -> bool:
    """Whether a yearless day is no date: a month word not written as its language writes a month ("2 may go",
    "12 august men", the god "Mars"), a list's number ("1. May the Lord…"), or a number a word gives ("No. 3 May
    Street", "Chapter 3 May", "Psalm 23 May")."""
    dotted = match.groupdict().get("dot") == "."
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not _written_as_month(match.group("month")) or (dotted and not text[line_start:match.start()].strip()) \
        or bool(_NUMBERING_BEFORE.search(text, max(0, match.start() - 24), match.start()))


def _written_as_month(word: str) -> bool:
    """Whether a month's name is cased as its language writes it: English and German with a capital, French and
    Russian without (a capitalised 'Mars' in an English text is the god), Polish without ('Maja' is a name), Greek
    with."""
    name = word.rstrip(".")
    lower = name.lower()
    lower = UNACCENTED_MONTHS.get(lower, lower)
    if name[:1].isupper():
        return lower in MONTHS or lower in _ABBREVIATED or lower in GERMAN_MONTHS or _in(lower, GREEK_MONTHS)
    return lower in FRENCH_MONTHS or lower in FRENCH_ABBREVIATIONS or _in(lower, RUSSIAN_MONTHS) or \
        _in(lower, POLISH_MONTHS)


def _in(name: str, months: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a month's name in lower case is one of a language's forms of its months, written with its accents or
    without them."""
    return without_accents(name) in _unaccented_forms(months)


@cache
def _unaccented_forms(months: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Every form of a language's months without its accents, made once (each month a date names is asked)."""
    return frozenset(without_accents(form) for forms in months for form in forms)


def _numbers_or_counts(text: str, start: int, end: int) -> bool:
    """Whether a four-digit number is no year: it follows a word that numbers ("Order No. 1921", "page 1934", "Fond
    1934") or comes before a unit of money or measure ("1934 roubles", "1921 km"), unless a word that dates stands
    before it ("in 1934 roubles were scarce")."""
    before = text[max(0, start - 24):start]
    if _NUMBERING_BEFORE.search(before):
        return True
    return bool(_UNIT_AFTER.match(text, end)) and not _DATING_BEFORE.search(before)


def _month_number(name: str) -> int | None:
    lower = name.lower().rstrip(".")
    return MONTH_NUMBERS.get(lower) or MONTH_NUMBERS.get(without_accents(lower))  # 'ΜΑΡΤΙΟΣ' ends in 'ς' lowered,
    # 'σ' without its accents (audit EA F2)


def _normalise(match: re.Match, precision: str) -> DateMention | None:
    if precision == "year" and _numbers_or_counts(match.string, match.start(), match.end()):
        return None
    groups, written = match.groupdict(), precision
    year = int(groups["year"])
    month = _month_number(groups["month"]) if groups.get("month") else None
    if groups.get("month") and month is None:
        return None
    if groups.get("month_number"):
        month, precision = int(groups["month_number"]), "day"
        if not 1 <= month <= 12:
            return None
    if groups.get("roman"):
        month, precision = ROMAN_MONTHS.index(groups["roman"].upper()) + 1, "day"
    if precision in ("days", "months"):
        return _span(match, precision, year, month, groups)
    if precision == "double" or groups.get("old"):
        return _julian(match, year, month, groups)
    if precision == "figures":  # 15/11/1934 or 11/15/1934: the figure over 12 is the day; both 12 or under, the
        first, second = int(groups["first"]), int(groups["second"])  # year alone is sure
        month, day = (second, first) if first > 12 else (first, second)
        groups, precision = {**groups, "day": str(day)}, "day" if (first > 12) != (second > 12) else "year"
    if groups.get("year2_short"):  # "1920-21": the second year in the first one's century, and after it
        groups = {**groups, "year2": str(year // 100 * 100 + int(groups["year2_short"]))}
    value, first, last = _value(precision, year, month, groups)
    if precision == "day" and written != "iso" and value is not None and not _real_day(value):  # "31 April 1934": a
        # slip of the pen, read as its month; an ISO date is a machine's, and 1936-02-30 no date at all
        precision = "month"
        value, first, last = _value(precision, year, month, groups)
    if value is None:
        return None
    return DateMention(match.start(), match.end(), match.group(0), value, precision, first, last)


def _julian(match: re.Match, year: int, month: int, groups: dict) -> DateMention | None:
    """A day given in the Julian calendar ("25 October (O.S.) 1917"), or in both ("12 (25) November 1934": the
    second is the first's Gregorian day, else the figures are not a double date), as its Gregorian day."""
    day = gregorian(year, month, int(groups["day"]))
    if day is None or (groups.get("day2") and day.day != int(groups["day2"])):
        return None
    iso = day.isoformat()
    return DateMention(match.start(), match.end(), match.group(0), iso, "day", iso, iso)


def _span(match: re.Match, precision: str, year: int, month: int | None, groups: dict) -> DateMention | None:
    """A span of days ("12-15 November 1934", "12 November to 3 December 1934") or months ("March to May 1921") in
    one year, stored as its first and last ("1934-11-12..1934-11-15"), a range from the first's start to the last's
    end."""
    last_month = _month_number(groups["month2"]) if groups.get("month2") else month
    if last_month is None:
        return None
    if precision == "months":
        value = f"{year:04d}-{month:02d}..{year:04d}-{last_month:02d}"
    else:
        first_day, last_day = int(groups["day"]), int(groups["day2"])
        value = f"{year:04d}-{month:02d}-{first_day:02d}..{year:04d}-{last_month:02d}-{last_day:02d}"
    found = date_span(value)
    if found is None or found[0] > found[1]:
        return None
    return DateMention(match.start(), match.end(), match.group(0), value, "range", found[0], found[1])


def _value(precision: str, year: int, month: int | None, groups: dict) -> tuple[str | None, str, str]:
    if precision == "day":
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None, "", ""
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        return iso, iso, iso
    if precision == "month":
        prefix = f"{year:04d}-{month:02d}"
        return prefix, f"{prefix}-01", f"{prefix}-{_last_day(year, month)}"
    if precision == "range":
        year2 = int(groups["year2"])
        if year2 <= year if groups.get("year2_short") else year2 < year:
            return None, "", ""
        return f"{year}..{year2}", f"{year:04d}-01-01", f"{year2:04d}-12-31"
    if precision == "decade":  # "the early 1930s" is their first four years, "the mid" the middle, "the late" the last
        first, last = _DECADE_PARTS.get(groups.get("part") or "", (0, 9))
        return f"{year + first}..{year + last}", f"{year + first:04d}-01-01", f"{year + last:04d}-12-31"
    if precision == "circa":  # "c. 1920": about then, two years either side
        return f"{year} circa", f"{year - CIRCA_YEARS:04d}-01-01", f"{year + CIRCA_YEARS:04d}-12-31"
    if precision == "part":
        part = _part_name(groups["part"] or groups["part_joined"])
        first, last = part_span(year, part)
        return f"{year} {part}", first, last
    return str(year), f"{year:04d}-01-01", f"{year:04d}-12-31"


_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}  # years of a decade its part means
# The words of a fuzzy date, reduced to one name; the first listed word found in the phrase wins.
_PART_NAMES = ("spring", "summer", "autumn", "fall", "winter", "turn", "beginning", "start", "middle", "end",
               "early", "mid", "late")
# (first month, first day, last month, last day (0: the month's last), year offset of the first day) per part of a
# year. "The turn of
# 1936" straddles the new year; "winter of 1935" may be its first months or its last, so the whole year.
_PART_SPANS = {
    "early": (1, 1, 4, 30, 0), "beginning": (1, 1, 3, 31, 0), "start": (1, 1, 3, 31, 0), "mid": (5, 1, 8, 31, 0),
    "middle": (5, 1, 8, 31, 0), "late": (9, 1, 12, 31, 0), "end": (10, 1, 12, 31, 0), "turn": (11, 1, 2, 0, -1),
    "spring": (3, 1, 5, 31, 0), "summer": (6, 1, 8, 31, 0), "autumn": (9, 1, 11, 30, 0), "fall": (9, 1, 11, 30, 0),
    "winter": (1, 1, 12, 31, 0),
}


def _real_day(iso: str) -> bool:
    try:
        date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _last_day(year: int, month: int) -> str:
    import calendar

    return f"{calendar.monthrange(year, month)[1]:02d}"


def _part_name(phrase: str) -> str:
    words = phrase.lower().split()
    return next((name for name in _PART_NAMES if name in words), words[-1])


def part_span(year: int, part: str) -> tuple[str, str]:
    """The first and last ISO day a fuzzy part of a year can mean ("early 1935": January to April)."""
    first_month, first_day, last_month, last_day, offset = _PART_SPANS.get(part, (1, 1, 12, 31, 0))
    last = f"{last_day:02d}" if last_day else _last_day(year, last_month)  # the turn of 1936 ends on 29 February
    return f"{year + offset:04d}-{first_month:02d}-{first_day:02d}", f"{year:04d}-{last_month:02d}-{last}"


_PARTS_SAID = {"turn": "the turn of {}", "beginning": "the beginning of {}", "start": "the start of {}",
               "middle": "the middle of {}", "end": "the end of {}", "mid": "mid-{}"}  # else "{part} {year}"


def date_in_words(value: str) -> str:
    """A stored date value as a historian writes it, for showing and citing: '1935 circa' -> 'c. 1935', '1935 early'
    -> 'early 1935', '1936..1937' -> '1936–1937' ('1930..1939' too: as '1930s', '1900s' would read as a century),
    '1934 before' -> 'before 1934', a range of days '1934-11-15 – 1934-11-20'; a day, a month or a year as it is."""
    if found := re.fullmatch(r"(.+) (before|by|after|since)", value):
        return f"{found[2]} {date_in_words(found[1])}"
    if found := re.fullmatch(r"(\d{4}) circa", value):
        return f"c. {found[1]}"
    if (found := re.fullmatch(r"(\d{4}) ([a-z]+)", value)) and found[2] in _PART_SPANS:
        return _PARTS_SAID.get(found[2], f"{found[2]} {{}}").format(found[1])
    if found := re.fullmatch(r"(\d{4})\.\.(\d{4})", value):
        return f"{found[1]}–{found[2]}"
    return value.replace("..", " – ")  # days or months


def date_span(value: str) -> tuple[str, str, str] | None:
    """A stored date value back to (first day, last day, precision): what a timeline places and compares.

    '1934-11-15' day, '1934-11' month, '1935 early' part, '1930..1939' range, '1934' year; anything else None,
    a day or month that does not exist too (1936-02-30, 1936-13)."""
    if found := re.fullmatch(r"(.+) (before|by|after|since)", value):
        return _bound_span(found[1], found[2])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return (value, value, "day") if _real_day(value) else None
    if re.fullmatch(r"\d{4}-\d{2}", value):
        if not 1 <= int(value[5:]) <= 12:
            return None
        return f"{value}-01", f"{value}-{_last_day(int(value[:4]), int(value[5:]))}", "month"
    if found := re.fullmatch(r"(\d{4})\.\.(\d{4})", value):  # no span that ends before it begins (DN F4)
        return (f"{found.group(1)}-01-01", f"{found.group(2)}-12-31", "range") if found[1] <= found[2] else None
    if found := re.fullmatch(r"(\d{4}-\d{2}(?:-\d{2})?)\.\.(\d{4}-\d{2}(?:-\d{2})?)", value):  # days or months
        first, last = date_span(found.group(1)), date_span(found.group(2))
        return (first[0], last[1], "range") if first and last and first[0] <= last[1] else None
    if found := re.fullmatch(r"(\d{4}) circa", value):
        year = int(found.group(1))
        return f"{year - CIRCA_YEARS:04d}-01-01", f"{year + CIRCA_YEARS:04d}-12-31", "circa"
    if (found := re.fullmatch(r"(\d{4}) ([a-z]+)", value)) and found.group(2) in _PART_SPANS:  # "1935 maybe" none
        return (*part_span(int(found.group(1)), found.group(2)), "part")
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31", "year"
    return None


def written_span(value: str) -> tuple[str, str, str] | None:
    """The days a date value's own words name: its span, but for a bound ("before 24 November 1934") the date it
    names, not the days it opens onto (where the timeline places its mark, and which year a search finds it by)."""
    found = date_span(value)
    if found is None or found[2] != "bound":
        return found
    own = date_span(value.rsplit(" ", 1)[0])
    return own and (own[0], own[1], "bound")


def _bound_span(value: str, bound: str) -> tuple[str, str, str] | None:
    """The days a bounded date can mean: before a day, up to the day before it; by it, up to its last day; after
    it, from the day after; since it, from its first day (the other side open)."""
    inner = date_span(value)
    if inner is None or inner[2] not in ("day", "month", "year"):
        return None
    first, last = date.fromisoformat(inner[0]), date.fromisoformat(inner[1])
    spans = {"before": (EARLIEST, (first - timedelta(days=1)).isoformat()), "by": (EARLIEST, inner[1]),
             "after": ((last + timedelta(days=1)).isoformat(), LATEST), "since": (inner[0], LATEST)}
    return (*spans[bound], "bound")
