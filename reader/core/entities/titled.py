"""A person's mention takes in the titles written right before the name: 'Mr. Matterson', 'Capt. Johnson', 'Rev.
Dr. Read'. The register still names the person without them ('Matterson'); the mention covers what the page calls
them, as historians quote it and as the usual annotation guidelines (HIPE, among others) mark it. An article is no
title: 'the' is never taken in.
"""

from __future__ import annotations

import re

from reader.core.entities.names import TITLES

_WORDS = sorted({t.rstrip(".") for t in TITLES if t != "the"}, key=len, reverse=True)
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in _WORDS) + r")\.?[ \t]+$", re.IGNORECASE)
MAX_LOOKBACK = 60


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
        first = titled_start(text, start) if text is not None else start
        widened.append((document_id, first, end, text[first:end] if first != start else name))
    return widened
