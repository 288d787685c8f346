"""pdfium runs in one thread at a time: the PDF reader's worker and the page view's renderer share one lock."""

from __future__ import annotations

import threading

from tests.core.pdf_samples import article_pdf


class RecordingLock:
    """A real lock that notes which threads took it."""

    def __init__(self):
        self._lock = threading.RLock()
        self.threads: list[str] = []
        self.held = 0

    def __enter__(self):
        self._lock.acquire()
        self.held += 1
        self.threads.append(threading.current_thread().name)
        return self

    def __exit__(self, *exc):
        self.held -= 1
        self._lock.release()


def test_the_reader_and_the_renderer_take_the_lock(tmp_path, monkeypatch):
    """Reading pages in the read-ahead worker and rendering a page image both go through the shared lock."""
    from reader.core.documents.formats import pdf
    from reader.ui.reading import page_render

    lock = RecordingLock()
    monkeypatch.setattr(pdf, "PDFIUM", lock)
    monkeypatch.setattr(page_render, "PDFIUM", lock)
    path = article_pdf(tmp_path / "article.pdf", pages=2)
    pdf.read_pdf(path)
    assert "read-ahead" in lock.threads and threading.current_thread().name in lock.threads
    before = len(lock.threads)
    renderer = page_render.PageRenderer(str(path))
    assert abs(renderer.render(0, 200).width() - 200) <= 1
    renderer.close()
    assert len(lock.threads) > before and lock.held == 0
