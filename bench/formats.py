"""Formats: reading a generated 300-page text PDF, and OCR accuracy and speed on generated page images.

pdf_pages_per_s: pages a second through our PDF reader (text layer, boxes, layout, running heads).
pdf_import_ratio: a whole import of that PDF into a fresh workspace (reading, storing, boilerplate, metadata, search
    index) against bare pypdfium2 pulling every page's text in the same run; the goal is at most 2.0.
ocr_cer_clean, ocr_cer_noisy: character error rate (Levenshtein distance over the reference length, whitespace
    collapsed) on pages rendered at 300 dpi in DejaVu Serif, clean, and with noise, a 1° skew and a slight blur;
    goals 0.02 and 0.05.
ocr_s_per_page: seconds per page image through the OCR engine.
"""

from __future__ import annotations

import random
from pathlib import Path

PDF_PAGES = 300
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
WORDS = ("Genden", "Stalin", "Moscow", "Ulaanbaatar", "the", "lamas", "of", "and", "Party", "1934", "met", "treaty",
         "army", "protocol", "in", "was", "Choibalsan", "Molotov", "Japan", "border", "monastery", "delegation",
         "wool", "railway", "assistance", "revolution", "congress", "steppe", "minister", "purge")
OCR_LINES = [
    "In the spring of 1934 Genden travelled to Moscow, where he met",
    "Stalin and refused the demand to purge the Buddhist clergy.",
    "The talks lasted three days and ended without any agreement",
    "on the monasteries, the lamas or the Soviet troops in the east.",
    "Choibalsan, who had accompanied him, reported on the meeting",
    "to the Party; his account differs from Genden's in almost",
    "every respect, and the later histories followed his version.",
    "The Mongolian-Soviet protocol of 12 March 1936 bound the two",
    "states together for the decade that followed the purge.",
]


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "." for _ in range(count)]


def make_text_pdf(path: Path, pages: int = PDF_PAGES) -> Path:
    """A flowing text set by Qt's text engine, with a running head and a folio on every page."""
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    _app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setResolution(72)
    writer.setTitle("Generated history of Mongolia")
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 10))
    document.setPageSize(writer.pageLayout().paintRectPoints().size().toSizeF().shrunkBy(QMarginsF(72, 72, 72, 72)))
    rng = random.Random(11)
    document.setPlainText("\n".join(_paragraphs(rng, pages * 6)))
    width, height = document.pageSize().width(), document.pageSize().height()
    painter = QPainter(writer)
    for page in range(min(pages, document.pageCount())):
        if page:
            writer.newPage()
        painter.drawText(72, 40, "A GENERATED HISTORY OF MONGOLIA")
        painter.drawText(290, 810, str(page + 1))
        painter.save()
        painter.translate(72, 72 - page * height)
        document.drawContents(painter, QRectF(0, page * height, width, height))
        painter.restore()
    painter.end()
    return path
