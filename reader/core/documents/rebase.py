"""Hand corrections made again on a new text of their file.

A historian corrects an OCR text ("Stalm" to "Stalin"); later the file changes (a better scan, an archivist's line
added) and is imported again. The new text must not undo the corrections: each one (what the file's earlier text
said there and what the historian wrote instead, widened to whole words) is made again where the new text still
reads as the earlier one did, as a three-way merge does. Where the file changed those very words too, the file's
new words stand and the correction is reported as not carried.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.documents.offset_map import OffsetMap
from reader.core.ranges import in_word
from reader.core.shared_text import shared_blocks


@dataclass(frozen=True)
class Correction:
    """[start, end) of the earlier text, and what the historian wrote there instead."""

    start: int
    end: int
    written: str


@dataclass(frozen=True)
class Rebased:
    text: str
    carried: int
    lost: tuple[tuple[str, str], ...]  # (the earlier words, the correction) of each correction not carried


def corrections(base: str, corrected: str) -> list[Correction]:
    """The edits turning `base` into `corrected`, each widened to the whole words it touches ('1984' -> '1934', not
    '8' -> '3'); edits a word joins are one. A widened edge that reaches into the edit before is merged with it, so
    its offsets in `corrected` are always taken inside a stretch the two texts share."""
    spans: list[tuple[int, int, int, int]] = []  # [start, end) in base, [start, end) in corrected
    for old_start, old_end, new_start, new_end in _edits(base, corrected):
        left, right = _word_start(base, old_start), _word_end(base, old_end)
        spans.append((left, right, new_start - (old_start - left), new_end + (right - old_end)))
        if len(spans) > 1 and left <= spans[-2][1]:
            (first, _, written_first, _), (_, last, _, written_last) = spans.pop(-2), spans.pop()
            spans.append((first, last, written_first, written_last))
    return [Correction(start, end, corrected[written_start:written_end])
            for start, end, written_start, written_end in spans]


def _edits(base: str, corrected: str):
    """[start, end) in base and in corrected of each stretch between the runs the two texts share."""
    old_at = new_at = 0
    for old_start, new_start, length in [*sorted(shared_blocks(base, corrected)), (len(base), len(corrected), 0)]:
        if (old_start, new_start) != (old_at, new_at):
            yield old_at, old_start, new_at, new_start
        old_at, new_at = old_start + length, new_start + length


def rebase(base: str, corrected: str, new: str) -> Rebased:
    """`new` with the corrections that turned `base` into `corrected` made again wherever `new` kept those words of
    `base` as they were."""
    if new == base:
        return Rebased(corrected, len(corrections(base, corrected)), ())
    moved = OffsetMap(base, new)
    pieces, at, carried, lost = [], 0, 0, []
    for correction in corrections(base, corrected):
        start = moved(correction.start)
        end = start + correction.end - correction.start
        if new[start:end] == base[correction.start:correction.end] and _whole_words(new, start, end) and start >= at:
            pieces += [new[at:start], correction.written]
            at, carried = end, carried + 1
        elif new[start:start + len(correction.written)] != correction.written:  # else the new text made it there
            lost.append((base[correction.start:correction.end], correction.written))
    return Rebased("".join([*pieces, new[at:]]), carried, tuple(lost))


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether [start, end) still stands as whole words: "Stalm" become "Stalmm" is another word, not the one
    corrected; "Stalm," (a comma added beside it) is the same word."""
    joined_before = 0 < start < len(text) and in_word(text[start - 1]) and in_word(text[start])
    joined_after = 0 < end < len(text) and in_word(text[end - 1]) and in_word(text[end])
    return not (joined_before or joined_after)


def _word_start(text: str, at: int) -> int:
    """Where the word holding `at` starts, as a selection of whole words takes it (`in_word`: marks and joiners
    written inside words too)."""
    while at > 0 and in_word(text[at - 1]):
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and in_word(text[at]):
        at += 1
    return at
