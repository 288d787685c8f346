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
_ONE_TITLE = "(?:" + "|".join(re.escape(w) for w in _WORDS) + ")"
_TITLE_BEFORE = re.compile(r"(?<![\w.])" + _ONE_TITLE + r"[ \t]+$", re.IGNORECASE)
MAX_LOOKBACK = 60
_HONORIFIC_AFTER = re.compile(r",?[ \t]+(?:Esq|Esquire|Jr|Sr|Junr|Senr)\b\.?", re.IGNORECASE)
_TITLE_FIRST = re.compile(_ONE_TITLE + r"[ \t]+(?=\S)", re.IGNORECASE)
_HONORIFIC_LAST = re.compile(_HONORIFIC_AFTER.pattern + "$", re.IGNORECASE)
AROUND = MAX_LOOKBACK, 16  # the text before and after a mention a title or an honorific is looked for in


def placed_by_title(before: str, text: str, after: str) -> bool:
    """Whether a mention written `text`, between `before` and `after`, holds a title or an honorific, or has one
    beside it: a person's mention takes them in and another's does not, so such a mention is placed anew when its
    entity becomes a person or stops being one."""
    return bool(_TITLE_FIRST.match(text) or _HONORIFIC_LAST.search(text)
                or titled_start(before + text, len(before)) < len(before)
                or honorific_end(text + after, len(text)) > len(text))


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
