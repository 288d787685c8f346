"""The model reads a long text in pieces, and a failure on one document never stops the others.

Why: spaCy refuses texts over `nlp.max_length` (1,000,000 characters, error E088), and one such document used to
leave every later document without entities at every start. Pieces end at paragraph breaks (else at a line end,
else a space), so a name is never cut in two, and each piece's offsets are shifted back onto the whole text.

Pieces are about a page long: the parser and tagger take temporary memory in proportion to the characters of a
batch (spaCy's documentation: about 1 GB per 100,000), and a batch is eight pieces. At 100,000 characters a piece,
recognising a 1 MB text peaked at 2.4 GB (a 42 MB file would not fit this machine's 24 GB); at 5,000 it peaks at
0.3 GB, in two thirds of the time, with the same names found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from reader.core.entities.candidate import Candidate
from reader.core.errors import ImportCancelled, stop_if

PIECE_CHARS = 5_000

Recogniser = Callable[[list[str]], Iterable[list[Candidate]]]


def pieces(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) covering `text` in order, each at most `size` characters, cut where a paragraph, line or
    word ends when there is one in the second half of the piece."""
    size = size or PIECE_CHARS
    found, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = _cut_point(window)
        found.append((start, window[:cut]))
        start += cut
    found.append((start, text[start:]))
    return found


def _cut_point(window: str) -> int:
    for separator in ("\n\n", "\n", " "):
        position = window.rfind(separator, len(window) // 2)
        if position >= 0:
            return position + len(separator)
    return len(window)


def recognise_each(recognise: Recogniser, texts: list[str], cancelled: Callable[[], bool] | None = None,
                   reading: Callable[[int, int, int], None] | None = None,
                   ) -> Iterator[list[Candidate] | Exception]:
    """Candidates for each text in turn, or the exception that text raised (the next text is still read).
    `cancelled()` is asked between pieces (ImportCancelled ends the run): asked between texts only, closing the
    window while a 45 MB text was read waited for its 9,000 pieces. `reading(text number, pieces read, pieces)`
    says how far a text's reading has gone (a long text showed "0 of 1" for half an hour)."""
    for number, text in enumerate(texts):
        try:
            parts = pieces(text)
            found: list[Candidate] = []
            results = zip(parts, recognise([piece for _, piece in parts]), strict=True)
            for done, ((offset, _), candidates) in enumerate(results, 1):
                stop_if(cancelled)
                if reading:
                    reading(number, done, len(parts))
                found += [replace(c, start=c.start + offset, end=c.end + offset) if offset else c
                          for c in candidates]
            yield found
        except ImportCancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded on the document, shown with Retry; others go on
            yield exc
