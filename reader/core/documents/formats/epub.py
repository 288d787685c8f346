"""EPUB books through ebooklib: chapters in spine order (their headings kept as headings), Dublin Core metadata.

A book with DRM (Adobe's rights.xml, or an encryption.xml that encrypts more than obfuscated fonts) cannot be read, and
says so in one line rather than importing ciphertext.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks, open_zip
from reader.core.documents.html_text import html_to_text
from reader.core.errors import ImportFailed

DRM = "the EPUB is DRM-protected; remove the protection with the software it was bought for, then import it again"
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ALGORITHM = re.compile(rb'Algorithm="([^"]+)"')
_DOI = re.compile(r"\b(10\.\d{4,9}/\S+)")
_OPF_EVENT = "{http://www.idpf.org/2007/opf}event"
_FILE_EVENTS = {"creation", "modification"}


def read_epub(path: Path) -> Extracted:
    from ebooklib import ITEM_DOCUMENT, epub

    with open_zip(path, "META-INF/container.xml", "an EPUB book") as archive:
        _refuse_drm(path, archive)
    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as exc:  # ebooklib raises EpubException, KeyError or XML errors on a broken book
        raise ImportFailed(str(path), f"damaged EPUB: {type(exc).__name__}: {exc}") from exc
    blocks = Blocks()
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is not None and item.get_type() == ITEM_DOCUMENT:
            _chapter(item.get_content(), blocks)
    return blocks.to_extracted("epub", _metadata(book), path)


def _refuse_drm(path: Path, archive) -> None:
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        raise ImportFailed(str(path), DRM)
    if "META-INF/encryption.xml" in names:
        algorithms = {a.decode() for a in _ALGORITHM.findall(archive.read("META-INF/encryption.xml"))}
        if algorithms - set(FONT_OBFUSCATION):
            raise ImportFailed(str(path), DRM)


def _chapter(content: bytes, blocks: Blocks) -> None:
    """A chapter's XHTML to blocks: the visible text, one block per paragraph; h1–h6 become headings."""
    xhtml = _XML_DECLARATION.sub("", content.decode("utf-8", errors="replace"))
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
