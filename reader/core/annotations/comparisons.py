"""The Comparisons query: linked pairs side by side, filtered, for the view, the export scope and the command line.

A service of its own, apart from editing links, because it only reads: the view showing it at start then loads
neither the annotation nor the link editing code.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.records.comparisons import Comparison, ComparisonFilter, ComparisonSide
from reader.core.storage import comparisons as store
from reader.core.storage.store import Store


class ComparisonService:
    """Reads linked pairs; links are made and changed through `LinkService`."""

    def __init__(self, db: Store):
        self._db = db

    def list(self, wanted: ComparisonFilter | None = None) -> list[Comparison]:
        """Linked pairs side by side (quote A with document and date | relation | quote B | note), filtered.

        `within` keeps pairs where either passage overlaps one of the ranges: the entity filter passes an entity's
        mention ranges here, so this module needs nothing from the entity tables.
        """
        wanted = wanted or ComparisonFilter()
        pairs = store.comparisons(self._db, wanted)
        if wanted.within is not None:
            pairs = [pair for pair in pairs if pair.a.overlaps(wanted.within) or pair.b.overlaps(wanted.within)]
        return _keyed(pairs, store.quoted_dates(self._db, [s.annotation_id for p in pairs for s in (p.a, p.b)]))


def _keyed(pairs: list[Comparison], dates: dict[int, list[tuple[int, str]]]) -> list[Comparison]:
    """The pairs, each side keyed on the date it quotes that the other does not (else its first): a long quote was
    cut at its end, the date a contradiction is about out of view (audit BN F1)."""
    def key(side: ComparisonSide, other: ComparisonSide) -> int | None:
        mine, theirs = dates.get(side.annotation_id, []), {value for _at, value in dates.get(other.annotation_id, [])}
        return next((at for at, value in mine if value not in theirs), mine[0][0] if mine else None)

    return [replace(pair, a=replace(pair.a, key=key(pair.a, pair.b)), b=replace(pair.b, key=key(pair.b, pair.a)))
            for pair in pairs]
