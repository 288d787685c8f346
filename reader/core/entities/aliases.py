"""Every occurrence of any of many known names in a text, in one pass over its words.

One regular expression alternating thousands of names tries each name at each position (about 2 s per megabyte for
3,000 names). Here names are indexed by their first word, so each word of the text costs one dictionary look-up.
Matches are whole words, leftmost, longest first and never overlapping, as the alternation would give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"\w+")
_NOT_BEFORE = "'’"  # "Stalin's" is found, but not the 's' of it


class AliasFinder:
    """Finds the given names in texts."""

    def __init__(self, names: Iterable[str]):
        self._by_first_word: dict[str, list[str]] = {}
        odd = []
        for name in names:
            first = _WORD.match(name)
            if first:
                self._by_first_word.setdefault(first.group(0), []).append(name)
            else:
                odd.append(name)  # a name opening with a sign ('(Bolshevik) Party') is looked for the slow way
        for group in self._by_first_word.values():
            group.sort(key=len, reverse=True)
        alternatives = "|".join(re.escape(name) for name in sorted(odd, key=len, reverse=True))
        self._odd = re.compile(rf"(?<![\w{_NOT_BEFORE}])(?:{alternatives})(?!\w)") if odd else None

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) of each occurrence of a name in `text`."""
        taken_until = 0
        for start, end, name in sorted(self._candidates(text), key=lambda m: (m[0], m[0] - m[1])):
            if start >= taken_until:
                taken_until = end
                yield start, end, name

    def _candidates(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The longest name at each word, and the names opening with a sign, overlaps and all."""
        for word in _WORD.finditer(text):
            start = word.start()
            if start > 0 and text[start - 1] in _NOT_BEFORE:
                continue
            name = next((n for n in self._by_first_word.get(word.group(0), ()) if _whole_at(text, n, start)), None)
            if name is not None:
                yield start, start + len(name), name
        if self._odd is not None:
            yield from ((m.start(), m.end(), m.group(0)) for m in self._odd.finditer(text))


def _whole_at(text: str, name: str, start: int) -> bool:
    end = start + len(name)
    return text.startswith(name, start) and (end == len(text) or not _WORD.match(text[end]))
