"""Range arithmetic: widening a range to whole words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.ranges import whole_words

texts = st.text("ab1 -.\n𝔐😀", min_size=1, max_size=40)


@given(texts, st.data())
def test_whole_words_holds_the_range_and_cuts_no_word(text, data):
    """The widened range holds the one given, and each edge stands between words or at the text's ends."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    wide_start, wide_end = whole_words(text, start, end)
    assert wide_start <= start < end <= wide_end
    assert wide_start == 0 or not (text[wide_start - 1].isalnum() and text[wide_start].isalnum())
    assert wide_end == len(text) or not (text[wide_end - 1].isalnum() and text[wide_end].isalnum())
