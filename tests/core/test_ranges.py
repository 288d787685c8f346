"""Range arithmetic: widening a range to whole words, and leaving out the blanks at its edges."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.ranges import in_word, is_blank, whole_words, without_blanks

texts = st.text("ab1 -.\n𝔐😀\u0308\u180e東京\u200b\u00ad\ufeff", min_size=1, max_size=40)


@given(texts, st.data())
def test_whole_words_holds_the_range_and_cuts_no_word(text, data):
    """The widened range holds the one given, and each edge stands between words or at the text's ends."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    wide_start, wide_end = whole_words(text, start, end)
    assert wide_start <= start < end <= wide_end
    assert wide_start == 0 or not (in_word(text[wide_start - 1]) and in_word(text[wide_start]))
    assert wide_end == len(text) or not (in_word(text[wide_end - 1]) and in_word(text[wide_end]))


def test_a_word_is_not_cut_at_its_marks_and_a_text_without_spaces_is_not_widened():
    """A drag in decomposed Latin ("Su\u0308khbaatar"), vocalised Arabic, Tibetan or Mongolian stopped at a
    combining mark or a vowel separator and stored a cut word; in Chinese or Japanese, where no spaces part the
    words, it widened to whole sentences."""
    nfd = "the gate of Su\u0308khbaatar reached"
    start = nfd.index("khbaatar")
    assert whole_words(nfd, start, nfd.index(" reached")) == (nfd.index("Su"), nfd.index(" reached"))
    arabic = "\u0627\u0644\u0633\u064e\u0651\u0641\u0650\u064a\u0631\u064f \u0631\u0650\u0633\u064e\u0627\u0644"
    assert whole_words(arabic, 4, 12) == (0, len(arabic))
    mongolian = "\u1830\u1824\u1837\u1824\u1836\u180e\u1820 \u1832"
    assert whole_words(mongolian, 0, 3) == (0, 7)
    japanese = "東京で外交官が会議を開いた。ウランバートルに到着した"
    at = japanese.index("開いた")
    assert whole_words(japanese, at, at + 6) == (at, at + 6)


@given(texts, st.data())
def test_without_blanks_keeps_the_words_of_the_range(text, data):
    """The range loses only the blanks at its edges, and keeps a range of blanks alone as it is."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    inner_start, inner_end = without_blanks(text, start, end)
    chosen = text[start:end]
    if all(is_blank(character) for character in chosen):
        assert (inner_start, inner_end) == (start, end)
    else:
        assert start <= inner_start < inner_end <= end and chosen.find(text[inner_start:inner_end]) >= 0
        assert not is_blank(text[inner_start]) and not is_blank(text[inner_end - 1])
        assert all(is_blank(c) for c in text[start:inner_start] + text[inner_end:end])
