"""An entity's identity from run to run: the register row a cluster continues, with what the user decided about it.

A cluster is keyed by a name (the commoner spelling, the full name a surname belongs to), and the register's rows and
the user's decisions (rename, type, Wikidata id) hold that key. Two things part a cluster from its key: the name it
was keyed by is no longer written (every source naming 'Peljidiin Genden' in full went to the Trash, and 'Genden' is
left), or a spelling in another script is joined to it and is commoner ('Stalin' to 'Сталин'). The cluster then
takes the key its entity had, and is named and voted on by the name its texts write (`Cluster.written_key`).
"""

from __future__ import annotations

from reader.core.entities.cluster import Cluster
from reader.core.entities.names import name_key
from reader.core.entities.scripts import has_cyrillic


def continue_vanished(clusters: dict[str, Cluster], register: dict[str, set[str]]) -> None:
    """Each cluster the register does not hold takes the key of an entity it held whose own name no text writes any
    more and some of whose names the cluster has (in place): the one whose names it has most mentions of, so a
    surname left behind by two full names goes with the one it was written for."""
    written = {name_key(name) for cluster in clusters.values() for name in cluster.names}
    vanished = [key for key in register if key not in clusters and key not in written and not key.startswith("date:")]
    if not vanished:
        return
    owners: dict[str, list[str]] = {}
    for key in vanished:
        for name in register[key]:
            owners.setdefault(name, []).append(key)
    shares: dict[tuple[str, str], int] = {}
    for key, cluster in clusters.items():
        if key not in register:
            for name, count in cluster.names.items():
                for old in owners.get(name_key(name), ()):
                    shares[old, key] = shares.get((old, key), 0) + count
    taken: set[str] = set()
    for (old, key), _count in sorted(shares.items(), key=lambda item: (-item[1], item[0])):
        if old not in taken and key in clusters:
            _rekey(clusters, key, old)
            taken.add(old)


def keep_across_scripts(clusters: dict[str, Cluster], merged: list[tuple[str, str]], suggestions: list,
                        register: dict[str, set[str]], types: dict[str, str] | None = None) -> list:
    """Give each cluster just joined across scripts the key of the entity the register held, where only the absorbed
    one was (in place, `types` too); returns the suggestions re-keyed. An English note naming Stalin more often than
    the library's Russian sources made 'Сталин' a new entity 'Stalin', and its rename, type, rejection and Wikidata
    id, held by the old one, were gone. Within a script the commoner spelling keeps its key: a typo known first
    ('Choibalshan') would hold the entity's identity, and splitting the typo off would take it along."""
    renamed: dict[str, str] = {}
    for absorbed, keeper in merged:
        keeper = renamed.get(keeper, keeper)
        if absorbed in register and keeper not in register and keeper in clusters and absorbed not in clusters \
                and has_cyrillic(absorbed) != has_cyrillic(keeper):
            _rekey(clusters, keeper, absorbed)
            if types is not None and keeper in types:
                types[absorbed] = types.pop(keeper)
            renamed[keeper] = absorbed
    return [(renamed.get(a, a), renamed.get(b, b), score) for a, b, score in suggestions]


def _rekey(clusters: dict[str, Cluster], key: str, identity: str) -> None:
    cluster = clusters.pop(key)
    cluster.main = cluster.main or key
    cluster.key = identity
    clusters[identity] = cluster
