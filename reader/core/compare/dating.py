"""How two dates relate: the same, overlapping (a day inside a month), near but different, or far apart."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reader.core.entities.dates import date_span, written_span

NEAR_DAYS = 62  # two precise dates this close may be one event told twice, and then they disagree
PRECISE = frozenset({"day", "month"})
SAME, OVERLAP, NEAR, APART = "same", "overlap", "near", "apart"


@dataclass(frozen=True)
class Span:
    """A date value and the days it can mean, as ordinals."""

    value: str
    first: int
    last: int
    precision: str

    @property
    def days(self) -> int:
        return self.last - self.first + 1


@lru_cache(maxsize=4096)
def span(value: str) -> Span | None:
    """The span of a stored date value, or None when it is not one (cached: a corpus repeats its dates)."""
    return _as_span(value, date_span(value or ""))


@lru_cache(maxsize=4096)
def placed(value: str) -> Span | None:
    """Where a date's mark stands on the axis (see `written_span`): a bound's open side would stretch the axis to
    year 1."""
    return _as_span(value, written_span(value or ""))


def _as_span(value: str, found: tuple[str, str, str] | None) -> Span | None:
    if found is None:
        return None
    try:
        return Span(value, _ordinal(found[0]), _ordinal(found[1]), found[2])
    except ValueError:
        return None


def _ordinal(iso: str) -> int:
    year, month, day = (int(part) for part in iso.split("-"))
    while day > 28:  # the 31st of a 30-day month, the 29th of a short February
        try:
            return date(year, month, day).toordinal()
        except ValueError:
            day -= 1
    return date(year, month, day).toordinal()


def relate(one: Span, two: Span) -> str:
    """same: equal values; overlap: one can hold the other; near: both precise, apart by at most NEAR_DAYS days;
    apart: anything else."""
    if one.value == two.value:
        return SAME
    if one.first <= two.last and two.first <= one.last:
        return OVERLAP
    gap = max(one.first, two.first) - min(one.last, two.last)
    if one.precision in PRECISE and two.precision in PRECISE and gap <= NEAR_DAYS:
        return NEAR
    return APART


class SameOrNear:
    """Whether a date is the same as, or near (`relate`), any of some dates, asked of every date of a corpus's years:
    only the few dates that can be near it are related to it, found in order by their first day."""

    WIDEST_PRECISE = 31  # days of the longest precise span (a month)

    def __init__(self, spans: list[Span]):
        self._values = {one.value for one in spans}
        self._precise = sorted((one for one in spans if one.precision in PRECISE), key=lambda one: one.first)
        self._firsts = [one.first for one in self._precise]

    def __call__(self, other: Span) -> bool:
        if other.value in self._values:
            return True
        if other.precision not in PRECISE:
            return False
        low = bisect_left(self._firsts, other.first - NEAR_DAYS - self.WIDEST_PRECISE)
        high = bisect_right(self._firsts, other.last + NEAR_DAYS)
        return any(relate(one, other) == NEAR for one in self._precise[low:high])


@lru_cache(maxsize=65536)
def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()
