"""W3C Web Annotation JSON-LD: an AnnotationCollection of highlights, notes, tags, links and (optionally) mentions.

Targets carry a TextPositionSelector (code points) and a TextQuoteSelector (exact, prefix, suffix), so other tools
can anchor them, and so can our own import.
"""

from __future__ import annotations

from urllib.parse import quote

from reader.core.export.items import ExportItem, NoteItem
from reader.core.records.annotations import ORPHAN, REVIEW, TextPosition, TextQuote
from reader.core.records.documents import DocumentInfo
from reader.core.records.entities import EntitySummary, Mention
from reader.core.records.pages import PageInfo

PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"  # page=N: the page's number in the file, counted from 1

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN = "urn:annotated-reader"
NOTEBOOK = f"{URN}:notebook"  # what a free-standing Notebook note citing nothing is about
IN_THE_TRASH_TERM = f"{URN}:inTrash"  # a cited passage the historian moved to the Trash (no W3C term says it): a
# copy of the library keeps it there, not a live highlight
GENERATOR = {"id": "https://github.com/annotated-reader", "type": "Software", "name": "Annotated Reader"}


def document_iri(document: DocumentInfo) -> str:
    """The IRI a target's source has: the document's URL or DOI if it has one, else a URN on its file name, percent-
    encoded (a space is no IRI's, and other tools read '#2 of…' in a name as a fragment)."""
    if document.metadata.doi:
        return f"https://doi.org/{document.metadata.doi}"
    return document.metadata.url or f"{URN}:document:{quote(document.file_name, safe='')}"


def target(document: DocumentInfo, position: TextPosition, quoted: TextQuote) -> dict:
    """A passage as a target: its position and its quote, written as the import reads them back (`from_w3c`)."""
    return {"type": "SpecificResource", "source": document_iri(document),
            "selector": [position.to_w3c(), quoted.to_w3c()]}


def passage_target(document: DocumentInfo, annotation) -> dict:
    """An annotation's passage as a target, named by the annotation (a link's or a Notebook citation's end is that
    note's passage, not another note's on the same words). One a new version of the text removed, or moved only to
    a proposed place (in review), is its quote alone, of the text as it was when the note was made (a TimeState): no
    position in today's text holds those words (a position and a quote that disagree would be read as the
    position)."""
    a = annotation
    if a.anchor_status not in (ORPHAN, REVIEW):
        found = target(document, TextPosition(a.start, a.end), a.quote)
    else:
        found = {"type": "SpecificResource", "source": document_iri(document), "selector": [a.quote.to_w3c()],
                 "state": {"type": "TimeState", "sourceDate": _timestamp(a.created_at)}}
    return {"id": f"{URN}:annotation:{a.id}#target", **found}


def annotation_json(item: ExportItem) -> dict:
    a = item.annotation
    bodies = [{"type": "TextualBody", "value": a.note, "format": "text/markdown", "purpose": "commenting",
               "modified": _timestamp(a.note_at)}] if a.note.strip() else []
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging", "modified": _timestamp(a.tags_at)}
               for tag in a.tags]
    motivation = "commenting" if a.note.strip() else "tagging" if a.tags else "highlighting"
    found = {
        "@context": CONTEXT, "id": f"{URN}:annotation:{a.id}", "type": "Annotation", "motivation": motivation,
        "created": _timestamp(a.created_at), "modified": _timestamp(a.modified_at), "generator": GENERATOR,
        "target": passage_target(item.document, a),
        "stylesheet": {"type": "CssStylesheet", "value": f".highlight {{ background-color: {a.color or 'yellow'} }}",
                       "modified": _timestamp(a.color_at)},
    }
    found["target"].update(styleClass="highlight", modified=_timestamp(a.place_at))
    if item.page is not None:
        found["target"]["selector"].append(page_selector(item.page, found["target"]["selector"][-1]))
    if bodies:
        found["body"] = bodies
    return found


def page_selector(page: PageInfo, quote: dict) -> dict:
    """The passage as "this quote on that page": a FragmentSelector for the page (RFC 3778, as PDF viewers read
    it) refined by the quote."""
    return {"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT, "value": f"page={page.index + 1}",
            "refinedBy": dict(quote)}


def link_json(item: ExportItem, link) -> dict:
    """A cross-reference as a 'linking' annotation whose targets are both passages, its source first; the relation
    is a tag."""
    ends = [passage_target(item.document, item.annotation), passage_target(link.other_document, link.other)]
    bodies = [{"type": "TextualBody", "value": link.relation, "purpose": "tagging"}]
    if link.note:
        bodies.append({"type": "TextualBody", "value": link.note, "purpose": "commenting"})
    return {
        "@context": CONTEXT, "id": f"{URN}:link:{link.link_id}", "type": "Annotation", "motivation": "linking",
        "created": _timestamp(link.created), "modified": _timestamp(link.modified), "generator": GENERATOR,
        "body": bodies, "target": ends if link.outgoing else ends[::-1],
    }


def notebook_json(note: NoteItem) -> dict:
    """A Notebook note as a 'commenting' annotation: its Markdown and title as bodies (with when they were changed),
    its targets the document it is on (the whole resource) and the passages it cites (with when its citations were
    changed); a free-standing note with no citation targets the Notebook."""
    bodies = [{"type": "TextualBody", "value": note.note.body, "format": "text/markdown", "purpose": "commenting",
               "modified": _timestamp(note.note.text_at)}]
    if note.note.title.strip():
        bodies.append({"type": "TextualBody", "value": note.note.title, "purpose": "describing"})
    cited = _timestamp(note.note.cited_at)  # when its citations were changed: another copy takes the newer, their
    # removal too, so a note citing nothing says it on its document or the Notebook
    whole = {"id": document_iri(note.about), "type": "Text"} if note.about is not None else {"id": NOTEBOOK}
    targets = [{**passage_target(item.document, item.annotation), "modified": cited,
                **({IN_THE_TRASH_TERM: True} if item.in_trash else {})} for item in note.cited]
    if note.about is not None or not targets:
        targets.insert(0, {**whole, "modified": cited})
    return {"@context": CONTEXT, "id": f"{URN}:notebook:{note.note.id}", "type": "Annotation",
            "motivation": "commenting", "created": _timestamp(note.note.created_at),
            "modified": _timestamp(note.note.modified_at), "generator": GENERATOR, "body": bodies,
            "target": targets}


def mention_json(mention: Mention, entity: EntitySummary, document: DocumentInfo, text: str) -> dict:
    authority = _authority(entity)
    body = {"id": authority} if authority else {"type": "TextualBody", "value": entity.name, "purpose": "identifying"}
    return {
        "@context": CONTEXT, "id": f"{URN}:mention:{document.id}:{mention.start}", "type": "Annotation",
        "motivation": "identifying", "body": body,
        "target": target(document, TextPosition(mention.start, mention.end), TextQuote(
            mention.text, text[max(0, mention.start - 32):mention.start], text[mention.end:mention.end + 32])),
    }


def collection(annotations: list[dict], label: str) -> dict:
    return {
        "@context": CONTEXT, "id": f"{URN}:collection", "type": "AnnotationCollection", "label": label,
        "total": len(annotations),
        "first": {"id": f"{URN}:collection:page1", "type": "AnnotationPage", "startIndex": 0, "items": annotations},
    }


def _authority(entity: EntitySummary) -> str:
    if entity.wikidata:
        return f"http://www.wikidata.org/entity/{entity.wikidata}"
    if entity.viaf:
        return f"http://viaf.org/viaf/{entity.viaf}"
    return f"http://sws.geonames.org/{entity.geonames}/" if entity.geonames else ""


def _timestamp(value: str) -> str:
    """ISO 8601 with a time zone, as the model requires (xsd:dateTime)."""
    stamp = value.replace(" ", "T")
    return stamp if stamp.endswith("Z") or "+" in stamp[10:] else stamp + "Z"
