"""Whether a version's page images can be drawn from the file its pages were read from, said before the page view
is offered: the file may have moved or been deleted (the text stays; importing it from where it is now finds it
again), another file may stand in its place (a new edition, or the changed file whose import was undone), or it may
be a PDF with a password, which is never stored, so its pages show as text only."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from reader.core.errors import ImportFailed, PasswordNeeded

_ENCRYPT = re.compile(rb"/Encrypt\b")
_ENDS = 256 * 1024  # the trailer (or a linearised file's first-page trailer) naming /Encrypt is at one end


def why_no_page_images(path: str, digest: str = "") -> str:
    """'' when the pages can be drawn from `path`, the file whose bytes' SHA-256 is `digest` (none: not checked, a
    version older than the check); otherwise the one line the page view shows instead."""
    if not path:
        return "No page images: this version was not read from a paged file."
    source = Path(path)
    if not source.is_file():
        return (f"The page image cannot be shown: {source} is no longer there; import the file from where it is "
                "now to show its pages again.")
    if digest and file_digest(source) not in (digest, ""):  # its marks were drawn over another edition's pages (DO 3)
        return (f"The page image cannot be shown: {source.name} is not the file this version was read from (it "
                "changed since); import it again to read its pages.")
    if _needs_password(source):
        return (f"The page image cannot be shown: {source.name} has a password, and a PDF with a password shows "
                "its text only.")
    return ""


def _needs_password(path: Path) -> bool:
    """True for a PDF that pdfium opens only with a password. Its two ends are read first, so pypdfium2 loads (and
    a scanned book's hundreds of MB are searched) only for an encrypted file; one with an owner password alone
    opens, and shows its pages."""
    if not _encrypted(path):
        return False
    from reader.core.documents.formats.pdf import open_pdf
    from reader.core.documents.formats.pdfium_lock import PDFIUM

    try:
        document = open_pdf(path, None)
    except PasswordNeeded:
        return True
    except ImportFailed:
        return False  # damaged: the page view says so when it tries
    with PDFIUM:
        document.close()
    return False


def _encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            head = file.read(5)
            if head != b"%PDF-":
                return False
            start = file.read(_ENDS)
            file.seek(0, 2)
            file.seek(max(0, file.tell() - _ENDS))
            end = file.read(_ENDS)
    except OSError:
        return False
    return bool(_ENCRYPT.search(start) or _ENCRYPT.search(end))


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, '' when it cannot be read (gone since it was read: then nothing is checked), read
    again only when its size or time changed (the page view asks on every showing)."""
    try:
        state = path.stat()
        return _digest(str(path), state.st_size, state.st_mtime_ns)
    except OSError:
        return ""


@lru_cache(maxsize=64)
def _digest(path: str, _size: int, _modified: int) -> str:
    found = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            found.update(chunk)
    return found.hexdigest()
