"""Where the passages of annotations read back go here, and what tells an entry from a file and a note here apart
or the same: one module for the readers of annotations, links and Notebook notes (w3c_import, w3c_links,
w3c_notebook)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, unquote

from reader.core.anchoring import locate
from reader.core.annotations.service import AnnotationService, NewAnnotation
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.export.jsonld import URN, document_iri
from reader.core.export.w3c_shape import Incoming
from reader.core.records.annotations import ANCHORED, ORPHAN, Annotation, Passage
from reader.core.records.exports import AnnotationImportReport
from reader.core.records.tags import clean_tags, tag_key

_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)(10\.\S+?)/*$", re.IGNORECASE)


def _source_key(iri: str) -> str:
    """What names one document however a tool spells it: a DOI as a DOI (http or https, dx., 'doi:', any case:
    DOIs ignore case), another IRI without a closing slash."""
    doi = _DOI.match(iri.strip())
    return f"doi:{doi[1].lower()}" if doi else iri.strip().rstrip("/")


class Places:
    """Where incoming passages go in the documents we have; each document's text is read once."""

    def __init__(self, documents: DocumentService, annotations: AnnotationService):
        self._documents, self._annotations = documents, annotations
        self._texts: dict[int, str] = {}
        self._orphans: dict[int, list[Annotation]] = {}
        self._taken: dict[tuple, int] = {}  # by passage, for files that do not name them
        self._untold: set[tuple] = set()
        self._by_target: dict[str, int] = {}  # by the id the file gives a passage (see `named`)
        self._untold_targets: set[str] = set()
        self._to_make: dict[str, NewAnnotation] = {}
        self._sources, self._in_trash = _by_source(documents.list()), _by_source(documents.in_trash())

    def document_id(self, incoming: Incoming) -> int | None:
        return self.document_of(incoming.source)

    def document_of(self, source: str, in_trash: bool = False) -> int | None:
        """The document here a source names (in the Trash too, if asked), or None."""
        info = self._sources.get(_source_key(source)) or (self._in_trash.get(_source_key(source)) if in_trash else None)
        return info.id if info is not None else None

    def in_the_trash(self, source: str) -> str | None:
        """The file name of the document in the Trash here a source names, if one is."""
        trashed = self._in_trash.get(_source_key(source))
        return trashed.file_name if trashed is not None else None

    def take(self, incoming: Incoming, annotation_id: int) -> None:
        """Remember the annotation here an entry was taken for: a link or a citation naming the entry's passage
        ends at it (one moved here since had a second highlight made on the old words for the link). Where the
        file does not name its passages, two entries on the same words taken for two annotations leave the words
        untold."""
        if incoming.target:
            self._by_target[incoming.target] = annotation_id
        key = self._key(incoming)
        if self._taken.setdefault(key, annotation_id) != annotation_id:
            self._untold.add(key)

    def in_trash(self, incoming: Incoming, annotation_id: int) -> None:
        """Remember the annotation in the Trash here an entry is: a link or a citation naming its passage ends at
        it, not at another note on its words (audit BJ F1)."""
        if incoming.target:
            self._by_target[incoming.target] = annotation_id

    def to_be_made(self, incoming: Incoming, new: NewAnnotation) -> None:
        """Remember the annotation an entry will be made as (`made` gives its id)."""
        if incoming.target:
            self._to_make[incoming.target] = new

    def made(self, ids: dict[NewAnnotation, int]) -> None:
        for target, new in self._to_make.items():
            self._by_target[target] = ids[new]

    def taken(self, passage: Incoming) -> int | None:
        return self._taken.get(self._key(passage))

    def untold(self, incoming: Incoming) -> None:
        """Remember an entry that is one of several notes here which cannot be told apart: a link or a citation
        naming its passage is not made through one of them (which would be a guess)."""
        if incoming.target:
            self._untold_targets.add(incoming.target)
        self._untold.add(self._key(incoming))

    def named(self, end: Incoming) -> int | None:
        """The annotation here a link's or a citation's end is, where the file names its passage by the entry it
        is (this program's exports do): two notes on the same words are told apart by it. A file not holding that
        entry (an export of one document holds the notes of its links' near ends only) names a note here by its
        id, where its words are the end's (live or in the Trash: audit BK F8)."""
        if not end.target:
            return None
        return self._by_target[end.target] if end.target in self._by_target else self._named_here(end)

    def _named_here(self, end: Incoming) -> int | None:
        here = self._note_named(end)
        return here.id if is_the_same(here, end, self, notes=False) and at_its_place(here, self.of(end)) else None

    def named_in_the_trash(self, end: Incoming) -> int | None:
        """The note a passage names by its id on a document in the Trash here, where its words are the passage's:
        of two notes on the same words there, the one meant (a citation was matched by its words alone, and the
        other kept; audit BM F1)."""
        here = self._note_named(end)
        return here.id if is_the_same(here, end, self, notes=False, in_trash=True) else None

    def _note_named(self, end: Incoming) -> Annotation | None:
        """The note here (in the Trash too) whose id the file gives a passage, if one has it: maybe another note,
        in another library."""
        number = our_number(end.target.removeprefix(f"{URN}:annotation:").removesuffix("#target"))
        found = self._annotations.cited(number) if number is not None else None
        return found[0] if found is not None else None

    def is_twin(self, end: Incoming) -> bool:
        """Whether a link's or a citation's end names an entry that is one of twins here (`untold`)."""
        return bool(end.target) and end.target in self._untold_targets

    def is_untold(self, passage: Incoming) -> bool:
        return self._key(passage) in self._untold

    @staticmethod
    def _key(incoming: Incoming) -> tuple:
        return _source_key(incoming.source), incoming.quote, incoming.position

    def forget_orphans(self) -> None:
        self._orphans.clear()

    def orphans(self, document_id: int) -> list[Annotation]:
        """A document's orphaned notes (read once): one read back before is not kept twice."""
        if document_id not in self._orphans:
            self._orphans[document_id] = [a for a in self._annotations.for_document(document_id)
                                          if a.anchor_status == ORPHAN]
        return self._orphans[document_id]

    def of(self, incoming: Incoming) -> Passage | str:
        """The passage's place, or why it has none."""
        info = self._sources.get(_source_key(incoming.source))
        if info is None and (trashed := self.in_the_trash(incoming.source)) is not None:
            return f"{incoming.label}: its document {trashed} is in the Trash here (restore it, then read the file " \
                "again)"
        if info is None:
            return f"{incoming.label}: its document {named_source(incoming.source)} is not in this library"
        if info.id not in self._texts:
            self._texts[info.id] = self._documents.text(info.id).text
        place = _place(incoming, self._texts[info.id])
        if place is None:
            return f"{incoming.label}: its quote was not found in {info.file_name}"
        return Passage(info.id, *place)


def _by_source(documents: list) -> dict[str, object]:
    """Documents by the keys of the IRIs naming them: their URL or DOI, or this program's URN on the file name; then
    the URN on the name unencoded, as files before 2026-12 wrote it, where no IRI of today is spelled so ('a b.txt'
    is 'a%20b.txt' today, the name of another file then: its notes went there, audit CA C9)."""
    found = {_source_key(document_iri(info)): info for info in documents}
    for info in documents:
        found.setdefault(_source_key(f"{URN}:document:{info.file_name}"), info)
    return found


def end_of(end: Incoming, places: Places) -> Passage | int | str:
    """Where a link's end is: its passage, else the orphaned note of its words on its document (one the file
    brought, or one here before: a link to a note whose words a corrected text lost), else why it is nowhere."""
    if places.is_twin(end):
        return f"{end.label}: its passage is one of several notes here made at one moment, which cannot be told apart"
    if (named := places.named(end)) is not None:
        return named
    if places.is_untold(end):  # the words of several notes, and the file does not name the one it means
        return f"{end.label}: its words are those of several notes here, and the file does not say which it means"
    if (taken := places.taken(end)) is not None:
        return taken
    passage = places.of(end)
    document_id = places.document_id(end)
    if not isinstance(passage, str) or document_id is None or end.quote is None:
        return passage
    return next((orphan.id for orphan in places.orphans(document_id) if orphan.quote.exact == end.quote.exact),
                passage)


def by_its_id(label: str, kind: str, get):
    """The annotation or link of this database that an entry of its own export names by its id (None if the label
    is not one, or names nothing here). The text may have changed since: the entry's quote may be found nowhere,
    yet the note is here. An id names something else in another database: `is_the_same` checks it is the one."""
    prefix = f"{URN}:{kind}:"
    number = our_number(label[len(prefix):]) if label.startswith(prefix) else None
    return None if number is None else fetched(get, number)


def our_number(written: str) -> int | None:
    """The id an IRI's end gives, if it can be one of this library's (a number SQLite holds: a larger one failed the
    whole reading, audit BO F13)."""
    return int(written) if written.isdigit() and int(written) < 2 ** 63 else None


def fetched(get, item_id: int):
    try:
        return get(item_id)
    except ReaderError:
        return None


def is_the_same(here: Annotation | None, incoming: Incoming, places: Places, notes: bool = True,
                in_trash: bool = False) -> bool:
    """Whether an annotation here is the one an entry describes: in its document (in the Trash too, if asked), the
    same quote (and note and tags)."""
    return (here is not None and incoming.quote is not None
            and places.document_of(incoming.source, in_trash) == here.document_id
            and here.quote.exact == incoming.quote.exact and (not notes or says_the_same(here, incoming)))


def at_its_place(here: Annotation, passage: Passage | str) -> bool:
    """Whether an entry's words are found where the annotation here is, or nowhere (the text changed since): the
    same word elsewhere is another highlight (audit BF F7, BI F4)."""
    return isinstance(passage, str) or (passage.start, passage.end) == (here.start, here.end)


def says_the_same(here: Annotation, incoming: Incoming) -> bool:
    """The same note and tags: an entry read back is not added again."""
    return (written_note(here.note) == written_note(incoming.note)
            and folded_tags(here.tags) == folded_tags(incoming.tags))


def written_note(note: str) -> str:
    """A note as exports write it: one of blank space only is none."""
    return note if note.strip() else ""


def folded_tags(tags) -> frozenset[str]:
    return frozenset(tag_key(tag) for tag in clean_tags(tags))


def newer_kept(there: str, here: str, take: Callable[[], str], report: AnnotationImportReport, kind: str) -> None:
    """One thing (of `kind`) changed in two copies, at `there` in the file's and `here` in this one: the newer change
    is kept (`take` takes the file's and says what it changed); two of one moment are left as they are, and said."""
    if not there:
        report.settle("undated", kind)  # which is newer, nothing says
    elif there > here:
        report.changed.append(take())
        report.settle("updated", kind)
    elif there == here:
        report.settle("same_moment", kind)  # which is later, nothing says
    else:
        report.settle("newer_here", kind)


def named_source(source: str) -> str:
    """A document as a line names it: the file name of one of ours, else the address the file gives."""
    ours = f"{URN}:document:"
    if not source.startswith(ours):
        return source
    name = source[len(ours):]
    return unquote(name) if quote(unquote(name), safe="") == name else name  # 'receipt%41.txt' of an older file
    # is that name, not 'receiptA.txt' (audit CA C15)


def _place(incoming: Incoming, text: str) -> tuple[int, int] | None:
    position = incoming.position
    if incoming.quote is not None:
        result = locate(text, incoming.quote, position.start if position else 0, position.end if position else 0)
        return (result.start, result.end) if result.status == ANCHORED else None
    if position is not None and position.end <= len(text):
        return position.start, position.end
    return None
