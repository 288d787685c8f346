"""CSV: one row per annotation with every field, then one per Notebook note (its kind says which), UTF-8, cells
that a spreadsheet would run as formulas defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.core.export.items import IN_THE_TRASH, ExportItem, NoteItem
from reader.core.records.annotations import NEEDS_REVIEW, REVIEW, Annotation
from reader.core.records.documents import DocumentInfo

COLUMNS = ("id", "document", "title", "author", "date", "url", "doi", "quote", "prefix", "suffix", "start", "end",
           "note", "tags", "color", "links", "created", "modified", "page", "paragraph", "status",
           "kind", "note title", "cites")  # added last: a spreadsheet reading columns by position keeps reading them
STATUS = {REVIEW: f"{NEEDS_REVIEW}; start, end and paragraph are where the current text may have it"}  # the
# columns are the place proposed, the quote the old words (audit DJ 12); an orphan's status is its `where`
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell starting with = + - @ is prefixed with ' so that no spreadsheet evaluates it (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(items: list[ExportItem], notes: Sequence[NoteItem] = ()) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; and a cell holding a bare \r is quoted
    writer.writerow(COLUMNS)
    rows = {item.annotation.id for item in items}
    for row in [*(_row(item, rows) for item in items), *(_note_row(note, rows) for note in notes)]:
        writer.writerow([neutralise(value) for value in row])
    return out.getvalue()


def _passage(annotation: Annotation, document: DocumentInfo, rows: set[int]) -> str:
    """A linked or cited passage: its row's id ('#4'), quoted with its source when the file holds no such row (an
    export of one document, a tag or a search): the other side of a contradiction was lost."""
    if annotation.id in rows:
        return f"#{annotation.id}"
    return f"#{annotation.id} “{' '.join(annotation.quote.exact.split())}” ({document.title})"


def _row(item: ExportItem, rows: set[int]) -> list[object]:
    """An annotation's row; its tags joined by commas, which no tag name holds (a ';' may stand in one); its links a
    line each, each link's note on its line (a quoted passage or a note may hold the '; ' that once parted them)."""
    a = item.annotation
    links = "\n".join(f"{link.label} {_passage(link.other, link.other_document, rows)}"
                       + (f" — note: {' '.join(link.note.split())}" if link.note.strip() else "")
                       for link in item.links)
    meta = item.document.metadata  # what a citation of the row needs, beside the title
    return [a.id, item.document.file_name, item.document.title, meta.author, meta.date_published, meta.url, meta.doi,
            item.quote, a.quote.prefix, a.quote.suffix,
            *(("", "") if item.orphaned else (a.start, a.end)), a.note, ", ".join(a.tags), a.color, links,
            a.created_at, a.modified_at, item.pages, item.paragraphs,
            item.where if item.orphaned else STATUS.get(a.anchor_status, ""), "annotation", "", ""]


def _note_row(item: NoteItem, rows: set[int]) -> list[object]:
    """A Notebook note, its id apart from the annotations' ('n4': the two are counted apart): the source it is on
    (if any), its Markdown as the note, its title, and the annotations it cites by id (the rows above hold those
    exported; one outside the file is quoted, one in the Trash said so). Named by column, the others left empty."""
    note, about = item.note, item.about
    cells = {"id": f"n{note.id}", "note": note.body, "created": note.created_at, "modified": note.modified_at,
             "kind": "notebook note", "note title": note.title,
             "cites": "\n".join(_passage(cited.annotation, cited.document, rows)
                                 + (f" ({IN_THE_TRASH})" if cited.in_trash else "") for cited in item.cited)}
    if about is not None:
        meta = about.metadata
        cells.update({"document": about.file_name, "title": about.title, "author": meta.author,
                      "date": meta.date_published, "url": meta.url, "doi": meta.doi})
    return [cells.get(column, "") for column in COLUMNS]
