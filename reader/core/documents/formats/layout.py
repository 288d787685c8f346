"""Reading order on a page from word boxes alone: lines, columns, and paragraphs judged from vertical gaps.

PDF text layers and OCR both give words with boxes in an order that need not be the reading order (a two-column page
often comes line by line across both columns). Columns are found as vertical white rivers that words on both sides
face across; words crossing a river (a title, a centred page number) span the columns and cut the page into bands.
"""

from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter
from statistics import median

from reader.core.documents.extracted import Word

_X0, _Y0, _Y1 = itemgetter(1), itemgetter(2), itemgetter(4)  # Word fields, read at C speed
_BOTTOM_THEN_LEFT = itemgetter(4, 1)
EDGE_SHARE = 0.07  # top and bottom share of the page left out when looking for columns (running heads, folios)
MIN_SIDE_LINES = 3  # a column needs at least this many lines beside the other one
_PAGE_NUMBER = re.compile(r"\d{1,4}|[ivxlcdm]{1,8}", re.IGNORECASE)  # a page's number or its label in roman
_LEADER = re.compile(r"(?:\.\s?){3,}$|…$|(?:·\s?){3,}$")  # the dots leading the eye to it
SENTENCE_ENDS = (".", "!", "?", ":", ";", "\"", "”", "»", ")")
SPANNING_ROWS = 0.2  # share of the body rows that may cross a gutter (a title, a heading or a note across columns)
MIN_COLUMN_SHARE = 0.2  # a column is at least this share of the text's width
NOTE_TYPE = 0.9  # a line set smaller than this share of the usual line height may be a footnote
PARAGRAPH_GAP = 1.5  # a line pitch this many times the usual one starts a paragraph
TYPE_CHANGE = 1.3  # a line's type this many times the size of the next one's (or smaller) ends its paragraph
SHORT_LINE = 0.75  # a line ending a sentence before this share of the column's width ends its paragraph


class Line:
    """Words on one baseline within one column, left to right, and the vertical extent they cover."""

    __slots__ = ("words", "top", "bottom")

    def __init__(self, words: list[Word]):
        self.words = words
        self.top = min(map(_Y0, words))
        self.bottom = max(map(_Y1, words))

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def type_size(self) -> float:
        return median(word.y1 - word.y0 for word in self.words)


Paragraph = list[Line]


def paragraphs(words: list[Word], page_width: float, page_height: float) -> list[Paragraph]:
    """The page's paragraphs in reading order: band by band, and within a band column by column."""
    if not words:
        return []
    rows = group_lines(words)
    em = median(w.y1 - w.y0 for w in words) or 1.0
    gutters = find_gutters(rows, page_height, em)
    lines = _column_lines(rows, gutters, em)
    _notes_to_foot(lines)
    ordered = _reading_order(lines)
    return _split_paragraphs(ordered)


def find_gutters(rows: list[Line], page_height: float, em: float) -> list[tuple[float, float]]:
    """White vertical rivers between columns: x ranges that nearly all body rows leave blank (a title or a heading
    across the columns may cross them), with lines facing each other across."""
    body = [row for row in rows if page_height * EDGE_SHARE <= row.centre <= page_height * (1 - EDGE_SHARE)]
    words = [word for row in body for word in row.words]
    if len(words) < 2 * MIN_SIDE_LINES:
        return []
    gutters = []
    for start, end in _rarely_covered([_runs(row.words, em) for row in body], em):
        left = [w for w in words if w.x1 <= start]
        right = [w for w in words if w.x0 >= end]
        if _facing_rows(left, right, em) >= MIN_SIDE_LINES:
            gutters.append((start, end))
    return _wide_columns_only(gutters, min(w.x0 for w in words), max(w.x1 for w in words))


def _wide_columns_only(gutters: list[tuple[float, float]], left: float, right: float) -> list[tuple[float, float]]:
    """Drop gutters beside a column narrower than a fifth of the text: page numbers of a table of contents, or a
    table's last column, are not a column of text to be read after the others."""
    kept = list(gutters)
    while kept:
        starts = [left, *(end for _, end in kept)]
        ends = [*(start for start, _ in kept), right]
        narrow = next((i for i, (a, b) in enumerate(zip(starts, ends, strict=True))
                       if b - a < MIN_COLUMN_SHARE * (right - left)), None)
        if narrow is None:
            break
        kept.pop(min(narrow, len(kept) - 1))
    return kept


def _runs(words: list[Word], em: float) -> list[tuple[float, float]]:
    """A row's ink as x runs: words closer than an em (a word space) run together; a gutter parts them."""
    runs: list[tuple[float, float]] = []
    for word in sorted(words, key=_X0):
        if runs and word.x0 - runs[-1][1] < em:
            runs[-1] = (runs[-1][0], max(runs[-1][1], word.x1))
        else:
            runs.append((word.x0, word.x1))
    return runs


def _rarely_covered(rows: list[list[tuple[float, float]]], em: float) -> list[tuple[float, float]]:
    """Gaps at least one em wide inside the text's width that at most a few rows cross (a title set across both
    columns must not hide them): in each stretch crossed by few enough rows, the widest part crossed by fewest."""
    allowed = int(SPANNING_ROWS * len(rows))
    events = sorted((x, step) for runs in rows for x0, x1 in runs for x, step in ((x0, 1), (x1, -1)))
    gaps: list[tuple[float, float]] = []
    stretch: list[tuple[float, float, int]] = []  # (start, end, rows crossing) pieces of the current stretch
    count = 0
    for (x, step), (next_x, _) in zip(events, events[1:], strict=False):
        count += step
        if count <= allowed and next_x > x:
            stretch.append((x, next_x, count))
        elif count > allowed and stretch:
            gaps.extend(_least_crossed(stretch, em))
            stretch = []
    return gaps


def _least_crossed(stretch: list[tuple[float, float, int]], em: float) -> list[tuple[float, float]]:
    """The widest run of pieces crossed by the fewest rows, if an em wide: the ragged ends of the column lines
    beside it are crossed by more, and are not part of the gutter."""
    fewest = min(crossing for _, _, crossing in stretch)
    runs = [list(run) for least, run in groupby(stretch, key=lambda piece: piece[2] == fewest) if least]
    start, end = max(((run[0][0], run[-1][1]) for run in runs), key=lambda span: span[1] - span[0])
    return [(start, end)] if end - start >= em else []


def _facing_rows(left: list[Word], right: list[Word], em: float) -> int:
    """How many distinct rows have a word on each side of a gap: columns, not a ragged edge or an indent."""
    if not left or not right:
        return 0
    rows_left = {round((w.y0 + w.y1) / 2 / em) for w in left}
    rows_right = {round((w.y0 + w.y1) / 2 / em) for w in right}
    return len(rows_left & rows_right)


def _column_lines(rows: list[Line], gutters: list[tuple[float, float]], em: float) -> dict[int, list[Line]]:
    """Each column's lines; on a page of one column they are the page's rows, grouped once (a book has thousands)."""
    if not gutters:
        return {0: rows}
    return {column: group_lines(words) for column, words in _columns(rows, gutters, em).items()}


def _columns(rows: list[Line], gutters: list[tuple[float, float]], em: float) -> dict[int, list[Word]]:
    """Words by column from the left; a whole row whose ink crosses a gutter (a title, a centred folio) spans the
    columns (-1), so a title is never cut into the columns' first lines."""
    columns: dict[int, list[Word]] = {}
    for row in rows:
        if any(x0 < end and start < x1 for x0, x1 in _runs(row.words, em) for start, end in gutters):
            columns.setdefault(-1, []).extend(row.words)
            continue
        for word in row.words:
            column = next((i for i, (start, _) in enumerate(gutters) if word.x1 <= start), len(gutters))
            columns.setdefault(column, []).append(word)
    return columns


def _notes_to_foot(lines: dict[int, list[Line]]) -> None:
    """Lines in small type at a column's foot, below the last line of every other column, are the page's footnotes:
    they become spanning lines, read after all the columns, not between the left column and the right one."""
    columns = [column for column in lines if column >= 0]
    if len(columns) < 2:
        return
    usual = median(line.height for column in columns for line in lines[column])
    floors = {column: max(lines[other][-1].bottom for other in columns if other != column) for column in columns}
    for column in columns:
        own = lines[column]
        cut = len(own)
        while cut > 1 and own[cut - 1].top > floors[column] and own[cut - 1].height < NOTE_TYPE * usual:
            cut -= 1
        if cut < len(own):
            lines[-1] = sorted([*lines.get(-1, []), *own[cut:]], key=lambda line: line.centre)
            del own[cut:]


def group_lines(words: list[Word]) -> list[Line]:
    """Words of one column grouped into lines by vertical overlap (or by the engine's line), top to bottom."""
    grouped: dict[int, list[Word]] = {}
    loose: list[Word] = []
    for word in words:
        (grouped.setdefault(word.group, []) if word.group >= 0 else loose).append(word)
    rows = list(grouped.values())
    top = bottom = None
    for word in sorted(loose, key=_BOTTOM_THEN_LEFT):
        centre = (word.y0 + word.y1) / 2
        if top is not None and top <= centre <= bottom:
            rows[-1].append(word)
            top, bottom = min(top, word.y0), max(bottom, word.y1)
        else:
            rows.append([word])
            top, bottom = word.y0, word.y1
    return sorted((Line(sorted(row, key=_X0)) for row in rows), key=lambda line: line.centre)


def _reading_order(lines: dict[int, list[Line]]) -> list[tuple[int, Line]]:
    """Spanning lines (column -1) cut the page into bands; each band is read column by column."""
    spanning = lines.pop(-1, [])
    cuts = [line.centre for line in spanning] + [float("inf")]
    ordered: list[tuple[int, Line]] = []
    taken = {column: 0 for column in lines}
    for cut, span in zip(cuts, [*spanning, None], strict=True):
        for column in sorted(lines):
            column_lines = lines[column]
            while taken[column] < len(column_lines) and column_lines[taken[column]].centre < cut:
                ordered.append((column, column_lines[taken[column]]))
                taken[column] += 1
        if span is not None:
            ordered.append((-1, span))
    return ordered


def _split_paragraphs(ordered: list[tuple[int, Line]]) -> list[Paragraph]:
    """Start a paragraph at a change of column or band, or where the line pitch is well over the usual one."""
    pitches = [b.centre - a.centre for (ca, a), (cb, b) in zip(ordered, ordered[1:], strict=False) if ca == cb]
    heights = [line.height for _, line in ordered]
    usual = max(_lower_quartile([p for p in pitches if p > 0]), median(heights))
    edges = _column_edges(ordered)
    result: list[Paragraph] = []
    previous: tuple[int, Line] | None = None
    for column, line in ordered:
        if previous is None or _breaks(previous, (column, line), usual, edges[column]):
            result.append([line])
        else:
            result[-1].append(line)
        previous = (column, line)
    return result


def _column_edges(ordered: list[tuple[int, Line]]) -> dict[int, tuple[float, float]]:
    """Leftmost and rightmost x each column's lines reach."""
    edges: dict[int, tuple[float, float]] = {}
    for column, line in ordered:
        left, right = edges.get(column, (float("inf"), float("-inf")))
        edges[column] = (min(left, line.words[0].x0), max(right, line.words[-1].x1))
    return edges


def _breaks(previous: tuple[int, Line], current: tuple[int, Line], usual: float, edges: tuple[float, float]) -> bool:
    (column_a, a), (column_b, b) = previous, current
    if column_a != column_b:
        return not runs_on(a, b)
    pitch = b.centre - a.centre
    return (pitch > PARAGRAPH_GAP * usual or pitch < 0 or _set_solid_break(a, b, edges) or _type_changes(a, b)
            or _contents_entry(a))


def _contents_entry(line: Line) -> bool:
    """Whether a line ends in a page reference after leader dots, as a table of contents' or an index's entry does
    ("1. The meeting of 1934 .......... 1", "Index … 17"): the entries had been unwrapped into one paragraph."""
    words = line.words
    return len(words) > 1 and bool(_PAGE_NUMBER.fullmatch(words[-1].text)) and bool(_LEADER.search(words[-2].text))


def _type_changes(a: Line, b: Line) -> bool:
    """A heading in larger type set close above its text (a page's only paragraph gives no usual pitch to exceed):
    the type's size changes between the two lines. A line's size is its words' median height, so a footnote's
    mark raised in it changes nothing."""
    small, large = sorted((a.type_size, b.type_size))
    return large > TYPE_CHANGE * small


def _set_solid_break(a: Line, b: Line, edges: tuple[float, float]) -> bool:
    """Paragraphs set without space between them still show: after a full stop the line stops well short of the
    column's right edge, or the next line is indented by about an em."""
    if not a.words[-1].text.endswith(SENTENCE_ENDS):
        return False
    left, right = edges
    short = a.words[-1].x1 < left + SHORT_LINE * (right - left)
    indented = b.words[0].x0 - left >= 0.8 * a.height and b.words[0].x0 - a.words[0].x0 >= 0.5 * a.height
    return short or indented


def runs_on(a: Line, b: Line) -> bool:
    """A sentence cut at the foot of a column (or a page) goes on at the head of the next: no full stop, a lower-case
    start."""
    return not a.words[-1].text.endswith(SENTENCE_ENDS) and b.words[0].text[:1].islower()


def _lower_quartile(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[len(ordered) // 4]
