"""Names for screen readers, from what a sighted user reads for each control.

Why: 45 controls the Tab key reaches were announced as nothing ("edit text", "table") or as their glyph ("◀", "✕",
"⤢"): filter boxes known by their placeholder, buttons by their tooltip, lists by the label above them or their
panel's title. A control is named by those rules when it first takes the focus, which is when a screen reader says
its name: naming every control as it was built cost the window's start 6 ms, and missed those built later.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def name_on_focus(window: QWidget) -> None:
    """Name each control, the first time it takes the focus while `window` lives, if it has no name a listener can
    act on."""
    QApplication.instance().focusChanged.connect(_Namer(window).name_focused)


class _Namer(QObject):
    """Owned by the window, so the connection goes with it."""

    def name_focused(self, _old: QWidget | None, widget: QWidget | None) -> None:
        """A control being deleted as the focus reaches it (a combo box's popup list, the box an input dialog
        replaces as it opens) is left alone: touched, it raised "already deleted", said as a fault of the program."""
        if widget is None or not shiboken6.isValid(widget):
            return
        try:
            if not _named(widget):
                widget.setAccessibleName(_name_of(widget, _panel_title(widget)))
        except RuntimeError:  # deleted while named (an input dialog replacing its combo box as it opens)
            if shiboken6.isValid(widget):
                raise


def _panel_title(widget: QWidget) -> str:
    """The title of the panel the control is in, else of its window: a name of last resort."""
    parent = widget
    while parent is not None and not isinstance(parent, QDockWidget):
        parent = parent.parentWidget()
    return parent.windowTitle() if parent is not None else widget.window().windowTitle()


def _named(widget: QWidget) -> bool:
    """Whether the name Qt announces already says something: set by hand, or a button's words."""
    said = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    return any(ch.isalnum() for ch in said)


def _name_of(widget: QWidget, title: str) -> str:
    if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
        return _name_of(widget.parentWidget(), title)  # an editable box's own line: the box's name
    placeholder = widget.placeholderText() if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)) else ""
    tooltip = widget.toolTip().split("\n")[0]
    if isinstance(widget, QAbstractButton):
        return tooltip or title
    if isinstance(widget, QAbstractItemView) or not (placeholder or tooltip):
        return _label_before(widget) or title
    return _tidy(placeholder) or _label_before(widget) or tooltip


def _tidy(placeholder: str) -> str:
    return placeholder.rstrip("….").strip()


def _label_before(widget: QWidget) -> str:
    """The words of the label the control is laid out after (or a form's label of its row)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    label = _label_in(layout, widget)
    return label.text().replace("&", "").rstrip(":").strip() if label is not None else ""


def _label_in(layout: QLayout, widget: QWidget) -> QLabel | None:
    if isinstance(layout, QFormLayout) and isinstance(layout.labelForField(widget), QLabel):
        return layout.labelForField(widget)
    before = None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return before if isinstance(before, QLabel) and before.text().strip() else None
        if item.layout() is not None and (found := _label_in(item.layout(), widget)) is not None:
            return found
        before = item.widget() or before
    return None
