"""Entity dataclasses handed to the UI and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

TYPES = ("PERSON", "PLACE", "ORG", "DATE")


@dataclass(frozen=True)
class Mention:
    """A consolidated mention: a range of a document's current version that names a register entity."""

    document_id: int
    start: int
    end: int
    text: str
    type: str
    entity_id: int
    date_value: str = ""
    confidence: float = 1.0  # how sure recognition is of it, 0-1 (see entities/confidence.py)


@dataclass(frozen=True)
class EntitySummary:
    """One register entry: the canonical name, the decided type, aliases and how often it occurs."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    mention_count: int
    document_count: int
    wikidata: str = ""
    viaf: str = ""
    geonames: str = ""
    note: str = ""


@dataclass(frozen=True)
class MentionContext:
    """A mention with its surroundings, for keyword-in-context lines."""

    document_id: int
    file_name: str
    start: int
    end: int
    text: str
    left: str
    right: str
    source: str = ""  # the document's title (its file name when it has none), as sources are named side by side


@dataclass(frozen=True)
class Suggestion:
    """Two entities whose names differ by a typo or a transliteration: merge them?"""

    id: int
    entity_id: int
    other_id: int
    name: str
    other_name: str
    score: float


@dataclass
class RecognitionReport:
    """What a recognition run did."""

    documents_processed: int = 0
    documents_cached: int = 0
    entities: int = 0
    mentions: int = 0
    merged_variants: list[tuple[str, str]] = field(default_factory=list)
    model_warning: str = ""
    failed: dict[int, str] = field(default_factory=dict)  # document id -> why recognition failed on it
    unread: list[str] = field(default_factory=list)  # the titles of the texts in a language no name model here reads
    # (German, French, Mongolian…): their names are only those marked or known from other texts (audit DZ F3)
