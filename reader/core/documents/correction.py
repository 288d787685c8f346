"""Correcting a document's text (an OCR misreading, a typo in a transcription) by hand.

The corrected text becomes a new version through the same steps as a re-import of a changed file: stored with its
page geometry, boilerplate detected again, notes re-anchored, the search index rebuilt, all in one operation, which
Undo takes back as any other (the version stays stored, no longer current; Redo makes it current again). The
pages, word boxes and running heads are carried over through an offset map, so the page view still lines up; an
uncertain OCR word the historian edited is no longer marked.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.extracted import Box
from reader.core.documents.offset_map import OffsetMap
from reader.core.documents.reanchor import reanchor_document
from reader.core.documents.rebase import rebase
from reader.core.documents.sources import SourceFile
from reader.core.documents.versions import redetect_boilerplate, store_version
from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.documents import ReanchorSummary
from reader.core.records.pages import PageInfo, UncertainWord
from reader.core.storage import documents as store
from reader.core.storage import pages as page_store
from reader.core.storage import search_index
from reader.core.storage.store import Store


def correct_text(db: Store, document_id: int, text: str, shown: int | None = None) -> ReanchorSummary | None:
    """Store `text` as the document's next version and move its notes there; None when nothing changed. `shown`:
    the version the text was corrected from; another current by now is refused (its changes would be lost)."""
    if not text.strip():
        raise ReaderError("the corrected text is empty; nothing was stored")
    with operation(db, "Correct text"):
        previous = store.shown_version_id(db, document_id, shown, "your corrections stay in the editor: copy "
                                          "them, then open Correct text again on the new text")
        if store.version_text(db, previous).text == text:
            return None
        version_id = store_version(db, document_id, _carried_over(db, previous, text), read=False)
        redetect_boilerplate(db)
        summary = reanchor_document(db, document_id, version_id, previous)
        search_index.index_all_texts(db)
    return summary


def carry_corrections(db: Store, document_id: int, read_id: int, corrected_id: int, new_id: int) -> tuple[int, str]:
    """A file imported again after its text was corrected by hand (`corrected_id`, made from `read_id`, the text the
    file gave then): the corrections are made again on the file's new text (`new_id`, just stored), as a version
    of their own that becomes current. Returns the current version and what the import says of the corrections."""
    base, corrected, new = (store.version_text(db, v).text for v in (read_id, corrected_id, new_id))
    merged = rebase(base, corrected, new)
    version_id = new_id if merged.text == new else store_version(db, document_id, _carried_over(db, new_id,
                                                                                                   merged.text),
                                                                 read=False)
    said = f"{merged.carried} hand correction{'s' if merged.carried != 1 else ''} carried over"
    if merged.lost:
        shown = "; ".join(f"“{was}” → “{written}”" for was, written in merged.lost[:3])
        said += (f"; {len(merged.lost)} not, the file having changed there too: {shown}"
                 + (" …" if len(merged.lost) > 3 else ""))
    return version_id, said


def _carried_over(db: Store, version_id: int, text: str) -> SourceFile:
    """The corrected text with the previous version's format, file, pages, boxes and marks mapped onto it."""
    old = store.version_text(db, version_id).text
    encoding, fmt = store.version_format(db, version_id)
    moved = OffsetMap(old, text)
    pages = page_store.pages(db, version_id)
    new_pages = tuple(PageInfo(p.index, p.label, moved(p.start), len(text) if i == len(pages) - 1 else moved.end(p.end),
                           p.width, p.height, p.origin) for i, p in enumerate(pages))
    boxes = [Box(p.index, moved(b.start), moved.end(b.end), b.x0, b.y0, b.x1, b.y1)
             for p in pages for b in page_store.boxes(db, version_id, p.index)]
    uncertain = tuple(UncertainWord(moved(u.start), moved.end(u.end), u.confidence)
                      for u in page_store.uncertain(db, version_id) if moved.unchanged(u.start, u.end))
    heads = tuple((moved(s), moved.end(e)) for s, e, origin in store.boilerplate_rows(db, version_id)
                  if origin == store.FROM_FILE and moved.end(e) > moved(s))
    path = Path(page_store.source_path(db, version_id) or ".")
    return SourceFile(path, text, encoding, fmt, None, new_pages, [b for b in boxes if b.end > b.start], uncertain,
                      heads, digest=page_store.source_digest(db, version_id))  # the corrected
    # version's pages are the file's the version read, not whatever stands at its path now (or nothing, moved)
