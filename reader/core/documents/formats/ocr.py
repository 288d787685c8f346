"""Recognising text on page images: words with boxes (pixels, top-left origin) and a confidence each.

rapidocr-onnxruntime is the engine: its models ship inside the wheel, so nothing is ever downloaded (tesseract, where
installed, can be chosen instead: `tesseract.py`). It is loaded on
the first scanned page, once per process, because loading costs more than a page. Results can be kept in a cache
keyed by the SHA-256 of the image's pixels, so importing the same scan again does not recognise it again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import MutableMapping
from typing import Protocol

from reader.core.documents.extracted import Word
from reader.core.documents.formats.ocr_errors import OcrUnavailable

MAX_TILT = 0.18  # about 10°: a page fed in askew is tilted less; a stamp or a note set at an angle may be more
UNCERTAIN_BELOW = 0.8  # a word whose least sure character is under this is marked uncertain
OCR_DPI = 300
ENGINE_VARIABLE = "ANNOTATED_READER_OCR"

OcrCache = MutableMapping[str, list]


class OcrEngine(Protocol):
    name: str

    def recognise(self, image) -> list[Word]: ...


_engine: OcrEngine | None = None


def load_engine() -> OcrEngine:
    """The process's OCR engine, loaded on first use: rapidocr, or tesseract when ANNOTATED_READER_OCR=tesseract;
    each stands in for the other when it cannot load. OcrUnavailable, with both reasons, when neither can."""
    global _engine
    if _engine is None:
        preferred = os.environ.get(ENGINE_VARIABLE, "rapidocr").strip().lower()
        loaders = [_load_tesseract, _load_rapidocr] if preferred == "tesseract" else [_load_rapidocr, _load_tesseract]
        reasons = []
        for load in loaders:
            try:
                _engine = load()
                break
            except OcrUnavailable as exc:
                reasons.append(str(exc))
        else:
            raise OcrUnavailable("; ".join(reasons))
    return _engine


def _load_tesseract() -> OcrEngine:
    from reader.core.documents.formats.tesseract import TesseractEngine

    executable = shutil.which("tesseract")
    if executable is None:
        raise OcrUnavailable("tesseract is not on PATH")
    return TesseractEngine(executable)


def _load_rapidocr() -> OcrEngine:
    try:
        from rapidocr_onnxruntime import RapidOCR
        return RapidEngine(RapidOCR())
    except Exception as exc:  # an import error, a missing model or a broken onnxruntime all mean "no engine"
        raise OcrUnavailable(f"rapidocr could not load: {type(exc).__name__}: {exc}") from exc


def ocr_page(image, cache: OcrCache | None = None) -> list[Word]:
    """Words recognised on a PIL image, from `cache` when the same pixels were recognised before."""
    key = image_key(image)
    if cache is not None and key in cache:
        return [Word(*fields) for fields in cache[key]]
    words = load_engine().recognise(image)
    if cache is not None:
        cache[key] = [[w.text, w.x0, w.y0, w.x1, w.y1, w.confidence, w.group] for w in words]
    return words


def image_key(image) -> str:
    """SHA-256 of the pixels with their mode and size: the same page image gives the same key in any file."""
    digest = hashlib.sha256(f"{image.mode}:{image.size}:".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


class RapidEngine:
    """rapidocr's text lines cut into words with the per-character boxes and confidences it returns.

    rapidocr shrinks a page whose longer side is over 2,000 px (a 300 dpi A4 page is 3,508) before it finds the lines,
    and by default reads each line from that shrunk page too: word gaps of book type became a pixel or two of blur and
    the recogniser ran whole lines into one word. Lines are still found on the shrunk page (finding them at full size
    takes four times as long), but each is read from the page at its own resolution."""

    name = "rapidocr"

    def __init__(self, ocr):
        self._ocr = ocr

    def recognise(self, image) -> list[Word]:
        import numpy as np

        pixels = np.ascontiguousarray(np.asarray(image.convert("RGB"))[:, :, ::-1])  # OpenCV's BGR order
        boxes, _ = self._ocr(pixels, use_cls=False, use_rec=False)
        lines = self._read_lines(pixels, boxes) if boxes else []
        return join_pieces([line_words(line, group) for group, line in enumerate(lines)])

    def _read_lines(self, pixels, boxes: list) -> list[list]:
        """Each found line (its four corners in page pixels) read from its crop of the full page, as rapidocr's own
        results are: [box, text, score, character boxes, characters, confidences], those it is unsure of left out."""
        import numpy as np

        ocr = self._ocr
        corners = [np.array(box, dtype=np.float32) for box in boxes]
        crops = ocr.get_crop_img_list(pixels, corners)
        read, _ = ocr.text_rec(crops, True)
        lines = ocr.cal_rec_boxes(crops, corners, read)
        return [[box, *line] for box, line in zip(boxes, lines, strict=True) if float(line[1]) >= ocr.text_score]


def join_pieces(pieces: list[list[Word]]) -> list[Word]:
    """One line the detector cut into pieces (side by side, often overlapping by a letter read twice) made one line
    again: same group, words left to right, a word read twice where the pieces overlap kept once (the longer).
    Pieces are compared as they lie along the page's tilt (`_tilt`): on a page fed in askew, a line's upright box
    reaches into the next line's, and two printed lines were taken for one, their words dropped as read twice."""
    tilt = _tilt(pieces)
    lines: list[tuple[list[Word], float, float]] = []  # words, top and bottom along the tilt
    for top, bottom, piece in sorted(((*_extent(p, tilt), p) for p in pieces if p), key=lambda item: item[0]):
        home = next((n for n, line in enumerate(lines) if _same_row(line[1], line[2], top, bottom)), None)
        if home is None:
            lines.append((list(piece), top, bottom))
        else:
            words, line_top, line_bottom = lines[home]
            lines[home] = (words + piece, min(line_top, top), max(line_bottom, bottom))
    words: list[Word] = []
    for group, (line, _top, _bottom) in enumerate(lines):
        kept: list[Word] = []
        for word in sorted(line, key=lambda w: w.x0):
            if kept and _read_twice(kept[-1], word):
                kept[-1] = max(kept[-1], word, key=lambda w: len(w.text))
            else:
                kept.append(word)
        words.extend(w._replace(group=group) for w in kept)
    return words


def _tilt(pieces: list[list[Word]]) -> float:
    """How far the page's lines drop per pixel across: the median of its pieces' slopes, each counted as long as
    it runs (a stamp's short lines at 18° outvoted a telegram's two long ones), among those no steeper than a page
    fed in askew is (MAX_TILT); 0 for a page scanned straight."""
    slopes = []
    for piece in pieces:
        if len(piece) > 1:
            first, last = min(piece, key=lambda w: w.x0), max(piece, key=lambda w: w.x1)
            across = (last.x0 + last.x1 - first.x0 - first.x1) / 2
            slope = (last.y0 + last.y1 - first.y0 - first.y1) / 2 / across if across > 0 else None
            if slope is not None and abs(slope) <= MAX_TILT:
                slopes.append((slope, last.x1 - first.x0))
    slopes.sort()
    half, run = sum(length for _slope, length in slopes) / 2, 0.0
    for slope, length in slopes:
        run += length
        if run >= half:
            return slope
    return 0.0


def _extent(piece: list[Word], tilt: float) -> tuple[float, float]:
    """A piece's top and bottom once the tilt is taken out (each word lowered or raised by it at its middle)."""
    levels = [tilt * (w.x0 + w.x1) / 2 for w in piece]
    return (min(w.y0 - level for w, level in zip(piece, levels, strict=True)),
            max(w.y1 - level for w, level in zip(piece, levels, strict=True)))


def _same_row(top: float, bottom: float, piece_top: float, piece_bottom: float) -> bool:
    overlap = min(bottom, piece_bottom) - max(top, piece_top)
    return overlap > 0.6 * min(bottom - top, piece_bottom - piece_top)


def _read_twice(left: Word, right: Word) -> bool:
    overlap = min(left.x1, right.x1) - max(left.x0, right.x0)
    return overlap > 0.5 * min(left.x1 - left.x0, right.x1 - right.x0)


def line_words(line: list, group: int) -> list[Word]:
    """Words of one recognised line; per-character boxes when the engine gave them, else the line cut evenly."""
    box, text, score = line[0], line[1], float(line[2])
    chars = line[4] if len(line) > 4 else []
    if len(line) > 5 and chars and len(chars) == len(line[3]) == len(line[5]) and "".join(chars) == text:
        return _from_chars(line[3], chars, line[5], group)
    return _even_split(box, text, score, group)


def _from_chars(boxes: list, chars: list[str], confidences: list[float], group: int) -> list[Word]:
    words: list[Word] = []
    current: list[int] = []
    for index, char in enumerate([*chars, " "]):
        if not char.isspace():
            current.append(index)
            continue
        if current:
            xs = [p[0] for i in current for p in boxes[i]]
            ys = [p[1] for i in current for p in boxes[i]]
            text = "".join(chars[i] for i in current)
            confidence = min(float(confidences[i]) for i in current)
            words.append(Word(text, min(xs), min(ys), max(xs), max(ys), confidence, group))
        current = []
    return words


def _even_split(box: list, text: str, score: float, group: int) -> list[Word]:
    """Cut a line's box among its words in proportion to their length (the engine gave no character boxes)."""
    xs, ys = [p[0] for p in box], [p[1] for p in box]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    per_char = (x1 - x0) / max(1, len(text))
    words, offset = [], 0
    for token in text.split(" "):
        if token:
            start = x0 + offset * per_char
            words.append(Word(token, start, y0, start + len(token) * per_char, y1, score, group))
        offset += len(token) + 1
    return words
