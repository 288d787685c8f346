"""Selectors are types: what the model holds, the JSON-LD export writes and the import reads are one thing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.records.annotations import TextPosition, TextQuote


@given(st.text(min_size=1), st.text(), st.text())
def test_quote_selector_round_trips(exact: str, prefix: str, suffix: str) -> None:
    """Protects export/import agreement: a TextQuoteSelector read back is the one written."""
    quote = TextQuote(exact, prefix, suffix)
    assert TextQuote.from_w3c(quote.to_w3c()) == quote


@given(st.integers(0, 2**62), st.integers(1, 2**40))
def test_position_selector_round_trips(start: int, length: int) -> None:
    """A TextPositionSelector read back is the one written."""
    position = TextPosition(start, start + length)
    assert TextPosition.from_w3c(position.to_w3c()) == position


@given(st.one_of(st.none(), st.booleans(), st.floats(), st.text(), st.integers(max_value=-1), st.integers(2**63)))
def test_foreign_positions_of_the_wrong_kind_are_refused(value: object) -> None:
    """A start or end that is not a whole number SQLite can hold is refused, never passed on."""
    assert TextPosition.from_w3c({"start": value, "end": 5}) is None
    assert TextQuote.from_w3c({"exact": value}) is None or isinstance(value, str)
