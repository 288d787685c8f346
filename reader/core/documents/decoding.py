"""Bytes to text: BOMs first, then strict UTF-8, then charset detection limited to the encodings historians meet.

Only line endings are normalised (`\\r\\n` and `\\r` become `\\n`); nothing else in the text changes.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from reader.core.errors import ReaderError

LEGACY_ENCODINGS = ["cp1251", "cp1252", "latin_1"]
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or a Word/EPUB file)", b"\x7fELF": "a program",
}


class DecodeError(ReaderError):
    """The bytes are not text in any encoding we accept; the message says why in a few words."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for file contents, or raise DecodeError with a short reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalise_newlines(_strict(data, encoding)), encoding
    wide = _utf16_without_bom(data)
    if wide is not None:
        return normalise_newlines(wide[0]), wide[1]
    _reject_binary(data)
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect_legacy(data)
        return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} bytes at offset {exc.start}") from exc


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without its byte-order mark: NUL bytes, all on one side of each pair (an ASCII character's high
    byte), and text once decoded (no control characters but line breaks and tabs). Else None."""
    sample = data[:65536]
    if len(data) % 2 or b"\x00" not in sample:
        return None
    odd, even = b"\x00" in sample[1::2], b"\x00" in sample[0::2]
    if odd == even:
        return None
    encoding = "utf-16-le" if odd else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(ord(character) < 32 and character not in "\n\r\t" for character in text[:32768]):
        return None
    return text, encoding


def _reject_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (contains NUL bytes), not text")


def _detect_legacy(data: bytes) -> tuple[str, str]:
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None:
        raise DecodeError("undecodable bytes: not UTF-8, UTF-16, cp1251 or Latin-1 text")
    return str(best), best.encoding
