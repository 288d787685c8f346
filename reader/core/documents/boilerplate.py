"""Find the boilerplate a web page is wrapped in (adverts, shop footers, contact lines) by method, not by list.

A line is boilerplate when it recurs in other documents of the corpus and stands in a run of such lines (or alone at
the document's edge); the short non-sentence lines between such runs, or between a run and the document's edge, go
with them. A heading that two articles share is a single recurring line in the middle of prose, so it stays.

What recurs because it is content is not a wrapper: a paragraph of prose that two sources share is a quotation (a
wrapper's lines are short, as boilerplate detectors since boilerpipe have measured), and documents that share most
of their text are copies of one text (a transcription and its scan, two editions), which count as one document:
the lines they share recur nowhere else. Nor does a text that reprints another's prose (an anthology of the
sources, a thesis quoting one whole) make that text's title and headings recur: each counts without the other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from itertools import combinations

from reader.core.documents.lines import Line, is_short_fragment, split_lines, word_count

MIN_DOCUMENTS = 2  # texts (copies counted once) a line recurs in to be a wrapper's
PROSE_WORDS = 20  # a line this long is a paragraph of content: shared, it is quoted, not a wrapper
COPY_SHARE = 0.5  # two documents are copies when the lines they share hold this share of each one's text
REPRINT_SHARE = 0.8  # a text holding this share of another's prose reprints it (two accounts quoting one speech
# share less of theirs)
TEMPLATE_SPREAD = 20  # a line in more documents than this is a site's template: it makes no two of them copies


def detect_boilerplate(texts: Mapping[int, str]) -> dict[int, list[tuple[int, int]]]:
    """Boilerplate ranges for each text of a corpus, keyed as `texts` is."""
    lines_by_key = {key: [line for line in split_lines(text) if not line.blank] for key, text in texts.items()}
    holders = _holders(lines_by_key)
    text_of = _copies(lines_by_key, holders)
    texts_holding = {line_key: len({text_of[key] for key in holding}) for line_key, holding in holders.items()}
    reprinting = _reprints(lines_by_key, holders)
    return {key: _ranges(lines, _as_seen_by(key, lines_by_key, holders, text_of, texts_holding, reprinting.get(key)))
            for key, lines in lines_by_key.items()}


def _reprints(lines_by_key: Mapping[int, list[Line]], holders: Mapping[str, set[int]]) -> dict[int, set[int]]:
    """Each document -> the documents that reprint its prose, or whose prose it reprints (an anthology, a thesis
    quoting a source in full): the prose lines two share hold at least REPRINT_SHARE of the smaller one's prose. Such
    a pair shares the reprinted text's headings and title; they recur because it is quoted, not because both are
    wrapped alike (a compilation of the sources made every source's headings boilerplate, and retitled them)."""
    prose_size: Counter = Counter()
    shared: Counter = Counter()
    for line_key, holding in holders.items():
        if word_count(line_key) < PROSE_WORDS:
            continue
        for key in holding:
            prose_size[key] += len(line_key)
        if 2 <= len(holding) <= TEMPLATE_SPREAD:
            for pair in combinations(sorted(holding), 2):
                shared[pair] += len(line_key)
    related: dict[int, set[int]] = defaultdict(set)
    for (one, two), characters in shared.items():
        if characters >= REPRINT_SHARE * min(prose_size[one], prose_size[two]):
            related[one].add(two)
            related[two].add(one)
    return related


def _as_seen_by(key: int, lines_by_key: Mapping[int, list[Line]], holders: Mapping[str, set[int]],
                text_of: Mapping[int, int], texts_holding: Mapping[str, int], reprinting: set[int] | None
                ) -> Mapping[str, int]:
    """How many texts hold each line of one document, not counting those that reprint it, or that it reprints,
    where they hold the line inside their body (between their first and last paragraph of prose): there it is part
    of the text reprinted (a source's title in an anthology). At their edges it is a wrapper they share (two issues
    of one paper quoting one speech, the short one little else, keep their masthead and advert)."""
    if not reprinting:
        return texts_holding
    inside = {other: _inside_body(lines_by_key[other]) for other in reprinting}
    return {line.key: len({text_of[holder] for holder in holders[line.key]
                           if holder not in reprinting or line.key not in inside[holder]})
            for line in lines_by_key[key]}


def _inside_body(lines: list[Line]) -> set[str]:
    """The lines standing between a text's first and last paragraph of prose."""
    prose = [number for number, line in enumerate(lines) if word_count(line.text) >= PROSE_WORDS]
    return {line.key for line in lines[prose[0] + 1:prose[-1]]} if prose else set()


def _holders(lines_by_key: Mapping[int, list[Line]]) -> dict[str, set[int]]:
    """Each line (by its key) -> the documents holding it."""
    holders: dict[str, set[int]] = defaultdict(set)
    for key, lines in lines_by_key.items():
        for line in lines:
            holders[line.key].add(key)
    return holders


def _copies(lines_by_key: Mapping[int, list[Line]], holders: Mapping[str, set[int]]) -> dict[int, int]:
    """Each document -> the first of the documents it is a copy of (itself if none): joined when the lines two
    share hold at least COPY_SHARE of each one's text, and through copies of copies."""
    size = {key: sum(len(line.key) for line in {line.key: line for line in lines}.values()) or 1
            for key, lines in lines_by_key.items()}
    shared: Counter = Counter()
    for line_key, holding in holders.items():
        if 2 <= len(holding) <= TEMPLATE_SPREAD:
            for pair in combinations(sorted(holding), 2):
                shared[pair] += len(line_key)
    first = {key: key for key in lines_by_key}

    def root(key: int) -> int:
        while first[key] != key:
            key = first[key]
        return key

    for (one, two), characters in shared.items():
        if characters >= COPY_SHARE * max(size[one], size[two]):
            first[max(root(one), root(two))] = min(root(one), root(two))
    return {key: root(key) for key in lines_by_key}


def _ranges(lines: list[Line], texts_holding: Mapping[str, int]) -> list[tuple[int, int]]:
    recurring = [texts_holding[line.key] >= MIN_DOCUMENTS and word_count(line.text) < PROSE_WORDS
                 and not _numbering(line.text) for line in lines]
    repeated = Counter(line.key for line, shared in zip(lines, recurring, strict=True) if shared)
    running = [shared and repeated[line.key] > 1 for line, shared in zip(lines, recurring, strict=True)]
    marked = _runs_worth_marking(recurring, running, [_numbering(line.text) for line in lines])
    marked = _absorb_fragments(lines, marked)
    return _join(lines, marked)


def _numbering(text: str) -> bool:
    """Whether a line is a bare number, as a page's: every paged document has a '1' and a '2', so their recurring
    tells nothing of a wrapper (a footnote above one was taken for a run of two wrapper lines, and archival
    citations that two reports share left search). Among wrapper lines it goes with them."""
    return text.strip().strip("-–—.()[]").strip().isdigit()


def _runs_worth_marking(recurring: list[bool], running: list[bool], numbers: list[bool]) -> list[bool]:
    """Keep recurring lines in runs of two or more (bare numbers among them, or beside them, counted in the run but
    not towards its two), a single one that is the very first or last line, or one the document repeats on its
    own pages (a running head or foot, with its page number)."""
    marked = [False] * len(recurring)
    i = 0
    while i < len(recurring):
        if not recurring[i] and not numbers[i]:
            i += 1
            continue
        j = i
        while j < len(recurring) and (recurring[j] or numbers[j]):
            j += 1
        wrappers = sum(recurring[i:j])
        at_edge = recurring[0] and i == 0 or recurring[-1] and j == len(recurring)  # the line itself at the edge
        if wrappers >= 2 or wrappers and (at_edge or any(running[i:j])):
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
