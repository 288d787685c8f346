"""What an export walks: each annotation with its document's citation, tags and links, chosen by a scope."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.entities.dates import date_in_words
from reader.core.ranges import Interval, quote_without
from reader.core.records.annotations import NEEDS_REVIEW, NO_LONGER_THERE, ORPHAN, REVIEW, Annotation, NotebookNote
from reader.core.records.documents import DocumentInfo
from reader.core.records.pages import PageInfo, page_citation, page_range
from reader.core.records.relations import RELATIONS, SEEN_FROM_THE_OTHER
from reader.core.records.tags import tag_key
from reader.core.wording import listed, plural


@dataclass(frozen=True)
class Scope:
    """Which annotations to export: all, one document, one tag, or the annotations a search found."""

    document_id: int | None = None
    tag: str = ""
    annotation_ids: frozenset[int] | None = None
    notebook_ids: frozenset[int] = frozenset()  # Notebook notes taken whatever they cite (a search found them)
    link_ids: frozenset[int] | None = None  # the links shown with them (the pairs Comparisons lists); None: all

    def keeps(self, annotation: Annotation) -> bool:
        if self.document_id is not None and annotation.document_id != self.document_id:
            return False
        if self.tag and tag_key(self.tag) not in {tag_key(t) for t in annotation.tags}:
            return False
        return self.annotation_ids is None or annotation.id in self.annotation_ids

    def keeps_link(self, link_id: int) -> bool:
        return self.link_ids is None or link_id in self.link_ids


@dataclass(frozen=True)
class Exported:
    """What an export holds: its annotations (places, for the map) and the Notebook notes it took, which the line
    after it had left unsaid ("1 annotation written", of a file holding a note and its citations)."""

    count: int
    notebook_notes: int = 0
    noun: str = "annotation"
    links: int = 0  # the links its annotations have, each once (reading it back named them, the export had not)
    unplaced: int = 0  # the map's places with no position, listed apart: "12 places written" left 28 unsaid

    def empty(self) -> bool:
        return not self.count and not self.notebook_notes

    def in_words(self) -> str:
        named = [plural(self.count, self.noun) + (" on the map" if self.unplaced else "")]
        named += [plural(count, noun) for count, noun in (
            (self.links, "link"), (self.notebook_notes, "Notebook note")) if count]
        if self.unplaced:
            named.append(f"{self.unplaced} with no position (listed as “unplaced”)")
        return listed(named)


@dataclass(frozen=True)
class LinkItem:
    """A cross-reference seen from one annotation: relation (with its direction), the passage across, the note."""

    link_id: int
    relation: str
    outgoing: bool
    other: Annotation
    other_document: DocumentInfo
    note: str
    created: str  # when the link was made and last changed
    modified: str

    @property
    def label(self) -> str:
        label = RELATIONS.get(self.relation, self.relation)
        return label if self.outgoing else SEEN_FROM_THE_OTHER.get(self.relation, label)


IN_THE_TRASH = "in the Trash"  # said of a cited passage: Undo or the Trash bring it back


@dataclass(frozen=True)
class ExportItem:
    annotation: Annotation
    document: DocumentInfo
    links: tuple[LinkItem, ...] = field(default_factory=tuple)
    page: PageInfo | None = None  # where the passage starts, when its document has pages
    paragraph: int | None = None  # else, the paragraph it starts in (see paragraph_at)
    last_page: PageInfo | None = None  # where it ends, when its document has pages
    boilerplate: tuple[Interval, ...] = ()  # its version's, merged; empty when the quote is not that version's text
    in_trash: bool = False  # a passage a Notebook note cites, since moved (or its document) to the Trash
    last_paragraph: int | None = None  # the paragraph it ends in, when it has no pages

    @property
    def page_label(self) -> str:
        """"p. 12" or "pp. 2–3" (the printed labels) for a passage of a paged document, else ''."""
        return page_citation(self.page, self.last_page) if self.page else ""

    @property
    def pages(self) -> str:
        """The printed labels of its pages, "12" or "2–3", for a page column; '' without pages."""
        return page_range(self.page, self.last_page) if self.page else ""

    @property
    def paragraphs(self) -> str:
        """The paragraphs it runs over, "3" or "3–5", for a paragraph column; '' when it is placed by page or not at
        all. Naming only the first sent the reader to one paragraph of three, as a first page would."""
        if not self.paragraph:
            return ""
        runs_on = self.last_paragraph is not None and self.last_paragraph > self.paragraph
        return f"{self.paragraph}–{self.last_paragraph}" if runs_on else str(self.paragraph)

    @property
    def quote(self) -> str:
        """The quote as exports show it: without the running heads and folios it runs across (see quote_without);
        the annotation keeps its quote as stored, for re-anchoring and the selectors."""
        return quote_without(self.annotation.quote.exact, self.annotation.start, self.boilerplate)

    @property
    def orphaned(self) -> bool:
        """Whether a new version of the text removed the passage: the note keeps its quote, placed nowhere."""
        return self.annotation.anchor_status == ORPHAN

    @property
    def where(self) -> str:
        """Where in its source a passage is, as a citation says it: its page, or its paragraph (¶ 4, as citation
        styles place a passage of an unpaginated source), '' when neither is known, and for a passage a new
        version removed, that it is no longer in the text."""
        return self.placed()

    def placed(self, characters: str = "") -> str:
        """`where`, with the characters a format gives ('characters 285–302') beside the page or paragraph. For a
        note in review, the place is the one proposed in the current text, where the words quoted (the earlier
        version's) no longer stand: said so, a reader took them for the quote's own place (audit DG 9)."""
        if self.orphaned:
            return NO_LONGER_THERE
        paged = self.page_label if self.page is not None else f"¶ {self.paragraphs}" if self.paragraph else ""
        place = ", ".join(part for part in (paged, characters) if part)
        if self.annotation.anchor_status == REVIEW:
            place = f"{NEEDS_REVIEW}; the current text may have it at {place}" if place else NEEDS_REVIEW
        return ", ".join(part for part in (place, IN_THE_TRASH if self.in_trash else "") if part)


@dataclass(frozen=True)
class NoteItem:
    """A notebook note: free-standing, or on a document (`about`), with the passages it cites in the order it cites
    them, those in the Trash too (marked: restorable, and the argument still rests on them)."""

    note: NotebookNote
    about: DocumentInfo | None
    cited: tuple[ExportItem, ...]

    @property
    def heading(self) -> str:
        return self.note.title.strip() or "Untitled note"


def keeps_note(scope: Scope, note: NotebookNote, exported: set[int]) -> bool:
    """Whether an export in `scope` takes a notebook note: all of them when it takes everything; else the notes it
    names (a search found them), those on its document, and those citing a passage it exports."""
    if scope == Scope():
        return True
    if note.id in scope.notebook_ids or (scope.document_id is not None and note.document_id == scope.document_id):
        return True
    return any(annotation_id in exported for annotation_id in note.citations)


def citation(document: DocumentInfo) -> str:
    """Title, author, date and URL or DOI, as a reader cites a source."""
    meta = document.metadata
    where = f"https://doi.org/{meta.doi}" if meta.doi else meta.url
    parts = [meta.author, f"“{document.title}”", date_in_words(meta.date_published), where]
    return ", ".join(part for part in parts if part)
