"""A cluster: the names taken to mean one entity, with the votes for its type and where it occurs.

Its own module because consolidation and the splitting of joined names both build clusters, and neither may import
the other (no import cycles).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

DATE_KEY = "date:"  # a date's cluster (and entity) key begins so, its value after


@dataclass
class Cluster:
    """Names taken to mean one entity, with their votes and where they occur."""

    key: str
    names: Counter = field(default_factory=Counter)
    votes: Counter = field(default_factory=Counter)
    partners: Counter = field(default_factory=Counter)  # name keys it was listed with ('X and Y'), times
    definite: int = 0  # mentions written after 'the'
    plural: int = 0  # mentions tagged as a plural proper noun
    places: list[tuple[int, int, int, str]] = field(default_factory=list)  # (document, start, end, text)
    date_value: str = ""
    agreement: float = 0.0  # share of the type evidence the decided type got (set by the vote)
    bases: dict[str, str] = field(default_factory=dict)  # a name as written -> its dictionary form ('Сталина')

    def absorb(self, other: Cluster) -> None:
        self.names.update(other.names)
        self.votes.update(other.votes)
        self.partners.update(other.partners)
        self.definite += other.definite
        self.plural += other.plural
        self.places.extend(other.places)
        self.bases.update(other.bases)

    @property
    def count(self) -> int:
        return sum(self.names.values())

    @property
    def shown_names(self) -> Counter:
        """Its names as an entity is named by: each inflected form as its dictionary form ('Сталина' as 'Сталин')."""
        shown: Counter = Counter()
        for name, count in self.names.items():
            shown[self.bases.get(name, name)] += count
        return shown
