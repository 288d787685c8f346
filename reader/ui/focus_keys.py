"""Reaching every part of the window from the keyboard: F6 and Shift+F6 move the focus from one text to the next and
on through the panels shown, and View > Go to shows, raises and focuses any panel. No key had moved the focus into a
panel or from one text to the next, and Tab is no way round: it stays in a text, and a table takes it row by row.
Shift+F10 opens the focused part's context menu (keyboard_menus.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QScrollArea, QWidget

from reader.ui.keyboard_menus import give_letters, open_focused_context_menu
from reader.ui.tab_focus import behind_a_tab

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def install_focus_keys(window: MainWindow) -> None:
    """F6 / Shift+F6 and View > Go to (with each panel, in the order of the View menu)."""
    window.next_part_action = _action(window, "Next part of the window", "F6", lambda: _step(window, 1))
    window.previous_part_action = _action(window, "Previous part of the window", "Shift+F6",
                                          lambda: _step(window, -1))
    context_menu = _action(window, "Context menu of the focused part", "Shift+F10", open_focused_context_menu)
    context_menu.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # a floating panel is a window too
    go_to = window.view_menu.addMenu("&Go to")
    go_to.addActions([window.next_part_action, window.previous_part_action, context_menu])
    go_to.addSeparator()
    for dock in window.docks.values():
        go_to.addAction(dock.windowTitle(), lambda dock=dock: _go_to(window, dock))
    give_letters(window.view_menu)  # "&Go to" already has its letter; the panels take the same letters in both
    give_letters(go_to, like=window.view_menu)


def _action(window: MainWindow, text: str, key: str, slot) -> QAction:
    action = QAction(text, window, shortcut=QKeySequence(key))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


# the order a reader's eye goes round the window: the texts come between the panels on the left and on the right
_AREA_ORDER = {Qt.DockWidgetArea.TopDockWidgetArea: 0, Qt.DockWidgetArea.LeftDockWidgetArea: 1,
               Qt.DockWidgetArea.RightDockWidgetArea: 3, Qt.DockWidgetArea.BottomDockWidgetArea: 4}
_TEXTS, _ELSEWHERE = 2, 5


def _parts(window: MainWindow) -> list[QWidget]:
    """The panels shown (the tab in front of each group) and the texts, as the window is laid out: the panels on
    the left, the texts left to right, the panels on the right, then those along the bottom; within each, left to
    right, top down. Texts first, then the docks by position, took the Library on to Comparisons below it."""
    docks = [dock for dock in window.docks.values() if dock.isVisible() and dock.widget() is not None
             and not behind_a_tab(dock)]
    placed = [((_AREA_ORDER.get(window.dockWidgetArea(dock), _ELSEWHERE),
                *dock.mapTo(window, dock.rect().topLeft()).toTuple()), dock) for dock in docks]
    placed += [((_TEXTS, n, 0), pane) for n, pane in enumerate(getattr(window.reading_area, "panes", []))]
    return [part for _key, part in sorted(placed, key=lambda item: item[0])]


def _step(window: MainWindow, step: int) -> None:
    parts = _parts(window)
    if not parts:
        return
    focused = QApplication.focusWidget()
    here = next((n for n, part in enumerate(parts) if focused is part or part.isAncestorOf(focused)), -step)
    for ahead in range(1, len(parts) + 1):  # a part with nothing to focus is passed (F6 had stopped before it)
        if _focus_into(parts[(here + step * ahead) % len(parts)]):
            return


def _go_to(window: MainWindow, dock: QDockWidget) -> None:
    """Show and raise the panel (built now if it never was), then focus it once it is laid out."""
    window.raise_panel(dock.windowTitle())
    QTimer.singleShot(0, lambda: _focus_into(dock))


def _focus_into(part: QWidget) -> bool:
    """Focus a text's view, or the part's list or table when it lists something (its content: F6 into Comparisons
    landed on a filter above the list, whose Down key changed what the list showed, unseen), or else the first
    control that takes the focus by Tab (Search's box), or else a form's frame (a form with nothing chosen, its
    fields disabled); whether any took it."""
    view = getattr(part, "view", None)
    children = part.findChildren(QWidget)
    frames = [child for child in children if type(child) is QScrollArea]  # last: a form's first box comes first
    lists = [child for child in children if isinstance(child, QAbstractItemView) and child.model() is not None
             and child.model().rowCount() > 0]  # an empty list of hits took the words meant for the search box
    candidates = [view] if view is not None else [*lists, *(c for c in children if c not in frames), *frames]
    for widget in candidates:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
    return False

