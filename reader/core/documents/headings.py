"""Which lines of a text are headings, for the reading view to set them apart.

A document's structure was invisible: its headings ("Genden Falls into Disfavor", a Word file's "Introduction", an
EPUB's chapter titles) were set exactly as its paragraphs, one blank line apart. A heading is read as typesetters
set one: a short line standing alone (blank lines around it), not ending as a sentence or a clause does, that opens
a longer paragraph; or a Markdown heading (# …). A table row, a line of no words and a signature before a short line
are none.
"""

from __future__ import annotations

import re

from reader.core.documents.lines import word_count

MAX_WORDS, MAX_CHARS = 12, 90
OPENS = 2  # the paragraph a heading opens is at least this many times as long
PARAGRAPH_WORDS = 8  # ... and of at least so many words
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S[^\n]*", re.MULTILINE)
_ALONE = re.compile(rf"(?:\A|\n[^\S\n]*\n)[^\S\n]*([^\n]{{1,{MAX_CHARS}}})(?=\n[^\S\n]*\n)")  # blank lines around
_NEXT_LINE = re.compile(r"\s*([^\n]*)")
_CLAUSE_END = re.compile(r"[.,;:…]\s*$")
_LETTER = re.compile(r"[^\W\d_]{2}")


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each heading line, in order (found by expressions: a 45 MB text is read in a moment)."""
    found = {match.start(): match.end() for match in _MARKDOWN.finditer(text)}
    for match in _ALONE.finditer(text):
        line = match.group(1).rstrip()
        following = _NEXT_LINE.match(text, match.end()).group(1)
        if _is_heading(line, following):
            found[match.start(1)] = match.start(1) + len(line)
    return sorted(found.items())


def _is_heading(line: str, following: str) -> bool:
    words = word_count(line)
    if not 1 <= words <= MAX_WORDS or " | " in line or _CLAUSE_END.search(line) or not _LETTER.search(line):
        return False
    return len(following.strip()) >= OPENS * len(line) and word_count(following) >= PARAGRAPH_WORDS
