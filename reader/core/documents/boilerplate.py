"""Find the boilerplate a web page is wrapped in (adverts, shop footers, contact lines) by method, not by list.

A line is boilerplate when it recurs in other documents of the corpus and stands in a run of such lines (or alone at
the document's edge); the short non-sentence lines between such runs, or between a run and the document's edge, go
with them. A heading that two articles share is a single recurring line in the middle of prose, so it stays.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from reader.core.documents.lines import Line, is_short_fragment, split_lines

MIN_DOCUMENTS = 2


def detect_boilerplate(texts: Mapping[int, str]) -> dict[int, list[tuple[int, int]]]:
    """Boilerplate ranges for each text of a corpus, keyed as `texts` is."""
    lines_by_key = {key: [line for line in split_lines(text) if not line.blank] for key, text in texts.items()}
    frequency = Counter(k for lines in lines_by_key.values() for k in {line.key for line in lines})
    return {key: _ranges(lines, frequency) for key, lines in lines_by_key.items()}


def _ranges(lines: list[Line], frequency: Counter) -> list[tuple[int, int]]:
    recurring = [frequency[line.key] >= MIN_DOCUMENTS for line in lines]
    marked = _runs_worth_marking(recurring)
    marked = _absorb_fragments(lines, marked)
    return _join(lines, marked)


def _runs_worth_marking(recurring: list[bool]) -> list[bool]:
    """Keep recurring lines in runs of two or more, or a single one at the very first or last line."""
    marked = [False] * len(recurring)
    i = 0
    while i < len(recurring):
        if not recurring[i]:
            i += 1
            continue
        j = i
        while j < len(recurring) and recurring[j]:
            j += 1
        if j - i >= 2 or i == 0 or j == len(recurring):
            marked[i:j] = [True] * (j - i)
        i = j
    return marked


def _absorb_fragments(lines: list[Line], marked: list[bool]) -> list[bool]:
    """Mark gaps of short fragments between boilerplate runs, or between a run and the document's edge."""
    result = list(marked)
    anchors = [-1, *[i for i, m in enumerate(marked) if m], len(lines)]
    if len(anchors) == 2:
        return result
    for left, right in zip(anchors, anchors[1:], strict=False):
        gap = range(left + 1, right)
        if gap and all(is_short_fragment(lines[i].text) for i in gap):
            for i in gap:
                result[i] = True
    return result


def _join(lines: list[Line], marked: list[bool]) -> list[tuple[int, int]]:
    """Turn marked lines into ranges; consecutive marked lines (blank lines between them) become one range."""
    ranges: list[tuple[int, int]] = []
    previous_marked = False
    for line, is_marked in zip(lines, marked, strict=True):
        if is_marked and previous_marked:
            ranges[-1] = (ranges[-1][0], line.end)
        elif is_marked:
            ranges.append((line.start, line.end))
        previous_marked = is_marked
    return ranges
