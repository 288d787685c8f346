"""A pattern's matches over a long text, read a stretch at a time.

Why: one `finditer` step over 30 MB for a pattern that seldom matches is one call into the regular-expression
engine, which holds the interpreter's lock until it finds the next match: seconds, in recognition's worker, while
the window, which needs the lock for every event it handles, did not answer. A stretch at a time, the lock is let go
between stretches. The matches are those `finditer` gives: each stretch's scan starts where the last match ended,
and reads on past the stretch far enough for any date to be read whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reader.core.errors import stop_if

STRETCH = 100_000  # characters scanned in one call (a few milliseconds)
REACH = 1_000  # how far past its stretch a match starting in it may run: further than any date is written


def scan(pattern: re.Pattern, text: str, cancelled: Callable[[], bool] | None = None) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, a stretch at a time (lookbehinds and word boundaries see the text before it);
    ImportCancelled between stretches once `cancelled()` turns true."""
    if len(text) <= STRETCH + REACH:
        yield from pattern.finditer(text)
        return
    resume = 0
    for stretch in range(0, len(text), STRETCH):
        stop_if(cancelled)
        stop = stretch + STRETCH
        for match in pattern.finditer(text, max(stretch, resume), min(len(text), stop + REACH)):
            if match.start() >= stop:
                break
            resume = match.end() if match.end() > match.start() else match.end() + 1
            yield match
