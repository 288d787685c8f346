"""Which dated entries join into one event: pairs of entries close in time under one name, and the connected parts
those pairs (and the other ties) make.

Both run on arrays: a thousand documents give some 200,000 close pairs, which cost a Python loop about four times as
long as the rest of grouping them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

WINDOW_DAYS = 31  # entries this far apart (or closer) may be one event
NEIGHBOURS = 12  # entries compared with each, in date order, within one name


def close_pairs(members_by_name: Iterable[list[int]], firsts: list[int], lasts: list[int], documents: list[int],
                precise: list[bool], loose_match: Callable[[int, int], bool]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (two index arrays) of one name's entries from different documents that lie at most WINDOW_DAYS apart,
    each entry compared with the NEIGHBOURS that follow it. Two precise dates need nothing more; a pair with a loose
    date (a season) is kept if `loose_match(i, j)`. Each name's members come in date order, as the entries do."""
    groups = [np.asarray(members, dtype=np.int64) for members in members_by_name if len(members) > 1]
    if not groups:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    members = np.concatenate(groups)
    group = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    first, last = np.asarray(firsts, np.int64), np.asarray(lasts, np.int64)
    document, sure = np.asarray(documents, np.int64), np.asarray(precise, bool)
    ones, twos = [], []
    for step in range(1, NEIGHBOURS + 1):
        one, two = members[:-step], members[step:]
        close = (group[:-step] == group[step:]) & (first[two] <= last[one] + WINDOW_DAYS)
        close &= document[one] != document[two]
        both_precise = sure[one] & sure[two]
        loose = [n for n in np.flatnonzero(close & ~both_precise).tolist() if loose_match(one[n], two[n])]
        ones += [one[close & both_precise], one[loose]]
        twos += [two[close & both_precise], two[loose]]
    return np.concatenate(ones), np.concatenate(twos)


def components(size: int, ones: np.ndarray, twos: np.ndarray) -> list[int]:
    """Each item's component, named by its smallest member, joining ones[k] with twos[k]: hook each pair's larger
    representative onto the smaller, then let every item jump to its representative's, until all pairs agree."""
    labels = np.arange(size)
    while True:
        while not np.array_equal(jumped := labels[labels], labels):
            labels = jumped
        one, two = labels[ones], labels[twos]
        apart = one != two
        if not apart.any():
            return labels.tolist()
        one, two = one[apart], two[apart]
        np.minimum.at(labels, np.maximum(one, two), np.minimum(one, two))


def one_act_each(labels: list[int], ones: np.ndarray, twos: np.ndarray, forced: np.ndarray, documents: list[int],
                 bounds: list[tuple[int, int] | None], names: list[frozenset[str]]) -> list[int]:
    """`labels` (components of the pairs `ones`-`twos` and `forced`) again where a component holds two entries of one
    document whose days cannot meet (`bounds`: an entry's first and last day; None for one bound by nothing, a
    user's note). A chronicle's meeting in Bremen on 3 May and its second, in Hamburg on the 17th, were chained
    through a memoir's dates of both into one event, whose shared 3 May then hid the memoir's 18th: one source dating
    two days tells two acts, not one twice. Such a component is joined anew, the pairs sharing most names first
    (`names`: each entry's; an arrival on the 10th shares fewer with another's meeting on the 15th than the meeting
    on the 24th does), then the closest dates, leaving apart a pair that would put two days of one source
    that cannot meet together; `forced` pairs (a user's link, the same words) are joined first, whatever they hold."""
    size = len(labels)
    if not any(bound is not None for bound in bounds):  # nothing dated narrowly enough to join (years only)
        return labels
    label, document = np.asarray(labels, np.int64), np.asarray(documents, np.int64)
    dated = np.asarray([bound is not None for bound in bounds], bool)
    first = np.asarray([bound[0] if bound else 0 for bound in bounds], np.int64)
    last = np.asarray([bound[1] if bound else 0 for bound in bounds], np.int64)
    parted = _parted(label * (int(document.max()) + 1) + document, dated, first, last)  # entries of a document
    # whose days in its component cannot all meet
    if not parted.any():
        return labels
    inside = np.isin(label, label[parted])
    chosen = inside[ones] & inside[twos]
    joined = np.unique(np.minimum(ones[chosen], twos[chosen]) * size + np.maximum(ones[chosen], twos[chosen]))
    pairs = np.stack([joined // size, joined % size], axis=1)
    masks = _name_masks(names)
    shared = np.bitwise_count(masks[pairs[:, 0]] & masks[pairs[:, 1]]).sum(axis=1)
    pairs = pairs[np.lexsort((np.abs(first[pairs[:, 0]] - first[pairs[:, 1]]), -shared))]
    acts = _Acts(documents, [bound if parted[i] else None for i, bound in enumerate(bounds)])
    acts.join_all([(one, two) for one, two in forced.tolist() if inside[one] and inside[two]], whatever=True)
    acts.join_all(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True))
    return [acts.label(i) if inside[i] else labels[i] for i in range(size)]


def _name_masks(names: list[frozenset[str]]) -> np.ndarray:
    """Each entry's names as bits (a row of 64-bit words each), so the names two entries share are counted for all
    pairs at once: a Python set per pair cost a third of the parting of a thousand documents' acts."""
    numbers: dict[str, int] = {}
    for entry in names:
        for name in entry:
            numbers.setdefault(name, len(numbers))
    masks = np.zeros((len(names), len(numbers) // 64 + 1), np.uint64)
    rows = [i for i, entry in enumerate(names) for _name in entry]
    bits = np.fromiter((numbers[name] for entry in names for name in entry), np.int64, len(rows))
    ones = np.left_shift(np.uint64(1), (bits % 64).astype(np.uint64))
    np.bitwise_or.at(masks, (np.asarray(rows, np.int64), bits // 64), ones)
    return masks


def _parted(group: np.ndarray, dated: np.ndarray, first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Which entries belong to a group (a document in a component) whose dated entries' days have none in common."""
    groups, which = np.unique(group, return_inverse=True)
    latest_first = np.full(len(groups), np.iinfo(np.int64).min)
    earliest_last = np.full(len(groups), np.iinfo(np.int64).max)
    np.maximum.at(latest_first, which[dated], first[dated])
    np.minimum.at(earliest_last, which[dated], last[dated])
    return (latest_first > earliest_last)[which] & dated


def _meet(days: tuple[int, int], more: tuple[int, int]) -> bool:
    return days[0] <= more[1] and more[0] <= days[1]


def _common(days: tuple[int, int] | None, more: tuple[int, int]) -> tuple[int, int]:
    """The days common to all of a set's spans and another (the first after the last: none). Spans on a line that
    meet two by two all share a day, so one pair of numbers tells whether a set's days can all meet."""
    return more if days is None else (max(days[0], more[0]), min(days[1], more[1]))


class _Acts:
    """Union-find whose sets keep, per document, the days common to their entries, and refuse a union after which
    one document's days would have none in common. A set is labelled by its smallest member, as `components`
    labels them."""

    def __init__(self, documents: list[int], bounds: list):
        self._parent = list(range(len(documents)))
        self._smallest = list(range(len(documents)))
        self._days: list[dict[int, tuple[int, int]]] = [{documents[i]: bound} if bound is not None else {}
                                                        for i, bound in enumerate(bounds)]

    def label(self, i: int) -> int:
        return self._smallest[self._root(i)]

    def join_all(self, pairs: Iterable[tuple[int, int]], whatever: bool = False) -> None:
        days, parent, smallest = self._days, self._parent, self._smallest
        for one, two in pairs:
            while parent[one] != one:  # the roots, halving the paths (inline: called 140,000 times for a thousand
                parent[one] = one = parent[parent[one]]  # documents)
            while parent[two] != two:
                parent[two] = two = parent[parent[two]]
            if one == two:
                continue
            if len(days[one]) < len(days[two]):
                one, two = two, one
            mine, theirs = days[one], days[two]
            if theirs and not whatever and any(document in mine and not _meet(mine[document], span)
                                               for document, span in theirs.items()):
                continue
            for document, span in theirs.items():
                mine[document] = _common(mine.get(document), span)
            days[two] = {}
            parent[two] = one
            smallest[one] = min(smallest[one], smallest[two])

    def _root(self, i: int) -> int:  # with path halving
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
