"""Words broken at a line end: 'Baron Schon-\\nfeld', or 'Lin- neus' where OCR kept the hyphen and lost the break.

The model reads the first half as the name and stops at the hyphen. A hyphen right after a name, then a space or a
line break, then a lower-case word, is the rest of the same word: the candidate runs over it. The name is compared
without the break ('Schonfeld'), see `names.name_key`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.entities.candidate import Candidate

HYPHENS = "-‐¬"
REST_OF_WORD = re.compile(r"[-‐¬]?[ \t]*\n?[ \t]*[a-z]+")
BREAK = re.compile(r"(?<=[^\W\d_])[-‐¬]\s+(?=[a-z])")


def with_broken_words(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Each candidate that ends where a word was broken, run on over the word's second half."""
    joined = []
    for candidate in candidates:
        end = _rest_of_word(text, candidate.end)
        joined.append(replace(candidate, end=end, text=text[candidate.start:end]) if end else candidate)
    return joined


def _rest_of_word(text: str, end: int) -> int:
    """Where the broken word ending at `end` really ends (0 if it is not broken): a hyphen, a space or a line
    break, and lower-case letters."""
    if end == 0 or end >= len(text):
        return 0
    hyphen = end if text[end] in HYPHENS else end - 1 if text[end - 1] in HYPHENS else -1
    if hyphen < 1 or not text[hyphen - 1].isalpha() or not text[hyphen + 1:hyphen + 2].isspace():
        return 0
    rest = REST_OF_WORD.match(text, hyphen + 1)
    return rest.end() if rest else 0


def is_broken_half(token) -> bool:
    """'Schon-' before a space: the first half of a word broken at a line end, as the tokenizer leaves it."""
    return len(token.text) > 2 and token.text[-1] in HYPHENS and token.text[:-1].isalpha() and bool(token.whitespace_)


def unbroken(name: str) -> str:
    """'Schon- feld' -> 'Schonfeld': the name as it would be written on one line."""
    return BREAK.sub("", name)
