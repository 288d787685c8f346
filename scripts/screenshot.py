"""Render docs/screenshot.png offscreen: two conflicting accounts side by side, with a note, a tag and a link.

Run with `make screenshot`; it builds a throwaway database from texts/, so the picture shows what a new user gets
after marking the two dates of the 1934 meeting as contradicting each other.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_QUOTE = ("000_8339fa2bec93c400.txt", "The two met on November 15, 1934.")
SECOND_QUOTE = ("002_ff824666d88bbe20.txt", "Soviet-Mongolian summit that took place on November 24, 1934")


def _annotate(workspace) -> int:
    """Two highlights with notes and a tag, linked as contradicting; returns the first one's id."""
    notes = ("Date of the meeting: **15 or 24 Nov?**", "")
    ids = []
    for (file_name, quote), note in zip((FIRST_QUOTE, SECOND_QUOTE), notes, strict=True):
        document = workspace.documents.resolve(file_name)
        annotation = workspace.annotations.create_at_quote(document.id, quote, note=note)
        workspace.annotations.set_tags(annotation.id, ["meeting-1934"])
        ids.append(annotation.id)
    workspace.links.link(ids[0], ids[1], "contradicts", "date of the meeting: 15 or 24 Nov?")
    return ids[0]


def main(target: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.workspace import Workspace
    from reader.ui.app import build_window, settings_for

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "screenshot.db")
        workspace.documents.import_paths([ROOT / "texts"])
        workspace.entities.recognise()
        first = _annotate(workspace)
        window = build_window(workspace, settings_for(workspace.path))
        window.resize(1600, 1000)
        window.show()
        app.processEvents()
        window.reading_area.show_annotation(first)
        window.reading_area.show_annotation(workspace.links.links_for(first)[0].other.id)
        window.reading_area.show_annotation(first, beside=True)
        app.processEvents()
        window.grab().save(str(target))
        window.close()
        workspace.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
