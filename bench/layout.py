"""The reading desk's width: characters a line in each text column with several sources side by side.

chars_per_line_2panes_1440: the median number of characters on a laid-out line of the sample texts, two panes in a
1440x900 window with the default layout (goal >= 45); also 1366x768 with two panes and 1920x1080 with three.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"chars_per_line_2panes_1440": (1440, 900, 2), "chars_per_line_2panes_1366": (1366, 768, 2),
         "chars_per_line_3panes_1920": (1920, 1080, 3)}


def characters_per_line(view) -> int:
    """The median length, in characters, of the full lines (not a paragraph's last) the view has laid out."""
    lengths = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() > 1:
            lengths += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    lengths.sort()
    return lengths[len(lengths) // 2] if lengths else 0


def desk(workspace, width: int, height: int, panes: int, folder: Path):
    """A window of that size with the default layout and the first `panes` documents open."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import build_window, settings_for

    window = build_window(workspace, settings_for(folder / f"desk-{width}-{panes}.db"))
    window.resize(width, height)
    window.show()
    for info in workspace.documents.list()[:panes]:
        window.reading_area.open_document(info.id)
    QApplication.processEvents()
    return window


def run() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace

    QApplication.instance() or QApplication([])
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "layout.db")
        workspace.documents.import_paths([ROOT / "texts"])
        for name, (width, height, panes) in SIZES.items():
            window = desk(workspace, width, height, panes, Path(folder))
            results[name] = min(characters_per_line(pane.view) for pane in window.reading_area.panes)
            window.close()
        workspace.close()
    return results
