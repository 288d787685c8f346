"""The text of a text box exactly as it holds it.

Qt's toPlainText() gives non-breaking spaces back as spaces and line separators as new lines: a note holding
"10 000 horses" (a number, typeset French, Russian or Mongolian) came back changed, so it counted as typed and
moving on saved the change, and Correct text… rewrote every one in the document.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from reader.core.documents.offset_map import OffsetMap

PARAGRAPH_SEPARATOR = "\u2029"  # how a document's raw text parts its paragraphs (the box's lines)
_LINE_BREAKS = re.compile("\r\n|\r|\u2029")  # what a box shows as a new line, and gives back as one


def exact_text(box: QPlainTextEdit | QTextEdit) -> str:
    return box.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")


def with_line_breaks(original: str, edited: str) -> str:
    """An edited copy of `original` (read with `exact_text`) with the original's own line breaks back where the edit
    kept them: a box shows a paragraph separator, a carriage return or CR LF as a new line and gives back '\n', so
    a text corrected in one word came back with every one of them rewritten."""
    shown, breaks, at, offset = [], [], 0, 0  # the text as the box showed it; where it showed each break, and what
    for found in _LINE_BREAKS.finditer(original):  # the break was
        shown.append(original[at:found.start()])
        offset += found.start() - at
        breaks.append((offset, found.group()))
        offset, at = offset + 1, found.end()
    shown.append(original[at:])
    seen = "\n".join(shown)
    if not breaks or seen == edited:
        return original if breaks else edited
    moved = OffsetMap(seen, edited)
    pieces, done = [], 0
    for offset, line_break in breaks:
        if moved.unchanged(offset, offset + 1):
            there = moved(offset)
            pieces += [edited[done:there], line_break]
            done = there + 1
    return "".join([*pieces, edited[done:]])
