"""OpenDocument text (.odt) through odfpy: headings, paragraphs, list items and table rows in order; notes under
"Notes" at the end; title and author from the document's meta.xml."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks, damaged, open_zip
from reader.core.errors import ImportFailed

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
UNREAD = {(TEXT_NS, "tracked-changes"), (OFFICE_NS, "annotation"), (OFFICE_NS, "annotation-end")}  # a deleted
# draft kept by change tracking, a reviewer's comment: no part of the text as its author left it
XML_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml")  # what odfpy parses


def read_odt(path: Path) -> Extracted:
    from odf.opendocument import load

    with open_zip(path, "content.xml", "an OpenDocument text") as archive:
        mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in archive.namelist() else ""
        if mimetype and mimetype.strip() != "application/vnd.oasis.opendocument.text":
            raise ImportFailed(str(path), f"not an OpenDocument text but {mimetype.strip()}")
        _check_xml(path, archive)
    try:
        document = load(str(path))
    except Exception as exc:  # odfpy raises whatever its XML parser met
        raise damaged(path, "OpenDocument file", exc) from exc
    blocks = Blocks()
    _walk(document.text, blocks)
    return blocks.to_extracted("odt", _metadata(document), path)


def _check_xml(path: Path, archive) -> None:
    """odfpy prints a part it cannot parse to the console and goes on with what it read: a file cut off while saved
    was imported up to the cut, said to be imported. Each part is parsed here first."""
    from lxml import etree

    for part in XML_PARTS:
        if part in archive.namelist():
            try:
                etree.fromstring(archive.read(part))
            except etree.XMLSyntaxError as exc:
                raise ImportFailed(str(path), f"damaged OpenDocument file: {part}: {exc}") from exc


def _walk(element, blocks: Blocks) -> None:
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in UNREAD:
            continue
        if qname == (TEXT_NS, "h"):
            blocks.heading(_text(child, blocks))
        elif qname == (TEXT_NS, "p"):
            blocks.paragraph(_text(child, blocks))
        elif qname == (TABLE_NS, "table-row"):
            blocks.paragraph(" | ".join(_text(cell, blocks) for cell in child.childNodes))
        elif qname is not None:
            _walk(child, blocks)


def _text(element, blocks: Blocks) -> str:
    """Text of a paragraph, with spaces, tabs and breaks as written and each note's mark where it is cited; a cell's
    paragraphs parted by a space ("Kobdo (Khovd)", not "Kobdo(Khovd)")."""
    parts: list[str] = []
    for node in element.childNodes:
        qname = getattr(node, "qname", None)
        if qname in UNREAD:
            continue
        if qname in ((TEXT_NS, "p"), (TEXT_NS, "h")) and parts and not parts[-1].endswith((" ", "\n")):
            parts.append(" ")
        if qname is None:
            parts.append(str(node.data) if hasattr(node, "data") else "")
        elif qname == (TEXT_NS, "s"):
            parts.append(" " * int(node.getAttribute("c") or 1))
        elif qname in ((TEXT_NS, "tab"), (TEXT_NS, "line-break")):
            parts.append("\t" if qname[1] == "tab" else "\n")
        elif qname == (TEXT_NS, "note"):
            parts.append(_note(node, blocks))
        else:
            parts.append(_text(node, blocks))
    return "".join(parts)


def _note(note, blocks: Blocks) -> str:
    mark, body = "", []
    for child in note.childNodes:
        if getattr(child, "qname", None) == (TEXT_NS, "note-citation"):
            mark = _text(child, blocks)
        elif getattr(child, "qname", None) == (TEXT_NS, "note-body"):
            body = [_text(p, blocks) for p in child.childNodes]
    blocks.note(mark, "\n".join(body))
    return f"[{mark}]"


def _metadata(document) -> dict[str, str]:
    """Title and author: meta.xml's dc:date is when the file was last saved (so says ODF), not a publication."""
    from odf import dc, meta

    def first(kind) -> str:
        found = document.meta.getElementsByType(kind)
        return str(found[0]) if found else ""

    return {"title": first(dc.Title), "author": first(dc.Creator) or first(meta.InitialCreator)}
