"""PDFs the format tests make for themselves: text pages painted by Qt, and small hand-written ones (encrypted,
empty, with page labels) that no library here can write."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Item = tuple[float, float, str, float]  # x, baseline y (points from the top), text, point size


def qt_pdf(path: Path, pages: list[list[Item]], title: str = "", author: str = "", images=None) -> Path:
    """Paint each page's items at exact positions (72 dpi, no margins); `images` maps a page index to a QImage."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # a widgets app: later UI tests need one
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(72)
    writer.setTitle(title)
    writer.setAuthor(author)
    painter = QPainter(writer)
    for index, items in enumerate(pages):
        if index:
            writer.newPage()
        if images and index in images:
            painter.drawImage(QRectF(0, 0, 595, 842), images[index])
        for x, y, text, size in items:
            painter.setFont(QFont("DejaVu Serif", int(size)))
            painter.drawText(int(x), int(y), text)
    painter.end()
    return path


def column_lines(text: str, width_chars: int) -> list[str]:
    """Wrap text into lines of at most `width_chars` characters (whole words)."""
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width_chars:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


# --- hand-written PDFs -----------------------------------------------------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def hand_pdf(path: Path, page_texts: list[str], password: str | None = None, labels: str = "",
             info: bytes = b"") -> Path:
    """A small PDF written byte by byte: Helvetica pages, optional RC4 40-bit encryption (standard security handler,
    revision 2), an optional /PageLabels number tree such as '0 << /S /r >> 2 << /S /D >>' and an optional Info
    dictionary as written (unencrypted only), such as '<< /Title (Report) >>'."""
    file_id = hashlib.md5(str(path).encode()).digest()
    key = None
    objects: dict[int, bytes] = {}
    count = len(page_texts)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    catalog = b"<< /Type /Catalog /Pages 2 0 R" + (f" /PageLabels << /Nums [{labels}] >>".encode() if labels else b"")
    objects[1] = catalog + b" >>"
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    trailer_extra = b""
    if password is not None:
        owner = rc4(hashlib.md5(_padded(password + "-owner")).digest()[:5], _padded(password))
        permissions = (-4).to_bytes(4, "little", signed=True)
        key = hashlib.md5(_padded(password) + owner + permissions + file_id).digest()[:5]
        user = rc4(key, _PAD)
        encrypt_number = 4 + 2 * count
        objects[encrypt_number] = (f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> /U <{user.hex()}> "
                                   f"/P -4 >>").encode()
        trailer_extra = f" /Encrypt {encrypt_number} 0 R".encode()
    for i, text in enumerate(page_texts):
        page_number, content_number = 4 + 2 * i, 5 + 2 * i
        objects[page_number] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
                                f"/F1 3 0 R >> >> /Contents {content_number} 0 R >>").encode()
        lines = "".join(f"({_escape(line)}) Tj 0 -16 Td " for line in text.split("\n"))
        stream = f"BT /F1 12 Tf 72 770 Td {lines}ET".encode("latin-1")
        if key is not None:
            stream = rc4(_object_key(key, content_number), stream)
        objects[content_number] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    if info:
        objects[len(objects) + 1] = info
        trailer_extra += b" /Info %d 0 R" % len(objects)
    return _write(path, objects, file_id, trailer_extra)


def _object_key(key: bytes, number: int) -> bytes:
    return hashlib.md5(key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[: len(key) + 5]


def _escape(text: str) -> str:
    return re.sub(r"([()\\])", r"\\\1", text)


def _write(path: Path, objects: dict[int, bytes], file_id: bytes, trailer_extra: bytes) -> Path:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += (b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s><%s>]" % (size, file_id.hex().encode(), file_id.hex().encode())
            + trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    path.write_bytes(bytes(out))
    return path


# --- an article as historians get them -------------------------------------------------------------------------------

SENTENCES = [
    "In the spring of 1934 Genden travelled to Moscow, where he met Stalin and refused the demand to purge the clergy.",
    "Choibalsan, who had accompanied him, reported on the meeting to the party in terms of his own choosing.",
    "The talks lasted three days and ended without an agreement on the monasteries or on the Soviet troops.",
    "His account differs from the minutes in almost every respect, and the later histories followed his version.",
    "By the winter the border with Manchukuo had become the first concern of the government in Ulaanbaatar.",
    "The lamas were counted again in 1935, and the figures sent to Moscow were larger than any before them.",
    "Amar, who followed Genden as prime minister, kept the same course for as long as he was allowed to keep it.",
    "In 1937 the arrests began, first among the lamas and then among the officers of the army and the party.",
]


def article_pdf(path: Path, pages: int = 4) -> Path:
    """A running head and a folio on every page; page 1 has a large title, two paragraphs and a line ending in a
    hyphenated word ('inter-' / 'national') and one in a real compound ('Mongolian-' / 'Soviet'); the other pages
    set two columns side by side."""
    head = [(72, 40, "A HISTORY OF MONGOLIA", 9)]
    first = [*head, (72, 100, "The Purge of the Lamas", 20),
             (72, 150, "The treaty of 1936 was an inter-", 11),
             (72, 164, "national agreement in all but name, and the", 11),
             (72, 178, "Mongolian-", 11),
             (72, 192, "Soviet protocol bound the two states together.", 11),
             (72, 228, "A new paragraph begins after a wider gap.", 11),
             (290, 810, "1", 9)]
    result = [first]
    for number in range(2, pages + 1):
        items = [*head, (290, 810, str(number), 9)]
        left, right = SENTENCES[(2 * number) % 8], SENTENCES[(2 * number + 1) % 8]
        for column, text in ((72, left), (320, right)):
            for row, line in enumerate(column_lines(text, 34)):
                items.append((column, 100 + 14 * row, line, 11))
        result.append(items)
    return qt_pdf(path, result, author="Jane Roe")
