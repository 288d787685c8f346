"""A date read in a text, as the readers of dates hand it on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: where, what it says, its sortable value, precision and the span of days it covers."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    first: str  # earliest ISO date it can mean
    last: str  # latest ISO date it can mean

