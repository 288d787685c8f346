"""Whether a text is wrapped at a width: a typed transcription or a Project Gutenberg file, whose lines end where the
typist's page did, not where its paragraphs do. Search reads such a text by paragraph, and citations count its
paragraphs so: apart from both, for the reading pane's citations load no storage code."""

from __future__ import annotations

WRAP_WIDTH = 100  # characters: a text whose lines are (almost) all this short is wrapped at a width
WRAPPED_LINES = 3  # ... and has at least so many lines to tell
BREAK_HYPHENS = "-\u2010"  # what breaks a word at a line's end: the keyboard's hyphen, and the typeset one PDFs give


def hard_wrapped(line_lengths: list[int]) -> bool:
    """Whether a text with lines of these lengths (those with words) is wrapped at a width (a typed transcription,
    a Project Gutenberg file): its lines are all short, so a sentence runs over several. Its words are searched by
    paragraph (line by line, "Joseph\nStalin" was never found as a phrase), and its paragraphs are counted so."""
    lengths = sorted(line_lengths)
    return len(lengths) >= WRAPPED_LINES and lengths[int(len(lengths) * 0.95)] <= WRAP_WIDTH
