"""A known Russian name in each of its cases: the model found 'Дзержинский' and 'Дзержинскому' and missed
'Дзержинского' opening a paragraph, and only the forms it had found were looked for elsewhere.

A form some name is itself written in is that name's ('Ежова', the woman the model named, is not a case of 'Ежов'),
and a form opening a sentence is a name only where the dictionary reads it first as one (`morphology.reads_as_a_name`):
'Ягоды в тот год уродились' are berries, 'Дзержинского я помнил' is the man.
"""

from __future__ import annotations

from reader.core.entities.cluster import Cluster
from reader.core.entities.russian_forms import cased_as
from reader.core.morphology import name_forms


def case_forms(clusters: dict[str, Cluster], owned: set[str]) -> dict[str, tuple[str, str]]:
    """Each case of the clusters' one-word Russian names that no name is written in (`owned`) -> (its cluster's key,
    the name in its dictionary form)."""
    forms: dict[str, tuple[str, str]] = {}
    for key, cluster in clusters.items():
        for base in {base for base in cluster.bases.values() if " " not in base}:
            for form in name_forms(base):
                written = cased_as(base, form)
                if written not in owned:
                    forms.setdefault(written, (key, base))
    return forms

