"""Citations and exports of passages in paged documents name the page: "p. ii", <pb n="ii"/>, page=2."""

from __future__ import annotations

import csv
import io
import json

import pytest
from jsonschema import Draft4Validator
from lxml import etree

from reader.core.export import tei
from tests.core.pdf_samples import hand_pdf
from tests.core.test_export import _must_assertions, _registry

PAGES = ["The preface of the minutes", "Chapter one tells of the purge", "Chapter two tells of the treaty"]


@pytest.fixture
def paged(empty_workspace, tmp_path):
    """A three-page PDF labelled i, ii, 1, with a note on page 'ii' and one on page '1'."""
    path = hand_pdf(tmp_path / "minutes.pdf", PAGES, labels="0 << /S /r >> 2 << /S /D >>")
    empty_workspace.documents.import_paths([path])
    document_id = empty_workspace.documents.resolve("minutes.pdf").id
    empty_workspace.annotations.create_at_quote(document_id, "the purge", note="Which purge?")
    empty_workspace.annotations.create_at_quote(document_id, "the treaty", tags=["treaty"])
    return empty_workspace


def test_markdown_html_and_csv_cite_the_printed_page(paged):
    """Each passage's citation says the label of the page it starts on."""
    markdown = paged.export.export("md")
    assert "(p. ii, characters" in markdown and "(p. 1, characters" in markdown
    html = paged.export.export("html")
    assert "<p class='meta page'>p. ii</p>" in html and "<p class='meta page'>p. 1</p>" in html
    rows = list(csv.DictReader(io.StringIO(paged.export.export("csv"))))
    assert {row["quote"]: row["page"] for row in rows} == {"the purge": "ii", "the treaty": "1"}


def test_tei_has_a_page_break_at_each_page_start_and_keeps_the_text(paged):
    """<pb n="i"/>, <pb n="ii"/>, <pb n="1"/> stand where the pages start; stripping the markup gives the text."""
    document_id = paged.documents.resolve("minutes.pdf").id
    exported = paged.export.export("tei")
    root = etree.fromstring(exported.encode("utf-8"))
    assert [pb.get("n") for pb in root.iter(f"{{{tei.TEI}}}pb")] == ["i", "ii", "1"]
    assert tei.plain_text(exported, document_id) == paged.documents.text(document_id).text
    body = etree.tostring(root, encoding="unicode")
    assert '<pb n="ii"/>Chapter one' in body


def test_jsonld_carries_the_page_and_stays_valid(paged):
    """The target gains a FragmentSelector page=N refined by the quote; every MUST schema still passes."""
    items = json.loads(paged.export.export("jsonld"))["first"]["items"]
    fragments = {item["target"]["selector"][0]["end"]: item["target"]["selector"][2] for item in items}
    assert sorted(f["value"] for f in fragments.values()) == ["page=2", "page=3"]
    assert all(f["type"] == "FragmentSelector" and f["refinedBy"]["type"] == "TextQuoteSelector"
               for f in fragments.values())
    registry = _registry()
    for schema in _must_assertions():
        validator = Draft4Validator(schema, registry=registry)
        for item in items:
            assert validator.is_valid(item) == (schema.get("expectedResult", "valid") == "valid"), schema["id"]


def test_a_document_without_pages_cites_no_page(workspace):
    """Text files keep their citations as they were: no 'p.', an empty page column, no <pb/>."""
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    workspace.annotations.create_at_quote(document_id, "The two met on November 15, 1934.")
    assert "p. " not in workspace.export.export("md").split("characters")[0].rsplit("(", 1)[-1]
    assert [row["page"] for row in csv.DictReader(io.StringIO(workspace.export.export("csv")))] == [""]
    assert "<pb" not in workspace.export.export("tei")
