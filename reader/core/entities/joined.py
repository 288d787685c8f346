"""Two known names the model read as one: 'Smiht Jones and Brown' in a caption is Smith and Jones, not a person
called 'Smiht Jones'.

A name of several words is split when every word is a name the corpus uses on its own (or a typo of one) and the
joined form is rarer than each of them. A real full name ('John Smith') survives: its first word is not used alone,
or the full name is the commoner form.
"""

from __future__ import annotations

import re

from reader.core.entities.names import name_key
from reader.core.entities.variants import is_typo_of

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def split_joined_names(clusters: dict) -> None:
    """Replace such clusters in place by mentions of their words, each in the cluster of its own name."""
    singles = {key: cluster for key, cluster in clusters.items() if " " not in key}
    for key in [k for k in clusters if " " in k]:
        words = key.split(" ")
        owners = [_standalone(word, singles) for word in words]
        if all(owners) and all(clusters[key].count < singles[owner].count for owner in owners):
            _scatter(clusters, clusters.pop(key))


def _standalone(word: str, singles: dict) -> str:
    if word in singles:
        return word
    return next((key for key in singles if is_typo_of(word, key)), "")


def _scatter(clusters: dict, joined) -> None:
    """Each word of each mention becomes a mention of the cluster of that word (a typo starts its own, for the
    variant step to merge)."""
    from reader.core.entities.consolidate import Cluster

    words = set(joined.key.split(" "))
    for document_id, start, _end, text in joined.places:
        for match in _WORD.finditer(text):
            word = match.group(0).rstrip(".")
            key = name_key(word)
            if key not in words:
                continue  # an initial or a title
            cluster = clusters.setdefault(key, Cluster(key))
            cluster.names[word] += 1
            cluster.places.append((document_id, start + match.start(), start + match.start() + len(word), word))
