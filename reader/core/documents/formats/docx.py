"""Word .docx files through python-docx: headings, paragraphs and tables in body order, footnotes and endnotes
under "Notes" at the end (with their numbers left in the text where they were cited), core title and author as
metadata."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks, damaged, open_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SIGNS = {"tab": "\t", "br": "\n", "noBreakHyphen": "-"}  # written as elements, not characters ("Ulan-Bator")
WRAPPERS = (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag")  # hold blocks of the body as it flows
NOTE_PARTS = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"))
ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50), ("xl", 40), ("x", 10),
         ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


@dataclass
class _Cited:
    """A note cited in the text, with the mark Word shows for it: footnotes 1, 2…, endnotes i, ii… in the order
    cited (the XML's ids are neither), or the mark the author typed ("*", customMarkFollows: the text after it)."""

    kind: str
    id: str
    mark: str = ""
    custom: bool = False


def read_docx(path: Path) -> Extracted:
    import docx

    with open_zip(path, "word/document.xml", "a Word document") as archive:
        notes = {kind: _notes(archive, part, kind) for part, kind in NOTE_PARTS if part in archive.namelist()}
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError or its own errors on a broken package
        raise damaged(path, "Word document", exc) from exc
    blocks = Blocks()
    cited: list[_Cited] = []
    _blocks(document.element.body, blocks, cited)
    for note in cited:
        text = notes.get(note.kind, {}).get(note.id, "")
        blocks.note("" if note.custom and text.lstrip().startswith(note.mark) else note.mark, text)  # '* Editor…'

    return blocks.to_extracted("docx", _metadata(document), path)


def _blocks(parent, blocks: Blocks, cited: list[_Cited]) -> None:
    """The paragraphs and tables in body order, those inside content controls too (Word wraps a template's or a
    form's parts, an abstract, a citation block in them: they were left out unsaid)."""
    for element in parent.iterchildren():
        if element.tag == f"{W}p":
            _paragraph(element, blocks, cited)
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                blocks.paragraph(" | ".join(_text(cell, cited) for cell in row.iter(f"{W}tc")))
        elif element.tag in WRAPPERS:
            _blocks(element, blocks, cited)


def _paragraph(element, blocks: Blocks, cited: list[_Cited]) -> None:
    style = element.find(f"{W}pPr/{W}pStyle")
    name = (style.get(f"{W}val") if style is not None else "") or ""
    text = _text(element, cited)
    if name.lower().startswith(("heading", "title", "subtitle")):
        blocks.heading(text)
    else:
        blocks.paragraph(text)


def _text(element, cited: list[_Cited]) -> str:
    """Visible text of a paragraph or cell, with a note's number where the note is cited ([1]). The paragraphs a cell
    or a text box holds are parted by a space ("Kyakhta (Maimachen)", not "Kyakhta(Maimachen)"); a text box's
    fallback copy, which Word writes for older readers, is left out (it came twice)."""
    parts: list[str] = []
    _collect(element, parts, cited)
    return "".join(parts)


def _collect(element, parts: list[str], cited: list[_Cited]) -> None:
    for node in element.iterchildren():
        tag = node.tag[len(W):] if isinstance(node.tag, str) and node.tag.startswith(W) else node.tag
        if tag == "t":
            if cited and cited[-1].custom and not cited[-1].mark:
                cited[-1].mark = (node.text or "").strip()  # the mark the author typed after the reference
            parts.append(node.text or "")
        elif tag in SIGNS:
            parts.append(SIGNS[tag])
        elif tag in ("footnoteReference", "endnoteReference"):
            parts.append(_cite(node, tag.removesuffix("Reference"), cited))
        elif tag != MC_FALLBACK:
            if tag == "p" and parts and not parts[-1].endswith((" ", "\n")):
                parts.append(" ")
            _collect(node, parts, cited)


def _cite(reference, kind: str, cited: list[_Cited]) -> str:
    """The mark put in the text for a note reference, as Word numbers it."""
    if reference.get(f"{W}customMarkFollows") in ("1", "true", "on"):
        cited.append(_Cited(kind, reference.get(f"{W}id", ""), custom=True))
        return ""  # the typed mark follows as text
    count = 1 + sum(1 for note in cited if note.kind == kind and not note.custom)
    mark = str(count) if kind == "footnote" else _roman(count)
    cited.append(_Cited(kind, reference.get(f"{W}id", ""), mark))
    return f"[{mark}]"


def _roman(number: int) -> str:
    digits = []
    for letters, value in ROMAN:
        count, number = divmod(number, value)
        digits.append(letters * count)
    return "".join(digits)


def _notes(archive, part: str, kind: str) -> dict[str, str]:
    """Note texts by id; ids -1 and 0 (and typed ones) are Word's separator lines, not notes."""
    from lxml import etree

    root = etree.fromstring(archive.read(part))
    found = {}
    for note in root.iter(f"{W}{kind}"):
        if note.get(f"{W}type") in (None, "normal"):
            found[note.get(f"{W}id", "")] = "\n".join(_text(p, []) for p in note.iter(f"{W}p"))
    return found


def _metadata(document) -> dict[str, str]:
    """Title and author only: the core properties' dates say when the file was created and last saved (a template's
    date, often), never when the source was published."""
    props = document.core_properties
    return {"title": props.title or "", "author": props.author or ""}
