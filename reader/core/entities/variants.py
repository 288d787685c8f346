"""Spelling variants: names that differ by one typo or transliteration step ('Choibalshan', 'Satlin').

Scored with the Damerau-Levenshtein distance (a transposition counts once). A rare form one edit away from a frequent
one of the same initial is merged automatically; other close pairs are only suggested.
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz.distance import DamerauLevenshtein

from reader.core.entities.names import name_key

MIN_LENGTH = 5
SUGGEST_SIMILARITY = 0.8
RARE, FREQUENT = 2, 3


def find_variants(clusters: dict, rejected_pairs: set[frozenset[str]]) -> tuple[list[tuple[str, str]], list]:
    """Merge sure variants into `clusters` in place; return (merged pairs, [(key, key, similarity)] suggestions)."""
    merged, suggestions = [], []
    keys = sorted((k for k in clusters if not k.startswith("date:")), key=lambda k: -clusters[k].count)
    forms = {key: _comparable_forms(clusters[key]) for key in keys}
    initials = {key: {form[0] for form in found} for key, found in forms.items()}
    for first, second in combinations(keys, 2):
        if first not in clusters or second not in clusters or not initials[first] & initials[second] \
                or frozenset((first, second)) in rejected_pairs:
            continue
        similarity, distance = _closest(forms[first], forms[second])
        if similarity < SUGGEST_SIMILARITY:
            continue
        if distance == 1 and clusters[second].count <= RARE and clusters[first].count >= FREQUENT:
            clusters[first].absorb(clusters.pop(second))
            forms[first] |= forms[second]
            initials[first] |= initials[second]
            merged.append((second, first))
        else:
            suggestions.append((first, second, round(similarity, 3)))
    return merged, [s for s in suggestions if s[0] in clusters and s[1] in clusters]


def _comparable_forms(cluster) -> set[str]:
    """The cluster's name keys long enough for a one-letter difference to be a typo."""
    return {key for key in (name_key(n) for n in cluster.names) if len(key) >= MIN_LENGTH}


def is_typo_of(name: str, other: str) -> bool:
    """One edit apart, same initial, both long enough for an edit to be a typo rather than another name."""
    return min(len(name), len(other)) >= MIN_LENGTH and name[0] == other[0] \
        and DamerauLevenshtein.distance(name, other) == 1


def _closest(first: set[str], second: set[str]) -> tuple[float, int]:
    """Best similarity (and its edit distance) between any name of one cluster and any of the other."""
    best = (0.0, 99)
    for a in first:
        for b in second:
            if a[0] != b[0] or abs(len(a) - len(b)) > 2:
                continue
            similarity = DamerauLevenshtein.normalized_similarity(a, b)
            if similarity > best[0]:
                best = (similarity, DamerauLevenshtein.distance(a, b))
    return best
