"""Where an offset of a text lands in an edited copy of it, so the page geometry of a corrected OCR text (pages,
word boxes, running heads) still points at the right words.

The shared stretches are re-anchoring's (`shared_text.shared_blocks`: lines first, characters only inside the lines
that changed), so correcting a few words of a long book costs little more than reading it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reader.core.shared_text import shared_blocks


class OffsetMap:
    """Maps offsets of `old` to offsets of `new` through the runs the two texts share."""

    def __init__(self, old: str, new: str):
        self._runs = sorted(shared_blocks(old, new))  # (old start, new start, length), in order
        self._starts = [run[0] for run in self._runs]
        self._new_length = len(new)

    def __call__(self, offset: int) -> int:
        """The new offset: exact inside a shared run; inside an edited stretch, the end of the run before it."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return 0
        old_start, new_start, length = self._runs[index]
        return min(new_start + min(offset - old_start, length), self._new_length)

    def end(self, offset: int) -> int:
        """Where an end offset lands: like a start, but an end exactly at a run's start belongs to the run before it
        (the end of "The" stays after "The" when a word is inserted behind it)."""
        index = bisect_left(self._starts, offset) - 1
        if index >= 0 and offset <= self._runs[index][0] + self._runs[index][2]:
            old_start, new_start, _length = self._runs[index]
            return new_start + offset - old_start
        return self(offset)

    def unchanged(self, start: int, end: int) -> bool:
        """Whether [start, end) of the old text lies inside one shared run (the words there were not edited)."""
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._runs[index][0] + self._runs[index][2]
