"""Reading view on a long text: a generated 3 MB document with 40,000 entity ranges against the same plain text.

Both are opened in a real pane (offscreen) in the same run; `open` is until the first paint, `scroll` pages down
through the whole text, painting every page. Ratios near 1 mean the ranges cost nothing the reader would notice.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
from pathlib import Path

from reader.core.records.documents import Span

TARGET_CHARS = 3_000_000
RANGES = 40_000
WORDS = ("Genden", "Stalin", "Moscow", "Ulaanbaatar", "the", "lamas", "of", "and", "Party", "1934", "met",
         "treaty", "army", "protocol", "in", "was", "Choibalsan", "Molotov", "Japan", "border")
TYPES = ("PERSON", "PLACE", "ORG", "DATE")


def _text() -> str:
    rng = random.Random(7)
    lines, size = [], 0
    while size < TARGET_CHARS:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))) + "."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


def _spans(text: str) -> list[Span]:
    step = len(text) // RANGES
    return [Span(i * step, i * step + 6, "mention", TYPES[i % 4], i) for i in range(RANGES)]


def _measure(window, document_id: int) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    pane = window.reading_area.open_document(document_id)
    pane.view.viewport().repaint()
    opened = time.perf_counter() - start
    bar = pane.view.verticalScrollBar()
    pages = 0
    start = time.perf_counter()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        pane.view.viewport().repaint()
        QApplication.processEvents()
        pages += 1
    per_page = (time.perf_counter() - start) / max(1, pages)
    window.reading_area.close_pane(pane)
    return opened, per_page


def run() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace
    from reader.ui.app import build_window, settings_for

    app = QApplication.instance() or QApplication([])
    text = _text()
    spans = _spans(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        workspace = Workspace.open(Path(folder) / "bench.db")
        document_id = workspace.documents.import_paths([path]).outcomes[0].document_id
        window = build_window(workspace, settings_for(workspace.path))
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        plain_open, plain_page = _measure(window, document_id)
        window.reading_area.services.providers.append(lambda doc: spans if doc == document_id else [])
        ranged_open, ranged_page = _measure(window, document_id)
        window.close()
        workspace.close()
    return {
        "open_ratio": ranged_open / plain_open, "scroll_ratio": ranged_page / plain_page, "open_s": ranged_open,
        "scroll_ms_per_page": ranged_page * 1000,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
