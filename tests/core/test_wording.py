"""Words said right: a long text on one short line, with what matters in it kept in view."""

from hypothesis import given
from hypothesis import strategies as st

from reader.core.wording import one_line

_TEXT = st.text(st.sampled_from("ab Z.\n\t 19"), max_size=300)


@given(_TEXT, _TEXT, st.integers(8, 120))
def test_one_line_keeps_the_offset_in_view(before, after, width):
    """Whatever the blanks around it and the width, the character at `keep` is shown, on one line that fits."""
    text = before + "§" + after
    line = one_line(text, width, keep=len(before))
    assert "§" in line and len(line) <= width and "\n" not in line and "  " not in line


@given(_TEXT, st.integers(2, 120))
def test_one_line_without_offset_is_the_beginning(text, width):
    """Without an offset the line is the text's beginning, marked "…" only where it was cut (or cut where its own
    "..." says so)."""
    line = one_line(text, width)
    flat = " ".join(text.split())
    assert len(line) <= width and (line == flat or (line.endswith("…") and flat.startswith(line[:-1]))
                                   or (line.endswith("...") and flat.startswith(line)))


def test_a_cut_beside_the_texts_own_ellipsis_adds_none():
    """A line cut where the source's own "..." stood read "…... How do you think" (audit CK K6)."""
    text = "Japan is encroaching on the borders of Mongolia ... How do you think to uphold your independence?"
    line = one_line(text, 48, keep=text.index("...") + 16 - 3)  # the cut falls in "Mongolia", the line begins after
    assert line.startswith("... How do you") and "…" not in line[:4]
    assert one_line("They waited... and waited for word from Moscow", 14) == "They waited..."

def test_a_reanchoring_summary_counts_in_words():
    """One annotation of a re-imported file is told in the singular, its verb too."""
    from reader.core.records.documents import ReanchorSummary

    assert ReanchorSummary(1, "letter.txt", 1, 1, 0, moved=1).message == (
        "letter.txt: 1 annotation on its words (at a new place), 1 needs review, 0 orphaned")


def test_a_reanchoring_summary_says_which_notes_changed_place():
    """Notes whose words stayed where they were are not said to have moved (audit DG 7), and a file with no notes
    is not given three counts of nothing."""
    from reader.core.records.documents import ReanchorSummary

    assert ReanchorSummary(1, "letter.txt", 3, 0, 1, moved=1).message == (
        "letter.txt: 3 annotations on their words (1 at a new place), 0 need review, 1 orphaned")
    assert ReanchorSummary(1, "letter.txt", 2, 0, 0).message == (
        "letter.txt: 2 annotations on their words, 0 need review, 0 orphaned")
    assert ReanchorSummary(1, "letter.txt", 0, 0, 0).message == "letter.txt: no annotations to carry over"
    assert ReanchorSummary(1, "letter.txt", 0, 0, 0, waiting=1).message == (  # still waiting, as before: not "none"
        "letter.txt: 0 annotations on their words, 0 need review, 0 orphaned, 1 still waiting in Needs review")
    assert ReanchorSummary(1, "letter.txt", 0, 0, 0, in_trash=2).message == (
        "letter.txt: no annotations to carry over but 2 in the Trash")
