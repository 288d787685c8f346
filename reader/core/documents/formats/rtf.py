"""RTF files through striprtf: the text as the reader sees it, and title and author from the {\\info} group.

RTF is 7-bit text with escapes; bytes over 127 are read as cp1252 (the usual \\ansicpg), and \\uN escapes carry the
rest of Unicode.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.documents.decoding import normalise_newlines
from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks, damaged
from reader.core.errors import ImportFailed

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_MAC = re.compile(rb"\\mac(?![a-z])")  # classic Mac Word's character set, Mac Roman unless a code page says
_MAC_CODEPAGES = {"cp10000": "mac_roman", "cp10006": "mac_greek", "cp10007": "mac_cyrillic",
                  "cp10029": "mac_latin2", "cp10079": "mac_iceland", "cp10081": "mac_turkish"}  # Python's names:
# 'cp10000' is none, and the accented letters of a Mac RTF were stored as U+FFFD, unsaid (audit DW F9)
_BRACES = re.compile(r"\\.|[{}]", re.DOTALL)  # an escape (\{, \} and \\ are text), or a group's edge
_FOOTNOTE = re.compile(r"\{(?:\\\*)?\\footnote\b")
_INFO = {"title": re.compile(r"\{\\title\s+([^}]*)\}"), "author": re.compile(r"\{\\author\s+([^}]*)\}")}


def read_rtf(path: Path, data: bytes) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportFailed(str(path), "not an RTF file (it does not start with {\\rtf)")
    codepage = _CODEPAGE.search(data[:4096])
    encoding = f"cp{codepage.group(1).decode()}" if codepage else "mac_roman" if _MAC.search(data[:64]) else "cp1252"
    mac = _MAC_CODEPAGES.get(encoding)
    try:
        source = data.decode(mac or encoding, errors="replace")
    except LookupError:
        encoding, source = "cp1252", data.decode("cp1252", errors="replace")
    if _group_end(source, source.index("{")) is None:
        raise ImportFailed(str(path), "damaged RTF file: the file is cut off: its last groups are never closed")
    body, notes = _footnotes(source)
    if mac is not None:  # striprtf takes a code page directive over the encoding it is given, and knows no Mac one
        encoding, body = mac, re.sub(r"\\ansicpg\d+", "", body, count=1)  # its blank ends the word before
    try:
        text = _paired(rtf_to_text(body, encoding=encoding, errors="replace"))
        notes = [_unescape(note, encoding) for note in notes]
    except Exception as exc:  # striprtf fails on some malformed groups
        raise damaged(path, "RTF file", exc) from exc
    blocks = Blocks()
    for paragraph in re.split(r"\n\s*\n|\n", normalise_newlines(text)):
        blocks.paragraph(paragraph)
    for number, note in enumerate(notes, 1):
        blocks.note(str(number), note)
    metadata = {key: _unescape(match.group(1), encoding) for key, pattern in _INFO.items()
                if (match := pattern.search(source))}
    extracted = blocks.to_extracted("rtf", metadata, path)
    return Extracted(extracted.text, "rtf", extracted.metadata, encoding=encoding)


def _footnotes(source: str) -> tuple[str, list[str]]:
    """The RTF with each footnote group replaced by its number cited ([1]), and the notes' RTF in order: striprtf
    drops a footnote, mark and text, and the Notes a Word or EPUB file keeps were lost from an RTF."""
    parts, notes, at = [], [], 0
    while match := _FOOTNOTE.search(source, at):
        end = _group_end(source, match.start()) or len(source) - 1  # (a whole file's groups are closed)
        notes.append(source[match.end():end])
        parts.append(source[at:match.start()] + f"[{len(notes)}]")
        at = end + 1
    return "".join(parts) + source[at:], notes


def _group_end(source: str, start: int) -> int | None:
    """Where the group opened at `start` closes (escaped braces and backslashes are text); None if it never does."""
    depth = 0
    for mark in _BRACES.finditer(source, start):
        if mark.group() == "{":
            depth += 1
        elif mark.group() == "}":
            depth -= 1
            if depth == 0:
                return mark.start()
    return None


def _unescape(value: str, encoding: str) -> str:
    from striprtf.striprtf import rtf_to_text

    return _paired(rtf_to_text("{\\rtf1 " + value + "}", encoding=encoding, errors="replace")).strip()


def _paired(text: str) -> str:
    """RTF writes a character beyond the BMP (😀, 𝔐) as a UTF-16 surrogate pair of \\u escapes, which striprtf
    gives as two halves: joined into the character, and a half without its pair made a replacement character (a
    half is no text: it failed the import with a traceback)."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
