"""Dates of the Julian calendar ("Old Style"), as Russian and Eastern Orthodox sources give them until 1918, turned
into the Gregorian day the timeline places: "25 October 1917 (O.S.)" is 7 November 1917, and two sources giving one
day in the two calendars agree."""

from __future__ import annotations

from datetime import date

_JULIAN_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_GREGORIAN_ORDINAL_OF_DAY_ZERO = 1721425  # Julian Day Number of the day before 1 January of year 1 (Gregorian)


def gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Julian date, None when the Julian calendar has no such day (every fourth year is
    leap in it, 1900 too)."""
    leap = year % 4 == 0
    if not 1 <= month <= 12 or not 1 <= day <= _JULIAN_MONTH_DAYS[month - 1] + (month == 2 and leap):
        return None
    shift = (14 - month) // 12
    years, months = year + 4800 - shift, month + 12 * shift - 3
    julian_day = day + (153 * months + 2) // 5 + 365 * years + years // 4 - 32083
    return date.fromordinal(julian_day - _GREGORIAN_ORDINAL_OF_DAY_ZERO)
