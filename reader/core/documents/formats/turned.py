"""Text set turned on an upright page (a landscape table, a margin note printed sideways, no /Rotate): read along
its own lines.

pdfium measures such characters where they stand on the page, so words were cut letter by letter and the letters of
all the lines interleaved. The turn of most of the page's characters is read from their angles; their boxes are taken
into the frame where the text stands upright, read there as any page is, and the layout's boxes are turned back
onto the page by the same means as a page's /Rotate (`paged.page_turn`).
"""

from __future__ import annotations

import math
from collections import Counter

from reader.core.documents.formats.paged import page_turn

SAMPLE = 60  # characters whose angle is read (evenly spaced): a page's turn is that of most of its text
PROBE = 6  # ... read only where one of this many says the page has some text turned (most pages have none)
TURNED_SHARE = 0.8  # ... when this share of them are turned alike


def text_turn(textpage, text: str) -> int:
    """How far clockwise most of the page's letters are turned a quarter (90 or 270 degrees), else 0: text set
    upside down on an upright page (180) is rare, and pdfium gives it in an order of its own, read as before."""
    letters = [i for i in range(0, len(text), max(1, len(text) // SAMPLE)) if not text[i].isspace()]
    if not any(_quarter(textpage, i) for i in letters[::max(1, len(letters) // PROBE)]):
        return 0
    turns = Counter(_quarter(textpage, i) for i in letters)
    turn, count = turns.most_common(1)[0]
    return turn if turn in (90, 270) and count >= TURNED_SHARE * len(letters) else 0


def _quarter(textpage, index: int) -> int:
    """How far a character is turned clockwise, to the nearest quarter (0, 90, 180 or 270 degrees)."""
    import pypdfium2.raw as raw

    return round(math.degrees(raw.FPDFText_GetCharAngle(textpage.raw, index)) / 90) % 4 * 90


class TurnedMeasure:
    """A character's box in the frame where text turned by `turn` stands upright, from `measure` (its box on the
    page as set, `width` × `height`, top-left origin)."""

    def __init__(self, measure, turn: int, width: float, height: float):
        self._measure = measure
        self._upright = page_turn((360 - turn) % 360, width, height)

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self._measure(index)
        (ax, ay), (bx, by) = self._upright(x0, y0), self._upright(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
