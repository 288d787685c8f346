"""A person's mention takes in the titles written right before the name: 'Mr. Matterson', 'Capt. Johnson', 'Rev.
Dr. Read', and an honorific right after it: 'W. Stallings, Esq.'. The register still names the person without them
('Matterson'); the mention covers what the page calls them, as historians quote it and as the usual annotation
guidelines (HIPE, among others) mark it. An article is no title: 'the' is never taken in.
"""

from __future__ import annotations

import re

from reader.core.entities.names import TITLES

_WORDS = sorted({t for t in TITLES if t != "the"}, key=len, reverse=True)  # with its stop where it is shortened
# ('capt.'): after a whole word ('Yes, sir. Captain Smith') the stop ends a sentence
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in _WORDS) + r")[ \t]+$", re.IGNORECASE)
MAX_LOOKBACK = 60
_HONORIFIC_AFTER = re.compile(r",?[ \t]+(?:Esq|Esquire|Jr|Sr|Junr|Senr)\b\.?", re.IGNORECASE)


def titled_start(text: str, start: int) -> int:
    """Where the mention starting at `start` begins once the titles just before it are taken in."""
    while True:
        found = _TITLE_BEFORE.search(text, max(0, start - MAX_LOOKBACK), start)
        if found is None:
            return start
        start = found.start()


def with_titles(texts: dict[int, str], places: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """(document, start, end, text) places of a person, each widened over the titles before it."""
    widened = []
    for document_id, start, end, name in places:
        text = texts.get(document_id)
        if text is None:
            widened.append((document_id, start, end, name))
            continue
        first, last = titled_start(text, start), honorific_end(text, end)
        widened.append((document_id, first, last, text[first:last]))
    return widened


def honorific_end(text: str, end: int) -> int:
    """Where the mention ending at `end` ends once an honorific written after the name is taken in ('W. Stallings,
    Esq.', 'John Adams Jr.')."""
    found = _HONORIFIC_AFTER.match(text, end)
    return found.end() if found else end
