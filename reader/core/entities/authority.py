"""Authority ids a user may attach to an entity, checked for their form before they are stored.

Only the form is checked (offline): a Wikidata item is 'Q' and digits ('Q855'), a VIAF id and a GeoNames id are
digits. Each check returns the id as it should be stored (spaces trimmed, a lower-case 'q' raised) or raises a
one-line `ReaderError`; an empty value means 'none' and passes.
"""

from __future__ import annotations

import re

from reader.core.errors import ReaderError

_WIKIDATA = re.compile(r"Q[1-9]\d*")
_DIGITS = re.compile(r"[1-9]\d*")


def check_wikidata(value: str) -> str:
    found = value.strip()
    found = "Q" + found[1:] if found[:1] == "q" else found
    if found and not _WIKIDATA.fullmatch(found):
        raise ReaderError(f"'{value.strip()}' is no Wikidata id: write Q and its number, as in Q855")
    return found


def check_viaf(value: str) -> str:
    return _digits(value, "VIAF", "102333412")


def check_geonames(value: str) -> str:
    return _digits(value, "GeoNames", "2028462")


def _digits(value: str, authority: str, example: str) -> str:
    found = value.strip()
    if found and not _DIGITS.fullmatch(found):
        raise ReaderError(f"'{found}' is no {authority} id: write its number only, as in {example}")
    return found
