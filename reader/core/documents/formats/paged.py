"""Assembling a paged document (PDF, scanned images) page by page into one `Extracted`.

Each page's words go through the layout (columns, lines, paragraphs) and are written with their boxes; pages are
separated by a blank line, unless a word or a sentence runs over the break: so a page is written only once the next
one's first line is known. Running heads and folios are found once all pages are in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.core.documents.extracted import Extracted, TextBuilder, Word
from reader.core.documents.formats.layout import Paragraph, paragraphs
from reader.core.documents.formats.ocr import UNCERTAIN_BELOW
from reader.core.documents.formats.pagetext import PageParts, WrittenLine, following_word, page_parts, write_page
from reader.core.documents.formats.running import running_lines
from reader.core.records.pages import PageInfo


@dataclass(frozen=True)
class _LaidOut:
    """A page laid out and waiting to be written: its size as shown, how it is turned, and its parts as set."""

    label: str
    width: float
    height: float
    origin: str
    rotation: int
    set_size: tuple[float, float]
    parts: PageParts


class PagedText:
    """Collects pages in order; `finish` returns the text with pages, boxes, uncertain words and running lines."""

    def __init__(self) -> None:
        self._builder = TextBuilder(uncertain_below=UNCERTAIN_BELOW)
        self._pages: list[PageInfo] = []
        self._lines: list[WrittenLine] = []
        self._waiting: _LaidOut | None = None
        self._continues = False  # the page written last runs on into the next one
        self.first_page_title = ""

    def add_page(self, label: str, width: float, height: float, origin: str, words: list[Word],
                 rotation: int = 0) -> None:
        """One page: `width` × `height` points as shown; `words` boxed on the page as set, which is shown turned
        clockwise by `rotation` degrees (a PDF's /Rotate). The layout reads the page as set (its lines run as the
        type was set), and the boxes are then turned to land where the page shows the words. The page before is
        written now that this one's first line is known."""
        set_width, set_height = (height, width) if rotation % 180 else (width, height)
        found = paragraphs(words, set_width, set_height)
        if self._waiting is None and not self._pages:
            self.first_page_title = largest_type(found)
        page = _LaidOut(label, width, height, origin, rotation, (set_width, set_height), page_parts(found, set_height))
        if self._waiting is not None:
            self._write(self._waiting, page.parts)
        self._waiting = page

    def _write(self, page: _LaidOut, after: PageParts | None) -> None:
        """Write a waiting page, straight after the page before if that one ran on, and joined with `after` (the next
        page's parts) if it runs on into it."""
        index = len(self._pages)
        following = following_word(page.parts, after, self._continues) if after else ""
        if not self._continues:
            self._builder.separate("\n\n")
        start, first_box = self._builder.length, self._builder.box_count
        self._lines.extend(write_page(self._builder, index, page.parts, self._continues, following))
        if page.rotation % 360:
            self._builder.turn_boxes(first_box, page_turn(page.rotation, *page.set_size))
        self._pages.append(PageInfo(index, page.label or str(index + 1), start, self._builder.length, page.width,
                                    page.height, page.origin))
        self._continues = bool(following)

    def finish(self, fmt: str, metadata: dict[str, str]) -> Extracted:
        if self._waiting is not None:
            self._write(self._waiting, None)
            self._waiting = None
        if self._builder.length and not self._builder.ends_with("\n"):
            self._builder.add("\n")
        text = self._builder.text()
        return Extracted(
            text=text, fmt=fmt, metadata=metadata, pages=tuple(self._pages), boxes=self._builder.boxes,
            uncertain=tuple(self._builder.uncertain), boilerplate=running_lines(self._lines, len(self._pages)),
        )


def page_turn(rotation: int, set_width: float, set_height: float) -> Callable[[float, float], tuple[float, float]]:
    """Where a point of a page as set (top-left origin) is on the page shown turned clockwise by `rotation`."""
    return {90: lambda x, y: (set_height - y, x), 180: lambda x, y: (set_width - x, set_height - y),
            270: lambda x, y: (y, set_width - x)}[rotation % 360]


def largest_type(found: list[Paragraph]) -> str:
    """A title guessed from type size: the paragraph set clearly larger than the page's usual lines."""
    heights = sorted(line.height for paragraph in found for line in paragraph)
    if len(heights) < 2:
        return ""
    usual = heights[len(heights) // 2]
    best = max(found, key=lambda paragraph: min(line.height for line in paragraph))
    words = [word.text for line in best for word in line.words]
    if min(line.height for line in best) < 1.25 * usual or not 2 <= len(words) <= 30:
        return ""
    return " ".join(words)
