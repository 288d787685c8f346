"""Exports in every format, checked as a reader of each would: W3C schemas, round trip, TEI text, escaping."""

import csv
import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from reader.core.export import tei
from reader.core.export.csv_format import neutralise
from reader.core.export.items import Scope
from reader.core.workspace import Workspace
from tests.conftest import TEXTS

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "web-annotation"


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMAS.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents.get("id", path.name), Resource(contents=contents, specification=DRAFT4)))
    return Registry().with_resources(resources)


def _must_assertions() -> list[dict]:
    test = json.loads((SCHEMAS / "annotations" / "annotationMusts.test").read_text(encoding="utf-8"))
    return [json.loads((SCHEMAS / name).read_text(encoding="utf-8")) for name in test["assertions"]]


@pytest.fixture
def annotated(workspace, shared_model):
    """Two conflicting accounts tagged and linked, a note with markup, and recognised entities."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    first = workspace.annotations.create_at_quote(workspace.documents.resolve("000_8339fa2bec93c400.txt").id,
                                                  "The two met on November 15, 1934.",
                                                  note="=HYPERLINK(\"x\") <script>alert(1)</script> **15 or 24?**",
                                                  tags=["meeting-1934"], color="pink")
    second = workspace.annotations.create_at_quote(workspace.documents.resolve("002_ff824666d88bbe20.txt").id,
                                                   "November 24, 1934", tags=["meeting-1934", "date"])
    workspace.links.link(first.id, second.id, "contradicts", "15 or 24 November?")
    return workspace


def test_jsonld_passes_the_w3c_must_assertions(annotated):
    """Every annotation of the JSON-LD export (highlights, notes, tags, links, mentions) passes the MUST schemas."""
    exported = json.loads(annotated.export.export("jsonld", mentions=True))
    items = exported["first"]["items"]
    assert exported["type"] == "AnnotationCollection" and exported["total"] == len(items)
    assert {item["motivation"] for item in items} >= {"commenting", "tagging", "linking", "identifying"}
    registry = _registry()
    for schema in _must_assertions():
        validator = Draft4Validator(schema, registry=registry)
        for item in items:
            valid = validator.is_valid(item)
            assert valid == (schema.get("expectedResult", "valid") == "valid"), (schema["id"], item["id"])


def test_jsonld_round_trip(annotated, tmp_path):
    """Export -> import into an empty database with the same documents -> export gives the same annotations."""
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS])
    report = fresh.export.import_annotations(path)
    assert (report.placed, report.skipped) == (2, [])

    def essentials(workspace):
        return sorted((a.quote.exact, a.start, a.end, a.note, tuple(a.tags), a.color)
                      for a in workspace.annotations.all())

    assert essentials(fresh) == essentials(annotated)
    fresh.close()


def test_import_reports_what_it_cannot_place(annotated, tmp_path):
    """An annotation on an unknown document or with a quote that is nowhere is reported, not dropped silently."""
    collection = json.loads(annotated.export.export("jsonld"))
    item = collection["first"]["items"][0]
    item["target"]["selector"][1]["exact"] = "a sentence that no document contains anywhere at all"
    other = json.loads(json.dumps(item))
    other["target"]["source"] = "http://example.org/unknown"
    path = tmp_path / "odd.jsonld"
    path.write_text(json.dumps([item, other]), encoding="utf-8")
    report = annotated.export.import_annotations(path)
    assert report.placed == 0 and len(report.skipped) == 2
    assert "quote was not found" in report.skipped[0] and "not a document" in report.skipped[1]


def test_csv_has_every_field_and_neutralises_formulas(annotated):
    """One row per annotation with every field; a note starting with '=' cannot run as a formula."""
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv"))))
    assert len(rows) == 2
    assert {"document", "quote", "prefix", "suffix", "start", "end", "note", "tags", "color", "links", "created",
            "modified"} <= set(rows[0])
    assert rows[0]["note"].startswith("'=HYPERLINK")
    assert "contradicts" in rows[0]["links"]
    assert neutralise("+1") == "'+1" and neutralise("@x") == "'@x" and neutralise("-2") == "'-2"


def test_markdown_groups_by_document_with_citations(annotated):
    """Markdown: a heading per document, the quote as a blockquote, the note, tags and the link."""
    text = annotated.export.export("md")
    assert "## Genden Falls into Disfavor" in text
    assert "> The two met on November 15, 1934." in text
    assert "#meeting-1934" in text and "*contradicts*: “November 24, 1934”" in text
    assert "https://doi.org/10.22162/2619-0990-2021-55-3-428-435" in text


def test_html_escapes_user_text(annotated):
    """A note with <script> shows as text in the HTML report; the entity index is there."""
    html = annotated.export.export("html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Index of entities" in html


def test_tei_is_well_formed_and_keeps_the_text(annotated):
    """TEI: names and dates marked, notes and links present, and the text identical once markup is stripped."""
    xml = annotated.export.export("tei")
    root = etree.fromstring(xml.encode("utf-8"))
    namespace = {"t": tei.TEI}
    assert root.findall(".//t:persName", namespace) and root.findall(".//t:date[@when]", namespace)
    assert root.findall(".//t:note/t:relation[@name='contradicts']", namespace)
    for info in annotated.documents.list():
        assert tei.plain_text(xml, info.id) == annotated.documents.text(info.id).text


def test_scopes(annotated):
    """A document, a tag or a search result narrows the export."""
    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    assert len(annotated.export.items(Scope(document_id=document_id))) == 1
    assert len(annotated.export.items(Scope(tag="date"))) == 1
    assert len(annotated.export.items(Scope(annotation_ids=frozenset()))) == 0
