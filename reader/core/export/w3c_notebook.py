"""Reading Notebook notes back: each made on its document citing its passages, unless it is here already (the
newer text and the newer citations kept, citations it lacked given) or in the Trash."""

from __future__ import annotations

from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService
from reader.core.export.w3c_places import (
    Places,
    end_of,
    named_source,
    newer_kept,
)
from reader.core.export.w3c_shape import Incoming, IncomingNote
from reader.core.records.annotations import NotebookNote, Passage
from reader.core.records.exports import AnnotationImportReport
from reader.core.wording import one_line


def note_one(note: IncomingNote, places: Places, annotations: AnnotationService, notebook: NotebookService,
             kept: dict[tuple, NotebookNote], report: AnnotationImportReport, alone_then: bool) -> None:
    """Make a Notebook note on its document, citing its passages (highlighted first where no annotation covers one
    exactly). One already here is not made again: made here at the entry's moment on its document (`alone_then`:
    the file made no other then; two made in one second, a script's, are not told apart), else the same words on
    the same document. Its text and its citations are each taken from the copy that changed them last (a citation
    added in one copy never reached the other, audit BI F3); one in the Trash here stays there."""
    about = places.document_of(note.about) if note.about else None
    if note.about and about is None:  # one in the Trash is said so, as a passage's is (it was "not in this
        # library", audit BM F4)
        trashed = places.in_the_trash(note.about)
        where = (f"{trashed}, is in the Trash here (restore it, then read the file again)" if trashed else
                 f"{named_source(note.about)}, is not in this library")
        report.skipped.append(f"{note.label}: the document it is on, {where}")
        return
    made = notebook.made_at(about, note.created) if alone_then and note.created else []
    if len(made) == 1 and made[0][1]:
        report.in_trash += 1
        return
    here = made[0][0] if len(made) == 1 else kept.get((about, note.title, note.body))  # the file's made so far too
    if here is None:
        kept[(about, note.title, note.body)] = notebook.create(
            note.body, note.title, about, _cited(note, [end_of(passage, places) for passage in note.cited], places,
                                                 annotations, report), note.created, note.modified, note.cited_at)
        report.notebook += 1
        return
    named = f"the Notebook note “{one_line(here.title or here.body, 60)}”"  # as it is named here before
    text_differs, taken = _settle_text(here, note, notebook, report, named)
    here = taken or here
    kept[(about, here.title, here.body)] = here
    if not _settle_citations(here, note, places, annotations, notebook, report, named, taken is not None,
                             counted=text_differs) and not text_differs:
        report.notes_already += 1


def _settle_text(here: NotebookNote, note: IncomingNote, notebook: NotebookService, report: AnnotationImportReport,
                 named: str) -> tuple[bool, NotebookNote | None]:
    """Whether the note's title and text differ here, and the note with the file's text if that was taken: the
    newer of the two texts kept (a note revised in one copy came back as a second note beside the first)."""
    if (here.title, here.body) == (note.title, note.body):
        return False, None
    taken = []

    def take() -> str:
        taken.append(notebook.take_edit(here.id, note.title, note.body, note.text_at))
        return f"the text of {named}"

    newer_kept(note.text_at, here.text_at, take, report, "Notebook note")  # its text's moment: citations added
    # are no rewriting
    return True, taken[0] if taken else None


def _settle_citations(here: NotebookNote, note: IncomingNote, places: Places, annotations: AnnotationService,
                      notebook: NotebookService, report: AnnotationImportReport, named: str, with_text: bool,
                      counted: bool) -> bool:
    """Whether the note's citations differ here; the newer kept (a citation taken out here since stays out); kept,
    the note is counted as newer here unless its text was `counted` already (one note was said as two, DN F5). A
    passage not placed here is the citation here on its words, if one is (its document in the Trash here: it was
    dropped, audit BJ F3; or kept the whole list from being taken, BK F11). Given at the same moment, or by a file
    giving no moment for them (none cited, an older export), the note is completed with those it lacks, none taken
    away: read before its documents were imported, it had cited nothing, for good."""
    ends = [end_of(passage, places) for passage in note.cited]
    theirs = _found(note, ends, places, annotations, here.citations)
    if list(dict.fromkeys(theirs)) == list(here.citations) or set(theirs) <= set(here.citations) and not note.cited_at:
        return False
    if note.cited_at and note.cited_at > here.cited_at:
        cited = _cited(note, ends, places, annotations, report, here.citations)
        if cited == list(here.citations):
            return False
        notebook.take_citations(here.id, cited, note.cited_at)
        _say_taken(report, named, with_text)
    elif not note.cited_at or note.cited_at == here.cited_at:
        given = _cited(note, ends, places, annotations, report, here.citations)
        lacking = [cited for cited in given if cited not in here.citations]
        if not lacking:
            return False
        notebook.complete_citations(here.id, [*given, *(cited for cited in here.citations if cited not in given)])
        # in the file's order, those here alone after (the lacking appended reordered the evidence, audit BZ F5)
        report.cited += len(lacking)
    elif not counted:
        report.settle("newer_here", "Notebook note")
    return True


def _say_taken(report: AnnotationImportReport, named: str, with_text: bool) -> None:
    """Say a note's citations taken: with its text, if that was just taken (one note, one update)."""
    if with_text:
        report.changed[-1] = f"the text and the citations of {named}"
    else:
        report.changed.append(f"the citations of {named}")
        report.settle("updated", "Notebook note")


def _annotation_of(end: Passage | int | str, annotations: AnnotationService) -> int | None:
    """The annotation here a citation's passage is (one in the Trash too), if one is yet."""
    if isinstance(end, (int, str)):
        return end if isinstance(end, int) else None
    found = annotations.at(end.document_id, end.start, end.end) or \
        annotations.in_trash_at(end.document_id, end.start, end.end)
    return found.id if found is not None else None


def _cited(note: IncomingNote, ends: list, places: Places, annotations: AnnotationService,
           report: AnnotationImportReport, here: tuple[int, ...] = ()) -> list[int]:
    """The annotations a note cites (`ends`: where its passages are, as `end_of` gives them) that can be placed, each
    passage without one highlighted; one in the Trash here is cited there, as a note here keeps citing a highlight
    moved to the Trash (highlighting its words again, audit BH F7, or citing nothing, unsaid, BI F9, lost it). A
    passage not placed is cited as `_on_a_trashed_document` finds it; each other is said."""
    cited = []
    for passage, end, found in zip(note.cited, ends, _found(note, ends, places, annotations, here), strict=True):
        if found is not None:
            cited.append(found)
        elif isinstance(end, str):
            report.skipped.append(f"{end} (a passage a Notebook note cites)")
        else:
            cited.append(annotations.create(end.document_id, end.start, end.end).id)
            if passage.in_trash:  # there: here too, not a live highlight the historian had removed (BZ F3)
                annotations.delete(cited[-1])
    return list(dict.fromkeys(cited))


def _found(note: IncomingNote, ends: list, places: Places, annotations: AnnotationService,
           here: tuple[int, ...]) -> list[int | None]:
    """The annotation here each cited passage is, where one is yet (`here`: the note's citations here)."""
    found: list[int | None] = []
    for passage, end in zip(note.cited, ends, strict=True):
        found.append(_on_a_trashed_document(passage, places, annotations, here, found) if isinstance(end, str)
                     else _annotation_of(end, annotations))
    return found


def _on_a_trashed_document(passage: Incoming, places: Places, annotations: AnnotationService,
                           here: tuple[int, ...], taken: list[int | None]) -> int | None:
    """A passage not placed here (its document in the Trash here) as a citation: the note its id names there, else
    the citation of `here` on its words (and at its position, if the file gives one) in its own document, not yet
    `taken` (its citation was dropped, audit BJ F3, and kept a newer list from being taken, BK F11; a citation of
    the same words elsewhere was taken for it, BL F5)."""
    if (named := places.named_in_the_trash(passage)) is not None:
        return named
    document_id = places.document_of(passage.source, in_trash=True)
    return next((c for c in here if c not in taken and passage.quote is not None
                 and (found := annotations.cited(c)) and found[0].document_id == document_id
                 and found[0].quote.exact == passage.quote.exact
                 and (passage.position is None or (passage.position.start, passage.position.end)
                      == (found[0].start, found[0].end))), None)
