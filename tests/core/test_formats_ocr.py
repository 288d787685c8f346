"""Scans made here (text drawn by Pillow, with noise and a slight skew) read through the OCR engine: kept few and
small, since each page takes a second or more."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from reader.core.documents.formats import ocr
from reader.core.documents.sources import read_source
from reader.core.errors import ImportFailed
from tests.core.pdf_samples import qt_pdf

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = ["In 1934 Genden travelled to Moscow,", "where he met Stalin and refused", "to purge the Buddhist lamas."]


def scan(lines: list[str], noisy: bool = True, width: int = 1400, skew: float = 1.0, leading: int = 80):
    """A page image at 300 dpi (12 pt type is 50 px, `leading` px from line to line): black serif text, then speckle
    noise and a 1° skew."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(SERIF, 50)
    image = Image.new("L", (width, 140 + leading * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((80, 70 + leading * row), line, font=font, fill=0)
    if noisy:
        rng = random.Random(3)
        pixels = image.load()
        for _ in range(image.width * image.height // 150):
            pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice((0, 90, 180))
        image = image.rotate(skew, expand=False, fillcolor=255, resample=Image.Resampling.BICUBIC)
    return image


def _words(text: str) -> list[str]:
    return text.replace(",", " ").replace(".", " ").split()


def test_noisy_skewed_png_scan_is_read_with_boxes(tmp_path):
    """A noisy, skewed scan gives its words in line order, one OCR page in pixels, each box inside the image."""
    path = tmp_path / "scan.png"
    scan(LINES).save(path)
    source = read_source(path)
    assert source.fmt == "png"
    assert _words(source.text) == _words(" ".join(LINES))
    assert [(p.origin, p.width, p.height) for p in source.pages] == [("ocr", 1400, 380)]
    assert [source.text[b.start:b.end] for b in source.boxes][:3] == ["In", "1934", "Genden"]
    assert all(0 <= b.x0 < b.x1 <= 1400 and 0 <= b.y0 < b.y1 <= 380 for b in source.boxes)


def test_a_scan_fed_in_askew_keeps_every_word_in_its_line(tmp_path):
    """A page tilted 4°, as a hand-fed scan is, lost half its words: each line's upright box then reached into
    the next line's, the two were taken for one line, and words of one found lying over words of the other were
    dropped as read twice."""
    lines = ["In the spring of 1934 the Mongolian delegation went", "to Moscow, where Peljidiin Genden, the Prime",
             "Minister, met Joseph Stalin on 15 November 1934 at", "the Kremlin and refused to purge the lamas."]
    path = tmp_path / "askew.png"
    scan(lines, width=1600, skew=4.0, leading=62).save(path)  # type set solid, as a book's is
    assert _words(read_source(path).text) == _words(" ".join(lines))


def test_a_scan_is_titled_by_its_file_name_not_by_a_paragraph(tmp_path, empty_workspace):
    """Its three lines are unwrapped into one paragraph of sixteen words, too long for a title: the scan is called
    by its file's name, as the historian saved it, where its title had been the paragraph (in every citation)."""
    path = tmp_path / "protocol 17.png"
    scan(LINES).save(path)
    empty_workspace.documents.import_paths([path])
    meta = empty_workspace.documents.resolve(path.name).metadata
    assert (meta.title, meta.kind) == ("protocol 17", "archival document")


def test_multipage_tiff_gives_one_page_per_frame(tmp_path):
    """Each frame of a TIFF is its own page, in order."""
    path = tmp_path / "pages.tif"
    first, second = scan(["Genden met Stalin."], noisy=False, width=700), scan(["Amar followed."], False, 700)
    first.save(path, save_all=True, append_images=[second])
    source = read_source(path)
    assert [p.index for p in source.pages] == [0, 1]
    assert [source.text[p.start:p.end] for p in source.pages] == ["Genden met Stalin.", "Amar followed."]


def test_a_truncated_multipage_tiff_fails_in_one_line(tmp_path):
    """A scanner's two-page TIFF cut off in copying ended in "something went wrong inside the program (TypeError)"
    and a warning of Pillow's on stderr: it is named as damaged, as a truncated PNG is."""
    import warnings

    path = tmp_path / "pages.tif"
    first, second = scan(["Genden met Stalin."], noisy=False, width=700), scan(["Amar followed."], False, 700)
    first.save(path, save_all=True, append_images=[second], compression="tiff_lzw")
    whole = path.read_bytes()
    failures = set()
    for cut in (len(whole) * 2 // 3, len(whole) - 200):
        path.write_bytes(whole[:cut])
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning would reach the user's terminal
            with pytest.raises(ImportFailed) as failure:
                read_source(path)
        failures.add(str(failure.value).split(": ", 1)[1].split(" (")[0])
    assert failures == {"damaged or truncated image: it cannot be read"}


def test_pdf_mixing_text_and_scanned_pages_is_read_page_by_page(tmp_path):
    """A text page comes from the text layer, an image-only page from OCR, with boxes scaled to points."""
    from PIL.ImageQt import ImageQt

    image = scan(["The protocol of 1936."], noisy=False, width=2480)
    page = image.crop((0, 0, 2480, 3508)).convert("RGB")  # a whole A4 page at 300 dpi, text at the top
    path = qt_pdf(tmp_path / "mixed.pdf", [[(72, 100, "Typed page about the treaty.", 11)], []],
                  images={1: ImageQt(page).copy()})
    source = read_source(path)
    assert [p.origin for p in source.pages] == ["text", "ocr"]
    assert source.text == "Typed page about the treaty.\n\nThe protocol of 1936.\n"
    scanned = [b for b in source.boxes if b.page == 1]
    assert scanned and all(b.x1 <= 595 and b.y1 <= 842 for b in scanned)  # points, not pixels



def test_a_page_sized_scan_keeps_its_word_spaces(tmp_path):
    """A whole A4 page at 300 dpi in an image-only PDF keeps the spaces between its words (they had run together)."""
    from PIL import Image, ImageDraw, ImageFont

    lines = ["Memorandum of 3 February 1935", "On 15 November 1934 Genden met Joseph Stalin in Moscow."]
    page = Image.new("L", (2480, 3508), 255)
    for row, line in enumerate(lines):  # 8 pt type
        ImageDraw.Draw(page).text((200, 200 + 70 * row), line, font=ImageFont.truetype(SERIF, 34), fill=0)
    page.convert("RGB").save(tmp_path / "scan.pdf", resolution=300)
    assert read_source(tmp_path / "scan.pdf").text.split() == " ".join(lines).split()

@pytest.fixture
def no_engine(monkeypatch):
    def refuse():
        raise ocr.OcrUnavailable("rapidocr could not load: ImportError: onnxruntime is missing")

    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setattr(ocr, "_load_rapidocr", refuse)
    monkeypatch.setenv("PATH", str(Path(__file__).parent))  # no tesseract to stand in


def test_scan_without_an_ocr_engine_fails_in_one_line(tmp_path, no_engine):
    """An image, or a PDF of scanned pages, says that no OCR engine is available and why."""
    from PIL.ImageQt import ImageQt

    image = scan(["Genden"], noisy=False, width=600)
    image.save(tmp_path / "scan.jpg")
    qt_pdf(tmp_path / "scan.pdf", [[]], images={0: ImageQt(image.convert("RGB")).copy()})
    for name in ("scan.jpg", "scan.pdf"):
        with pytest.raises(ImportFailed, match=r"this file is a scan and no OCR engine is available \(rapidocr could "
                                               r"not load: ImportError: onnxruntime is missing; tesseract is not on "
                                               r"PATH\)"):
            read_source(tmp_path / name)


def test_a_text_pdf_with_a_picture_page_is_read_without_an_ocr_engine(tmp_path, no_engine):
    """A born-digital PDF with one photograph plate was refused as "a scan" where no OCR engine loads: its text
    pages are read, and the page without a text layer is left unread, as the import says."""
    from PIL import Image
    from PIL.ImageQt import ImageQt

    plate = Image.new("RGB", (400, 600), "grey")
    path = qt_pdf(tmp_path / "plate.pdf", [[(72, 100, "Typed page about the treaty.", 11)], [],
                                           [(72, 100, "Another typed page.", 11)]], images={1: ImageQt(plate).copy()})
    source = read_source(path)
    assert [p.origin for p in source.pages] == ["text", "unread", "text"]
    assert source.text.split() == ["Typed", "page", "about", "the", "treaty.", "Another", "typed", "page."]


def test_a_blank_pdf_page_needs_no_ocr(tmp_path, no_engine):
    """A page with neither text nor images is an empty page, not a scan: no engine is asked for."""
    path = qt_pdf(tmp_path / "blank.pdf", [[(72, 100, "Only the first page has text.", 11)], []])
    assert [p.origin for p in read_source(path).pages] == ["text", "text"]


def test_damaged_image_fails_in_one_line(tmp_path):
    """A truncated PNG is named as damaged."""
    path = tmp_path / "cut.png"
    scan(["Genden"], noisy=False, width=600).save(path)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(ImportFailed, match="damaged or truncated image"):
        read_source(path)


def test_an_image_too_large_to_read_fails_in_one_line(tmp_path, monkeypatch):
    """A broadsheet scanned at high resolution (20,000 x 15,000 px) ended in "something went wrong inside the
    program": Pillow's guard against decompression bombs was not caught. (The limit is lowered here, not the image
    made that large.)"""
    from PIL import Image

    path = tmp_path / "broadsheet.png"
    Image.new("RGB", (120, 100), "white").save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ImportFailed, match=r"is 12,000 pixels, more than can be read \(2,000 pixels\): scale it"):
        read_source(path)


def test_cached_pages_are_not_recognised_again(monkeypatch):
    """The cache, keyed by the SHA-256 of the pixels, answers the second time without the engine."""
    image = scan(["Choibalsan"], noisy=False, width=700)
    cache: dict = {}
    first = ocr.ocr_page(image, cache)
    assert list(cache) == [ocr.image_key(image)] and [w.text for w in first] == ["Choibalsan"]
    monkeypatch.setattr(ocr, "load_engine", lambda: pytest.fail("the engine was asked again"))
    assert ocr.ocr_page(image.copy(), cache) == first


def test_a_scanned_page_with_a_stamped_line_is_still_recognised(tmp_path):
    """A page-sized scan carrying a small text stamp ('Digitized by …') is a scan: its picture is recognised."""
    from PIL.ImageQt import ImageQt

    image = scan(["The protocol of 1936."], noisy=False, width=2480).crop((0, 0, 2480, 3508)).convert("RGB")
    path = qt_pdf(tmp_path / "stamped.pdf", [[(72, 830, "Digitized by a library", 6)]],
                  images={0: ImageQt(image).copy()})
    source = read_source(path)
    assert [p.origin for p in source.pages] == ["ocr"]
    assert "The protocol of 1936." in source.text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed (an optional engine: "
                                                               "apt-get install tesseract-ocr)")
def test_tesseract_can_be_chosen_instead(tmp_path, monkeypatch):
    """With ANNOTATED_READER_OCR=tesseract the scan is read by tesseract, its lines kept together."""
    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setenv("ANNOTATED_READER_OCR", "tesseract")
    path = tmp_path / "scan.png"
    scan(LINES, noisy=False).save(path)
    source = read_source(path)
    assert ocr.load_engine().name == "tesseract"
    assert _words(source.text) == _words(" ".join(LINES))


def test_a_sideways_scan_turned_upright_by_the_pdf_is_read_upright(tmp_path):
    """A landscape page scanned sideways and shown upright by /Rotate is recognised as shown (the engine reads only
    upright lines), its boxes on the page as shown."""
    import pypdfium2 as pdfium
    from PIL import Image
    from PIL.ImageQt import ImageQt

    upright = Image.new("L", (3508, 2480), 255)
    upright.paste(scan(["The protocol of 1936."], noisy=False, width=2400), (0, 0))
    sideways = upright.rotate(90, expand=True).convert("RGB")  # as it lay on the scanner: a portrait page
    path = qt_pdf(tmp_path / "sideways.pdf", [[]], images={0: ImageQt(sideways).copy()})
    document = pdfium.PdfDocument(str(path))
    document[0].set_rotation(90)
    document.save(str(tmp_path / "turned.pdf"))
    document.close()
    source = read_source(tmp_path / "turned.pdf")
    assert source.pages[0].origin == "ocr" and (source.pages[0].width, source.pages[0].height) == (842.0, 595.0)
    assert source.text == "The protocol of 1936.\n"
    assert all(b.x1 <= 842 and b.y1 <= 595 for b in source.boxes)
    assert max(b.y1 for b in source.boxes) < 150  # the line at the top of the page as shown


def test_a_stamp_set_askew_does_not_tilt_the_lines_of_a_short_page():
    """A telegram's two upright lines beside a receiving stamp of three lines set at 18°: the stamp's pieces
    outvoted the lines, its slope was taken out of them, they were joined into one, and their words dropped as read
    twice. A page fed in askew is tilted a few degrees, and its long lines say so more than short ones."""
    from reader.core.documents.extracted import Word

    def piece(words: list[str], x: float, y: float, slope: float) -> list[Word]:
        found = []
        for word in words:
            width = 24 * len(word)
            found.append(Word(word, x, y + slope * x, x + width, y + slope * x + 44))
            x += width + 20
        return found

    lines = [piece(["TELEGRAM", "from", "Paris", "to", "Berlin"], 80, 80, 0.0),
             piece(["Arrive", "Friday", "evening", "stop", "Marie"], 80, 160, 0.0)]
    stamp = [piece(text.split(), 700, 200 + 80 * row, 0.32)
             for row, text in enumerate(("POSTES ET TELEGRAPHES", "RECU LE 12 MARS", "BUREAU CENTRAL"))]
    words = [word.text for word in ocr.join_pieces([*lines, *stamp])]
    assert words[:10] == ["TELEGRAM", "from", "Paris", "to", "Berlin", "Arrive", "Friday", "evening", "stop", "Marie"]
