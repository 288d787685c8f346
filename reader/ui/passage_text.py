"""A document's text shown to choose a passage in (the link and cite dialogs, Choose another place…): read-only,
selected by the mouse or the keyboard, the selection taken whole words as a drag in a reading pane is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reader.core.ranges import as_dragged
from reader.ui.offsets import Utf16Map


class PassageText(QPlainTextEdit):
    """Read-only text with a caret and Shift+arrows (read-only, Qt gives the mouse alone: audit DA F2, DG 5); its
    selection in code points, tidied as a drag is (not " I. V. Stalin", nor "After Genden came to powe": audit CB F3,
    DG 1)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, readOnly=True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._text, self._offsets = "", Utf16Map("")

    def set_text(self, text: str) -> None:
        self._text, self._offsets = text, Utf16Map(text)
        self.setPlainText(text)

    def select(self, start: int, end: int) -> None:
        """Select [start, end) in code points, as a user's drag would."""
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), cursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in code points, whole words as a drag takes them, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return as_dragged(self._text, self._offsets.to_code_point(cursor.selectionStart()),
                          self._offsets.to_code_point(cursor.selectionEnd()))
