"""What a screen reader announces: every control the Tab key reaches has a name a listener can act on."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

PANELS = ("Entities", "Search", "Note", "Mentions", "Source criticism", "Needs review", "Notebook", "Parallels",
          "Timeline", "Comparisons", "Library", "Metadata")


def _unnamed(widgets) -> list[str]:
    found = []
    for widget in widgets:
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not any(ch.isalnum() for ch in name):
            found.append(f"{type(widget).__name__} {name!r} {widget.toolTip()[:40]!r}")
    return found


def test_every_control_the_tab_key_reaches_has_a_name(window, qtbot):
    """45 controls were announced as nothing, or as their glyph ("◀", "✕", "⤢"): the filter boxes, the tables, the
    note box, the colour buttons, the panes' buttons. Each now has the name a sighted user reads for it: its
    tooltip, its placeholder, or its panel's title."""
    area = window.reading_area
    area.open_document(window.workspace.documents.list()[1].id)
    unnamed = []
    for title in PANELS:
        window.raise_panel(title)
        dock = window.docks[title.lower().replace(" ", "_") + "_dock"]
        qtbot.waitUntil(lambda dock=dock: dock.widget() is not None and dock.widget().isVisible())
        unnamed += [f"[{title}] {name}" for name in _unnamed(dock.findChildren(QWidget))]
    unnamed += [f"[pane] {name}" for name in _unnamed(area.findChildren(QWidget))]
    assert unnamed == [], "\n".join(unnamed)
