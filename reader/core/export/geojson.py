"""The register's places as GeoJSON (RFC 7946) for QGIS and web maps: one Point feature per linked place, with its
name, aliases, how often and where the corpus names it, and its authority ids.

Coordinates are [longitude, latitude], as the format requires; a country stands at its capital, and says so
(`point`: "capital"). A place without coordinates (linked to nothing, or to
a GeoNames id the offline data has no position for) is left out and counted in the collection's `unplaced`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from reader.core.entities.places import LinkedPlace


def to_geojson(places: list[LinkedPlace], documents_of: Mapping[int, list[str]]) -> str:
    """`documents_of` maps an entity id to the file names of the documents that mention it."""
    features = [_feature(place, documents_of.get(place.entity.id, [])) for place in places if place.coordinates]
    collection = {"type": "FeatureCollection", "features": features,
                  "unplaced": [place.entity.name for place in places if not place.coordinates]}
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _feature(place: LinkedPlace, documents: list[str]) -> dict:
    latitude, longitude = place.coordinates
    entity, linked = place.entity, place.linked
    return {"type": "Feature", "id": entity.id,
            "geometry": {"type": "Point", "coordinates": [round(longitude, 6), round(latitude, 6)]},
            "properties": {"name": entity.name, "aliases": list(entity.aliases), "mentions": entity.mention_count,
                           "documents": documents, "geonames": linked.geonames_id, "geonames_name": linked.name,
                           "country": linked.country_code, "link": "chosen" if place.chosen else "suggested",
                           "point": "capital" if linked.feature == "country" else "place",
                           "wikidata": entity.wikidata}}
