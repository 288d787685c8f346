"""CSV: one row per annotation with every field, UTF-8, cells that a spreadsheet would run as formulas defused."""

from __future__ import annotations

import csv
import io

from reader.core.export.items import NEEDS_REVIEW, ExportItem
from reader.core.records.annotations import REVIEW

COLUMNS = ("id", "document", "title", "author", "date", "url", "doi", "quote", "prefix", "suffix", "start", "end",
           "note", "tags", "color", "links", "created", "modified", "page", "paragraph", "status")
STATUS = {REVIEW: NEEDS_REVIEW}  # an orphan's status is its `where`
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell starting with = + - @ is prefixed with ' so that no spreadsheet evaluates it (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(items: list[ExportItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; and a cell holding a bare \r is quoted
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([neutralise(value) for value in _row(item)])
    return out.getvalue()


def _row(item: ExportItem) -> list[object]:
    a = item.annotation
    links = "; ".join(f"{link.label} #{link.other.id}" + (f" ({link.note})" if link.note else "")
                      for link in item.links)
    meta = item.document.metadata  # what a citation of the row needs, beside the title
    return [a.id, item.document.file_name, item.document.title, meta.author, meta.date_published, meta.url, meta.doi,
            item.quote, a.quote.prefix, a.quote.suffix,
            *(("", "") if item.orphaned else (a.start, a.end)), a.note, "; ".join(a.tags), a.color, links,
            a.created_at, a.modified_at, item.pages, item.paragraph or "",
            item.where if item.orphaned else STATUS.get(a.anchor_status, "")]
