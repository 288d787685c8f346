"""Variant search looks only at pairs that can be close, and finds what comparing every pair would."""

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities.cluster import Cluster
from reader.core.entities.variants import (
    FREQUENT,
    RARE,
    SUGGEST_SIMILARITY,
    _closest,
    _comparable_forms,
    a_place_apart,
    find_variants,
)

NAMES = st.text(alphabet="abr", min_size=4, max_size=7)


def _every_pair(clusters: dict, rejected: set) -> tuple[list, list]:
    """The plain way: every pair in order of frequency."""
    merged, suggestions = [], []
    keys = sorted(clusters, key=lambda k: -clusters[k].count)
    forms = {key: _comparable_forms(clusters[key]) for key in keys}
    for first, second in combinations(keys, 2):
        if first not in clusters or second not in clusters or frozenset((first, second)) in rejected:
            continue
        similarity, distance = _closest(forms[first], forms[second])
        if similarity >= SUGGEST_SIMILARITY and distance == 1 and clusters[second].count <= RARE \
                and clusters[first].count >= FREQUENT and not a_place_apart(clusters[first], clusters[second], None):
            clusters[first].absorb(clusters.pop(second))
            forms[first] |= forms[second]
            merged.append((second, first))
        elif similarity >= SUGGEST_SIMILARITY:
            suggestions.append((first, second, round(similarity, 3)))
    return merged, [s for s in suggestions if s[0] in clusters and s[1] in clusters]


def _clusters(names: dict[str, int]) -> dict[str, Cluster]:
    found = {}
    for name, count in names.items():
        cluster = found.setdefault(name, Cluster(name))
        cluster.names[name.title()] = count
    return found


@settings(max_examples=60)
@given(st.dictionaries(NAMES, st.integers(1, 5), max_size=25))
def test_indexed_search_agrees_with_every_pair(names):
    """Same merges, same suggestions, same register as comparing every pair."""
    ours, plain = _clusters(names), _clusters(names)
    assert find_variants(ours, set()) == _every_pair(plain, set())
    assert {k: c.count for k, c in ours.items()} == {k: c.count for k, c in plain.items()}


def test_a_known_place_is_no_misspelling_of_a_name_read_as_a_person():
    """A new letter's "at Kiakhta", read as a person three times, swallowed the place Kyakhta one letter away: the
    place became a person, its map link lost. A known place read as a place, beside a form read as another kind, is
    offered as a pair to judge; a rare misspelling the model misreads ("Choibalshan" as a place) still joins."""
    def clusters_of(frequent: tuple[str, str, int], rare: tuple[str, str, int]) -> dict:
        found = {}
        for name, kind, count in (frequent, rare):
            cluster = found[name.lower()] = Cluster(name.lower())
            cluster.names[name], cluster.votes[kind] = count, count
        return found

    known = {"Kyakhta"}.__contains__
    merged, suggestions = find_variants(clusters_of(("Kiakhta", "PERSON", 3), ("Kyakhta", "PLACE", 1)), set(), known)
    assert merged == [] and [(a, b) for a, b, _score in suggestions] == [("kiakhta", "kyakhta")]
    merged, _ = find_variants(clusters_of(("Choibalsan", "PERSON", 3), ("Choibalshan", "PLACE", 1)), set(), known)
    assert merged == [("choibalshan", "choibalsan")]


def test_two_spellings_of_one_geonames_place_are_suggested_as_one():
    """"Ulan Bator" and "Ulaanbaatar" were two places, with one GeoNames id and no merge suggested (their spellings
    too far apart): places one GeoNames place links are suggested as one, never merged unasked; a pair kept apart
    is not suggested again, and a place and a person are never paired."""
    from reader.core.entities.geonames import located
    from reader.core.entities.variants import same_places

    clusters = {key: Cluster(key) for key in ("ulaanbaatar", "ulan bator", "moscow", "urga")}
    for key, name, count in (("ulaanbaatar", "Ulaanbaatar", 5), ("ulan bator", "Ulan Bator", 2),
                             ("moscow", "Moscow", 9), ("urga", "Urga", 1)):
        clusters[key].names[name] = count
    types = {"ulaanbaatar": "PLACE", "ulan bator": "PLACE", "moscow": "PLACE", "urga": "PERSON"}
    assert [pair[:2] for pair in same_places(clusters, types, set(), located)] == [("ulaanbaatar", "ulan bator")]
    assert same_places(clusters, types, {frozenset(("ulaanbaatar", "ulan bator"))}, located) == []


def test_a_pair_kept_apart_under_the_entitys_kept_key_is_not_suggested_again():
    """'Stalin' kept the key 'сталин' of the Russian entity it was joined to; the user judged it and 'Stalen' not one,
    and the next run suggested the pair again: it compared the English spelling, whose key the judgement lacked."""
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    russian, english = "Вчера тов. Сталин принял Гендена.\n", "Stalin spoke. Stalin left. Stalin returned.\n"
    other = "Stalen came. Stalen went. Stalen stayed.\n"
    documents = [DocumentInput(1, russian, [], [Candidate(10, 16, "Сталин", {"PERSON": 1.0}, base="Сталин")], []),
                 DocumentInput(2, english, [], [Candidate(at, at + 6, "Stalin", {"PERSON": 1.0})
                                                for at in (0, 14, 26)], []),
                 DocumentInput(3, other, [], [Candidate(at, at + 6, "Stalen", {"PERSON": 1.0})
                                              for at in (0, 12, 23)], [])]
    known = {"сталин", "stalen"}
    first = consolidate(documents, Decisions(), is_known_place, known=known)
    assert [pair[:2] for pair in first.suggestions] == [("сталин", "stalen")]
    decisions = Decisions(not_merged={frozenset(("сталин", "stalen"))})
    again = consolidate(documents, decisions, is_known_place, known=known)
    assert again.suggestions == [] and {"сталин", "stalen"} <= {c.key for c in again.clusters}
