"""Export and import of notes: one call per format over a scope, and W3C annotations read back and re-anchored."""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from reader.core.annotations.comparisons import ComparisonService
from reader.core.annotations.links import LinkService
from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService
from reader.core.documents.service import DocumentService
from reader.core.entities.service import EntityService
from reader.core.errors import ReaderError, WorkCancelled
from reader.core.export.items import Exported, ExportItem, LinkItem, NoteItem, Scope, keeps_note
from reader.core.export.paragraphs import paragraph_at, paragraph_starts
from reader.core.ops import operation
from reader.core.ranges import merge
from reader.core.records.annotations import ANCHORED, ORPHAN
from reader.core.records.comparisons import ComparisonFilter
from reader.core.records.documents import DocumentInfo
from reader.core.records.exports import AnnotationImportReport
from reader.core.records.pages import page_span
from reader.core.records.progress import Cancelled, Progress
from reader.core.storage.store import Store

PROGRESS_STEP = 1000  # annotations between progress reports (and checks for a cancel)
FORMATS = {"md": ".md", "csv": ".csv", "jsonld": ".jsonld", "tei": ".xml", "html": ".html", "geojson": ".geojson"}
ENDINGS = {"md": {".md", ".markdown"}, "csv": {".csv"}, "jsonld": {".jsonld", ".json"}, "tei": {".xml", ".tei"},
           "html": {".html", ".htm"}, "geojson": {".geojson", ".json"}}  # the names each format's files go by


def named_as(path: Path, fmt: str) -> Path:
    """`path` ending as `fmt`'s files do, for a format chosen: an ending of that format kept, another export's
    replaced, the format's added to any other name (a date's '.1934' is part of the name, and was cut, audit DQ F5)."""
    if path.suffix.lower() in ENDINGS[fmt]:
        return path
    return path.with_suffix(FORMATS[fmt]) if _of_an_export(path) else with_ending(path, fmt)


def with_ending(path: Path, fmt: str) -> Path:
    """`path` with `fmt`'s ending when it has none of an export's ("notes" was written with none, a file no program
    knew, audit DQ F5); one named as another format's is left to be refused as such."""
    return path if _of_an_export(path) else path.with_name(path.name + FORMATS[fmt])


def _of_an_export(path: Path) -> bool:
    return any(path.suffix.lower() in endings for endings in ENDINGS.values())


class ExportService:
    """Builds every export from the same items, so all formats agree on what a note, a tag or a link is."""

    def __init__(self, db: Store, documents: DocumentService, annotations: AnnotationService, links: LinkService,
                 comparisons: ComparisonService, entities: EntityService, notebook: NotebookService):
        self._db = db
        self._documents, self._annotations, self._links, self._entities = documents, annotations, links, entities
        self._comparisons, self._notebook = comparisons, notebook

    def items(self, scope: Scope | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> list[ExportItem]:
        """The annotations in `scope`, each with its links, document and page; `progress(done, total, "notes")`
        every thousand, and WorkCancelled as soon as `cancelled()` turns true (a hundred thousand take seconds)."""
        scope = scope or Scope()
        documents = {info.id: info for info in self._documents.list()}
        annotations = self._annotations.all()
        items, places = [], {}
        for done, annotation in enumerate(annotations):
            if done % PROGRESS_STEP == 0:
                _report(progress, cancelled, done, len(annotations))
            if not scope.keeps(annotation):  # an orphaned note too: every export keeps it, marked (ExportItem.where)
                continue
            links = tuple(LinkItem(entry.link.id, entry.link.relation, entry.outgoing, entry.other,
                                   documents[entry.other.document_id], entry.link.note, entry.link.created_at,
                                   entry.link.modified_at)
                          for entry in self._links.links_for(annotation.id) if scope.keeps_link(entry.link.id))
            items.append(self._item(annotation, documents[annotation.document_id], links, places))
        return items

    def _item(self, annotation, document: DocumentInfo, links: tuple, places: dict) -> ExportItem:
        """An annotation as exports show it, placed by page or paragraph (`places` keeps each document's); an
        orphaned one is placed nowhere."""
        if annotation.anchor_status == ORPHAN:
            return ExportItem(annotation, document, links)
        if document.id not in places:
            places[document.id] = self._places(document)
        pages, paragraphs, boilerplate = places[document.id]
        span = page_span(pages, annotation.start, annotation.end)
        first, last = span or (None, None)
        paragraph = None if span else paragraph_at(paragraphs, annotation.start)
        last_paragraph = None if span else paragraph_at(paragraphs, max(annotation.start, annotation.end - 1))
        quoted = boilerplate if annotation.anchor_status == ANCHORED else ()  # in review: the old text's quote
        return ExportItem(annotation, document, links, first, paragraph, last, quoted, last_paragraph=last_paragraph)

    def _places(self, document: DocumentInfo) -> tuple[list, list[int], tuple]:
        """A document's pages, or, when it has none, where its paragraphs start: what places a passage in it; and its
        boilerplate, merged, which the quotes leave out where they cross it."""
        boilerplate = self._documents.boilerplate(document.version_id)
        merged = tuple(merge((span.start, span.end) for span in boilerplate))
        pages = self._documents.version_pages(document.version_id)
        if pages:
            return pages, [], merged
        version = self._documents.version(document.version_id)  # a cited passage's document may be in the Trash
        return [], paragraph_starts(version.text, boilerplate), merged

    def notes(self, scope: Scope, items: list[ExportItem]) -> list[NoteItem]:
        """The notebook notes an export in `scope` takes (see `keeps_note`), each with the passages it cites (read
        one by one: a notebook cites a few passages, an export may hold a hundred thousand)."""
        exported = {item.annotation.id for item in items}
        kept = [note for note in self._notebook.all_notes() if keeps_note(scope, note, exported)]
        if not kept:
            return []
        documents = {info.id: info for info in self._documents.list()}
        cited, places = {}, {}
        for annotation_id in {i for note in kept for i in note.citations}:
            found = self._annotations.cited(annotation_id)
            if found is None:  # gone for good: nothing left to quote
                continue
            annotation, in_trash = found
            document = documents.get(annotation.document_id) or self._documents.get(annotation.document_id,
                                                                                     include_trashed=True)
            item = self._item(annotation, document, (), places)
            cited[annotation_id] = replace(item, in_trash=in_trash or document.id not in documents)
        return [NoteItem(note, documents.get(note.document_id), tuple(cited[i] for i in note.citations if i in cited))
                for note in kept]

    def export(self, fmt: str, scope: Scope | None = None, mentions: bool = False, group_by: str = "document") -> str:
        """The export as text; `mentions` adds entity mentions to JSON-LD ('identifying'); `group_by` (document, tag
        or entity) arranges the Markdown notes."""
        return self.rendered(fmt, scope, mentions, group_by)[0]

    def rendered(self, fmt: str, scope: Scope | None = None, mentions: bool = False, group_by: str = "document",
                 ) -> tuple[str, Exported]:
        """The export as text, and what it holds (for GeoJSON, its places): a script printing an empty export should
        be told nothing matched."""
        _check_choice(fmt, group_by)
        return self._built(fmt, scope or Scope(), mentions, group_by)

    def check_target(self, path: Path, fmt: str | None = None) -> None:
        """Refuse, in one line, a file no export may replace (the database's own files, or any database), and one
        named as another format's export (TEI written as 'notes.jsonld': read as JSON-LD, it fails)."""
        from reader.core.export.safe_write import check_target

        check_target(path, self._db.path)
        named = path.suffix.lower()
        if fmt in FORMATS and named not in ENDINGS[fmt] and any(named in ENDINGS[other] for other in ENDINGS):
            writers = " or ".join(other for other in ENDINGS if named in ENDINGS[other])
            raise ReaderError(f"{path.name} is named as a {writers} file, and the format chosen is {fmt}: name it "
                              f"{path.with_suffix(FORMATS[fmt]).name}, or choose {writers}")

    def write(self, fmt: str, path: Path, scope: Scope | None = None, mentions: bool = False,
              group_by: str = "document", progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> Exported:
        """Write the export to `path` (UTF-8) whole or not at all; returns what it holds (places, for GeoJSON).
        Cancelled (WorkCancelled) before the file is written, nothing is."""
        from reader.core.export.safe_write import write_text_atomically

        _check_choice(fmt, group_by)
        self.check_target(path, fmt)
        text, exported = self._built(fmt, scope or Scope(), mentions, group_by, progress, cancelled)
        _report(progress, cancelled, 1, 1)
        write_text_atomically(path, text, self._db.path, marked=fmt == "csv")
        return exported

    def _built(self, fmt: str, scope: Scope, mentions: bool, group_by: str, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> tuple[str, Exported]:
        """The export as text and what it holds: the annotations in scope and the Notebook notes it takes (read
        once, for the text and the count), or, for the map, its places."""
        if fmt == "geojson":
            text = self._geojson(scope)
            collection = json.loads(text)
            return text, Exported(len(collection["features"]), noun="place", unplaced=len(collection["unplaced"]))
        items = self.items(scope, progress, cancelled)
        notes = self.notes(scope, items)
        links = len({link.link_id for item in items for link in item.links})
        return self._render(fmt, items, scope, mentions, group_by, notes), Exported(len(items), len(notes),
                                                                                    links=links)

    def _render(self, fmt: str, items: list[ExportItem], scope: Scope, mentions: bool, group_by: str,
                notes: list[NoteItem]) -> str:
        from reader.core.export import csv_format, html_report, markdown, tei  # loaded on first export: faster start

        if fmt == "md":
            entities_of = self._entities_named(items) if group_by == "entity" else None
            return markdown.to_markdown(items, group_by, entities_of, notes=notes)
        if fmt == "csv":
            return csv_format.to_csv(items, notes)
        if fmt == "html":
            named = {name for names in self._entities_named(items).values() for name in names}
            return html_report.to_html(items, [e for e in self._entities.register() if e.name in named],
                                       notes=notes)
        if fmt == "tei":
            documents = self._tei_documents(items, scope)
            pages = {info.id: self._documents.version_pages(info.version_id) for info, *_ in documents}
            return tei.to_tei(documents, self._entities.register(), pages, notes=notes)
        return json.dumps(self._jsonld(items, scope, mentions, notes), ensure_ascii=False, indent=2)

    def _geojson(self, scope: Scope) -> str:
        """The register's places, or one document's (`--doc`): a map of what it names."""
        from reader.core.export.geojson import to_geojson

        if scope.tag or scope.annotation_ids is not None:
            raise ReaderError("the map export takes every place, or one document's: not a tag's or a search's")
        names = {info.id: info.file_name for info in self._documents.list()}
        documents_of = {entity_id: [names[d] for d in ids if d in names]
                        for entity_id, ids in self._entities.documents_of_entities().items()}
        wanted = names.get(scope.document_id)
        places = [place for place in self._entities.places()
                  if wanted is None or wanted in documents_of.get(place.entity.id, [])]
        return to_geojson(places, documents_of)

    def comparison_scope(self, wanted: ComparisonFilter | None = None) -> Scope:
        """The linked pairs the Comparisons view shows with these filters: the annotations on either side, with those
        links alone (an "elaborates" beside the contradictions chosen said more than was asked)."""
        pairs = self._comparisons.list(wanted)
        return Scope(annotation_ids=frozenset(side.annotation_id for pair in pairs for side in (pair.a, pair.b)),
                     link_ids=frozenset(pair.link_id for pair in pairs))

    def import_annotations(self, path: Path) -> AnnotationImportReport:
        """Read W3C annotations back onto the documents we have, one transaction for the whole file."""
        from reader.core.export.w3c_import import import_annotations

        with operation(self._db, "Import annotations"):
            return import_annotations(path, self._documents, self._annotations, self._links, self._notebook)

    def _jsonld(self, items: list[ExportItem], scope: Scope, with_mentions: bool, notes: list[NoteItem]) -> dict:
        from reader.core.export import jsonld

        annotations = [jsonld.annotation_json(item) for item in items]
        seen: set[int] = set()
        for item in items:
            for link in item.links:  # coming in too: an export of one document kept only the links going out
                if link.link_id not in seen:
                    seen.add(link.link_id)
                    annotations.append(jsonld.link_json(item, link))
        annotations += [jsonld.notebook_json(note) for note in notes]
        if with_mentions:
            annotations += self._mention_annotations(scope)
        return jsonld.collection(annotations, "Annotated Reader export")

    def _mention_annotations(self, scope: Scope) -> list[dict]:
        from reader.core.export import jsonld

        entities = {entity.id: entity for entity in self._entities.register()}
        found = []
        for info in self._documents.list():
            if scope.document_id in (None, info.id):
                text = self._documents.text(info.id).text
                found += [jsonld.mention_json(m, entities[m.entity_id], info, text)
                          for m in self._entities.mentions(info.id) if m.entity_id in entities]
        return found

    def _entities_named(self, items: list[ExportItem]) -> dict[int, tuple[str, ...]]:
        """For each annotation, the canonical names of the register entities mentioned inside its passage."""
        names = {entity.id: entity.name for entity in self._entities.register()}
        by_document: dict[int, list[ExportItem]] = {}
        for item in items:
            by_document.setdefault(item.document.id, []).append(item)
        found: dict[int, tuple[str, ...]] = {}
        for document_id, group in by_document.items():
            mentions = sorted((m for m in self._entities.mentions(document_id) if m.entity_id in names),
                              key=lambda m: m.start)
            starts = [m.start for m in mentions]
            longest = max((m.end - m.start for m in mentions), default=0)
            for item in group:
                start, end = item.annotation.start, item.annotation.end
                nearby = mentions[bisect_left(starts, start - longest):bisect_left(starts, end)]
                found[item.annotation.id] = tuple(dict.fromkeys(names[m.entity_id] for m in nearby if m.end > start))
        return found

    def _tei_documents(self, items: list[ExportItem], scope: Scope):
        """The documents a TEI export encodes, each whole: the one chosen, else those holding the notes exported
        (an export of five notes wrote 31 MB, every text of the library, noted or not)."""
        noted = {item.document.id for item in items}
        chosen = [info for info in self._documents.list()
                  if info.id == scope.document_id or scope.document_id is None and info.id in noted]
        return [(info, self._documents.text(info.id).text, self._entities.mentions(info.id),
                 [item for item in items if item.document.id == info.id]) for info in chosen]


def _check_choice(fmt: str, group_by: str) -> None:
    from reader.core.export.markdown import GROUPINGS

    if fmt not in FORMATS:
        raise ReaderError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if group_by not in GROUPINGS:
        raise ReaderError(f"cannot group notes by '{group_by}'; use one of {', '.join(GROUPINGS)}")


def _report(progress: Progress | None, cancelled: Cancelled | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise WorkCancelled()
    if progress is not None:
        progress(done, total, "notes")
