"""PDF files through pypdfium2: the text layer with character boxes, OCR for pages that have none.

Pages are opened, read and closed one at a time (page and text page both) by a worker that keeps at most a few pages'
words ahead of the layout (`ahead.py`), so a 2,000-page PDF never holds more than that in pdfium's memory;
`progress` and `cancelled` are called once per page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import groupby
from pathlib import Path

from reader.core.documents.extracted import Extracted, Word
from reader.core.documents.formats.ahead import read_ahead
from reader.core.documents.formats.ocr import OCR_DPI, OcrCache, OcrUnavailable, ocr_page
from reader.core.documents.formats.paged import PagedText
from reader.core.documents.formats.pdfium_lock import PDFIUM
from reader.core.documents.formats.titles import declared_title
from reader.core.documents.formats.turned import TurnedMeasure, text_turn
from reader.core.errors import ImportFailed, PasswordNeeded, stop_if
from reader.core.records.progress import Cancelled, Progress

STAMP_CHARS = 80  # fewer characters than this over a page-sized image are a stamp, not the page's text
SCAN_SHARE = 0.5
NO_OCR = "this file is a scan and no OCR engine is available ({reason})"
UNREAD = "unread"  # a page's origin: no text layer, and no OCR engine to read its picture (a plate, or a scan)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)])")
_TOKEN = re.compile(r"[^\s\x00]+")
NO_TEXT = {code: 0xFFFD for code in range(1, 32) if chr(code) not in "\t\n\r"}  # a glyph its font maps to no
# character: pdfium gives its raw code, a control character, which went into the text, the title and every export
# (audit CF F1); it is the replacement character, one for one, so every box still fits its word
_ENCRYPT = re.compile(rb"/Encrypt\b")
_NO_PAGES = re.compile(rb"/Count\s+0\b")
_A_PAGE = re.compile(rb"/Type\s*/Page\b")


def read_pdf(path: Path, password: str | None = None, progress: Progress | None = None,
             cancelled: Cancelled | None = None, ocr_cache: OcrCache | None = None) -> Extracted:
    """The PDF's text page by page, or ImportFailed with one line saying why it cannot be read."""
    document = open_pdf(path, password)
    try:
        with PDFIUM:
            total = len(document)
        if total == 0:
            raise ImportFailed(str(path), "the PDF has no pages")
        paged, unread, has_text = PagedText(), None, False  # `unread`: why a page without a text layer was not read
        pages = read_ahead(lambda index: _read_page(document, index, ocr_cache), total)
        try:
            for index, page in enumerate(_failing_in_one_line(pages, path)):
                stop_if(cancelled)
                if progress:
                    progress(index, total, f"{path.name}: page {index + 1} of {total}")
                paged.add_page(*page[:6])
                unread = page[6] if len(page) > 6 else unread
                has_text = has_text or bool(page[4])
        finally:
            pages.close()  # the worker has stopped: nothing else touches the document now
        if unread is not None and not has_text:  # no text layer anywhere: a scan, and nothing read it
            raise ImportFailed(str(path), NO_OCR.format(reason=unread))
        with PDFIUM:
            metadata = pdf_metadata(document)
        return _first_page_metadata(paged.finish("pdf", metadata), paged.first_page_title)
    finally:
        with PDFIUM:
            document.close()


def _failing_in_one_line(pages: Iterator[tuple], path: Path) -> Iterator[tuple]:
    import pypdfium2 as pdfium

    done = 0
    try:
        for page in pages:
            yield page
            done += 1
    except OcrUnavailable as exc:
        raise ImportFailed(str(path), NO_OCR.format(reason=exc)) from exc
    except pdfium.PdfiumError as exc:
        raise ImportFailed(str(path), f"damaged PDF: page {done + 1} cannot be read ({exc})") from exc


def open_pdf(path: Path, password: str | None):
    """Open with pdfium, turning its failure into the one-line reason a user can act on."""
    import pypdfium2 as pdfium

    try:
        with PDFIUM:
            return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        reason = _why_not_opened(path, exc.err_code, password)
        failure = PasswordNeeded if "password" in reason else ImportFailed
        raise failure(str(path), reason) from exc


def _why_not_opened(path: Path, code: int | None, password: str | None) -> str:
    """pdfium's error code, checked against the bytes: it fails on a zero-page file without setting a code, so the
    code left by an earlier failure (say, a password) may still be there."""
    import pypdfium2.raw as raw

    encrypted = _contains(path, _ENCRYPT)
    if code == raw.FPDF_ERR_PASSWORD and encrypted:
        return "wrong password for this PDF" if password else "the PDF is password-protected; give its password"
    if code == raw.FPDF_ERR_SECURITY and encrypted:
        return "the PDF uses a kind of encryption that cannot be opened"
    if _contains(path, _NO_PAGES) and not _contains(path, _A_PAGE):
        return "the PDF has no pages"
    return "damaged or truncated PDF: it cannot be opened"


def _contains(path: Path, pattern: re.Pattern) -> bool:
    import mmap

    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return pattern.search(data) is not None


def _read_page(document, index: int, ocr_cache: OcrCache | None) -> tuple:
    """(label, width, height, origin, words, rotation) of one page, as `PagedText.add_page` takes them, and why it
    is unread when no OCR engine could read its picture; runs in the
    read-ahead worker, closing all it opens. pdfium's part runs under the lock; the recognition of a scanned page's
    image runs after it is let go. The size is the page's as shown (a page turned a quarter is as wide as it was tall);
    a text layer is read from the page as set, its turn undone in memory (pdfium would give an upside-down page's
    characters in reverse) and its boxes turned back by `add_page`; a scan is recognised as shown."""
    with PDFIUM:
        page = document[index]
        try:
            width, height = page.get_size()
            rotation = page.get_rotation()
            if rotation:
                page.set_rotation(0)  # in memory only: the file is never written
            textpage = page.get_textpage()
            try:
                words, turn = text_layer_words(textpage, *((height, width) if rotation % 180 else (width, height)))
            finally:
                textpage.close()
            label = _label(document, index)
            image = None
            if _is_scan(page, words, width * height):
                page.set_rotation(rotation)  # a scan is read upright, as shown, by the OCR engine
                image = _page_image(page)
        finally:
            page.close()
    if image is None:
        return label, width, height, "text", words, (rotation + turn) % 360
    try:
        return label, width, height, "ocr", _ocr_words(image, ocr_cache), 0
    except OcrUnavailable as exc:  # a picture in a text PDF (a plate) or a scanned page: `read_pdf` decides
        return label, width, height, UNREAD, [], 0, exc


def _label(document, index: int) -> str:
    try:
        return document.get_page_label(index)
    except Exception:  # a broken label tree must not stop the text; the page number stands in
        return ""


def _is_scan(page, words: list[Word], area: float) -> bool:
    """A page is recognised by OCR when it has no text layer but images, or when its images cover most of it and its
    text is only a stamp ("Digitized by …", a folio added later): then the text is in the picture.
    A page with no images and no text is blank, and asks for no OCR engine."""
    if sum(len(word.text) for word in words) >= STAMP_CHARS:
        return False
    covered = _image_area(page)
    return covered > 0 and (not words or covered >= SCAN_SHARE * area)


def _image_area(page) -> float:
    import pypdfium2.raw as raw

    total = 0.0
    for image in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = image.get_bounds()
        total += max(0.0, right - left) * max(0.0, top - bottom)
    return total


def _page_image(page):
    """The page rendered at 300 dpi in grey, as a Pillow image of its own (the bitmap is closed)."""
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        return bitmap.to_pil().copy()
    finally:
        bitmap.close()


def _ocr_words(image, ocr_cache: OcrCache | None) -> list[Word]:
    """Recognise a page image rendered at 300 dpi and scale the boxes back to PDF points (the page's units)."""
    scale = OCR_DPI / 72
    words = ocr_page(image, ocr_cache)
    return [Word(w.text, w.x0 / scale, w.y0 / scale, w.x1 / scale, w.y1 / scale, w.confidence, w.group)
            for w in words]


def text_layer_words(textpage, page_width: float, page_height: float) -> tuple[list[Word], int]:
    """Words of the text layer with their loose boxes (the font's full height), flipped to a top-left origin, and
    how far clockwise the page's text is set turned: the words of text set turned (turned.py) are boxed where that
    text stands upright.

    Only a word's first and last characters are measured (a page has thousands of characters, and each measure is a
    call into pdfium); a word whose two ends do not sit on one line, in order and within reach, is measured character
    by character and cut where the characters part.
    """
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    if count <= 0:
        return [], 0
    text = textpage.get_text_range()
    if len(text) != count:
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    text = text.translate(NO_TEXT)
    measure = _Measure(textpage, page_height)
    turn = text_turn(textpage, text)
    if turn:
        return _turned_words(textpage, text, TurnedMeasure(measure, turn, page_width, page_height)), turn
    get, handle, rect, where = measure.get, measure.handle, measure.rect, measure.where
    words: list[Word] = []
    for match in _TOKEN.finditer(text):  # the measuring is inlined: this loop runs for every word of every page
        start, end = match.span()
        get(handle, start, where)
        x0, top0, bottom0 = rect.left, page_height - rect.top, page_height - rect.bottom
        get(handle, end - 1, where)
        x1, top1, bottom1 = rect.right, page_height - rect.top, page_height - rect.bottom
        if top1 < bottom0 and bottom1 > top0 and x0 <= rect.left and x1 - x0 <= (end - start) * (bottom0 - top0) * 1.2:
            words.append(Word(match.group(), x0, min(top0, top1), x1, max(bottom0, bottom1)))
        else:
            words.extend(_cut(text, range(start, end), measure))
    return words, 0


class _Measure:
    """A character's loose box as (x0, y0, x1, y1) with a top-left origin; one reused rectangle for every call."""

    def __init__(self, textpage, page_height: float):
        import ctypes

        import pypdfium2.raw as raw

        self.get = raw.FPDFText_GetLooseCharBox
        self.handle = textpage.raw
        self.rect = raw.FS_RECTF()
        self.where = ctypes.byref(self.rect)
        self._height = page_height

    def __call__(self, index: int) -> tuple[float, float, float, float]:
        rect = self.rect
        self.get(self.handle, index, self.where)
        return rect.left, self._height - rect.top, rect.right, self._height - rect.bottom


def _cut(text: str, indexes: Iterable[int], measure: _Measure | TurnedMeasure) -> list[Word]:
    """Measure every character of a doubtful word (its `indexes` in the text) and cut it where a character leaves
    the line or jumps away."""
    words: list[Word] = []
    chars: list[tuple] = []
    for index in indexes:
        box = (text[index], *measure(index))
        if chars and _apart(chars[-1], box):
            _flush(chars, words)
        chars.append(box)
    _flush(chars, words)
    return words


def _turned_words(textpage, text: str, upright: TurnedMeasure) -> list[Word]:
    """Words of text set turned, every character measured where the text stands upright and cut at spaces and
    where characters part; not at the line breaks pdfium puts after turned characters of its own accord, which cut
    every word into letters."""
    import pypdfium2.raw as raw

    kept = [i for i, char in enumerate(text) if char not in "\r\n" or not raw.FPDFText_IsGenerated(textpage.raw, i)]
    words: list[Word] = []
    for blank, run in groupby(kept, key=lambda i: text[i].isspace() or text[i] == "\x00"):
        if not blank:
            words.extend(_cut(text, run, upright))
    return words


def _apart(previous: tuple, current: tuple) -> bool:
    """A character off the previous one's line, or far to its right or left, starts a new word."""
    height = max(previous[4] - previous[2], 1.0)
    off_line = current[2] >= previous[4] or current[4] <= previous[2]
    return off_line or current[1] - previous[3] > 0.25 * height or current[1] < previous[1] - 0.5 * height


def _flush(chars: list, words: list[Word]) -> None:
    if chars:
        words.append(Word("".join(c[0] for c in chars), min(c[1] for c in chars), min(c[2] for c in chars),
                          max(c[3] for c in chars), max(c[4] for c in chars)))
        chars.clear()


def _first_page_metadata(extracted: Extracted, title: str) -> Extracted:
    """Fill an empty title (from the largest type on page one) and the DOI (printed on page one) from the text."""
    metadata = dict(extracted.metadata)
    if not metadata.get("title") and title:
        metadata["title"] = title
    first_page = extracted.text[: extracted.pages[0].end] if extracted.pages else ""
    doi = _DOI.search(first_page)
    if doi and not metadata.get("doi"):
        metadata["doi"] = doi.group(1)
    return replace(extracted, metadata=metadata)


def pdf_metadata(document) -> dict[str, str]:
    """Title and author from the info dictionary, leaving out the placeholder titles programs write there. Its
    CreationDate and ModDate say when the file was written (a scan of a 1936 letter made today), not when the source
    was published, so no date is taken from it."""
    found = {}
    if title := declared_title(_info_value(document, "Title")):
        found["title"] = title
    if author := _info_value(document, "Author"):
        found["author"] = author
    return found


def _info_value(document, key: str) -> str:
    """One entry of the info dictionary, "" when a producer wrote it malformed (a UTF-16 title opening with a lone
    surrogate): read all at once, one such entry made the whole PDF unreadable."""
    try:
        return document.get_metadata_value(key).strip()
    except UnicodeDecodeError:
        return ""
