"""A name followed by the lower-case noun of its kind is one name with it: 'British army', 'Presbyterian church',
'Main street', 'Leesburg road', 'Essex county'.

Old newspapers (and much English prose) write the kind in lower case, and the model stops before it: it reads
'British' as a nationality, kept out of the register, and 'Main' as a person. Run on over the noun, the name is a
body when the noun names a body and a place when it names a street, a road or a feature of the land. The nouns
are general English, not names from any corpus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.entities.candidate import Candidate

BODY_NOUNS = {"army", "navy", "church", "party", "government", "parliament", "ministry", "council", "committee",
              "company", "bank", "society", "association", "union", "league", "legation", "embassy",
              "cavalry", "regiment", "fleet", "court", "university", "college", "club"}
WAY_NOUNS = {"street", "road", "avenue", "lane", "square", "park", "bridge", "creek", "river", "county", "island",
             "mountains", "valley", "canal", "harbour", "harbor", "bay", "turnpike", "pike"}
BODY_VOTE = 1.0
PLACE_VOTE = 2.0  # the noun says outright what the name is, as 'X was a town' does
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")


def with_kind_nouns(text: str, found: list[Candidate]) -> list[Candidate]:
    """Each candidate followed by the noun of its kind, run on over it and voted that kind."""
    return [_with_kind(text, candidate) for candidate in found]


def _with_kind(text: str, candidate: Candidate) -> Candidate:
    following = _NEXT_WORD.match(text, candidate.end)
    if following is None:
        return candidate
    noun = following.group(1)
    if noun in WAY_NOUNS:
        votes = {kind: votes for kind, votes in candidate.votes.items() if kind != "OTHER"}
        votes["PLACE"] = votes.get("PLACE", 0.0) + PLACE_VOTE
    elif noun in BODY_NOUNS and not candidate.votes.get("PERSON"):
        votes = {"ORG": candidate.votes.get("ORG", 0.0) + candidate.votes.get("OTHER", 0.0) + BODY_VOTE}
    else:
        return candidate
    return replace(candidate, end=following.end(), text=text[candidate.start:following.end()], votes=votes)
