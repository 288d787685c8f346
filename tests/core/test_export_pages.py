"""Citations and exports of passages in paged documents name the page: "p. ii", <pb n="ii"/>, page=2."""

from __future__ import annotations

import csv
import io
import json

import pytest
from jsonschema import Draft4Validator
from lxml import etree

from reader.core.export import tei
from reader.core.ranges import merge, quote_without
from reader.core.records.pages import PageInfo, page_citation, page_span
from tests.core.pdf_samples import article_pdf, hand_pdf
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


@pytest.fixture
def across(empty_workspace, tmp_path):
    """The article (running head and folio on every page), with a note from the foot of page 2 onto page 3, across
    page 2's folio and page 3's running head."""
    empty_workspace.documents.import_paths([article_pdf(tmp_path / "article.pdf")])
    document_id = empty_workspace.documents.resolve("article.pdf").id
    text = empty_workspace.documents.text(document_id).text
    start = text.index("larger than any before them.")
    end = text.index("Amar, who followed") + len("Amar, who followed")
    empty_workspace.annotations.create(document_id, start, end, note="Across the page break")
    return empty_workspace


def test_a_passage_over_a_page_break_is_cited_as_both_pages_without_the_page_furniture(across):
    """The citation names the page range ("pp. 2–3", en dash); the quote leaves out the folio and running head it
    crosses (boilerplate of that version), while the stored annotation keeps its quote as it was."""
    [annotation] = across.annotations.all()
    assert "\n2\n\nA HISTORY OF MONGOLIA\n" in annotation.quote.exact  # stored as it stands in the text
    cleaned = "larger than any before them. Amar, who followed"
    markdown = across.export.export("md")
    assert f"> {cleaned}\n>\n" in markdown and "(pp. 2–3, characters" in markdown
    assert "A HISTORY OF MONGOLIA" not in markdown.split("> larger")[1]
    html = across.export.export("html")
    assert f"id='a{annotation.id}'>{cleaned}</blockquote>" in html
    assert "<p class='meta page'>pp. 2–3</p>" in html
    [row] = csv.DictReader(io.StringIO(across.export.export("csv")))
    assert (row["quote"], row["page"]) == (cleaned, "2–3")


def test_boilerplate_a_passage_starts_in_is_quoted_and_one_page_is_one_page(across):
    """Only furniture strictly inside the passage is left out: a passage chosen from the running head on keeps it;
    a passage on one page is cited as that page alone."""
    document_id = across.documents.resolve("article.pdf").id
    text = across.documents.text(document_id).text
    start = text.index("A HISTORY OF MONGOLIA\n\nAmar")
    across.annotations.create(document_id, start, start + len("A HISTORY OF MONGOLIA\n\nAmar"))
    rows = {row["quote"]: row["page"] for row in csv.DictReader(io.StringIO(across.export.export("csv")))}
    assert rows["A HISTORY OF MONGOLIA\n\nAmar"] == "3"


def test_page_citation_names_one_page_or_a_range():
    """'p. 12' for a page, 'pp. ii–1' for a passage ending on a later page (the printed labels, an en dash)."""
    first, second = PageInfo(1, "ii", 0, 10, 595, 842), PageInfo(2, "1", 10, 20, 595, 842)
    assert page_citation(first) == page_citation(first, first) == "p. ii"
    assert page_citation(first, second) == "pp. ii–1"
    assert page_span([first, second], 3, 10) == (first, first)  # ends with page ii's last character
    assert page_span([first, second], 3, 11) == (first, second)
    assert page_span([], 3, 11) is None


def test_a_quote_leaves_out_only_the_boilerplate_strictly_inside_it():
    """Ranges inside the passage go, the pieces joined by a space; ranges at its edges or outside it stay."""
    text = "end of page.\n\n2\n\nHEAD\n\nNext page"
    hidden = merge([(14, 15), (17, 21)])
    assert quote_without(text, 0, hidden) == "end of page. Next page"
    assert quote_without(text[17:], 17, hidden) == text[17:]  # begins with the head: chosen, kept
    assert quote_without(text[:15], 0, hidden) == text[:15]  # ends with the folio
    assert quote_without(text[5:], 5, [(0, 3)]) == text[5:]
