"""The Comparisons view's rows and filters: linked pairs side by side.

Apart from the other annotation records because the view is on screen from the start, and each dataclass costs
start-up time to create.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records.relations import RELATIONS
from reader.core.wording import one_line


@dataclass(frozen=True)
class ComparisonSide:
    """One end of a linked pair as the Comparisons view shows it."""

    annotation_id: int
    document_id: int
    document_title: str
    date: str
    quote: str
    kind: str
    reliability: int | None
    start: int = 0
    end: int = 0
    status: str = "anchored"  # the annotation's anchor_status: a side may await review, or be gone from the text
    key: int | None = None  # where in the quote the date stands that the pair differs by (else its first date):
    # kept in view when the quote is cut short

    def quote_line(self, width: int) -> str:
        """The quote on one line of at most `width` characters, cut around its key if it has one."""
        return one_line(self.quote, width, self.key)

    def overlaps(self, ranges: tuple[tuple[int, int, int], ...]) -> bool:
        """Whether this passage overlaps any (document_id, start, end) range, e.g. an entity's mentions."""
        return any(d == self.document_id and s < self.end and e > self.start for d, s, e in ranges)


@dataclass(frozen=True)
class Comparison:
    """A linked pair: quote A (document, date) | relation | quote B | note."""

    link_id: int
    relation: str
    note: str
    a: ComparisonSide
    b: ComparisonSide

    @property
    def relation_label(self) -> str:
        return RELATIONS.get(self.relation, self.relation)


@dataclass(frozen=True)
class ComparisonFilter:
    """Filters of the Comparisons view; a pair passes when either side matches a side filter."""

    relation: str = ""
    tag: str = ""
    document_id: int | None = None
    kind: str = ""
    min_reliability: int | None = None
    within: tuple[tuple[int, int, int], ...] | None = None  # (document_id, start, end): an entity's mentions, say
