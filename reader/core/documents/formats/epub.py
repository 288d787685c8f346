"""EPUB books through ebooklib: chapters in spine order (their headings kept as headings), EPUB 3 footnotes, endnotes
and rearnotes under "Notes" at the end (cited in place as [1]), Dublin Core metadata.

A book with DRM (Adobe's rights.xml, or an encryption.xml that encrypts more than obfuscated fonts) cannot be read, and
says so in one line rather than importing ciphertext.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from reader.core.documents.decoding import xml_text
from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks, damaged, open_zip
from reader.core.documents.html_text import html_to_text
from reader.core.errors import ImportFailed

DRM = "the EPUB is DRM-protected; remove the protection with the software it was bought for, then import it again"
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ALGORITHM = re.compile(rb'Algorithm="([^"]+)"')
_DOI = re.compile(r"\b(10\.\d{4,9}/\S+)")
_NOTE_TYPES = {"footnote", "endnote", "rearnote"}
_OPF_EVENT = "{http://www.idpf.org/2007/opf}event"
_FILE_EVENTS = {"creation", "modification"}


def read_epub(path: Path) -> Extracted:
    from ebooklib import ITEM_DOCUMENT, epub

    with open_zip(path, "META-INF/container.xml", "an EPUB book") as archive:
        _refuse_drm(path, archive)
    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as exc:  # ebooklib raises EpubException, KeyError or XML errors on a broken book
        raise damaged(path, "EPUB", exc) from exc
    blocks, notes = Blocks(), _Notes()
    in_order = [item for item in (book.get_item_with_id(idref) for idref, _linear in book.spine)
                if item is not None and item.get_type() == ITEM_DOCUMENT]
    for item in in_order or _chapters_listed(book):
        _chapter(_take_notes(item.content, item.get_name(), notes), blocks)
    notes.add_to(blocks)
    return blocks.to_extracted("epub", _metadata(book), path)


def _chapters_listed(book) -> list:
    """A book's chapters in the order its manifest lists them, for one whose spine gives no reading order (it was
    said to be empty, audit DW F3): its navigation document and the contents and cover pages its guide names
    aside (audit DX F9)."""
    from ebooklib import ITEM_DOCUMENT

    apart = {unquote((reference.get("href") or "").partition("#")[0]) for reference in book.guide
             if reference.get("type") in ("toc", "cover")}
    return [item for item in book.get_items_of_type(ITEM_DOCUMENT)
            if item.is_chapter() and item.get_name() not in apart]


def _refuse_drm(path: Path, archive) -> None:
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        raise ImportFailed(str(path), DRM)
    if "META-INF/encryption.xml" in names:
        algorithms = {a.decode() for a in _ALGORITHM.findall(archive.read("META-INF/encryption.xml"))}
        if algorithms - set(FONT_OBFUSCATION):
            raise ImportFailed(str(path), DRM)


@dataclass
class _Notes:
    """The book's notes, taken out of its chapters, by (file, id); and the citations of them in reading order."""

    bodies: dict[tuple[str, str], str] = field(default_factory=dict)
    cited: list[tuple[tuple[str, str], str]] = field(default_factory=list)  # (the note's file and id, its mark)

    def add_to(self, blocks: Blocks) -> None:
        """Once every chapter is read (a note may stand in a notes file after its citation): the notes in the order
        they are cited, each once, then any never cited, so nothing the author wrote is lost."""
        for key, mark in self.cited:
            blocks.note(mark, _unmarked(self.bodies.pop(key, ""), mark))
        for text in self.bodies.values():
            blocks.note("", text)


def _take_notes(content: bytes, name: str, notes: _Notes) -> str:
    """The chapter's XHTML without its EPUB 3 notes (epub:type footnote, endnote, rearnote), which go to `notes`, and
    with each citation of one (epub:type noteref) made its mark in brackets, as the Word reader writes it: the
    text had held a footnote mid-chapter and its mark glued to the word before ('began1.'). A chapter with no
    epub:type at all is handed on as it is, unparsed."""
    import lxml.html

    xhtml = _XML_DECLARATION.sub("", xml_text(content))
    if "epub:type" not in xhtml:
        return xhtml
    root = lxml.html.document_fromstring(xhtml)
    for element in list(root.iter()):
        kinds = set((element.get("epub:type") or "").split())  # comments have no attributes: None
        if kinds & _NOTE_TYPES:
            key = (name, element.get("id") or f"unnamed {len(notes.bodies)}")
            notes.bodies[key] = html_to_text(lxml.html.tostring(element, encoding="unicode", with_tail=False))
            element.drop_tree()
        elif "noteref" in kinds:
            mark = " ".join(element.text_content().split()).strip("[]() ") or str(len(notes.cited) + 1)
            notes.cited.append((_target(name, element.get("href", "")), mark))
            tail = element.tail
            element.clear()
            element.text, element.tail = f"[{mark}]", tail
    return lxml.html.tostring(root, encoding="unicode")


def _target(name: str, href: str) -> tuple[str, str]:
    """The (file, id) a noteref points at: '#n1' in its own chapter, 'notes.xhtml#n1' beside it."""
    file, _, fragment = href.partition("#")
    if not file:
        return name, fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(file))), fragment


def _unmarked(text: str, mark: str) -> str:
    """A note's text without the mark many books repeat at its start ('2 Choibalsan…', often a link back to the
    citation): 'Notes' writes the mark before it already."""
    repeated = re.match(rf"\[?{re.escape(mark)}[\].):]?\s+", text)
    return text[repeated.end():] if repeated else text


def _chapter(xhtml: str, blocks: Blocks) -> None:
    """A chapter's XHTML to blocks: the visible text, one block per paragraph; h1–h6 become headings."""
    headings = {tidy_heading(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", xhtml, re.S | re.I)}
    for paragraph in html_to_text(xhtml).split("\n\n"):
        if " ".join(paragraph.split()) in headings:
            blocks.heading(paragraph)
        else:
            blocks.paragraph(paragraph)


def tidy_heading(markup: str) -> str:
    return " ".join(html_to_text(f"<p>{markup}</p>").split())


def _metadata(book) -> dict[str, str]:
    def first(name: str) -> str:
        values = book.get_metadata("DC", name)
        return str(values[0][0]) if values else ""

    identifier = " ".join(str(value) for value, _ in book.get_metadata("DC", "identifier"))
    doi = _DOI.search(identifier)
    return {"title": first("title"), "author": first("creator"), "date_published": _published(book),
            "language": first("language"), "doi": doi.group(1) if doi else ""}


def _published(book) -> str:
    """The first dc:date that dates the publication: EPUB 3 keeps the file's last change apart (dcterms:modified),
    but EPUB 2 puts the file's creation and modification in dc:date too, told apart only by opf:event."""
    dates = [str(value) for value, attributes in book.get_metadata("DC", "date")
             if (attributes or {}).get(_OPF_EVENT, "").lower() not in _FILE_EVENTS]
    return dates[0][:10] if dates else ""
