"""Reading links ('linking' annotations) back: each made between the passages its ends are placed on, unless it
is here already (its newer note kept), removed here, or a one-way link the other way."""

from __future__ import annotations

from reader.core.annotations.links import LinkService
from reader.core.annotations.service import AnnotationService
from reader.core.export.w3c_places import (
    Places,
    at_its_place,
    by_its_id,
    end_of,
    fetched,
    is_the_same,
    newer_kept,
)
from reader.core.export.w3c_shape import Incoming, IncomingLink
from reader.core.records.annotations import Annotation, Link
from reader.core.records.exports import AnnotationImportReport
from reader.core.records.relations import RELATIONS


def link_one(link: IncomingLink, places: Places, annotations: AnnotationService, links: LinkService,
             report: AnnotationImportReport) -> None:
    ours = by_its_id(link.label, "link", links.get)
    if ours is not None and ours.relation == link.relation and all(
            _ends_at(annotation_id, end, places, annotations)
            for annotation_id, end in zip((ours.from_annotation_id, ours.to_annotation_id), link.ends, strict=True)):
        _settle_link_note(ours, link, links, report)
        return
    ends = [end_of(end, places) for end in link.ends]
    problem = next((end for end in ends if isinstance(end, str)), None)
    if problem is not None:
        report.skipped.append(f"{problem} (a passage of a link)")
        return
    if ends[0] == ends[1]:  # linking a passage to itself would fail the whole import
        report.skipped.append(f"{link.label}: its two passages are the same passage")
        return
    one, two = (fetched(annotations.get, end) if isinstance(end, int) else
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
    if any(found is None and (isinstance(end, int) or annotations.in_trash_at(end.document_id, end.start, end.end))
           for found, end in ((one, ends[0]), (two, ends[1]))):  # (an annotation named, not live: in the Trash)
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


def _ends_at(annotation_id: int, end: Incoming, places: Places, annotations: AnnotationService) -> bool:
    """Whether a link's passage in the file is the annotation here its id's link ends at: the same words where the
    entry's are (in another library an id names another link; between the same words at another place, its note
    was written over that link's, audit BG F3)."""
    here = fetched(annotations.get, annotation_id)
    if not is_the_same(here, end, places, notes=False):
        return False
    found = end_of(end, places)
    if isinstance(found, int):
        return found == annotation_id
    return at_its_place(here, found)


def _settle_link_note(here: Link, link: IncomingLink, links: LinkService, report: AnnotationImportReport) -> None:
    """The same link here: the newer of the two notes is kept (one rewritten in another copy never arrived)."""
    if link.note == here.note:
        report.links_already += 1
        return

    def take() -> str:
        links.take_note(here.id, link.note, link.modified)
        return f"the note of a link ({RELATIONS.get(here.relation, here.relation)})"

    newer_kept(link.modified, here.modified_at, take, report, "link")
