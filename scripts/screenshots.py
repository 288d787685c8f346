"""Screenshots of the reading desk in a real X window: `make screenshots` runs this under Xvfb once per screen size.

`python scripts/screenshots.py WIDTH HEIGHT` (on a display of that size) writes docs/desk-WIDTHxHEIGHT-2panes.png
and -3panes.png: two and three accounts of the 1934 meeting side by side, a highlight on a date, a note with tags
and a link, the Note inspector showing it. The 1440x900 two-pane one is also docs/screenshot.png (the README's).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUOTES = (("000_8339fa2bec93c400.txt", "November 15, 1934", "Date of the meeting: **15 or 24 Nov?**"),
          ("002_ff824666d88bbe20.txt", "November 24, 1934", ""),
          ("001_c9451cbdf41c54f1.txt", "slapped Stalin", "A slap, or a snatched pipe?"))


def _annotate(workspace) -> list[int]:
    """A highlight on each date (tagged, noted) linked as contradicting, and a third passage; returns their ids."""
    ids = []
    for file_name, quote, note in QUOTES:
        document = workspace.documents.resolve(file_name)
        annotation = workspace.annotations.create_at_quote(document.id, quote, note=note,
                                                           tags=["meeting-1934", "dates"])
        ids.append(annotation.id)
    workspace.links.link(ids[0], ids[1], "contradicts", "15 or 24 November?")
    workspace.links.link(ids[2], ids[0], "see_also")
    return ids


def shoot(width: int, height: int, panes: int, workspace, ids: list[int], folder: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    from bench.layout import desk

    window = desk(workspace, width, height, 0, folder / str(panes))
    if QApplication.primaryScreen().size().width() == width:
        window.showMaximized()
    for annotation_id in ids[:panes]:
        window.reading_area.show_annotation(annotation_id)  # beside the others
    window.reading_area.panes[0].select_annotation(ids[0])
    for pane in window.reading_area.panes:  # the flash of the passages just opened would hide their highlights
        pane.view.setExtraSelections([])
        pane.view.select_range(0, 0)
    QApplication.processEvents()
    target = ROOT / "docs" / f"desk-{width}x{height}-{panes}panes.png"
    window.grab().save(str(target))
    window.close()
    return target


def main(width: int, height: int) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "screenshots.db")
        workspace.documents.import_paths([ROOT / "texts"])
        workspace.entities.recognise()
        ids = _annotate(workspace)
        for panes in (2, 3):
            (Path(folder) / str(panes)).mkdir()
            written = shoot(width, height, panes, workspace, ids, Path(folder))
            print(written)
            if (width, height, panes) == (1440, 900, 2):
                shutil.copy(written, ROOT / "docs" / "screenshot.png")
        workspace.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
