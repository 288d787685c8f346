"""Reading W3C Web Annotations back: our own exports and other tools' annotations with TextQuote or TextPosition
selectors on documents we have, and the links ('linking' annotations) between them. Each is anchored by quote first
(the text may have changed), then by position.

The shape of every entry is checked first (`w3c_shape`); each document's text is read once and every annotation is
written in one bulk transaction, so the time grows with the file, not with its square.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from reader.core.anchoring import locate
from reader.core.annotations.links import LinkService
from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService, NewAnnotation, TakenEdit
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.export.jsonld import URN, document_iri
from reader.core.export.w3c_shape import Incoming, IncomingLink, IncomingNote, entries_of, parse_entry
from reader.core.records.annotations import ANCHORED, ORPHAN, Annotation, Link, NotebookNote, Passage
from reader.core.records.exports import AnnotationImportReport
from reader.core.records.relations import RELATIONS
from reader.core.records.tags import clean_tags, split_by_commas, tag_key
from reader.core.wording import one_line


def read_json(path: Path) -> object:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ReaderError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ReaderError(f"{path}: not UTF-8 text, so not a JSON-LD file") from exc
    except json.JSONDecodeError as exc:
        said = exc.msg.removesuffix(" at").removesuffix(" starting")  # 'Unterminated string starting at' + where
        raise ReaderError(f"{path}: not valid JSON: {said} at line {exc.lineno}, column {exc.colno}") from exc
    except RecursionError as exc:
        raise ReaderError(f"{path}: its JSON is nested too deeply to be annotations") from exc


def import_annotations(path: Path, documents: DocumentService, annotations: AnnotationService, links: LinkService,
                       notebook: NotebookService) -> AnnotationImportReport:
    """Place the file's annotations, then make its links between the passages and its Notebook notes (annotations
    already here, the same passage with the same note and tags, the same link or the same note, are counted and not
    added again)."""
    entries, problem = entries_of(read_json(path))
    if problem:
        raise ReaderError(f"{path}: {problem}")
    report = AnnotationImportReport()
    places = _Places(documents, annotations)
    placed: dict[NewAnnotation, None] = {}  # in the file's order; one listed twice in the file is placed once
    linking: list[IncomingLink] = []
    noting: list[IncomingNote] = []
    for number, entry in enumerate(entries, 1):
        incoming = parse_entry(entry, number)
        if isinstance(incoming, str):
            report.skipped.append(incoming)
        elif isinstance(incoming, IncomingLink):
            linking.append(incoming)
        elif isinstance(incoming, IncomingNote):
            noting.append(incoming)
        elif incoming is not None:
            report.split_tags += [given for given, _parts in split_by_commas(incoming.tags)]
            _place_one(incoming, places, annotations, placed, report)
    annotations.create_many(list(placed))
    places.forget_orphans()  # the file's own orphans are here now: its links may end at them
    report.placed = len(placed) - report.orphaned
    for link in linking:
        _link_one(link, places, annotations, links, report)
    kept = {(n.document_id, n.title, n.body): n for n in notebook.all_notes()} if noting else {}
    moments = Counter((note.about, note.created) for note in noting)
    for note in noting:  # a note is known by its moment where the file made no other on its document then
        _note_one(note, places, annotations, notebook, kept, report, moments[(note.about, note.created)] == 1)
    return report


_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)(10\.\S+?)/*$", re.IGNORECASE)


def _source_key(iri: str) -> str:
    """What names one document however a tool spells it: a DOI as a DOI (http or https, dx., 'doi:', any case:
    DOIs ignore case), another IRI without a closing slash."""
    doi = _DOI.match(iri.strip())
    return f"doi:{doi[1].lower()}" if doi else iri.strip().rstrip("/")


class _Places:
    """Where incoming passages go in the documents we have; each document's text is read once."""

    def __init__(self, documents: DocumentService, annotations: AnnotationService):
        self._documents, self._annotations = documents, annotations
        self._texts: dict[int, str] = {}
        self._orphans: dict[int, list[Annotation]] = {}
        self._taken: dict[tuple, int] = {}
        self._untold: set[tuple] = set()
        self._sources = {}
        for info in documents.list():
            self._sources[_source_key(document_iri(info))] = info
            self._sources[_source_key(f"urn:annotated-reader:document:{info.file_name}")] = info

    def document_id(self, incoming: Incoming) -> int | None:
        return self.document_of(incoming.source)

    def document_of(self, source: str) -> int | None:
        info = self._sources.get(_source_key(source))
        return info.id if info is not None else None

    def take(self, incoming: Incoming, annotation_id: int) -> None:
        """Remember the annotation here an entry was taken for: a link or a citation naming the entry's passage
        ends at it (one moved here since had a second highlight made on the old words for the link)."""
        self._taken[self._key(incoming)] = annotation_id

    def taken(self, passage: Incoming) -> int | None:
        return self._taken.get(self._key(passage))

    def untold(self, incoming: Incoming) -> None:
        """Remember an entry that is one of several notes here which cannot be told apart: a link or a citation
        naming its passage is not made through one of them (which would be a guess)."""
        self._untold.add(self._key(incoming))

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
        if info is None:
            return f"{incoming.label}: its document {_named(incoming.source)} is not in this library"
        if info.id not in self._texts:
            self._texts[info.id] = self._documents.text(info.id).text
        place = _place(incoming, self._texts[info.id])
        if place is None:
            return f"{incoming.label}: its quote was not found in {info.file_name}"
        return Passage(info.id, *place)


def _place_one(incoming: Incoming, places: _Places, annotations: AnnotationService,
               placed: dict[NewAnnotation, None], report: AnnotationImportReport) -> None:
    ours = _ours(incoming.label, "annotation", annotations.get)
    passage = places.of(incoming)
    if _named_by_its_id(ours, incoming, passage, places, annotations):
        _settle_edit(ours, incoming, annotations, report)
        places.take(incoming, ours.id)
        return
    if _same(ours, incoming, places):  # this database's own export
        report.already += 1
        return
    document_id = places.document_id(incoming)
    if isinstance(passage, str) and document_id is not None and incoming.quote is not None:
        _keep_orphan(incoming, document_id, places, placed, report)
    elif isinstance(passage, str):
        report.skipped.append(passage)
    elif (taken := _place_at(passage, incoming, annotations, placed, report)) is _UNTOLD:
        places.untold(incoming)
    elif taken is not None:
        places.take(incoming, taken)


_UNTOLD = -1  # what `_place_at` returns for an entry that is one of several notes here which cannot be told apart


def _named_by_its_id(ours: Annotation | None, incoming: Incoming, passage: Passage | str, places: _Places,
                     annotations: AnnotationService) -> bool:
    """Whether the annotation the entry's id names here is the entry's (this database's own export, or a file
    copy's; in another library an id names another annotation): made at the same moment, on the same words where the
    entry places them (the same word elsewhere is another highlight, audit BF F7), and the only one made then on
    them (two made in one second, one maybe in the Trash, are not told apart, BF F6). Its words need not be found:
    the text may have changed since, yet the note is here."""
    return (_made_together(ours, incoming) and _same(ours, incoming, places, notes=False)
            and (isinstance(passage, str) or (passage.start, passage.end) == (ours.start, ours.end))
            and len(_MadeThen(annotations, ours.document_id, incoming.created).over(ours.start, ours.end)) == 1)


def _place_at(passage: Passage, incoming: Incoming, annotations: AnnotationService,
              placed: dict[NewAnnotation, None], report: AnnotationImportReport) -> int | None:
    """An entry whose words are found here: the annotation made at its moment on them (or, moved by one copy,
    overlapping them), one saying the same, or a new one. Returns the annotation here it was taken for, if one
    (_UNTOLD: one of several that cannot be told apart)."""
    made = _MadeThen(annotations, passage.document_id, incoming.created)
    twins = made.over(passage.start, passage.end)
    if len(twins) > 1:
        return _one_of_twins(twins, incoming, report)
    if twins and twins[0][1]:
        report.in_trash += 1  # removed here since the other copy was made: not brought back unasked
        return None
    here = annotations.at(passage.document_id, passage.start, passage.end)
    if not twins and here is not None and _says_the_same(here, incoming):
        report.already += 1
        return here.id
    if not incoming.created and _trashed_saying_the_same(passage, incoming, annotations):
        report.in_trash += 1  # an undated entry (dates are optional): the one in the Trash saying the same is it
        return None
    same = twins[0][0] if twins else made.moved(passage.start, passage.end)  # moved by one copy since, maybe
    if same is not None:
        _settle_edit(same, incoming, annotations, report, (passage.start, passage.end))
        return same.id
    _queue(NewAnnotation(passage.document_id, passage.start, passage.end, incoming.color, incoming.note,
                         incoming.tags, None, incoming.created, incoming.modified, incoming.moments), placed, report)
    return None


def _trashed_saying_the_same(passage: Passage, incoming: Incoming, annotations: AnnotationService) -> bool:
    trashed = annotations.in_trash_at(passage.document_id, passage.start, passage.end)
    return trashed is not None and _says_the_same(trashed, incoming)


def _one_of_twins(twins: list[tuple[Annotation, bool]], incoming: Incoming,
                  report: AnnotationImportReport) -> int | None:
    """Several notes on the entry's words made at its moment (a script's, in one second; some maybe in the Trash):
    the entry is one saying what it says (returned, if not in the Trash), else which it is cannot be told, and none
    is changed."""
    same = [(twin, in_trash) for twin, in_trash in twins if _says_the_same(twin, incoming)]
    live = [twin for twin, in_trash in same if not in_trash]
    if live:
        report.already += 1
        return live[0].id
    if same:
        report.in_trash += 1
    else:
        report.skipped.append(f"{incoming.label}: {len(twins)} notes here on its words were made at the same moment, "
                              "and which of them it is cannot be told: none was changed")
        return _UNTOLD
    return None


class _MadeThen:
    """This library's annotations of a document made at an entry's moment (to the second), those in the Trash too:
    the same annotation in two copies of a library is one of them, on the entry's words or, moved by one copy since
    (an edge dragged), overlapping them. Read once for the questions asked of them."""

    def __init__(self, annotations: AnnotationService, document_id: int, created: str):
        self._made = annotations.made_at(document_id, created) if created else []

    def over(self, start: int, end: int) -> list[tuple[Annotation, bool]]:
        """Those over exactly these words, each with whether it is in the Trash: one, unless a script made several
        there in that second."""
        return [(a, trashed) for a, trashed in self._made if (a.start, a.end) == (start, end)]

    def moved(self, start: int, end: int) -> Annotation | None:
        """The live one overlapping these words, if it is the only one made then that does: two made in one second
        are not told apart by guessing, one in the Trash among them (another was taken for it, moved onto its
        words and given its note)."""
        found = [(a, trashed) for a, trashed in self._made if a.start < end and start < a.end]
        return found[0][0] if len(found) == 1 and not found[0][1] else None


def _keep_orphan(incoming: Incoming, document_id: int, places: _Places, placed: dict[NewAnnotation, None],
                 report: AnnotationImportReport) -> None:
    """Its document is here, its words are not (a note orphaned before the backup, or since): kept, not lost, unless
    an orphan read back before is it."""
    if any(a.quote.exact == incoming.quote.exact and _says_the_same(a, incoming) for a in places.orphans(document_id)):
        report.already += 1
    elif _queue(NewAnnotation(document_id, 0, 0, incoming.color, incoming.note, incoming.tags, incoming.quote,
                              incoming.created, incoming.modified, incoming.moments), placed, report):
        report.orphaned += 1


def _made_together(here: Annotation | None, incoming: Incoming) -> bool:
    """Whether an annotation here was made at the moment the entry's was: one annotation, in two copies."""
    return here is not None and bool(incoming.created) and here.created_at == incoming.created


def _settle_edit(here: Annotation, incoming: Incoming, annotations: AnnotationService,
                 report: AnnotationImportReport, place: tuple[int, int] | None = None) -> None:
    """The same passage, made at the same moment: one annotation, edited in one copy or both since (a newer export
    of the same library, or an older one read back). Its note's text, its tags and its mark (colour and place) are
    each taken from the copy that changed them last, once: a second highlight beside the first gave two notes
    saying different things, and one moment for all had a tag renamed in one copy give back an older text."""
    note_at, tags_at, color_at, place_at = incoming.moments
    color, place = incoming.color or here.color, place or (here.start, here.end)
    parts = [  # (part, whether the entry differs, its moment there, its moment here, what is taken of it)
        ("note", _written(incoming.note) != _written(here.note), note_at, here.note_at, (incoming.note, note_at)),
        ("tags", _folded_tags(incoming.tags) != _folded_tags(here.tags), tags_at, here.tags_at,
         (tuple(incoming.tags), tags_at)),  # compared as tags are matched: by their folded names
        ("color", color != here.color, color_at, here.color_at, (color, color_at)),
        ("place", place != (here.start, here.end), place_at, here.place_at, (place, place_at))]
    differing = [part for part in parts if part[1]]
    taken = {name: edit for name, _differs, there, ours, edit in differing if there > ours}
    if taken:
        annotations.take_edit(here.id, TakenEdit(**taken))
        report.updated += 1
        report.changed.append(_changes(here, taken))
    elif not differing:
        report.already += 1
    elif any(there == ours for _name, _differs, there, ours, _edit in differing):
        report.same_moment += 1  # two edits of one moment: which is later, nothing says
    else:
        report.newer_here += 1


def _folded_tags(tags) -> frozenset[str]:
    return frozenset(tag_key(tag) for tag in clean_tags(tags))


def _changes(here: Annotation, taken: dict[str, tuple]) -> str:
    """What an update read back changes of an annotation here: "the note and the colour of “…”"."""
    fields = [name for part, name in (("note", "the note"), ("tags", "the tags"), ("color", "the colour"),
                                      ("place", "the place")) if part in taken]
    said = ", ".join(fields[:-1]) + " and " + fields[-1] if len(fields) > 1 else "".join(fields)
    return f"{said} of “{one_line(here.quote.exact, 60)}”"


def _queue(new: NewAnnotation, placed: dict[NewAnnotation, None], report: AnnotationImportReport) -> bool:
    """Queue the annotation to be made, unless the file listed it before (then it is already here)."""
    if new in placed:
        report.already += 1
        return False
    placed[new] = None
    return True


def _link_one(link: IncomingLink, places: _Places, annotations: AnnotationService, links: LinkService,
              report: AnnotationImportReport) -> None:
    ours = _ours(link.label, "link", links.get)
    if ours is not None and ours.relation == link.relation and all(
            _ends_at(annotation_id, end, places, annotations)
            for annotation_id, end in zip((ours.from_annotation_id, ours.to_annotation_id), link.ends, strict=True)):
        _settle_link_note(ours, link, links, report)
        return
    ends = [_end_of(end, places) for end in link.ends]
    problem = next((end for end in ends if isinstance(end, str)), None)
    if problem is not None:
        report.skipped.append(f"{problem} (a passage of a link)")
        return
    if ends[0] == ends[1]:  # linking a passage to itself would fail the whole import
        report.skipped.append(f"{link.label}: its two passages are the same passage")
        return
    one, two = (_fetched(annotations.get, end) if isinstance(end, int) else
                annotations.at(end.document_id, end.start, end.end) for end in ends)
    if not _known_here(link, ends, one, two, annotations, links, report):
        links.link(ends[0], ends[1], link.relation, link.note)
        report.linked += 1
        if one is not None and two is not None:
            report.beside += [f"{link.relation} beside {entry.link.relation}" for entry in links.links_for(one.id)
                              if entry.other.id == two.id and entry.link.relation != link.relation]


def _known_here(link: IncomingLink, ends: list, one: Annotation | None, two: Annotation | None,
                annotations: AnnotationService, links: LinkService, report: AnnotationImportReport) -> bool:
    """Whether the link is here already (counted so), or was removed here, or one of its passages was: either is
    not made again unasked (a removed 'contradicts' came back, a trashed passage was highlighted again)."""
    if any(found is None and not isinstance(end, int) and annotations.in_trash_at(end.document_id, end.start,
                                                                                   end.end)
           for found, end in ((one, ends[0]), (two, ends[1]))):
        report.links_in_trash += 1
        return True
    if one is None or two is None:
        return False
    here = next((entry for entry in links.links_for(one.id)  # either way, as making it again is refused
                 if entry.other.id == two.id and entry.link.relation == link.relation), None)
    if here is not None and here.link.directed and not here.outgoing:  # a one-way link the other way: another claim
        report.skipped.append(f"{link.label}: these passages are linked the other way here "
                              f"({RELATIONS.get(link.relation, link.relation)}): not added; see Comparisons")
        return True
    if here is not None:
        _settle_link_note(here.link, link, links, report)
        return True
    if links.removed_between(one.id, two.id, link.relation):
        report.links_in_trash += 1
        return True
    return False


def _ends_at(annotation_id: int, end: Incoming, places: _Places, annotations: AnnotationService) -> bool:
    """Whether a link's passage in the file is the annotation here its id's link ends at: the same words where the
    entry's are (in another library an id names another link; between the same words at another place, its note
    was written over that link's, audit BG F3)."""
    here = _fetched(annotations.get, annotation_id)
    if not _same(here, end, places, notes=False):
        return False
    found = _end_of(end, places)
    if isinstance(found, int):
        return found == annotation_id
    return isinstance(found, str) or (found.start, found.end) == (here.start, here.end)  # str: its words are gone


def _settle_link_note(here: Link, link: IncomingLink, links: LinkService, report: AnnotationImportReport) -> None:
    """The same link here: the newer of the two notes is kept (one rewritten in another copy never arrived)."""
    if link.note == here.note:
        report.already += 1
        return

    def take() -> str:
        links.take_note(here.id, link.note, link.modified)
        return f"the note of a link ({RELATIONS.get(here.relation, here.relation)})"

    _newer_kept(link.modified, here.modified_at, take, report)


def _newer_kept(there: str, here: str, take: Callable[[], str], report: AnnotationImportReport) -> None:
    """One thing changed in two copies, at `there` in the file's and `here` in this one: the newer change is kept
    (`take` takes the file's and says what it changed); two of one moment are left as they are, and said."""
    if not there:
        report.undated += 1  # which is newer, nothing says
    elif there > here:
        report.changed.append(take())
        report.updated += 1
    elif there == here:
        report.same_moment += 1  # which is later, nothing says
    else:
        report.newer_here += 1


def _note_one(note: IncomingNote, places: _Places, annotations: AnnotationService, notebook: NotebookService,
              kept: dict[tuple, NotebookNote], report: AnnotationImportReport, alone_then: bool) -> None:
    """Make a Notebook note on its document, citing its passages (highlighted first where no annotation covers one
    exactly). One already here, the same words on the same document, is not made again, but given the citations
    it lacks that can be placed now: read before its documents were imported, it had cited nothing, for good."""
    about = places.document_of(note.about) if note.about else None
    if note.about and about is None:
        report.skipped.append(f"{note.label}: the document it is on, {_named(note.about)}, is not in this library")
        return
    if alone_then and _settled_as_made_then(note, about, notebook, kept, report):
        return
    here = kept.get((about, note.title, note.body))  # the Notebook's notes, and the file's made so far
    if here is not None and not (note.modified and here.modified_at == note.modified):  # changed since it was read
        report.already += 1  # (a citation the user took out is theirs to keep out)
        return
    cited = _cited(note, places, annotations, report)
    if here is None:
        kept[(about, note.title, note.body)] = notebook.create(note.body, note.title, about, cited, note.created,
                                                               note.modified)
        report.notebook += 1
        return
    lacking = [annotation_id for annotation_id in cited if annotation_id not in here.citations]
    if not lacking:
        report.already += 1
        return
    kept[(about, note.title, note.body)] = notebook.complete_citations(here.id, [*here.citations, *lacking])
    report.cited += len(lacking)


def _settled_as_made_then(note: IncomingNote, about: int | None, notebook: NotebookService,
                          kept: dict[tuple, NotebookNote], report: AnnotationImportReport) -> bool:
    """A note made here at the entry's moment, on its document, is the same note: one in the Trash stays there; the
    newer of two texts is kept (a note revised in one copy came back as a second note beside the first). Whether
    it settled the entry; the same text goes on to have its citations completed. Two made in one second (a
    script's) are not told apart: then the text alone tells."""
    made = notebook.made_at(about, note.created) if note.created else []
    if len(made) != 1:
        return False
    here, trashed = made[0]
    if trashed:
        report.in_trash += 1
        return True
    if (here.title, here.body) == (note.title, note.body):
        return False

    def take() -> str:
        kept[(about, note.title, note.body)] = notebook.take_edit(here.id, note.title, note.body, note.text_at)
        return f"the text of the Notebook note “{one_line(here.title or here.body, 60)}”"

    _newer_kept(note.text_at, here.text_at, take, report)  # its text's moment: citations added are no rewriting
    return True


def _cited(note: IncomingNote, places: _Places, annotations: AnnotationService,
           report: AnnotationImportReport) -> list[int]:
    """The annotations a note cites that can be placed, each passage without one highlighted; each other said."""
    cited = []
    for passage in note.cited:
        end = _end_of(passage, places)
        if isinstance(end, str):
            report.skipped.append(f"{end} (a passage a Notebook note cites)")
        elif isinstance(end, int):
            cited.append(end)
        else:
            here = annotations.at(end.document_id, end.start, end.end)
            cited.append(here.id if here else annotations.create(end.document_id, end.start, end.end).id)
    return list(dict.fromkeys(cited))


def _named(source: str) -> str:
    """A document as a line names it: the file name of one of ours, else the address the file gives."""
    ours = f"{URN}:document:"
    return source[len(ours):] if source.startswith(ours) else source


def _end_of(end: Incoming, places: _Places) -> Passage | int | str:
    """Where a link's end is: its passage, else the orphaned note of its words on its document (one the file
    brought, or one here before: a link to a note whose words a corrected text lost), else why it is nowhere."""
    if places.is_untold(end):  # the same passage as the twin told: which the link means, nothing says either
        return f"{end.label}: its passage is one of several notes here made at one moment, which cannot be told apart"
    if (taken := places.taken(end)) is not None:
        return taken
    passage = places.of(end)
    document_id = places.document_id(end)
    if not isinstance(passage, str) or document_id is None or end.quote is None:
        return passage
    return next((orphan.id for orphan in places.orphans(document_id) if orphan.quote.exact == end.quote.exact),
                passage)


def _ours(label: str, kind: str, get):
    """The annotation or link of this database that an entry of its own export names by its id (None if the label
    is not one, or names nothing here). The text may have changed since: the entry's quote may be found nowhere,
    yet the note is here. An id names something else in another database: `_same` checks it is the one."""
    prefix = f"{URN}:{kind}:"
    if not label.startswith(prefix) or not label[len(prefix):].isdigit():
        return None
    return _fetched(get, int(label[len(prefix):]))


def _fetched(get, item_id: int):
    try:
        return get(item_id)
    except ReaderError:
        return None


def _same(here: Annotation | None, incoming: Incoming, places: _Places, notes: bool = True) -> bool:
    """Whether an annotation here is the one an entry describes: in its document, the same quote (and note and
    tags)."""
    return (here is not None and incoming.quote is not None and places.document_id(incoming) == here.document_id
            and here.quote.exact == incoming.quote.exact and (not notes or _says_the_same(here, incoming)))


def _says_the_same(here: Annotation, incoming: Incoming) -> bool:
    """The same note and tags: an entry read back is not added again."""
    return _written(here.note) == _written(incoming.note) and _folded_tags(here.tags) == _folded_tags(incoming.tags)


def _written(note: str) -> str:
    """A note as exports write it: one of blank space only is none."""
    return note if note.strip() else ""


def _place(incoming: Incoming, text: str) -> tuple[int, int] | None:
    position = incoming.position
    if incoming.quote is not None:
        result = locate(text, incoming.quote, position.start if position else 0, position.end if position else 0)
        return (result.start, result.end) if result.status == ANCHORED else None
    if position is not None and position.end <= len(text):
        return position.start, position.end
    return None
