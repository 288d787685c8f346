"""Reading W3C Web Annotations back: our own exports and other tools' annotations with TextQuote or TextPosition
selectors on documents we have. Each is anchored by quote first (the text may have changed), then by position.

The shape of every entry is checked first (`w3c_shape`); each document's text is read once and every annotation is
written in one bulk transaction, so the time grows with the file, not with its square.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.anchoring import locate
from reader.core.annotations.service import AnnotationService, NewAnnotation
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.export.jsonld import document_iri
from reader.core.export.w3c_shape import Incoming, entries_of, parse_entry
from reader.core.records.annotations import ANCHORED
from reader.core.records.exports import AnnotationImportReport


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
        raise ReaderError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from exc
    except RecursionError as exc:
        raise ReaderError(f"{path}: its JSON is nested too deeply to be annotations") from exc


def import_annotations(path: Path, documents: DocumentService, annotations: AnnotationService
                       ) -> AnnotationImportReport:
    entries, problem = entries_of(read_json(path))
    if problem:
        raise ReaderError(f"{path}: {problem}")
    report = AnnotationImportReport()
    sources = {}
    for info in documents.list():
        sources[document_iri(info)] = info
        sources[f"urn:annotated-reader:document:{info.file_name}"] = info
    texts: dict[int, str] = {}
    placed: list[NewAnnotation] = []
    for number, entry in enumerate(entries, 1):
        incoming = parse_entry(entry, number)
        if isinstance(incoming, str):
            report.skipped.append(incoming)
        elif incoming is not None:
            _place_one(incoming, sources, documents, texts, placed, report)
    annotations.create_many(placed)
    report.placed = len(placed)
    return report


def _place_one(incoming: Incoming, sources: dict, documents: DocumentService, texts: dict[int, str],
               placed: list[NewAnnotation], report: AnnotationImportReport) -> None:
    info = sources.get(incoming.source)
    if info is None:
        report.skipped.append(f"{incoming.label}: its target is not a document in this library")
        return
    if info.id not in texts:
        texts[info.id] = documents.text(info.id).text
    place = _place(incoming, texts[info.id])
    if place is None:
        report.skipped.append(f"{incoming.label}: its quote was not found in {info.file_name}")
        return
    placed.append(NewAnnotation(info.id, place[0], place[1], incoming.color, incoming.note, incoming.tags))


def _place(incoming: Incoming, text: str) -> tuple[int, int] | None:
    position = incoming.position
    if incoming.quote is not None:
        result = locate(text, incoming.quote, position.start if position else 0, position.end if position else 0)
        return (result.start, result.end) if result.status == ANCHORED else None
    if position is not None and position.end <= len(text):
        return position.start, position.end
    return None
