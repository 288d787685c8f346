"""What comparing sources yields: suggested parallel passages, dated timeline entries, events and their conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.records.annotations import Passage
from reader.core.wording import one_line

Tie = tuple[int | None, int | None, int | None]  # a side's shown sentence (start, end) and the date's offset in it


@dataclass(frozen=True)
class PassageRef:
    """A stretch of a document's current text (a paragraph or a few sentences), with the text itself."""

    document_id: int
    file_name: str
    start: int
    end: int
    text: str
    focus: tuple[int, int] | None = None  # the sentence that matches best (offsets in the text): shown and flashed
    key: int | None = None  # where in it the two passages tie (a date's offset), kept in view when it is cut short

    @property
    def shown(self) -> tuple[int, int]:
        """The range to show: the focus, or the whole passage."""
        return self.focus or (self.start, self.end)

    @property
    def tie(self) -> Tie:
        """Where this side ties the other, as a dismissal keeps it."""
        return (*(self.focus or (None, None)), self.key)

    @property
    def excerpt(self) -> str:
        """The focus sentence, marked "…" where the passage goes on before it; or the passage."""
        start, end = self.shown
        return ("…" if start > self.start else "") + self.text[start - self.start:end - self.start]

    def excerpt_line(self, width: int) -> str:
        """The excerpt on one line of at most `width` characters: cut around the key if there is one (a long
        sentence's date is often at its end, and the date is what ties it), else after its beginning."""
        start, _end = self.shown
        return one_line(self.excerpt, width, None if self.key is None else self.key - start + (start > self.start))


@dataclass(frozen=True)
class ParallelSuggestion:
    """A passage elsewhere that likely tells of the same thing as `source`, why, and where the two disagree."""

    source: PassageRef
    other: PassageRef
    score: float
    relation: str  # the suggested relation (records/relations.py)
    reasons: tuple[str, ...]  # e.g. "both: Genden, Stalin", "dates 1934-11-15 / 1934-11-24"
    hints: tuple[str, ...] = ()  # disagreements side by side: "dates: 1934-11-15 / 1934-11-24"
    shared_entities: tuple[str, ...] = ()
    linked: str = ""  # the relation of a link already joining annotations inside both passages: judged

    @property
    def key(self) -> tuple[int, int, int, int, int, int]:
        """The pair, either way round, as stored when it is dismissed."""
        return pair_key(self.source, self.other)

    @property
    def ties(self) -> tuple[Tie, Tie]:
        """Where each side ties the other, in the order of `key`: kept with a dismissal, which lists them."""
        return pair_ties(self.source, self.other, self.source.tie, self.other.tie)

    def link_note(self) -> str:
        """The note a link made from the suggestion starts with: where the two differ, the evidence for calling
        them contradictory, which linking had dropped."""
        return ("Where they differ: " + "; ".join(hint.replace(": ", " ", 1) for hint in self.hints)
                if self.hints else "")

    def to_link(self) -> tuple[Passage, Passage]:
        """What linking the pair joins: on each side the sentence that ties the two, as the row shows it (the
        statements that agree or conflict, which Comparisons then quotes), or the whole passage if none does."""
        return tuple(Passage(side.document_id, *side.shown) for side in (self.source, self.other))


@dataclass(frozen=True)
class Dismissal:
    """A pair judged not parallel: dismissed in Parallels, or parted from an event on the timeline."""

    one: PassageRef
    two: PassageRef
    dismissed_at: str  # ISO time

    @property
    def key(self) -> tuple[int, int, int, int, int, int]:
        return pair_key(self.one, self.two)


@dataclass(slots=True)
class TimelineEntry:
    """One date a source gives: where, what it says, the days it can mean, and what the passage names. Not frozen:
    a frozen dataclass sets each field through object.__setattr__, and the entries of a large corpus (15,000) cost
    a tenth of the whole timeline so; nothing changes an entry once made."""

    document_id: int
    file_name: str
    kind: str  # the document's kind (primary, secondary, …)
    start: int  # the passage
    end: int
    text: str  # the date as written
    value: str  # normalised (dates.py)
    precision: str  # day | month | part | range | year
    first: str  # ISO day
    last: str
    passage: str
    origin: str = "recognised"  # or "annotation" (a date the user highlighted), or "note" (one written in a note)
    entities: tuple[str, ...] = ()  # the names told with the date (see timeline.py), which join it to others'
    annotation_id: int | None = None
    date_at: int | None = None  # where in the document recognition found the date (its sentence is shown)
    said: tuple[int, int] | None = None  # where the sentence giving the date stands (passages.sentence_bounds)

    @property
    def place(self) -> tuple[int, int, str]:
        """(document, passage, date): one date a passage gives, however the entry was filtered or regrouped."""
        return self.document_id, self.start, self.value


@dataclass
class TimelineEvent:
    """Dated passages of several sources naming the same people and places within a few weeks of each other,
    telling one act in the same words, or linked by a user as contradicting each other."""

    id: int
    entries: list[TimelineEntry] = field(default_factory=list)
    entities: tuple[str, ...] = ()
    conflict: bool = False  # two sources give dates that cannot both be right
    reasons: tuple[str, ...] = ()  # what joined passages besides shared names: "same words: …", a user's link

    @property
    def documents(self) -> list[str]:
        return sorted({entry.file_name for entry in self.entries})


def events_by_place(events: list[TimelineEvent]) -> dict[tuple[int, int, str], TimelineEvent]:
    """Each entry's event, by the entry's place."""
    return {entry.place: event for event in events for entry in event.entries}


def pair_ties(one, two, one_tie: Tie, two_tie: Tie) -> tuple[Tie, Tie]:
    """The two sides' ties in the order `pair_key` stores the sides."""
    if (one.document_id, one.start, one.end) <= (two.document_id, two.start, two.end):
        return one_tie, two_tie
    return two_tie, one_tie


def pair_key(one, two) -> tuple[int, int, int, int, int, int]:
    """Two passages (anything with document_id, start and end), either way round: how a pair judged not parallel is
    stored, whether Parallels suggested it or the timeline joined it."""
    first, second = (one.document_id, one.start, one.end), (two.document_id, two.start, two.end)
    return (*min(first, second), *max(first, second))
