"""Where an offset of a text lands in an edited copy of it, so the page geometry of a corrected OCR text (pages,
word boxes, running heads) still points at the right words.

The texts are compared line by line first and character by character only inside the lines that changed, so
correcting a few words of a long book costs little more than reading it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher


class OffsetMap:
    """Maps offsets of `old` to offsets of `new` through the runs the two texts share."""

    def __init__(self, old: str, new: str):
        self._runs = _shared_runs(old, new)  # (old start, new start, length), in order
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


def _shared_runs(old: str, new: str) -> list[tuple[int, int, int]]:
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _line_starts(old_lines), _line_starts(new_lines)
    runs = []
    for tag, a0, a1, b0, b1 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        start_old, start_new = old_at[a0], new_at[b0]
        if tag == "equal":
            runs.append((start_old, start_new, old_at[a1] - start_old))
        elif tag == "replace":
            matcher = SequenceMatcher(None, old[start_old:old_at[a1]], new[start_new:new_at[b1]], autojunk=False)
            runs += [(start_old + a, start_new + b, size) for a, b, size in matcher.get_matching_blocks() if size]
    return runs


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts
