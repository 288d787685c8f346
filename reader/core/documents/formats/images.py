"""Scanned pages as image files (PNG, JPEG, TIFF): each image, or each frame of a multi-page TIFF, is one page.

Page sizes and boxes are in the image's pixels.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from reader.core.documents.extracted import Extracted
from reader.core.documents.formats.ocr import OcrCache, OcrUnavailable, ocr_page
from reader.core.documents.formats.paged import PagedText
from reader.core.documents.formats.pdf import NO_OCR
from reader.core.errors import ImportCancelled, ImportFailed

IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpeg", "TIFF": "tiff"}


def read_image(path: Path, progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, ocr_cache: OcrCache | None = None) -> Extracted:
    """Recognise the text of every page of an image file, or ImportFailed with one line saying why not."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            kind = IMAGE_FORMATS.get(image.format or "")
            if kind is None:
                raise ImportFailed(str(path), f"unsupported image format {image.format} (use PNG, JPEG or TIFF)")
            paged = PagedText()
            total = getattr(image, "n_frames", 1)
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if cancelled and cancelled():
                    raise ImportCancelled()
                if progress:
                    progress(index, total, f"{path.name}: page {index + 1} of {total}")
                page = frame.convert("RGB")
                paged.add_page("", page.width, page.height, "ocr", ocr_page(page, ocr_cache))
    except Image.DecompressionBombError as exc:  # Pillow's guard: a huge image would take gigabytes to read
        raise ImportFailed(str(path), f"the image is {_pixels(exc)}, more than can be read "
                                      f"({2 * Image.MAX_IMAGE_PIXELS:,} pixels): scale it down or cut it into "
                                      "pages, then import it again") from exc
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ImportFailed(str(path), f"damaged or truncated image: it cannot be read ({exc})") from exc
    except OcrUnavailable as exc:
        raise ImportFailed(str(path), NO_OCR.format(reason=exc)) from exc
    extracted = paged.finish(kind, {})
    if not extracted.text.strip():
        raise ImportFailed(str(path), "no text found on this image")
    return extracted


def _pixels(error: Exception) -> str:
    """How large Pillow found the image, from its message ('Image size (300000000 pixels) exceeds limit ...')."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return f"{int(found.group(1)):,} pixels" if found else "too large"
