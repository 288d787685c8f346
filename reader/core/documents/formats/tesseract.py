"""Tesseract as the other OCR engine, for machines where it is installed (it is not a Python package: `tesseract` must
be on PATH). It runs as a process per page and reports words with boxes and a 0–100 confidence in its TSV output."""

from __future__ import annotations

import io
import subprocess

from reader.core.documents.extracted import Word
from reader.core.documents.formats.ocr_errors import OcrUnavailable

LANGUAGE = "eng"
PAGE_TIMEOUT_S = 300


class TesseractEngine:
    """Words of a page through the `tesseract` program; lines keep tesseract's own grouping."""

    name = "tesseract"

    def __init__(self, executable: str):
        self._executable = executable

    def recognise(self, image) -> list[Word]:

        buffer = io.BytesIO()
        image.convert("L").save(buffer, "PNG")
        done = subprocess.run([self._executable, "stdin", "stdout", "-l", LANGUAGE, "tsv"], input=buffer.getvalue(),
                              capture_output=True, timeout=PAGE_TIMEOUT_S, check=False)
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise OcrUnavailable(f"tesseract failed: {message[-1] if message else done.returncode}")
        return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> list[Word]:
    """Word rows (level 5) of tesseract's TSV; a line is one (block, paragraph, line) triple."""
    words: list[Word] = []
    lines: dict[tuple[str, ...], int] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(cell) for cell in cells[6:10])
        group = lines.setdefault(tuple(cells[1:5]), len(lines))
        confidence = max(float(cells[10]), 0.0) / 100
        words.append(Word(cells[11].strip(), left, top, left + width, top + height, confidence, group))
    return words
