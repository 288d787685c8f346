"""Page images at screen resolution: PDF pages through pypdfium2, scans and photos through Pillow, kept in a small
cache so going back and forth between pages, or repainting highlights, never renders a page twice.

Loaded only when a pane first shows a page: neither library is touched at window start.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QImage

from reader.core.documents.formats.pdfium_lock import PDFIUM
from reader.core.documents.page_images import why_no_page_images

CACHED_PAGES = 12


class PageUnavailable(Exception):
    """The page image cannot be drawn; the message is the one line the page view shows."""


class PageRenderer:
    """Renders pages of one source file; `render(index, width)` gives a QImage `width` pixels wide."""

    def __init__(self, path: str):
        self.path = Path(path) if path else None
        self._pdf = None
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()

    def check(self) -> None:
        """Raise PageUnavailable when the file the pages came from is gone or was never recorded."""
        if self.path is None or not self.path.is_file():
            raise PageUnavailable(why_no_page_images(str(self.path or "")))

    def render(self, index: int, width: int) -> QImage:
        key = (index, max(16, width))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        self.check()
        image = self._render_pdf(index, key[1]) if self._is_pdf() else self._render_image(index, key[1])
        self._cache[key] = image
        while len(self._cache) > CACHED_PAGES:
            self._cache.popitem(last=False)
        return image

    def close(self) -> None:
        if self._pdf is not None:
            with PDFIUM:
                self._pdf.close()
            self._pdf = None
        self._cache.clear()

    def _is_pdf(self) -> bool:
        with open(self.path, "rb") as file:
            return file.read(5) == b"%PDF-"

    def _render_pdf(self, index: int, width: int) -> QImage:
        import pypdfium2 as pdfium

        try:
            with PDFIUM:  # an import may be reading a PDF in a worker: pdfium runs in one thread at a time
                if self._pdf is None:
                    self._pdf = pdfium.PdfDocument(str(self.path))
                page = self._pdf[index]
                try:
                    bitmap = page.render(scale=width / page.get_width())
                    image = bitmap.to_pil().copy()
                    bitmap.close()
                finally:
                    page.close()
            return _to_qimage(image)
        except pdfium.PdfiumError as exc:  # pdfium's own words ('Failed to load document (PDFium: …)') say nothing
            raise PageUnavailable(why_no_page_images(str(self.path))
                                  or f"The page image cannot be shown: {self.path.name} cannot be opened.") from exc

    def _render_image(self, index: int, width: int) -> QImage:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(self.path) as image:
                image.seek(index)
                height = max(1, round(image.height * width / image.width))
                return _to_qimage(image.convert("RGB").resize((width, height), Image.Resampling.BILINEAR))
        except (OSError, EOFError, UnidentifiedImageError) as exc:
            raise PageUnavailable(f"The page image cannot be shown: {self.path.name} cannot be read as an image "
                                  "(damaged, or changed since it was imported).") from exc


def _to_qimage(image) -> QImage:
    """A Pillow RGB image as a QImage that owns its pixels (the bytes object it is built over goes away)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888).copy()
