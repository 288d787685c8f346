"""Render docs/scan_page.png offscreen: a scanned archival page beside its OCR text, one passage highlighted on both.

The scan is made here (serif type on toned paper at 300 dpi, speckle and a slight skew), imported through OCR like
any image, and shown in a pane set to "Both".
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = [
    "MINISTRY OF FOREIGN AFFAIRS, ULAANBAATAR",
    "",
    "Report on the visit to Moscow, November 1934.",
    "",
    "In November 1934 the Prime Minister Genden",
    "travelled to Moscow, where he met Stalin and",
    "refused to purge the Buddhist lamas. The talks",
    "lasted three days and ended without agreement",
    "on the monasteries or on the Soviet troops.",
    "Choibalsan, who had accompanied him, reported",
    "on the meeting to the Party; his account differs",
    "from Genden's in almost every respect.",
]
PASSAGE = "refused to purge the Buddhist lamas"


def make_scan(path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(SERIF, 46)
    image = Image.new("RGB", (1400, 1000), (236, 228, 208))
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(LINES):
        draw.text((90, 80 + 70 * row), line, font=font, fill=(40, 34, 30))
    rng = random.Random(7)
    pixels = image.load()
    for _ in range(image.width * image.height // 300):
        shade = rng.choice((90, 150, 200))
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = (shade, shade - 6, shade - 14)
    image.rotate(0.6, expand=False, fillcolor=(236, 228, 208), resample=Image.Resampling.BICUBIC).save(path)
    return path


def main(target: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace
    from reader.ui.app import build_window, settings_for

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        scan = make_scan(Path(folder) / "report_1934.png")
        workspace = Workspace.open(Path(folder) / "scan.db")
        report = workspace.documents.import_paths([scan])
        print("\n".join(outcome.message for outcome in report.outcomes))
        document_id = workspace.documents.resolve(scan.name).id
        text = workspace.documents.text(document_id).text
        print(text)
        start = text.find(PASSAGE)
        if start < 0:
            raise SystemExit(f"OCR did not read '{PASSAGE}' exactly; nothing to highlight")
        workspace.annotations.create(document_id, start, start + len(PASSAGE), color="yellow",
                                     note="He refused: Genden's own account.")
        window = build_window(workspace, settings_for(workspace.path))
        window.resize(1600, 900)
        for name, dock in window.docks.items():
            dock.setVisible(name == "library_dock")
        window.show()
        pane = window.reading_area.open_document(document_id)
        pane.page_mode.set_mode("both")
        pane.splitter.setSizes([900, 600, 250])
        app.processEvents()
        pane.view.select_range(start, start)
        app.processEvents()
        window.grab().save(str(target))
        window.close()
        workspace.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "scan_page.png")
