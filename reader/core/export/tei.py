"""TEI P5: each document's text with persName, placeName, orgName and date around its mentions, notes as <note>
pointing at anchors, links as <relation>. Stripping the markup gives back the stored text exactly."""

from __future__ import annotations

from lxml import etree

from reader.core.entities.models import Mention
from reader.core.export.items import ExportItem
from reader.core.models import DocumentInfo

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ELEMENTS = {"PERSON": "persName", "PLACE": "placeName", "ORG": "orgName", "DATE": "date"}


def to_tei(documents: list[tuple[DocumentInfo, str, list[Mention], list[ExportItem]]]) -> str:
    corpus = etree.Element(f"{{{TEI}}}teiCorpus", nsmap={None: TEI})
    _header(corpus, "Annotated Reader export")
    for info, text, mentions, items in documents:
        corpus.append(_document(info, text, mentions, items))
    return etree.tostring(corpus, encoding="unicode", pretty_print=False)


def _header(parent: etree._Element, title: str) -> None:
    header = etree.SubElement(parent, f"{{{TEI}}}teiHeader")
    file_desc = etree.SubElement(header, f"{{{TEI}}}fileDesc")
    title_stmt = etree.SubElement(file_desc, f"{{{TEI}}}titleStmt")
    etree.SubElement(title_stmt, f"{{{TEI}}}title").text = title
    etree.SubElement(etree.SubElement(file_desc, f"{{{TEI}}}publicationStmt"), f"{{{TEI}}}p").text = \
        "Exported from Annotated Reader"
    etree.SubElement(etree.SubElement(file_desc, f"{{{TEI}}}sourceDesc"), f"{{{TEI}}}p").text = title


def _document(info: DocumentInfo, text: str, mentions: list[Mention], items: list[ExportItem]) -> etree._Element:
    tei = etree.Element(f"{{{TEI}}}TEI")
    tei.set(XML_ID, f"doc{info.id}")
    _header(tei, info.title)
    text_element = etree.SubElement(tei, f"{{{TEI}}}text")
    paragraph = etree.SubElement(etree.SubElement(text_element, f"{{{TEI}}}body"), f"{{{TEI}}}p")
    _mark_up(paragraph, text, mentions, items, info.id)
    back = etree.SubElement(text_element, f"{{{TEI}}}back") if items else None
    for item in items:
        _note(back, item, info.id)
    return tei


def _mark_up(paragraph: etree._Element, text: str, mentions: list[Mention], items: list[ExportItem],
             document_id: int) -> None:
    """Write the text with mention elements and annotation anchors; every character of `text` is kept, in order."""
    anchors = sorted({(i.annotation.start, f"a{i.annotation.id}s") for i in items}
                     | {(i.annotation.end, f"a{i.annotation.id}e") for i in items})
    events = sorted([(m.start, 1, m) for m in mentions] + [(pos, 0, name) for pos, name in anchors],
                    key=lambda e: (e[0], e[1]))
    cursor, last = 0, paragraph
    for position, kind, payload in events:
        if position < cursor:
            continue
        last = _append_text(paragraph, last, text[cursor:position])
        if kind == 0:
            last = etree.SubElement(paragraph, f"{{{TEI}}}anchor")
            last.set(XML_ID, f"d{document_id}{payload}")
            cursor = position
        else:
            last = _mention(paragraph, payload)
            cursor = payload.end
    _append_text(paragraph, last, text[cursor:])


def _append_text(paragraph: etree._Element, last: etree._Element, text: str) -> etree._Element:
    if last is paragraph:
        paragraph.text = (paragraph.text or "") + text
    else:
        last.tail = (last.tail or "") + text
    return last


def _mention(paragraph: etree._Element, mention: Mention) -> etree._Element:
    element = etree.SubElement(paragraph, f"{{{TEI}}}{ELEMENTS.get(mention.type, 'name')}")
    element.text = mention.text
    element.set("ref", f"#entity{mention.entity_id}")
    if mention.type == "DATE" and mention.date_value[:4].isdigit() and len(mention.date_value) in (4, 7, 10):
        element.set("when", mention.date_value)
    return element


def _note(back: etree._Element, item: ExportItem, document_id: int) -> None:
    a = item.annotation
    note = etree.SubElement(back, f"{{{TEI}}}note")
    note.set("target", f"#d{document_id}a{a.id}s")
    note.set("targetEnd", f"#d{document_id}a{a.id}e")
    note.text = a.note or a.quote.exact
    for link in item.links:
        relation = etree.SubElement(note, f"{{{TEI}}}relation")
        relation.set("name", link.relation)
        relation.set("active", f"#d{document_id}a{a.id}s")
        relation.set("passive", f"#d{link.other.document_id}a{link.other.id}s")


def plain_text(tei_xml: str, document_id: int) -> str:
    """The text of one document's body, markup stripped (notes live in <back>, outside the body)."""
    root = etree.fromstring(tei_xml.encode("utf-8"))
    body = root.find(f".//{{{TEI}}}TEI[@{{http://www.w3.org/XML/1998/namespace}}id='doc{document_id}']"
                     f"/{{{TEI}}}text/{{{TEI}}}body")
    return "".join(body.itertext())
