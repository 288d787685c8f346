"""'Soviet Russia': a general qualifier the model read as a nationality, right before a place it found.

The model reads 'Soviet' as a nationality and 'Russia' as a place, so the state called Soviet Russia would be filed
under Russia. When a qualifier word from the gazetteer's general list (soviet, outer, northern, …) stands alone
right before a place the model found, the two are one place name. Nationalities that are not such qualifiers
('Tsarist Russia', 'Chinese Anhui') stay apart: the place is Russia, qualified in passing.
"""

from __future__ import annotations

from reader.core.entities.candidate import Candidate
from reader.core.entities.gazetteer import QUALIFIERS

MODEL_PLACE_VOTE = 1.0  # the model labelled the stretch a place


def with_qualified_places(text: str, found: list[Candidate]) -> list[Candidate]:
    """`found` (sorted by start) with each qualifier + place pair replaced by one place candidate."""
    joined: list[Candidate] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        if previous is not None and _qualifies(text, previous, candidate):
            joined[-1] = Candidate(previous.start, candidate.end, text[previous.start:candidate.end],
                                   dict(candidate.votes), candidate.listed_with, previous.definite, candidate.plural)
        else:
            joined.append(candidate)
    return joined


def _qualifies(text: str, qualifier: Candidate, place: Candidate) -> bool:
    return (qualifier.text.casefold() in QUALIFIERS and text[qualifier.end:place.start] == " "
            and place.votes.get("PLACE", 0.0) >= MODEL_PLACE_VOTE)
