"""TEI: each note's anchors hold exactly its passage, wherever the passage starts and ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.export import tei
from reader.core.export.items import ExportItem
from reader.core.records.annotations import Annotation, TextQuote
from reader.core.records.documents import DocumentInfo, Metadata
from reader.core.records.entities import EntitySummary, Mention
from reader.core.records.pages import PageInfo


def anchored(xml: str, document_id: int) -> tuple[str, dict[str, int]]:
    """One document's body text and where in it each anchor stands (walked in document order, as a reader of the
    file finds them)."""
    root = etree.fromstring(xml.encode("utf-8"))
    [body] = root.xpath("//t:TEI[@xml:id=$id]/t:text/t:body", namespaces={"t": tei.TEI}, id=f"doc{document_id}")
    offsets: dict[str, int] = {}

    def walk(element: etree._Element, position: int) -> int:
        """Where the text stands after `element` and its children (not its tail)."""
        if etree.QName(element).localname == "anchor":
            offsets[element.get(tei.XML_ID)] = position
        position += len(element.text or "")
        for child in element:
            position = walk(child, position) + len(child.tail or "")
        return position

    walk(body, 0)
    return "".join(body.itertext()), offsets


def assert_passages_between_anchors(xml: str, document_id: int, text: str, annotations: list[Annotation]) -> None:
    """The body is the text, and between each annotation's start and end anchors stands its quote."""
    body, offsets = anchored(xml, document_id)
    assert body == text == tei.plain_text(xml, document_id)
    for a in annotations:
        start, end = offsets[f"d{document_id}a{a.id}s"], offsets[f"d{document_id}a{a.id}e"]
        assert (start, end, body[start:end]) == (a.start, a.end, a.quote.exact), a


INFO = DocumentInfo(1, "account.txt", Metadata(), 1, 1, 0, 0, "", "")
PERSON = EntitySummary(7, "Genden", "PERSON", (), 1, 1)


@st.composite
def marked_up(draw):
    """A text with names and dates (some overlapping, as recognition can leave them), page starts, and notes and
    highlights on any range of it."""
    text = draw(st.text(alphabet="ab \n", min_size=2, max_size=40))
    ranges = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted).filter(lambda r: r[0] < r[1])
    mentions = [Mention(1, s, e, text[s:e], kind, 7, "1934" if kind == "DATE" else "")
                for (s, e), kind in draw(st.lists(st.tuples(ranges, st.sampled_from(["PERSON", "DATE"])),
                                                  max_size=6))]
    annotations = [Annotation(number, 1, 1, s, e, TextQuote(text[s:e]), "yellow", note, "anchored", 1.0, "", "")
                   for number, ((s, e), note) in enumerate(draw(st.lists(st.tuples(ranges, st.sampled_from(["", "n"])),
                                                                          max_size=6)), 1)]
    pages = [PageInfo(n, str(n), start, start, 0, 0)
             for n, start in enumerate(sorted(draw(st.sets(st.integers(0, len(text)), max_size=3))), 1)]
    return text, mentions, annotations, pages


@settings(max_examples=300, deadline=None)
@given(marked_up())
def test_tei_anchors_hold_each_passage_wherever_names_and_pages_fall(case):
    """A note starting or ending inside a name had its anchor written after the name: its @target..@targetEnd held
    other words, often none. Each anchor now stands at its character, inside the name if need be."""
    text, mentions, annotations, pages = case
    xml = tei.to_tei([(INFO, text, mentions, [ExportItem(a, INFO) for a in annotations])], [PERSON], {1: pages})
    assert_passages_between_anchors(xml, INFO.id, text, annotations)


@pytest.fixture
def names(workspace, shared_model):
    """The sample corpus with its names and dates recognised."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    return workspace


def test_a_note_starting_or_ending_inside_a_name_targets_its_own_words(names):
    """Highlighting a surname inside a recognised full name, or a passage that starts or ends inside one, or runs
    across several, is the most ordinary thing a historian does: each note's anchors hold its quote."""
    document_id = names.documents.resolve("000_8339fa2bec93c400.txt").id
    text = names.documents.text(document_id).text
    spans = sorted((m.start, m.end) for m in names.entities.mentions(document_id) if m.end - m.start > 3)
    (first_start, first_end), (_, second_end), *_, (_, last_end) = spans
    ranges = [(first_start + 1, first_end), (first_start, first_end - 1), (first_start + 1, first_end - 1),
              (first_start + 2, second_end - 1), (first_start + 1, last_end - 2), (first_end - 1, second_end)]
    made = [names.annotations.create(document_id, s, e, note="" if n % 2 else f"note {n}")
            for n, (s, e) in enumerate(ranges)]
    xml = names.export.export("tei")
    assert_passages_between_anchors(xml, document_id, text, [names.annotations.get(a.id) for a in made])


def test_a_link_with_an_orphaned_note_at_one_end_is_kept(empty_workspace, tmp_path):
    """A link between a passage and a note whose passage a new version removed was left out of the TEI, relation
    and note both. The orphaned note now has an xml:id the relation points at, and the link's note is its desc."""
    workspace = empty_workspace
    source = tmp_path / "account.txt"
    source.write_text("In 1934 Satlin met Genden in Moscow.\nThe monasteries were closed later.\n", encoding="utf-8")
    workspace.documents.import_paths([source])
    document_id = workspace.documents.resolve("account.txt").id
    typo = workspace.annotations.create_at_quote(document_id, "Satlin met Genden", note="typo: orphan-to-be")
    kept = workspace.annotations.create_at_quote(document_id, "monasteries were closed")
    workspace.links.link(typo.id, kept.id, "contradicts", "from the orphan")
    workspace.links.link(kept.id, typo.id, "corroborates", "to the orphan")
    source.write_text("In 1934 (caption removed).\nThe monasteries were closed later.\n", encoding="utf-8")
    workspace.documents.import_paths([source])
    workspace.review.keep_orphan(typo.id)
    root = etree.fromstring(workspace.export.export("tei").encode("utf-8"))
    namespace = {"t": tei.TEI}
    [orphan] = root.findall(".//t:back/t:note[@type='orphaned']", namespace)
    passage = f"#d{document_id}a{kept.id}s"
    relations = {(r.get("name"), r.get("active"), r.get("passive"), r.findtext("t:desc", namespaces=namespace))
                 for r in root.iterfind(".//t:listRelation/t:relation", namespace)}
    assert relations == {("contradicts", f"#{orphan.get(tei.XML_ID)}", passage, "from the orphan"),
                         ("corroborates", passage, f"#{orphan.get(tei.XML_ID)}", "to the orphan")}


def test_the_notebook_is_in_the_tei_export_with_the_passages_it_cites(workspace):
    """The Notebook (the historian's own argument) was left out of TEI, unsaid, while Markdown, HTML and JSON-LD had
    it: each note is an annotation of the corpus, its words kept and its citations pointing at their passages."""
    from lxml import etree

    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    cited = workspace.annotations.create_at_quote(document_id, "The two met on November 15, 1934.")
    workspace.notebook.create("Zhabaeva gives the 24th; Baabar the 15th.", "Slap or pipe", citations=[cited.id])
    root = etree.fromstring(workspace.export.export("tei").encode())
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    [note] = root.findall(".//tei:listAnnotation[@type='notebook']/tei:annotation", ns)
    assert note.get("target") == f"#d{document_id}a{cited.id}s"
    written = [part.text for part in note.find("tei:note", ns)]
    assert written == ["Slap or pipe", "Zhabaeva gives the 24th; Baabar the 15th."]
    assert root.findall(f".//tei:anchor[@xml:id='d{document_id}a{cited.id}s']",
                        {**ns, "xml": "http://www.w3.org/XML/1998/namespace"})


def test_a_bounded_date_carries_its_known_side():
    """"before 24 November 1934" carried no value at all (its stored value is no ISO date): its known side is
    @notAfter (the day before), "since 1921" @notBefore."""
    from reader.core.records.entities import Mention

    parent = etree.Element(f"{{{tei.TEI}}}p")
    before = tei._mention(parent, Mention(1, 0, 10, "24 November 1934", "DATE", 1, "1934-11-24 before"))
    since = tei._mention(parent, Mention(1, 20, 24, "1921", "DATE", 2, "1921 since"))
    assert (before.get("notAfter"), before.get("notBefore"), since.get("notBefore")) == ("1934-11-23", None,
                                                                                         "1921-01-01")


def test_a_fuzzy_date_carries_the_days_it_can_mean():
    """"early 1935" and "c. 1920" carried no value at all: they carry @notBefore and @notAfter."""
    from reader.core.records.entities import Mention

    parent = etree.Element(f"{{{tei.TEI}}}p")
    early = tei._mention(parent, Mention(1, 0, 10, "early 1935", "DATE", 1, "1935 early"))
    circa = tei._mention(parent, Mention(1, 20, 27, "c. 1920", "DATE", 2, "1920 circa"))
    assert (early.get("notBefore"), early.get("notAfter")) == ("1935-01-01", "1935-04-30")
    assert (circa.get("notBefore"), circa.get("notAfter"), circa.get("when")) == ("1918-01-01", "1922-12-31", None)


def test_a_notebook_citation_outside_the_file_is_said_in_tei(workspace):
    """TEI kept a Notebook note's citations of passages it holds only: one in the Trash, or of a document left out
    of a scoped export, vanished without trace, where the other formats cite it. It is said, with its source."""
    from reader.core.export.items import Scope

    first, second = workspace.documents.list()[:2]
    one = workspace.annotations.create_at_quote(first.id, "Genden")
    two = workspace.annotations.create_at_quote(second.id, "Stalin")
    workspace.notebook.create("Which date?", title="The meeting", citations=[one.id, two.id])
    xml = workspace.export.export("tei", Scope(document_id=first.id))
    root = etree.fromstring(xml.encode("utf-8"))
    [annotation] = root.xpath("//t:annotation[@xml:id='notebook1']", namespaces={"t": tei.TEI})
    said = [d.text for d in annotation.iter(f"{{{tei.TEI}}}desc") if d.get("type") == "outside"]
    assert len(said) == 1 and "“Stalin”" in said[0] and second.title in said[0]


def test_a_note_waiting_in_review_keeps_the_words_it_was_made_on_in_tei(workspace):
    """The text corrected under a note and a highlight: TEI pointed them at the new words, and the words they were
    made on were nowhere in the file, where every other format quotes them (audit BC F7)."""
    document_id = workspace.documents.list()[0].id
    text = workspace.documents.text(document_id).text
    start = text.index("The two met on November 15, 1934.")
    noted = workspace.annotations.create(document_id, start, start + 33, note="which date?")
    bare = workspace.annotations.create(document_id, start, start + 33)
    workspace.documents.correct_text(document_id, text.replace("The two met on November 15", "They met on 15 Nov"))
    assert {workspace.annotations.get(a.id).anchor_status for a in (noted, bare)} == {"review"}
    root = etree.fromstring(workspace.export.export("tei").encode("utf-8"))
    quoted = [element.text for element in root.iter(f"{{{tei.TEI}}}quote")]
    assert quoted.count("The two met on November 15, 1934.") == 2


def test_an_annotation_with_a_note_keeps_its_colour_in_tei(workspace):
    """A colour is often the historian's coding (green: corroborated): TEI gave it to a bare highlight and dropped
    it from every annotation with a note (audit BZ F6)."""
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    workspace.annotations.create_at_quote(document_id, "The two met on November 15, 1934.",
                                          note="the 15th, as Baabar has it", color="green")
    root = etree.fromstring(workspace.export.export("tei").encode())
    [note] = root.findall(".//t:note[@target]", {"t": "http://www.tei-c.org/ns/1.0"})
    assert (note.text, note.get("rend")) == ("the 15th, as Baabar has it", "green")


def test_a_tei_export_holding_nothing_is_still_valid_tei(empty_workspace):
    """TEI P5 wants a teiCorpus to hold a TEI, and a standOff something: an empty library's export was a teiCorpus
    with an empty standOff and no TEI, which no TEI tool accepts (audit BZ F8). It is one TEI saying so."""
    root = etree.fromstring(empty_workspace.export.export("tei").encode("utf-8"))
    ns = {"t": tei.TEI}
    assert etree.QName(root).localname == "TEI"
    assert not root.xpath("//t:standOff[not(*)]", namespaces=ns)
    assert root.xpath("string(t:text/t:body/t:p)", namespaces=ns).startswith("No document")


def test_a_standoff_is_written_only_with_something_in_it():
    """A document without names, links or Notebook notes had an empty standOff, which TEI P5 does not allow."""
    info = DocumentInfo(1, "a.txt", Metadata(title="A"), 1, 1, 12, 0, "", "")
    root = etree.fromstring(tei.to_tei([(info, "Plain words.", [], [])]).encode("utf-8"))
    assert etree.QName(root).localname == "teiCorpus"
    assert not root.findall(f".//{{{tei.TEI}}}standOff")
