"""Hand corrections made again on a file's new text: exact where the file kept the words, never on changed ones."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reader.core.documents.rebase import corrections, rebase

WORDS = st.lists(st.sampled_from(["Stalin", "Stalm", "1934", "1984", "Genden", "met", "in", "\n", "𝔐", "é", ""]),
                 max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_corrections_are_made_again_wherever_the_file_kept_the_words(base, corrected):
    """Whatever was corrected, a file that only gained lines around the text gives the corrected text with them,
    each correction whole words."""
    assert rebase(base, corrected, base).text == corrected
    assume(base.strip())  # an empty text gives no place to put what was written into it
    assert rebase(base, corrected, f"Foreword.\n{base}\nEnd.").text == f"Foreword.\n{corrected}\nEnd."
    for correction in corrections(base, corrected):
        assert base[correction.start - 1:correction.start].strip(" \n") == ""  # starts at a word's start


@settings(max_examples=300, deadline=None)
@given(WORDS, WORDS)
def test_without_corrections_the_new_text_stands(base, new):
    """Nothing corrected: the file's new text is stored as it is."""
    merged = rebase(base, base, new)
    assert (merged.text, merged.carried, merged.lost) == (new, 0, ())


def test_a_correction_on_words_the_file_changed_is_not_made():
    """The file changed the corrected word itself ("Stalm" now "Stalmm"): its words stand, the correction is said
    to be lost; the other correction is carried."""
    base = "In November 1984 Genden met Stalm in the Kremlin."
    corrected = base.replace("Stalm", "Stalin").replace("1984", "1934")
    merged = rebase(base, corrected, "Foreword.\n" + base.replace("Stalm", "Stalmm"))
    assert merged.text == "Foreword.\nIn November 1934 Genden met Stalmm in the Kremlin."
    assert (merged.carried, merged.lost) == (1, (("Stalm", "Stalin"),))


def test_a_correction_beside_new_punctuation_is_carried_and_a_lost_one_is_always_said():
    """A comma added beside a misread word kept the correction from being made again (the characters around it had
    to be as they were), and it was not even said, because the corrected word stood elsewhere in the text."""
    base = "Stalm met Genden in Moscow. Later Stalin spoke of it."
    corrected = base.replace("Stalm", "Stalin")
    merged = rebase(base, corrected, base.replace("Stalm met", "Stalm, met"))
    assert merged.text == corrected.replace("Stalin met", "Stalin, met", 1) and merged.carried == 1
    lost = rebase(base, corrected, base.replace("Stalm met", "Stalmx met"))
    assert (lost.carried, lost.lost) == (0, (("Stalm", "Stalin"),))
