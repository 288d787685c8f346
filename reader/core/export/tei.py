"""TEI P5: each document's text with persName, placeName, orgName and date around its mentions, notes as <note>
pointing at anchors (a highlight without a note as an empty <span>), the tags as a taxonomy each points at (@ana),
and a standOff with the entity register (listPerson, listPlace, listOrg: what each mention's @ref points at, with
authority ids) and the links between passages (listRelation). Stripping the markup gives back the stored text
exactly."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from reader.core.documents.language import language_tag
from reader.core.entities.dates import EARLIEST, LATEST, date_span
from reader.core.export.items import ExportItem, NoteItem, citation
from reader.core.export.jsonld import document_iri
from reader.core.records.annotations import NEEDS_REVIEW, ORPHAN, REVIEW, Annotation
from reader.core.records.documents import DocumentInfo
from reader.core.records.entities import EntitySummary, Mention
from reader.core.records.pages import PageInfo

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ELEMENTS = {"PERSON": "persName", "PLACE": "placeName", "ORG": "orgName", "DATE": "date"}
# The register in the standOff: list element, entry element and name element per entity type.
REGISTER = {"PERSON": ("listPerson", "person", "persName"), "PLACE": ("listPlace", "place", "placeName"),
            "ORG": ("listOrg", "org", "orgName")}
AUTHORITIES = {"wikidata": "https://www.wikidata.org/entity/", "viaf": "https://viaf.org/viaf/",
               "geonames": "https://sws.geonames.org/"}


def to_tei(documents: list[tuple[DocumentInfo, str, list[Mention], list[ExportItem]]],
           register: list[EntitySummary] = (), pages: dict[int, list[PageInfo]] | None = None,
           notes: list[NoteItem] = ()) -> str:
    """`pages` (by document id) puts a <pb n="label"/> where each page of a paged document starts; `notes` are the
    Notebook's, each an annotation of the corpus pointing at the passages it cites. TEI P5 wants a teiCorpus to hold
    a TEI: an export without documents is one TEI, its text saying so."""
    corpus = etree.Element(f"{{{TEI}}}{'teiCorpus' if documents else 'TEI'}", nsmap={None: TEI})
    _header(corpus, "Annotated Reader export")
    every_item = [item for *_, items in documents for item in items]
    tag_ids = _taxonomy(corpus, every_item)
    listed = _stand_off(corpus, register, every_item, notes)
    if not documents:
        _tei(_tei(_tei(corpus, "text"), "body"), "p", "No document is in this export: the library holds none, or "
             "none with notes the export kept.")
    for info, text, mentions, items in documents:
        named = [m for m in mentions if m.type == "DATE" or m.entity_id in listed]
        corpus.append(_document(info, text, named, items, (pages or {}).get(info.id, []), tag_ids))
    return etree.tostring(corpus, encoding="unicode", pretty_print=False)


def _tei(parent: etree._Element, tag: str, text: str = "", /, **attributes: str) -> etree._Element:
    """A TEI element with its text and the attributes that have a value."""
    element = etree.SubElement(parent, f"{{{TEI}}}{tag}", {k: xml_safe(v) for k, v in attributes.items() if v})
    element.text = xml_safe(text) or None
    return element


# XML 1.0 cannot hold control characters (U+0000-U+001F but tab, newline and carriage return) nor U+FFFE/U+FFFF, not
# even as character references. They are written as the Unicode "control pictures" (U+2400-U+241F: ␀, ␁, …) and
# U+FFFD, one character for one, so every offset into the text still holds.
_XML_UNSAFE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n\r"}
_XML_UNSAFE.update({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})


def xml_safe(text: str) -> str:
    return text.translate(_XML_UNSAFE) if text else text


def _header(parent: etree._Element, title: str, source: DocumentInfo | None = None) -> None:
    file_desc = _tei(_tei(parent, "teiHeader"), "fileDesc")
    _tei(_tei(file_desc, "titleStmt"), "title", title)
    _tei(_tei(file_desc, "publicationStmt"), "p", "Exported from Annotated Reader")
    source_desc = _tei(file_desc, "sourceDesc")
    if source is None:
        _tei(source_desc, "p", "The documents and notes of one Annotated Reader database.")
        return
    _bibl(source_desc, source)


def _taxonomy(corpus: etree._Element, items: list[ExportItem]) -> dict[str, str]:
    """The tags in use, declared once as categories of a taxonomy in the corpus header (encodingDesc/classDecl), so
    each annotation can point at its own with @ana; returns each tag's xml:id (tags are free text, ids are not)."""
    names = sorted({tag for item in items for tag in item.annotation.tags}, key=str.casefold)
    if not names:
        return {}
    header = corpus.find(f"{{{TEI}}}teiHeader")
    taxonomy = _tei(_tei(_tei(header, "encodingDesc"), "classDecl"), "taxonomy")
    taxonomy.set(XML_ID, "tags")
    ids = {}
    for number, name in enumerate(names, 1):
        category = _tei(taxonomy, "category")
        ids[name] = f"tag{number}"
        category.set(XML_ID, ids[name])
        _tei(category, "catDesc", name)
    return ids


def _bibl(parent: etree._Element, source: DocumentInfo) -> None:
    """Where the text comes from, as a bibliographic entry (author, title, date, DOI, URL)."""
    meta = source.metadata
    bibl = _tei(parent, "bibl")
    if meta.author:
        _tei(bibl, "author", meta.author)
    _tei(bibl, "title", source.title)
    if meta.date_published:
        _tei(bibl, "date", meta.date_published, when=_when(meta.date_published))
    if meta.doi:
        _tei(bibl, "idno", meta.doi, type="DOI")
    if meta.url:
        _tei(bibl, "ptr", target=meta.url)
    _tei(bibl, "note", citation(source), type="citation")


def _stand_off(corpus: etree._Element, register: list[EntitySummary], items: list[ExportItem],
               notes: list[NoteItem] = ()) -> set[int]:
    """The register (what mentions point at), the links and the Notebook; returns the ids of the entities listed.
    Without any of them there is no standOff: TEI P5 wants one to hold something."""
    stand_off = _tei(corpus, "standOff")
    lists: dict[str, etree._Element] = {}
    for entity in register:
        if entity.type in REGISTER:
            list_name, entry_name, name_element = REGISTER[entity.type]
            if list_name not in lists:
                lists[list_name] = _tei(stand_off, list_name)
            _register_entry(lists[list_name], entity, entry_name, name_element)
    _relations(stand_off, items)
    _notebook(stand_off, notes, {item.annotation.id for item in items})
    if not len(stand_off):
        corpus.remove(stand_off)
    return {entity.id for entity in register if entity.type in REGISTER}


def _notebook(stand_off: etree._Element, notes: list[NoteItem], exported: set[int]) -> None:
    """The Notebook's notes (the historian's argument: left out of TEI, unsaid, where the other formats had it), each
    an annotation pointing at the passages it cites that this file holds; its words as written."""
    if not notes:
        return
    listing = _tei(stand_off, "listAnnotation", type="notebook")
    for item in notes:
        targets = [_pointer(cited.annotation) for cited in item.cited if cited.annotation.id in exported]
        annotation = _tei(listing, "annotation", **({"target": " ".join(targets)} if targets else {}))
        annotation.set(XML_ID, f"notebook{item.note.id}")
        note = _tei(annotation, "note")
        _tei(note, "head", item.heading)
        for paragraph in (part.strip() for part in item.note.body.split("\n\n")):
            if paragraph:
                _tei(note, "p", paragraph)
        for cited in (cited for cited in item.cited if cited.annotation.id not in exported):  # said, not dropped
            where = ", ".join(part for part in (cited.where, "outside this file") if part)
            _tei(annotation, "desc", f"Also cites {citation(cited.document)} ({where}): "
                                     f"“{' '.join(cited.quote.split())}”", type="outside")


def _register_entry(parent: etree._Element, entity: EntitySummary, entry_name: str, name_element: str) -> None:
    entry = _tei(parent, entry_name)
    entry.set(XML_ID, f"entity{entity.id}")
    _tei(entry, name_element, entity.name, type="canonical")
    for alias in entity.aliases:
        _tei(entry, name_element, alias, type="alias")
    for authority, prefix in AUTHORITIES.items():
        identifier = getattr(entity, authority)
        if identifier:
            _tei(entry, "idno", f"{prefix}{identifier}", type=authority)
    if entity.note:
        _tei(entry, "note", entity.note)


def _relations(stand_off: etree._Element, items: list[ExportItem]) -> None:
    """Each link of an exported passage once, from its source passage to its target, with the link's note as
    description; a link with a note whose passage a new version removed at one end is kept too, pointing at that
    note (see _pointer). A link to a passage this file does not hold (an export of a document, a tag or a search)
    points at that passage's source and says which passage it is: it pointed at an anchor never written, and a link
    coming in from outside was left out."""
    exported = {item.annotation.id for item in items}
    seen, relations = set(), None
    for item in items:
        for link in (link for link in item.links if link.link_id not in seen):
            seen.add(link.link_id)
            inside = link.other.id in exported
            here, there = _pointer(item.annotation), _pointer(link.other) if inside else document_iri(
                link.other_document)
            relations = relations if relations is not None else _tei(stand_off, "listRelation")
            relation = _tei(relations, "relation", name=link.relation, active=here if link.outgoing else there,
                            passive=there if link.outgoing else here)
            if not inside:
                _tei(relation, "desc", f"The passage of {citation(link.other_document)} outside this export: "
                                       f"“{' '.join(link.other.quote.exact.split())}”", type="outside")
            if link.note:
                _tei(relation, "desc", link.note)


def _pointer(annotation: Annotation) -> str:
    """Where a relation points for one passage: its start anchor in the text, or, for an orphaned note, which has no
    anchor (its passage is gone from the text), the note itself in <back>."""
    if annotation.anchor_status == ORPHAN:
        return f"#{_orphan_id(annotation)}"
    return f"#d{annotation.document_id}a{annotation.id}s"


def _orphan_id(annotation: Annotation) -> str:
    """The xml:id of an orphaned note, for the relations of its links to point at."""
    return f"d{annotation.document_id}a{annotation.id}"


def _document(info: DocumentInfo, text: str, mentions: list[Mention], items: list[ExportItem],
              pages: list[PageInfo], tag_ids: dict[str, str]) -> etree._Element:
    tei = etree.Element(f"{{{TEI}}}TEI")
    tei.set(XML_ID, f"doc{info.id}")
    _header(tei, info.title, info)
    text_element = etree.SubElement(tei, f"{{{TEI}}}text")
    if tag := language_tag(info.metadata.language):
        text_element.set(XML_LANG, tag)
    paragraph = etree.SubElement(etree.SubElement(text_element, f"{{{TEI}}}body"), f"{{{TEI}}}p")
    _mark_up(paragraph, text, mentions, items, info.id, pages)
    back = etree.SubElement(text_element, f"{{{TEI}}}back") if items else None
    for item in items:
        _annotation(back, item, info.id, tag_ids)
    return tei


def _mark_up(paragraph: etree._Element, text: str, mentions: list[Mention], items: list[ExportItem],
             document_id: int, pages: list[PageInfo] = ()) -> None:
    """Write the text with mention elements, annotation anchors and page breaks; every character of `text` is kept,
    in order, and each anchor and page break stands at its own character, inside a name if it falls there (an empty
    element nests anywhere): a note on a surname within a recognised full name targets the surname."""
    placed = [item for item in items if not item.orphaned]  # a passage a new version removed has no place in it
    anchors = sorted({(i.annotation.start, f"a{i.annotation.id}s") for i in placed}
                     | {(i.annotation.end, f"a{i.annotation.id}e") for i in placed})
    events = sorted([(m.start, 1, m) for m in mentions] + [(pos, 0, name) for pos, name in anchors]
                    + [(page.start, -1, page.label) for page in pages], key=lambda e: (e[0], e[1]))
    writer = _TextWriter(paragraph, text)
    for position, kind, payload in events:
        if kind == 1 and position < writer.reached:
            continue  # a mention overlapping the one open or just written
        writer.write_to(position)
        if kind == 1:
            writer.open(_mention(writer.parent, payload), payload.end)
        else:
            writer.placed(_boundary(writer.parent, kind, payload, document_id))
    writer.write_to(len(text))


class _TextWriter:
    """Writes `text` into a paragraph up to each position asked for, as element text and tails, so that what comes
    between (a mention element, an anchor, a page break) lands at its character; inside the mention element open
    at that point, if any."""

    def __init__(self, paragraph: etree._Element, text: str) -> None:
        self._paragraph, self._text = paragraph, text
        self._last = paragraph  # the element whose text or tail the next characters extend
        self._mention: etree._Element | None = None
        self._mention_end = 0
        self._cursor = 0

    @property
    def reached(self) -> int:
        """How far the text is claimed: the end of the mention open or last written, else what is written."""
        return max(self._cursor, self._mention_end)

    @property
    def parent(self) -> etree._Element:
        """Where an element at the cursor goes: into the open mention if there is one."""
        return self._mention if self._mention is not None else self._paragraph

    def open(self, mention: etree._Element, end: int) -> None:
        """The mention just appended holds the text from here to `end`, and whatever falls inside it."""
        self._last = self._mention = mention
        self._mention_end = end

    def placed(self, element: etree._Element) -> None:
        """An empty element was just appended at the cursor: the text goes on after it."""
        self._last = element

    def write_to(self, position: int) -> None:
        """The text up to `position`, closing the open mention at its end on the way."""
        if self._mention is not None and position >= self._mention_end:
            self._extend(self._mention_end)
            self._last, self._mention = self._mention, None
        self._extend(position)

    def _extend(self, position: int) -> None:
        """The text from the cursor to `position`, right after what was written last: as its text when that is
        the paragraph or a mention just opened (nothing inside it yet), else as its tail."""
        if position <= self._cursor:
            return
        piece = xml_safe(self._text[self._cursor:position])
        if self._last is self._paragraph or self._last is self._mention:
            self._last.text = (self._last.text or "") + piece
        else:
            self._last.tail = (self._last.tail or "") + piece
        self._cursor = position


def _boundary(parent: etree._Element, kind: int, payload: str, document_id: int) -> etree._Element:
    """An empty element: a page break (kind -1) named by the page's printed label, or an annotation's anchor."""
    if kind < 0:
        return _tei(parent, "pb", n=payload)
    anchor = etree.SubElement(parent, f"{{{TEI}}}anchor")
    anchor.set(XML_ID, f"d{document_id}{payload}")
    return anchor


def _mention(parent: etree._Element, mention: Mention) -> etree._Element:
    """A name points at its register entry; a date carries its normalised value (@when, or @from/@to). Empty: the
    text's own characters are written into it, with any anchor or page break falling inside."""
    if mention.type != "DATE":
        return _tei(parent, ELEMENTS.get(mention.type, "name"), ref=f"#entity{mention.entity_id}")
    first, _, last = mention.date_value.partition("..")
    if last:
        return _tei(parent, "date", **{"from": _when(first), "to": _when(last)})
    if _when(first):
        return _tei(parent, "date", when=_when(first))
    spanned = date_span(mention.date_value)  # "early 1935", "c. 1920", "before 24 November 1934" (one side open)
    if spanned is None:
        return _tei(parent, "date")
    return _tei(parent, "date", notBefore=_when(spanned[0]) if spanned[0] != EARLIEST else "",
                notAfter=_when(spanned[1]) if spanned[1] != LATEST else "")


def _when(value: str) -> str:
    """The value if it is a date TEI accepts (YYYY, YYYY-MM or YYYY-MM-DD, and a real one); '' for '1935 early',
    '1934/11/15' or '1934-13-45'."""
    if not _ISO_DATE.fullmatch(value):
        return ""
    try:
        date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        return ""
    return value


def _annotation(back: etree._Element, item: ExportItem, document_id: int, tag_ids: dict[str, str]) -> None:
    """A note on its passage (@target to @targetEnd), or, for a highlight without one, an empty <span> over the
    passage: the quote is the text's, not something the historian wrote. Either points at its tags (@ana)."""
    a = item.annotation
    start, end = f"#d{document_id}a{a.id}s", f"#d{document_id}a{a.id}e"
    tags = " ".join(f"#{tag_ids[tag]}" for tag in a.tags if tag in tag_ids)
    if item.orphaned:  # placed nowhere in the text: the quote it was made on, and why it has no place
        note = _tei(back, "note", type="orphaned", ana=tags, rend=a.color)
        note.set(XML_ID, _orphan_id(a))
        _tei(note, "quote", a.quote.exact)
        _tei(note, "p", a.note)
        _tei(note, "note", item.where, type="status")
    elif a.anchor_status == REVIEW:  # placed where its words likely went, the user has not said so: the words it
        # was made on are the text's no longer (pointed at the new ones alone, they were nowhere in the file)
        note = _tei(back, "note", target=start, targetEnd=end, ana=tags, rend=a.color, cert="low")
        _tei(note, "quote", a.quote.exact)
        if a.note.strip():
            _tei(note, "p", a.note)
        _tei(note, "note", NEEDS_REVIEW, type="status")
    elif a.note.strip():
        _tei(back, "note", a.note, target=start, targetEnd=end, ana=tags, rend=a.color)
    else:
        _tei(back, "span", **{"type": "highlight", "from": start, "to": end, "ana": tags, "rend": a.color})


def plain_text(tei_xml: str, document_id: int) -> str:
    """The text of one document's body, markup stripped (notes live in <back>, outside the body)."""
    root = etree.fromstring(tei_xml.encode("utf-8"))
    body = root.find(f".//{{{TEI}}}TEI[@{{http://www.w3.org/XML/1998/namespace}}id='doc{document_id}']"
                     f"/{{{TEI}}}text/{{{TEI}}}body")
    return "".join(body.itertext())
