"""Where a reading view is: shared by the tests of reopening, restoring and resizing panes."""

from PySide6.QtGui import QTextCursor


def at_top(view, place: int) -> bool:
    """Whether the line holding `place` (a code-point offset) is the first line shown: where the reader was."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(place))
    return 0 <= view.cursorRect(cursor).top() < view.fontMetrics().lineSpacing()
