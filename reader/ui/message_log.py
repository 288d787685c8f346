"""Help > Recent messages: the status bar's lines, kept with their time. A line goes after a few seconds and one wider
than the bar is cut at its edge (whole only in a tooltip, which needs a mouse): a refusal or a warning must be
readable again, whole, from the keyboard."""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

KEPT = 200  # lines; a session's messages are short, and the oldest matter least
NONE_YET = "No messages yet."


class MessageLog:
    """The lines shown, oldest first: a line shown again at once (the bar not emptied between) is kept once, one
    shown again later is kept again, with its time (the same refusal met twice had been listed once, audit DJ 3)."""

    def __init__(self):
        self._lines: deque[str] = deque(maxlen=KEPT)
        self._shown = ""  # the bar's line now, "" once it emptied

    def keep(self, line: str) -> str:
        """Keep the line the bar shows now; returns it as listed, or '' when it is not kept again."""
        again, self._shown = line == self._shown, line
        if not line or again:
            return ""
        self._lines.append(f"{datetime.now().strftime('%H:%M:%S')}  {line}")
        return self._lines[-1]

    def text(self) -> str:
        """The lines newest first, each after its time."""
        return "\n".join(reversed(self._lines)) or NONE_YET


class MessagesDialog(QDialog):
    """The log in a text the keyboard selects and copies from (Ctrl+A, Ctrl+C), kept open beside the window."""

    def __init__(self, log: MessageLog, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Recent messages")
        self._log = log
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Recent messages, newest first")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def refresh(self) -> None:
        self.text.setPlainText(self._log.text())

    def add(self, entry: str) -> None:
        """A line listed as it came, at the top: the caret and the lines chosen to copy stay where they are (the
        whole list set again had dropped them, audit DJ 4)."""
        if self.text.toPlainText() == NONE_YET:
            self.refresh()
            return
        top = QTextCursor(self.text.document())
        top.movePosition(QTextCursor.MoveOperation.Start)
        top.insertText(entry + "\n")

    def show_log(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus()
