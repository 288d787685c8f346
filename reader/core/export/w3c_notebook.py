"""Reading Notebook notes back: each made on its document citing its passages, unless it is here already (the
newer text kept, citations it lacked given) or in the Trash."""

from __future__ import annotations

from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService
from reader.core.export.w3c_places import (
    Places,
    end_of,
    named_source,
    newer_kept,
)
from reader.core.export.w3c_shape import IncomingNote
from reader.core.records.annotations import NotebookNote
from reader.core.records.exports import AnnotationImportReport
from reader.core.wording import one_line


def note_one(note: IncomingNote, places: Places, annotations: AnnotationService, notebook: NotebookService,
             kept: dict[tuple, NotebookNote], report: AnnotationImportReport, alone_then: bool) -> None:
    """Make a Notebook note on its document, citing its passages (highlighted first where no annotation covers one
    exactly). One already here, the same words on the same document, is not made again, but given the citations
    it lacks that can be placed now: read before its documents were imported, it had cited nothing, for good."""
    about = places.document_of(note.about) if note.about else None
    if note.about and about is None:
        report.skipped.append(f"{note.label}: the document it is on, {named_source(note.about)}, is not in this "
                              "library")
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

    newer_kept(note.text_at, here.text_at, take, report)  # its text's moment: citations added are no rewriting
    return True


def _cited(note: IncomingNote, places: Places, annotations: AnnotationService,
           report: AnnotationImportReport) -> list[int]:
    """The annotations a note cites that can be placed, each passage without one highlighted; one in the Trash here
    is cited there, as a note here keeps citing a highlight moved to the Trash (highlighting its words again, audit
    BH F7, or citing nothing, unsaid, BI F9, lost it); each other said."""
    cited = []
    for passage in note.cited:
        end = end_of(passage, places)
        if isinstance(end, str):
            report.skipped.append(f"{end} (a passage a Notebook note cites)")
        elif isinstance(end, int):
            cited.append(end)
        elif (here := annotations.at(end.document_id, end.start, end.end)) is not None:
            cited.append(here.id)
        elif (trashed := annotations.in_trash_at(end.document_id, end.start, end.end)) is not None:
            cited.append(trashed.id)
        else:
            cited.append(annotations.create(end.document_id, end.start, end.end).id)
    return list(dict.fromkeys(cited))
