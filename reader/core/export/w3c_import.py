"""Reading W3C Web Annotations back: our own exports and other tools' annotations with TextQuote or TextPosition
selectors on documents we have. Each is anchored by quote first (the text may have changed), then by position."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.anchoring import locate
from reader.core.annotations.models import ANCHORED, TextQuote
from reader.core.annotations.service import AnnotationService
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.export.jsonld import document_iri
from reader.core.export.service import AnnotationImportReport


def read_annotations(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReaderError(f"{path}: not a readable JSON-LD file ({exc})") from exc
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        return list(data.get("first", {}).get("items", []))
    if isinstance(data, dict) and data.get("type") == "AnnotationPage":
        return list(data.get("items", []))
    return data if isinstance(data, list) else [data]


def import_annotations(path: Path, documents: DocumentService, annotations: AnnotationService
                       ) -> AnnotationImportReport:
    report = AnnotationImportReport()
    sources: dict = {}
    for info in documents.list():
        sources[document_iri(info)] = info
        sources[f"urn:annotated-reader:document:{info.file_name}"] = info
    for entry in read_annotations(path):
        _import_one(entry, sources, documents, annotations, report)
    return report


def _import_one(entry: dict, sources: dict, documents: DocumentService, annotations: AnnotationService,
                report: AnnotationImportReport) -> None:
    label = str(entry.get("id", "an annotation without id"))
    if entry.get("motivation") in ("linking", "identifying"):
        return  # links are rebuilt from their annotations; mentions come from recognition
    target = entry.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if not isinstance(target, dict) or target.get("source") not in sources:
        report.skipped.append(f"{label}: its target is not a document in this library")
        return
    info = sources[target["source"]]
    place = _place(target, documents.text(info.id).text)
    if place is None:
        report.skipped.append(f"{label}: its quote was not found in {info.file_name}")
        return
    note, tags = _bodies(entry)
    annotations.create(info.id, place[0], place[1], note=note, tags=tags, color=_color(entry))
    report.placed += 1


def _place(target: dict, text: str) -> tuple[int, int] | None:
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if quote is not None:
        start, end = (position["start"], position["end"]) if position else (0, 0)
        result = locate(text, TextQuote(quote.get("exact", ""), quote.get("prefix", ""), quote.get("suffix", "")),
                        start, end)
        if result.status == ANCHORED:
            return result.start, result.end
        return None
    if position is not None and 0 <= position["start"] < position["end"] <= len(text):
        return position["start"], position["end"]
    return None


def _bodies(entry: dict) -> tuple[str, list[str]]:
    bodies = entry.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes = [b.get("value", "") for b in bodies if isinstance(b, dict) and b.get("purpose") != "tagging"]
    tags = [b.get("value", "") for b in bodies if isinstance(b, dict) and b.get("purpose") == "tagging"]
    if entry.get("bodyValue"):
        notes.append(entry["bodyValue"])
    return "\n\n".join(n for n in notes if n), [t for t in tags if t]


def _color(entry: dict) -> str:
    value = entry.get("stylesheet", {}).get("value", "") if isinstance(entry.get("stylesheet"), dict) else ""
    for color in ("yellow", "green", "blue", "pink", "orange", "purple"):
        if f"background-color: {color}" in value:
            return color
    return "yellow"
