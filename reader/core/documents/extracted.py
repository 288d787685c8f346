"""What a format reader hands back: the text, and where each part of it stood on its page.

Every offset (pages, boxes, uncertain words, boilerplate) is a code-point offset into `Extracted.text` itself, so the
page view and the storage of pages/boxes can use them without re-reading the file. `TextBuilder` is the one place that
assembles text and offsets together, so they cannot drift apart.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.core.records.pages import PageInfo, UncertainWord


@dataclass(frozen=True, slots=True)
class Box:
    """Where one word of the text stands on its page: top-left origin, in the page's units."""

    page: int
    start: int
    end: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Extracted:
    """A file turned into text: the text, its format and metadata, and optional page geometry."""

    text: str
    fmt: str
    metadata: dict[str, str] = field(default_factory=dict)
    pages: tuple[PageInfo, ...] = ()
    boxes: Sequence[Box] = ()
    uncertain: tuple[UncertainWord, ...] = ()
    boilerplate: tuple[tuple[int, int], ...] = ()
    encoding: str = "utf-8"


class BoxTable(Sequence[Box]):
    """Word boxes kept as one flat array of numbers, seven per box, handed out as `Box` records when read.

    A 2,000-page book has some 700,000 words: as objects their boxes would take about 150 MB, as numbers 40 MB.
    Offsets are stored as doubles, exact for any text shorter than 2**53 code points.
    """

    __slots__ = ("_flat",)
    WIDTH = 7

    def __init__(self, flat: array | Iterable[float] = ()):
        self._flat = array("d", flat)

    def __len__(self) -> int:
        return len(self._flat) // self.WIDTH

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("box index out of range")
        return self._box(index * self.WIDTH)

    def __iter__(self) -> Iterator[Box]:
        for offset in range(0, len(self._flat), self.WIDTH):
            yield self._box(offset)

    def __eq__(self, other) -> bool:
        if isinstance(other, BoxTable):
            return self._flat == other._flat
        return isinstance(other, (tuple, list)) and list(self) == list(other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"BoxTable({len(self)} boxes)"

    @property
    def flat(self) -> array:
        """The numbers themselves, seven a box (for storage to pack without an object per box; do not change it)."""
        return self._flat

    def _box(self, offset: int) -> Box:
        page, start, end, x0, y0, x1, y1 = self._flat[offset:offset + self.WIDTH]
        return Box(int(page), int(start), int(end), x0, y0, x1, y1)


def flat_boxes(boxes: Sequence[Box]) -> array:
    """Boxes as one flat array of seven numbers each (page, start, end, x0, y0, x1, y1): a BoxTable's own array, read
    as it is, or one built from a list of `Box` records."""
    if isinstance(boxes, BoxTable):
        return boxes.flat
    flat = array("d")
    for box in boxes:
        flat.extend((box.page, box.start, box.end, box.x0, box.y0, box.x1, box.y1))
    return flat


class Word(NamedTuple):
    """A word found on a page, before it gets its offsets in the final text (a tuple: pages have thousands).

    `group` ties the words of one line an OCR engine recognised together (-1: none), since on a skewed scan their
    boxes drift too far to be grouped by height alone.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0
    group: int = -1


class TextBuilder:
    """Appends text piece by piece and records, for every word added, the offsets it ends up at."""

    def __init__(self, uncertain_below: float = 0.0):
        self._parts: list[str] = []
        self._length = 0
        self._uncertain_below = uncertain_below
        self._boxes = array("d")  # seven numbers a box, as BoxTable keeps them (no object per number)
        self.uncertain: list[UncertainWord] = []
        self.pages: list[PageInfo] = []

    @property
    def boxes(self) -> BoxTable:
        """The boxes of the words added so far (a copy: adding more does not change it)."""
        return BoxTable(self._boxes)

    @property
    def length(self) -> int:
        return self._length

    def add(self, text: str) -> tuple[int, int]:
        """Append plain text (separators, headings, notes); return its [start, end)."""
        start = self._length
        if text:
            self._parts.append(text)
            self._length += len(text)
        return start, self._length

    @property
    def box_count(self) -> int:
        return len(self._boxes) // BoxTable.WIDTH

    def turn_boxes(self, first: int, turn: Callable[[float, float], tuple[float, float]]) -> None:
        """Move the boxes from number `first` on by `turn`, which takes a point of a page as set to the page as shown
        (a page turned by /Rotate: laid out as set, drawn as shown)."""
        boxes = self._boxes
        for offset in range(first * BoxTable.WIDTH, len(boxes), BoxTable.WIDTH):
            (ax, ay), (bx, by) = turn(boxes[offset + 3], boxes[offset + 4]), turn(boxes[offset + 5], boxes[offset + 6])
            boxes[offset + 3:offset + 7] = array("d", (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))

    def add_words(self, words: list[Word], page: int, separator: str = " ") -> tuple[int, int]:
        """Append words joined by `separator` in one piece (a page has thousands of words); return the range."""
        start = position = self._length
        step = len(separator)
        boxes, uncertain, threshold = self._boxes, self.uncertain, self._uncertain_below
        for word in words:
            end = position + len(word.text)
            if end > position:
                boxes.extend((page, position, end, word.x0, word.y0, word.x1, word.y1))
                if word.confidence < threshold:
                    uncertain.append(UncertainWord(position, end, word.confidence))
            position = end + step
        return start, self.add(separator.join(word.text for word in words))[1]

    def ends_with(self, suffix: str) -> bool:
        """Whether the text so far ends with `suffix` (looks only at the last parts, not the whole text)."""
        tail = ""
        for part in reversed(self._parts):
            tail = part + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    def separate(self, separator: str) -> None:
        """Put `separator` ("\\n\\n" between paragraphs or pages) unless the text is empty or already ends so."""
        if self._length and not self.ends_with(separator):
            self.add(separator)

    def text(self) -> str:
        joined = "".join(self._parts)
        self._parts = [joined] if joined else []
        return joined
