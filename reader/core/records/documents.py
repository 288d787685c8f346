"""Plain dataclasses the core hands out: the UI and the command line read these, never database rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.wording import plural

# What a source is: found at import where the text says so (a DOI, a dateline, a scan), and editable (free text
# too: these are the suggestions). Primary / secondary / tertiary stay for sources judged that way.
DOCUMENT_KINDS = ("archival document", "letter", "diary", "memoir", "official record", "newspaper article",
                  "news article", "journal article", "journal abstract", "book", "book chapter", "web page",
                  "primary", "secondary", "tertiary", "unknown")
METADATA_FIELDS = ("title", "author", "date_published", "url", "doi", "kind", "language", "source_note")


@dataclass(frozen=True)
class Span:
    """A range over one version's text in code points: the lingua franca of painting, search and export."""

    start: int
    end: int
    kind: str
    label: str = ""
    ref: int | None = None
    doubtful: bool = False  # a mention recognition is unsure of: drawn lighter, listed for review


@dataclass(frozen=True)
class Metadata:
    """What a historian records about a source; every field is editable in the metadata panel."""

    title: str = ""
    author: str = ""
    date_published: str = ""
    url: str = ""
    doi: str = ""
    kind: str = "unknown"
    language: str = ""
    source_note: str = ""


@dataclass(frozen=True)
class DocumentInfo:
    """One document as listed in the library: its metadata and the facts of its current version."""

    id: int
    file_name: str
    metadata: Metadata
    version_id: int
    version_number: int
    char_count: int
    boilerplate_chars: int
    content_hash: str
    imported_at: str
    source_path: str = ""
    annotation_count: int = 0  # its highlights, with a note or not
    note_count: int = 0  # its highlights with a note, and the Notebook's notes on it
    recognition_error: str = ""  # why entity recognition failed on this version, if it did

    @property
    def title(self) -> str:
        return self.metadata.title or self.file_name


@dataclass(frozen=True)
class VersionText:
    """The immutable text of one version, with the boilerplate ranges that apply to it."""

    document_id: int
    version_id: int
    version_number: int
    text: str
    boilerplate: tuple[Span, ...] = ()


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file during an import: imported, new version, unchanged, or failed with a reason; or
    a folder's files of kinds not read, left out."""

    path: str
    status: str  # "imported" | "new_version" | "unchanged" | "failed" | "left_out" (a folder's files of other kinds)
    message: str
    document_id: int | None = None
    version_id: int | None = None
    previous_version_id: int | None = None
    needs_password: bool = False  # an encrypted PDF: try again with (another) password
    from_trash: bool = False  # a deleted document's file imported again: the import's Undo sends it back there


NEW_VERSIONS_UNDONE = "Undo takes the new text back, its notes to where they were"
IMPORT_UNDONE = "Undo takes the import back, its documents to the Trash"


@dataclass(frozen=True)
class ReanchorSummary:
    """What re-anchoring did to one document's annotations when it got a new version; nothing is ever deleted."""

    document_id: int
    file_name: str
    kept: int  # notes on their words in the new text, found where they were or elsewhere
    review: int
    orphaned: int
    back: int = 0  # notes that had waited (in review, or orphaned) and are on their words again
    moved: int = 0  # of the kept, those at another place: a note whose words stayed put had been said to move
    waiting: int = 0  # notes that had waited (in review, or orphaned) and still do
    in_trash: int = 0  # notes in the Trash, carried with the rest (restored, they are on the new text)

    @property
    def message(self) -> str:
        if not (self.kept or self.review or self.orphaned or self.back or self.waiting):  # a file still worked
            # through in Needs review had been said to have none (audit DJ 1)
            trash = f" but {self.in_trash} in the Trash" if self.in_trash else ""
            return f"{self.file_name}: no annotations to carry over{trash}"
        needs = "needs" if self.review == 1 else "need"
        back = f", {self.back} back in the text" if self.back else ""
        waiting = f", {self.waiting} still waiting in Needs review" if self.waiting else ""
        return (f"{self.file_name}: {plural(self.kept, 'annotation')} on {'its' if self.kept == 1 else 'their'} "
                f"words{self._moved}, {self.review} {needs} review, {self.orphaned} orphaned{back}{waiting}")

    @property
    def _moved(self) -> str:
        if not self.moved:
            return ""
        return " (at a new place)" if self.kept == 1 else f" ({self.moved:,} at a new place)"


@dataclass
class ImportReport:
    """Every file's outcome of one import call; the CLI exits non-zero when any failed."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    reanchored: list[ReanchorSummary] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def history_note(self) -> str:
        """What one Undo takes back: a new text (its notes moved back), or the documents that came in."""
        arrived = any(o.status == "imported" or o.from_trash for o in self.outcomes)
        if arrived:
            return IMPORT_UNDONE + (", new texts back, their notes to where they were" if self.reanchored else "")
        return NEW_VERSIONS_UNDONE if self.reanchored else ""

    @property
    def changed_document_ids(self) -> list[int]:
        return [o.document_id for o in self.outcomes if o.status in ("imported", "new_version") and o.document_id]
