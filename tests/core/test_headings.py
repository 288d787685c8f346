"""Headings found for the reading view: short lines standing alone that open a paragraph, and Markdown's."""

from reader.core.documents.headings import heading_ranges


def _headings(text: str) -> list[str]:
    return [text[start:end] for start, end in heading_ranges(text)]


def test_a_short_line_opening_a_paragraph_is_a_heading():
    """The sample's "Genden Falls into Disfavor" and a Word file's "Notes" stand apart; a caption before the heading,
    a signature, a table row, a phone number and a sentence do not."""
    text = ("+1 (618)724-5782\n\nFree Express shipping on Wool products orders over $150.00\n\nJoseph Stalin\n\n"
            "Genden Falls into Disfavor\n\nGenden realized that with the New Reform Policy his country was heading in "
            "a new direction.\n\nTown | Killed\n\nKyakhta | 40 and many more were wounded in the fighting there\n\n"
            "He left.\n\nThe delegation stayed in Moscow for three weeks before it was received.\n\nMaisky\n\nNotes"
            "\n\n1. Fond 495, the archive of the Comintern in Moscow, file 12.\n")
    assert _headings(text) == ["Genden Falls into Disfavor", "Notes"]


def test_markdown_headings_are_headings():
    """# and ## lines are headings whatever follows them."""
    assert _headings("# Day one\n\nShort.\n\n## Evening\nWe ate.\n") == ["# Day one", "## Evening"]
