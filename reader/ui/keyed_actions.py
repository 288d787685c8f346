"""Actions made from a table of keys, each table saying where its keys work: the widget makes its actions from the
table, and Help > Keyboard shortcuts lists the table (with where) before the widget is first built. L links in a
document pane, in Parallels and in Comparisons' suggestions, each its own way: the list must say which is which."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

WHERE = "where"  # the action's property naming where its keys work; window-wide actions have none
ANYWHERE = "Anywhere"


@dataclass(frozen=True)
class KeyTable:
    """Where the keys work (as the user names that part of the window), and each action's name, text and keys."""

    place: str
    actions: dict[str, tuple[str, tuple[str, ...]]]


def keyed_action(widget: QWidget, table: KeyTable, name: str, slot: Callable[[], object],
                 context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut) -> QAction:
    """Action `name` of the table, on `widget` (its keys live only there, or inside it, as `context` says)."""
    text, keys = table.actions[name]
    action = QAction(text, widget, shortcutContext=context)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setProperty(WHERE, table.place)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


def where(action: QAction) -> str:
    return action.property(WHERE) or ANYWHERE


def keyed_menu(widget: QWidget, table: KeyTable, slots: dict[str, Callable[[], object]]) -> None:
    """Every action of the table on `widget`, its keys live there only, and the same actions as its context menu
    (the keys and the menu say the same things)."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for name, slot in slots.items():
        keyed_action(widget, table, name, slot)
