"""TEI XML, the format scholarly editions are made in: the text as the edition's reader reads it.

Where the encoder records two readings, the edited one is read: a correction over the error it corrects (choice:
corr over sic, reg over orig, expan over abbr), an addition without the deletion it replaced; the printer's running
heads (fw) are left out. Headings and paragraphs (verse lines, list items, a letter's opener and closer) come in
order, each note cited where it stands ([1]) and kept under "Notes"; title and author come from the header. The
file is parsed without its DTD or any entity reaching outside it; an entity it declares itself reads as its text.
"""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks
from reader.core.errors import ImportFailed

MAX_XML_BYTES = 100 * 1024 * 1024  # parsed whole into memory
HEADINGS = {"head", "docTitle", "titlePart"}
PARAGRAPHS = {"p", "ab", "l", "item", "label", "opener", "closer", "salute", "dateline", "signed", "byline",
              "docAuthor", "docDate", "trailer", "argument", "speaker", "stage", "bibl", "quote", "epigraph"}
LEFT_OUT = {"teiHeader", "facsimile", "standOff", "fw", "del", "surplus", "figDesc"}  # not the text as edited
EDITED_FIRST = ("corr", "reg", "expan", "ex", "supplied")  # in a choice, the reading an edition prints


def _unparsed(path: Path, exc) -> str:
    """Why the XML could not be read, in the user's terms: the parser's own words name its C functions and give the
    place twice, and call an entity that would read another file, or one its DTD declares, 'not defined'."""
    error = exc.error_log.last_error
    if error is not None and error.type_name == "ERR_RESOURCE_LIMIT":
        return "its entities expand out of all measure (an XML bomb?), so it is not read"
    if error is not None and error.type_name == "ERR_INVALID_CHAR" and "CharRef" in error.message:
        return f"its character reference on line {exc.lineno} names no character XML allows"
    named = re.search(r"Entity '([^']+)' not defined", exc.msg)
    if error is None or error.type_name not in ("ERR_UNDECLARED_ENTITY", "WAR_UNDECLARED_ENTITY") or named is None:
        return f"damaged XML file: {exc.msg}"
    dtd, outside = _declarations(path)
    name = named[1]
    if name in outside:
        return f"its entity &{name}; takes text from another file ({outside[name]}), which is never read"
    where = f"in its DTD ({dtd}), which is never read" if dtd else "nowhere in it"
    character = html5.get(f"{name};", "")
    if not character:  # no character of HTML's: an abbreviation, say
        return f"its entity &{name}; is declared {where} (line {exc.lineno}): write what it stands for, or declare " \
            "the entity in the file"
    shown = character if character.isprintable() and not character.isspace() else \
        f"a {unicodedata.name(character[0], 'invisible character').lower()}"  # '( )' said nothing
    return (f"its entity &{name}; ({shown}) is declared {where} (line {exc.lineno}): write the character itself, or "
            "declare the entity in the file")


def _declarations(path: Path) -> tuple[str, dict[str, str]]:
    """The file's DTD ('' if it names none) and the entities it declares to be read from a file (name -> address),
    read from its own declarations."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        docinfo = etree.parse(str(path), parser).docinfo
    except etree.XMLSyntaxError:
        return "", {}
    declared = docinfo.internalDTD
    outside = {entity.name: entity.system_url for entity in declared.iterentities() if entity.system_url} \
        if declared is not None else {}
    return docinfo.system_url or "", outside


def read_tei(path: Path) -> Extracted:
    from lxml import etree

    if path.stat().st_size > MAX_XML_BYTES:
        raise ImportFailed(str(path), f"an XML file over the {MAX_XML_BYTES // 1024 // 1024} MB limit")
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False)  # an
    # entity the file declares reads as its text (older editions declare characters so); one naming a file, never
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(str(path), _unparsed(path, exc)) from exc
    except OSError as exc:  # libxml2's "Invalid bytes in character encoding" was said as the program's fault (DW F4)
        if "encoding" not in str(exc):
            raise ImportFailed(str(path), f"cannot read it ({exc})") from exc
        raise ImportFailed(str(path), "XML whose text is not UTF-8 and declares no other encoding: add "
                                      "<?xml version=\"1.0\" encoding=\"…\"?> naming the one it is in (e.g. "
                                      "ISO-8859-1, windows-1251) as its first line") from exc
    if _name(root) not in ("TEI", "TEI.2", "teiCorpus"):
        raise ImportFailed(str(path), f"an XML file of <{_name(root)}>, not TEI: this program reads TEI XML (and "
                                      "text, HTML, PDF, Word, OpenDocument, RTF and EPUB files)")
    blocks = Blocks()
    for text in (e for e in root.iter() if _name(e) == "text"):
        _blocks(text, blocks)
    return blocks.to_extracted("tei", _metadata(root), path)


def _name(element) -> str:
    """An element's name without its namespace ("" for a comment or a processing instruction)."""
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def _blocks(parent, blocks: Blocks) -> None:
    for element in parent:
        name = _name(element)
        if not name or name in LEFT_OUT:
            continue
        if name in HEADINGS:
            blocks.heading(_inline(element, blocks))
        elif name in PARAGRAPHS:
            blocks.paragraph(_inline(element, blocks))
        elif name == "row":
            blocks.paragraph(" | ".join(_inline(cell, blocks) for cell in element if _name(cell) == "cell"))
        elif name == "note":
            blocks.note(element.get("n") or str(len(blocks.notes) + 1), _inline(element, blocks))
        else:  # a division, a line group, a list, a letter: the blocks inside it
            _blocks(element, blocks)


def _inline(element, blocks: Blocks) -> str:
    """A block's text on one line, its markup read as an edition prints it."""
    parts = [element.text or ""]
    for child in element:
        parts.append(_inline_child(child, blocks))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _inline_child(child, blocks: Blocks) -> str:
    name = _name(child)
    if not name or name in LEFT_OUT or name in ("pb", "cb", "milestone", "anchor"):
        return ""
    if name == "lb":
        return "" if child.get("break") == "no" else " "
    if name == "gap":
        return "[…]"
    if name == "choice":
        readings = {_name(reading): reading for reading in child}
        chosen = next((readings[n] for n in EDITED_FIRST if n in readings), next(iter(child), None))
        return _inline(chosen, blocks) if chosen is not None else ""
    if name == "note":
        mark = child.get("n") or str(len(blocks.notes) + 1)
        blocks.note(mark, _inline(child, blocks))
        return f"[{mark}]"
    return _inline(child, blocks) if len(child) or child.text else ""


def _metadata(root) -> dict[str, str]:
    """Title and author from the header's title statement (the main title when there are several)."""
    def first(local: str) -> str:
        found = root.xpath(f"//*[local-name()='teiHeader']//*[local-name()='titleStmt']/*[local-name()='{local}']")
        main = [e for e in found if e.get("type") in (None, "main")] or found
        return " ".join("".join(main[0].itertext()).split()) if main else ""

    return {"title": first("title"), "author": first("author")}
