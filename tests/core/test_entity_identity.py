"""A cluster continues the register's entity whose own name no text writes any more (see entities/identity.py)."""

from __future__ import annotations

from collections import Counter

from reader.core.entities.cluster import Cluster
from reader.core.entities.identity import continue_vanished


def _clusters(*groups: dict[str, int]) -> dict[str, Cluster]:
    from reader.core.entities.names import name_key

    return {name_key(next(iter(names))): Cluster(name_key(next(iter(names))), Counter(names)) for names in groups}


def test_the_spelling_left_when_the_commoner_ones_sources_went_keeps_the_entity():
    """'Choibalshan', a typo joined to Choibalsan, was a new entity once every source spelling him right went."""
    clusters = _clusters({"Choibalshan": 1})
    continue_vanished(clusters, {"choibalsan": {"choibalsan", "choibalshan"}})
    [(key, cluster)] = clusters.items()
    assert (key, cluster.key, cluster.written_key) == ("choibalsan", "choibalsan", "choibalshan")


def test_a_name_still_written_or_held_keeps_its_own_key():
    """An entity's key still written elsewhere is not taken over, nor is a cluster the register holds re-keyed."""
    clusters = _clusters({"Choibalsan": 3}, {"Choibalshan": 1})
    continue_vanished(clusters, {"choibalshan": {"choibalshan", "choibalsan"}})
    assert set(clusters) == {"choibalsan", "choibalshan"} and not any(c.main for c in clusters.values())
    clusters = _clusters({"Genden": 4})
    continue_vanished(clusters, {"genden": {"genden"}, "peljidiin genden": {"peljidiin genden", "genden"}})
    assert set(clusters) == {"genden"}


def test_a_cluster_left_by_two_entities_continues_the_one_whose_names_it_has_most_of():
    """Two entities' own names gone, a cluster holding names of both continues the one most of its mentions were."""
    clusters = _clusters({"Genden": 5, "Gendin": 1})
    continue_vanished(clusters, {"agent gendin": {"agent gendin", "gendin"},
                                 "peljidiin genden": {"peljidiin genden", "genden"}})
    assert {key: cluster.written_key for key, cluster in clusters.items()} == {"peljidiin genden": "genden"}


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
    register = {"сталин": {"сталин"}, "stalen": {"stalen"}}
    first = consolidate(documents, Decisions(), is_known_place, register=register)
    assert [pair[:2] for pair in first.suggestions] == [("сталин", "stalen")]
    decisions = Decisions(not_merged={frozenset(("сталин", "stalen"))})
    again = consolidate(documents, decisions, is_known_place, register=register)
    assert again.suggestions == [] and {"сталин", "stalen"} <= {c.key for c in again.clusters}
