"""The timeline: every date the sources give, placed on one axis with its passage, grouped into events.

An event is dated passages of different documents that name the same people or places within a few weeks of each
other (a precise date needs one shared name, a looser one two); an event whose sources give dates that cannot both
be right (no date of one overlaps any date of the other) is a conflict. Years, decades and ranges are on the axis
but too coarse to say two sources tell of one event. Dates cannot see one act dated years apart (a protocol signed
"March 12, 1934" in one source, "in 1936" in another): dated sentences that tell it in the same words are one event
(retold.py), and so are passages a user linked as telling one event (contradicting, corroborating or the same
event), whatever their dates.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import combinations

import numpy as np

from reader.core.compare import dating
from reader.core.compare.dismissed import Dismissed
from reader.core.compare.entry_text import shown_range
from reader.core.compare.joining import close_pairs, components, one_act_each
from reader.core.compare.passages import PassageIndex, Piece, passages, sentence_bounds, telling
from reader.core.compare.retold import retold_pairs
from reader.core.entities.dates import find_dates
from reader.core.errors import ReaderError
from reader.core.heap import without_collection
from reader.core.ops import operation
from reader.core.records.compare import TimelineEntry, TimelineEvent, pair_key, pair_ties
from reader.core.search.entity_names import entities_named, no_entity_named
from reader.core.storage import compare as store
from reader.core.storage.entities import entity_names, register_names
from reader.core.storage.store import Store
from reader.core.wording import did_you_mean

EVENT_DAYS = 130  # an entry whose date spans more days takes part in no event
COMMON_SHARE, COMMON_AT_LEAST = 0.25, 4  # a place in more of the dated passages than this share (and as many) is
# the corpus's setting (Paris, Moscow), not one event's: alone it joins no two different days
VAGUE_SLACK_DAYS = 31  # a vague part of a year ("the end of 1934") may reach this far beyond its span


# Links that say their passages tell one event, and the reason an event they hold together gives.
LINKED_AS = {"contradicts": "linked as contradicting", "same_event": "linked as one event",
             "corroborates": "linked as corroborating"}


class TimelineService:
    """Dated passages of every document, their events, conflicts, and the timeline's exports."""

    def __init__(self, db: Store):
        self._db = db

    def entries(self, entity: str = "", date_from: str = "", date_to: str = "", kind: str = "",
                tag: str = "", document_ids: set[int] | None = None) -> list[TimelineEntry]:
        """Every dated passage, earliest first, filtered by a named entity (part of its name or of a spelling the
        register knows it by: 'P. Genden', 'Choibalshan'), a period (ISO dates or years), a document kind, a tag
        (passages under an annotation with it) or documents."""
        return self._filtered(self._all_entries(), entity, date_from, date_to, kind, tag, document_ids)

    def _filtered(self, found: list[TimelineEntry], entity: str = "", date_from: str = "", date_to: str = "",
                  kind: str = "", tag: str = "", document_ids: set[int] | None = None) -> list[TimelineEntry]:
        if date_from and date_to and _bound(date_from, first=True) > _bound(date_to, first=False):
            raise ReaderError(f"the period from {date_from} to {date_to} runs backwards: give the earlier date first")
        if entity:  # the passages naming it (a recognised date's own names are those told with it; a note's are
            # its passage's)
            ids = set(entities_named(self._db, entity))
            if not ids:
                raise ReaderError(no_entity_named(self._db, entity))
            names = set(entity_names(self._db, ids).values())
            named: dict[int, list[int]] = defaultdict(list)
            for document_id, start, _entity in sorted(store.mentions_of_entities(self._db, ids)):
                named[document_id].append(start)
            found = [e for e in found if (names.intersection(e.entities) if e.annotation_id is not None
                                          else _any_between(named.get(e.document_id, []), e.start, e.end))]
        if date_from:
            found = [e for e in found if e.last >= _bound(date_from, first=True)]
        if date_to:
            found = [e for e in found if e.first <= _bound(date_to, first=False)]
        if kind:
            found = [e for e in found if e.kind.casefold() == kind.casefold()]
        if document_ids is not None:
            found = [e for e in found if e.document_id in document_ids]
        if tag:  # a tag no note carries is refused, as a name no entity has: it emptied the view, saying nothing
            ranges = store.tagged_ranges(self._db, tag) or _no_note_tagged(self._db, tag)
            found = [e for e in found if any(d == e.document_id and s < e.end and e.start < t for d, s, t in ranges)]
        return found

    def events(self) -> list[TimelineEvent]:
        """Entries of several documents telling of one event, earliest first; conflicts marked."""
        return self._events_of(self._all_entries(), None)

    def entity_choices(self) -> list[str]:
        """The register's names, for an entity box to complete (a name mistyped found nothing)."""
        return sorted(register_names(self._db), key=str.casefold)

    def view(self, **filters) -> tuple[list[TimelineEntry], list[TimelineEvent]]:
        """The entries the filters keep (as `entries` takes them) and the events they take part in. A filter only
        hides marks: events grouped among the shown marks alone lost the sources filtered out, so a shown mark lost
        its conflict (an export of "Genden" said there was none) and the events were numbered anew."""
        every = self._all_entries()
        shown = self._filtered(every, **filters)
        return shown, self._events_of(every, shown)

    def _events_of(self, every: list[TimelineEntry], shown: list[TimelineEntry] | None) -> list[TimelineEvent]:
        with without_collection():
            events = group_events(every, store.linked_ranges(self._db, tuple(LINKED_AS)),
                                  Dismissed(store.dismissed(self._db)), store.place_names(self._db))
        if shown is None or shown is every:  # no filter kept fewer
            return events
        places = {entry.place for entry in shown}
        return [event for event in events if any(entry.place in places for entry in event.entries)]

    def conflicts(self) -> list[TimelineEvent]:
        return [event for event in self.events() if event.conflict]

    def dissolve(self, event: TimelineEvent) -> int:
        """Judge an event's passages not one event (their names, dates or words only looked alike): each pair of its
        passages from different documents is dismissed, as a dismissed parallel suggestion is, so neither the
        timeline nor Parallels joins them again (undoable). Returns the pairs. An event the user's own link holds
        together is refused: the link says they are one, and a dismissal would only contradict it unseen."""
        if held_by_link(event):
            raise ReaderError("you linked passages of this event as telling one event, so it stays one event while "
                              "the link does: delete the link (in Comparisons) to part them")
        pairs = {pair_key(one, two): pair_ties(one, two, _tie(one), _tie(two))
                 for one, two in combinations(event.entries, 2) if one.document_id != two.document_id}
        with operation(self._db, "Not one event"):
            for key, ties in sorted(pairs.items()):
                store.insert_dismissal(self._db, key, (*ties[0], *ties[1]))
        return len(pairs)

    def export(self, path, fmt: str, view: tuple[list[TimelineEntry], list[TimelineEvent]] | None = None,
               by_entity: bool = False, shown: str = "") -> int:
        """Write the timeline as 'csv' or 'html' (through a synced temporary file); returns the entries written.
        `view`: the entries and events shown (as `view()` gives them; None: the whole timeline), not read again. The
        page has the window's lanes (per document, by title, or per entity) and says which passages it shows
        (`shown`: the filters, '' for all)."""
        from reader.core.compare.timeline_export import timeline_csv, timeline_html
        from reader.core.compare.timeline_lanes import Lanes
        from reader.core.export.safe_write import write_text_atomically
        from reader.core.storage.documents import titles

        entries, events = self.view() if view is None else view
        named = titles(self._db)
        text = timeline_csv(entries, events, named) if fmt == "csv" else timeline_html(
            entries, events, Lanes(entries, by_entity, named), named, shown)
        write_text_atomically(path, text, self._db.path, marked=fmt == "csv")
        return len(entries)

    def _all_entries(self) -> list[TimelineEntry]:
        with without_collection():
            return self._read_entries()

    def _read_entries(self) -> list[TimelineEntry]:
        labels = store.document_labels(self._db)
        published = store.published_dates(self._db)
        index = PassageIndex(passages(store.all_lines(self._db)))
        named = _NamesInPassages(store.named_mentions(self._db), entity_names(self._db))
        persons = store.person_mention_ends(self._db)
        found, told = [], set()  # a sentence giving one day twice ("PARIS, Jan. 5.—… this morning") is one mark
        for document_id, start, text, value in store.date_mentions(self._db):
            piece = index.at(document_id, start) if document_id in labels else None
            if piece is not None and not _own_date(published.get(document_id, ""), piece, value) \
                    and not _life_dates(persons, piece, start, value):
                begin, end = sentence_bounds(piece.text, start - piece.start)
                said = piece.start + begin, piece.start + end
                if (document_id, said[0], value) in told:
                    continue
                entry = _entry(labels, document_id, piece.start, piece.end, piece.text, text, value,
                               named.told_with(piece, said), date_at=start, said=said)
                if entry is not None:
                    found.append(entry)
                    told.add((document_id, said[0], value))
        found += self._annotation_entries(labels, index, named, {e.place for e in found})
        return sorted(found, key=lambda e: (e.first, e.last, e.document_id, e.start))

    def _annotation_entries(self, labels: dict, index: PassageIndex, named: _NamesInPassages,
                            known: set) -> list[TimelineEntry]:
        """Dates a user highlighted, or wrote in a note, that recognition did not already place there (a highlight
        awaiting review after its text changed gives its note's dates only: its words may be gone from the text). A
        note's date is the historian's ("Zhabaeva gives 24 November"), not the source's: its origin says so."""
        found = []
        for annotation_id, document_id, start, end, exact, note, in_text in store.annotation_texts(self._db):
            piece = index.at(document_id, start)
            entities = named.within(document_id, piece.start, piece.end) if piece else ()
            at = piece.start if piece else start  # where recognition would have placed a date of this passage
            written = [(date, "annotation") for date in find_dates(exact)] if in_text else []
            seen = {date.value for date, _origin in written}
            written += [(date, "note") for date in find_dates(note) if date.value not in seen]
            for date, origin in written:
                if (document_id, at, date.value) in known:
                    continue
                said = None if origin == "note" else tuple(start + at for at in sentence_bounds(exact, date.start))
                entry = _entry(labels, document_id, start, end, exact, date.text, date.value, entities,
                               annotation_id, origin=origin, said=said)
                if entry is not None:
                    found.append(entry)
        return found


class _NamesInPassages:
    """The entity names told with each date, looked up only where a date stands (a corpus names far more than it
    dates); mentions come sorted by document and offset."""

    def __init__(self, mentions: list[tuple[int, int, int]], names: dict[int, str]):
        self._names = names
        self._starts: dict[int, list[int]] = defaultdict(list)
        self._ids: dict[int, list[int]] = defaultdict(list)
        for document_id, start, entity_id in mentions:
            self._starts[document_id].append(start)
            self._ids[document_id].append(entity_id)

    def within(self, document_id: int, start: int, end: int) -> tuple[str, ...]:
        """The names of the mentions starting in [start, end) of a document."""
        starts = self._starts.get(document_id, [])
        return self._names_of(document_id, bisect_left(starts, start), bisect_left(starts, end))

    def _names_of(self, document_id: int, first: int, last: int) -> tuple[str, ...]:
        """The names of a document's mentions `first` to `last` (in its order of mentions)."""
        if last - first == 1:  # most sentences name one thing, or none
            name = self._names.get(self._ids[document_id][first])
            return () if name is None else (name,)
        return tuple(sorted({self._names[i] for i in self._ids[document_id][first:last] if i in self._names}))

    def told_with(self, piece: Piece, said: tuple[int, int]) -> tuple[str, ...]:
        """The names told with a date: those of the sentence giving it (`said`, where it stands in the document),
        or where that sentence names no one ("The two met on November 15, 1934"), those its passage named up to
        it. A paragraph's other sentences tell other acts: with their names, a sailing on the 10th was joined to
        another source's landing on the 18th, and the whole week was one event in conflict."""
        starts = self._starts.get(piece.document_id, [])
        first, last = bisect_left(starts, said[0]), bisect_left(starts, said[1])
        if first == last:
            first = bisect_left(starts, piece.start)
        return self._names_of(piece.document_id, first, last)


def _no_note_tagged(db: Store, tag: str):
    """Refuse a tag no live note carries: one only notes in the Trash carry is said so (it had been offered as its
    own nearest), another with the nearest a live note carries."""
    if store.tagged_ranges(db, tag, trashed=True):
        raise ReaderError(f"only notes in the Trash are tagged “{tag}”")
    raise ReaderError(did_you_mean(f"no note is tagged “{tag}”", tag, store.live_tag_names(db)))


def _any_between(starts: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted offsets lies in [start, end)."""
    at = bisect_left(starts, start)
    return at < len(starts) and starts[at] < end


def _tie(entry: TimelineEntry) -> tuple[int, int, int | None]:
    """Where an entry ties the others of its event: the sentence giving its date, and the date."""
    return (*shown_range(entry), entry.date_at)


def _own_date(published: str, piece: Piece, value: str) -> bool:
    """Whether a date is the source's own, not one of what it tells: the document's date of publication given in a
    byline or a heading ("Mondo International Updated on 2024-02-17", "Oriental Studies (Jun 2021)"). On the axis it
    would stretch a 1930s timeline to 2024, and every web article adds one. A sentence giving that date tells of it
    (a newspaper of 15 November reporting a meeting that day), and stays."""
    if not published or telling(piece):
        return False
    mine, theirs = dating.span(value), dating.span(published)
    return (mine is not None and theirs is not None and mine.precision in dating.PRECISE
            and dating.relate(mine, theirs) in (dating.SAME, dating.OVERLAP))


def _life_dates(person_ends: set[tuple[int, int]], piece: Piece, start: int, value: str) -> bool:
    """Whether a range of years in brackets right after a person's name gives that person's life ("Urlug Janjin
    Demid (1900-1937)"), not something the source tells happened in those years: a 38-year bar would lie under every
    mark of its lane."""
    if ".." not in value:
        return False
    before = piece.text[:start - piece.start].rstrip()
    if not before.endswith("("):
        return False
    return (piece.document_id, piece.start + len(before[:-1].rstrip())) in person_ends


def _entry(labels: dict, document_id: int, start: int, end: int, passage: str, text: str, value: str,
           entities: tuple[str, ...], annotation_id: int | None = None, date_at: int | None = None,
           origin: str = "recognised", said: tuple[int, int] | None = None) -> TimelineEntry | None:
    found = dating.placed(value or "")
    if found is None or document_id not in labels:
        return None
    file_name, kind = labels[document_id]
    return TimelineEntry(document_id, file_name, kind, start, end, text, value, found.precision,
                         dating.iso(found.first), dating.iso(found.last), passage,
                         origin, entities, annotation_id, date_at, said)


def _bound(text: str, first: bool) -> str:
    """'1934' -> 1934-01-01 (from) or 1934-12-31 (to); an ISO day as it is; a date as a text writes it ('early
    1935', 'November 1934') as the timeline reads it there."""
    found = dating.span(text.strip()) or _written_date(text)
    if found is None:
        raise ReaderError(f"'{text}' is not a date: give a year (1934), a month (1934-11), a day (1934-11-15) or "
                          "a date as a text writes it (early 1935)")
    return dating.iso(found.first if first else found.last)


def _written_date(text: str):
    dates = find_dates(text)
    return dating.span(dates[0].value) if len(dates) == 1 and dates[0].value else None


def held_by_link(event: TimelineEvent) -> bool:
    """Whether a user's link holds the event together (one the user said tells one event)."""
    return any(reason in LINKED_AS.values() for reason in event.reasons)


def group_events(entries: list[TimelineEntry], links: list[tuple], dismissed: Dismissed,
                 places: frozenset[str]) -> list[TimelineEvent]:
    """Join entries of different documents that share names and lie close in time, the entries of passages linked
    as telling one event (`links`: both ends and the relation, as linked_ranges gives them), and dated sentences that
    tell one act in the same words (retold.py), however far apart their dates. `entries` come in date order, as
    `entries()` gives them. Pairs of passages in `dismissed` (judged not one event) are never joined but by a link.
    `places`: the names of places (see `_named_pairs`)."""
    retold = {(i, j): words for (i, j), words in retold_pairs(entries).items()
              if not dismissed.covers(entries[i], entries[j])}
    linked = list(_linked_pairs(_linked_entries(entries, links)))
    joined = [(i, j) for i, j, _number in linked] + list(retold)
    tied = {i for pair in joined for i in pair}
    kept = [i for i, e in enumerate(entries)
            if (s := dating.span(e.value)) is not None and (s.days <= EVENT_DAYS or i in tied)]
    usable = [entries[i] for i in kept]
    spans = [dating.span(e.value) for e in usable]
    named = [frozenset(entry.entities) for entry in usable]
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(named):
        for name in names:
            by_name[name].append(i)
    ones, twos = _named_pairs(usable, named, spans, by_name, places)
    ones, twos = _undismissed(usable, ones, twos, dismissed)
    position = {i: n for n, i in enumerate(kept)}
    tied_pairs = np.array([(position[i], position[j]) for i, j in joined if i in position and j in position],
                          np.int64).reshape(-1, 2)
    roots = components(len(usable), np.concatenate([ones, tied_pairs[:, 0]]), np.concatenate([twos, tied_pairs[:, 1]]))
    roots = one_act_each(roots, ones, twos, tied_pairs, [e.document_id for e in usable],
                         _bounds_of_acts(usable, spans), named)
    return _collect(usable, spans, roots, _reasons(retold, [(i, LINKED_AS[links[number][6]]) for i, _j, number
                                                            in linked], {i: roots[n] for i, n in position.items()}))


def _bounds_of_acts(usable: list[TimelineEntry], spans: list) -> list[tuple[int, int] | None]:
    """The days each entry's act may be on, as the parting of acts weighs them (see `one_act_each`); None for a date
    in a user's note, and for the dates of a sentence giving two that cannot meet ('on 15 November 1934, though some
    put the meeting on 24 November'): it reports a dispute over one act, and telling two acts it parted the sources
    it reports."""
    bounds = [None if e.origin == "note" else _with_slack(spans[i]) for i, e in enumerate(usable)]
    by_sentence: dict[tuple, list[int]] = defaultdict(list)
    for i, entry in enumerate(usable):
        if bounds[i] is not None:
            by_sentence[(entry.document_id, entry.said or (entry.start, entry.end))].append(i)
    for members in by_sentence.values():
        if len(members) > 1 and any(bounds[i][0] > bounds[j][1] or bounds[j][0] > bounds[i][1]
                                    for i, j in combinations(members, 2)):
            for i in members:
                bounds[i] = None
    return bounds


def _named_pairs(usable: list[TimelineEntry], named: list[frozenset[str]], spans: list, by_name: dict[str, list[int]],
                 places: frozenset[str]):
    """Close pairs of entries of different documents sharing a name: one name will do for two precise dates, two
    for a vague one. A place most dated passages name (the corpus's setting: Paris, Moscow) joins two different days
    only with a second name, as the vague dates do: alone it made one event of a whole week (a dismissal, a
    storming, a demolition). A person most passages name is the corpus's subject, whose acts two sources may date
    differently (Genden executed on the 26th or the 30th). The same day given by both still joins (one act told
    twice). The setting's names are grouped by day and by pairs of them, so no pair is looked at one by one. `named`:
    each entry's names."""
    setting = {name for name, members in by_name.items() if name in places
               and len(members) >= COMMON_AT_LEAST and len(members) > len(usable) * COMMON_SHARE}
    firsts, lasts, documents = [s.first for s in spans], [s.last for s in spans], [e.document_id for e in usable]

    def two_names(i: int, j: int) -> bool:
        return len(named[i] & named[j]) >= 2

    own = close_pairs([m for name, m in by_name.items() if name not in setting], firsts, lasts, documents,
                      [s.precision in dating.PRECISE for s in spans], two_names)
    same_day: dict[tuple[str, int], list[int]] = defaultdict(list)
    named_both: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, names_told in enumerate(named):  # in date order, as close_pairs takes each group
        if not (names := sorted(names_told & setting)):  # (most name none of the setting)
            continue
        if spans[i].precision == "day":
            for name in names:
                same_day[(name, firsts[i])].append(i)
        for pair in combinations(names, 2):
            named_both[pair].append(i)
    met = close_pairs([*same_day.values(), *named_both.values()], firsts, lasts, documents, [True] * len(usable),
                      two_names)
    return np.concatenate([own[0], met[0]]), np.concatenate([own[1], met[1]])


def _undismissed(usable: list[TimelineEntry], ones, twos, dismissed: Dismissed):
    """The close pairs but those judged not one event: only pairs both of whose passages meet a dismissal are
    looked up."""
    if not dismissed:
        return ones, twos
    marked = np.array([dismissed.touches(e.document_id, e.start, e.end) for e in usable], bool)
    suspect = np.flatnonzero(marked[ones] & marked[twos]).tolist()
    drop = [n for n in suspect if dismissed.covers(usable[ones[n]], usable[twos[n]])]
    keep = np.ones(len(ones), bool)
    keep[drop] = False
    return ones[keep], twos[keep]


def _reasons(retold: dict[tuple[int, int], list[str]], linked: list[tuple[int, str]],
             component_of: dict[int, int]) -> dict[int, set[str]]:
    """Per component (of kept entries), what joined it besides names: the shared wording, or a user's link (an
    entry at one end, and how it was linked)."""
    found: dict[int, set[str]] = defaultdict(set)
    for (i, _j), words in retold.items():
        if i in component_of:
            found[component_of[i]].add("same words: " + ", ".join(words))
    for i, reason in linked:
        if i in component_of:
            found[component_of[i]].add(reason)
    return found


def _linked_entries(entries: list[TimelineEntry], links: list[tuple]) -> dict[int, set[int]]:
    """Entry index -> the links (by number) one of whose ends gives the entry's date: the dates inside the linked
    stretch (a sentence, as a suggestion links them), or, when it holds none (a name highlighted), every date of its
    passage. A link joining whole paragraphs made one event of an arrest, a journey and an execution."""
    by_document: dict[int, list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        by_document[entry.document_id].append(i)
    found: dict[int, set[int]] = defaultdict(set)
    for number, link in enumerate(links):
        for document_id, start, end in (link[:3], link[3:6]):
            touching = [i for i in by_document.get(document_id, ())
                        if start < entries[i].end and entries[i].start < end]
            inside = [i for i in touching if start <= _dated_at(entries[i]) < end]
            for i in inside or touching:
                found[i].add(number)
    return found


def _dated_at(entry: TimelineEntry) -> int:
    """Where the entry's date stands in the document: a recognised date's own offset, else (a date in a note, or
    highlighted) the annotation's start."""
    return entry.start if entry.date_at is None else entry.date_at


def _linked_pairs(linked: dict[int, set[int]]):
    """Pairs of entries (indexes) at the ends of one link, with the link's number: one act, however the sources
    date it."""
    by_link: dict[int, list[int]] = defaultdict(list)
    for i, numbers in linked.items():
        for number in numbers:
            by_link[number].append(i)
    for number, members in by_link.items():
        yield from ((i, j, number) for i, j in combinations(members, 2))


def _collect(usable: list[TimelineEntry], spans: list, roots: list[int], reasons: dict[int, set[str]],
             ) -> list[TimelineEvent]:
    groups: dict[int, list[int]] = defaultdict(list)
    for i, group in enumerate(roots):
        groups[group].append(i)
    events = []
    for group, members in groups.items():
        if len({usable[i].document_id for i in members}) < 2:
            continue
        entries = sorted((usable[i] for i in members), key=lambda e: (e.first, e.document_id))
        events.append(TimelineEvent(0, entries, _shared_names(entries), _conflicting(members, usable, spans),
                                    tuple(sorted(reasons.get(group, ())))))
    events.sort(key=lambda event: event.entries[0].first)
    for number, event in enumerate(events, 1):
        event.id = number
    return events


def _shared_names(entries: list[TimelineEntry]) -> tuple[str, ...]:
    seen: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        for name in entry.entities:
            seen[name].add(entry.document_id)
    return tuple(sorted(name for name, documents in seen.items() if len(documents) > 1))


def _conflicting(members: list[int], usable: list[TimelineEntry], spans: list) -> bool:
    """Two documents of the event none of whose most precise dates overlap, as the sources date it: a date in a
    user's note (the other source's, written down beside this one's) neither makes nor settles a conflict."""
    by_document: dict[int, list] = defaultdict(list)
    for i in members:
        if usable[i].origin != "note":
            by_document[usable[i].document_id].append(_with_slack(spans[i]))
    for one, two in combinations(map(_most_precise, by_document.values()), 2):
        if not any(a[0] <= b[1] and b[0] <= a[1] for a in one for b in two):
            return True
    return False


def _most_precise(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A source's dates of an event without those holding another of its dates: "In November 1934 … on 15 November
    1934" says the 15th, and its month settled a conflict with another source's 24th."""
    if len(spans) < 2:  # most often: the one date a source gives the event
        return spans
    return [span for span in spans
            if not any(other != span and span[0] <= other[0] and other[1] <= span[1] for other in spans)]


def _with_slack(span) -> tuple[int, int]:
    """The days a date may mean when sources are judged to disagree: a vague part of a year ("the end of 1934",
    "early 1935", "the autumn of 1934") has no hard edges, where its span has the program's own: a day a few weeks
    outside it is no contradiction."""
    slack = VAGUE_SLACK_DAYS if span.precision == "part" else 0
    return span.first - slack, span.last + slack
