"""Reading files from disk into decoded text, with every way a file can be unfit named in one line.

Text, Markdown and HTML are decoded here; PDF, images, Word, OpenDocument, RTF and EPUB go to the readers in
`formats/`, which also give page geometry (pages, word boxes, uncertain OCR words), running heads and metadata.
"""

from __future__ import annotations

import hashlib
import os
import stat
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.documents.decoding import DecodeError, decode, decode_html
from reader.core.documents.extracted import Box, Extracted
from reader.core.documents.formats.blocks import OLE_MAGIC
from reader.core.documents.formats.dispatch import BINARY_FORMATS, read_binary, sniff, zip_kind
from reader.core.documents.front_matter import front_matter
from reader.core.documents.html_chrome import chrome_ranges
from reader.core.documents.html_text import html_to_text
from reader.core.errors import ImportFailed
from reader.core.records.pages import PageInfo, UncertainWord

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_BINARY_BYTES = 1024 * 1024 * 1024  # a scanned book is often hundreds of MB; it is read a page at a time
MAX_UNPACKED_BYTES = 4 * MAX_FILE_BYTES  # what a DOCX, ODT or EPUB grows by unpacked: its XML is several times its text
MAX_TEXT_CHARS = MAX_FILE_BYTES  # characters read from any file: as much as the largest text file holds
BOMB_RATIO, BOMB_GROWTH = 100, 10 * 1024 * 1024  # a package member growing more: a text's XML packs 5 to 20 times
TEXT_FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
                ".htm": "html", ".xhtml": "html"}
FORMATS = {**TEXT_FORMATS, **BINARY_FORMATS}
SHOWN_LEFT_OUT = 5  # files named in a folder's "left out" line
OLD_OFFICE = "an old Word file: save it as .docx to import it"
_RENAME_HINT = {"pdf": ".pdf", "image": ".png, .jpg or .tif", "rtf": ".rtf", "zip": ".docx, .odt or .epub",
                "tei": ".xml", "docx": ".docx", "odt": ".odt", "epub": ".epub"}
PACKAGES = ("docx", "odt", "epub")  # ZIPs told apart by the part that marks each


@dataclass(frozen=True)
class SourceFile:
    """A file read and decoded: the text to store, the HTML it came from (for metadata), and what a format reader
    found beside the text (pages, word boxes, uncertain OCR words, running heads, metadata); empty for plain text."""

    path: Path
    text: str
    encoding: str
    fmt: str
    html: str | None = None
    pages: tuple[PageInfo, ...] = ()
    boxes: Sequence[Box] = ()
    uncertain: tuple[UncertainWord, ...] = ()
    boilerplate: tuple[tuple[int, int], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    digest: str | None = None  # which file its pages come from (page_images.file_digest; '' unknown), when not the
    # file at `path` as it is now (None)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def supported_suffixes() -> set[str]:
    """Every file name ending the importer reads (for the window's file dialog)."""
    return set(FORMATS)


def expand_paths(paths: list[Path], own: frozenset[Path] = frozenset()) -> tuple[list[Path], list[ImportFailed],
                                                                              list[str]]:
    """Files to import from files and folders (folders: supported files, recursively, in name order), the problems
    met, and a line per folder naming its files of other kinds, left out (a folder imported with a .doc and a photo
    said nothing of them: the fond looked imported whole). `own`: the library's files and folders, never named."""
    files: list[Path] = []
    problems: list[ImportFailed] = []
    left_out: list[str] = []
    for path in paths:
        if not path.exists():
            problems.append(ImportFailed(str(path), "no such file or folder"))
        elif path.is_dir():
            every, unseen = _walk(path, own)
            problems += unseen
            found = [p for p in every if p.suffix.lower() in FORMATS]
            for file in found:
                if _is_text(file):
                    files.append(file)
                else:
                    problems.append(ImportFailed(os.fsencode(file).decode("utf-8", "replace"), "the file name is not "
                                                 "UTF-8 text; rename the file to import it"))
            if not found and not unseen:
                problems.append(ImportFailed(str(path), "folder has no .txt, .md, .html, .pdf, .docx, .odt, .rtf, "
                                                        ".epub, .xml, .png, .jpg or .tif files"))
            elif others := [p for p in every if p.suffix.lower() not in FORMATS]:
                left_out.append(_left_out(path, others))
        else:
            files.append(path)
    return files, problems, left_out


def _walk(folder: Path, own: frozenset[Path]) -> tuple[list[Path], list[ImportFailed]]:
    """The folder's files, in its folders too (links to folders not followed: no loop), in name order, but hidden
    ones and the library's; and a problem for each folder that cannot be opened and each link to no file (both were
    passed over without a word, and a fond looked imported whole)."""
    files, problems = [], []

    def unopened(error: OSError) -> None:
        problems.append(ImportFailed(str(error.filename), f"cannot open the folder ({error.strerror}): its files were "
                                                          "not imported"))

    for folder_path, folders, names in os.walk(folder, onerror=unopened):
        problems += _links_to_folders(Path(folder_path), folders)
        for path in (Path(folder_path, name) for name in names if not name.startswith(".")):
            if path.is_file():
                resolved = path.resolve()
                if not own.intersection((resolved, *resolved.parents)):
                    files.append(path)
            elif path.is_symlink():
                problems.append(ImportFailed(str(path), "a link to no file"))
            elif what := _not_a_file(path):  # passed over unsaid (audit DW F8)
                problems.append(ImportFailed(str(path), f"not a regular file ({what})"))
    return sorted(files), sorted(problems, key=lambda problem: problem.path)


def _not_a_file(path: Path) -> str:
    """What stands at `path` when it is no regular file: a pipe, a socket or a device ('' for a file, a folder or
    nothing): opened to be read, a pipe kept the import waiting for ever (audit DW F6). Its mode is read, nothing
    opened."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    kinds = ((stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"))
    return next((what for test, what in kinds if test(mode)), "")


def _links_to_folders(folder: Path, folders: list[str]) -> list[ImportFailed]:
    """A problem for each link to a folder among these: not followed (it may lead back, a loop), but named, as a
    fond's files left out (audit CA C6)."""
    links = [folder / name for name in folders if not name.startswith(".") and (folder / name).is_symlink()]
    return [ImportFailed(str(link), f"a link to a folder, not followed (import {os.path.realpath(link)} itself if "
                                    "its files belong here)") for link in links]


def _left_out(folder: Path, others: list[Path]) -> str:
    shown = [str(p.relative_to(folder)) + (f" ({OLD_OFFICE})" if _is_old_office(p) else "")
             for p in others[:SHOWN_LEFT_OUT]]
    more = f" and {len(others) - SHOWN_LEFT_OUT} more" if len(others) > SHOWN_LEFT_OUT else ""
    files = "1 file of another kind" if len(others) == 1 else f"{len(others)} files of other kinds"
    return f"{folder}: {files} left out: {', '.join(shown)}{more}"


def _is_old_office(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(len(OLE_MAGIC)) == OLE_MAGIC
    except OSError:
        return False


def _is_text(path: Path) -> bool:
    """Whether the path's name is text (bytes that are not UTF-8 come as surrogates, which nothing can store)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_source(path: Path, password: str | None = None, progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None, ocr_cache=None) -> SourceFile:
    """Read one file, or raise ImportFailed naming the file and the reason. `password` opens an encrypted PDF;
    `progress` and `cancelled` are called per page of a paged file; `ocr_cache` keeps recognised pages."""
    what = _not_a_file(path)
    if what:
        raise ImportFailed(str(path), f"not a regular file ({what})")
    kind = _binary_kind(path)
    if kind is None:
        return _read_text(path)
    _check_size(path, MAX_BINARY_BYTES)
    _check_contents(path, kind)
    if kind in ("docx", "odt", "epub"):
        _check_unpacked(path)
    extracted = read_binary(kind, path, password, progress, cancelled, ocr_cache)
    if not _visible(extracted.text):
        raise ImportFailed(str(path), "no text in it (nothing readable on any page)")
    if len(extracted.text) > MAX_TEXT_CHARS:  # a small file may hold much text: the limit is on what it holds
        raise ImportFailed(str(path), f"holds {len(extracted.text):,} characters of text, over the "
                                      f"{MAX_TEXT_CHARS:,} limit")
    return from_extracted(path, extracted)


def _check_unpacked(path: Path) -> None:
    """A package (a ZIP) is held to what it grows by when unpacked, read from its directory before anything is
    unpacked: a few hundred KB can unpack to gigabytes. Not to what it holds: photos stored in a Word file (a JPEG
    does not compress) are as large on disk, and such a file was refused as a bomb."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # its reader says what is wrong with it
    grows = sum(max(0, member.file_size - member.compress_size) for member in members)  # each alone: one claiming
    # more than it holds made the sum negative, and a bomb beside it passed
    swollen = next((member for member in members if member.file_size - member.compress_size > BOMB_GROWTH
                    and member.file_size > BOMB_RATIO * max(member.compress_size, 1)), None)
    if swollen is not None:  # under the limit on growth, 190 MB of empty paragraphs took 4 GB to read (DW F5, F12)
        raise ImportFailed(str(path), f"{swollen.filename} unpacks to {swollen.file_size / 1e6:,.0f} MB, "
                                      f"{swollen.file_size // max(swollen.compress_size, 1):,} times its packed "
                                      "size: no document's text does that (a ZIP bomb?)")
    if grows > MAX_UNPACKED_BYTES:
        raise ImportFailed(str(path), f"unpacks to {grows / 1e6:,.0f} MB more than it holds, over the "
                                      f"{MAX_UNPACKED_BYTES / 1024 / 1024:.0f} MB limit for what a package grows by")


def from_extracted(path: Path, extracted: Extracted) -> SourceFile:
    return SourceFile(path, extracted.text, extracted.encoding, extracted.fmt, None, extracted.pages,
                      extracted.boxes, extracted.uncertain, extracted.boilerplate, dict(extracted.metadata))


def _binary_kind(path: Path) -> str | None:
    """The reader a file needs: by extension for the formats we read, by first bytes for an unknown extension."""
    suffix = path.suffix.lower()
    if suffix in BINARY_FORMATS:
        return BINARY_FORMATS[suffix]
    if suffix in TEXT_FORMATS:
        return None
    head = _head(path)
    if head.startswith(OLE_MAGIC):  # a .doc (or .xls, .ppt) of Office 97-2003, refused as binary "not text"
        raise ImportFailed(str(path), "an old Word file (Office 97-2003): save it as .docx to import it")
    kind = sniff(head)
    return zip_kind(path) if kind == "zip" else kind


_FORMAT_NAMES = {"pdf": "a PDF file", "image": "an image", "rtf": "an RTF file", "docx": "a Word document",
                 "odt": "an OpenDocument text", "epub": "an EPUB", "zip": "a ZIP package", "tei": "a TEI XML file"}


def _check_contents(path: Path, kind: str) -> None:
    """A file whose first bytes say it is something else than its name says: text named .pdf, an image named .pdf.
    Its reader would call it damaged, sending the user after a better copy of a file that never existed."""
    head = _head(path)
    announced = sniff(head)
    if announced == "zip" and kind in PACKAGES:
        announced = zip_kind(path) or kind  # a ZIP of other files: its reader says what it lacks
    if announced == kind or kind == "rtf":
        return
    if announced is not None:
        raise ImportFailed(str(path), f"{_FORMAT_NAMES[announced]}, not {_FORMAT_NAMES[kind]}; name it "
                                      f"{_RENAME_HINT[announced]} to import it")
    if head and b"\x00" not in head and _decodes(head):
        raise ImportFailed(str(path), f"plain text, not {_FORMAT_NAMES[kind]}; if it is text, name it .txt to "
                                      "import it")


def _decodes(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut by the end of the sample
    return True


def _read_text(path: Path) -> SourceFile:
    data = _read_bytes(path)
    fmt = TEXT_FORMATS.get(path.suffix.lower(), "text")
    try:
        raw, encoding = decode_html(data) if fmt == "html" else decode(data)
    except DecodeError as exc:
        hint = _RENAME_HINT.get(sniff(data[:16]) or "")
        reason = f"{exc}; if it is one, name it {hint} to import it" if hint else str(exc)
        raise ImportFailed(str(path), reason) from exc
    text = html_to_text(raw) if fmt == "html" else raw
    if not _visible(text):
        raise ImportFailed(str(path), "no text in it (empty file or only markup)")
    if fmt == "html":
        return SourceFile(path, text, encoding, fmt, raw, boilerplate=tuple(chrome_ranges(raw, text)))
    metadata, end = front_matter(text) if fmt == "markdown" else ({}, 0)
    return SourceFile(path, text, encoding, fmt, boilerplate=((0, end),) if end else (), metadata=metadata)


def _visible(text: str) -> bool:
    """Whether the text shows anything: blanks and invisible marks (a zero-width space, a no-break one) do not, and
    a file of them was imported as a blank document (audit DW F10)."""
    return any(not character.isspace() and unicodedata.category(character) != "Cf" for character in text)


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read(16)
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read it ({exc.strerror or exc})") from exc


def _check_size(path: Path, limit: int) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read it ({exc.strerror or exc})") from exc
    if size > limit:
        raise ImportFailed(str(path), f"file is {size / 1e6:.0f} MB, over the {limit / 1024 / 1024:.0f} MB limit")
    if size == 0:
        raise ImportFailed(str(path), "empty file")
    return size


def _read_bytes(path: Path) -> bytes:
    _check_size(path, MAX_FILE_BYTES)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read it ({exc.strerror or exc})") from exc
