"""Reading W3C Web Annotations back: our own exports and other tools' annotations with TextQuote or TextPosition
selectors on documents we have, and the links ('linking' annotations) between them. Each is anchored by quote first
(the text may have changed), then by position.

The shape of every entry is checked first (`w3c_shape`); each document's text is read once and every annotation is
written in one bulk transaction, so the time grows with the file, not with its square.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from reader.core.annotations.links import LinkService
from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService, NewAnnotation, TakenEdit
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.export.w3c_links import link_one
from reader.core.export.w3c_notebook import note_one
from reader.core.export.w3c_places import (
    Places,
    at_its_place,
    by_its_id,
    folded_tags,
    is_the_same,
    says_the_same,
    written_note,
)
from reader.core.export.w3c_shape import Incoming, IncomingLink, IncomingNote, entries_of, parse_entry
from reader.core.records.annotations import DEFAULT_COLOR, Annotation, Passage, TextQuote
from reader.core.records.exports import AnnotationImportReport
from reader.core.records.tags import split_by_commas, tag_key
from reader.core.wording import listed, one_line


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
    places = Places(documents, annotations)
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
    places.made(dict(zip(placed, annotations.create_many(list(placed)), strict=True)))
    places.forget_orphans()  # the file's own orphans are here now: its links may end at them
    report.placed = len(placed) - report.orphaned
    for link in linking:
        link_one(link, places, annotations, links, report)
    kept = {(n.document_id, n.title, n.body): n for n in notebook.all_notes()} if noting else {}
    moments = Counter((note.about, note.created) for note in noting)
    for note in noting:  # a note is known by its moment where the file made no other on its document then
        note_one(note, places, annotations, notebook, kept, report, moments[(note.about, note.created)] == 1)
    return report


def _place_one(incoming: Incoming, places: Places, annotations: AnnotationService,
               placed: dict[NewAnnotation, None], report: AnnotationImportReport) -> None:
    ours = by_its_id(incoming.label, "annotation", annotations.get)
    passage = places.of(incoming)
    if _named_by_its_id(ours, incoming, passage, places, annotations):
        _settle_edit(ours, incoming, annotations, report)
        places.take(incoming, ours.id)
        return
    if is_the_same(ours, incoming, places) and _where_it_is(ours, incoming, passage):  # this database's own export
        report.already += 1
        places.take(incoming, ours.id)
        return
    document_id = places.document_id(incoming)
    if isinstance(passage, str) and document_id is not None and incoming.quote is not None:
        _keep_orphan(incoming, document_id, places, placed, report)
    elif isinstance(passage, str):
        report.skipped.append(passage)
    elif (taken := _place_at(passage, incoming, annotations, places, placed, report)) is not None:
        places.take(incoming, taken)


def _named_by_its_id(ours: Annotation | None, incoming: Incoming, passage: Passage | str, places: Places,
                     annotations: AnnotationService) -> bool:
    """Whether the annotation the entry's id names here is the entry's (this database's own export, or a file
    copy's; in another library an id names another annotation): made at the same moment, on the same words where the
    entry places them (the same word elsewhere is another highlight, audit BF F7), and the only one made then on
    them (two made in one second, one maybe in the Trash, are not told apart, BF F6). Its words need not be found:
    the text may have changed since, yet the note is here."""
    return (_made_together(ours, incoming) and is_the_same(ours, incoming, places, notes=False)
            and _where_it_is(ours, incoming, passage)
            and len(_MadeThen(annotations, ours.document_id, incoming.created).over(ours.start, ours.end)) == 1)


def _where_it_is(ours: Annotation, incoming: Incoming, passage: Passage | str) -> bool:
    """Whether the entry's words are where the annotation here is (`at_its_place`). An entry giving its words alone
    (a note in review, exported as its quote) says nothing of where: its words were found at their first place, and
    read back here a second note was made there (BJ F11)."""
    return incoming.position is None or at_its_place(ours, passage)


def _place_at(passage: Passage, incoming: Incoming, annotations: AnnotationService, places: Places,
              placed: dict[NewAnnotation, None], report: AnnotationImportReport) -> int | None:
    """An entry whose words are found here: the annotation made at its moment on them (or, moved by one copy,
    overlapping them), one saying the same, or a new one. Returns the annotation here it was taken for, if one
    (one of several that cannot be told apart is remembered so in `places`)."""
    made = _MadeThen(annotations, passage.document_id, incoming.created)
    twins = made.over(passage.start, passage.end)
    if len(twins) > 1:
        return _one_of_twins(twins, incoming, places, report)
    if twins and twins[0][1]:
        report.in_trash += 1  # removed here since the other copy was made: not brought back unasked
        places.in_trash(incoming, twins[0][0].id)
        return None
    here = annotations.at(passage.document_id, passage.start, passage.end)
    if not twins and here is not None and says_the_same(here, incoming):
        report.already += 1
        return here.id
    if not incoming.created and (trashed := _trashed_saying_the_same(passage, incoming, annotations)) is not None:
        report.in_trash += 1  # an undated entry (dates are optional): the one in the Trash saying the same is it
        places.in_trash(incoming, trashed.id)
        return None
    same = twins[0][0] if twins else made.moved(passage.start, passage.end)  # moved by one copy since, maybe
    if same is not None:
        _settle_edit(same, incoming, annotations, report, (passage.start, passage.end))
        return same.id
    if here is not None and not incoming.created:  # an edit of it, or another note: no date tells (BZ F4)
        report.beside_notes.append(f"“{one_line(here.quote.exact, 40)}”")
    _queue(_made_of(incoming, passage.document_id, passage.start, passage.end), incoming, places, placed, report)
    return None


def _trashed_saying_the_same(passage: Passage, incoming: Incoming,
                             annotations: AnnotationService) -> Annotation | None:
    trashed = annotations.in_trash_at(passage.document_id, passage.start, passage.end)
    return trashed if trashed is not None and says_the_same(trashed, incoming) else None


def _one_of_twins(twins: list[tuple[Annotation, bool]], incoming: Incoming, places: Places,
                  report: AnnotationImportReport) -> int | None:
    """Several notes on the entry's words made at its moment (a script's, in one second; some maybe in the Trash):
    the entry is one saying what it says (returned, if not in the Trash), else which it is cannot be told: none is
    changed, and its passage is untold for links and citations."""
    same = [(twin, in_trash) for twin, in_trash in twins if says_the_same(twin, incoming)]
    live = [twin for twin, in_trash in same if not in_trash]
    if live:
        report.already += 1
        return live[0].id
    if same:
        report.in_trash += 1
        places.in_trash(incoming, same[0][0].id)
    else:
        report.skipped.append(f"{incoming.label}: {len(twins)} notes here on its words were made at the same moment, "
                              "and which of them it is cannot be told: none was changed")
        places.untold(incoming)
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


def _keep_orphan(incoming: Incoming, document_id: int, places: Places, placed: dict[NewAnnotation, None],
                 report: AnnotationImportReport) -> None:
    """Its document is here, its words are not (a note orphaned before the backup, or since): kept, not lost, unless
    an orphan read back before is it."""
    if any(a.quote.exact == incoming.quote.exact and says_the_same(a, incoming) for a in places.orphans(document_id)):
        report.already += 1
    elif _queue(_made_of(incoming, document_id, 0, 0, incoming.quote), incoming, places, placed, report):
        report.orphaned += 1


def _made_of(incoming: Incoming, document_id: int, start: int, end: int,
             orphan_quote: TextQuote | None = None) -> NewAnnotation:
    """The annotation an entry is made as, with its moments (yellow where the file gives no colour)."""
    return NewAnnotation(document_id, start, end, incoming.color or DEFAULT_COLOR, incoming.note, incoming.tags,
                         orphan_quote, incoming.created, incoming.modified, incoming.moments,
                         incoming.tags if incoming.tags_merged else None)


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
    tags, tags_here = tuple(incoming.tags), here.tags_at
    if incoming.tags_merged:  # another tool's, undated: its changes since last read, whatever the moments
        tags, tags_at, tags_here = _merged_tags(here, incoming.tags), max(tags_at, here.tags_at), ""
        annotations.keep_tags_read(here.id, incoming.tags)
    parts = [  # (part, whether the entry differs, its moment there, its moment here, what is taken of it)
        ("note", written_note(incoming.note) != written_note(here.note), note_at, here.note_at,
         (incoming.note, note_at)),
        ("tags", folded_tags(tags) != folded_tags(here.tags), tags_at, tags_here,
         (tags, tags_at)),  # compared as tags are matched: by their folded names
        ("color", color != here.color, color_at, here.color_at, (color, color_at)),
        ("place", place != (here.start, here.end), place_at, here.place_at, (place, place_at))]
    differing = [part for part in parts if part[1]]
    taken = {name: edit for name, _differs, there, ours, edit in differing if there and there > ours}
    left_out = incoming.modified and any(not there for _name, _differs, there, _ours, _edit in differing)
    report.left_out += bool(left_out)  # a note or tags the file does not give (cleared there, or never written):
    # kept here, and said, whatever else is taken
    if taken:
        annotations.take_edit(here.id, TakenEdit(**taken))
        report.settle("updated")
        report.changed.append(_changes(here, taken))
    elif not differing:
        report.already += 1
    elif any(there == ours for _name, _differs, there, ours, _edit in differing):
        report.settle("same_moment")  # two edits of one moment: which is later, nothing says
    elif any(not there for _name, _differs, there, _ours, _edit in differing):
        if not left_out:  # an entry the file gives no date
            report.settle("undated")
    else:
        report.settle("newer_here")


def _merged_tags(here: Annotation, given: tuple[str, ...]) -> tuple[str, ...]:
    """The tags here, less those another tool took out since it was last read, with those it added (matched by their
    folded names): a tag the user took out here stays out while the tool still gives it. Never read before (a note
    made here, or read before the tags were kept), the tool's tags are only added."""
    before = set(folded_tags(here.tags_read or ()))
    taken_out = before - folded_tags(given)
    kept = tuple(tag for tag in here.tags if tag_key(tag) not in taken_out)
    keys = folded_tags(kept)
    return (*kept, *(tag for tag in given if tag_key(tag) not in keys | before))


def _changes(here: Annotation, taken: dict[str, tuple]) -> str:
    """What an update read back changes of an annotation here: "the note and the colour of “…”"."""
    fields = [name for part, name in (("note", "the note"), ("tags", "the tags"), ("color", "the colour"),
                                      ("place", "the place")) if part in taken]
    return f"{listed(fields)} of “{one_line(here.quote.exact, 60)}”"


def _queue(new: NewAnnotation, incoming: Incoming, places: Places, placed: dict[NewAnnotation, None],
           report: AnnotationImportReport) -> bool:
    """Queue the annotation to be made, unless the file listed it before (then it is already here)."""
    places.to_be_made(incoming, new)
    if new in placed:
        report.already += 1
        return False
    placed[new] = None
    return True
