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

from reader.core.errors import ReaderError
from reader.core.export import tei
from reader.core.export.csv_format import neutralise
from reader.core.export.items import Scope
from reader.core.records.comparisons import ComparisonFilter
from reader.core.storage.store import with_functions
from reader.core.workspace import Workspace
from tests.conftest import TEXTS
from tests.core.library import upgraded

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
    """Every kind of annotation of the JSON-LD export (highlights, notes, tags, links, and a mention of each entity
    type: all mentions are made by one function) passes the MUST schemas."""
    exported = json.loads(annotated.export.export("jsonld", mentions=True))
    items = exported["first"]["items"]
    assert exported["type"] == "AnnotationCollection" and exported["total"] == len(items)
    assert {item["motivation"] for item in items} >= {"commenting", "tagging", "linking", "identifying"}
    mentions = {json.dumps(item.get("body"), sort_keys=True)[:40]: item for item in items
                if item["motivation"] == "identifying"}
    checked = [item for item in items if item["motivation"] != "identifying"] + list(mentions.values())[:8]
    registry = _registry()
    for schema in _must_assertions():
        validator = Draft4Validator(schema, registry=registry)
        for item in checked:
            valid = validator.is_valid(item)
            assert valid == (schema.get("expectedResult", "valid") == "valid"), (schema["id"], item["id"])


def test_jsonld_round_trip(annotated, tmp_path):
    """Export -> import into an empty database with the same documents -> export gives the same annotations and the
    same links (their relation and note): the cross-references had been left out without a word."""
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS])
    report = fresh.export.import_annotations(path)
    assert (report.placed, report.linked, report.skipped) == (2, 1, [])

    def essentials(workspace):
        return sorted((a.quote.exact, a.start, a.end, a.note, tuple(a.tags), a.color)
                      for a in workspace.annotations.all())

    def links(workspace):
        return sorted((link.link.relation, link.link.note, link.other.quote.exact)
                      for a in workspace.annotations.all() for link in workspace.links.links_for(a.id)
                      if link.outgoing)

    assert essentials(fresh) == essentials(annotated)
    assert links(fresh) == links(annotated) == [("contradicts", "15 or 24 November?", "November 24, 1934")]
    fresh.close()


def test_a_file_name_is_an_iri_in_json_ld_and_read_back_in_either_spelling(empty_workspace, tmp_path):
    """A document without URL or DOI was the source 'urn:annotated-reader:document:Letter #2 of 50% done?.txt':
    no IRI, and other tools read '#2…' as a fragment (audit BZ F1). Its name is percent-encoded, read back, and a
    file written before with the name as it is still places its notes."""
    (tmp_path / "Letter #2 of 50% done?.txt").write_text("Genden met Stalin in November 1934.\n", encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "Letter #2 of 50% done?.txt"])
    info = empty_workspace.documents.resolve("Letter #2 of 50% done?.txt")
    empty_workspace.annotations.create(info.id, 0, 6, note="who")
    exported = json.loads(empty_workspace.export.export("jsonld"))
    [item] = [item for item in exported["first"]["items"] if item["motivation"] == "commenting"]
    assert item["target"]["source"] == "urn:annotated-reader:document:Letter%20%232%20of%2050%25%20done%3F.txt"
    older = {**item, "target": {**item["target"], "source": "urn:annotated-reader:document:Letter #2 of 50% done?.txt"}}
    for number, entry in enumerate((item, older)):
        fresh = Workspace.open(tmp_path / f"fresh{number}.db")
        fresh.documents.import_paths([tmp_path / "Letter #2 of 50% done?.txt"])
        assert fresh.export.import_annotations(_file_of(tmp_path, [entry])).placed == 1
        fresh.close()


def test_an_undated_entry_placed_beside_a_note_on_the_same_words_is_said(empty_workspace, tmp_path):
    """Another tool's undated entry, its note corrected there, read again made a second note on the same words,
    unsaid (audit BZ F4): whether it is an edit or another note, nothing in the file tells, so both stand, said."""
    _one_document(empty_workspace)
    entry = {"type": "Annotation", "id": "https://other.tool/anno/7",
             "body": {"type": "TextualBody", "value": "first wording"},
             "target": {"source": "urn:annotated-reader:document:000_8339fa2bec93c400.txt",
                        "selector": {"type": "TextQuoteSelector", "exact": "The Fall of Genden"}}}
    empty_workspace.export.import_annotations(_file_of(tmp_path, [entry]))
    corrected = {**entry, "body": {"type": "TextualBody", "value": "corrected wording"}}
    report = empty_workspace.export.import_annotations(_file_of(tmp_path, [corrected]))
    assert report.placed == 1 and ("1 placed beside a note on the same words here, the file giving no date to tell "
                                   "an edit from another note (“The Fall of Genden”): both kept") in report.summary


def test_a_file_name_spelled_as_another_ones_iri_keeps_its_notes_apart(empty_workspace, tmp_path):
    """'a b.txt' is written 'a%20b.txt' in an IRI, which is how a file named 'a%20b.txt' was written before: the
    note on 'a b.txt' went to 'a%20b.txt' as an orphan (audit CA C9). The IRIs of today come first."""
    for name in ("a b.txt", "a%20b.txt"):
        (tmp_path / name).write_text(f"A letter filed as {name}.\n", encoding="utf-8")
        empty_workspace.documents.import_paths([tmp_path / name])
        empty_workspace.annotations.create(empty_workspace.documents.resolve(name).id, 0, 8, note=f"on {name}")
    empty_workspace.export.write("jsonld", tmp_path / "notes.jsonld")
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([tmp_path / "a b.txt", tmp_path / "a%20b.txt"])
    assert fresh.export.import_annotations(tmp_path / "notes.jsonld").placed == 2
    assert {(fresh.documents.get(a.document_id).file_name, a.note) for a in fresh.annotations.all()} == {
        ("a b.txt", "on a b.txt"), ("a%20b.txt", "on a%20b.txt")}
    fresh.close()
    missing = {"type": "Annotation", "id": "x:9", "body": {"type": "TextualBody", "value": "receipt"},
               "target": {"source": "urn:annotated-reader:document:receipt%41.txt",
                          "selector": {"type": "TextQuoteSelector", "exact": "A letter"}}}
    [reason] = empty_workspace.export.import_annotations(_file_of(tmp_path, [missing])).skipped
    assert "its document receipt%41.txt is not in this library" in reason  # an older file's name, as written
    # (it was said to be 'receiptA.txt', audit CA C15)


def _file_of(tmp_path, entries) -> Path:
    path = tmp_path / "incoming.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path


def _one_document(workspace, name: str = "000_8339fa2bec93c400.txt"):
    workspace.documents.import_paths([TEXTS / name])
    return workspace.documents.resolve(name)


def test_notes_read_back_keep_when_they_were_written(empty_workspace, tmp_path):
    """A library moved through its JSON-LD export had every note dated the day of the import: when a note was
    written and last changed is part of the research (the Note panel and the Trash show it)."""
    _one_document(empty_workspace)
    entry = {"type": "Annotation", "id": "x:1", "created": "2019-03-01T10:00:00Z",
             "modified": "2020-01-02T08:30:00+00:00", "body": {"type": "TextualBody", "value": "first reading"},
             "target": {"source": "urn:annotated-reader:document:000_8339fa2bec93c400.txt",
                        "selector": {"type": "TextQuoteSelector", "exact": "The Fall of Genden"}}}
    empty_workspace.export.import_annotations(_file_of(tmp_path, [entry]))
    [note] = empty_workspace.annotations.all()
    assert (note.created_at, note.modified_at) == ("2019-03-01T10:00:00+00:00", "2020-01-02T08:30:00+00:00")


def test_hypothesis_notes_keep_their_text_and_tags(empty_workspace, tmp_path):
    """Hypothesis's own annotations (its API's `text` and `tags`, and its search answer's `rows`) were placed as bare
    highlights, their notes and tags dropped without a word."""
    document = _one_document(empty_workspace)
    row = {"id": "hyp1", "uri": "urn:annotated-reader:document:000_8339fa2bec93c400.txt",
           "text": "A note written in Hypothesis", "tags": ["hyp-tag"], "created": "2021-05-06T07:08:09.000000+00:00",
           "updated": "2021-06-07T07:08:09.000000+00:00",
           "target": [{"source": "urn:annotated-reader:document:000_8339fa2bec93c400.txt",
                       "selector": [{"type": "TextQuoteSelector", "exact": "The Fall of Genden"}]}]}
    report = empty_workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    assert (report.placed, report.skipped) == (1, [])
    [note] = empty_workspace.annotations.for_document(document.id)
    assert (note.note, note.tags, note.created_at) == ("A note written in Hypothesis", ("hyp-tag",),
                                                       "2021-05-06T07:08:09+00:00")


def test_a_doi_is_the_same_document_however_it_is_written(empty_workspace, tmp_path):
    """A target written http://doi.org/…, dx.doi.org, doi:… or with another case was "not a document in this
    library", though the document carries that DOI."""
    document = _one_document(empty_workspace)
    empty_workspace.documents.update_metadata(document.id, {"doi": "10.22162/2619-0990-2021-56-4-123-135"})
    spellings = ["http://doi.org/10.22162/2619-0990-2021-56-4-123-135",
                 "https://dx.doi.org/10.22162/2619-0990-2021-56-4-123-135/",
                 "doi:10.22162/2619-0990-2021-56-4-123-135", "https://doi.org/10.22162/2619-0990-2021-56-4-123-135"]
    entries = [{"type": "Annotation", "id": f"x:{n}", "body": {"type": "TextualBody", "value": f"note {n}"},
                "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": "Genden"}}}
               for n, source in enumerate(spellings)]
    report = empty_workspace.export.import_annotations(_file_of(tmp_path, entries))
    assert (report.placed, report.skipped) == (4, [])


def test_a_link_to_an_orphaned_note_is_read_back_with_it(empty_workspace, tmp_path):
    """An orphaned note (its words gone from a corrected text) came back from a library's JSON-LD, but its
    "contradicts" link, shown in the library's other exports, was dropped as "its quote was not found"."""
    _one_document(empty_workspace)
    other = _one_document(empty_workspace, "002_ff824666d88bbe20.txt")
    gone = {"source": "urn:annotated-reader:document:000_8339fa2bec93c400.txt",
            "selector": {"type": "TextQuoteSelector", "exact": "Satlin Molotov and Voroshilov, in the old text"}}
    there = {"source": "urn:annotated-reader:document:002_ff824666d88bbe20.txt",
             "selector": {"type": "TextQuoteSelector", "exact": "November 24, 1934"}}
    entries = [{"type": "Annotation", "id": "x:orphan", "target": gone,
                "body": {"type": "TextualBody", "value": "typo Satlin"}},
               {"type": "Annotation", "id": "x:link", "motivation": "linking", "target": [gone, there],
                "body": [{"type": "TextualBody", "value": "contradicts", "purpose": "tagging"},
                         {"type": "TextualBody", "value": "link to orphan"}]}]
    report = empty_workspace.export.import_annotations(_file_of(tmp_path, entries))
    assert (report.orphaned, report.linked, report.skipped) == (1, 1, [])
    [orphan] = empty_workspace.review.orphans()
    [link] = empty_workspace.links.links_for(orphan.id)
    assert (link.link.relation, link.link.note, link.other.document_id) == ("contradicts", "link to orphan",
                                                                            other.id)


def test_a_notebook_citation_of_a_passage_in_the_trash_comes_back_in_the_trash(annotated, tmp_path):
    """A passage a Notebook note cites, moved to the Trash, came back from the JSON-LD as a live highlight with
    nothing on it, one the historian had removed (audit BZ F3): the file says it is in the Trash, and it comes back
    there, still cited."""
    first = annotated.annotations.all()[0]
    annotated.notebook.create("Which date?", title="Dates", citations=[first.id])
    annotated.annotations.delete(first.id)
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    [item] = [item for item in json.loads(path.read_text(encoding="utf-8"))["first"]["items"] if ":notebook:" in
              item["id"]]
    for schema in _must_assertions():  # still a valid Web Annotation, the mark beside
        valid = Draft4Validator(schema, registry=_registry()).is_valid(item)
        assert valid == (schema.get("expectedResult", "valid") == "valid"), schema["id"]
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS])
    assert fresh.export.import_annotations(path).skipped == []
    [note] = [note for note in fresh.notebook.all_notes() if note.title == "Dates"]
    [(cited, in_trash)] = [fresh.annotations.cited(annotation_id) for annotation_id in note.citations]
    assert in_trash and (cited.start, cited.end) == (first.start, first.end)
    assert (first.start, first.end) not in {(a.start, a.end) for a in fresh.annotations.all()}
    fresh.close()


def test_notebook_notes_go_through_jsonld_and_come_back(annotated, tmp_path):
    """The Notebook was in no JSON-LD export, and nothing said so: a library moved through it lost every free-standing
    note, note on a document and its citations. Each is an annotation (valid to the W3C schemas) read back as it was."""
    first = annotated.annotations.all()[0]
    document = annotated.documents.resolve("002_ff824666d88bbe20.txt")
    annotated.notebook.create("Which date? **15 or 24**", title="Dates", citations=[first.id])
    annotated.notebook.create("A whole-source remark", document_id=document.id)
    annotated.notebook.create("Free thought")
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    items = json.loads(path.read_text(encoding="utf-8"))["first"]["items"]
    notes = [item for item in items if ":notebook:" in item["id"]]
    assert len(notes) == 3
    registry = _registry()
    for schema in _must_assertions():
        validator = Draft4Validator(schema, registry=registry)
        for item in notes:
            assert validator.is_valid(item) == (schema.get("expectedResult", "valid") == "valid"), schema["id"]
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS])
    report = fresh.export.import_annotations(path)
    assert report.skipped == [] and report.notebook == 3

    def notebook(workspace):
        return sorted((n.title, n.body, workspace.documents.get(n.document_id).file_name if n.document_id else "",
                       tuple(workspace.annotations.get(c).quote.exact for c in n.citations))
                      for n in workspace.notebook.all_notes())

    assert notebook(fresh) == notebook(annotated)
    assert fresh.export.import_annotations(path).notebook == 0  # read twice: not added again
    fresh.close()


def test_a_notebook_note_read_before_its_documents_gets_its_citations_later(annotated, tmp_path):
    """Annotations read into a library without their documents made the Notebook note citing nothing; read again
    once the documents were imported, the note was "already here" and its citations never came. The second reading
    gives it the citations it can now place, and the lines of the first name the documents to import."""
    first = annotated.annotations.all()[0]
    annotated.notebook.create("Which date?", title="Dates", citations=[first.id])
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    fresh = Workspace.open(tmp_path / "fresh.db")
    report = fresh.export.import_annotations(path)
    assert report.notebook == 1 and any("000_8339fa2bec93c400.txt is not in this library" in line
                                        for line in report.skipped)
    fresh.documents.import_paths([TEXTS])
    again = fresh.export.import_annotations(path)
    [note] = fresh.notebook.all_notes()
    assert [fresh.annotations.get(c).quote.exact for c in note.citations] == [first.quote.exact]
    assert again.skipped == [] and "1 citation added" in again.summary
    assert fresh.export.import_annotations(path).summary == fresh.export.import_annotations(path).summary
    fresh.close()


def test_a_hypothesis_page_note_is_a_notebook_note_on_its_document(empty_workspace, tmp_path):
    """A note on a whole page (Hypothesis's page notes: a target with a source and no selector) was refused as "a
    whole resource, not a passage": it is a Notebook note on that document."""
    document = _one_document(empty_workspace)
    page_note = {"id": "hyp2", "text": "This article is partisan", "tags": ["bias"],
                 "target": [{"source": "urn:annotated-reader:document:000_8339fa2bec93c400.txt"}]}
    report = empty_workspace.export.import_annotations(_file_of(tmp_path, [page_note]))
    assert (report.notebook, report.skipped) == (1, [])
    [note] = empty_workspace.notebook.all_notes()
    assert (note.document_id, note.body) == (document.id, "This article is partisan\n\n#bias")


def test_importing_the_same_annotations_twice_adds_nothing(annotated, tmp_path):
    """A file read a second time finds its notes and links already there: every note had been doubled."""
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    before = len(annotated.annotations.all())
    report = annotated.export.import_annotations(path)
    assert (report.placed, report.linked, report.skipped) == (0, 0, [])
    assert (report.already, report.links_already) == (before, len(annotated.comparisons.list()))  # a link is no
    # annotation: "3 written" was read back as "4 already here" (audit DH 5)
    assert f"{before} annotations already here (not added again), 1 link already here" in report.summary
    assert len(annotated.annotations.all()) == before


def test_this_databases_own_export_is_already_here_after_the_text_changed(annotated, tmp_path):
    """Read back after a word inside a highlight was corrected, the program's own export finds that highlight by its
    id (the same quote, note and tags): it was reported as not placed, its quote no longer in the text, and the
    import exited 1 over a note that is there."""
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    text = annotated.documents.text(document_id).text
    annotated.documents.correct_text(document_id, text.replace("The two met on November 15", "The two met on 15 Nov"))
    report = annotated.export.import_annotations(path)
    assert (report.placed, report.skipped) == (0, [])
    assert (report.already, report.links_already) == (2, 1)


def test_a_link_of_a_passage_to_itself_is_reported_and_the_rest_imported(empty_workspace, tmp_path):
    """One 'linking' entry whose two targets are the same passage (another tool's, or two highlights on the same
    words) made the whole file fail with an error naming neither entry nor file: nothing was imported."""
    from tests.conftest import TEXTS

    empty_workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    source = "urn:annotated-reader:document:000_8339fa2bec93c400.txt"
    target = {"source": source, "selector": {"type": "TextQuoteSelector", "exact": "The Fall of Genden"}}
    entries = [{"type": "Annotation", "id": "x:note", "body": {"type": "TextualBody", "value": "a note"},
                "target": target},
               {"type": "Annotation", "id": "x:link", "motivation": "linking", "target": [target, target],
                "body": [{"type": "TextualBody", "value": "same_event", "purpose": "tagging"}]}]
    path = tmp_path / "self.jsonld"
    path.write_text(json.dumps(entries), encoding="utf-8")
    report = empty_workspace.export.import_annotations(path)
    assert report.placed == 1 and report.linked == 0
    assert report.skipped == ["x:link: its two passages are the same passage"]


def test_import_reports_what_it_cannot_place(annotated, tmp_path):
    """An annotation on an unknown document is reported, not dropped silently; one on a document here whose quote is
    nowhere in it is kept as an orphan (with its words, for Needs review), not dropped."""
    collection = json.loads(annotated.export.export("jsonld"))
    item = collection["first"]["items"][0]
    item["target"]["selector"][1]["exact"] = "a sentence that no document contains anywhere at all"
    other = json.loads(json.dumps(item))
    other["target"]["source"] = "http://example.org/unknown"
    path = tmp_path / "odd.jsonld"
    path.write_text(json.dumps([item, other]), encoding="utf-8")
    report = annotated.export.import_annotations(path)
    assert (report.placed, report.orphaned) == (0, 1) and len(report.skipped) == 1
    assert "its document http://example.org/unknown is not in this library" in report.skipped[0]
    assert [a.quote.exact for a in annotated.review.orphans()] == [
        "a sentence that no document contains anywhere at all"]


def test_a_passage_of_an_unpaged_text_is_placed_by_its_paragraph(annotated):
    """Web articles have no pages: a passage is cited by its paragraph (¶ 3, as citation styles do for unpaginated
    sources), counted as the text shows them, headings included, adverts not; Markdown had only 'characters
    289–318'."""
    document = annotated.documents.resolve("000_8339fa2bec93c400.txt")
    version = annotated.documents.text(document.id)
    start = version.text.index("The two met on November 15, 1934.")
    shown = [line for line in version.text[:start].split("\n") if line.strip()
             and not any(s.start <= version.text.index(line) < s.end for s in version.boilerplate)]
    paragraph = len(shown)  # the paragraph's own start is before the quote: it is counted too
    [item] = [i for i in annotated.export.items() if i.document.id == document.id]
    assert item.paragraph == paragraph and item.where == f"¶ {paragraph}"
    assert f"¶ {paragraph}, characters {start}–" in annotated.export.export("md")
    annotated.notebook.create("Which date?", "Meeting", None, [item.annotation.id])
    [note] = annotated.export.notes(Scope(), annotated.export.items())
    assert note.cited[0].where == f"¶ {paragraph}"  # a Notebook citation is placed as the passage's own entry is
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv"))))
    assert next(r for r in rows if r["document"] == document.file_name)["paragraph"] == str(paragraph)


def test_csv_rows_can_be_cited(annotated):
    """A row carries its source's author, date, address and DOI beside the title, so the spreadsheet cites it (it
    had only the file name and the title)."""
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv"))))
    abstract = next(row for row in rows if row["document"] == "002_ff824666d88bbe20.txt")
    meta = annotated.documents.resolve("002_ff824666d88bbe20.txt").metadata
    assert (abstract["author"], abstract["date"], abstract["url"], abstract["doi"]) == (
        meta.author, meta.date_published, meta.url, meta.doi)
    assert abstract["date"] == "2021-06" and abstract["doi"]


def test_html_links_lead_to_the_linked_passage(annotated):
    """In the HTML report a link's other passage is a link to its own entry when the report holds it: one could
    not jump from a claim to the account contradicting it."""
    from lxml import html as lxml_html

    page = lxml_html.fromstring(annotated.export.export("html"))
    targets = [a.get("href") for a in page.iter("a") if (a.get("href") or "").startswith("#")]
    assert targets and all(page.get_element_by_id(target[1:]) is not None for target in targets)


def test_csv_has_every_field_and_neutralises_formulas(annotated):
    """One row per annotation with every field; a note starting with '=' cannot run as a formula."""
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv"))))
    assert len(rows) == 2
    assert {"document", "quote", "prefix", "suffix", "start", "end", "note", "tags", "color", "links", "created",
            "modified"} <= set(rows[0])
    assert rows[0]["note"].startswith("'=HYPERLINK")
    assert "contradicts" in rows[0]["links"]
    assert neutralise("+1") == "'+1" and neutralise("@x") == "'@x" and neutralise("-2") == "'-2"


def test_a_quote_across_an_indented_paragraph_stays_a_quote_in_markdown(annotated):
    """A quote running into a paragraph the source indents kept the indent after '> ', which Markdown reads as a code
    block inside the quotation; and a note waiting in Needs review says so beside its place, quoting words the
    text no longer has at those characters."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    text = annotated.documents.text(document_id).text
    start = text.index("1934.\n\nGenden Gets Corrected")
    end = text.index("Judging by the tone") + len("Judging by the tone")
    annotated.annotations.create(document_id, start, end, note="spans a heading")
    exported = annotated.export.export("md")
    assert "\n> Judging by the tone" in exported and ">     " not in exported
    annotated.documents.correct_text(document_id, text.replace("The two met on November 15", "They met on 15 Nov"))
    exported = annotated.export.export("md")
    assert "needs review" in exported.split("> The two met on November 15, 1934.", 1)[1].split("\n\n", 1)[0]
    assert 'type="status">needs review' in annotated.export.export("tei")  # every format says so
    cited = exported.split("> The two met on November 15, 1934.", 1)[1].split("\n\n", 1)[0]
    assert "(needs review: quoted from an earlier version of the text; the current text may have it at ¶ " in cited
    [row] = [row for row in csv.DictReader(io.StringIO(annotated.export.export("csv"))) if row["status"]]
    assert row["status"] == "needs review: quoted from an earlier version of the text; start, end and paragraph " \
                            "are where the current text may have it"  # the CSV's columns too (audit DJ 12)
    assert cited.rstrip().endswith(")") and ", characters " in cited.split("may have it at", 1)[1]  # the characters
    # are the current text's, where the words quoted no longer stand (audit DG 9)
    [waiting] = [a for a in json.loads(annotated.export.export("jsonld"))["first"]["items"]
                 if isinstance(a["target"], dict) and "state" in a["target"]]  # the quote as it was: no position
    assert [s["type"] for s in waiting["target"]["selector"]] == ["TextQuoteSelector"]


def test_markdown_groups_by_document_with_citations(annotated):
    """Markdown: a heading per document, the quote as a blockquote, the note, tags and the link."""
    text = annotated.export.export("md")
    assert "## Genden Falls into Disfavor" in text
    assert "> The two met on November 15, 1934." in text
    assert "*Tags:* meeting-1934" in text and "*contradicts*: “November 24, 1934”" in text
    assert "https://doi.org/10.22162/2619-0990-2021-55-3-428-435" in text


def test_a_citation_gives_the_source_date_as_a_historian_writes_it(annotated):
    """A date published typed "c. 1935" was cited "1935 circa" (audit DB F8)."""
    from reader.core.export.items import citation

    document = annotated.documents.list()[0]
    annotated.documents.update_metadata(document.id, {"date_published": "c. 1935"})
    assert ", c. 1935" in citation(annotated.documents.get(document.id))


def test_html_escapes_user_text(annotated):
    """A note with <script> shows as text in the HTML report, its Markdown rendered; the entity index lists only
    entities named in the exported passages."""
    html = annotated.export.export("html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>15 or 24?</strong>" in html
    index = html[html.index("Index of entities"):]
    assert "Stalin" not in index or "Stalin" in "".join(item.annotation.quote.exact
                                                        for item in annotated.export.items())
    assert index.count("<li>") < len(annotated.entities.register())
    assert "mentions in the library)" in index  # the count is the library's, not the export's


def test_a_notes_headings_stand_below_the_reports_own_in_html(annotated):
    """A note beginning '# Heading' made an <h1> inside the report, level with its title and above its documents, a
    section of its own in a printed outline (audit BZ F7): a note's headings start below the report's (h4)."""
    document_id = annotated.documents.list()[0].id
    annotated.annotations.create(document_id, 0, 6, note="# Two dates\n\n## The 15th\n\nBaabar's.")
    html = annotated.export.export("html")
    assert "<h4>Two dates</h4>" in html and "<h5>The 15th</h5>" in html and html.count("<h1>") == 1


def test_html_lays_out_each_note_and_quote_in_its_own_direction(annotated):
    """An Arabic or Hebrew note was laid out left to right: each note and quote takes the direction of its text."""
    document_id = annotated.documents.list()[0].id
    annotated.annotations.create(document_id, 0, 6, note="ملاحظة عن المصدر")
    html = annotated.export.export("html")
    assert "<div class='note' dir='auto'><p>ملاحظة عن المصدر</p>" in html
    assert "<blockquote dir='auto'" in html


def test_tei_and_html_say_the_language_of_each_sources_text(annotated):
    """A Russian source's quotes were exported with no language, though each document's language is stored: a
    reader's screen reader, spell checker and hyphenation took them for English. TEI's text and HTML's quotes carry
    it (as the metadata names it, "Russian", or as a tag, "ru"); a language the program cannot name adds nothing."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    annotated.documents.update_metadata(document_id, {"language": "Russian"})
    assert "<blockquote dir='auto' lang='ru'" in annotated.export.export("html")
    assert 'xml:lang="ru"' in annotated.export.export("tei")
    annotated.documents.update_metadata(document_id, {"language": "Old Ruthenian, I think"})
    assert "<blockquote dir='auto' id='a1'>The two met" in annotated.export.export("html")
    assert 'xml:lang="ru"' not in annotated.export.export("tei") and 'xml:lang="en"' in annotated.export.export("tei")


def test_notebook_notes_are_in_the_markdown_and_html_exports(annotated):
    """A notebook note is a note: its title, its Markdown and the passages it cites are in the Markdown and HTML
    exports (they were left out, so the argument a historian wrote from the sources never left the program). A
    document's export takes the notes on it or citing it; a note's own headings cannot forge the export's."""
    meeting = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    other = annotated.documents.resolve("003_bfdd3a082e8d2a08.txt").id
    cited = annotated.export.items(Scope(document_id=meeting))[0].annotation
    annotated.notebook.create("Two dates, one meeting?\n# not a heading\n**15 or 24**", title="The meeting",
                              citations=[cited.id])
    annotated.notebook.create("Demid's *role*", title="Demid", document_id=other)
    text = annotated.export.export("md")
    notebook = text[text.index("## Notebook"):]
    assert "### The meeting" in notebook and "\\# not a heading" in notebook and "**15 or 24**" in notebook
    assert f"> {cited.quote.exact}" in notebook and "### Demid" in notebook
    html = annotated.export.export("html")
    assert "<h2>Notebook</h2>" in html and "<strong>15 or 24</strong>" in html and "<em>role</em>" in html
    only_meeting = annotated.export.export("md", Scope(document_id=meeting))
    assert "### The meeting" in only_meeting and "### Demid" not in only_meeting
    assert "## Notebook" not in annotated.export.export("md", Scope(tag="date"))  # cites nothing tagged so


def test_tei_is_well_formed_and_keeps_the_text(annotated):
    """TEI: names and dates marked, notes and links present, and the text identical once markup is stripped."""
    xml = annotated.export.export("tei")
    root = etree.fromstring(xml.encode("utf-8"))
    namespace = {"t": tei.TEI}
    assert root.findall(".//t:persName", namespace) and root.findall(".//t:date[@when]", namespace)
    relation = root.find("t:standOff/t:listRelation/t:relation[@name='contradicts']", namespace)
    assert relation.findtext("t:desc", namespaces=namespace) == "15 or 24 November?"
    noted = {annotation.document_id for annotation in annotated.annotations.all()}
    for info in annotated.documents.list():
        if info.id in noted:
            assert tei.plain_text(xml, info.id) == annotated.documents.text(info.id).text
        else:  # a text without notes is no part of an export of the notes (it made five notes 31 MB)
            assert f'xml:id="doc{info.id}"' not in xml


def test_tei_keeps_tags_and_does_not_turn_a_quote_into_a_note(annotated):
    """Tags are the historian's classification: each annotation points (@ana) at its tags, declared once as
    categories of a taxonomy; a highlight without a note is a <span> over its passage, not a <note> whose text is
    the quote, as if the historian had written it."""
    xml = annotated.export.export("tei")
    root = etree.fromstring(xml.encode("utf-8"))
    namespace = {"t": tei.TEI}
    categories = {c.get(tei.XML_ID): c.findtext("t:catDesc", namespaces=namespace)
                  for c in root.iterfind(".//t:taxonomy/t:category", namespace)}
    assert sorted(categories.values()) == ["date", "meeting-1934"]
    note = root.find(".//t:back/t:note", namespace)
    assert note.text.startswith("=HYPERLINK") and categories[note.get("ana")[1:]] == "meeting-1934"
    [span] = root.findall(".//t:back/t:span", namespace)
    assert span.text is None and {categories[ref[1:]] for ref in span.get("ana").split()} == {"meeting-1934", "date"}
    assert not any(n.text == "November 24, 1934" for n in root.iterfind(".//t:note", namespace))


def test_tei_pointers_all_resolve_to_the_register_and_anchors(annotated):
    """Every @ref, @target and relation end points at an element of the export: entries of the register in the
    standOff (with aliases and authority ids), or anchors in the text."""
    stalin = next(e for e in annotated.entities.register() if e.name.endswith("Stalin") and e.type == "PERSON")
    annotated.entities.set_details(stalin.id, wikidata="Q855")
    inside = annotated.annotations.create_at_quote(annotated.documents.resolve("000_8339fa2bec93c400.txt").id,
                                                   "enden realized", note="starts inside the name Genden")
    xml = annotated.export.export("tei")
    root = etree.fromstring(xml.encode("utf-8"))
    ids = set(root.xpath("//@xml:id"))
    pointers = [p for p in root.xpath("//@ref | //@target | //@targetEnd | //@active | //@passive") if p[0] == "#"]
    assert len(pointers) > 100 and {pointer[1:] for pointer in pointers} <= ids
    assert root.xpath(f"//@xml:id[. = 'd{inside.document_id}a{inside.id}s']")
    entry = root.xpath(f"//*[@xml:id='entity{stalin.id}']")[0]
    assert etree.QName(entry).localname == "person"
    assert entry.xpath("t:idno[@type='wikidata']/text()", namespaces={"t": tei.TEI}) == \
        ["https://www.wikidata.org/entity/Q855"]


def test_scopes(annotated):
    """A document, a tag or a search result narrows the export."""
    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    assert len(annotated.export.items(Scope(document_id=document_id))) == 1
    assert len(annotated.export.items(Scope(tag="date"))) == 1
    assert len(annotated.export.items(Scope(annotation_ids=frozenset()))) == 0


def test_markdown_grouped_by_tag_lists_a_note_under_each_of_its_tags(annotated):
    """Grouped by tag: one heading per tag, a note with two tags under both, untagged notes last."""
    annotated.annotations.create_at_quote(annotated.documents.resolve("001_c9451cbdf41c54f1.txt").id, "Genden")
    text = annotated.export.export("md", group_by="tag")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## date", "## meeting-1934", "## Untagged"]
    date_section = text.split("## date")[1].split("## meeting-1934")[0]
    assert "> November 24, 1934" in date_section and "> The two met" not in date_section
    assert text.count("> November 24, 1934") == 2


def test_markdown_grouped_by_entity_uses_the_names_inside_each_passage(annotated):
    """Grouped by entity: a passage naming Stalin sits under the register's name for him, with its source."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    annotated.annotations.create_at_quote(document_id, "while Stalin realized")
    annotated.annotations.create_at_quote(document_id, "realized that")
    text = annotated.export.export("md", group_by="entity")
    stalin = next(e.name for e in annotated.entities.register() if "Stalin" in e.name and e.type == "PERSON")
    section = text.split(f"## {stalin}\n")[1].split("\n## ")[0]
    assert "> while Stalin realized" in section and "### Genden Falls into Disfavor" in section
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[-1] == "## No entity named" and "> realized that" in text.split("## No entity named")[1]


def test_unknown_grouping_is_refused(annotated):
    """A grouping that does not exist is a one-line error, not an export grouped some other way."""
    with pytest.raises(ReaderError, match="cannot group notes by 'colour'"):
        annotated.export.export("md", group_by="colour")


def test_comparison_scope_keeps_the_linked_passages(annotated):
    """The Comparisons view's pairs as a scope: both linked passages, none of the unlinked ones."""
    annotated.annotations.create_at_quote(annotated.documents.resolve("001_c9451cbdf41c54f1.txt").id, "Genden")
    scope = annotated.export.comparison_scope(ComparisonFilter(relation="contradicts"))
    quotes = {item.annotation.quote.exact for item in annotated.export.items(scope)}
    assert quotes == {"The two met on November 15, 1934.", "November 24, 1934"}
    assert annotated.export.items(annotated.export.comparison_scope(ComparisonFilter(relation="corroborates"))) == []


def test_tei_dates_carry_only_values_tei_accepts():
    """@when gets real ISO dates only: not '1934/11/15', '1934-13-45' or '1935 early'."""
    assert [tei._when(v) for v in ("1934", "1934-11", "1934-11-15")] == ["1934", "1934-11", "1934-11-15"]
    assert [tei._when(v) for v in ("1934/11/15", "1934-13-45", "1934-02-30", "1935 early")] == ["", "", "", ""]


def test_a_notebook_citation_in_the_trash_is_said_not_dropped(annotated):
    """A note citing both accounts, one of them since moved to the Trash: the Markdown and HTML exports cited the
    other alone, as if the note had never cited it (the Notebook panel says 'In the Trash'); now they say so too."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("Sources disagree: 15 or 24 November 1934.", title="The meeting",
                              citations=[first.id, second.id])
    annotated.documents.delete(second.document_id)
    markdown = annotated.export.export("md")
    assert "> November 24, 1934\n>\n> — " in markdown and "(¶ 2, characters 167–184, in the Trash)" in markdown
    assert "in the Trash" in annotated.export.export("html")


def test_a_trashed_citation_keeps_its_source_place_and_order(annotated):
    """A Notebook note citing a highlight since deleted (in the Trash, Undo brings it back): the exports kept its
    bare quote after the other citations, without source or paragraph, and JSON-LD dropped it unsaid."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("Which date?", title="The meeting", citations=[second.id, first.id])
    annotated.annotations.delete(second.id)
    notebook = annotated.export.export("md").split("## Notebook")[1]
    source = annotated.documents.get(second.document_id).title
    assert notebook.index("> November 24, 1934") < notebook.index(f"> {first.quote.exact}")
    assert f"“{source}”" in notebook and ", in the Trash)" in notebook
    items = json.loads(annotated.export.export("jsonld"))["first"]["items"]
    [note] = [item for item in items if ":notebook:" in item["id"]]
    quotes = [selector["exact"] for target in note["target"] for selector in target["selector"]
              if selector["type"] == "TextQuoteSelector"]
    assert quotes == ["November 24, 1934", first.quote.exact]


def test_the_csv_export_holds_the_notebook(annotated):
    """The Notebook (the historian's own argument, with the passages it cites) was missing from the CSV export: a
    spreadsheet of "everything" lost it unsaid. It comes as rows of their own kind after the annotations."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("Zhabaeva gives **24**.", title="The meeting", citations=[first.id, second.id])
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv"))))
    assert [row["kind"] for row in rows] == ["annotation", "annotation", "notebook note"]
    note = rows[-1]
    assert (note["note title"], note["note"], note["cites"]) == ("The meeting", "Zhabaeva gives **24**.",
                                                                  f"#{first.id}\n#{second.id}")
    assert note["quote"] == note["start"] == "" and rows[0]["cites"] == ""
    assert note["id"].startswith("n")  # apart from the annotations' ids: "#1" names an annotation


def test_a_one_way_relation_reads_the_right_way_from_either_passage(workspace):
    """A links B as "elaborates" (A says more of B): under B the Markdown said "elaborates: A", as if B elaborated A,
    the same words as under A; seen from B it is "is elaborated by", as "quotes" is "is quoted by"."""
    first = workspace.annotations.create_at_quote(workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id,
                                                  "slapped Stalin")
    second = workspace.annotations.create_at_quote(workspace.documents.resolve("000_8339fa2bec93c400.txt").id,
                                                   "The two met on November 15, 1934.")
    workspace.links.link(first.id, second.id, "elaborates")
    text = workspace.export.export("md")
    under_second = text[text.index("The two met on November 15, 1934."):]
    assert "*is elaborated by*" in under_second.split("\n\n")[0] + under_second[:400]
    assert "*elaborates*" in text[text.index("> slapped Stalin"):][:400]


def _relations_and_ids(xml: str) -> tuple[list[tuple[str, str, str]], set[str]]:
    root = etree.fromstring(xml.encode("utf-8"))
    relations = [(r.get("name"), r.get("active"), r.get("passive")) for r in root.iter(f"{{{tei.TEI}}}relation")]
    return relations, set(root.xpath("//@xml:id"))


@pytest.mark.parametrize("scope", [Scope(tag="date"), Scope(document_id=2)], ids=["by tag", "by document"])
def test_a_scoped_tei_export_keeps_links_to_passages_outside_it(annotated, scope):
    """A TEI export of a tag or a document: a link from a passage outside it pointed at an anchor the file does not
    hold (by tag), or was left out (by document: only links going out were written), where the other formats gave
    it. The relation is written, its outside end pointing at that passage's source and said in a description."""
    scope = Scope(document_id=annotated.documents.resolve("002_ff824666d88bbe20.txt").id) \
        if scope.document_id else scope
    relations, ids = _relations_and_ids(annotated.export.export("tei", scope))
    [(name, active, passive)] = relations
    assert name == "contradicts" and passive.lstrip("#") in ids and not active.startswith("#")
    assert "The two met on November 15, 1934." in annotated.export.export("tei", scope).split("listRelation")[1]
    items = json.loads(annotated.export.export("jsonld", scope))["first"]["items"]
    [link] = [item for item in items if item["motivation"] == "linking"]
    assert [target["selector"][1]["exact"] for target in link["target"]] == ["The two met on November 15, 1934.",
                                                                             "November 24, 1934"]


def test_a_linked_pairs_export_gives_only_the_chosen_relation(annotated):
    """Exporting the pairs Comparisons lists for 'contradicts' gave each passage with all its links, an 'elaborates'
    beside the contradiction, while JSON-LD and TEI held the chosen links alone: every format now holds those."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    third = annotated.annotations.create_at_quote(first.document_id, "Genden")
    annotated.links.link(third.id, first.id, "elaborates")
    scope = annotated.export.comparison_scope(ComparisonFilter(relation="contradicts"))
    for fmt in ("md", "html", "csv"):
        exported = annotated.export.export(fmt, scope)
        assert "contradicts" in exported and "elaborat" not in exported, fmt


def test_tag_names_come_out_as_typed(annotated):
    """A tag holding ';' read as two in the CSV (tags were joined by '; '); Markdown wrote 'meeting 1934' and
    'meeting-1934' both as #meeting-1934, and a tag holding markup as markup. Commas never stand in a tag name, so
    they join tags in the CSV; Markdown names tags as written, markup escaped."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    annotated.annotations.set_tags(first.id, ["meeting 1934", "Stalin; Genden", "<b>purge</b>", "*bold*"])
    [row] = [r for r in csv.DictReader(io.StringIO(annotated.export.export("csv"))) if r["id"] == str(first.id)]
    assert row["tags"].split(", ") == ["*bold*", "<b>purge</b>", "meeting 1934", "Stalin; Genden"]
    markdown = annotated.export.export("md")
    assert "*Tags:* \\*bold\\*, \\<b\\>purge\\</b\\>, meeting 1934, Stalin; Genden" in markdown
    assert "## \\<b\\>purge\\</b\\>" in annotated.export.export("md", group_by="tag")


def test_a_cut_off_annotation_file_says_where_in_plain_words(empty_workspace, tmp_path):
    """A truncated JSON file said 'Unterminated string starting at at line 1, column 9'."""
    path = tmp_path / "cut.jsonld"
    path.write_text('{"items": "cut', encoding="utf-8")
    with pytest.raises(ReaderError) as error:
        empty_workspace.export.import_annotations(path)
    assert str(error.value) == f"{path}: not valid JSON: Unterminated string at line 1, column 11"


def test_a_citation_taken_out_of_a_note_read_from_a_file_stays_out(annotated, tmp_path):
    """Read again, the file put back a citation the user had taken out of the note since: only a note still as the
    file left it is completed."""
    first = annotated.annotations.all()[0]
    annotated.notebook.create("Which date?", title="Dates", citations=[first.id], created="2026-01-05T10:00:00Z",
                              modified="2026-01-05T10:00:00Z")  # written long before it is taken out
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS])
    fresh.export.import_annotations(path)
    [note] = fresh.notebook.all_notes()
    fresh.notebook.edit(note.id, citations=[])
    assert fresh.export.import_annotations(path).cited == 0 and fresh.notebook.get(note.id).citations == ()
    fresh.close()


def test_a_scoped_csv_quotes_the_passages_it_links_or_cites_outside_it(annotated):
    """A CSV of one document named the passage a note contradicts, and one a Notebook note cites, only as '#4', a row
    the file does not hold: the other side of the contradiction was lost, where the other formats quote it (audit
    BC F13). Outside the file, the passage is quoted with its source."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    outside = next(a for a in annotated.annotations.all() if a.document_id != document_id)
    annotated.notebook.create("compare", title="Dates", document_id=document_id, citations=(outside.id,))
    rows = list(csv.DictReader(io.StringIO(annotated.export.export("csv", Scope(document_id=document_id)))))
    [annotation] = [row for row in rows if row["kind"] == "annotation"]
    [note] = [row for row in rows if row["kind"] == "notebook note"]
    assert f"contradicts #{outside.id} “November 24, 1934” (" in annotation["links"]
    assert note["cites"].startswith(f"#{outside.id} “November 24, 1934” (")


def test_a_note_edited_since_its_export_is_one_note_whichever_copy_is_read(annotated, tmp_path, monkeypatch):
    """A newer export of the same library read into a copy made a second highlight on the same words beside the old
    one (its links left on the old), and an older export read back a second copy of a note edited since (audit BC
    F2). The same passage made at the same moment is the same annotation: the newer edit is kept, once."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    older, newer = tmp_path / "older.jsonld", tmp_path / "newer.jsonld"
    annotated.export.write("jsonld", older)
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(older)
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # edited later
    annotated.annotations.set_note(first.id, "edited: the 15th is Zhabaeva's error")
    annotated.annotations.set_tags(first.id, ["meeting-1934", "settled"])
    annotated.export.write("jsonld", newer)
    report = copy.export.import_annotations(newer)
    notes = sorted(a.note for a in copy.annotations.all())
    assert len(notes) == 2 and "edited: the 15th is Zhabaeva's error" in notes and report.updated == 1
    assert "1 annotation updated (edited since: the note and the tags of “The two met on November 15, 1934.”)" \
        in report.summary
    [edited] = [a for a in copy.annotations.all() if a.note.startswith("edited")]
    assert set(edited.tags) == {"meeting-1934", "settled"} and copy.links.links_for(edited.id)
    copy.history.undo()  # the import, one step
    assert not any(a.note.startswith("edited") for a in copy.annotations.all())
    copy.close()
    again = annotated.export.import_annotations(older)  # the older copy read back where the note was edited since
    assert len(annotated.annotations.all()) == 2 and again.placed == 0
    assert annotated.annotations.get(first.id).note == "edited: the 15th is Zhabaeva's error"


def test_a_passage_over_several_paragraphs_is_cited_by_all_of_them(annotated):
    """A passage running from a paragraph over a heading into the next was cited "¶ 3", as page ranges are not "p. 12"
    (audit BC F11): "¶ 3–5" in Markdown and HTML, "3–5" in CSV's paragraph column."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    text = annotated.documents.text(document_id).text
    start = text.index("The two met on November 15, 1934.")
    end = text.index("Judging by the tone") + len("Judging")
    made = annotated.annotations.create(document_id, start, end, note="across")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(annotated.export.export("csv")))}
    first, last = rows[str(made.id)]["paragraph"].split("–")
    assert int(last) == int(first) + 2
    assert f"(¶ {first}–{last}, characters {start}–{end})" in annotated.export.export("md")
    assert f"¶ {first}–{last}" in annotated.export.export("html")


def test_copies_exchanging_exports_keep_the_newest_edit_its_colour_and_its_removal(annotated, tmp_path, monkeypatch):
    """An edit read back took the import's moment as its own, so the older edit, read back later, won over the newer
    one and the newest note was lost; a colour changed in one copy was "already here"; a highlight moved to the
    Trash here came back as a new one (audit BD)."""
    from datetime import datetime, timedelta
    from itertools import count

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    a, b = annotated, _file_copy(annotated, tmp_path / "b.db")
    seconds = count(1)  # each edit a second after the one before, as if made apart
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: (
        datetime(2031, 1, 1) + timedelta(seconds=next(seconds))).isoformat() + "+00:00")
    b.annotations.set_note(first.id, "v1")  # the 1st
    b.export.write("jsonld", tmp_path / "b1.jsonld")
    b.annotations.set_note(first.id, "v2")  # the 2nd: the newest
    b.annotations.set_color(second.id, "green")  # the 3rd
    a.export.import_annotations(tmp_path / "b1.jsonld")  # a takes v1 as of the 1st, not as of now
    a.annotations.delete(second.id)
    a.export.write("jsonld", tmp_path / "a.jsonld")
    b.export.import_annotations(tmp_path / "a.jsonld")
    assert b.annotations.get(first.id).note == "v2"
    b.export.write("jsonld", tmp_path / "b2.jsonld")
    report = a.export.import_annotations(tmp_path / "b2.jsonld")
    assert a.annotations.get(first.id).note == "v2" and (report.in_trash, report.links_in_trash) == (1, 1)
    assert [x.id for x in a.annotations.all()] == [first.id] and "2 in the Trash here (not added again: 1 link)" in \
        report.summary  # the highlight, and its link
    a.annotations.restore(second.id)
    assert a.export.import_annotations(tmp_path / "b2.jsonld").updated == 1
    assert a.annotations.get(second.id).color == "green"
    b.close()


def test_a_hard_wrapped_texts_paragraphs_are_counted_as_its_reader_counts_them():
    """In a typed transcription wrapped at a width every line was counted a paragraph: a passage inside the first was
    cited "¶ 3–5" and the second paragraph "¶ 12" (audit BD). Its paragraphs are its blocks between blank lines, as
    search reads them; a text whose lines are paragraphs (a web article) keeps a paragraph a line."""
    from reader.core.export.paragraphs import paragraph_at, paragraph_starts

    first = "The order came from Marshal Choibalsan\nand the Ministry of Internal Affairs,\napproved by the commission."
    wrapped = f"{first}\n\nA second paragraph names\nnobody at all.\n"
    starts = paragraph_starts(wrapped)
    assert [paragraph_at(starts, wrapped.index(word)) for word in ("Marshal", "Ministry", "approved", "nobody")] \
        == [1, 1, 1, 2]
    article = "Title\n" + "A long paragraph of an article, running far past any width a typist wraps at. " * 3
    assert len(paragraph_starts(article + "\nAnother\nline")) == 4
    indented = "Memorandum\n\n    On the 24th the two met\nin the Kremlin.\n    On the 30th he was\nrecalled.\n"
    starts = paragraph_starts(indented)  # a typed page opens its paragraphs with an indent, no blank line between
    assert [paragraph_at(starts, indented.index(words)) for words in ("24th", "Kremlin", "30th", "recalled")] == [
        2, 2, 3, 3]


def test_a_margin_every_line_has_or_a_hanging_indent_opens_no_paragraph():
    """In a wrapped text set in by a margin (a typed page, an e-mailed text) or with hanging indents, every line was
    counted a paragraph once an indent opened one: "¶ 21" for the 4th (audit BF F10). A line opens a paragraph by
    being set in otherwise than most of the text's lines: further (a first-line indent, a one-line paragraph too),
    or less (a hanging indent)."""
    import textwrap

    from reader.core.export.paragraphs import paragraph_at, paragraph_starts

    body = ("The delegation arrived at the station in the early morning and was met by officials of the ministry "
            "who took them to the guest house by the river where they rested until noon. ")
    paragraphs = [body * 3, body * 2 + "Genden spoke about the lamas.", body * 2 + "Stalin asked about Choibalsan."]
    for laid_out in ([textwrap.indent(textwrap.fill(p, 68), " " * 8) for p in paragraphs],
                     [textwrap.fill(p, 72, subsequent_indent="   ") for p in paragraphs]):
        text = "MINUTES OF THE MEETING\n\n" + "\n\n".join(laid_out) + "\n"
        assert paragraph_at(paragraph_starts(text), text.index("Stalin asked")) == 4
    first_lines = "\n".join(textwrap.fill(p, 72, initial_indent="     ") for p in paragraphs)
    text = f"MINUTES OF THE MEETING\n\n{first_lines}\n"
    assert paragraph_at(paragraph_starts(text), text.index("Stalin asked")) == 4
    with_a_reply = [paragraphs[0], "Genden: No.", *paragraphs[1:]]  # a one-line paragraph (audit BG F7)
    for laid_out in ([textwrap.fill(p, 72, initial_indent="     ") for p in with_a_reply],
                     [textwrap.fill(p, 72, subsequent_indent="   ") for p in with_a_reply]):
        text = "MINUTES OF THE MEETING\n\n" + "\n".join(laid_out) + "\n"
        starts = paragraph_starts(text)
        assert [paragraph_at(starts, text.index(words)) for words in ("Genden: No", "Genden spoke", "Stalin asked")] \
            == [3, 4, 5]


def test_a_csv_cell_of_links_reads_back_one_link_a_line(annotated):
    """The links cell put "; " between links, which a quoted passage or a link's note may hold too, and a source's
    title and a note both in brackets (audit BD F-c2): a link a line, its note said as one."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    third = annotated.annotations.create_at_quote(first.document_id, "Genden")
    annotated.links.link(first.id, third.id, "see_also", "see (this); and that")
    [row] = [r for r in csv.DictReader(io.StringIO(annotated.export.export("csv"))) if r["id"] == str(first.id)]
    assert row["links"].split("\n") == [line for line in row["links"].split("\n") if line.count("#") == 1]
    assert any(line.endswith("— note: see (this); and that") for line in row["links"].split("\n"))
    assert len(row["links"].split("\n")) == 2


def test_a_highlight_moved_in_one_copy_is_one_highlight_when_read_back(annotated, tmp_path, monkeypatch):
    """A highlight narrowed in one copy (an edge dragged) and its note edited became a second note beside the first
    when that copy's export was read, its links and citations doubled (audit BD F-j5): it is the same highlight,
    moved and edited, when it overlaps where it was and was made at the same moment."""
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    annotated.export.write("jsonld", tmp_path / "before.jsonld")
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(tmp_path / "before.jsonld")
    [theirs] = [a for a in copy.annotations.all() if a.quote.exact == "November 24, 1934"]
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    copy.review.relocate(theirs.id, theirs.start, theirs.end - len(", 1934"))
    copy.annotations.set_note(theirs.id, "the day only")
    copy.export.write("jsonld", tmp_path / "moved.jsonld")
    copy.close()
    report = annotated.export.import_annotations(tmp_path / "moved.jsonld")
    assert report.updated == 1 and report.placed == 0 and report.linked == 0
    assert len(annotated.annotations.all()) == 2
    moved = annotated.annotations.get(second.id)
    assert (moved.quote.exact, moved.note) == ("November 24", "the day only")


def test_a_link_read_back_beside_another_relation_of_the_same_passages_is_said(annotated, tmp_path):
    """A link relinked as 'corroborates' in one copy became a second link beside the 'contradicts' here, both
    standing with nothing said (audit BD F-j2): which one the other copy meant to replace cannot be known, so both
    stay and the report says so."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    annotated.export.write("jsonld", tmp_path / "mine.jsonld")
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(tmp_path / "mine.jsonld")
    ends = sorted(copy.annotations.all(), key=lambda a: a.id)
    [entry] = copy.links.links_for(ends[0].id)
    copy.links.delete(entry.link.id)
    copy.links.link(ends[0].id, ends[1].id, "corroborates")
    copy.export.write("jsonld", tmp_path / "theirs.jsonld")
    copy.close()
    report = annotated.export.import_annotations(tmp_path / "theirs.jsonld")
    assert report.linked == 1 and "1 link beside another between the same passages here (corroborates beside " \
        "contradicts): see Comparisons" in report.summary
    assert {entry.link.relation for entry in annotated.links.links_for(first.id)} == {"contradicts", "corroborates"}
    assert second.id in {entry.other.id for entry in annotated.links.links_for(first.id)}


def test_a_trashed_highlight_read_back_is_not_taken_for_another_made_in_the_same_second(annotated, tmp_path,
                                                                                        monkeypatch):
    """Two overlapping highlights made in one second (a script's); one moved to the Trash here and edited in the other
    copy: read back, the other highlight was taken for it, moved onto its words and given its note (audit BE F1,
    data loss). The one in the Trash stays there and the other is left as it is."""
    import sqlite3
    from contextlib import closing

    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    x = annotated.annotations.create_at_quote(document_id, "I. V. Stalin Talking to P. Genden", note="X")
    y = annotated.annotations.create_at_quote(document_id, "P. Genden on November 24, 1934", note="Y")
    with closing(with_functions(sqlite3.connect(annotated.path))) as source, \
            closing(sqlite3.connect(tmp_path / "b.db")) as copy:
        with source:  # made in one second, as a script makes them
            source.execute("UPDATE annotations SET created_at = ?, modified_at = ? WHERE id = ?",
                           [x.created_at, x.modified_at, y.id])
        source.backup(copy)
    b = Workspace.open(tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    b.annotations.set_note(x.id, "X edited in B")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    annotated.annotations.delete(x.id)
    assert annotated.export.import_annotations(tmp_path / "b.jsonld").in_trash == 1
    kept = annotated.annotations.get(y.id)
    assert (kept.quote.exact, kept.note) == ("P. Genden on November 24, 1934", "Y")


def test_a_link_removed_here_does_not_come_back_from_another_copys_export(annotated, tmp_path):
    """A link removed here (a wrong 'contradicts') was made again, "1 link made", when another copy's export that
    still held it was read (audit BE F3): like a highlight in the Trash, it stays removed and the report says so."""
    annotated.export.write("jsonld", tmp_path / "theirs.jsonld")
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    [entry] = annotated.links.links_for(first.id)
    annotated.links.delete(entry.link.id)
    report = annotated.export.import_annotations(tmp_path / "theirs.jsonld")
    assert report.linked == 0 and report.links_in_trash == 1 and not annotated.links.links_for(first.id)


def test_a_tag_renamed_in_one_copy_reaches_the_other(annotated, tmp_path, monkeypatch):
    """A tag renamed in one copy never reached the other (the rename changed no note's moment, so neither copy's was
    newer), and both reports called their own "a newer edit" (audit BE F2): a rename is an edit of each note it
    changes, and notes differing at the same moment are said to be so."""
    annotated.export.write("jsonld", tmp_path / "before.jsonld")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    annotated.tags.rename("meeting-1934", "meeting-nov-1934")
    annotated.export.write("jsonld", tmp_path / "renamed.jsonld")
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(tmp_path / "before.jsonld")
    assert copy.export.import_annotations(tmp_path / "renamed.jsonld").updated == 2
    assert {tag for a in copy.annotations.all() for tag in a.tags} == {"meeting-nov-1934", "date"}
    copy.close()


def test_two_notes_on_the_same_words_made_in_one_second_are_not_taken_for_each_other(annotated, tmp_path,
                                                                                     monkeypatch):
    """Two notes on the same words made in one second (a script's): an edit of the second, read back from another
    library whose ids differ, landed on the first, whose note was lost (audit BE F11, data loss). Which of the two
    the entry is cannot be told by place and moment: neither is changed, and the report says why."""
    import sqlite3
    from contextlib import closing

    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    x = annotated.annotations.create_at_quote(document_id, "P. Genden on November 24, 1934", note="X: first reading")
    y = annotated.annotations.create(document_id, x.start, x.end, note="Y: second reading")
    with closing(with_functions(sqlite3.connect(annotated.path))) as db, db:  # made in one second, as a script does
        db.execute("UPDATE annotations SET created_at = ?, modified_at = ? WHERE id = ?",
                   [x.created_at, x.modified_at, y.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    other = Workspace.open(tmp_path / "other.db")
    other.documents.import_paths([TEXTS])
    for n in range(3):  # its ids differ from this library's
        other.annotations.create(other.documents.list()[0].id, n, n + 5, note=f"its own {n}")
    other.export.import_annotations(tmp_path / "a.jsonld")
    [theirs] = [a for a in other.annotations.all() if a.note == "Y: second reading"]
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    other.annotations.set_note(theirs.id, "Y: corrected")
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    report = annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert annotated.annotations.get(x.id).note == "X: first reading"
    assert any("made at the same moment" in line for line in report.skipped)


def test_an_update_read_back_says_what_it_changed(annotated, tmp_path, monkeypatch):
    """A newer edit of a note read back took the other copy's colour and place too, and the report said only
    "1 updated" (audit BE F8): the report says what it changed here, and a colour changed here since the other copy
    had the note is kept (each part of a note is taken from the copy that changed it last, audit BF F3)."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    annotated.export.write("jsonld", tmp_path / "before.jsonld")
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(tmp_path / "before.jsonld")
    [theirs] = [a for a in copy.annotations.all() if a.quote.exact == first.quote.exact]
    annotated.annotations.set_color(first.id, "green")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    copy.annotations.set_note(theirs.id, "theirs, later")
    copy.export.write("jsonld", tmp_path / "later.jsonld")
    copy.close()
    report = annotated.export.import_annotations(tmp_path / "later.jsonld")
    assert "1 annotation updated (edited since: the note of “The two met on November 15, 1934.”)" in report.summary
    assert annotated.annotations.get(first.id).color == "green"


def test_edits_of_different_fields_in_two_copies_are_both_kept(annotated, tmp_path, monkeypatch):
    """A tag renamed in one copy after the other rewrote the note's text: read back, the older text replaced the
    newer one, said as "edited since" (audit BF F3, data loss), and the other way the rewrite was dropped. A note's
    text, its tags and its mark (colour and place) each keep the moment they were last changed: each is taken from
    the copy that changed it last."""

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    a, b = annotated, _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-02T00:00:00+00:00")
    b.annotations.set_note(first.id, "rewritten in B: check the archive copy")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-03T00:00:00+00:00")
    a.tags.rename("meeting-1934", "meeting-nov-1934")
    a.annotations.set_color(first.id, "green")
    a.export.write("jsonld", tmp_path / "a.jsonld")
    report = b.export.import_annotations(tmp_path / "a.jsonld")
    taken = b.annotations.get(first.id)
    assert (taken.note, taken.tags, taken.color) == ("rewritten in B: check the archive copy", ("meeting-nov-1934",),
                                                      "green")
    assert "edited since: the tags and the colour of “The two met on November 15, 1934.”" in report.summary
    report = a.export.import_annotations(tmp_path / "b.jsonld")
    taken = a.annotations.get(first.id)
    assert (taken.note, taken.tags, taken.color) == ("rewritten in B: check the archive copy", ("meeting-nov-1934",),
                                                      "green")
    assert "edited since: the note of “The two met" in report.summary
    b.close()


def test_a_tags_case_changed_in_one_copy_is_no_conflict_when_read_back(annotated, tmp_path, monkeypatch):
    """A tag renamed 'meeting-1934' -> 'Meeting-1934' in one copy was reported "updated" but never arrived (tags are
    matched by their folded names), and reading the file again said it was changed at the same moment (audit BF F4):
    tags that differ only in case are the same tags."""
    annotated.export.write("jsonld", tmp_path / "before.jsonld")
    copy = Workspace.open(tmp_path / "copy.db")
    copy.documents.import_paths([TEXTS])
    copy.export.import_annotations(tmp_path / "before.jsonld")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    annotated.tags.rename("meeting-1934", "Meeting-1934")
    annotated.export.write("jsonld", tmp_path / "renamed.jsonld")
    for _ in range(2):
        report = copy.export.import_annotations(tmp_path / "renamed.jsonld")
        assert (report.updated, report.same_moment, report.newer_here, report.placed) == (0, 0, 0, 0)
    copy.close()


def test_a_note_made_before_its_parts_had_moments_keeps_its_texts_moment_when_recoloured(annotated):
    """Notes made before upgrade step m029 have no moment for each part (read as their last change's): colouring
    one later stamps its mark alone, its text keeping the moment it had."""
    import sqlite3
    from contextlib import closing

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    with closing(with_functions(sqlite3.connect(annotated.path))) as db, db:
        db.execute("UPDATE annotations SET note_at = NULL, tags_at = NULL, color_at = NULL, place_at = NULL, "
                   "modified_at = ?",
                   ["2020-01-01T00:00:00+00:00"])
    assert annotated.annotations.get(first.id).note_at == "2020-01-01T00:00:00+00:00"
    recoloured = annotated.annotations.set_color(first.id, "green")
    assert recoloured.note_at == recoloured.tags_at == "2020-01-01T00:00:00+00:00"
    assert recoloured.color_at == recoloured.modified_at > "2020-01-01T00:00:00+00:00"
    assert recoloured.place_at == "2020-01-01T00:00:00+00:00"


def _file_copy(workspace, path):
    """Another copy of the library, made as a file is copied (the same ids), open."""
    return _library_copy(workspace.path, path)


def _library_copy(library, path):
    """A copy of the library file at `library`, open."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(library)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    return Workspace.open(path)


def _edited_in_a_copy(workspace, tmp_path, monkeypatch, edit):
    """The path of the export of a file copy of the library in which `edit(copy)` was made later."""
    copy = _file_copy(workspace, tmp_path / "edited.db")
    for store in ("annotations", "links", "notebook"):
        monkeypatch.setattr(f"reader.core.storage.{store}.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    edit(copy)
    copy.export.write("jsonld", tmp_path / "edited.jsonld")
    copy.close()
    return tmp_path / "edited.jsonld"


def _twins(workspace):
    """Two notes on the same words of 002 made in one second, as a script makes them."""
    document_id = workspace.documents.resolve("002_ff824666d88bbe20.txt").id
    made = [workspace.annotations.create_at_quote(document_id, "Stalin Talking to P. Genden", note=note)
            for note in ("T1: the minutes", "T2: the record")]
    _made_in_one_second(workspace.path, made)
    return made


def _made_in_one_second(path, made):
    """The annotations `made` stamped as made and changed in the second the first was, as a script makes them."""
    import sqlite3
    from contextlib import closing

    with closing(with_functions(sqlite3.connect(path))) as db, db:
        db.executemany("UPDATE annotations SET created_at = ?, modified_at = ?, note_at = ?, tags_at = ?, "
                       "color_at = ?, place_at = ? WHERE id = ?", [(*[made[0].created_at] * 6, one.id)
                                                                   for one in made[1:]])


def test_a_twin_in_the_trash_is_not_taken_for_the_one_left(annotated, tmp_path, monkeypatch):
    """Two notes on the same words made in one second, one in the Trash here: the other copy's edit of the trashed
    one was written over the one left (audit BF F6, data loss). With a twin in the Trash, which of them an entry is
    cannot be told either: neither is changed."""

    one, two = _twins(annotated)
    edited = _edited_in_a_copy(annotated, tmp_path, monkeypatch,
                               lambda b: b.annotations.set_note(one.id, "T1 edited in B"))
    annotated.annotations.delete(one.id)
    annotated.export.import_annotations(edited)
    assert annotated.annotations.get(two.id).note == "T2: the record"
    assert not any(a.note == "T1 edited in B" for a in annotated.annotations.all())


def test_an_id_from_another_library_does_not_name_a_highlight_elsewhere_in_the_text(annotated, tmp_path,
                                                                                    monkeypatch):
    """Two highlights of one word at two places, made in one second: an edit read back from a library whose ids
    differ landed on the other place's highlight, the entry's id naming it here (audit BF F7, data loss). An id is
    taken at its word only where the entry's passage is where the annotation it names is."""
    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    first = annotated.annotations.create_at_quote(document_id, "Genden", 1, note="first Genden")
    second = annotated.annotations.create_at_quote(document_id, "Genden", 2, note="second Genden: keep")
    _made_in_one_second(annotated.path, [first, second])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    other = Workspace.open(tmp_path / "other.db")
    other.documents.import_paths([TEXTS])
    for n in range(2):  # its own first, so its ids differ: there, the first Genden has the second's id here
        other.annotations.create(other.documents.list()[0].id, n, n + 5, note=f"its own {n}")
    other.export.import_annotations(tmp_path / "a.jsonld")
    [theirs] = [a for a in other.annotations.all() if a.note == "first Genden"]
    assert theirs.id == second.id
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    other.annotations.set_note(theirs.id, "first Genden: edited there")
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert annotated.annotations.get(second.id).note == "second Genden: keep"
    assert annotated.annotations.get(first.id).note == "first Genden: edited there"


def test_a_link_made_the_other_way_in_another_copy_is_already_here(annotated, tmp_path):
    """Two copies linked the same passages 'contradicts', each from its side: reading one's export into the other
    refused the whole file ("these passages are already linked"), so nothing of it was read (audit BF F1). A link
    of the same relation either way is the link here."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    other = Workspace.open(tmp_path / "other.db")
    other.documents.import_paths([TEXTS])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    other.export.import_annotations(tmp_path / "a.jsonld")
    ends = sorted(other.annotations.all(), key=lambda a: a.id)
    [entry] = other.links.links_for(ends[0].id)
    other.links.delete(entry.link.id)
    other.links.link(ends[1].id, ends[0].id, "contradicts")  # from the other side
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    report = annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert report.linked == 0 and [e.link.relation for e in annotated.links.links_for(first.id)] == ["contradicts"]
    assert second.id in {e.other.id for e in annotated.links.links_for(first.id)}


def test_a_note_of_blank_space_read_back_is_already_here(annotated, tmp_path):
    """A note of blank space only (a key pressed in the note box) is exported as none, and reading the library's own
    export back said it was changed at the same moment in both (audit BF F16): blank is no note either way."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    annotated.annotations.set_note(first.id, " \n")
    annotated.export.write("jsonld", tmp_path / "own.jsonld")
    report = annotated.export.import_annotations(tmp_path / "own.jsonld")
    assert (report.same_moment, report.updated, report.newer_here, report.placed) == (0, 0, 0, 0)


def test_a_link_to_a_highlight_moved_here_ends_at_it(annotated, tmp_path, monkeypatch):
    """A highlight narrowed here, linked in another copy: reading that copy's export took its entry for the moved
    highlight, then made the link through a second, bare highlight on the old words (audit BF F2). A link's passage
    is the annotation its entry was taken for."""

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    document_id = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    day = annotated.annotations.create_at_quote(document_id, "Stalin Talking to P. Genden", note="the talk")
    b = _file_copy(annotated, tmp_path / "b.db")
    b.links.link(first.id, day.id, "see_also")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    annotated.review.relocate(day.id, day.start, day.end - len(" to P. Genden"))
    count = len(annotated.annotations.all())
    annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert len(annotated.annotations.all()) == count
    assert day.id in {entry.other.id for entry in annotated.links.links_for(first.id)}


def test_an_undated_entry_does_not_bring_back_a_highlight_in_the_trash(annotated, tmp_path):
    """An export whose entries carry no dates (hand-edited, or another tool's: they are optional) brought back a
    highlight in the Trash here as a new one, its link made to it (audit BF F5): one in the Trash on the same words
    saying the same is the entry's."""
    import json

    annotated.export.write("jsonld", tmp_path / "dated.jsonld")
    data = json.loads((tmp_path / "dated.jsonld").read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        item.pop("created", None)
        item.pop("modified", None)
    (tmp_path / "undated.jsonld").write_text(json.dumps(data), encoding="utf-8")
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    annotated.annotations.delete(second.id)
    report = annotated.export.import_annotations(tmp_path / "undated.jsonld")
    assert report.placed == 0 and report.linked == 0 and report.in_trash == 1
    assert len(annotated.annotations.all()) == 1


def test_a_notebook_note_edited_in_another_copy_is_one_note_when_read_back(annotated, tmp_path, monkeypatch):
    """A Notebook note revised in one copy came back into the other as a second note beside the first, and one in
    the Trash here was made again (audit BF F13): a Notebook note made at the same moment is the same note, its
    newer text kept, one in the Trash left there."""

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("Meeting date: 15th or 24th?", "Meeting date", first.document_id, [first.id])
    b = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    b.notebook.edit(note.id, body="Meeting date: the 24th, per the Soviet minute")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    report = annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert [n.body for n in annotated.notebook.all_notes()] == ["Meeting date: the 24th, per the Soviet minute"]
    assert report.notebook == 0 and report.updated == 1
    annotated.notebook.delete(note.id)
    report = annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert annotated.notebook.all_notes() == [] and report.notebook == 0 and report.in_trash == 1


def test_a_links_note_edited_in_another_copy_arrives(annotated, tmp_path, monkeypatch):
    """A link's note rewritten in one copy never reached the other, said as "already here" (audit BF F14): links are
    exported with their moments, and the newer note of the same link is kept."""

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    [entry] = annotated.links.links_for(first.id)
    b = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.links.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    b.links.update(entry.link.id, note="the 24th: confirmed by the Soviet minute")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    report = annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert annotated.links.get(entry.link.id).note == "the 24th: confirmed by the Soviet minute"
    assert report.updated == 1 and "the note of a link (contradicts)" in report.summary
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    assert annotated.export.import_annotations(tmp_path / "a.jsonld").updated == 0  # read back: nothing newer


def test_a_recolour_in_one_copy_leaves_the_note_tags_and_place_written_in_the_other(annotated, tmp_path,
                                                                                    monkeypatch):
    """A bare highlight recoloured in one copy, given a note and tags in the other (audit BG F1: both wiped, the
    export giving a part with no words no moment of its own), or widened there (BG F11: narrowed back, colour and
    place sharing one moment): each part is taken from the copy that changed it last, and a part a file leaves out
    is as old as the note."""
    document_id = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    bare = annotated.annotations.create_at_quote(document_id, "The two met on November 15")
    widened = annotated.annotations.create_at_quote(document_id, "Judging by the tone")
    b = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-02T00:00:00+00:00")
    b.annotations.set_note(bare.id, "B's reading")
    b.annotations.set_tags(bare.id, ["meeting", "dispute"])
    b.review.relocate(widened.id, widened.start, widened.end + len(" of the"))
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-03T00:00:00+00:00")
    for highlight in (bare, widened):
        annotated.annotations.set_color(highlight.id, "green")
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    b.export.import_annotations(tmp_path / "a.jsonld")
    taken = b.annotations.get(bare.id)
    assert (taken.note, sorted(taken.tags), taken.color) == ("B's reading", ["dispute", "meeting"], "green")
    assert (b.annotations.get(widened.id).quote.exact, b.annotations.get(widened.id).color) == (
        "Judging by the tone of the", "green")
    b.close()


def test_saving_what_is_already_there_is_no_change(annotated, monkeypatch):
    """Saving unchanged tags or an unchanged note (a recovered session's typing put back) stamped it changed now,
    and an exchange then undid the other copy's newer change (audit BG F12); so did tags typed in another case (BH
    F17) and a link saved as it was (BH F14)."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    [entry] = annotated.links.links_for(first.id)
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    monkeypatch.setattr("reader.core.storage.links.now", lambda: "2031-01-01T00:00:00+00:00")
    again = annotated.annotations.set_tags(first.id, list(first.tags))
    again = annotated.annotations.set_tags(first.id, [tag.upper() for tag in first.tags])
    again = annotated.annotations.set_note(first.id, first.note)
    again = annotated.annotations.set_color(first.id, first.color)
    assert (again.note_at, again.tags_at, again.color_at) == (first.note_at, first.tags_at, first.color_at)
    link = annotated.links.update(entry.link.id, entry.link.relation, entry.link.note)
    assert link.modified_at == entry.link.modified_at


def test_a_notebook_notes_text_revised_in_one_copy_outlives_a_citation_added_in_the_other(annotated, tmp_path,
                                                                                         monkeypatch):
    """A Notebook note's text revised in one copy, a citation added to it in the other later: reading the second's
    export gave the first its older text (audit BG F2, data loss): a note's text keeps the moment it was written."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("Draft: 15th or 24th?", "Meeting date", first.document_id, [first.id])
    b = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2031-01-02T00:00:00+00:00")
    b.notebook.edit(note.id, body="Revised: the 24th, per the Soviet minute")
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2031-01-03T00:00:00+00:00")
    annotated.notebook.edit(note.id, citations=[first.id, second.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    b.export.import_annotations(tmp_path / "a.jsonld")
    assert [n.body for n in b.notebook.all_notes()] == ["Revised: the 24th, per the Soviet minute"]
    b.export.write("jsonld", tmp_path / "b.jsonld")
    annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert annotated.notebook.get(note.id).body == "Revised: the 24th, per the Soviet minute"
    b.close()


def test_a_link_id_from_another_library_names_no_other_link_here(annotated, tmp_path, monkeypatch):
    """Two 'contradicts' links between the same words at two places: read into another library whose link ids
    differ, the second was taken for the first (never made there), and read back its note overwrote the second's
    here (audit BG F3, data loss). A link's id is taken only where its passages are where the entry's are."""
    first_doc = annotated.documents.resolve("000_8339fa2bec93c400.txt").id
    second_doc = annotated.documents.resolve("002_ff824666d88bbe20.txt").id
    ends = [annotated.annotations.create_at_quote(document, words, occurrence) for occurrence in (1, 2)
            for document, words in ((first_doc, "Genden"), (second_doc, "1934"))]
    one = annotated.links.link(ends[0].id, ends[1].id, "contradicts", "L1: the first pair")
    two = annotated.links.link(ends[2].id, ends[3].id, "contradicts", "L2: the second pair, keep")
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    other = Workspace.open(tmp_path / "other.db")
    other.documents.import_paths([TEXTS])
    own = [other.annotations.create(other.documents.list()[0].id, n, n + 3) for n in (0, 5, 10)]
    for start, end in ((0, 1), (1, 2)):  # its own links first: its ids differ
        other.links.link(own[start].id, own[end].id, "see_also")
    for _ in range(2):
        other.export.import_annotations(tmp_path / "a.jsonld")
    notes = {entry.link.note for a in other.annotations.all() for entry in other.links.links_for(a.id)}
    assert {"L1: the first pair", "L2: the second pair, keep"} <= notes
    monkeypatch.setattr("reader.core.storage.links.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert (annotated.links.get(one.id).note, annotated.links.get(two.id).note) == (
        "L1: the first pair", "L2: the second pair, keep")


def test_a_one_way_link_made_the_other_way_in_another_copy_is_not_taken_for_this_one(annotated, tmp_path):
    """'X quotes / derives from Y' here and 'Y derives from X' in another copy: read back, the other's note was
    written over this one's, on a link saying the opposite (audit BG F5, data loss). A one-way link the other way is
    another claim: not made, not merged, and said."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    b = _file_copy(annotated, tmp_path / "b.db")
    mine = annotated.links.link(first.id, second.id, "derives_from", "000 copies the date from 002")
    b.links.link(second.id, first.id, "derives_from", "No: 002 copies 000")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    report = annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert annotated.links.get(mine.id).note == "000 copies the date from 002"
    assert any("the other way" in line for line in report.skipped)


def test_a_links_other_note_in_an_undated_file_is_not_said_older(annotated, tmp_path):
    """A link whose note differs, read from a file giving no dates (an export made before links had them, another
    tool's), was said "already here in a newer edit", though nothing says which is newer (audit BG F4)."""
    import json

    annotated.export.write("jsonld", tmp_path / "dated.jsonld")
    data = json.loads((tmp_path / "dated.jsonld").read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        if item.get("motivation") == "linking":
            item.pop("created"), item.pop("modified")
            item["body"] = [body for body in item["body"] if body.get("purpose") == "tagging"] + [
                {"type": "TextualBody", "value": "their note", "purpose": "commenting"}]
    (tmp_path / "undated.jsonld").write_text(json.dumps(data), encoding="utf-8")
    report = annotated.export.import_annotations(tmp_path / "undated.jsonld")
    assert report.newer_here == 0
    assert "1 link here otherwise than in the file, which gives no date (kept as it is here)" in report.summary


def test_a_link_to_a_twin_that_cannot_be_told_apart_is_not_made_through_the_other(annotated, tmp_path,
                                                                                  monkeypatch):
    """Of two notes made in one second on the same words, the one the file gives edited cannot be told apart (said
    so), yet its link was made through the other, unreported (audit BG F10): the link is not made, and said."""
    one, two = _twins(annotated)
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    b = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    b.annotations.set_note(two.id, "T2: the record, checked")
    b.links.link(two.id, first.id, "contradicts")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    other = Workspace.open(tmp_path / "other.db")  # another library: ids are no help
    other.documents.import_paths([TEXTS])
    other.export.import_annotations(tmp_path / "b.jsonld")
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    report = annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert annotated.links.links_for(one.id) == [] and annotated.links.links_for(two.id) == []
    assert any("cannot be told apart" in line for line in report.skipped)


def test_a_cited_highlight_in_the_trash_here_neither_stops_the_reading_nor_comes_back(annotated, tmp_path,
                                                                                     monkeypatch):
    """A highlight a Notebook note cites, moved to the Trash here: reading another copy's export failed whole ("no
    annotation with id 1", audit BH F6), and its words were highlighted again for the citation (BH F7)."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("Meeting date", "Dates", first.document_id, [first.id])
    edited = _edited_in_a_copy(annotated, tmp_path, monkeypatch,
                               lambda other: other.annotations.set_note(second.id, "edited there"))
    annotated.annotations.delete(first.id)
    count = len(annotated.annotations.all())
    annotated.export.import_annotations(edited)
    assert annotated.annotations.get(second.id).note == "edited there"
    assert len(annotated.annotations.all()) == count


def test_a_note_cleared_in_another_copy_is_kept_here_and_said_left_out(annotated, tmp_path, monkeypatch):
    """A note cleared in one copy: an export leaves it out, with no moment, so the other copy keeps its text; the
    report said it was changed at the same moment in both (audit BH F4), then that the file gives no date for it,
    though it dates the entry (BI F1): the file leaves it out."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    other = _file_copy(annotated, tmp_path / "other.db")
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2031-01-01T00:00:00+00:00")  # later
    other.annotations.set_note(first.id, "")
    other.export.write("jsonld", tmp_path / "other.jsonld")
    other.close()
    report = annotated.export.import_annotations(tmp_path / "other.jsonld")
    assert annotated.annotations.get(first.id).note == first.note and report.same_moment == 0
    assert "1 with a note or tags here that the file leaves out (kept here)" in report.summary


def test_a_link_from_one_of_two_twins_is_not_made_from_the_other(annotated, tmp_path):
    """Two notes made in one second on the same words, both as they were: a link made in another copy from the
    second was made here from the first, unreported (audit BH F5). The file names the entry a link's passage is,
    which this library's id and note tell apart: the link is made from the second. A file that does not name it
    leaves the passage untold for a link: refused, and said."""
    one, two = _twins(annotated)
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    b = _file_copy(annotated, tmp_path / "b.db")
    b.links.link(two.id, first.id, "corroborates")
    b.export.write("jsonld", tmp_path / "b.jsonld")
    b.close()
    annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert [e.other.id for e in annotated.links.links_for(one.id)] == []
    assert [e.link.relation for e in annotated.links.links_for(two.id)] == ["corroborates"]
    annotated.links.delete(annotated.links.links_for(two.id)[0].link.id)
    items = json.loads((tmp_path / "b.jsonld").read_text())["first"]["items"]
    unnamed = [{**item, "target": [{k: v for k, v in t.items() if k != "id"} for t in item["target"]]}
               if isinstance(item.get("target"), list) else item for item in items]
    report = annotated.export.import_annotations(_file_of(tmp_path, unnamed))
    assert [e.other.id for e in annotated.links.links_for(one.id)] == []
    assert any("does not say which it means" in line for line in report.skipped)


def _steppe(alas: bool = False, set_in: bool = False) -> str:
    """A typed poem of two stanzas: with a short line in the first, or its even lines set in."""
    stanzas = [["The sun goes down upon the steppe,", "The herds come slowly home,", "The lamas chant within the walls",
                "Of the old white temple dome."],
               ["The night comes down upon the steppe,", "And no one walks abroad,", "The fires burn low in every ger",
                "Beside the frozen road."]]
    if set_in:
        stanzas = [[("    " if number % 2 else "") + line for number, line in enumerate(lines)] for lines in stanzas]
    if alas:
        stanzas[0].insert(2, "Alas!")
    return "THE STEPPE\n\n" + "\n\n".join("\n".join(lines) for lines in stanzas) + "\n"


_TYPED_LAYOUTS = {  # typed texts (a transcription's lines all short), and where a reader counts each paragraph
    "numbered list": ("""MINUTES OF THE MEETING OF 24 NOVEMBER 1934

The meeting opened at ten in the morning with the delegation of the Mongolian
People's Republic and the members of the commission present in the Kremlin.

1. The delegation is to travel by rail to Moscow and to meet the commission
on the 24th of November at the Kremlin, with the interpreter.
2. The question of the lamas is to be raised first, before the herds.
3. The question of the herds of the monasteries is to be raised last.

The meeting closed at two in the afternoon, the minutes signed by both sides.
""", {"1. The": 3, "2. The": 4, "3. The": 5, "The meeting closed": 6}),
    "dialogue": ("""MINUTES OF THE CONVERSATION

GENDEN: The herds of the monasteries are not ours to take, and the lamas
will not give them up without a struggle, Comrade Stalin, as you know.
STALIN: Then you must take them, by force if need be, and soon, Comrade.
GENDEN: The people would not follow us if we did so, not in this year.
""", {"GENDEN: The herds": 2, "will not": 2, "STALIN:": 3, "GENDEN: The people": 4}),
    "footnotes": ("""The two met on 24 November 1934 in the Kremlin, as the minutes of the
meeting say, and not on the 15th, as Zhabaeva wrote in her account.[1]
The date is confirmed by the visitors' log of Stalin's office.[2]

[1] Zhabaeva 2009, p. 45, citing the minutes of the Politburo meeting of
24 November 1934, held in the archive of the party in Ulaanbaatar.
[2] Baabar 1999, p. 312, and the log of visitors to Stalin's office.
""", {"[1] Zhabaeva": 2, "24 November 1934, held": 2, "[2] Baabar": 3}),
    "bulleted list": ("""REPORT ON THE MONASTERIES

The commission found the following in the monasteries of the eastern aimags:
- herds of more than ten thousand head, kept by the lamas for the temples,
and not counted in the census of the year before;
- arms hidden under the floors of three temples.
- letters from Japanese agents in Manchukuo to the abbots of two monasteries.
""", {"- herds": 3, "and not counted": 3, "- arms": 4, "- letters": 5}),
    "poem with a short line": (_steppe(alas=True), {"The sun": 2, "The lamas": 2, "The night": 3, "The fires": 3}),
    "poem set in": (_steppe(set_in=True), {"The sun": 2, "The lamas": 2, "The night": 3, "The fires": 3}),
    "roman items, and a figure going on": ("""THE TREATY OF 1936

The two sides agree on the following, as set out in the protocol of article
7. This protocol is binding on both of them for ten years from its signing:
  i. mutual assistance against any attack on the territory of either side,
     by land or by air;
 ii. consultation on any threat to the peace of either side.

The protocol was signed in Ulaanbaatar on 12 March 1936 by both delegations.
""", {"The two sides": 2, "7. This": 2, "i. mutual": 3, "by land": 3, "ii. consultation": 4, "The protocol": 5}),
    "archival references and a dash in prose": ("""\
The order to arrest the abbots was signed by Choibalsan himself, as the copy
kept in Moscow shows (RGASPI, f. 495, op. 152, d. 9, l. 45; GARF, f. 5446,
op. 1, d. 102, l. 7, and RGVA, f. 33987, op. 3, d. 1004, l. 12, with a note,
d. 1005, l. 3, in Genden's own hand). It was dated 24 November 1934, not the
15th as Zhabaeva says, and the herds of the monasteries were not to be touched,
— and here he looked at the Soviet adviser — before the spring of that year.

The trial of the abbots was held in the spring of 1937 in the theatre of the
capital before crowds brought in from the aimags by lorry and by train.
""", {"d. 1005": 1, "— and here": 1, "The trial": 2}),
    "sections between blank lines, paragraphs ending short": ("""MINUTES OF THE MEETING OF 24 NOVEMBER 1934

The meeting opened at ten in the morning with the delegation of the Mongolian
People's Republic and the members of the commission present in the Kremlin,
Comrade Stalin in the chair.
Comrade Genden reported on the state of the herds and on the lamas, whose
numbers had grown in the last two years, and on the taxes of the monasteries,
raised twice since the spring.
Comrade Molotov asked why the army had not been sent to the western aimags.

RESOLVED

The delegation is to report on the lamas to the Politburo of the party by the
first of January, with figures.
The question of the herds of the monasteries is left to the next meeting, when
the ministry of finance will have its own figures ready.
""", {"The meeting opened": 2, "Comrade Genden": 3, "Comrade Molotov": 4, "RESOLVED": 5, "The delegation": 6,
      "The question": 7}),
    "a typed letter": ("""Ulaanbaatar, 12 March 1936

Dear Comrade Demid,

I write to you about the matter of the herds of the monasteries, which the
ministry has asked me to settle before the spring, and about which you and
I spoke in Moscow in the autumn.
The lamas will not give up the herds without a struggle, and the army is
not ready for it.
I ask you to send me the figures of the ministry of defence.

With comradely greetings,
P. Genden
""", {"I write": 3, "The lamas will not": 4, "I ask you": 5, "With comradely": 6, "P. Genden": 7}),
    "lettered items, and initials": ("""ARTICLE 4

The two sides agree that the following is to be done before the spring of 1937,
as P. Genden and the commission proposed at the meeting of 24 November 1934:
A. The delegation reports on the lamas to the Politburo of the party, with the
   figures of the ministry of finance.
B. The herds of the monasteries are counted by the police of the aimags.

The treaty was signed in Moscow by Stalin, Molotov and Genden, and witnessed by
I. V. Stalin's secretary, and by A. Amar for the Mongolian side at the Kremlin.
""", {"The two sides": 2, "A. The delegation": 3, "figures of": 3, "B. The herds": 4, "The treaty": 5,
      "I. V. Stalin": 5, "A. Amar": 5}),
    "a hymn with a refrain": ("""HYMN OF THE RIVER

Down by the river the herdsmen are singing,
    Sing, O sing!
Over the water their voices are ringing,
    Sing, O sing!

Up on the mountain the lamas are praying,
    Pray, O pray!
Down in the valley the children are playing,
    Play, O play!
""", {"Over the water": 2, "Up on the": 3, "Down in the valley": 3}),
    "free verse": ("""THE STEPPE IN WINTER

The wind comes over the white hills
and no one
answers it, not the herdsman, not the lama at his gate,
not the dog.

In the ger the old woman feeds the fire
with dung
and sings a song her mother sang of the horses of the khan
long dead.
""", {"answers it": 2, "In the ger": 3, "and sings": 3}),
    "a list lettered, then an archival reference": ("""\
The documents of the case are these, as the archive lists them in its register:
a) the order of the council of ministers of 24 November 1934;
b) the report of Genden on the lamas and on their herds;
c) the minutes of the meeting of the politburo of 1935.

The copy of the order kept in Moscow (RGASPI, f. 495, op. 152, d. 9, l. 45,
d. 1005, l. 3) bears a note in Genden's own hand, written in red pencil, and
- as the archivist writes - the report is lost, and the minutes survive only
in a Russian translation made in 1936 for the commission of the party.

Nothing else of the case is known to have survived the fire of the archive.
""", {"a) the order": 2, "c) the minutes": 4, "The copy": 5, "d. 1005": 5, "- as the": 5, "Nothing else": 6}),
    "turns of a Russian dialogue": ("""\
Генден долго молчал, глядя в окно на серую площадь перед дворцом, и сказал:
— Вы понимаете, что это значит для нас и для всей нашей партии?
Демид молчал, глядя в пол, и наконец ответил ему тихим голосом, почти шёпотом:
— Понимаю, товарищ Генден, и не вижу другого пути для нашей страны.
Генден встал из-за стола и подошёл к окну, за которым шёл мокрый снег.
""", {"— Вы": 2, "— Понимаю": 3}),  # (the author's words after a turn are told from a turn's next line by no sign)
    "first-line indents": ("""MINUTES OF THE MEETING

     The meeting opened at ten in the morning with the delegation of the
Mongolian People's Republic and the members of the commission present in
the Kremlin, and Comrade Stalin spoke first about the lamas and the herds.
     Genden answered for an hour about the lamas and their herds.
     Stalin then asked whether the party could count on the army in the
west, where the risings of 1932 had begun, and Genden did not answer him.
""", {"The meeting": 2, "Genden answered": 3, "Stalin then": 4, "west, where": 4}),
}


@pytest.mark.parametrize("layout", sorted(_TYPED_LAYOUTS))
def test_typed_lists_turns_footnotes_verse_and_indents_are_counted_as_a_reader_counts_them(layout):
    """In typed texts a numbered or bulleted list's items, a dialogue's turns and footnotes were one paragraph each
    block (audit BI F6), a stanza was cut at a short line or at its set-in lines (BI F7), and a one-line paragraph
    set in took the next one in (BI F11): a list or note mark or a speaker's name opens a paragraph, a text whose
    paragraphs stand between blank lines is counted by them, and a text's own first-line indent opens one."""
    from reader.core.export.paragraphs import paragraph_at, paragraph_starts

    text, expected = _TYPED_LAYOUTS[layout]
    starts = paragraph_starts(text)
    assert {words: paragraph_at(starts, text.index(words)) for words in expected} == expected


def test_a_block_quote_and_minutes_of_short_replies_are_counted_as_a_reader_counts_them():
    """Every line of a block quote set in on all its lines counted a paragraph (audit BH F10), and minutes of
    one-line replies, each set in, counted none (BH F11): a line opens a paragraph after one short of the width,
    or set in otherwise than the line before and the lines that go on."""
    import textwrap

    from reader.core.export.paragraphs import paragraph_at, paragraph_starts

    words = ("The delegation arrived at the station in the early morning and was met by officials of the ministry "
             "who took them to the guest house by the river where they rested until noon. ")
    quote = textwrap.fill(words * 2 + "QUOTED.", 70, initial_indent=" " * 8, subsequent_indent=" " * 8)
    letter = f"{textwrap.fill(words * 2 + 'ALPHA.', 70)}\n\n{quote}\n\n{textwrap.fill(words + 'BRAVO.', 70)}"
    replies = ["Stalin: How is the army?", "Genden: Good.", "Stalin: " + words + "ALPHA.", "Genden: No.",
               "Molotov: Enough."]
    minutes = "RECORD OF CONVERSATION\n" + "\n".join(textwrap.fill(r, 70, initial_indent="     ") for r in replies)
    for text, expected in ((letter, {"ALPHA": 1, "QUOTED": 2, "BRAVO": 3}),
                           (minutes, {"army": 2, "Good": 3, "ALPHA": 4, "No.": 5, "Enough": 6})):
        starts = paragraph_starts(text)
        assert {words: paragraph_at(starts, text.index(words)) for words in expected} == expected


def _two_readings(workspace, monkeypatch):
    """The first note, a second on its words ten minutes later (two readings of one sentence), and a note on
    another document."""
    first = min(workspace.annotations.all(), key=lambda a: a.id)
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2030-01-01T00:10:00+00:00")
    second = workspace.annotations.create(first.document_id, first.start, first.end, note="second reading")
    other = max(workspace.annotations.all(), key=lambda a: (a.document_id != first.document_id, -a.id))
    return first, second, other


def test_a_link_from_the_second_of_two_notes_on_one_sentence_arrives(annotated, tmp_path, monkeypatch):
    """Two readings of one sentence, noted ten minutes apart: a link and a Notebook citation of the second, made in
    one copy, were refused in the other as 'one of several notes made at one moment' (audit BI F2, data loss). A
    link's or citation's passage names the annotation entry it is, so either note is told."""
    first, second, other = _two_readings(annotated, monkeypatch)
    b = _file_copy(annotated, tmp_path / "b.db")
    annotated.links.link(second.id, other.id, "corroborates", "the second reading")
    annotated.notebook.create("The second reading holds.", "Date", None, [second.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    report = b.export.import_annotations(tmp_path / "a.jsonld")
    assert not report.skipped
    assert [(e.link.relation, e.other.id) for e in b.links.links_for(second.id)] == [("corroborates", other.id)]
    assert [note.citations for note in b.notebook.all_notes()] == [(second.id,)]
    b.close()


def test_another_librarys_highlight_of_a_word_elsewhere_is_placed_with_its_link(workspace, corpus_template, tmp_path):
    """A colleague's highlight of the third "Genden", whose id is that of this library's highlight of the first,
    was counted 'already here' and its link made from the first "Genden" (audit BI F4): an id names an annotation
    here only where the entry's words are where it is."""
    colleague = _library_copy(corpus_template, tmp_path / "c.db")  # made apart: its ids start at 1 too
    document_id = workspace.documents.resolve("002_ff824666d88bbe20.txt").id
    theirs = colleague.annotations.create_at_quote(document_id, "Genden", occurrence=3)
    other = colleague.annotations.create_at_quote(colleague.documents.resolve("000_8339fa2bec93c400.txt").id,
                                                  "The two met on November 15, 1934.")
    colleague.links.link(theirs.id, other.id, "contradicts", "which Genden meeting?")
    colleague.export.write("jsonld", tmp_path / "c.jsonld")
    colleague.close()
    mine = workspace.annotations.create_at_quote(document_id, "Genden", occurrence=1)
    assert mine.id == theirs.id
    workspace.export.import_annotations(tmp_path / "c.jsonld")
    placed = workspace.annotations.at(document_id, theirs.start, theirs.end)
    assert placed is not None and placed.id != mine.id
    assert [e.link.note for e in workspace.links.links_for(placed.id)] == ["which Genden meeting?"]
    assert workspace.links.links_for(mine.id) == []


def test_a_notebook_citation_of_a_highlight_in_the_trash_here_is_kept(annotated, tmp_path):
    """A Notebook note read from another copy citing a highlight this copy put in the Trash was made citing nothing,
    unsaid, and restoring the highlight did not bring the citation back (audit BI F9, data loss): it cites the one in
    the Trash, as a note here does."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    b = _file_copy(annotated, tmp_path / "b.db")
    b.annotations.delete(first.id)
    annotated.notebook.create("The 15th is wrong: see the minutes.", "Date", None, [first.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    b.export.import_annotations(tmp_path / "a.jsonld")
    [note] = b.notebook.all_notes()
    assert note.citations == (first.id,)
    b.annotations.restore(first.id)
    assert b.notebook.get(note.id).citations == (first.id,)
    b.close()


def test_a_note_edited_in_hypothesis_or_given_as_body_value_is_taken_when_newer(workspace, tmp_path):
    """A note from Hypothesis (its text and tags) or given as bodyValue, edited there and read again, was never
    taken, said 'the file gives no date' though it gives when it was updated (audit BI F12): such a note and tags
    were changed at the entry's own moment. A file giving no colour leaves this one's as it is, unsaid."""
    source = "urn:annotated-reader:document:000_8339fa2bec93c400.txt"
    target = [{"source": source, "selector": [{"type": "TextQuoteSelector", "exact": "The Fall of Genden"}]}]
    row = {"id": "hyp1", "uri": source, "text": "Written in Hypothesis", "tags": ["hyp"], "target": target,
           "created": "2021-05-06T07:08:09+00:00", "updated": "2021-06-07T07:08:09+00:00"}
    workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    [here] = workspace.annotations.all()
    workspace.annotations.set_color(here.id, "green")
    again = workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    assert (again.already, again.undated) == (1, 0)
    edited = {**row, "text": "Corrected in Hypothesis", "tags": ["hyp", "checked"],
              "updated": "2031-01-01T00:00:00+00:00"}
    report = workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [edited]}))
    here = workspace.annotations.get(here.id)
    assert (here.note, set(here.tags), here.color, report.updated) == ("Corrected in Hypothesis", {"hyp", "checked"},
                                                                       "green", 1)
    w3c = {"type": "Annotation", "id": "https://example.org/anno/7", "bodyValue": "first text",
           "created": "2021-05-06T07:08:10Z", "modified": "2021-05-06T07:08:10Z",
           "target": {"source": source, "selector": {"type": "TextQuoteSelector", "exact": "Genden Gets Corrected"}}}
    workspace.export.import_annotations(_file_of(tmp_path, [w3c]))
    workspace.export.import_annotations(_file_of(tmp_path, [{**w3c, "bodyValue": "second text",
                                                             "modified": "2031-02-02T00:00:00Z"}]))
    assert [a.note for a in workspace.annotations.all() if a.quote.exact == "Genden Gets Corrected"] == ["second text"]


def test_a_note_and_tags_the_file_leaves_out_are_said_kept(annotated, tmp_path, monkeypatch):
    """A note and its tags cleared in another copy, recoloured there too: the colour was taken and nothing said the
    note and tags were not cleared here; cleared alone, they were said 'which gives no date', though the file dates
    its entry (audit BI F1). Parts a file leaves out are kept, and said so."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)

    def cleared(copy):
        copy.annotations.set_note(first.id, "")
        copy.annotations.set_tags(first.id, [])
        copy.annotations.set_color(first.id, "green")

    report = annotated.export.import_annotations(_edited_in_a_copy(annotated, tmp_path, monkeypatch, cleared))
    here = annotated.annotations.get(first.id)
    assert (here.color, here.note, here.tags) == ("green", first.note, first.tags)
    assert "1 with a note or tags here that the file leaves out (kept here)" in report.summary
    assert "gives no date" not in report.summary


def test_citations_changed_in_one_copy_reach_the_other_unless_changed_here_since(annotated, tmp_path, monkeypatch):
    """A citation added to a Notebook note in one copy never reached the other, said 'already here', nor with the
    note's newer text (audit BI F3, data loss): a note's citations keep the moment they were changed, and the
    copy that changed them last gives them; a citation taken out here since stays out."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("The date is in doubt.", "Date", None, [first.id])
    both = _edited_in_a_copy(annotated, tmp_path, monkeypatch,
                             lambda copy: copy.notebook.edit(note.id, citations=[first.id, second.id]))
    report = annotated.export.import_annotations(both)
    assert annotated.notebook.get(note.id).citations == (first.id, second.id)
    assert any("the citations of the Notebook note" in line for line in report.changed)
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2032-01-01T00:00:00+00:00")  # later still
    annotated.notebook.edit(note.id, citations=[second.id])  # taken out here after the copy's change
    annotated.export.import_annotations(both)
    assert annotated.notebook.get(note.id).citations == (second.id,)


def test_a_notes_citations_in_an_upgraded_library_keep_the_moment_of_the_upgrade(annotated, tmp_path, monkeypatch):
    """Upgrade step m030 left a note's citations no moment, read as its last change, so a text edit here after a
    copy added a citation made the citations 'newer here' and the citation was lost (audit BJ F2): the upgrade
    gives each note's citations the moment of its last change then."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("The date is in doubt.", "Date", None, [first.id])
    library = upgraded(annotated, "m030_a_notes_citations_have_their_moment",
                       "ALTER TABLE notebook_notes DROP COLUMN cited_at")
    added = _edited_in_a_copy(library, tmp_path, monkeypatch,
                              lambda copy: copy.notebook.edit(note.id, citations=[first.id, second.id]))
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2032-01-01T00:00:00+00:00")  # later still
    library.notebook.edit(note.id, body="The date is in doubt: see the minutes.")
    library.export.import_annotations(added)
    assert library.notebook.get(note.id).citations == (first.id, second.id)
    library.close()


def test_taking_another_copys_citations_keeps_one_whose_passage_is_not_placed_here(annotated, tmp_path, monkeypatch):
    """A note's newer citations from another copy replaced this one's by those whose passages could be placed here:
    a citation of a document in the Trash here was dropped for good, though neither copy took it out (audit BJ F3).
    A list holding a passage not placed here is only completed."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    assert _cited_with_a_document_in_the_trash(annotated, tmp_path, monkeypatch, [second.id], [second.id, first.id],
                                               second.document_id) == (second.id, first.id)


def _cited_with_a_document_in_the_trash(annotated, tmp_path, monkeypatch, cited: list[int], cited_there: list[int],
                                        trashed: int) -> tuple[int, ...]:
    """What a note citing `cited` cites once a copy's export citing `cited_there` (changed later) is read while the
    document `trashed` is in the Trash here, and restored."""
    note = annotated.notebook.create("The date is in doubt.", "Date", None, cited)
    path = _edited_in_a_copy(annotated, tmp_path, monkeypatch,
                             lambda copy: copy.notebook.edit(note.id, citations=cited_there))
    annotated.documents.delete(trashed)
    annotated.export.import_annotations(path)
    annotated.documents.restore(trashed)
    return annotated.notebook.get(note.id).citations


def test_a_link_to_a_note_in_the_trash_here_is_not_made_from_another_on_its_words(annotated, tmp_path, monkeypatch):
    """Two readings of one sentence, the second in the Trash here: another copy's link and Notebook citation of the
    second were made from the first, unsaid, though the file names the second (audit BJ F1). They end at the one
    in the Trash: the link is not made (said so), the note cites it there."""
    first, second, other = _two_readings(annotated, monkeypatch)

    def linked(copy):
        copy.links.link(second.id, other.id, "corroborates", "the second reading")
        copy.notebook.create("Only the second reading holds.", "Date", None, [second.id])

    path = _edited_in_a_copy(annotated, tmp_path, monkeypatch, linked)
    annotated.annotations.delete(second.id)
    report = annotated.export.import_annotations(path)
    assert [e.link.note for e in annotated.links.links_for(first.id)] == ["15 or 24 November?"]
    assert report.links_in_trash == 1
    assert [note.citations for note in annotated.notebook.all_notes()] == [(second.id,)]


def test_a_notes_citations_a_file_gives_no_moment_for_are_completed_not_taken_away(annotated, tmp_path,
                                                                                  monkeypatch):
    """A note without citations in another copy, whose text alone was edited there, had the citation added here
    taken away, as did any file of the previous version (audit BJ F9, data loss): citations a file gives no moment
    for (none cited, or an older export) only complete those here."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("Was the meeting on the 15th?", "Date", None, [])
    copy = _file_copy(annotated, tmp_path / "b.db")
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2031-01-01T00:00:00+00:00")
    annotated.notebook.edit(note.id, citations=[first.id])
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2032-01-01T00:00:00+00:00")
    copy.notebook.edit(note.id, body="Was it the 15th? The minutes say the 24th.")
    copy.notebook.create("Another", "Old file", None, [second.id])
    copy.export.write("jsonld", tmp_path / "b.jsonld")
    copy.close()
    report = annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert annotated.notebook.get(note.id).citations == (first.id,)
    assert annotated.notebook.get(note.id).body == "Was it the 15th? The minutes say the 24th."
    items = json.loads((tmp_path / "b.jsonld").read_text())["first"]["items"]
    for item in items:  # as the previous version wrote them: no moment on a cited passage
        for target in item["target"] if isinstance(item.get("target"), list) else []:
            if isinstance(target, dict):
                target.pop("modified", None)
    annotated.notebook.edit(note.id, citations=[first.id, second.id])
    annotated.export.import_annotations(_file_of(tmp_path, items))
    assert annotated.notebook.get(note.id).citations == (first.id, second.id)
    assert "changed at the same moment" not in report.summary


def test_a_notes_citations_completed_later_keep_the_files_order(annotated, tmp_path):
    """A note citing the 15th, then the 24th, read where the first source was not yet imported, cited the 24th; read
    again once it was, it cited the 24th, then the 15th (audit BZ F5): its quoted evidence reordered."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("Which is it?", "Dates", citations=[first.id, second.id])
    annotated.export.write("jsonld", tmp_path / "notes.jsonld")
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([TEXTS / "002_ff824666d88bbe20.txt"])
    fresh.export.import_annotations(tmp_path / "notes.jsonld")
    fresh.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    fresh.export.import_annotations(tmp_path / "notes.jsonld")
    [note] = [note for note in fresh.notebook.all_notes() if note.title == "Dates"]
    assert [fresh.annotations.cited(c)[0].quote.exact for c in note.citations] == [first.quote.exact,
                                                                                   second.quote.exact]
    fresh.close()


def test_a_notes_text_and_citations_taken_together_are_said_once(annotated, tmp_path, monkeypatch):
    """A note whose text and citations another copy changed was counted as two updated (audit BJ F10)."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("The date is in doubt.", "Date", None, [first.id])
    both = _edited_in_a_copy(annotated, tmp_path, monkeypatch, lambda copy: copy.notebook.edit(
        note.id, body="The minutes say the 24th.", citations=[first.id, second.id]))
    report = annotated.export.import_annotations(both)
    assert report.updated == 1 and report.changed == ["the text and the citations of the Notebook note “Date”"]


def test_reading_its_own_export_back_adds_no_second_note_in_review(workspace, tmp_path):
    """A note left in review (its words only proposed at another of their places) is exported as its quote alone;
    read back in the same library, a second note was made where the words first stand (audit BJ F11)."""
    notice = "Notice: the archive of the party closes at five in the afternoon."
    letters = [f"Letter {number} tells of Genden meeting Stalin in the Kremlin, and of much else besides."
               for number in range(1, 5)]
    (tmp_path / "notice.txt").write_text("\n\n".join(f"{notice}\n\n{letter}" for letter in letters) + "\n")
    workspace.documents.import_paths([tmp_path / "notice.txt"])
    document_id = workspace.documents.resolve("notice.txt").id
    text = workspace.documents.text(document_id).text
    fourth = workspace.annotations.create_at_quote(document_id, notice, 4, note="the fourth notice")
    workspace.documents.correct_text(document_id, text[:fourth.start] + text[fourth.end + 2:])
    workspace.export.write("jsonld", tmp_path / "own.jsonld")
    workspace.export.import_annotations(tmp_path / "own.jsonld")
    assert [a.note for a in workspace.annotations.all()].count("the fourth notice") == 1


def test_an_id_another_tool_gives_its_passages_does_not_name_one_of_them(workspace, tmp_path):
    """A file giving its passages one id (another tool's page address) had a link between two of them refused as
    'its two passages are the same passage' (audit BJ F12): only this program's ids name an entry's passage."""
    source = "urn:annotated-reader:document:000_8339fa2bec93c400.txt"

    def passage(words):
        return {"id": "https://example.org/page/genden", "type": "SpecificResource", "source": source,
                "selector": {"type": "TextQuoteSelector", "exact": words}}

    entries = [{"type": "Annotation", "id": f"https://example.org/anno/{number}", "target": passage(words)}
               for number, words in enumerate(("The Fall of Genden", "The two met on November 15, 1934."))]
    entries.append({"type": "Annotation", "id": "https://example.org/anno/link", "motivation": "linking",
                    "body": {"type": "TextualBody", "value": "contradicts", "purpose": "tagging"},
                    "target": [passage("The Fall of Genden"), passage("The two met on November 15, 1934.")]})
    report = workspace.export.import_annotations(_file_of(tmp_path, entries))
    assert report.linked == 1 and not report.skipped


def test_tags_another_tool_gives_without_their_moment_are_added_to_those_here(workspace, tmp_path, monkeypatch):
    """A Hypothesis note corrected there and read again replaced the tags added here since by its own unchanged ones
    (audit BJ F8, data loss): tags a file gives without a moment of their own are added to those here, none taken
    away; its note, dated by the entry, is taken."""
    source = "urn:annotated-reader:document:000_8339fa2bec93c400.txt"
    row = {"id": "hyp1", "uri": source, "text": "Written in Hypothesis", "tags": ["hyp"],
           "target": [{"source": source, "selector": [{"type": "TextQuoteSelector", "exact": "The Fall of Genden"}]}],
           "created": "2030-01-01T00:00:00+00:00", "updated": "2030-01-01T00:00:00+00:00"}
    workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    [here] = workspace.annotations.all()
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2030-02-01T00:00:00+00:00")
    workspace.annotations.set_tags(here.id, ["hyp", "checked"])
    edited = {**row, "text": "Written in Hypothesis, corrected", "tags": ["hyp", "from-hypothesis"],
              "updated": "2030-03-01T00:00:00+00:00"}
    workspace.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [edited]}))
    here = workspace.annotations.get(here.id)
    assert here.note == "Written in Hypothesis, corrected"
    assert set(here.tags) == {"hyp", "checked", "from-hypothesis"}


def test_a_passage_of_a_document_in_the_trash_here_is_said_so(annotated, tmp_path):
    """A file's passage on a document this library has in the Trash was said to be on a document 'not in this
    library' (audit BJ F10): the line says where it is, and how to bring it in."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    annotated.documents.delete(second.document_id)
    report = annotated.export.import_annotations(tmp_path / "a.jsonld")
    name = annotated.documents.get(second.document_id, include_trashed=True).file_name
    assert any(f"its document {name} is in the Trash here" in line for line in report.skipped)
    assert not any("not in this library" in line for line in report.skipped)


def test_a_notes_last_citation_taken_out_in_one_copy_is_taken_out_in_the_other(annotated, tmp_path, monkeypatch):
    """A note's every citation taken out in one copy stayed in the other for good, said 'already here': an export
    gave no moment for citations it held none of (audit BK F1). It gives it on the note's document or Notebook."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    free = annotated.notebook.create("Was the meeting on the 15th?", "Date", None, [first.id])
    about = annotated.notebook.create("On this account.", "Source", first.document_id, [first.id])
    path = _edited_in_a_copy(annotated, tmp_path, monkeypatch, lambda copy: [
        copy.notebook.edit(note.id, citations=[]) for note in (free, about)])
    report = annotated.export.import_annotations(path)
    assert annotated.notebook.get(free.id).citations == annotated.notebook.get(about.id).citations == ()
    assert report.updated == 2


def test_a_notes_text_and_citations_taken_together_are_said_once_by_its_name_then(annotated, tmp_path, monkeypatch):
    """An untitled note whose text and citations another copy changed was said as two updates of two notes, named
    by its text before and after (audit BK F2)."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("Was the meeting on the 15th?", "", None, [first.id])
    both = _edited_in_a_copy(annotated, tmp_path, monkeypatch, lambda copy: copy.notebook.edit(
        note.id, body="The minutes say the 24th.", citations=[first.id, second.id]))
    report = annotated.export.import_annotations(both)
    assert report.changed == ["the text and the citations of the Notebook note “Was the meeting on the 15th?”"]


def test_a_note_upgraded_without_a_moment_for_its_citations_keeps_it_when_its_text_changes(annotated):
    """A note whose citations have no moment (a library an earlier build upgraded) had it follow every edit of its
    text, so a copy's added citation became 'older' (audit BK F3): an edit of its text sets it where it was."""
    import sqlite3
    from contextlib import closing

    first = min(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("The date is in doubt.", "Date", None, [first.id])
    with closing(with_functions(sqlite3.connect(annotated.path))) as db, db:
        db.execute("UPDATE notebook_notes SET cited_at = NULL, modified_at = '2020-01-01T00:00:00+00:00'")
    edited = annotated.notebook.edit(note.id, body="The minutes say the 24th.")
    assert edited.cited_at == "2020-01-01T00:00:00+00:00" < edited.modified_at


def test_a_link_to_a_note_the_file_does_not_hold_ends_at_the_note_its_id_names(annotated, tmp_path, monkeypatch):
    """An export of one document holds its notes and their links, not the notes at the links' far ends: a link to
    the second of two notes on one sentence was made to the first, and made though the second was in the Trash
    here (audit BK F8). The id the file gives the far end names it here, where its words are."""
    first, second, other = _two_readings(annotated, monkeypatch)
    copy = _file_copy(annotated, tmp_path / "b.db")
    copy.links.link(other.id, second.id, "contradicts", "the second reading")
    copy.export.write("jsonld", tmp_path / "b.jsonld", scope=Scope(document_id=other.document_id))
    copy.close()
    trashed = _file_copy(annotated, tmp_path / "c.db")
    annotated.export.import_annotations(tmp_path / "b.jsonld")
    assert [e.link.note for e in annotated.links.links_for(second.id)] == ["the second reading"]
    assert [e.link.note for e in annotated.links.links_for(first.id)] == ["15 or 24 November?"]
    trashed.annotations.delete(second.id)
    report = trashed.export.import_annotations(tmp_path / "b.jsonld")
    assert report.links_in_trash == 1
    assert [e.link.note for e in trashed.links.links_for(first.id)] == ["15 or 24 November?"]
    trashed.close()


def test_tags_another_tool_adds_arrive_and_an_older_export_of_this_program_takes_tags_out(annotated, corpus_template,
                                                                                         tmp_path, monkeypatch):
    """A tag Hypothesis added was refused as 'newer here' when a tag had been added here later, and a tag taken out
    in a copy whose export predates the tags' own moments never left the other (audit BK F4): another tool's tags
    are added whatever the moments; this program's older exports are dated by their entry as before."""
    library, row, here = _from_hypothesis(corpus_template, tmp_path, ["hyp"])
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2030-03-01T00:00:00+00:00")
    library.annotations.set_tags(here.id, ["hyp", "mine"])
    library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [
        {**row, "tags": ["hyp", "h2"], "updated": "2030-02-01T00:00:00+00:00"}]}))
    assert set(library.annotations.get(here.id).tags) == {"hyp", "mine", "h2"}
    library.close()
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    path = _edited_in_a_copy(annotated, tmp_path, monkeypatch,
                             lambda copy: copy.annotations.set_tags(first.id, ["date"]))
    items = json.loads(path.read_text())["first"]["items"]
    for item in items:  # as exports before the tags' own moments wrote them
        for body in item.get("body", []) if isinstance(item.get("body"), list) else []:
            body.pop("modified", None)
    annotated.export.import_annotations(_file_of(tmp_path, items))
    assert annotated.annotations.get(first.id).tags == ("date",)


def test_a_citation_taken_out_in_a_copy_leaves_though_another_passage_is_not_placed_here(annotated, tmp_path,
                                                                                        monkeypatch):
    """While a note also cited a passage not placed here (its document in the Trash here), a citation another copy
    took out later stayed, said 'already here' (audit BK F11): a passage not placed is the citation here on its
    words, if one is, and the rest of the newer list is taken."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    third = annotated.annotations.create_at_quote(first.document_id, "Genden")
    assert _cited_with_a_document_in_the_trash(annotated, tmp_path, monkeypatch, [first.id, second.id, third.id],
                                               [second.id, third.id], second.document_id) == (second.id, third.id)


def test_a_citation_moved_to_a_document_not_here_is_not_taken_for_one_on_the_same_words(annotated, tmp_path,
                                                                                        monkeypatch):
    """A copy's note citing the same sentence in a document this library lacks had its passage taken for this
    note's citation on those words in another document, kept, unsaid (audit BL F5): a passage not placed is a
    citation here only in its own document."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("The date is in doubt.", "Date", None, [first.id])
    (tmp_path / "minute_copy.txt").write_text(f"A copy of the minute.\n\n{first.quote.exact}\n", encoding="utf-8")

    def moved(copy):
        copy.documents.import_paths([tmp_path / "minute_copy.txt"])
        there = copy.annotations.create_at_quote(copy.documents.resolve("minute_copy.txt").id, first.quote.exact)
        copy.notebook.edit(note.id, citations=[there.id])

    report = annotated.export.import_annotations(_edited_in_a_copy(annotated, tmp_path, monkeypatch, moved))
    assert annotated.notebook.get(note.id).citations == ()
    assert any("minute_copy.txt is not in this library (a passage a Notebook note cites)" in line
               for line in report.skipped)


def test_two_notes_of_one_title_changed_apart_are_said_apart(annotated, tmp_path, monkeypatch):
    """Two Notebook notes titled alike, the text of one and the citations of the other changed in a copy, were said
    as one update of both parts (audit BL F2)."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2030-01-01T00:00:00+00:00")
    one = annotated.notebook.create("The 15th.", "Date", None, [first.id])
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2030-01-01T00:05:00+00:00")  # (not one second)
    two = annotated.notebook.create("The 24th.", "Date", None, [second.id])
    path = _edited_in_a_copy(annotated, tmp_path, monkeypatch, lambda copy: (
        copy.notebook.edit(one.id, citations=[first.id, second.id]),
        copy.notebook.edit(two.id, body="The 24th, says the minute.")))
    report = annotated.export.import_annotations(path)
    assert report.updated == 2 and sorted(report.changed) == ["the citations of the Notebook note “Date”",
                                                              "the text of the Notebook note “Date”"]


def test_tags_another_tool_took_out_leave_and_those_taken_out_here_stay_out(annotated, corpus_template, tmp_path,
                                                                         monkeypatch):
    """Another tool's tags have no moments, so they were only added: a tag taken out here came back with every
    reading of a Hypothesis export that still gave it, and one taken out in Hypothesis never left (audit BK F4). The
    tags it gave when last read are kept with the note: what it added or took out since is added or taken out here,
    what the user changed here stays."""
    library, row, here = _from_hypothesis(corpus_template, tmp_path, ["hyp", "draft"])
    monkeypatch.setattr("reader.core.storage.annotations.now", lambda: "2030-02-01T00:00:00+00:00")
    library.annotations.set_tags(here.id, ["hyp", "mine"])
    report = library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    assert set(library.annotations.get(here.id).tags) == {"hyp", "mine"} and report.already == 1
    retagged = {**row, "tags": ["draft", "checked"], "updated": "2030-03-01T00:00:00+00:00"}
    library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [retagged]}))
    assert set(library.annotations.get(here.id).tags) == {"mine", "checked"}
    library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [
        {**retagged, "tags": [], "updated": "2030-04-01T00:00:00+00:00"}]}))
    assert library.annotations.get(here.id).tags == ("mine",)
    library.history.undo()
    assert set(library.annotations.get(here.id).tags) == {"mine", "checked"}
    library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [retagged]}))
    assert set(library.annotations.get(here.id).tags) == {"mine", "checked"}
    library.close()


def test_a_citation_on_a_document_in_the_trash_here_is_the_note_its_id_names(annotated, tmp_path, monkeypatch):
    """A note citing both of two highlights of one date in a document in the Trash here, one taken out in a copy:
    the citation kept was matched by its words alone, so the one taken out stayed and the one kept left, for good
    (audit BM F1). The passage's id names the note here."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    again = annotated.annotations.create_at_quote(second.document_id, "November 24, 1934", occurrence=2)
    assert _cited_with_a_document_in_the_trash(annotated, tmp_path, monkeypatch, [first.id, second.id, again.id],
                                               [first.id, again.id], second.document_id) == (first.id, again.id)


def test_a_note_and_its_citations_on_a_document_in_the_trash_here_are_said_so(annotated, tmp_path):
    """A Notebook note on a document in the Trash here was said to be on one 'not in this library' (audit BM F4),
    and an unchanged note's citation there was listed as not placed, though the note here cites it (BM F6)."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("On this account.", "Source", second.document_id, [first.id])
    annotated.notebook.create("The date is in doubt.", "Date", None, [first.id, second.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    annotated.documents.delete(second.document_id)
    report = annotated.export.import_annotations(tmp_path / "a.jsonld")
    name = annotated.documents.get(second.document_id, include_trashed=True).file_name
    assert any(f"the document it is on, {name}, is in the Trash here" in line for line in report.skipped)
    assert not any("a passage a Notebook note cites" in line for line in report.skipped), report.skipped


def test_an_id_too_large_for_a_note_here_names_none(annotated, tmp_path):
    """A passage's id of a number too large for the library failed the whole reading with 'something went wrong
    inside the program (OverflowError)' (audit BO F13): it names no note here."""
    first, second = sorted(annotated.annotations.all(), key=lambda a: a.id)
    annotated.notebook.create("The date is in doubt.", "Date", None, [first.id, second.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    text = (tmp_path / "a.jsonld").read_text(encoding="utf-8")
    huge = "123456789012345678901234"
    (tmp_path / "a.jsonld").write_text(text.replace(f"annotation:{second.id}", f"annotation:{huge}"), encoding="utf-8")
    annotated.documents.delete(second.document_id)
    annotated.export.import_annotations(tmp_path / "a.jsonld")


def _from_hypothesis(corpus_template, tmp_path, tags: list[str]):
    """A copy of the library that read a Hypothesis note with these tags: the library, the note's row as Hypothesis
    gave it, and the note made here."""
    source = "urn:annotated-reader:document:000_8339fa2bec93c400.txt"
    row = {"id": "hyp1", "uri": source, "text": "Written in Hypothesis", "tags": tags,
           "target": [{"source": source, "selector": [{"type": "TextQuoteSelector", "exact": "The Fall of Genden"}]}],
           "created": "2030-01-01T00:00:00+00:00", "updated": "2030-01-01T00:00:00+00:00"}
    library = _library_copy(corpus_template, tmp_path / "h.db")
    library.export.import_annotations(_file_of(tmp_path, {"total": 1, "rows": [row]}))
    [here] = library.annotations.all()
    return library, row, here


def test_what_is_newer_here_is_counted_by_kind(annotated, tmp_path, monkeypatch):
    """Read back after an annotation's note and a link's note were edited here, the line said "2 already here in a
    newer edit" beside "2 already here", more than the file's annotations (audit DJ 11): each kind is named."""
    path = tmp_path / "notes.jsonld"
    annotated.export.write("jsonld", path)
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    [entry] = annotated.links.links_for(first.id)
    for module in ("annotations", "links"):  # later than the export
        monkeypatch.setattr(f"reader.core.storage.{module}.now", lambda: "2031-01-01T00:00:00+00:00")
    annotated.annotations.set_note(first.id, "rewritten here")
    annotated.links.update(entry.link.id, note="the link's note rewritten here")
    report = annotated.export.import_annotations(path)
    assert report.newer_here == 2
    assert "1 annotation and 1 link already here in a newer edit (kept as they are)" in report.summary, report.summary


def test_a_notebook_note_newer_here_in_text_and_citations_is_counted_once(annotated, tmp_path, monkeypatch):
    """A Notebook note edited here since the export, in its text and in its citations, was said as "2 Notebook notes
    already here in a newer edit" (audit DN F5): one note, counted once."""
    first = min(annotated.annotations.all(), key=lambda a: a.id)
    second = max(annotated.annotations.all(), key=lambda a: a.id)
    note = annotated.notebook.create("Draft: 15th or 24th?", "Meeting date", first.document_id, [first.id])
    annotated.export.write("jsonld", tmp_path / "a.jsonld")
    monkeypatch.setattr("reader.core.storage.notebook.now", lambda: "2031-01-02T00:00:00+00:00")
    annotated.notebook.edit(note.id, body="Revised: the 24th", citations=[first.id, second.id])
    report = annotated.export.import_annotations(tmp_path / "a.jsonld")
    assert report.newer_here == 1 and "1 Notebook note already here in a newer edit" in report.summary, report.summary
