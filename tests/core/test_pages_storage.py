"""Pages, word boxes, uncertain OCR words and the running heads a reader found, stored with each version."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.records.pages import page_index_at
from reader.core.storage import pages as page_store
from tests.core.pdf_samples import article_pdf


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    return article_pdf(tmp_path_factory.mktemp("pages") / "article.pdf")


def test_pages_and_boxes_round_trip_through_the_database(empty_workspace, article):
    """Each page's label, size and range and every word box come back as the reader found them."""
    from reader.core.documents.formats.pdf import read_pdf

    extracted = read_pdf(article)
    documents = empty_workspace.documents
    documents.import_paths([article])
    info = documents.resolve("article.pdf")
    pages = documents.pages(info.id)
    assert [(p.index, p.label, p.start, p.end, p.width, p.height) for p in pages] == [
        (p.index, p.label, p.start, p.end, p.width, p.height) for p in extracted.pages]
    for page in pages:
        stored = documents.boxes(info.id, page.index)
        found = [b for b in extracted.boxes if b.page == page.index]
        assert [(b.start, b.end) for b in stored] == [(b.start, b.end) for b in found]
        assert all(abs(s.x0 - f.x0) < 0.01 and abs(s.y1 - f.y1) < 0.01 for s, f in zip(stored, found, strict=True))
    assert pages[page_index_at(pages, pages[2].start + 5)].label == "3"
    assert documents.page_source(info.id) == str(article.resolve())


def test_boxes_take_24_bytes_a_word():
    """Packing keeps a 2,000-page book small: two offsets and four floats per word, nothing else."""
    from reader.core.records.pages import WordBox

    boxes = [WordBox(i, i + 4, 1.5, 2.5, 3.5, 4.5) for i in range(350)]
    from array import array

    blob = page_store.pack_flat(array("d", [v for b in boxes for v in (0, b.start, b.end, b.x0, b.y0, b.x1, b.y1)]))
    assert len(blob) == 24 * 350 and page_store.unpack_boxes(blob) == boxes


def test_running_heads_found_by_the_reader_survive_redetection(empty_workspace, article, tmp_path):
    """Re-detecting boilerplate over the corpus (another import) keeps the heads the PDF reader found."""
    documents = empty_workspace.documents
    documents.import_paths([article])
    info = documents.resolve("article.pdf")
    text = documents.text(info.id)
    marked = {text.text[s.start:s.end] for s in text.boilerplate}
    assert "A HISTORY OF MONGOLIA" in marked
    (tmp_path / "other.txt").write_text("An unrelated note on the 1930s.\n", encoding="utf-8")
    documents.import_paths([tmp_path / "other.txt"])
    again = documents.text(info.id)
    assert {again.text[s.start:s.end] for s in again.boilerplate} == marked


def test_a_text_file_has_no_pages(empty_workspace, tmp_path):
    """Plain text keeps no geometry: no pages, no page, no source for the page view."""
    (tmp_path / "plain.txt").write_text("Just text.\n", encoding="utf-8")
    documents = empty_workspace.documents
    documents.import_paths([tmp_path / "plain.txt"])
    info = documents.resolve("plain.txt")
    assert documents.pages(info.id) == [] and page_index_at([], 3) is None
    assert documents.page_source(info.id) == ""
