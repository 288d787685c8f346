"""What of a timeline entry is shown: the sentence that gives its date, not the whole paragraph (a paragraph often
gives several dates), and, on one short line, that sentence with the date in view."""

from __future__ import annotations

from reader.core.compare.passages import Piece, sentence_around
from reader.core.records.compare import TimelineEntry
from reader.core.wording import one_line


def shown_range(entry: TimelineEntry) -> tuple[int, int]:
    """What a click on the entry's mark shows: the sentence giving the date (a paragraph often gives several), or
    the highlight the date was written on."""
    if entry.date_at is None:
        return entry.start, entry.end
    return sentence_around(Piece(entry.document_id, entry.start, entry.end, entry.passage), entry.date_at)


def dated_line(entry: TimelineEntry, width: int) -> str:
    """The sentence giving the entry's date on one line of at most `width` characters, with the date in view; for
    a date written in a note, the note's date and the words it is on (the words, alone, say another date)."""
    if entry.origin == "note":
        return one_line(f"in a note on “{one_line(entry.passage, width // 2)}”: {entry.text}", width)
    start, end = shown_range(entry)
    keep = None if entry.date_at is None else entry.date_at - start
    return one_line(entry.passage[start - entry.start:end - entry.start], width, keep)
