"""The Comparisons query: linked pairs side by side, filtered, for the view, the export scope and the command line.

A service of its own, apart from editing links, because it only reads: the view showing it at start then loads
neither the annotation nor the link editing code.
"""

from __future__ import annotations

from reader.core.records.comparisons import Comparison, ComparisonFilter
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
        if wanted.within is None:
            return pairs
        return [pair for pair in pairs if pair.a.overlaps(wanted.within) or pair.b.overlaps(wanted.within)]
