"""Lines of a text with their code-point offsets, and the small judgements made about single lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.ranges import UNSPACED_SCRIPTS

_SENTENCE_END = re.compile(r"[.!?…:;\"”»)。！？」』]\s*$")
# In Chinese, Japanese, Thai… each character counts as a word (no spaces part them): measured in runs of letters, a
# paragraph of an edict was a dozen "words"
_WORD = re.compile(rf"[{UNSPACED_SCRIPTS}]|(?:(?![{UNSPACED_SCRIPTS}])\w)+")


@dataclass(frozen=True)
class Line:
    """One line of a text: [start, end) excludes the newline; `key` is the form compared across documents."""

    index: int
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return " ".join(self.text.split()).casefold()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    start = 0
    for index, chunk in enumerate(text.split("\n")):
        lines.append(Line(index, start, start + len(chunk), chunk))
        start += len(chunk) + 1
    return lines


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_short_fragment(text: str, max_words: int = 8) -> bool:
    """A short line that is not a sentence: a label, a caption, a button, a price line."""
    stripped = text.strip()
    return bool(stripped) and word_count(stripped) <= max_words and not _SENTENCE_END.search(stripped)
