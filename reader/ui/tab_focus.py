"""Where Tab and Shift+Tab may go: not into the panels behind another's tab, which Qt keeps 'visible', moved off
screen (F6 in focus_keys.py passes over them as well)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QDockWidget, QWidget


def behind_a_tab(widget: QWidget) -> bool:
    """Whether a widget lies in a panel behind another's tab: Qt keeps such a panel 'visible', moved off screen, so
    F6 and Tab went into the Metadata form behind the Note tab, and the next key typed replaced the title unseen
    (audit DA F1). A control scrolled out of its panel's view is not behind a tab: Tab scrolls to it."""
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget is not None and not widget.isFloating() and widget.visibleRegion().isEmpty()


def tab_past_hidden(step: Callable[[bool], bool], forward: bool) -> bool:
    """Tab or Shift+Tab (`step`, Qt's own move) on until the focus is on something in front: past every control of
    the panels behind a tab."""
    passed = []
    while step(forward):
        focused = QApplication.focusWidget()
        if focused is None or not behind_a_tab(focused) or focused in passed:  # all behind: stay where Qt went
            return True
        passed.append(focused)
    return False
