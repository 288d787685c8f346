"""A stored date as a historian writes it ("c. 1935", not the "1935 circa" it is stored as to sort and compare)."""

from __future__ import annotations

import re

_AS_STORED = re.compile(r"[\d-]*")  # a day, a month, a year, or none: said as stored


def said(value: str) -> str:
    """`value` in words; the date patterns load only for a date that needs them, not at every start (the Library
    and the Metadata form show dates on the first screen)."""
    if _AS_STORED.fullmatch(value):
        return value
    from reader.core.entities.dates import date_in_words

    return date_in_words(value)
