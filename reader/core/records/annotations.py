"""Annotation dataclasses, aligned with the W3C Web Annotation model's selectors."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.records.anchor_status import ANCHORED as ANCHORED  # where an annotation stands: kept apart
from reader.core.records.anchor_status import NEEDS_REVIEW as NEEDS_REVIEW
from reader.core.records.anchor_status import NO_LONGER_THERE as NO_LONGER_THERE
from reader.core.records.anchor_status import ORPHAN as ORPHAN
from reader.core.records.anchor_status import REVIEW as REVIEW
from reader.core.records.anchor_status import STATUS_SAID as STATUS_SAID
from reader.core.records.relations import DIRECTED_RELATIONS, RELATIONS

QUOTE_CONTEXT = 32
HIGHLIGHT_COLORS = ("yellow", "green", "blue", "pink", "orange", "purple")
DEFAULT_COLOR = HIGHLIGHT_COLORS[0]  # a highlight made without one chosen (or read from a file giving none)


@dataclass(frozen=True)
class TextQuote:
    """A TextQuoteSelector: the exact text plus up to 32 code points of context either side."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_w3c(self) -> dict:
        return {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}

    @classmethod
    def from_w3c(cls, selector: dict) -> TextQuote | None:
        """The selector read from foreign JSON, or None when its `exact` is missing or not text."""
        exact, prefix, suffix = (selector.get(key, "") for key in ("exact", "prefix", "suffix"))
        if not isinstance(exact, str) or not exact:
            return None
        return cls(exact, prefix if isinstance(prefix, str) else "", suffix if isinstance(suffix, str) else "")


@dataclass(frozen=True)
class TextPosition:
    """A TextPositionSelector: [start, end) in code points of the document's text."""

    start: int
    end: int

    def to_w3c(self) -> dict:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    @classmethod
    def from_w3c(cls, selector: dict) -> TextPosition | None:
        """The selector read from foreign JSON, or None unless start and end are whole numbers, start before end."""
        start, end = selector.get("start"), selector.get("end")
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**63 for v in (start, end)):
            return None
        return cls(start, end) if start < end else None


@dataclass(frozen=True)
class Annotation:
    """A highlight (colour, maybe no note) or a note on [start, end) of one version's text, in code points."""

    id: int
    document_id: int
    version_id: int
    start: int
    end: int
    quote: TextQuote
    color: str
    note: str
    anchor_status: str  # "anchored" | "review" | "orphan"
    anchor_confidence: float
    created_at: str
    modified_at: str
    tags: tuple[str, ...] = ()
    # when its note's text, its tags, its colour and its place were each last changed: two copies of a library
    # exchanging exports take each from the copy that changed it last (one moment for all had an older text win)
    note_at: str = ""
    tags_at: str = ""
    color_at: str = ""
    place_at: str = ""
    tags_read: tuple[str, ...] | None = None  # the tags another tool (Hypothesis) gave it when last read; None: none

    @property
    def is_note(self) -> bool:
        return bool(self.note.strip())


def quote_at(text: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> TextQuote:
    """The TextQuoteSelector for [start, end) of `text`."""
    return TextQuote(text[start:end], text[max(0, start - context):start], text[end:end + context])


@dataclass(frozen=True)
class Passage:
    """A stretch of a document's current version that is not (yet) an annotation: linking it makes it one."""

    document_id: int
    start: int
    end: int
    shown: int | None = field(default=None, compare=False)  # the version the offsets were read on (a selection),
    # when another may be current by the time it is made an annotation


@dataclass(frozen=True)
class Link:
    """A cross-reference between two annotations; `from` derives from `to` when the relation is directed."""

    id: int
    from_annotation_id: int
    to_annotation_id: int
    relation: str
    note: str
    created_at: str
    modified_at: str

    @property
    def directed(self) -> bool:
        return self.relation in DIRECTED_RELATIONS

    @property
    def relation_label(self) -> str:
        return RELATIONS.get(self.relation, self.relation)


@dataclass(frozen=True)
class LinkedAnnotation:
    """One entry of an annotation's links (outgoing) or backlinks (incoming): the link and the annotation across."""

    link: Link
    other: Annotation
    outgoing: bool


@dataclass(frozen=True)
class NotebookNote:
    """A Markdown note on a whole document (document_id set) or free-standing in the notebook, citing passages."""

    id: int
    document_id: int | None
    title: str
    body: str
    citations: tuple[int, ...]
    created_at: str
    modified_at: str
    text_at: str = ""  # when its title or text was last changed (its citations apart): see Annotation.note_at
    cited_at: str = ""  # ... and when its citations were


@dataclass(frozen=True)
class SourceCriticism:
    """What a historian judges about a source beyond its metadata: when written, about when, how reliable, whence."""

    date_written: str = ""
    events_date: str = ""
    reliability: int | None = None  # 1 (unreliable) to 5 (reliable); None = not judged
    provenance_note: str = ""


@dataclass(frozen=True)
class Context:
    """A passage with some text either side, for showing where an annotation was and where it might go."""

    before: str
    text: str
    after: str


@dataclass(frozen=True)
class ReviewItem:
    """An annotation re-anchoring was unsure about: where it was (old version) and the candidate place (if any)."""

    annotation: Annotation
    document_title: str
    old: Context
    new: Context | None


@dataclass(frozen=True)
class TrashItem:
    """Something deleted that can be restored: a document, an annotation, a link or a notebook note."""

    kind: str  # "document" | "annotation" | "link" | "note"
    id: int
    label: str
    deleted_at: str
