"""Scanned pages as image files (PNG, JPEG, TIFF): each image, or each frame of a multi-page TIFF, is one page.

Page sizes and boxes are in the image's pixels.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.ocr import OcrCache, OcrUnavailable, ocr_page
from reader.core.documents.formats.paged import PagedText
from reader.core.documents.formats.pdf import NO_OCR
from reader.core.errors import ImportFailed, stop_if

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "TIFF": "tiff"}


def read_image(path: Path, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, ocr_cache: OcrCache | None = None) -> Extracted:
    """Recognise the text of every page of an image file, or ImportFailed with one line saying why not."""
    pages = _pages(path)
    kind, total = next(pages)
    paged = PagedText()
    try:
        for index, page in enumerate(pages):
            stop_if(cancelled)
            if progress:
                progress(index, total, f"{path.name}: page {index + 1} of {total}")
            paged.add_page("", page.width, page.height, "ocr", ocr_page(page, ocr_cache))
    except OcrUnavailable as exc:
        raise ImportFailed(str(path), NO_OCR.format(reason=exc)) from exc
    extracted = paged.finish(kind, {})
    if not extracted.text.strip():
        raise ImportFailed(str(path), "no text found on this image")
    return extracted


def _pages(path: Path) -> Iterator:
    """First (format, page count), then each page as an RGB image; a file Pillow cannot read fails in one line."""
    from PIL import Image, ImageSequence

    with _read_by_pillow(path):
        image = Image.open(path)
    with image:
        with _read_by_pillow(path):
            kind = IMAGE_FORMATS.get(image.format or "")
            if kind is None:
                raise ImportFailed(str(path), f"unsupported image format {image.format} (use PNG, JPEG or TIFF)")
            total = getattr(image, "n_frames", 1)
        yield kind, total
        frames = ImageSequence.Iterator(image)
        while True:
            with _read_by_pillow(path):
                frame = next(frames, None)
                page = frame.convert("RGB") if frame is not None else None
            if page is None:
                return
            yield page


@contextmanager
def _read_by_pillow(path: Path) -> Iterator[None]:
    """Pillow's failures as one line. A damaged file makes Pillow warn as well as fail (a scanner's TIFF cut off in
    copying: "Corrupt EXIF data", then a TypeError): the line says it all, so its warnings are not printed."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        except Image.DecompressionBombError as exc:  # Pillow's guard: a huge image would take gigabytes to read
            raise ImportFailed(str(path), f"the image is {_pixels(exc)}, more than can be read "
                                          f"({2 * Image.MAX_IMAGE_PIXELS:,} pixels): scale it down or cut it into "
                                          "pages, then import it again") from exc
        except (UnidentifiedImageError, OSError, SyntaxError, TypeError, ValueError, EOFError) as exc:
            raise ImportFailed(str(path), f"damaged or truncated image: it cannot be read ({exc})") from exc


def _pixels(error: Exception) -> str:
    """How large Pillow found the image, from its message ('Image size (300000000 pixels) exceeds limit ...')."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return f"{int(found.group(1)):,} pixels" if found else "too large"
