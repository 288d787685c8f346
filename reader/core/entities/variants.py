"""Spelling variants: names that differ by one typo or transliteration step ('Choibalshan', 'Satlin').

Scored with the Damerau-Levenshtein distance (a transposition counts once). A rare form one edit away from a frequent
one of the same initial is merged automatically, unless it is a place the gazetteer knows and the frequent one is
read as another kind; other close pairs are only suggested. A name in Cyrillic is compared in its dictionary form
and in the Latin letters English writes it in, so 'Сталина' and 'Stalin' are one name, merged, and 'Гэндэн' and
'Генден', two spellings of one Mongolian name in Russian, are one too.
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz.distance import DamerauLevenshtein

from reader.core.entities.cluster import DATE_KEY
from reader.core.entities.names import name_key
from reader.core.entities.romanised import romanised
from reader.core.entities.scripts import has_cyrillic

MIN_LENGTH = 5
SUGGEST_SIMILARITY = 0.8
RARE, FREQUENT = 2, 3


def find_variants(clusters: dict, rejected_pairs: set[frozenset[str]], is_place=None,
                  ) -> tuple[list[tuple[str, str]], list]:
    """Merge sure variants into `clusters` in place; return (merged pairs, [(key, key, similarity)] suggestions).

    Pairs are taken in order of frequency, as all pairs would be, but only those with two forms of one initial and
    about one length are looked at: at 5,000 names that is a few hundred thousand pairs, not twelve million."""
    merged, suggestions = [], []
    apart = KeptApart(rejected_pairs)
    keys = sorted((k for k in clusters if not k.startswith(DATE_KEY)), key=lambda k: -clusters[k].count)
    rank = {key: number for number, key in enumerate(keys)}
    forms = {key: _comparable_forms(clusters[key]) for key in keys}
    index = _FormIndex(forms)
    for first in keys:
        later = index.neighbours(first, rank[first], rank) if first in clusters else []
        while later:
            second = later.pop(0)
            if first not in clusters or second not in clusters or apart(clusters[first], clusters[second]):
                continue
            similarity, distance = _closest(forms[first], forms[second])
            if similarity < SUGGEST_SIMILARITY:
                continue
            if _one_name(clusters[first], clusters[second], distance, has_cyrillic(first) != has_cyrillic(second),
                         is_place):
                clusters[first].absorb(clusters.pop(second))
                index.add(first, forms[second] - forms[first])
                forms[first] |= forms[second]
                later = index.neighbours(first, rank[second], rank)  # its new forms may have new neighbours
                merged.append((second, first))
            else:
                suggestions.append((first, second, round(similarity, 3)))
    return merged, [s for s in suggestions if s[0] in clusters and s[1] in clusters]


def _one_name(frequent, rare, distance: int, across_scripts: bool, is_place) -> bool:
    """Whether two clusters surely name one thing: one name (in two scripts, or in two spellings of one sound), of
    one kind; or a rare typo of a frequent name. A romanisation one letter off is another name as often as not
    ('Гендин', the NKVD's man, beside the premier 'Genden'), so across scripts only the same name merges."""
    if distance == 0:
        return _leading(frequent.votes) in (None, _leading(rare.votes)) or _leading(rare.votes) is None
    return not across_scripts and distance == 1 and rare.count <= RARE and frequent.count >= FREQUENT \
        and not a_place_apart(frequent, rare, is_place)


def join_scripts(clusters: dict, types: dict[str, str], suggestions: list[tuple[str, str, float]],
                 split: set[str] = frozenset(), kept_apart: set[frozenset[str]] = frozenset()) -> list[tuple[str, str]]:
    """Merge the pairs suggested as the same name in two scripts (similarity 1) whose kinds were decided alike, in
    place; return them (merged, kept). Before the vote, one stray vote for another kind ('Shumyatsky' once an
    organisation) held them apart though both were shown as people. Not a pair the user kept apart, nor one with a
    name the user split off (`split`, name keys): the next run joined them again, and nothing was left to refuse."""
    merged, apart = [], KeptApart(kept_apart)
    for first, second, similarity in suggestions:
        if similarity == 1.0 and first in clusters and second in clusters and types.get(first) == types.get(second) \
                and has_cyrillic(first) != has_cyrillic(second) and not apart(clusters[first], clusters[second]) \
                and not split & {name_key(name) for key in (first, second) for name in (key, *clusters[key].names)}:
            clusters[first].absorb(clusters.pop(second))
            del types[second]
            merged.append((second, first))
    return merged


def keep_known_keys(clusters: dict, merged: list[tuple[str, str]], suggestions: list, known: set[str],
                    types: dict[str, str] | None = None) -> list:
    """Give each cluster merged across scripts the key of the entity the register already held, where only the
    absorbed one was (in place, `types` too; returns the suggestions re-keyed). The keeper is the commoner spelling:
    an English note naming Stalin more often than the library's Russian sources made 'Сталин' a new entity 'Stalin',
    and its rename, type, rejection and Wikidata id, held by the old one, were gone. Within a script the commoner
    spelling keeps its key, as it did: a typo known first ('Choibalshan') would hold the entity's identity, lost when
    its document goes."""
    renamed = {}
    for absorbed, keeper in merged:
        keeper = renamed.get(keeper, keeper)
        if absorbed in known and keeper not in known and keeper in clusters and absorbed not in clusters \
                and has_cyrillic(absorbed) != has_cyrillic(keeper):
            cluster = clusters.pop(keeper)
            cluster.key = absorbed
            clusters[absorbed] = cluster
            if types is not None and keeper in types:
                types[absorbed] = types.pop(keeper)
            renamed[keeper] = absorbed
    return [(renamed.get(a, a), renamed.get(b, b), score) for a, b, score in suggestions]


def same_places(clusters: dict, types: dict[str, str], rejected_pairs: set[frozenset[str]], located,
                ) -> list[tuple[str, str, float]]:
    """Places of two spellings one GeoNames place links ('Ulan Bator', 'Ulaanbaatar'; 'Urga', its older name) as
    suggestions: their spellings may be too far apart to be offered as variants. Never merged unasked: the data's
    links are a guess, and a historian may keep a city's names of two periods apart. `located(name)`: a name's
    GeoNames place or None."""
    by_place: dict[int, list[str]] = {}
    for key, kind in types.items():
        if kind == "PLACE" and key in clusters:
            place = located(clusters[key].shown_names.most_common(1)[0][0])  # 'Москва', not 'Москвы' as written
            if place is not None:
                by_place.setdefault(place.geonames_id, []).append(key)
    pairs, apart = [], KeptApart(rejected_pairs)
    for keys in by_place.values():
        keys.sort(key=lambda k: -clusters[k].count)
        for first, second in combinations(keys, 2):
            if not apart(clusters[first], clusters[second]):
                forms = _comparable_forms(clusters[first]), _comparable_forms(clusters[second])
                pairs.append((first, second, round(_closest(*forms)[0], 3)))
    return pairs


class KeptApart:
    """The pairs the user judged not one, asked of two clusters by every key either answers to: its own and its names'.
    A cluster keyed by one spelling holds a judgement made under another it has: 'Stalin', keyed 'сталин' once joined
    to the Russian entity, was compared as 'stalin' before the join, and a pair judged under 'сталин' came back."""

    def __init__(self, pairs: set[frozenset[str]]):
        self._partners: dict[str, set[str]] = {}
        for pair in pairs:
            for key in pair:
                self._partners.setdefault(key, set()).update(pair - {key})

    def __call__(self, first, second) -> bool:
        if not self._partners:
            return False
        theirs = _answers_to(second)
        return any(self._partners.get(key, set()) & theirs for key in _answers_to(first))


def _answers_to(cluster) -> set[str]:
    return {cluster.key} | {name_key(name) for name in cluster.names}


class _FormIndex:
    """Cluster keys by (initial, length) of their forms: the only pairs `_closest` can score above zero."""

    def __init__(self, forms: dict[str, set[str]]):
        self._keys: dict[tuple[str, int], set[str]] = {}
        self._forms = forms
        for key, found in forms.items():
            self.add(key, found)

    def add(self, key: str, forms: set[str]) -> None:
        for form in forms:
            self._keys.setdefault((form[0], len(form)), set()).add(key)

    def neighbours(self, key: str, after: int, rank: dict[str, int]) -> list[str]:
        """Keys ranked after `after` with a form of the same initial and at most two letters longer or shorter."""
        found = {other for form in self._forms[key] for size in range(len(form) - 2, len(form) + 3)
                 for other in self._keys.get((form[0], size), ())}
        return sorted((other for other in found if rank[other] > after), key=rank.__getitem__)


def a_place_apart(frequent, rare, is_place) -> bool:
    """Whether the rare form is a place the gazetteer knows by that very name, read as a place or not read at all,
    beside a frequent form read as another kind: "Kyakhta", the border town, is no misspelling of a "Kiakhta" a
    letter reads as a person three times (the pair is asked about). A rare misspelling's own reading counts for
    nothing else: the model reads an unfamiliar form ("Choibalshan") as anything."""
    if is_place is None or _leading(rare.votes) not in (None, "PLACE") or _leading(frequent.votes) in (None, "PLACE"):
        return False
    return any(is_place(name) for name in rare.names)


def _leading(votes) -> str | None:
    """The type most of a cluster's votes give, if most do."""
    if not votes:
        return None
    kind, count = votes.most_common(1)[0]
    return kind if count > sum(votes.values()) / 2 else None


def _comparable_forms(cluster) -> set[str]:
    """The cluster's name keys long enough for a one-letter difference to be a typo, a Cyrillic one also romanised
    (two forms of one cluster are never compared, so the same name in two scripts is distance 0 apart)."""
    keys = {name_key(n) for n in cluster.shown_names}
    keys |= {romanised(key) for key in keys if has_cyrillic(key)}
    return {key for key in keys if len(key) >= MIN_LENGTH}


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
