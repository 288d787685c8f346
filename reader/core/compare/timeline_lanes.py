"""The timeline's lanes: one per document, named by its title, or one per entity (the most often dated first). One
rule for the window's timeline and its HTML export, which must show the same lanes."""

from __future__ import annotations

from collections import Counter

from reader.core.records.compare import TimelineEntry

ENTITY_LANES = 25  # lanes when laid out per entity


class Lanes:
    """The lanes' names, in order, and which lanes an entry shows in."""

    def __init__(self, entries: list[TimelineEntry], by_entity: bool = False, titles: dict[int, str] | None = None):
        self.by_entity = by_entity
        if by_entity:
            counts = Counter(name for e in entries for name in e.entities)
            self.names = sorted(counts, key=lambda name: (-counts[name], name.casefold()))[:ENTITY_LANES]
            self._number = {name: n for n, name in enumerate(self.names)}
        else:
            files = sorted({(e.file_name, e.document_id) for e in entries})
            self.names = [(titles or {}).get(document_id, file_name) for file_name, document_id in files]
            self._number = {document_id: n for n, (_file_name, document_id) in enumerate(files)}

    def __len__(self) -> int:
        return len(self.names)

    def of(self, entry: TimelineEntry) -> list[int]:
        """The lanes the entry shows in: its document's, or each of its entities' that has a lane."""
        if self.by_entity:
            return [self._number[name] for name in entry.entities if name in self._number]
        return [self._number[entry.document_id]]
