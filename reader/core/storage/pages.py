"""SQL for a version's pages, word boxes, uncertain OCR words and source file.

Boxes are packed per page as little-endian records of two 32-bit offsets and four 32-bit floats (24 bytes a word):
a 2,000-page book of 700,000 words takes some 17 MB instead of a row (and an index entry) per word.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence

from reader.core.records.pages import PageInfo, UncertainWord, WordBox
from reader.core.storage.store import Store

_BOX = struct.Struct("<IIffff")


def pack_boxes(boxes: Iterable[WordBox]) -> bytes:
    return b"".join(_BOX.pack(b.start, b.end, b.x0, b.y0, b.x1, b.y1) for b in boxes)


def unpack_boxes(blob: bytes | None) -> list[WordBox]:
    return [WordBox(*values) for values in _BOX.iter_unpack(blob or b"")]


def insert_pages(db: Store, version_id: int, pages: Sequence[PageInfo], boxes: dict[int, list[WordBox]]) -> None:
    """Store a version's pages, each with the boxes of its words (`boxes` by page index)."""
    rows = [(version_id, p.index, p.label, p.start, p.end, p.width, p.height, p.origin,
             pack_boxes(boxes.get(p.index, ()))) for p in pages]
    db.conn.executemany('INSERT INTO pages (version_id, idx, label, start, "end", width, height, origin, boxes) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def insert_uncertain(db: Store, version_id: int, words: Iterable[UncertainWord]) -> None:
    db.conn.executemany('INSERT INTO uncertain_words (version_id, start, "end", confidence) VALUES (?, ?, ?, ?)',
                        [(version_id, w.start, w.end, w.confidence) for w in words])


def set_source_path(db: Store, version_id: int, path: str) -> None:
    db.execute("UPDATE versions SET source_path = ? WHERE id = ?", [path, version_id])


def source_path(db: Store, version_id: int) -> str:
    row = db.execute("SELECT source_path FROM versions WHERE id = ?", [version_id]).fetchone()
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
