"""Flowing documents (Word, OpenDocument, RTF, EPUB) as a sequence of headings and paragraphs.

Each block becomes one paragraph of the text, separated by a blank line; notes (footnotes, endnotes) follow the body
under a "Notes" heading, each numbered as it was cited in the text, so nothing the author wrote is lost.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.documents.extracted import Extracted, TextBuilder
from reader.core.documents.formats.titles import declared_title
from reader.core.errors import ImportFailed

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .docx files and old .doc files are OLE compound files
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass
class Blocks:
    """Headings and paragraphs in reading order, and the notes cited in them."""

    items: list[tuple[str, str]] = field(default_factory=list)  # (kind, text): kind is "heading" or "paragraph"
    notes: list[tuple[str, str]] = field(default_factory=list)  # (citation mark, note text)

    def heading(self, text: str) -> None:
        self._add("heading", text)

    def paragraph(self, text: str) -> None:
        self._add("paragraph", text)

    def note(self, mark: str, text: str) -> None:
        text = tidy(text)
        if text:
            self.notes.append((mark, text))

    def _add(self, kind: str, text: str) -> None:
        text = tidy(text)
        if text:
            self.items.append((kind, text))

    def to_extracted(self, fmt: str, metadata: dict[str, str], path: Path) -> Extracted:
        builder = TextBuilder()
        for _, text in self.items:
            builder.separate("\n\n")
            builder.add(text)
        if self.notes:
            builder.separate("\n\n")
            builder.add("Notes")
            for mark, text in self.notes:
                builder.separate("\n\n")
                builder.add(f"{mark}. {text}" if mark else text)  # a note cited nowhere has no mark
        if not builder.length:
            raise ImportFailed(str(path), "no text in it (the document is empty)")
        builder.add("\n")
        metadata = {**metadata, "title": declared_title(metadata.get("title", ""))}
        return Extracted(builder.text(), fmt, {k: v.strip() for k, v in metadata.items() if v and v.strip()})


def tidy(text: str) -> str:
    """One paragraph's text: runs of spaces made one, no blank lines inside, no space at the ends of lines."""
    lines = [_SPACES.sub(" ", line).strip() for line in _BLANK_LINES.sub("\n", text.replace("\r", "\n")).split("\n")]
    return "\n".join(line for line in lines if line)


def damaged(path: Path, what: str, exc: Exception) -> ImportFailed:
    """The line for a file its reading library failed on: what the library said, without Python's names (a missing
    chapter read 'KeyError: "There is no item named …"'). Where the library only stumbled over what it did not find
    ("'lxml.etree._Element' object has no attribute 'overrides'", a bare namespace), the line says that plainly."""
    said = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    if isinstance(exc, AttributeError | TypeError | IndexError) or " " not in said.strip():
        said = "its parts are not where the format puts them, or not what they should be"
    return ImportFailed(str(path), f"damaged {what}: {said}")


def open_zip(path: Path, required: str, what: str) -> zipfile.ZipFile:
    """The file as a ZIP that holds `required`, or ImportFailed saying it is not really `what` ("a Word document")."""
    with open(path, "rb") as file:
        if file.read(8) == OLE_MAGIC:
            raise ImportFailed(str(path), f"not {what} but an Office file with a password or in the old binary format "
                                          "(.doc); save it without a password in the new format and import that")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFailed(str(path), f"not {what}: damaged or not a ZIP package ({exc})") from exc
    if required not in archive.namelist():
        archive.close()
        raise ImportFailed(str(path), f"not {what}: the ZIP holds no {required} (it is a ZIP of other files)")
    return archive
