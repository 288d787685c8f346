"""Metadata typed by hand, checked before it is stored: a date, a web address and a DOI must be one.

Why: the date published (or the source criticism's date written) sorts Comparisons and tells the timeline which
dates are a source's own; 'banana' there, or 'Jan 1934' kept as typed, sorts as text. A date said in words is kept as
the date it says (1934-01).
"""

from __future__ import annotations

import re

from reader.core.errors import ReaderError

_URL = re.compile(r"https?://\S+")
_AROUND_A_DATE = " .,;"  # what may stand around a date typed, its meaning kept, and brackets round it ("(1934)";
# "[1934]" is a guess, a bracket alone is none)
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?10\.\d{4,9}/\S+", re.IGNORECASE)


def checked(changes: dict[str, str]) -> dict[str, str]:
    """The changes as they will be stored; one line (ReaderError) for the first field that is not what it names."""
    found = dict(changes)
    if date := found.get("date_published", "").strip():
        found["date_published"] = typed_date(date)
    if (url := found.get("url", "").strip()) and not _URL.fullmatch(url):
        raise ReaderError(f"'{url}' is not a web address: give it whole, starting with https:// or http://")
    if (doi := found.get("doi", "").strip()) and not _DOI.fullmatch(doi):
        raise ReaderError(f"'{doi}' is not a DOI: a DOI reads 10.1234/something (or https://doi.org/10.1234/…)")
    return found


def typed_date(typed: str, field: str = "") -> str:
    """A date typed by hand, as stored: a stored date value as it is (1934-11, 1930..1939), a date said in words as
    the one date it says (Jan 1934 -> 1934-01), nothing as nothing; one line (ReaderError, naming the `field` when
    given) for anything else, a day no month has too (1934-02-30)."""
    from reader.core.entities.dates import date_span, find_dates

    if not typed or date_span(typed) is not None:
        return typed
    found = find_dates(typed)
    if len(found) == 1 and _only_the_date(typed, found[0].start, found[0].end) and date_span(found[0].value):
        return found[0].value
    if (said := _as_said(typed, field)) is not None:
        return said
    refused = f"'{typed}' is not a date: give 1934, 1934-11 or 1934-11-15, or say it (15 November 1934, c. 1935)"
    raise ReaderError(f"{field}: {refused}" if field else refused)


_BOUND_SAID = re.compile(r"(before|by|after|since)\s+(\S.*)", re.IGNORECASE)
_RANGE_SAID = re.compile(r"(\S.*?)(?:\s*[–—]\s*|\s+-\s+)(\S.*)")  # a dash, or a hyphen set apart as one


def _as_said(typed: str, field: str = "") -> str | None:
    """A bound or a range as the program says a stored date ("before 1934", "1934-11-15 – 1934-11-20"), as stored:
    the Metadata form shows a date so, and read back it was no date. None if it is not one."""
    from reader.core.entities.dates import date_span

    if bound := _BOUND_SAID.fullmatch(typed.strip()):
        parts, value = (bound[2],), "{} " + bound[1].lower()
    elif ends := _RANGE_SAID.fullmatch(typed.strip()):
        parts, value = (ends[1], ends[2]), "{}..{}"
    else:
        return None
    try:
        ends = [typed_date(part) for part in parts]
    except ReaderError:
        return None
    said = value.format(*ends)
    if date_span(said) is None and len(ends) == 2 and all(date_span(end) for end in ends):
        backwards = f"'{typed}' ends before it begins: give the earlier date first"  # it was said as no date (DP F6)
        raise ReaderError(f"{field}: {backwards}" if field else backwards)
    return said if date_span(said) is not None else None


def _only_the_date(typed: str, start: int, end: int) -> bool:
    """Whether the date found at [start, end) is the whole of what was typed, but for blanks, a full stop or a comma,
    or brackets round it: a doubt around it ("1935?", "[1935]") is not dropped, nor a bracket alone taken."""
    around = typed[:start].strip(_AROUND_A_DATE), typed[end:].strip(_AROUND_A_DATE)
    return around in (("", ""), ("(", ")"))
