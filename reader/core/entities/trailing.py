"""A person's name at the end of an office or a body: 'Minister of Foreign Affairs Smith', 'Section of the
Department L. Smith', or a title in another language before a known name ('Urlug Janjin Smith').

A span the model did not read as a person, or whose words before the last name end in an organisation noun, is
split when its last word is a person the corpus knows on their own or is written with an initial: the last word
becomes a mention of that person; the words before stay a name of their own when they are several words (the
office or body), and are dropped when they are one word (a title).
"""

from __future__ import annotations

import re

from reader.core.entities.names import has_personal_initial, name_key
from reader.core.entities.voting import ORGANISATION_NOUNS

_LAST_WORD = re.compile(r"(?:[A-ZА-Я]\.\s*)*[^\W\d_][\w'’-]*$")


def split_trailing_persons(clusters: dict, leans_person) -> None:
    """Replace such clusters in place: each mention splits into the person and, if several words, the body."""
    for key in [k for k in clusters if " " in k]:
        cluster, prefix = clusters[key], key.rsplit(" ", 1)[0]
        surname = key.rsplit(" ", 1)[1]
        known = surname in clusters and _a_person(clusters[surname], leans_person) \
            and clusters[surname].count > cluster.count
        initialled = any(_initialled_last_word(name) for name in cluster.names)
        body = prefix.split(" ")[-1] in ORGANISATION_NOUNS
        if (known or initialled) and (body or not leans_person(cluster)):
            _scatter(clusters, clusters.pop(key))


def _a_person(cluster, leans_person) -> bool:
    """Leans person and is no people ('the Mongols' is tagged a plural proper noun)."""
    return leans_person(cluster) and cluster.plural * 2 <= cluster.count


def _initialled_last_word(name: str) -> bool:
    last = _LAST_WORD.search(name)
    return bool(last) and last.start() > 0 and has_personal_initial(last.group(0).replace(".", ". ", 1))


def _scatter(clusters: dict, joined) -> None:
    """Each mention's last word (with its initials) joins the person; the words before, if several, their own name."""
    from reader.core.entities.consolidate import Cluster

    for document_id, start, end, text in joined.places:
        last = _LAST_WORD.search(text)
        if not last or last.start() == 0:
            continue
        person = last.group(0)
        head = text[:last.start()].rstrip()
        _add(clusters, Cluster, name_key(person), (document_id, start + last.start(), end, person), {"PERSON": 1.0})
        if " " in head:
            body_votes = {kind: weight for kind, weight in joined.votes.items() if kind != "PERSON"}
            _add(clusters, Cluster, name_key(head), (document_id, start, start + len(head), head), body_votes)


def _add(clusters: dict, cluster_type, key: str, place: tuple[int, int, int, str], votes) -> None:
    cluster = clusters.setdefault(key, cluster_type(key))
    cluster.names[place[3]] += 1
    cluster.places.append(place)
    cluster.votes.update(votes)
