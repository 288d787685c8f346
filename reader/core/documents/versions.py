"""Storing a document's texts: each text it has had is a version, the current one what the reading view shows.

A file read (imported or imported again) and a text corrected by hand are both stored here, with the pages, word
boxes and marks the text came with; boilerplate is detected again over the corpus after either. The document
remembers which version its file last gave (`read_version_id`): a correction is a version the file never gave, and
importing the file again must tell the two apart.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.boilerplate import detect_boilerplate
from reader.core.documents.extracted import flat_boxes
from reader.core.documents.metadata import extract_metadata
from reader.core.documents.page_images import file_digest
from reader.core.documents.sources import SourceFile
from reader.core.storage import documents as store
from reader.core.storage import pages as page_store
from reader.core.storage.store import Store


def store_version(db: Store, document_id: int, source: SourceFile, read: bool = True) -> int:
    """Add the source's text as the document's next version, with its pages, word boxes, uncertain OCR words, the
    running heads its reader found (kept through re-detection) and the file it came from, for the page view. A text
    the document had before (a correction undone and made again) makes that version current again: a copy of it
    under a new number each time, and a number no longer named one text. `read`: the text is its file's (not a
    correction), which the document remembers."""
    version_id = store.version_with_text(db, document_id, source.content_hash)
    if version_id is None:
        version_id = _insert_version(db, document_id, source)
    store.make_current(db, document_id, version_id)
    if read:
        store.set_read_version(db, document_id, version_id)
    return version_id


def _insert_version(db: Store, document_id: int, source: SourceFile) -> int:
    version_id = store.insert_version(db, document_id, source.text, source.content_hash, source.encoding, source.fmt)
    if source.pages:
        page_store.insert_pages(db, version_id, source.pages, _packed_boxes(source))
        digest = file_digest(source.path) if source.digest is None else source.digest
        page_store.set_source_path(db, version_id, str(source.path.resolve()), digest)
    page_store.insert_uncertain(db, version_id, source.uncertain)
    store.add_file_boilerplate(db, version_id, source.boilerplate)
    return version_id


def _packed_boxes(source: SourceFile) -> dict[int, bytes]:
    """Each page's word boxes packed as stored, straight from the reader's flat array of numbers: a book has
    700,000 words, and an object per word would cost seconds and hundreds of MB."""
    flat = flat_boxes(source.boxes)
    width = page_store.FLAT_WIDTH
    pages = flat[0::width]
    packed, low = {}, 0
    while low < len(pages):
        page = pages[low]
        high = low + 1
        while high < len(pages) and pages[high] == page:
            high += 1
        packed[int(page)] = packed.get(int(page), b"") + page_store.pack_flat(flat[low * width:high * width])
        low = high
    return packed


def redetect_boilerplate(db: Store) -> None:
    """Detect boilerplate over every current version again; the user's own marks stay as they are."""
    texts = dict(store.current_texts(db))
    titles = store.current_titles(db)
    for version_id, ranges in detect_boilerplate(texts).items():
        store.replace_detected_boilerplate(db, version_id, ranges)
        store.refresh_boilerplate_count(db, version_id)
        _retitle_if_boilerplate(db, version_id, texts[version_id], *titles[version_id])


def _retitle_if_boilerplate(db: Store, version_id: int, text: str, document_id: int, title: str) -> None:
    """A title the text gave that is now found to be boilerplate (a source imported alone first was titled by a
    shop's phone line, which the sources after it showed to be an advert) is read again outside the boilerplate. A
    title the user typed, or the file declared, is no line of boilerplate, and stays. A PDF or a scan is read again
    as it was at import (a paragraph was no title of it: see metadata._paged_title)."""
    at = text.find(title) if title.strip() else -1
    if at < 0:
        return
    ranges = [(start, end) for start, end, _origin in store.boilerplate_rows(db, version_id)]
    if any(start <= at and at + len(title) <= end for start, end in ranges):
        document = store.get_document(db, document_id)
        stem = Path(document.file_name).stem if document and page_store.pages(db, version_id) else ""
        better = extract_metadata(text, ranges, paged_from=stem).title
        if better and better != title:
            store.update_metadata(db, document_id, {"title": better})
