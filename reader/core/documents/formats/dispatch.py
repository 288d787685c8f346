"""Which reader a file goes to: its extension when it names a format we read, else its first bytes.

Plain text, Markdown and HTML are not read here (sources.py decodes them); this module covers the binary formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.ocr import OcrCache

BINARY_FORMATS = {".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
                  ".tiff": "image", ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".epub": "epub", ".xml": "tei"}
MAGIC = ((b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff", "image"), (b"II*\x00", "image"),
         (b"MM\x00*", "image"), (b"{\\rtf", "rtf"), (b"PK\x03\x04", "zip"))
TEI_OPENINGS = (b"<?xml", b"<TEI", b"<teiCorpus", b"<!DOCTYPE TEI", b"<!DOCTYPE teiCorpus")  # a doctype first
# declares an edition's entities (an HTML page's is no TEI)
ZIP_MARKERS = (("word/document.xml", "docx"), ("META-INF/container.xml", "epub"), ("content.xml", "odt"))


def sniff(head: bytes) -> str | None:
    """The binary format the first bytes announce, or None; XML (after a byte-order mark) is read as TEI."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(TEI_OPENINGS):
        return "tei"
    return None


def zip_kind(path: Path) -> str | None:
    """What a ZIP package is, judged by the part that marks each format."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return None
    return next((kind for marker, kind in ZIP_MARKERS if marker in names), None)


def read_binary(kind: str, path: Path, password: str | None = None,
                progress: Callable[[int, int, str], None] | None = None, cancelled: Callable[[], bool] | None = None,
                ocr_cache: OcrCache | None = None) -> Extracted:
    """Run the reader for `kind` (a value of BINARY_FORMATS); each imports its library only when called."""
    if kind == "pdf":
        from reader.core.documents.formats.pdf import read_pdf
        return read_pdf(path, password, progress, cancelled, ocr_cache)
    if kind == "image":
        from reader.core.documents.formats.images import read_image
        return read_image(path, progress, cancelled, ocr_cache)
    if kind == "docx":
        from reader.core.documents.formats.docx import read_docx
        return read_docx(path)
    if kind == "odt":
        from reader.core.documents.formats.odt import read_odt
        return read_odt(path)
    if kind == "epub":
        from reader.core.documents.formats.epub import read_epub
        return read_epub(path)
    if kind == "tei":
        from reader.core.documents.formats.tei import read_tei
        return read_tei(path)
    from reader.core.documents.formats.rtf import read_rtf
    return read_rtf(path, path.read_bytes())
