"""A pattern's matches read a stretch at a time are the matches read at once."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities import scanning
from reader.core.entities.dates import find_dates

PATTERNS = [re.compile(p) for p in (r"\b\d{1,2} (?:May|June)\b", r"(?<=on )\d{4}", r"^\d+", r"May \d{1,2},? \d{4}")]
PIECES = ["on ", "May ", "June ", "1934", "15", "3 ", ", ", "\n", "x", " "]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.integers(1, 12), st.sampled_from(PATTERNS))
def test_a_stretch_at_a_time_gives_the_matches_of_one_scan(text, stretch, pattern):
    """Every match, where it starts and ends, as finditer over the whole text gives it, whatever the stretches."""
    kept = scanning.STRETCH
    scanning.STRETCH, scanning.REACH = stretch, 20  # (hypothesis runs the test many times: no monkeypatch)
    try:
        assert [m.span() for m in scanning.scan(pattern, text)] == [m.span() for m in pattern.finditer(text)]
    finally:
        scanning.STRETCH, scanning.REACH = kept, 1_000


def test_a_long_texts_dates_are_those_of_the_text_read_at_once(monkeypatch):
    """The dates of a text longer than a stretch are those found when it was read in one scan."""
    text = "".join(f"On {n % 28 + 1} May 1934 the envoy wrote; on June {n % 28 + 1} he left. " for n in range(300))
    whole = find_dates(text)
    monkeypatch.setattr(scanning, "STRETCH", 500)
    assert find_dates(text) == whole and len(whole) == 600


def test_reading_a_long_texts_dates_stops_between_stretches_when_cancelled(monkeypatch):
    """Closing the window waited a minute for the dates of a 30 MB text: the reading stops between stretches."""
    import pytest

    from reader.core.errors import ImportCancelled

    monkeypatch.setattr(scanning, "STRETCH", 500)
    asked = []
    with pytest.raises(ImportCancelled):
        find_dates("On 15 May 1934 the envoy wrote. " * 300, cancelled=lambda: asked.append(1) or len(asked) > 3)
    assert len(asked) == 4
