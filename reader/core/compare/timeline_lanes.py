"""The timeline's lanes: one per document, named by its title, or one per entity (the most often dated first), and
the order and the place across its lane each mark is painted in. One rule for the window's timeline and its HTML
export, which must show the same."""

from __future__ import annotations

from collections import Counter

from reader.core.records.compare import TimelineEntry, TimelineEvent

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


def in_painting_order(entries: list[TimelineEntry], events: dict[tuple, TimelineEvent]
                      ) -> list[tuple[TimelineEntry, TimelineEvent | None]]:
    """Each entry with its event (`events`: by place), plain marks first, then marks of events, conflicts last: each
    is painted over those before it (a red mark lay under the grey ones of the weeks after it, in the window and in
    the exported page, audit BN F5) and found first under the pointer."""
    plain, joined, conflicting = [], [], []
    for entry in entries:
        event = events.get(entry.place)
        (conflicting if event is not None and event.conflict else joined if event is not None else plain).append(
            (entry, event))
    return [*plain, *joined, *conflicting]


def spread(places: list[tuple[int, float]], near: float) -> list[tuple[float, int]]:
    """Where each mark sits across its lane, from -1 (its top) to 1 (its bottom), and how many share its place, by
    its lane and where it starts (`places`): marks each starting within `near` of the one before it in its lane
    spread across it, the earliest on top (each drawn as high as its share of the lane allows), so each is seen and
    can be pointed at (a source dating one day three times showed one dot, two of its passages out of reach; audit
    BN F3; marks either side of a fixed column's edge still lay on one another, BO F6); a mark alone sits in the
    middle (0)."""
    across = [(0.0, 1)] * len(places)
    together: list[int] = []
    for index in sorted(range(len(places)), key=places.__getitem__):
        if together and (places[together[-1]][0] != places[index][0]
                         or places[index][1] - places[together[-1]][1] >= near):
            _spread_out(together, across)
            together = []
        together.append(index)
    _spread_out(together, across)
    return across


def _spread_out(together: list[int], across: list[tuple[float, int]]) -> None:
    """Set the marks (indexes) of one place apart, in order, from the top of the lane to its bottom."""
    many = len(together)
    for order, index in enumerate(together if many > 1 else ()):
        across[index] = (-1 + 2 * order / (many - 1), many)


def across_the_lane(lane: float, mark: float, across: float, many: int) -> tuple[float, float]:
    """Where a mark's middle sits from its lane's middle, and its height, in a lane `lane` high for marks `mark`
    high at most, as `spread` placed it: several at one place share the lane's height."""
    if many == 1:
        return 0.0, mark
    height = max(min(mark, (lane - 2) / many), 4)
    return across * (lane / 2 - height / 2 - 1), height
