"""RTF files through striprtf: the text as the reader sees it, and title and author from the {\\info} group.

RTF is 7-bit text with escapes; bytes over 127 are read as cp1252 (the usual \\ansicpg), and \\uN escapes carry the
rest of Unicode.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.documents.decoding import normalise_newlines
from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.blocks import Blocks
from reader.core.errors import ImportFailed

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_INFO = {"title": re.compile(r"\{\\title\s+([^}]*)\}"), "author": re.compile(r"\{\\author\s+([^}]*)\}")}


def read_rtf(path: Path, data: bytes) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise ImportFailed(str(path), "not an RTF file (it does not start with {\\rtf)")
    codepage = _CODEPAGE.search(data[:4096])
    encoding = f"cp{codepage.group(1).decode()}" if codepage else "cp1252"
    try:
        source = data.decode(encoding, errors="replace")
    except LookupError:
        encoding, source = "cp1252", data.decode("cp1252", errors="replace")
    try:
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf fails on some malformed groups
        raise ImportFailed(str(path), f"damaged RTF file: {type(exc).__name__}: {exc}") from exc
    blocks = Blocks()
    for paragraph in re.split(r"\n\s*\n|\n", normalise_newlines(text)):
        blocks.paragraph(paragraph)
    metadata = {key: _unescape(match.group(1)) for key, pattern in _INFO.items() if (match := pattern.search(source))}
    extracted = blocks.to_extracted("rtf", metadata, path)
    return Extracted(extracted.text, "rtf", extracted.metadata, encoding=encoding)


def _unescape(value: str) -> str:
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text("{\\rtf1 " + value + "}").strip()
