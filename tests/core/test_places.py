"""Places linked to GeoNames: suggested from context, chosen by the user (kept through re-runs), exported."""

from __future__ import annotations

import json

import pytest

from reader.core.errors import ReaderError
from reader.core.workspace import Workspace


@pytest.fixture
def recognised(workspace: Workspace) -> Workspace:
    workspace.entities.recognise()
    return workspace


def _place(workspace: Workspace, name: str):
    return next(p for p in workspace.entities.places() if p.entity.name == name)


def test_places_get_suggested_links_and_the_users_choice_survives_a_rerun(recognised: Workspace) -> None:
    """Protects the user's choice: a picked candidate replaces the suggestion and stays after recognition runs."""
    mongolia = _place(recognised, "Mongolia")
    assert mongolia.linked is not None and mongolia.linked.country_code == "MN" and not mongolia.chosen
    moscow = _place(recognised, "Moscow")
    other = next(c for c in moscow.candidates if c.geonames_id != moscow.linked.geonames_id) \
        if len(moscow.candidates) > 1 else moscow.linked
    recognised.entities.choose_place(moscow.entity.id, other.geonames_id)
    recognised.db.execute("DELETE FROM entity_cache")  # a full re-run, model and all
    recognised.entities.recognise()
    again = _place(recognised, "Moscow")
    assert again.chosen and again.linked.geonames_id == other.geonames_id


def test_ids_entered_by_hand_are_checked(recognised: Workspace) -> None:
    """A GeoNames, Wikidata or VIAF id in the wrong format is refused in one line and changes nothing."""
    moscow = _place(recognised, "Moscow")
    for ids in ({"geonames": "Moscow"}, {"wikidata": "12"}, {"viaf": "Q5"}):
        with pytest.raises(ReaderError) as error:
            recognised.entities.set_details(moscow.entity.id, **ids)
        assert "\n" not in str(error.value)
    assert recognised.entities.describe(moscow.entity.id).geonames == ""


def test_geojson_export_is_valid_points_with_counts(recognised: Workspace) -> None:
    """The GeoJSON is a FeatureCollection of Points ([longitude, latitude] in range) with mention counts and the
    documents naming each place."""
    collection = json.loads(recognised.export.export("geojson"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert feature["properties"]["mentions"] > 0 and feature["properties"]["documents"]
    mongolia = next(f for f in collection["features"] if f["properties"]["name"] == "Mongolia")
    assert mongolia["geometry"]["coordinates"][0] > 100  # Ulaanbaatar's longitude: [lon, lat] order


def test_a_documents_map_holds_its_places_and_says_a_country_stands_at_its_capital(recognised: Workspace) -> None:
    """`export --format geojson --doc 002` gave every place of the library, and Mongolia stood exactly on
    Ulaanbaatar's point with nothing saying the point was its capital's (two features stacked in QGIS)."""
    from reader.core.export.items import Scope

    document = recognised.documents.resolve("002_ff824666d88bbe20.txt")
    everywhere = json.loads(recognised.export.export("geojson"))["features"]
    here = json.loads(recognised.export.export("geojson", Scope(document_id=document.id)))["features"]
    assert 0 < len(here) < len(everywhere)
    assert all(document.file_name in feature["properties"]["documents"] for feature in here)
    points = {f["properties"]["name"]: f["properties"]["point"] for f in everywhere}
    assert points["Mongolia"] == "capital" and points["Moscow"] == "place"
