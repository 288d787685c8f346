"""What a screen reader announces: every control the Tab key reaches has a name a listener can act on."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

PANELS = ("Entities", "Search", "Note", "Mentions", "Source criticism", "Needs review", "Notebook", "Parallels",
          "Timeline", "Comparisons", "Library", "Metadata")


def _unnamed(widgets, qtbot) -> list[str]:
    """The controls that say nothing when they take the focus (when a screen reader says their name)."""
    found = []
    for widget in widgets:
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue  # a proxy's owner (the timeline's scroll area) gives the focus to the proxy, asked itself
        widget.setFocus()
        if not widget.isEnabled():
            continue
        qtbot.waitUntil(widget.hasFocus, timeout=1000)
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface else ""
        if not any(ch.isalnum() for ch in name):
            found.append(f"{type(widget).__name__} {name!r} {widget.toolTip()[:40]!r}")
    return found


def test_every_control_the_tab_key_reaches_has_a_name(window, qtbot):
    """45 controls were announced as nothing, or as their glyph ("◀", "✕", "⤢"): the filter boxes, the tables, the
    note box, the colour buttons, the panes' buttons. Each now says, as it takes the focus, the name a sighted user
    reads for it: its placeholder, its tooltip, the label it follows, or its panel's title."""
    area = window.reading_area
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    area.open_document(window.workspace.documents.list()[1].id)
    unnamed = []
    for title in PANELS:
        window.raise_panel(title)
        dock = window.docks[title.lower().replace(" ", "_") + "_dock"]
        qtbot.waitUntil(lambda dock=dock: dock.widget() is not None and dock.widget().isVisible())
        unnamed += [f"[{title}] {name}" for name in _unnamed(dock.findChildren(QWidget), qtbot)]
    unnamed += [f"[pane] {name}" for name in _unnamed(area.findChildren(QWidget), qtbot)]
    assert unnamed == [], "\n".join(unnamed)


def test_a_control_deleted_as_it_takes_the_focus_is_left_unnamed(qtbot):
    """A combo box's popup list, deleted as the focus reached it, was named anyway: Qt raised "Internal C++ object
    already deleted" and the window said something went wrong inside the program (twice in a minute of linking)."""
    import shiboken6
    from PySide6.QtWidgets import QListView

    from reader.ui.accessible_names import _Namer

    gone = QListView()
    shiboken6.delete(gone)
    _Namer().name_focused(None, gone)  # raised RuntimeError


def test_an_input_dialogs_choice_box_is_named_without_a_fault(window, qtbot):
    """Split… asks which name to split off in an input dialog, which replaces its combo box as it opens: the old box,
    focused and deleted while being named, made the window say "something went wrong inside the program"."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    window.activateWindow()
    QTimer.singleShot(300, lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().accept())
    QInputDialog.getItem(window, "Split off a name", "Make an entity of its own of:", ["Satlin", "Stalin"], 0, False)
    assert "went wrong" not in window.statusBar().currentMessage()


def test_no_two_entries_of_a_menu_share_their_access_key(window):
    """Alt+E, T opened the Trash where Manage tags was meant (both had T): a menu's access keys are its own each."""
    import re

    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    for menu in menus:
        keys = [match.group(1).casefold() for action in menu.actions()
                if (match := re.search(r"&([^&])", action.text()))]
        assert len(keys) == len(set(keys)), (menu.title(), keys)
