"""SQL for a version's pages, word boxes, uncertain OCR words and source file.

Boxes are packed per page, column by column: the words' start offsets and end offsets as 32-bit unsigned integers,
then x0, y0, x1 and y1 as 32-bit floats (24 bytes a word, little-endian). A 2,000-page book of 700,000 words takes some
17 MB instead of a row (and an index entry) per word, and packing a page is a few array copies, not a loop per word.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence

from reader.core.records.pages import PageInfo, UncertainWord, WordBox
from reader.core.storage.store import Store

BOX_BYTES = 24
FLAT_WIDTH = 7  # the flat layout callers hand in: page, start, end, x0, y0, x1, y1 per word (as BoxTable keeps them)


def pack_flat(flat: array) -> bytes:
    """One page's boxes, given in the flat layout (seven numbers a word), as stored."""
    columns = [array("I", map(int, flat[1::FLAT_WIDTH])), array("I", map(int, flat[2::FLAT_WIDTH]))]
    columns += [array("f", flat[offset::FLAT_WIDTH]) for offset in (3, 4, 5, 6)]
    if sys.byteorder != "little":
        for column in columns:
            column.byteswap()
    return b"".join(column.tobytes() for column in columns)


def unpack_boxes(blob: bytes | None) -> list[WordBox]:
    blob = blob or b""
    count = len(blob) // BOX_BYTES
    columns = []
    for number, code in enumerate("IIffff"):
        column = array(code)
        column.frombytes(blob[number * 4 * count:(number + 1) * 4 * count])
        if sys.byteorder != "little":
            column.byteswap()
        columns.append(column)
    return [WordBox(*values) for values in zip(*columns, strict=True)]


def insert_pages(db: Store, version_id: int, pages: Sequence[PageInfo], packed: dict[int, bytes]) -> None:
    """Store a version's pages, each with the packed boxes of its words (`packed` by page index)."""
    rows = [(version_id, p.index, p.label, p.start, p.end, p.width, p.height, p.origin, bytes(packed.get(p.index, b"")))
            for p in pages]
    db.conn.executemany('INSERT INTO pages (version_id, idx, label, start, "end", width, height, origin, boxes) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_uncertain(db: Store, version_id: int, words: Iterable[UncertainWord]) -> None:
    db.conn.executemany('INSERT INTO uncertain_words (version_id, start, "end", confidence) VALUES (?, ?, ?, ?)',
                        [(version_id, w.start, w.end, w.confidence) for w in words])


def set_source_path(db: Store, version_id: int, path: str, digest: str) -> None:
    """The file a version's pages are drawn from, and its bytes' SHA-256 (which file it was)."""
    db.execute("UPDATE versions SET source_path = ?, source_digest = ? WHERE id = ?", [path, digest, version_id])


def source_path(db: Store, version_id: int) -> str:
    row = db.execute("SELECT source_path FROM versions WHERE id = ?", [version_id]).fetchone()
    return (row[0] or "") if row else ""


def source_digest(db: Store, version_id: int) -> str:
    row = db.execute("SELECT source_digest FROM versions WHERE id = ?", [version_id]).fetchone()
    return (row[0] or "") if row else ""


def pages(db: Store, version_id: int) -> list[PageInfo]:
    sql = 'SELECT idx, label, start, "end", width, height, origin FROM pages WHERE version_id = ? ORDER BY idx'
    return [PageInfo(*row) for row in db.execute(sql, [version_id]).fetchall()]


def boxes(db: Store, version_id: int, page_index: int) -> list[WordBox]:
    row = db.execute("SELECT boxes FROM pages WHERE version_id = ? AND idx = ?", [version_id, page_index]).fetchone()
    return unpack_boxes(row[0]) if row else []


def uncertain(db: Store, version_id: int) -> list[UncertainWord]:
    sql = 'SELECT start, "end", confidence FROM uncertain_words WHERE version_id = ? ORDER BY start'
    return [UncertainWord(*row) for row in db.execute(sql, [version_id]).fetchall()]
