"""Two known names the model read as one: 'Smiht Jones and Brown' in a caption is Smith and Jones, not a person
called 'Smiht Jones'.

A name of several words is split when every word is a name the corpus uses on its own (or a typo of one) and the
joined form is rarer than each of them. A real full name ('John Smith') survives: its first word is not used alone,
or the full name is the commoner form.
"""

from __future__ import annotations

import re

from reader.core.entities.cluster import Cluster
from reader.core.entities.names import name_key
from reader.core.entities.variants import is_typo_of

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def split_joined_names(clusters: dict) -> None:
    """Replace such clusters in place by mentions of their words, each in the cluster of its own name."""
    singles = {key: cluster for key, cluster in clusters.items() if " " not in key}
    by_shape: dict[tuple[str, int], list[str]] = {}
    for key in singles:
        by_shape.setdefault((key[:1], len(key)), []).append(key)
    for key in [k for k in clusters if " " in k]:
        owners = [_standalone(word, singles, by_shape) for word in key.split(" ")]
        if all(owners) and all(clusters[key].count < singles[owner].count for owner in owners):
            _scatter(clusters, clusters.pop(key))


def _standalone(word: str, singles: dict, by_shape: dict) -> str:
    """The single name this word is, or is a typo of ('' if none): typos are looked for among names of the same
    initial and a length one apart at most."""
    if word in singles:
        return word
    nearby = (key for size in (len(word) - 1, len(word), len(word) + 1) for key in by_shape.get((word[:1], size), ()))
    return next((key for key in nearby if is_typo_of(word, key)), "")


def _scatter(clusters: dict, joined, words: set[str] | None = None) -> None:
    """Each word (of `words`, default all) of each mention becomes a mention of the cluster of that word (a typo
    starts its own, for the variant step to merge)."""
    words = words or set(joined.key.split(" "))
    for document_id, start, _end, text in joined.places:
        for match in _WORD.finditer(text):
            word = match.group(0).rstrip(".")
            key = name_key(word)
            if key not in words:
                continue  # an initial or a title
            cluster = clusters.setdefault(key, Cluster(key))
            cluster.names[word] += 1
            cluster.places.append((document_id, start + match.start(), start + match.start() + len(word), word))
