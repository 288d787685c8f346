"""The text of a text box exactly as it holds it.

Qt's toPlainText() gives non-breaking spaces back as spaces and line separators as new lines: a note holding
"10 000 horses" (a number, typeset French, Russian or Mongolian) came back changed, so it counted as typed and
moving on saved the change, and Correct text… rewrote every one in the document.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

PARAGRAPH_SEPARATOR = "\u2029"  # how a document's raw text parts its paragraphs (the box's lines)


def exact_text(box: QPlainTextEdit | QTextEdit) -> str:
    return box.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")
