"""Snippets cut from the written line where the index quoted the folded one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.folding import searchable
from reader.core.search.as_written import as_written
from reader.core.storage.search_hits import HIT_CLOSE, HIT_OPEN

PIECES = ["𝔐arpa", "ﬁrst", "Ur\u00adga", "ＧＥＮＤＥＮ", "Se\u0301gur", "Höhhot", "😀", "Stalin", "met", "on", "1934",
          "[", "Mon\u200bgolia", "…"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.data())
def test_a_snippet_is_the_written_words_with_the_same_marks(words, data):
    """Any stretch of the folded line, a word of it marked, comes back as the written stretch with the same word
    marked, the line's own brackets kept ("[sic]"); a line it cannot align gives the folded words, never other
    words."""
    line = " ".join(words)
    folded_words = [searchable(word) for word in words]
    first = data.draw(st.integers(0, len(words) - 1))
    last = data.draw(st.integers(first, len(words) - 1))
    marked = data.draw(st.integers(first, last))
    snippet = " ".join(f"{HIT_OPEN}{w}{HIT_CLOSE}" if n == marked else w for n, w in enumerate(folded_words)
                       if first <= n <= last)
    snippet = ("…" if first else "") + snippet + ("…" if last < len(words) - 1 else "")
    expected = " ".join(f"{HIT_OPEN}{w}{HIT_CLOSE}" if n == marked else w for n, w in enumerate(words)
                        if first <= n <= last)
    expected = ("…" if first else "") + expected + ("…" if last < len(words) - 1 else "")
    found = as_written(snippet, line, HIT_OPEN, HIT_CLOSE)
    assert found == expected or ("…" in line and found == snippet)


def test_an_ascii_line_is_its_own_snippet():
    """Nothing to align: the index's snippet is the text's."""
    snippet = f"The {HIT_OPEN}two{HIT_CLOSE} met…"
    assert as_written(snippet, "The two met on 15 November.", HIT_OPEN, HIT_CLOSE) == snippet
