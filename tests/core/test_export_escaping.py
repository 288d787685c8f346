"""Exports stay valid and unforgeable whatever a note holds: control characters, bare carriage returns, headings."""

from __future__ import annotations

import csv
import io

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from reader.core.export import tei
from reader.core.export.markdown import escape_block_line


def _annotated(workspace, note: str):
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create(document_id, 0, 12, note=note)
    return workspace


def test_tei_of_control_characters_is_valid_xml(workspace) -> None:
    """Protects TEI export from ValueError: control characters are written as control pictures, one for one."""
    _annotated(workspace, "bell\x07 and nul\x00 and \ufffe end")
    xml = workspace.export.export("tei")
    root = etree.fromstring(xml.encode("utf-8"))
    assert "bell\u2407 and nul\u2400 and \ufffd end" in "".join(root.itertext())
    info = workspace.documents.list()[0]
    assert tei.plain_text(xml, info.id) == tei.xml_safe(workspace.documents.text(info.id).text)


def test_csv_quotes_a_bare_carriage_return(workspace) -> None:
    """A note with a bare CR stays in its cell: the row is not split."""
    _annotated(workspace, "first\rsecond")
    rows = list(csv.DictReader(io.StringIO(workspace.export.export("csv"), newline="")))
    assert len(rows) == 1 and rows[0]["note"] == "first\rsecond"


def test_markdown_notes_cannot_forge_headings_or_citations(workspace) -> None:
    """A note's '# …', '> — …' and '---' lines are escaped, so the export's own headings and citations stay ours."""
    _annotated(workspace, "# Forged heading\n> — Forged citation, p. 1\n---\n*kept emphasis*")
    text = workspace.export.export("md")
    lines = text.splitlines()
    assert "\\# Forged heading" in lines and "\\> — Forged citation, p. 1" in lines and "\\---" in lines
    assert "*kept emphasis*" in lines
    assert not any(line.startswith("# Forged") or line.startswith("> — Forged") for line in lines)


def test_escape_leaves_ordinary_markdown_alone() -> None:
    """Lists, emphasis and a '#' inside a line are not touched."""
    for line in ("- a list item", "*emphasis*", "a # in the middle", "1. numbered"):
        assert escape_block_line(line) == line


def test_a_note_left_open_does_not_swallow_the_notes_after_it(workspace) -> None:
    """A draft note with a code fence never closed ('```') turned the rest of the export into one code block, and an
    open '<!--' made every later heading, quote and note an invisible comment: each note is closed where it ends."""
    from markdown_it import MarkdownIt

    documents = workspace.documents.list()
    for note in ("My draft:\n```\nunfinished code sample\n# not a heading in code", "<!-- reminder: check archive"):
        workspace.annotations.create(documents[0].id, 0, 12, note=note)
    workspace.annotations.create(documents[1].id, 0, 12, note="the last note")
    html = MarkdownIt().render(workspace.export.export("md"))
    assert f"<h2>{documents[1].title}</h2>" in html and "<p>the last note</p>" in html
    assert "# not a heading in code" in html and "\\#" not in html  # inside code a line is kept as typed
    assert "reminder: check archive" in html


def test_editorial_angle_brackets_in_a_note_stay_words_in_markdown():
    """A note's editorial insertion "<per protocol>" stayed raw in the Markdown export, which Markdown readers take
    for an HTML tag and hide; code keeps its brackets as written."""
    from reader.core.export.markdown import note_lines

    assert note_lines("a < b and <per protocol> the date <15 Nov.>, `<kbd>` kept") == [
        "a < b and \\<per protocol> the date <15 Nov.>, `<kbd>` kept"]


def _shown(markdown: str, element: str) -> list[str]:
    """What a Markdown reader shows in each `element` (CommonMark), blanks collapsed."""
    import lxml.html
    from markdown_it import MarkdownIt

    tree = lxml.html.fromstring(f"<div>{MarkdownIt('commonmark').render(markdown)}</div>")
    return [" ".join(found.text_content().split()) for found in tree.iter(element)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab 1934.)\n\\`*_[]<>~|#-+=!&;:/()\"'", max_size=40))
@example("Fond 5 #")
def test_a_passage_quoted_in_markdown_reads_as_the_source_prints_it(words: str) -> None:
    """A quote lost what Markdown took for markup: "e<f>g" became "eg", "# counted" a heading, "*lamas*" italics, a
    line "1934. The" a numbered list (audit BC F1). Every character of the source reads as printed."""
    from reader.core.export.markdown import literal, plain_line

    lines = [line.strip() for line in words.split("\n")]
    assume(any(lines))
    markdown = "\n".join(f"> {plain_line(line)}" if line else ">" for line in lines)
    assert " ".join(_shown(markdown, "blockquote")) == " ".join(words.split())
    assume(" ".join(words.split()))
    assert _shown(f"## {literal(words)}", "h2") == [" ".join(words.split())]  # a title: "Fond 5 #" lost its '#'


def test_titles_tags_and_citations_read_as_written_in_markdown(workspace) -> None:
    """A title, a citation and a Notebook note's title lost their '<…>', '*…*' and '&amp;' the same way."""
    document = workspace.documents.list()[0]
    workspace.documents.update_metadata(document.id, {"title": "Notes <draft> on *Urga* &amp; 1934"})
    workspace.annotations.create(document.id, 0, 12, note="seen")
    workspace.notebook.create("a body", title="NB <title> & *q*")
    markdown = workspace.export.export("md")
    assert "Notes <draft> on *Urga* &amp; 1934" in _shown(markdown, "h2")
    assert any("“Notes <draft> on *Urga* &amp; 1934”" in shown for shown in _shown(markdown, "p"))
    assert "NB <title> & *q*" in _shown(markdown, "h3")


def test_a_links_note_keeps_an_editorial_insertion_in_markdown(workspace) -> None:
    """A link's note "<per protocol>" was written raw on the link line and hidden as an HTML tag, where an
    annotation's note keeps it (audit BD)."""
    first, second = (workspace.annotations.create(document.id, 0, 12) for document in workspace.documents.list()[:2])
    workspace.links.link(first.id, second.id, "contradicts", "per the clerk <per protocol> done")
    assert any("per the clerk <per protocol> done" in shown
               for shown in _shown(workspace.export.export("md"), "li"))
