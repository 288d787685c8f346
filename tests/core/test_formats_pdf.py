"""PDFs made here (Qt for text pages, by hand for encryption, labels and empty files) read by the PDF reader."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core.documents.formats.pdf import read_pdf
from reader.core.documents.sources import read_source
from reader.core.errors import ImportCancelled, ImportFailed
from tests.core.pdf_samples import SENTENCES, article_pdf, column_lines, hand_pdf, qt_pdf


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    return article_pdf(tmp_path_factory.mktemp("pdf") / "article.pdf")


def test_line_end_hyphens_joined_real_compounds_kept_paragraphs_unwrapped(article):
    """'inter-/national' becomes one word, 'Mongolian-/Soviet' keeps its hyphen, and wrapped lines are unwrapped."""
    text = read_pdf(article).text
    assert ("The treaty of 1936 was an international agreement in all but name, and the Mongolian-Soviet protocol "
            "bound the two states together.\n\nA new paragraph begins after a wider gap.") in text
    assert "The Purge of the Lamas\n\nThe treaty" in text


def test_two_columns_are_read_column_by_column(article):
    """Each column's lines come together, left column first, though the lines lie side by side on the page."""
    text = read_pdf(article).text
    assert f"{SENTENCES[4]}\n\n{SENTENCES[5]}" in text
    assert f"{SENTENCES[0]}\n\n{SENTENCES[1]}" in text


def test_running_heads_and_folios_are_boilerplate_not_deleted(article):
    """Running heads and folios become boilerplate ranges, still in the text; page one's head (often the title) not."""
    extracted = read_pdf(article)
    marked = [extracted.text[start:end] for start, end in extracted.boilerplate]
    assert marked == ["1", "A HISTORY OF MONGOLIA", "2", "A HISTORY OF MONGOLIA", "3", "A HISTORY OF MONGOLIA", "4"]
    assert extracted.text.startswith("A HISTORY OF MONGOLIA\n\n")


def test_pages_and_word_boxes_index_the_text(article):
    """Each page's range holds its words; each box's range is one word, placed on its page in points, top-left."""
    extracted = read_pdf(article)
    assert [(p.index, p.label, p.origin, p.width, p.height) for p in extracted.pages] == [
        (i, str(i + 1), "text", 595.0, 842.0) for i in range(4)]
    for box in extracted.boxes:
        page = extracted.pages[box.page]
        word = extracted.text[box.start:box.end]
        assert word and not any(c.isspace() for c in word)
        assert page.start <= box.start < box.end <= page.end
        assert 0 <= box.x0 < box.x1 <= page.width and 0 <= box.y0 < box.y1 <= page.height
    heads = [b for b in extracted.boxes if extracted.text[b.start:b.end] == "HISTORY"]
    assert len(heads) == 4 and all(b.y1 < 60 for b in heads)  # near the top: the origin is top-left
    right = next(b for b in extracted.boxes if b.page == 2 and extracted.text[b.start:b.end] == "In")
    assert right.x0 >= 315  # 'In 1937 …' starts the right-hand column


def test_metadata_from_the_info_dictionary_and_the_title_from_type_size(article):
    """Author comes from the info dictionary, an empty title from page one's largest type; CreationDate is no date."""
    metadata = read_pdf(article).metadata
    assert metadata["author"] == "Jane Roe" and metadata["title"] == "The Purge of the Lamas"
    assert "date_published" not in metadata


def test_a_sentence_running_from_one_column_into_the_next_stays_one_paragraph(tmp_path):
    """A paragraph cut at the foot of the left column (no full stop, lower-case start) is continued, not split."""
    text = " ".join(SENTENCES[:3])
    lines = column_lines(text, 34)
    half = len(lines) // 2
    items = [(72, 100 + 14 * i, line, 11) for i, line in enumerate(lines[:half])]
    items += [(320, 100 + 14 * i, line, 11) for i, line in enumerate(lines[half:])]
    assert lines[half][:1].islower()
    assert read_pdf(qt_pdf(tmp_path / "flow.pdf", [items])).text == text + "\n"


def test_a_title_across_both_columns_cuts_the_page_into_bands(tmp_path):
    """The first page of an article: a title set across both columns, then two columns. The title is read first,
    then each column whole (its hyphenated line ends joined), not line by line across the columns."""
    left = ["In the spring of 1934 the deleg-", "ation led by Genden travelled to", "Moscow for the talks on the",
            "monasteries and the Soviet troops."]
    right = ["Genden resisted the demands for", "a campaign against the lama-", "series, as the protocol kept in",
             "the archive records at length."]
    items = [(72, 80, "The Mongolian Delegation in Moscow, 1934", 20)]
    for column, lines in ((72, left), (320, right)):
        items += [(column, 120 + 14 * row, line, 11) for row, line in enumerate(lines)]
    text = read_pdf(qt_pdf(tmp_path / "first_page.pdf", [items])).text
    assert text.split("\n\n") == [
        "The Mongolian Delegation in Moscow, 1934",
        "In the spring of 1934 the delegation led by Genden travelled to Moscow for the talks on the monasteries "
        "and the Soviet troops.",
        "Genden resisted the demands for a campaign against the lamaseries, as the protocol kept in the archive "
        "records at length.\n"]


def test_footnotes_stay_text_while_running_heads_and_folios_are_boilerplate(tmp_path):
    """Archival references at each page's foot ('1. Central Archive, fond 17, opis 2, delo 5.') are the historian's
    evidence: numbered alike, they are not a running footer. The running head and the folio still are."""
    pages = []
    for page in range(5):
        items = [(72, 40, "REPORTS OF THE CONSULATE", 9), (290, 820, str(page + 1), 9)]
        items += [(72, 100 + 14 * row, line, 11) for row, line in enumerate(column_lines(SENTENCES[page], 60))]
        items.append((72, 780, f"{page + 1}. Central Archive, fond {page + 17}, opis 2, delo {3 * page + 5}.", 8))
        pages.append(items)
    extracted = read_pdf(qt_pdf(tmp_path / "notes.pdf", pages))
    marked = [extracted.text[start:end] for start, end in extracted.boilerplate]
    assert marked == ["1", *[line for page in range(2, 6) for line in ("REPORTS OF THE CONSULATE", str(page))]]
    assert "\n\n3. Central Archive, fond 19, opis 2, delo 11.\n\n" in extracted.text


def test_a_footnote_under_the_left_column_is_read_after_both_columns(tmp_path):
    """A short note in small type at the foot of a two-column page belongs to the page, not to the left column: it
    comes after the right column instead of cutting the running text in two."""
    text = " ".join(SENTENCES)
    lines = column_lines(text, 34)
    half = len(lines) // 2
    items = [(72, 100 + 14 * i, line, 11) for i, line in enumerate(lines[:half])]
    items += [(320, 100 + 14 * i, line, 11) for i, line in enumerate(lines[half:])]
    items.append((72, 780, "1. Central Archive, fond 17.", 8))
    assert read_pdf(qt_pdf(tmp_path / "note.pdf", [items])).text == f"{text}\n\n1. Central Archive, fond 17.\n"


def test_a_word_and_a_sentence_run_on_over_the_page_break(tmp_path):
    """'inter-' at the foot of one page and 'national' at the head of the next become 'international' (so search
    finds it), and a sentence cut by the page break goes on; the folio and the running head between them are moved
    beside the paragraph, still boilerplate, and every word's box stays on its page and inside its page's text."""
    bodies = [["The consul reported on the talks in March, and", "so the Mongolian government asked for inter-"],
              ["national guarantees of its borders, which Moscow", "refused.", "",
               "The consul wrote again in May, and the ministry", "sent the"],
              ["answer in June."]]
    pages = []
    for number, body in enumerate(bodies, start=1):
        items = [(72, 40, "REPORTS OF THE CONSULATE", 9)] if number > 1 else []
        items += [(72, 100 + 14 * row, line, 11) for row, line in enumerate(body) if line]
        pages.append([*items, (290, 820, str(number), 9)])
    extracted = read_pdf(qt_pdf(tmp_path / "break.pdf", pages))
    text = extracted.text
    assert "asked for international guarantees of its borders, which Moscow refused." in text
    assert "the ministry sent the answer in June." in text
    marked = sorted(text[start:end] for start, end in extracted.boilerplate)
    assert marked == ["1", "2", "3", "REPORTS OF THE CONSULATE", "REPORTS OF THE CONSULATE"]
    for box in extracted.boxes:
        page = extracted.pages[box.page]
        assert page.start <= box.start < box.end <= page.end
    pieces = {text[b.start:b.end]: b.page for b in extracted.boxes}
    assert (pieces["inter"], pieces["national"], pieces["answer"]) == (0, 1, 2)


def test_page_labels_doi_and_title_from_page_one(tmp_path):
    """Printed page labels (roman, then arabic) are kept; a DOI and, without info, a title come from page one."""
    path = hand_pdf(tmp_path / "labels.pdf", ["doi:10.5555/mongolia.1921", "Preface", "Chapter one", "Chapter two"],
                    labels="0 << /S /r >> 2 << /S /D >>")
    extracted = read_pdf(path)
    assert [p.label for p in extracted.pages] == ["i", "ii", "1", "2"]
    assert extracted.metadata["doi"] == "10.5555/mongolia.1921"


def test_a_malformed_title_in_the_info_dictionary_leaves_the_text_readable(tmp_path):
    """A UTF-16 title beginning with a lone surrogate (some producers write one) made the whole PDF 'something went
    wrong inside the program' (audit BY F13): the text is read, the title left to the text, the author kept."""
    path = hand_pdf(tmp_path / "report.pdf", ["The minister met the ambassador in Vienna on 3 March 1934."],
                    info=b"<< /Title <FEFFD800004100420043> /Author (Smith) >>")
    source = read_source(path)
    assert "ambassador in Vienna" in source.text and source.metadata.get("author") == "Smith"
    assert "\ud800" not in source.metadata.get("title", "")


def test_encrypted_pdf_needs_the_right_password(tmp_path):
    """No password and a wrong one each fail with one clear line; the right password opens the text."""
    path = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    with pytest.raises(ImportFailed, match="the PDF is password-protected; give its password"):
        read_source(path)
    with pytest.raises(ImportFailed, match="wrong password for this PDF"):
        read_source(path, password="stalin")
    assert read_source(path, password="genden").text == "Secret minutes of 1937\n"


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(article_pdf(p.with_suffix(".full")).read_bytes()[:3000]), "damaged or truncated PDF"),
    (lambda p: hand_pdf(p, []), "the PDF has no pages"),
    (lambda p: p.write_bytes(b"%PDF-1.7\nthis is not really a PDF at all"), "damaged or truncated PDF"),
    (lambda p: p.write_bytes(b"Dear sir, this letter was saved with the wrong name."), "plain text, not a PDF"),
])
def test_broken_pdfs_fail_in_one_line(tmp_path, make, reason):
    """Truncated, zero-page and fake PDFs are named with one line each, never a traceback."""
    path = tmp_path / "broken.pdf"
    make(path)
    with pytest.raises(ImportFailed) as failure:
        read_source(path)
    assert reason in str(failure.value) and "\n" not in str(failure.value)


def test_progress_is_per_page_and_cancel_stops(article):
    """Progress is reported once per page with its label; cancelling stops the read before the next page."""
    seen = []
    read_pdf(article, progress=lambda done, total, label: seen.append((done, total, label)))
    assert seen == [(i, 4, f"article.pdf: page {i + 1} of 4") for i in range(4)]
    calls = []
    with pytest.raises(ImportCancelled):
        read_pdf(article, cancelled=lambda: calls.append(1) or len(calls) > 2)
    assert len(calls) == 3


def test_a_pdf_without_its_extension_is_recognised(article, tmp_path):
    """A PDF saved without an extension is read as a PDF (by its first bytes), not rejected as binary text."""
    shutil.copy(article, tmp_path / "download")
    assert read_source(tmp_path / "download").fmt == "pdf"


def test_a_pdf_named_txt_says_how_to_import_it(article, tmp_path):
    """A PDF named .txt is still refused as text, with a hint to name it .pdf."""
    shutil.copy(article, tmp_path / "notes.txt")
    with pytest.raises(ImportFailed, match=r"binary file \(a PDF file\), not text; if it is one, name it .pdf"):
        read_source(tmp_path / "notes.txt")


def test_importing_a_pdf_stores_its_text_and_metadata(empty_workspace, article):
    """A PDF imports like any file: its text stored, its title and author filled where the text gives none."""
    report = empty_workspace.documents.import_paths([article])
    assert [o.message for o in report.outcomes] == ["article.pdf: imported (PDF, 4 pages)"]
    info = empty_workspace.documents.resolve("article.pdf")
    assert info.metadata.author == "Jane Roe"
    assert "international agreement" in empty_workspace.documents.text(info.id).text


def test_a_table_of_contents_is_not_read_as_two_columns(tmp_path):
    """Titles with page numbers far to their right stay line by line: a narrow run of numbers is not a column."""
    entries = [("The revolution of 1921", "1"), ("Genden and Stalin", "37"), ("The purge of the lamas", "81"),
               ("The Mongolian-Soviet protocol", "112"), ("After 1939", "160")]
    items = []
    for row, (title, page) in enumerate(entries):
        items += [(72, 100 + 28 * row, title, 11), (500, 100 + 28 * row, page, 11)]
    text = read_pdf(qt_pdf(tmp_path / "contents.pdf", [items])).text
    assert text == " ".join(f"{title} {page}" for title, page in entries) + "\n"


def test_paragraphs_set_without_space_are_told_by_short_lines_and_indents(tmp_path):
    """With no extra space between paragraphs, a short line after a full stop, or an indent, still ends one."""
    rows = [(72, "Genden went to Moscow in 1934 and met Stalin there"), (72, "twice, in November."),
            (72, "Stalin asked him to purge the lamas, and Genden"), (72, "refused him to his face, as the minutes"),
            (72, "record at some length and in some detail."), (90, "Choibalsan wrote another account of the"),
            (72, "meeting, in which he himself spoke last.")]
    items = [(x, 100 + 14 * row, text, 11) for row, (x, text) in enumerate(rows)]
    text = read_pdf(qt_pdf(tmp_path / "solid.pdf", [items])).text
    assert text.split("\n\n") == [
        "Genden went to Moscow in 1934 and met Stalin there twice, in November.",
        "Stalin asked him to purge the lamas, and Genden refused him to his face, as the minutes record at some "
        "length and in some detail.",
        "Choibalsan wrote another account of the meeting, in which he himself spoke last.\n"]


def test_a_heading_in_larger_type_set_close_above_its_text_is_a_paragraph_of_its_own(tmp_path):
    """A title in large type set right above page one's text ("Soviet Dispatch on Mongolia" over "Page one. The
    delegation…") was joined to the first paragraph, as a wrapped line is: a change of type size ends a paragraph,
    and a footnote's mark raised in a line does not."""
    items = [(72, 100, "Soviet Dispatch on Mongolia", 20),
             (72, 122, "The delegation led by Genden reached Moscow.", 11)]
    text = read_pdf(qt_pdf(tmp_path / "heading.pdf", [items])).text
    assert text.split("\n\n") == ["Soviet Dispatch on Mongolia", "The delegation led by Genden reached Moscow.\n"]
    items = [(72, 100, "The delegation led by Genden reached", 11), (72, 114, "Moscow in November, and it", 11),
             (72, 128, "stayed a week there and", 11), (200, 124, "1", 7), (72, 142, "went home by train.", 11)]
    text = read_pdf(qt_pdf(tmp_path / "mark.pdf", [items])).text
    assert text.count("\n\n") == 0, text


def test_a_junk_info_title_gives_way_to_the_largest_type(tmp_path):
    """'Microsoft Word - draft.docx' in the info dictionary is no title: page one's heading is taken instead."""
    items = [(72, 100, "Notes on the 1936 protocol", 20), *[(72, 140 + 14 * i, s[:60], 11)
                                                           for i, s in enumerate(SENTENCES[:4])]]
    path = qt_pdf(tmp_path / "draft.pdf", [items], title="Microsoft Word - draft.docx")
    assert read_pdf(path).metadata["title"] == "Notes on the 1936 protocol"


def test_a_pdf_title_in_the_info_dictionary_is_the_documents_title(empty_workspace, tmp_path):
    """The /Title a PDF declares names the document at import, not its first line of text (here the archive's)."""
    items = [(72, 100, "State Archive of Mongolia, fond 1", 11),
             *[(72, 140 + 14 * i, s[:60], 11) for i, s in enumerate(SENTENCES[:4])]]
    empty_workspace.documents.import_paths([qt_pdf(tmp_path / "minutes.pdf", [items], title="Minutes of 1936")])
    assert empty_workspace.documents.resolve("minutes.pdf").metadata.title == "Minutes of 1936"


def test_a_pdf_declaring_no_title_in_one_type_is_titled_by_its_file_name(empty_workspace, tmp_path):
    """A report set in one size of type, its first paragraph too long for a title, was titled by a paragraph of
    page two: a PDF's lines are joined into paragraphs, as a scan's are, and the first of three to forty words was a
    whole paragraph, in every citation. A short first line still titles it."""
    first = [(72, 100 + 14 * i, s[:60], 11) for i, s in enumerate(SENTENCES[:6])]
    second = [(72, 100, "Second page. Genden refused to sign the protocol in 1934.", 11)]
    headed = [(72, 100, "Minutes of the Politburo", 11), *[(72, 130 + 14 * i, s[:60], 11)
                                                             for i, s in enumerate(SENTENCES[:4])]]
    empty_workspace.documents.import_paths([qt_pdf(tmp_path / "legation_report_1934.pdf", [first, second]),
                                            qt_pdf(tmp_path / "minutes.pdf", [headed])])
    assert empty_workspace.documents.resolve("legation_report_1934.pdf").metadata.title == "legation_report_1934"
    assert empty_workspace.documents.resolve("minutes.pdf").metadata.title == "Minutes of the Politburo"


def test_a_pdf_titled_by_a_heading_others_share_is_titled_by_its_file_name(empty_workspace, tmp_path):
    """Two reports open with one series heading, which the second import shows to be boilerplate: the first
    report's title was then read again by the rule for plain text, and became a paragraph, unasked."""
    def report(name: str, sentences: list[str]) -> Path:
        return qt_pdf(tmp_path / name, [[(72, 100, "Reports of the Legation", 11),
                                          *[(72, 130 + 14 * i, s[:60], 11) for i, s in enumerate(sentences)]]])

    empty_workspace.documents.import_paths([report("report_1934.pdf", SENTENCES[:6])])
    assert empty_workspace.documents.resolve("report_1934.pdf").metadata.title == "Reports of the Legation"
    empty_workspace.documents.import_paths([report("report_1936.pdf", SENTENCES[6:12])])
    assert [empty_workspace.documents.resolve(f"report_{year}.pdf").metadata.title for year in (1934, 1936)] == [
        "report_1934", "report_1936"]


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_word_boxes_of_a_turned_page_lie_on_its_ink(article, tmp_path, rotation):
    """Protects highlights on landscape and upside-down pages (/Rotate): pdfium draws the page turned but measures
    characters unturned, so each box is turned with the page and lands on its word's ink; the text reads as set."""
    import pypdfium2 as pdfium

    turned = tmp_path / f"turned{rotation}.pdf"
    document = pdfium.PdfDocument(str(article))
    document[0].set_rotation(rotation)
    document.save(str(turned))
    document.close()
    extracted = read_pdf(turned)
    assert extracted.text == read_pdf(article).text
    page = extracted.pages[0]
    assert (page.width, page.height) == ((842.0, 595.0) if rotation % 180 else (595.0, 842.0))
    rendered = pdfium.PdfDocument(str(turned))
    image = rendered[0].render(scale=2).to_pil().convert("L")
    rendered.close()
    for word in ("Purge", "treaty", "HISTORY"):
        box = next(b for b in extracted.boxes if b.page == 0 and extracted.text[b.start:b.end] == word)
        assert 0 <= box.x0 < box.x1 <= page.width and 0 <= box.y0 < box.y1 <= page.height
        inside = [image.getpixel((int(x * 2), int(y * 2))) for x in _steps(box.x0, box.x1) for y in
                  _steps(box.y0, box.y1)]
        assert min(inside) < 100, word  # ink, not blank paper


@pytest.mark.parametrize("turn", [90, 270])
def test_text_set_turned_on_an_upright_page_reads_in_order_with_boxes_on_its_ink(tmp_path, turn):
    """A landscape table or a margin note printed sideways on an upright page (no /Rotate) was stored as letters
    of all its lines interleaved: its words are read along their own lines, and boxed where they are printed."""
    import pypdfium2 as pdfium
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    qt_pdf(tmp_path / "warm.pdf", [[]])  # the Qt application the writer needs
    path = tmp_path / "sideways.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Serif", 11))
    painter.translate(*((500, 80) if turn == 90 else (100, 760)))
    painter.rotate(turn)
    painter.drawText(QRectF(0, 0, 600, 300), Qt.TextFlag.TextWordWrap, " ".join(SENTENCES[:3]))
    painter.end()
    extracted = read_pdf(path)
    assert " ".join(extracted.text.split()) == " ".join(SENTENCES[:3])
    rendered = pdfium.PdfDocument(str(path))
    image = rendered[0].render(scale=2).to_pil().convert("L")
    rendered.close()
    for word in ("Genden", "Choibalsan", "monasteries"):
        box = next(b for b in extracted.boxes if extracted.text[b.start:b.end].strip(",.") == word)
        assert box.y1 - box.y0 > box.x1 - box.x0, word  # a word printed sideways is taller than wide
        inside = [image.getpixel((int(x * 2), int(y * 2))) for x in _steps(box.x0, box.x1) for y in
                  _steps(box.y0, box.y1)]
        assert min(inside) < 100, word


def _steps(low: float, high: float, count: int = 12) -> list[float]:
    return [low + (high - low) * (k + 0.5) / count for k in range(count)]


def test_text_named_pdf_says_what_it_is(tmp_path):
    """A text file named .pdf is said to be text (with how to import it), not 'a damaged or truncated PDF', which
    sent the user looking for a better copy of a PDF that never existed; an image named .pdf is named an image."""
    (tmp_path / "notreally.pdf").write_text("Minutes of the meeting of 3 February 1935.\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"plain text, not a PDF file; if it is text, name it .txt to import it"):
        read_source(tmp_path / "notreally.pdf")
    (tmp_path / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(ImportFailed, match=r"an image, not a PDF file; name it .png, .jpg or .tif"):
        read_source(tmp_path / "scan.pdf")


def test_glyphs_a_pdf_gives_no_text_for_are_marked_not_stored_as_control_characters(tmp_path, empty_workspace):
    """A font without a Unicode map for some glyphs (𝔐 painted by Qt): pdfium gives their raw codes, control
    characters, which were stored as the text and the title and written into every export (audit CF F1). Each is
    the replacement character, one for one (the boxes still fit), the title is not made of them, and the import
    says how many there are."""
    from reader.core.documents.importer import _describe

    pdf = qt_pdf(tmp_path / "astral.pdf", [[(40, 60, "𝔐𝔬𝔫𝔤𝔬𝔩𝔦𝔞 and the 𝔐onastery of Gandan.", 12),
                                             (40, 100, "Genden met Stalin in Moscow.", 12)]])
    source = read_source(pdf)
    assert source.text.startswith("\ufffd" * 8 + " and the \ufffdonastery of Gandan.")
    assert not any(ord(character) < 32 and character not in "\n\t" for character in source.text)
    assert _describe(source) == "PDF, 1 page, 9 characters it gives no text for, shown as �"
    [outcome] = empty_workspace.documents.import_paths([pdf]).outcomes
    assert empty_workspace.documents.get(outcome.document_id).title == "astral"


def test_each_entry_of_a_table_of_contents_stays_on_its_line(tmp_path):
    """A contents page's entries, each ending in leader dots and a page number, were unwrapped into one paragraph
    ("1. The meeting of 1934 .......... 1 2. The banquet …", audit CF F2): a line ending in a page reference after
    leader dots ends its entry."""
    items = [(72, 100, "Contents", 14), (72, 140, "1. The meeting of 1934 .......... 1", 11),
             (72, 154, "2. The banquet of 1935 .......... 2", 11), (72, 168, "Index … 17", 11)]
    assert read_pdf(qt_pdf(tmp_path / "contents.pdf", [items])).text == (
        "Contents\n\n1. The meeting of 1934 .......... 1\n\n2. The banquet of 1935 .......... 2\n\nIndex … 17\n")
