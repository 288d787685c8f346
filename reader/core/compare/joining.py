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
