"""Render docs/parallels.png and docs/timeline.png offscreen: the Parallels panel for the 000 article and the
Timeline of the five sample articles, each grabbed from its widget in the real window.

Run with `QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python scripts/compare_screenshots.py`; it builds a
throwaway database from texts/.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = "000_8339fa2bec93c400.txt"


def main(folder_out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace
    from reader.ui.app import build_window, settings_for

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "screenshot.db")
        workspace.documents.import_paths([ROOT / "texts"])
        workspace.entities.recognise()
        workspace.parallels.prepare()
        window = build_window(workspace, settings_for(workspace.path))
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.reading_area.open_document(workspace.documents.resolve(DOCUMENT).id)
        window.raise_panel("Parallels")
        parallels = window.annotation_panels.parallels.widget()
        _wait(app, lambda: bool(parallels.suggestions))  # ranked in a worker
        _float(window.annotation_panels.parallels.dock, 1500, 620)
        parallels.table.selectRow(next(row for row, s in enumerate(parallels.suggestions)
                                       if s.relation == "contradicts"))
        app.processEvents()
        parallels.grab().save(str(folder_out / "parallels.png"))
        window.raise_panel("Timeline")
        timeline = window.annotation_panels.timeline.widget()
        _wait(app, lambda: bool(timeline.canvas.marks))  # read in a worker
        _float(window.annotation_panels.timeline.dock, 1500, 280)
        app.processEvents()
        timeline.zoom_box.setCurrentText("Fit")
        app.processEvents()
        timeline.grab().save(str(folder_out / "timeline.png"))
        window.close()
        workspace.close()


def _wait(app, done, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("a compare panel showed nothing in time")
        app.processEvents()
        time.sleep(0.02)


def _float(dock, width: int, height: int) -> None:
    """Take a dock out of the window at a size that shows its widget whole."""
    dock.setFloating(True)
    dock.resize(width, height)
    dock.show()


if __name__ == "__main__":
    main(ROOT / "docs")
