"""Pairs judged not parallel (or not one event), looked up by the passages they join, whatever range was ranked.

Why by overlap, not by the ranges stored: a pair is dismissed under the ranges of its suggestion, the sentence a
historian selected or the paragraph of a whole document's list, and was kept from coming back only under those very
ranges: dismissed on the selection, it was suggested again for the whole document, and the other way round. A pair
of ranges that meet both passages of a dismissal, one on each side, is that pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

Key = tuple[int, int, int, int, int, int]  # (document, start, end) of either passage, as pair_key orders them


class Dismissed:
    """The dismissals, by document, to ask whether a pair of passages (anything with document_id, start and end)
    is one of them."""

    def __init__(self, keys: Iterable[Key]):
        self._keys = list(keys)
        self._sides: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # document -> (start, end, number)
        for number, key in enumerate(self._keys):
            self._sides[key[0]].append((key[1], key[2], number))
            self._sides[key[3]].append((key[4], key[5], number))

    def __bool__(self) -> bool:
        return bool(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def touches(self, document_id: int, start: int, end: int) -> bool:
        """Whether a passage meets either side of any dismissal (a quick test before `covers`)."""
        return any(start < side_end and side_start < end
                   for side_start, side_end, _number in self._sides.get(document_id, ()))

    def covers(self, one, two) -> bool:
        """Whether the two passages meet the two sides of one dismissal, either way round."""
        for side_start, side_end, number in self._sides.get(one.document_id, ()):
            if one.start < side_end and side_start < one.end:
                key = self._keys[number]
                if _meets(key[3:], two) and _meets(key[:3], one) or _meets(key[:3], two) and _meets(key[3:], one):
                    return True
        return False


def _meets(side: tuple[int, int, int], passage) -> bool:
    document_id, start, end = side
    return passage.document_id == document_id and passage.start < end and start < passage.end
