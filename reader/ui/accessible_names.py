"""Names for screen readers, from what a sighted user reads for each control.

Why: 45 controls the Tab key reaches were announced as nothing ("edit text", "table") or as their glyph ("◀", "✕",
"⤢"): filter boxes known by their placeholder, buttons by their tooltip, lists by the label above them or their
panel's title. Naming each by hand where it is built was never done; naming every control of a panel once it is
built, by those same rules, keeps the names from falling behind the panels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def name_controls(root: QWidget, title: str) -> None:
    """Give every control under `root` that the Tab key reaches, and that has no name a listener can act on, the
    one a sighted user reads for it; `title`: the panel's (or the text's), the last resort."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not _named(widget):
            widget.setAccessibleName(_name_of(widget, title))


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
