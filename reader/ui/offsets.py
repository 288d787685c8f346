"""The one conversion between the core's code-point offsets and Qt's UTF-16 positions.

Characters outside the Basic Multilingual Plane (emoji, 𝔐) are one code point but two UTF-16 units; every offset
crossing the core/Qt boundary goes through Utf16Map.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts offsets for one text in O(log n), from the sorted code-point positions of its astral characters."""

    def __init__(self, text: str):
        # found by the regular expression engine: a loop over a 45 MB text's characters took 2.5 s
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_utf16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, code_point: int) -> int:
        return code_point + bisect_right(self._astral, code_point - 1)

    def to_code_point(self, utf16: int) -> int:
        """The code point at or before a UTF-16 position (a position inside a surrogate pair maps to its start)."""
        fully_before = bisect_right(self._astral_utf16, utf16 - 2)
        inside_pair = fully_before < len(self._astral_utf16) and self._astral_utf16[fully_before] == utf16 - 1
        return utf16 - fully_before - (1 if inside_pair else 0)
