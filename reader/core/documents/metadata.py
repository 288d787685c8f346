"""Metadata a text gives away in its first lines: title, author, date published, URL, DOI, language.

HTML pages are asked first through trafilatura (title, author, date, canonical URL); whatever is still missing is
read from the visible text outside the boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.documents.language import LanguageReader
from reader.core.documents.lines import Line, split_lines, word_count
from reader.core.entities.calendar_words import MONTH_NUMBERS, WEEKDAYS
from reader.core.entities.datelines import AFTER_THE_DAY, DATELINE_ENDS
from reader.core.entities.gazetteer import names_a_place
from reader.core.ranges import merge, overlaps_merged
from reader.core.records.documents import Metadata

HEAD_LINES = 15
DATELINE_LINES = 3  # a dateline opens a letter, a dispatch or a newspaper's issue
DATED_LINE_CHARS = 1000  # of a longer line (a paragraph), only the sentences within so many are read for a dateline
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)])")
_URL = re.compile(r"https?://[^\s\"<>]+[^\s\"<>.,;)]")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")[a-z]*\.?\s+(\d{4})\b", re.IGNORECASE)
_DATED_BYLINE = re.compile(r"^(?P<who>.+?)\s+(?:updated|published|posted)(?:\s+on)?\s+", re.IGNORECASE)
_BY_LINE = re.compile(r"^(?:[Bb]y|BY)\s+(?P<who>[A-Z][\w.'’ -]{2,60})$")
_BULLET_NAME = re.compile(r"^[•·*-]\s*(?P<who>(?:[A-Z][\w’'-]*\.?\s+){1,4}[A-Z][\w’'-]+)$")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LETTERED = re.compile(r"\w*[^\W\d_]\w*")  # a word with a letter in it: "+1 (618)724-5782" had been a title
_HEADING_MARKS = re.compile(r"^#{1,6}\s+|\s+#+$")  # a Markdown heading's '# ' (and closing '#'s)


def extract_metadata(text: str, boilerplate: list[tuple[int, int]], html: str | None = None,
                     paged_from: str = "", languages: LanguageReader | None = None) -> Metadata:
    """Best guesses for a new document; every field stays editable, and an empty one means 'not found'.
    `paged_from`: the file name's stem of a paged source (a PDF or a scan), which may title it (see _paged_title);
    `languages`: the reader of an import's languages; without it the language is not read (a title read again
    after boilerplate moved needs no model of 80 MB)."""
    boilerplate = merge(boilerplate)  # a paged book has hundreds of running heads: search them, do not scan them
    head = [line for line in split_lines(text) if not line.blank and not overlaps_merged(boilerplate, line.start,
                                                                                            line.end)]
    head = head[:HEAD_LINES]
    doi = _first(_DOI, text)
    found = Metadata(
        title=_paged_title(head, paged_from) if paged_from else _title(head), author=_author(head),
        date_published=_date(head), doi=doi, url=_first(_URL, text), language=languages.of(text) if languages else "",
        kind=_kind(head, text, doi),
    )
    return _merge_html(found, html) if html else found


_ABSTRACT = re.compile(r"^(?:abstract|summary|аннотация|résumé|zusammenfassung)[.:]?$", re.IGNORECASE)
_DATELINE = re.compile(r"\b(?:updated|published|posted)\s+(?:on\s+)?\d", re.IGNORECASE)
_PUBLISHED_ON = re.compile(r"\b(?:updated|published|posted)(?:\s+on)?\s+(?P<when>.+)$", re.IGNORECASE)
_MASTHEAD_PARTS = re.compile(r"\s+[—–|]\s+")  # a masthead's parts
_LINE_PARTS = re.compile(_MASTHEAD_PARTS.pattern + r"|(?<=[\w)]\.)\s+(?=[A-ZА-ЯЁ])")  # ... and a title line's sentences
ABSTRACT_CHARS = 20_000
MASTHEAD_PART_WORDS = 8  # a masthead's parts are short: a volume, a place and a date, a price
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})\b"
_PLACE_AND_WEEKDAY = re.compile(  # what a dateline's day follows: a place (no weekday), a weekday, both or neither
    rf"[#*\s]*(?P<place>(?!{_WEEKDAY})[^\W\d_][\w'’.-]*(?:[ -][^\W\d_][\w'’.-]*){{0,3}},\s*)?"
    rf"(?P<weekday>{_WEEKDAY},?\s+)?(?:the\s+)?", re.IGNORECASE)
_MONTH_WORD = rf"(?i:{'|'.join(sorted(MONTH_NUMBERS, key=len, reverse=True))})\.?"
_WIRE_DATELINE = re.compile(  # a dispatch's first words: "PARIS, Jan. 5.—", "МОСКВА, 25 ноября 1934 г. (ТАСС)."
    rf"[#*\s]*(?P<place>[^\W\d_][^\W\d_'’.-]+(?:[ -][^\W\d_][^\W\d_'’.-]+){{0,2}}),[ \t]*(?:(?i:{_WEEKDAY}),?[ \t]+)?"
    rf"(?:{_MONTH_WORD}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th|er)?\.?[ \t]+{_MONTH_WORD})"
    rf"(?:,?[ \t]+\d{{4}})?{AFTER_THE_DAY}{DATELINE_ENDS}")
_NOTHING_MORE = re.compile(AFTER_THE_DAY + r"[\s.,]*")  # after a dateline's day


def _kind(head: list[Line], text: str, doi: str) -> str:
    """What the text says it is: a DOI makes a journal article (an abstract page when an 'Abstract' heading opens
    a short text); a 'Published/Updated on <date>' line near the top, or a newspaper's masthead (a dated part
    between others: "Vol. LXXVI — New York, Tuesday, April 16, 1912 — Price One Cent"), makes a news article; else
    'unknown' (a letter's dateline alone says nothing of the kind)."""
    if doi:
        has_abstract = any(_ABSTRACT.match(line.text.strip()) for line in head)
        return "journal abstract" if has_abstract and len(text) < ABSTRACT_CHARS else "journal article"
    if any(_DATELINE.search(line.text) or _masthead(line.text) or _wire_dateline(line.text) for line in head[:12]):
        return "news article"
    return "unknown"


def _masthead(line: str) -> bool:
    """Whether a line is a newspaper's masthead: short parts between dashes or bars, one of them its place and
    date; a diary's "Lundi 10 janvier 1898. — On juge aujourd'hui…" names no place, and goes on into a sentence."""
    parts = _MASTHEAD_PARTS.split(line)
    return len(parts) > 1 and all(word_count(part) <= MASTHEAD_PART_WORDS for part in parts) and \
        any((before := _day_alone(part)[1]) and before.group("place") for part in parts)


def _wire_dateline(line: str) -> bool:
    """Whether a line opens a dispatch: its place in capitals and its day, then the report ("PARIS, Jan. 5.—Captain
    Dreyfus…", "LONDON, 30 July 1912. The inquiry…"); a letter's "Paris, 16th July 1789" is no newspaper's."""
    match = _WIRE_DATELINE.match(line)  # capitals: a letter's "Paris," is a letter's; "STALIN," is no place, though
    # an old name of Donetsk: the place must be one by its own name
    return match is not None and match["place"].isupper() and names_a_place(match["place"], by_other_names=False)


def _title(head: list[Line]) -> str:
    """The first heading-like line: three or more words (not counting a parenthesis), or two in capitals ("ПРОТОКОЛ
    ДОПРОСА", "PRAVDA REPORTS"), not a URL or a label."""
    for line in head:
        bare = _PARENTHESES.sub("", line.text).strip()
        words = word_count(bare)
        if (3 <= words <= 40 or words == 2 and bare.isupper()) and not _URL.search(bare) and \
                not bare.startswith(("•", "DOI")) and _LETTERED.search(bare):  # a phone number is none
            return _bare_heading(line.text)
    return ""


def _bare_heading(text: str) -> str:
    """A title without the Markdown that marks it: '# Recollections…' was a title with its '# ' (and every
    citation with it), '*The Fall…*' with its stars."""
    bare = _HEADING_MARKS.sub("", text.strip())
    return bare.strip("*_").strip() if bare[:1] in "*_" and bare[-1:] in "*_" else bare


PAGED_TITLE_WORDS, PAGED_TITLE_CHARS = 12, 100  # as long as a heading or a document's caption runs


def _paged_title(head: list[Line], stem: str) -> str:
    """A PDF's or a scan's title, where the file declares none: its first line when it is as short as a heading,
    else the file's name (`stem`), as the historian saved it. A page's lines are unwrapped into paragraphs, so
    `_title`'s first line of three to forty words was a whole paragraph, often a later one (the first too long),
    and went into every citation. A label of one word before it ("Confidential.", "(Copy)", "1.") is passed over:
    a folder of typescripts was titled "Confidential." throughout."""
    for line in head:
        first = line.text.strip()
        if word_count(_PARENTHESES.sub("", first)) <= 1:  # a label, or a number
            continue
        short = word_count(first) <= PAGED_TITLE_WORDS and len(first) <= PAGED_TITLE_CHARS
        return first if short and "\ufffd" not in first else stem  # letters the PDF gives no text for
    return stem


def _author(head: list[Line]) -> str:
    for line in head:
        stripped = line.text.strip()
        for pattern in (_DATED_BYLINE, _BY_LINE, _BULLET_NAME):
            match = pattern.search(stripped)
            if match and word_count(match["who"]) <= 6:
                return match["who"].strip()
    return ""


def _date(head: list[Line]) -> str:
    """ISO date of publication or update, else a dateline's day ("Paris, 16th July 1789" opening a letter or a
    dispatch; not when more lines of the head are dated alike: a diary's or a chronicle's entries, the first of
    which tells its own day), else month and year as 'YYYY-MM', from the head of the text."""
    heads = [_opening_sentences(line.text) for line in head]
    declared = next((day for text in heads if (day := _declared(text))), "")
    if declared:
        return declared
    datelines = [day for text in heads if (day := _dateline(text))]
    opening = next((day for text in heads[:DATELINE_LINES] if (day := _dateline(text))), "")
    if opening and len(datelines) == 1:
        return opening
    for line in head:
        iso = _ISO_DATE.search(line.text)
        if iso:
            return iso.group(0)
        month_year = _MONTH_YEAR.search(line.text)
        if month_year and "(" in line.text:
            month = _MONTHS.index(month_year[1][:3].lower()) + 1
            return f"{month_year[2]}-{month:02d}"
    return ""


def _opening_sentences(line: str) -> str:
    """A line as read for a dateline: a paragraph's sentences within its first DATED_LINE_CHARS characters (a text
    without line breaks is one line: every sentence of 10 MB was read for one, a minute long, audit BY F6; and its
    opening words still date it, CA C13)."""
    if len(line) <= DATED_LINE_CHARS:
        return line
    head = line[:DATED_LINE_CHARS]
    return head[:head.rfind(". ") + 1]


def _declared(line: str) -> str:
    """The day or month a 'published / updated / posted <date>' line declares ("*Journal of Maritime History,
    published 10 April 2012*"), else ''."""
    from reader.core.entities.dates import find_dates  # the date patterns load with the first import

    said = _PUBLISHED_ON.search(line)
    found = find_dates(said["when"]) if said else []
    if not found or found[0].precision not in ("day", "month") or said["when"][found[0].end:].strip(" .,*_)"):
        return ""  # the date must end the line: "The decree published on 5 March 1937 ordered…" dates the decree
    return found[0].value


def _dateline(line: str) -> str:
    """The day a dateline gives: a line, or a part of one, that is a date alone after a place and a weekday at most
    ("# Paris, Thursday 16 July 1789", "Ulaanbaatar, 24 November 1934.", a masthead's "Vol. LXXVI — New York,
    Tuesday, April 16, 1912 — Price One Cent", a report's title line ending "London, 30 July 1912."); '' for any
    other line (a title naming a date). A part must name its place or weekday: a title's "Black Friday — 13 December
    1929 — and its aftermath" and a table of contents' "Part I | 10 September 1937 | Arrests" date what they tell."""
    parts = _LINE_PARTS.split(line)
    return next((day for part in parts if (day := _dated_alone(part, placed=len(parts) > 1))), "")


def _dated_alone(line: str, placed: bool = False) -> str:
    """The day of a line that is a date alone after a place and a weekday at most (`placed`: at least one, the line
    a part of a longer one, whose place must be one beyond doubt: see names_a_place)."""
    day, before = _day_alone(line, by_other_names=not placed)
    return day if day and (not placed or before.group("place") or before.group("weekday")) else ""


def _day_alone(line: str, by_other_names: bool = False) -> tuple[str, re.Match | None]:
    """The day of a line that is a date alone after a place and a weekday at most, with what stands before it; the
    place is looked up as names_a_place does with `by_other_names`."""
    from reader.core.entities.dates import find_dates  # the date patterns load with the first import

    found = find_dates(line)
    if len(found) != 1 or found[0].precision != "day" or not _NOTHING_MORE.fullmatch(line, found[0].end):
        return "", None
    before = _PLACE_AND_WEEKDAY.fullmatch(line, 0, found[0].start)
    if before is None or before.group("place") and not names_a_place(before.group("place").strip(" \t,"),
                                                                      by_other_names):
        return "", None  # "In Moscow, 15 November 1934 — the day…" opens a memoir's sentence
    return found[0].value, before


def _first(pattern: re.Pattern, text: str) -> str:
    match = pattern.search(text)
    return match.group(match.lastindex or 0) if match else ""


def _merge_html(found: Metadata, html: str) -> Metadata:
    from trafilatura import extract_metadata as trafilatura_metadata  # heavy import: only for HTML files

    page = trafilatura_metadata(html, extensive=False)  # a date the markup declares, never a year the text names
    if page is None:
        return found
    return replace(
        found, title=page.title or found.title, author=page.author or found.author,
        date_published=page.date or found.date_published, url=page.url or found.url,
    )
