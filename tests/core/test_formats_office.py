"""Word, OpenDocument, RTF and EPUB files made here with their own libraries, read back in order with metadata."""

from __future__ import annotations

import datetime
import os
import zipfile
from pathlib import Path

import pytest

from reader.core.documents.sources import expand_paths, read_source
from reader.core.errors import ImportFailed

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Archive of the Party, fond 4.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')


def _docx(path: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = "Minutes of the 1934 meeting"
    document.core_properties.author = "Jane Roe"
    document.core_properties.created = datetime.datetime(1999, 5, 17)
    document.add_heading("The meeting in Moscow", level=1)
    paragraph = document.add_paragraph("Genden met Stalin in November 1934.")
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), "1")
    paragraph.add_run()._r.append(reference)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Genden", "Prime minister"
    document.add_paragraph("He refused to purge the lamas.")
    document.save(str(path))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/footnotes.xml", FOOTNOTES)
    return path


def test_docx_keeps_order_notes_and_core_properties(tmp_path):
    """Headings, paragraphs and table rows come in body order; the footnote is cited in place and kept at the end."""
    source = read_source(_docx(tmp_path / "minutes.docx"))
    assert source.fmt == "docx"
    assert source.text == ("The meeting in Moscow\n\nGenden met Stalin in November 1934.[1]\n\nGenden | Prime minister"
                           "\n\nHe refused to purge the lamas.\n\nNotes\n\n1. Archive of the Party, fond 4.\n")
    assert source.metadata == {"title": "Minutes of the 1934 meeting", "author": "Jane Roe"}


WORD_NAMESPACES = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                   'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                   'xmlns:v="urn:schemas-microsoft-com:vml"')


def _word_paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _word_with(path: Path, body: str) -> Path:
    """A Word file whose body is this WordprocessingML, as Word writes what python-docx cannot make."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    element = document.element.body
    for child in parse_xml(f"<w:body {WORD_NAMESPACES}>{body}</w:body>"):
        element.insert(len(element) - 1, child)  # before the section properties, which end a body
    document.save(str(path))
    return path


def test_docx_reads_what_word_wraps_and_hyphenates(tmp_path):
    """Text in a content control (templates, forms, citation blocks) was dropped; a text box, which Word writes twice
    (DrawingML and its VML fallback), came twice and glued; a cell's two paragraphs ran into one word; a
    non-breaking hyphen vanished ("UlanBator"). Each now reads as Word shows it."""
    box = _word_paragraph("Sidebar: casualties 52")
    body = (
        '<w:sdt><w:sdtPr><w:alias w:val="Abstract"/></w:sdtPr><w:sdtContent>'
        + _word_paragraph("The treaty was signed in November.") + '</w:sdtContent></w:sdt>'
        + '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>' + box
        + '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>'
        + '<w:txbxContent>' + box + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
        + '</mc:AlternateContent></w:r></w:p>'
        + '<w:tbl><w:tr><w:tc>' + _word_paragraph("Kyakhta") + _word_paragraph("(Maimachen)") + '</w:tc><w:tc>'
        + _word_paragraph("40") + '</w:tc></w:tr></w:tbl>'
        + '<w:p><w:r><w:t>They went on to Ulan</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>Bator.</w:t></w:r>'
        + '</w:p>')
    source = read_source(_word_with(tmp_path / "report.docx", body))
    assert source.text == ("The treaty was signed in November.\n\nSidebar: casualties 52\n\nKyakhta (Maimachen) | 40"
                           "\n\nThey went on to Ulan-Bator.\n")


def test_fake_docx_is_refused_in_one_line(tmp_path):
    """A .docx that is really a ZIP of other files says so instead of a traceback."""
    fake = tmp_path / "report.docx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("holiday/photo.txt", "not a document")
    with pytest.raises(ImportFailed, match="not a Word document: the ZIP holds no word/document.xml"):
        read_source(fake)


def test_not_a_zip_docx_is_refused(tmp_path):
    """A .docx that is not even a ZIP is named as damaged, not decoded as text; one holding plain text says so."""
    fake = tmp_path / "letter.docx"
    fake.write_bytes(b"\x01\x02\x00 not a package")
    with pytest.raises(ImportFailed, match="not a Word document: damaged or not a ZIP package"):
        read_source(fake)
    fake.write_text("just some text", encoding="utf-8")
    with pytest.raises(ImportFailed, match="plain text, not a Word document; if it is text, name it .txt"):
        read_source(fake)


def _odt(path: Path) -> Path:
    from odf import dc, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Report on the lamas"))
    document.meta.addElement(dc.Creator(text="A. Amar"))
    document.meta.addElement(dc.Date(text="1936-03-12T10:00:00"))
    document.text.addElement(text.H(outlinelevel=1, text="The monasteries"))
    paragraph = text.P(text="There were 700 monasteries")
    note = text.Note(id="ftn1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="By the count of 1935."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(" in the country.")
    document.text.addElement(paragraph)
    document.save(str(path))
    return path


def test_odt_headings_paragraphs_notes_and_meta(tmp_path):
    """An OpenDocument text gives its heading, its paragraph with the note cited, the note at the end, and meta."""
    source = read_source(_odt(tmp_path / "report.odt"))
    assert source.text == ("The monasteries\n\nThere were 700 monasteries[1] in the country.\n\nNotes\n\n"
                           "1. By the count of 1935.\n")
    assert source.metadata == {"title": "Report on the lamas", "author": "A. Amar"}


def test_odt_leaves_out_deleted_drafts_and_comments_and_parts_a_cells_paragraphs(tmp_path):
    """Text deleted with changes recorded came back as the first paragraph, a reviewer's comment was glued into the
    sentence with the reviewer's name, and a cell's two paragraphs ran into one word."""
    from odf import office, text
    from odf import table as tables
    from odf.element import Element
    from odf.namespaces import TEXTNS
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    tracked, region, deletion = text.TrackedChanges(), Element(qname=(TEXTNS, "changed-region"),
                                                               check_grammar=False), text.Deletion()
    region.setAttrNS(TEXTNS, "id", "ct1")
    deletion.addElement(office.ChangeInfo())
    deletion.addElement(text.P(text="A draft about 300 sheep."))
    region.addElement(deletion)
    tracked.addElement(region)
    document.text.addElement(tracked)
    paragraph = text.P(text="The caravan reached Kobdo.")
    comment = office.Annotation()
    comment.addElement(text.P(text="Check the date"))
    paragraph.addElement(comment)
    paragraph.addText(" Prices were high.")
    document.text.addElement(paragraph)
    table, row = tables.Table(name="t1"), tables.TableRow()
    for paragraphs in (("Kobdo", "(Khovd)"), ("12 lan",)):
        cell = tables.TableCell()
        for words in paragraphs:
            cell.addElement(text.P(text=words))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    document.save(str(tmp_path / "letters.odt"))
    source = read_source(tmp_path / "letters.odt")
    assert source.text == "The caravan reached Kobdo. Prices were high.\n\nKobdo (Khovd) | 12 lan\n"


def test_a_damaged_odt_is_refused_not_read_in_part(tmp_path, capsys):
    """An .odt whose content was cut off (a crash while saving) was imported up to the cut, "imported", and its
    XML printed to the console: it is refused as damaged, nothing printed."""
    good = _odt(tmp_path / "good.odt")
    cut = tmp_path / "cut.odt"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename == "content.xml" else data)
    with pytest.raises(ImportFailed, match="damaged OpenDocument file"):
        read_source(cut)
    assert capsys.readouterr().out == ""


RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}{\info{\title The Purge of 1937}{\author Jane Roe}}"
       "\n" r"\f0 Sch\'f6n wrote of Genden\par" "\n" r"and of \u1043?\u1077?\u1085?\u1076?\u1077?\u1085?.\par}")


def test_rtf_text_and_info(tmp_path):
    """RTF escapes (cp1252 bytes and \\u escapes) come out as the characters, paragraphs apart, with its info."""
    path = tmp_path / "letter.rtf"
    path.write_text(RTF, encoding="ascii")
    source = read_source(path)
    assert source.text == "Schön wrote of Genden\n\nand of Генден.\n"
    assert source.metadata == {"title": "The Purge of 1937", "author": "Jane Roe"}


def test_rtf_characters_beyond_the_bmp_come_out_whole(tmp_path):
    """Word writes 😀 and 𝔐 as UTF-16 surrogate pairs of \\u escapes (negative or not); read as two halves, they
    failed the import with a traceback (UnicodeEncodeError). A half without its pair is a replacement character."""
    path = tmp_path / "emoji.rtf"
    path.write_text(r"{\rtf1\ansi{\info{\title On \u-10187?\u-8944?arpa}}\pard Word \u-10179?\u-8704? and "
                    r"\u55349?\u56592?arpa{\footnote \u55357?\u56832?} odd \u-10179?.\par}", encoding="ascii")
    source = read_source(path)
    assert source.text == "Word 😀 and 𝔐arpa[1] odd \ufffd.\n\nNotes\n\n1. 😀\n"
    assert source.metadata["title"] == "On 𝔐arpa"


def test_rtf_footnotes_are_kept_under_notes_and_cited_in_place(tmp_path):
    """An RTF's footnote (as Word saves it) vanished, mark and text: it is cited where it stood and kept under
    Notes, as a Word, OpenDocument or EPUB file's are."""
    path = tmp_path / "pelliot.rtf"
    path.write_text(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}\pard Arriv\'e9 \'e0 Dunhuang, j'ai vu "
                    r"Wang.{\super\chftn}{\footnote\pard\plain{\super\chftn} Wang Yuanlu, gardien {\i des} grottes.}"
                    r" Les manuscrits \'e9taient nombreux.\par}", encoding="ascii")
    assert read_source(path).text == ("Arrivé à Dunhuang, j'ai vu Wang.[1] Les manuscrits étaient nombreux.\n\n"
                                      "Notes\n\n1. Wang Yuanlu, gardien des grottes.\n")


def test_an_rtf_of_another_code_page_gives_its_title_in_that_code_page(tmp_path):
    """A Russian Word's RTF (\ansicpg1251) read its body right but its title and author as cp1252 mojibake
    ("Ïèñüìî èç Óðãè"), the title shown in the library and every citation."""
    path = tmp_path / "ru.rtf"
    path.write_text(r"{\rtf1\ansi\ansicpg1251{\info{\title \'cf\'e8\'f1\'fc\'ec\'ee \'e8\'e7 \'d3\'f0\'e3\'e8}"
                    r"{\author \'cc\'e0\'e9\'f1\'ea\'e8\'e9}}\pard \'cf\'f0\'e8\'e2\'e5\'f2.\par}", encoding="ascii")
    source = read_source(path)
    assert source.metadata == {"title": "Письмо из Урги", "author": "Майский"}
    assert source.text == "Привет.\n"


def test_a_cut_off_rtf_is_refused_not_read_in_part(tmp_path):
    """An RTF cut short (a broken download, a truncated attachment) was imported as whole: its groups never close."""
    path = tmp_path / "cut.rtf"
    path.write_text(RTF[: len(RTF) // 2], encoding="ascii")
    with pytest.raises(ImportFailed, match="the file is cut off: its last groups are never closed"):
        read_source(path)


def _epub(path: Path, extra: dict[str, str] | None = None, date_attributes: dict[str, str] | None = None) -> Path:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("doi:10.1234/mongolia.1937")
    book.set_title("Mongolia in the Thirties")
    book.set_language("en")
    book.add_author("Jane Roe")
    book.add_metadata("DC", "date", "2001-09-01", date_attributes or {})
    chapters = []
    for number, (title, body) in enumerate([("The purge", "Genden was shot in 1937."),
                                            ("The meeting", "Genden met Stalin in 1934.")], start=1):
        chapter = epub.EpubHtml(title=title, file_name=f"chap{number}.xhtml", lang="en")
        chapter.content = f"<html><body><h1>{title}</h1><p>{body}</p></body></html>"
        book.add_item(chapter)
        chapters.append(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = [chapters[1], chapters[0]]  # the reading order is the spine's, not the manifest's
    epub.write_epub(str(path), book)
    if extra:
        with zipfile.ZipFile(path, "a") as archive:
            for name, content in extra.items():
                archive.writestr(name, content)
    return path


def test_epub_in_spine_order_with_dublin_core(tmp_path):
    """Chapters follow the spine, each headed by its title; title, author, date, language and DOI come along."""
    source = read_source(_epub(tmp_path / "book.epub"))
    assert source.text == ("The meeting\n\nGenden met Stalin in 1934.\n\nThe purge\n\nGenden was shot in 1937.\n")
    assert source.metadata == {"title": "Mongolia in the Thirties", "author": "Jane Roe",
                               "date_published": "2001-09-01", "language": "en", "doi": "10.1234/mongolia.1937"}


EPUB3_OPF = ('<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
             'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
             '<dc:identifier id="id">urn:uuid:1f4e2c3a-0000-4000-8000-000000000001</dc:identifier>'
             '<dc:title>{title}</dc:title><dc:language>en</dc:language>'
             '<meta property="dcterms:modified">2024-05-01T10:00:00Z</meta></metadata>'
             '<manifest>{items}</manifest><spine>{spine}</spine>{guide}</package>')
XHTML = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
         'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>{body}</body></html>')


def _epub3(path: Path, chapters: dict[str, str | bytes], title: str = "The Purge in Mongolia",
           spine: bool = True, guide: str = "") -> Path:
    """An EPUB 3 written part by part, as publishing tools write them: `chapters` maps file names to their bodies
    (or to a whole chapter file's bytes); `spine` False lists no reading order; `guide` is an EPUB 2 <guide>."""
    items = "".join(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
                    for n, name in enumerate(chapters))
    order = "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters))) if spine else ""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml",
                         '<?xml version="1.0"?><container version="1.0" '
                         'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
                         'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
                         '</container>')
        archive.writestr("OEBPS/content.opf", EPUB3_OPF.format(title=title, items=items, spine=order, guide=guide))
        for name, body in chapters.items():
            archive.writestr(f"OEBPS/{name}", body if isinstance(body, bytes) else XHTML.format(body=body))
    return path


PURGE = ('<p>FIRST CHAPTER TEXT. In 1937 the purge began<a epub:type="noteref" href="#n1">1</a>.</p>'
         '<aside epub:type="footnote" id="n1">See the archive of the MPRP, fond 4.</aside>'
         '<p>Genden was shot in Moscow.</p>')


def test_an_epub_title_is_the_one_it_declares(empty_workspace, tmp_path):
    """An EPUB's dc:title names the book; its first line ('FIRST CHAPTER TEXT. In 1937…') does not."""
    empty_workspace.documents.import_paths([_epub3(tmp_path / "purge.epub", {"chap1.xhtml": PURGE})])
    assert empty_workspace.documents.resolve("purge.epub").metadata.title == "The Purge in Mongolia"


@pytest.mark.parametrize("declared, title", [
    ("Minutes of the 1934 meeting", "Minutes of the 1934 meeting"), ("", "The meeting in Moscow"),
    ("Microsoft Word - minutes.doc", "The meeting in Moscow"), ("Untitled", "The meeting in Moscow"),
    ("minutes.docx", "The meeting in Moscow")])
def test_a_word_title_is_taken_unless_it_is_a_placeholder(empty_workspace, tmp_path, declared, title):
    """Word's core title wins over the first line, except the placeholders programs write there."""
    import docx

    path = _docx(tmp_path / "minutes.docx")
    document = docx.Document(str(path))
    document.core_properties.title = declared
    document.save(str(path))
    empty_workspace.documents.import_paths([path])
    assert empty_workspace.documents.resolve("minutes.docx").metadata.title == title


def test_an_epub3_footnote_goes_to_notes_with_its_mark_in_the_text(tmp_path):
    """EPUB 3 footnotes, endnotes and rearnotes (here or in a notes file) go under 'Notes', cited in place as [1]."""
    chapters = {"chap1.xhtml": PURGE.replace("</p><aside", ' Choibalsan<a epub:type="noteref" href="notes.xhtml#e2">'
                                                           '<sup>2</sup></a> rose.</p><aside'),
                "notes.xhtml": '<!-- notes --><section epub:type="rearnotes"><aside epub:type="rearnote" id="e2">'
                               '<p>2 Choibalsan was his rival.</p></aside><aside epub:type="endnote" id="e3">Never '
                               'cited.</aside> Kept once.</section>'}
    text = read_source(_epub3(tmp_path / "purge.epub", chapters)).text
    assert text == ("FIRST CHAPTER TEXT. In 1937 the purge began[1]. Choibalsan[2] rose.\n\n"
                    "Genden was shot in Moscow.\n\nKept once.\n\nNotes\n\n1. See the archive of the MPRP, fond 4.\n\n"
                    "2. Choibalsan was his rival.\n\nNever cited.\n")


RUSSIAN_CHAPTER = "<p>Генден встретился со Сталиным в Москве.</p>"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "windows-1251", "koi8-r"])
def test_an_epub_chapter_is_read_in_the_encoding_it_declares(tmp_path, encoding):
    """A chapter in UTF-16 (which EPUB allows) was 'the document is empty', and one declaring windows-1251 was
    stored as U+FFFD throughout (audit DW F3): a chapter is read as XML is, by its byte-order mark or declaration."""
    chapter = XHTML.replace('encoding="UTF-8"', f'encoding="{encoding}"').format(body=RUSSIAN_CHAPTER)
    source = read_source(_epub3(tmp_path / "book.epub", {"chap1.xhtml": chapter.encode(encoding)}))
    assert source.text == "Генден встретился со Сталиным в Москве.\n"


@pytest.mark.parametrize("declared", ["UTF-16", "ISO-8859-1", "windows-1252", "base64", "no-such-codec"])
def test_an_epub_chapter_in_utf8_declaring_another_encoding_is_read_as_utf8(tmp_path, declared):
    """A declaration naming the wrong encoding is common; UTF-8 bytes declared as UTF-16 or Latin-1 were read as
    Chinese-looking characters or 'Ã©', a codec of no text ('base64') failed the import as the program's fault
    (audit DX F5, F6): bytes that are UTF-8 are read so."""
    chapter = XHTML.replace('encoding="UTF-8"', f'encoding="{declared}"').format(body=RUSSIAN_CHAPTER)
    source = read_source(_epub3(tmp_path / "book.epub", {"chap1.xhtml": chapter.encode()}))
    assert source.text == "Генден встретился со Сталиным в Москве.\n"


@pytest.mark.parametrize("page", [
    XHTML.replace('<?xml version="1.0" encoding="UTF-8"?>', "").format(body=RUSSIAN_CHAPTER).encode("utf-16-le"),
    XHTML.replace('<?xml version="1.0" encoding="UTF-8"?>', "").replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"/>').format(
        body=RUSSIAN_CHAPTER).encode("cp1251")])
def test_an_epub_chapter_without_a_declaration_is_read_as_other_text_is(tmp_path, page):
    """A chapter in UTF-16 without a mark or a declaration was stored as its markup's bytes, and one naming
    windows-1251 in a <meta> only was U+FFFD throughout (audit DX F7, F8): it is read as a page is."""
    source = read_source(_epub3(tmp_path / "book.epub", {"chap1.xhtml": page}))
    assert source.text == "Генден встретился со Сталиным в Москве.\n"


def test_an_epub_listing_no_reading_order_is_read_in_its_manifest_order(tmp_path):
    """A book whose spine is empty was 'no text in it (the document is empty)' though its chapters are there (audit
    DW F3): its documents are read in the order its manifest lists them, its guide's contents and cover pages aside
    (audit DX F9)."""
    chapters = {"cover.xhtml": "<p>THE PURGE</p>", "toc.xhtml": "<p>Contents: 1. The meeting</p>",
                "chap1.xhtml": "<p>Genden met Stalin.</p>", "chap2.xhtml": "<p>Genden was shot in 1937.</p>"}
    guide = '<guide><reference type="toc" href="toc.xhtml"/><reference type="cover" href="cover.xhtml#c"/></guide>'
    source = read_source(_epub3(tmp_path / "book.epub", chapters, spine=False, guide=guide))
    assert source.text == "Genden met Stalin.\n\nGenden was shot in 1937.\n"


def test_characters_a_book_gives_no_text_for_are_counted_in_its_line(empty_workspace, tmp_path):
    """Bytes a chapter's encoding makes no character of were stored as U+FFFD, the import's line saying nothing
    (audit DW F3): it counts them, as a PDF's line does."""
    chapter = XHTML.format(body="<p>Genden met Stalin in Moscow.</p>").encode().replace(b"Moscow", b"Mosc\xffw")
    report = empty_workspace.documents.import_paths([_epub3(tmp_path / "book.epub", {"chap1.xhtml": chapter})])
    assert "1 character it gives no text for, shown as \ufffd" in report.outcomes[0].message


ENCRYPTION = ('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
              'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod '
              'Algorithm="{algorithm}"/><enc:CipherData><enc:CipherReference URI="EPUB/chap1.xhtml"/>'
              '</enc:CipherData></enc:EncryptedData></encryption>')


@pytest.mark.parametrize("extra", [
    {"META-INF/encryption.xml": ENCRYPTION.format(algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc")},
    {"META-INF/rights.xml": "<adept:rights xmlns:adept='http://ns.adobe.com/adept'/>"},
])
def test_epub_with_drm_is_refused_in_one_line(tmp_path, extra):
    """An EPUB with DRM (encrypted chapters or Adobe rights) is refused with one line, not imported as ciphertext."""
    with pytest.raises(ImportFailed, match="the EPUB is DRM-protected"):
        read_source(_epub(tmp_path / "locked.epub", extra))


def test_epub_with_only_font_obfuscation_is_read(tmp_path):
    """Obfuscated fonts are not DRM: such a book is read as any other."""
    extra = {"META-INF/encryption.xml": ENCRYPTION.format(algorithm="http://www.idpf.org/2008/embedding")}
    assert "Genden met Stalin" in read_source(_epub(tmp_path / "fonts.epub", extra)).text


def test_folders_list_the_new_formats_and_unknown_names_are_sniffed(tmp_path):
    """A folder yields .docx/.epub/.odt/.rtf files; a file without a known extension is read by its first bytes."""
    _docx(tmp_path / "a.docx")
    _epub(tmp_path / "b.epub")
    (tmp_path / "c.rtf").write_text(RTF, encoding="ascii")
    files, problems, left_out = expand_paths([tmp_path])
    assert [f.name for f in files] == ["a.docx", "b.epub", "c.rtf"] and not problems and not left_out
    renamed = tmp_path / "b.epub"
    renamed.rename(tmp_path / "download")
    assert read_source(tmp_path / "download").fmt == "epub"


def test_a_folders_links_to_nothing_are_named_not_passed_over(tmp_path):
    """A link to a file no longer there, or to itself, was left out of a folder's import without a word, and the
    fond looked imported whole (audit BY F2): each is named in its line, and so is a link to a folder, not followed
    (it may lead back: a loop; audit CA C6)."""
    (tmp_path / "letter.txt").write_text("A letter of 1936.\n", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "back").symlink_to(tmp_path)
    files, problems, _left_out = expand_paths([tmp_path])
    assert [f.name for f in files] == ["letter.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("back", f"a link to a folder, not followed (import {tmp_path} itself if its files belong here)"),
        ("gone.txt", "a link to no file"), ("self.txt", "a link to no file")]  # the folder link was passed over too


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens every folder")
def test_a_folder_that_cannot_be_opened_is_named_with_its_files_not_imported(tmp_path):
    """A locked folder inside a fond was passed over without a word, and one imported alone 'has no .txt … files'
    (audit BY F2): it is said that it cannot be opened."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inner.txt").write_text("Inside.\n", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Outside.\n", encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        files, problems, _left_out = expand_paths([tmp_path])
        alone = expand_paths([tmp_path / "locked"])[1]
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert [f.name for f in files] == ["open.txt"]
    assert [p.reason for p in problems] == [p.reason for p in alone] == [
        "cannot open the folder (Permission denied): its files were not imported"]


def test_import_takes_missing_metadata_from_the_file(empty_workspace, tmp_path):
    """The importer fills what the text does not give (here the author) from the document's own properties."""
    report = empty_workspace.documents.import_paths([_docx(tmp_path / "minutes.docx")])
    assert [o.status for o in report.outcomes] == ["imported"]
    info = empty_workspace.documents.resolve("minutes.docx")
    assert info.metadata.author == "Jane Roe"
    assert empty_workspace.documents.text(info.id).text.startswith("The meeting in Moscow\n\n")


def test_a_word_files_creation_date_is_not_its_date_of_publication(empty_workspace, tmp_path):
    """A letter of 1936 typed into Word is not dated 2013-12-23, the day python-docx's template file was made."""
    import docx

    document = docx.Document()
    document.add_paragraph("Ulaanbaatar, the twelfth of March, 1936. Dear comrade Genden, I write about the lamas.")
    document.save(str(tmp_path / "letter.docx"))
    assert document.core_properties.created.year == 2013
    empty_workspace.documents.import_paths([tmp_path / "letter.docx"])
    assert empty_workspace.documents.resolve("letter.docx").metadata.date_published == ""


@pytest.mark.parametrize("event, kept", [(None, "2001-09-01"), ("publication", "2001-09-01"),
                                         ("modification", None), ("creation", None)])
def test_an_epub_date_is_taken_only_when_it_dates_the_publication(tmp_path, event, kept):
    """An EPUB 2 dc:date marked as the file's creation or modification (opf:event) is no date of publication."""
    extra = {"{http://www.idpf.org/2007/opf}event": event} if event else {}
    metadata = read_source(_epub(tmp_path / "book.epub", date_attributes=extra)).metadata
    assert metadata.get("date_published") == kept


@pytest.mark.parametrize("name, parts, reason", [
    ("book.epub", {"OEBPS/chapter.xhtml": "<p>x</p>"}, "not an EPUB book: the ZIP holds no META-INF/container.xml"),
    ("sheet.odt", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
     "not an OpenDocument text but application/vnd.oasis.opendocument.spreadsheet"),
])
def test_zip_packages_of_the_wrong_kind_fail_in_one_line(tmp_path, name, parts, reason):
    """An EPUB without its container, or a spreadsheet named .odt, is named for what it is not."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    with pytest.raises(ImportFailed, match=reason):
        read_source(path)


def test_password_protected_or_old_word_file_says_so(tmp_path):
    """An OLE compound file named .docx (how Word saves with a password, or an old .doc) is named as such."""
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    with pytest.raises(ImportFailed, match="an Office file with a password or in the old binary format"):
        read_source(path)


def test_a_package_is_held_to_the_size_limit_by_what_it_unpacks_and_the_text_it_holds(tmp_path, monkeypatch):
    """The size limit applies to what a DOCX, ODT or EPUB unpacks to and to the text read from it, not only to the
    file: a 473 KB DOCX held 120 million characters (the window then hung opening it), and one whose single text run
    was too long for the XML reader was called damaged with the reader's own words."""
    from reader.core.documents import sources

    path = _docx(tmp_path / "minutes.docx")
    with zipfile.ZipFile(path) as archive:
        grows = sum(member.file_size - member.compress_size for member in archive.infolist())
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", grows - 1)
    with pytest.raises(ImportFailed, match=r"unpacks to .* MB more than it holds, over the .* limit for what a "
                                           r"package grows by"):
        read_source(path)
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", grows)
    monkeypatch.setattr(sources, "MAX_TEXT_CHARS", 40)
    with pytest.raises(ImportFailed, match=r"holds [0-9,]+ characters of text, over the 40 limit"):
        read_source(path)


def test_a_package_named_as_another_kind_says_what_it_is(tmp_path):
    """A Word document named .odt was 'not an OpenDocument text: the ZIP holds no content.xml (it is a ZIP of other
    files)' (audit BY F5), as if it were no document at all: it is said what it is, and how to import it."""
    path = _docx(tmp_path / "minutes.docx").rename(tmp_path / "minutes.odt")
    with pytest.raises(ImportFailed, match=r"minutes.odt: a Word document, not an OpenDocument text; name it \.docx "
                                           r"to import it$"):
        read_source(path)


def test_a_member_claiming_more_than_it_holds_cannot_hide_another_ones_growth(tmp_path, monkeypatch):
    """One member whose directory entry claims a compressed size larger than it is made the total growth negative,
    and a bomb beside it passed (audit CA C11): each member's growth counts alone, none below nothing."""
    from reader.core.documents import sources

    path = _docx(tmp_path / "minutes.docx")
    with zipfile.ZipFile(path) as archive:
        grows = sum(member.file_size - member.compress_size for member in archive.infolist())
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", grows - 1)
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")  # the last member's entry in the central directory
    data[central + 20:central + 24] = (10**8).to_bytes(4, "little")  # its compressed size, claimed
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match="more than it holds"):
        read_source(path)


def test_photos_stored_in_a_package_are_not_taken_for_a_bomb(tmp_path, monkeypatch):
    """A Word file holding reading-room photos (stored: a JPEG does not compress) was refused as 'unpacks to 211
    MB', a bomb (audit BY F10): a package is held to what it grows by when unpacked, not to what it holds."""
    from reader.core.documents import sources

    path = _docx(tmp_path / "minutes.docx")
    with zipfile.ZipFile(path, "a") as archive:
        grows = sum(member.file_size - member.compress_size for member in archive.infolist())
        archive.writestr("word/media/image1.jpeg", os.urandom(300_000), compress_type=zipfile.ZIP_STORED)
    monkeypatch.setattr(sources, "MAX_UNPACKED_BYTES", grows)  # what the XML grows by; the photo does not
    assert "Genden met Stalin" in read_source(path).text


def test_a_folders_files_of_other_kinds_are_named_as_left_out(empty_workspace, tmp_path):
    """A folder holding a report, an old Word .doc, an XML file and a photo imported the report and said nothing of
    the rest: the historian took the fond for imported. They are named as left out (hidden files aside), the .doc
    with what to do; the import still succeeds."""
    fond = tmp_path / "fond"
    fond.mkdir()
    _docx(fond / "report.docx")
    (fond / "letter1921.doc").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504)
    (fond / "photo.gif").write_bytes(b"GIF89a" + b"\x00" * 20)
    (fond / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    report = empty_workspace.documents.import_paths([fond])
    assert not report.failed
    notices = [o.message for o in report.outcomes if o.status == "left_out"]
    assert notices == [f"{fond}: 2 files of other kinds left out: letter1921.doc (an old Word file: save it as "
                       ".docx to import it), photo.gif"]


def test_an_old_word_file_says_to_save_it_as_docx(tmp_path):
    """A .doc given alone was "binary file (contains NUL bytes), not text", with no hint of what to do."""
    path = tmp_path / "letter1921.doc"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504)
    with pytest.raises(ImportFailed, match="an old Word file \\(Office 97-2003\\): save it as .docx to import it"):
        read_source(path)


TEI_LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title type="main">Letter from Urga</title><author>I. Maisky</author></titleStmt>
    <publicationStmt><p>Unpublished</p></publicationStmt><sourceDesc><p>Archive</p></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><div>
    <fw type="header">ARCHIVE COPY</fw>
    <head>Urga, 3 June 1921</head>
    <opener><salute>Dear comrade,</salute></opener>
    <p>Your <del>telegram</del><add>letter</add> was
       <choice><sic>recieved</sic><corr>received</corr></choice> on the ninth<note n="1">Old style.</note>
       day.<pb n="2"/> The <choice><abbr>Gov.</abbr><expan>Government</expan></choice> left Urga; the rest is
       <gap reason="illegible"/>.</p>
    <closer><signed>Maisky</signed></closer>
  </div></body></text>
</TEI>
"""


def test_a_tei_edition_is_read_as_its_reader_reads_it(tmp_path):
    """A TEI letter was imported as its markup, titled '<?xml version…'; it reads as the edition prints it: the
    correction over the error, the addition without the deletion, no running head, the note cited and kept."""
    path = tmp_path / "letter.xml"
    path.write_text(TEI_LETTER, encoding="utf-8")
    source = read_source(path)
    assert source.fmt == "tei"
    assert source.text == ("Urga, 3 June 1921\n\nDear comrade,\n\nYour letter was received on the ninth[1] day. "
                           "The Government left Urga; the rest is […].\n\nMaisky\n\nNotes\n\n1. Old style.\n")
    assert source.metadata == {"title": "Letter from Urga", "author": "I. Maisky"}


def test_xml_that_is_not_tei_is_refused_in_one_line(tmp_path):
    """Any other XML (a data export, a feed) is said to be not TEI, not imported as its markup; an entity naming a
    file outside is not read."""
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>', encoding="utf-8")
    with pytest.raises(ImportFailed, match="an XML file of <rss>, not TEI"):
        read_source(path)
    entity = tmp_path / "entity.xml"
    entity.write_text('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                      '<TEI><text><body><p>&x;</p></body></text></TEI>', encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"its entity &x; takes text from another file \(file:///etc/passwd\), "
                       "which is never read$"):  # said: its words had gone without a word (audit BY F3)
        read_source(entity)


def test_word_notes_are_marked_as_word_shows_them(tmp_path):
    """A footnote and an endnote were both "[1]" (their XML ids), with two "1." notes, and a note with a typed mark
    ("*") was cited by an invented number: footnotes read 1, 2…, endnotes i, ii…, a typed mark as typed."""
    body = ('<w:p><w:r><w:t>The treaty was signed</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r>'
            '<w:r><w:t xml:space="preserve"> in Moscow</w:t></w:r><w:r><w:endnoteReference w:id="7"/></w:r>'
            '<w:r><w:t xml:space="preserve"> in November</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" '
            'w:id="9"/><w:t>*</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>')
    path = _word_with(tmp_path / "notes.docx", body)
    notes = {"footnotes": '<w:footnote w:id="7"><w:p><w:r><w:t>Fond 495.</w:t></w:r></w:p></w:footnote>'
                          '<w:footnote w:id="9"><w:p><w:r><w:t>* Old style.</w:t></w:r></w:p></w:footnote>',
             "endnotes": '<w:endnote w:id="7"><w:p><w:r><w:t>See the Russian text.</w:t></w:r></w:p></w:endnote>'}
    with zipfile.ZipFile(path, "a") as archive:
        for part, xml in notes.items():
            archive.writestr(f"word/{part}.xml", f'<w:{part} xmlns:w="{W_NS}">{xml}</w:{part}>')
    assert read_source(path).text == ("The treaty was signed[1] in Moscow[i] in November*.\n\nNotes\n\n1. Fond 495.\n\n"
                                      "i. See the Russian text.\n\n* Old style.\n")


def test_an_epub_missing_a_chapter_says_so_without_a_python_name(tmp_path):
    """A damaged EPUB whose spine names a file the archive lacks said 'KeyError: "There is no item named …"': the
    line says what is missing, without the exception's name and quotes."""
    whole = _epub(tmp_path / "whole.epub")
    damaged = tmp_path / "damaged.epub"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            if not item.filename.endswith("chap1.xhtml"):
                target.writestr(item, source.read(item))
    with pytest.raises(ImportFailed) as error:
        read_source(damaged)
    assert "damaged EPUB: There is no item named" in str(error.value) and "KeyError" not in str(error.value)


def test_a_damaged_file_the_reader_stumbled_over_is_said_plainly(tmp_path, monkeypatch):
    """Some damaged files made their reader fail on what it did not find, and the line quoted it: "'lxml.etree.
    _Element' object has no attribute 'overrides'", or a bare namespace address."""
    from reader.core.documents.formats.blocks import damaged

    for exc in (AttributeError("'lxml.etree._Element' object has no attribute 'overrides'"),
                KeyError("http://purl.org/dc/elements/1.1/")):
        line = str(damaged(tmp_path / "book.epub", "EPUB", exc))
        assert line.endswith("damaged EPUB: its parts are not where the format puts them, or not what they should be")


def test_a_tei_file_opening_with_its_doctype_is_read_as_tei(tmp_path):
    """A TEI file beginning with '<!DOCTYPE TEI [' (its entities declared, no XML declaration) was refused as 'plain
    text, not a TEI XML file' (audit CA C5); so was a corpus. An HTML page's doctype is still no TEI."""
    path = tmp_path / "edition.xml"
    path.write_text('<!DOCTYPE TEI [<!ENTITY king "King Charles I">]>\n'
                    "<TEI><text><body><p>A letter to &king; in 1642.</p></body></text></TEI>\n", encoding="utf-8")
    assert read_source(path).text == "A letter to King Charles I in 1642.\n"
    path.write_text("<teiCorpus><TEI><text><body><p>One.</p></body></text></TEI></teiCorpus>\n", encoding="utf-8")
    assert read_source(path).text == "One.\n"
    from reader.core.documents.formats.dispatch import sniff

    assert sniff(b"<!DOCTYPE html><html><body>Text</body></html>") is None


def test_entities_a_tei_file_declares_in_itself_are_read_as_their_text(tmp_path):
    """Older TEI editions declare characters and abbreviations in the file ('&ae;', '&king;'): their words were
    dropped from the text without a word (audit BY F3). A declared entity reads as its text; one naming a file
    outside is still never read, and one multiplied out of measure is refused in one plain line."""
    path = tmp_path / "edition.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY ae "æ"><!ENTITY king "King Charles I">]>'
                    "<TEI><text><body><p>C&ae;sar, and a letter to &king;.</p></body></text></TEI>", encoding="utf-8")
    assert read_source(path).text == "Cæsar, and a letter to King Charles I.\n"
    laughs = '<!ENTITY a "ha">' + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'
                                          for n in range(8))
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE TEI [{laughs}]><TEI><text><body><p>&i;</p></body></text></TEI>',
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as refused:
        read_source(path)
    assert str(refused.value).endswith(": its entities expand out of all measure (an XML bomb?), so it is not read")
    path.write_text("<TEI><text><body><p>Rubicon &mdash; crossed</p></body></text></TEI>", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"its entity &mdash; \(—\) is declared nowhere in it \(line 1\): write "
                                           r"the character itself, or declare the entity in the file$"):
        read_source(path)
    for body, said in (("&nbsp;", r"its entity &nbsp; \(a no-break space\) is declared nowhere in it \(line 1\): "
                                  r"write the character itself"),
                       ("&foo;", r"its entity &foo; is declared nowhere in it \(line 1\): write what it stands for"),
                       ("&#1;", r"its character reference on line 1 names no character XML allows")):  # audit CC N11
        path.write_text(f"<TEI><text><body><p>A {body} b</p></body></text></TEI>", encoding="utf-8")
        with pytest.raises(ImportFailed, match=said):
            read_source(path)
    path.write_text('<!DOCTYPE TEI SYSTEM "tei_all.dtd"><TEI><text><body><p>Rubicon &mdash; crossed</p></body></text>'
                    "</TEI>", encoding="utf-8")  # its entities in a DTD never read: it was 'damaged' (audit CA C5)
    with pytest.raises(ImportFailed, match=r"its entity &mdash; \(—\) is declared in its DTD \(tei_all.dtd\), "
                                           r"which is never read \(line 1\): write the character itself, or declare "
                                           r"the entity in the file$"):
        read_source(path)


def test_a_pipe_is_refused_as_no_file_not_opened(tmp_path):
    """A pipe (or a socket, a device) given to the import was opened to sniff its kind, and the import waited for
    ever; named .txt it was called an empty file; in a folder it was passed over unsaid (audit DW F6, F8)."""
    os.mkfifo(tmp_path / "notes")
    os.mkfifo(tmp_path / "minutes.txt")
    for name in ("notes", "minutes.txt"):
        with pytest.raises(ImportFailed, match="not a regular file \\(a pipe\\)"):
            read_source(tmp_path / name)
    (tmp_path / "a.txt").write_text("A letter of 1936.\n", encoding="utf-8")
    files, problems, _left_out = expand_paths([tmp_path])
    assert [f.name for f in files] == ["a.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [("minutes.txt", "not a regular file (a pipe)"),
                                                                 ("notes", "not a regular file (a pipe)")]


def test_a_tei_file_in_latin1_without_its_declaration_is_refused_in_its_terms(tmp_path):
    """A TEI file saved in Latin-1 with no XML declaration was said to be the program's fault ("something went wrong
    inside the program (OSError)") (audit DW F4): the line says what the file lacks."""
    path = tmp_path / "edition.xml"
    path.write_bytes('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Édition critique, café</p></body>'
                     '</text></TEI>'.encode("latin-1"))
    with pytest.raises(ImportFailed, match="not UTF-8 and declares no other encoding"):
        read_source(path)


@pytest.mark.parametrize(("charset", "words"), [("windows-1250", "Zażółć gęślą jaźń. Protokół posiedzenia komisji"),
                                                ("koi8-r", "Протокол заседания комиссии от пятого мая.")])
def test_an_html_page_is_read_in_the_charset_it_declares(tmp_path, charset, words):
    """A page declaring its charset in a <meta> (Polish in windows-1250, Russian in KOI8-R, as 1990s–2000s web
    archives hold them) was stored as another encoding's mojibake and said imported, or called damaged UTF-8 (audit
    DW F1, F2): its own declaration is read where its bytes are not UTF-8."""
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{words}</p></body>'
                     f'</html>'.encode(charset))
    assert words in read_source(path).text


@pytest.mark.parametrize("head", [b"{\\rtf1\\mac\\ansicpg10000 ", b"{\\rtf1\\mac "])
def test_a_mac_rtf_is_read_in_mac_roman(tmp_path, head):
    """An RTF of classic Mac Word (\\mac, code page 10000, which Python calls mac_roman) had its accented letters
    stored as U+FFFD, unsaid (audit DW F9)."""
    path = tmp_path / "mac.rtf"
    path.write_bytes(head + b"Proc\\'8fs-verbal de la s\\'8eance, caf\\'8e na\\'95ve\\par}")
    assert read_source(path).text.strip() == "Procès-verbal de la séance, café naïve"


def test_a_member_that_inflates_hundreds_of_times_is_taken_for_a_bomb(tmp_path):
    """A 271 KB Word file whose document.xml inflated to 190 MB of empty paragraphs, under the limit on growth, took
    two minutes and 4 GB to read (audit DW F5, F12): a member growing more than a text's XML ever does (hundreds of
    times, by megabytes) is refused before it is read."""
    path = _docx(tmp_path / "minutes.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    swollen = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 4_000_000, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, "word/document.xml": swollen}.items():
            archive.writestr(name, data)
    with pytest.raises(ImportFailed, match="word/document.xml unpacks .* times its packed size"):
        read_source(path)


@pytest.mark.parametrize(("name", "data"), [("zero_width.txt", "\u200b\u200b\n\u200c \n"),
                                            ("shell.html", "<html><body>&nbsp;&nbsp;&#8203;<script>app()</script>"
                                                           "</body></html>")])
def test_a_file_of_invisible_characters_only_has_no_text(tmp_path, name, data):
    """A file of zero-width characters only, or a page of no-break spaces beside a script, was imported as a blank
    document (audit DW F10): it has no text, as a file of blanks has none."""
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    with pytest.raises(ImportFailed, match="no text in it"):
        read_source(path)
