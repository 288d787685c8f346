"""Names written with their initials glued on ('D.Sukhbaatar', 'I.V.Stalin'), as in many transliterated sources, and
with a given name abbreviated as period print did ('Wm. Goodman', 'Jos. C. Wendell', 'Chas. Smith').

The model reads such a word as an odd token or not at all, or runs an organisation's name into it ('the Section of
the Department L.Smith'). An initial glued to a capitalised word is a person's name in almost any text, so each
becomes a person candidate, and a candidate running into one keeps only what comes before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.entities.candidate import Candidate

GLUED = re.compile(r"(?<![\w.])(?:[A-ZА-Я]\.){1,3}[A-ZА-Я][a-zа-я][\w’'-]*")
GIVEN_ABBREVIATIONS = ("Wm", "Jos", "Chas", "Geo", "Thos", "Jas", "Jno", "Saml", "Benj", "Robt", "Richd", "Edw",
                       "Danl", "Nathl", "Alex", "Fredk")  # general English usage, 18th-19th c.
ABBREVIATED = re.compile(r"(?<![\w.])(?:" + "|".join(GIVEN_ABBREVIATIONS) + r")\.?[ \t]+(?:[A-Z]\.[ \t]*){0,2}"
                         r"[A-Z][a-z][\w’'-]*", re.IGNORECASE)


def with_glued_initials(text: str, candidates: list[Candidate]) -> list[Candidate]:
    names = [Candidate(m.start(), m.end(), m.group(0), {"PERSON": 1.0}) for m in GLUED.finditer(text)]
    names += [Candidate(m.start(), m.end(), m.group(0), {"PERSON": 1.0}) for m in ABBREVIATED.finditer(text)
              if m.group(0)[:1].isupper()]
    if not names:
        return candidates
    kept = []
    for candidate in candidates:
        inside = [n.start for n in names if candidate.start < n.end and n.start < candidate.end]
        head = candidate.text[:min(inside) - candidate.start].rstrip() if inside else candidate.text
        if head == candidate.text:
            kept.append(candidate)
        elif head:
            kept.append(replace(candidate, end=candidate.start + len(head), text=head))
    return kept + names
