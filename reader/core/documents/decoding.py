"""Bytes to text: BOMs first, then strict UTF-8, then charset detection limited to the encodings historians meet.

Only line endings are normalised (`\\r\\n` and `\\r` become `\\n`); nothing else in the text changes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from charset_normalizer import from_bytes

from reader.core.documents.misreading import has_controls, least_misread, script
from reader.core.errors import ReaderError

LEGACY_ENCODINGS = ["cp1251", "cp1252", "latin_1"]
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_OPENINGS = {b"<\x00?\x00": "utf-16-le", b"\x00<\x00?": "utf-16-be"}
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_SAID_ENCODINGS = {"utf-32": "UTF-32", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or a Word/EPUB file)", b"\x7fELF": "a program",
}


# characters a UTF-8 line of a historian's source holds beyond ASCII: Latin, Greek and Cyrillic letters, punctuation,
# currency (a legacy text read as UTF-8 by chance makes rarer ones: 'Я»' in cp1251 is the NKo letter U+07FB)
_PLAUSIBLE = ((0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20CF))


_ALPHABET_BLOCKS = frozenset(set(range(1, 32)) - {9, 10, 13})  # high bytes of UTF-16 a one-byte text has none of
_BETWEEN_WORDS = frozenset(b" \n\r\t0123456789.,;:!?()-'\"")  # what stands between words, beside a NUL in UTF-16
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f]")  # none of a text's one byte a character


class DecodeError(ReaderError):
    """The bytes are not text in any encoding we accept; the message says why in a few words."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for file contents, or raise DecodeError with a short reason."""
    encoding = marked_encoding(data)
    if encoding is not None:
        return normalise_newlines(_without_nul(_strict(data, encoding))), encoding
    wide = _utf16_without_bom(data)
    if wide is not None:
        return normalise_newlines(wide[0]), wide[1]
    _reject_binary(data)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text, encoding = _detect_legacy(data, exc.start)
    return _wide_if_controls(data, text, encoding)


def marked_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of the bytes names, or None."""
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def xml_text(data: bytes) -> str:
    """XML's bytes as text: in a byte-order mark's encoding, or UTF-16 by the first bytes of '<?xml' (a NUL beside
    each); else as UTF-8 where they are that, whatever the declaration says (one naming another is a common slip:
    UTF-8 declared as Latin-1 was read as 'Ã©', audit DX F5); else in the encoding the declaration names; else as a
    page is read, by its <meta> charset or as any text (UTF-16 without a mark, a one-byte encoding). Bytes no
    character is made of are U+FFFD, counted in the import's line."""
    encoding = marked_encoding(data) or _XML_OPENINGS.get(data[:4])
    if encoding is not None:
        return data.decode(encoding, errors="replace")
    if b"\x00" not in data:  # NULs are UTF-16's, never XML's
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    declared = _XML_ENCODING.match(data)
    try:
        return data.decode(declared[1].decode("ascii"), errors="replace") if declared else decode_html(data)[0]
    except (LookupError, DecodeError):  # a name no codec has, or one of no text ('base64'; audit DX F6)
        return data.decode("utf-8", errors="replace")


def _wide_if_controls(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """The text, unless it holds control characters and the bytes read as UTF-16 without them: a word of Russian in
    UTF-16 without a mark has no NUL byte and is all ASCII bytes, and was stored as UTF-8 '\x1f\x04@\x04…' (audit
    CG F6). A text keeping its controls (a DOS end-of-file mark, a log's escapes) is as it was."""
    if has_controls(text) and not len(data) % 2:
        text, encoding = _utf16_reading(data, _one_block) or (text, encoding)
    return normalise_newlines(text), encoding


def normalise_newlines(text: str) -> str:
    """Line ends as "\n", and characters composed (NFC), as they show: a text saved again decomposed (macOS tools
    write 'é' as 'e' and a combining accent) was a new version, its notes sent to review, and a quote typed as it
    shows was not found in it (audit CE F4)."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _strict(data: bytes, encoding: str) -> str:
    """The text in the encoding its byte-order mark names, or DecodeError saying where it is damaged in the user's
    words (the codec's name and a byte offset counted from the mark meant nothing to a reader)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = _SAID_ENCODINGS[encoding]
        if exc.reason in ("truncated data", "unexpected end of data"):  # no more bytes to finish the character
            raise _cut_short(name) from exc
        counted = data[len(codecs.BOM_UTF8):] if encoding == "utf-8-sig" else data  # its offsets are after the mark
        raise _damaged(name, _line_of(counted[:exc.start].decode(encoding, errors="replace"))) from exc


def _cut_short(name: str) -> DecodeError:
    """Text in a known encoding whose last character lacks its last bytes."""
    return DecodeError(f"damaged {name} text: it ends inside a character (cut short?)")


def _without_nul(text: str) -> str:
    """The text, refused as binary when it holds a NUL (one after a byte-order mark was stored, audit CA C4)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError(f"binary file (a NUL character on line {_line_of(text[:nul])}), not text")
    return text


def _damaged(name: str, line: int) -> DecodeError:
    """Text in a known encoding with bytes in it no character is made of, on that line."""
    return DecodeError(f"damaged {name} text: bytes no character is made of, on line {line}")


def _line_of(before: str) -> int:
    """The line a place is on, given the text before it."""
    return before.count("\n") + 1


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without its byte-order mark: NUL bytes (an ASCII character's high byte, or the low byte of a
    character whose code ends in 00: 一, 가), and text once decoded (no control characters but line breaks and
    tabs). Else None; so for a text of one byte a character with a NUL or a few in it (a stray NUL made an ASCII
    file Chinese-looking nonsense): NULs are a quarter of its bytes or fewer, and none of its other bytes is a
    control character, which the high bytes of UTF-16 beyond Latin are (Cyrillic 04, Greek 03, Arabic 06, Japanese
    '、' 30 01). The byte order is the one that reads as text, the likelier where both do. The side of the NULs
    said nothing sure: a Chinese line's one 开 (5F 00) put its NUL on the other side from the line feeds', and
    without line feeds it named the wrong order (audit CC N2)."""
    sample = data[:65536]
    if b"\x00" not in sample:
        return None
    if len(data) % 2:  # a copy still being written, a broken download: called binary for its NULs (audit DW F11)
        if _utf16_without_bom(data[:-1]) is not None:
            raise _cut_short("UTF-16")
        return None
    if sample.count(0) * 4 <= len(sample) and not _CONTROL_BYTES.search(sample.replace(b"\x00", b"")) \
            and not _spaced_wide(sample):
        return None
    return _utf16_reading(data)


def _utf16_reading(data: bytes, fits: Callable[[bytes, str], bool] = lambda _sample, _order: True,
                   ) -> tuple[str, str] | None:
    """The text and byte order of UTF-16 without a mark: of the orders that `fit` the opening bytes and read as
    text there (see `_as_utf16`), the likelier; None when neither does."""
    sample = data[:65536]
    readings = {order: text for order in ("utf-16-le", "utf-16-be")
                if fits(sample, order) and (text := _as_utf16(data, sample, order)) is not None}
    encoding = _likelier(sample, readings)
    return None if encoding is None else (readings[encoding], encoding)


def _spaced_wide(sample: bytes) -> bool:
    """Whether the NULs stand beside a text's spaces, digits and punctuation, in pairs of one side (their UTF-16 high
    bytes): Korean has no control byte to go by, and a line of it was refused as binary (audit CG F5); a stray NUL
    in one-byte text stands beside a letter, or beside nothing in particular."""
    for nuls, partners in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
        paired = [partner for nul, partner in zip(nuls, partners, strict=False) if nul == 0]
        if len(paired) >= 2 and len(paired) * 2 >= sample.count(0) and \
                sum(partner in _BETWEEN_WORDS for partner in paired) * 4 >= len(paired) * 3:
            return True
    return False


def _as_utf16(data: bytes, sample: bytes, encoding: str) -> str | None:
    """The text in this byte order, if it reads as text there: its line feeds beside a NUL in their pair, no byte
    no character is made of, no control character, and its NULs the low bytes only of characters of its own script
    (see `_nuls_in_its_script`)."""
    if not _newlines_wide(sample, little_endian=encoding == "utf-16-le"):
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    opening = text[:32768]
    if any(ord(character) < 32 and character not in "\n\r\t" for character in opening):
        return None
    return text if _nuls_in_its_script(opening) else None


def _nuls_in_its_script(text: str) -> bool:
    """Whether each character a NUL is the low byte of (一 U+4E00, 가 U+AC00, '　' U+3000) is of the text's
    commonest script. Such characters are rare; in a one-byte text read as UTF-16 the NUL made one that is not:
    b'\x00\x01binary' read so was 'Ā' among Chinese-looking characters, and Greek read the wrong way round had
    its spaces U+2000 among Hangul."""
    scripts = _scripts(text)
    if not scripts:
        return True
    commonest = scripts.most_common(1)[0][0]
    return all(script(character) == commonest for character in text if ord(character) > 0xFF
               and not ord(character) % 256)


def _one_block(sample: bytes, encoding: str) -> bool:
    """Whether the high bytes of UTF-16 in this byte order are most of them one, the block of one alphabet (03 for
    Greek, 04 for Cyrillic, 05 for Hebrew): with no NUL to go by, this is what tells UTF-16 from one-byte text with
    a control byte in it (b'abc\x01defg' read as UTF-16 was Chinese-looking). Such a block is a control byte read
    alone; a space, a tab or a digit taken for one made a line of figures nonsense (audit CI F5)."""
    highs = sample[1::2] if encoding == "utf-16-le" else sample[0::2]
    if not highs:
        return False
    block, count = Counter(highs).most_common(1)[0]
    return block in _ALPHABET_BLOCKS and count * 4 >= len(highs) * 3


def _likelier(sample: bytes, readings: dict[str, str]) -> str | None:
    """The byte order whose reading is likelier text: one charset-normalizer reads as text at all (junk with NULs
    here and there it does not), with less of a mess, then with its letters more in one script (read in the wrong
    order, 委员会于五月开会 was Hangul, Han and Tai Tham letters and no mess), then with more ASCII characters
    (Greek read in the wrong order is Hangul throughout, its spaces U+2000)."""
    likelihood = {}
    for encoding, text in readings.items():
        found = from_bytes(sample, cp_isolation=[encoding.replace("-", "_")]).best()
        if found is not None:
            opening = text[:4096]
            likelihood[encoding] = (-found.chaos, _in_one_script(opening), sum(map(str.isascii, opening)))
    return max(likelihood, key=likelihood.__getitem__) if likelihood else None


def _in_one_script(text: str) -> float:
    """The share of a text's letters in its commonest script (by the first word of their Unicode names: CJK,
    HANGUL, GREEK, CYRILLIC)."""
    scripts = _scripts(text)
    return max(scripts.values()) / scripts.total() if scripts else 0.0


def _scripts(text: str) -> Counter[str]:
    """How many of a text's letters each script has."""
    return Counter(script(character) for character in text if character.isalpha())


def _newlines_wide(sample: bytes, little_endian: bool) -> bool:
    """Whether most line-feed bytes are UTF-16 line feeds (beside a NUL, in a pair): a text of one byte a character
    with a stray NUL and a control byte (a DOS end-of-file mark) was read as UTF-16 nonsense (audit CC N1), its line
    ends one byte each."""
    lows, highs = (sample[0::2], sample[1::2]) if little_endian else (sample[1::2], sample[0::2])
    wide = sum(1 for low, high in zip(lows, highs, strict=False) if low == 10 and high == 0)
    return wide * 2 >= sample.count(b"\n")


def _mixed(data: bytes) -> tuple[str, str] | None:
    """A file partly UTF-8, partly in a legacy encoding (lines of two sources pasted together): each line in its
    own, when some lines are UTF-8 beyond doubt (letters of scripts in use) and others are not UTF-8 at all. None
    when it is not so, or the other lines are in no encoding we know."""
    lines = data.split(b"\n")
    decoded = [_utf8_line(line) for line in lines]
    legacy = [line for line, text in zip(lines, decoded, strict=True) if text is None]
    if not legacy or not any(text is not None and not text.isascii() for text in decoded):
        return None
    damaged = next((number for number, line in enumerate(lines) if decoded[number] is None and _damaged_utf8(line)),
                   None)
    if damaged is not None:  # read as cp1252 it was 'StraÃŸe in MÃ¼nchen' (audit CA C17)
        raise _damaged("UTF-8", damaged + 1)
    joined = b"\n".join(legacy)
    best = _fitting(joined, _detected(joined))  # a line of French, of which detection says nothing, too (CC N5)
    if best is None:
        return None
    text = "\n".join(line.decode(best[1]) if utf8 is None else utf8 for line, utf8 in zip(lines, decoded, strict=True))
    return text, f"utf-8 mixed with {best[1]}"


def _damaged_utf8(line: bytes) -> bool:
    """Whether a line that is not UTF-8 is UTF-8 damaged: more of its letters beyond ASCII are UTF-8's than bytes of
    it are no character's (a line in cp1251 or cp1252 makes almost none of UTF-8's)."""
    read = line.decode("utf-8", errors="replace")
    return sum(1 for character in read if ord(character) > 0x7F and character != "\ufffd") > read.count("\ufffd")


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> tuple[str, str]:
    """A page's text in the charset its <meta> declares, where its bytes are not UTF-8 (a UTF-8 page declaring
    another is common, and read as UTF-8); else as `decode` reads any text. Detection alone stored a Polish
    windows-1250 or a Russian KOI8-R page as another encoding's mojibake, said imported (audit DW F1, F2)."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared is not None and marked_encoding(data) is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                name = codecs.lookup(declared[1].decode("ascii")).name
                return normalise_newlines(data.decode(name)), name
            except (LookupError, UnicodeDecodeError):
                pass  # a name no codec has, or bytes not in it: as any text
    return decode(data)


def _utf8_line(line: bytes) -> str | None:
    """The line as UTF-8 text, if it is that beyond doubt; None if it is not UTF-8 or holds unlikely characters."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    wide = (ord(character) for character in text if ord(character) > 0x7F)
    return text if all(any(low <= code <= high for low, high in _PLAUSIBLE) for code in wide) else None


def _reject_binary(data: bytes) -> None:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary file ({what}), not text")
    nul = data.find(b"\x00")  # anywhere: one after the first 64 KB was stored in the text
    if nul >= 0:
        raise DecodeError(f"binary file (a NUL byte at byte {nul:,}), not text")


def _detect_legacy(data: bytes, damage: int) -> tuple[str, str]:
    """The text in the legacy encoding it reads best in; else DecodeError (`damage`: where it stops being UTF-8,
    said when letters beyond ASCII are UTF-8 elsewhere in it: it is UTF-8 text damaged, not text in no encoding)."""
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    readings = _detected(data)
    if not readings and _damaged_utf8(data):
        raise _damaged("UTF-8", _line_of(data[:damage].decode("utf-8", errors="replace")))
    fitting = _fitting(data, readings)
    if fitting is None:
        raise DecodeError("undecodable bytes: not text in UTF-8, UTF-16 or a Cyrillic, Greek, Central or Western "
                          "European encoding")
    return fitting


def _detected(data: bytes) -> list[tuple[str, str]]:
    """The readings detection offers among the legacy encodings, the likeliest first."""
    return [(str(found), found.encoding) for found in from_bytes(data, cp_isolation=LEGACY_ENCODINGS)]


def _fitting(data: bytes, readings: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Detection's likeliest reading (`readings`), unless another one-byte encoding's bears fewer marks of a
    misreading (see `misreading`); None when no reading is text."""
    return least_misread(data, readings[0] if readings else None)
