"""Help > Recent messages: the status bar's lines, kept with their time. A line goes after a few seconds and one wider
than the bar is cut at its edge (whole only in a tooltip, which needs a mouse): a refusal or a warning must be
readable again, whole, from the keyboard."""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

KEPT = 200  # lines; a session's messages are short, and the oldest matter least


class MessageLog:
    """The lines shown, oldest first; the same line shown again at once is kept once."""

    def __init__(self):
        self._lines: deque[tuple[str, str]] = deque(maxlen=KEPT)

    def keep(self, line: str) -> None:
        if line and (not self._lines or self._lines[-1][1] != line):
            self._lines.append((datetime.now().strftime("%H:%M:%S"), line))

    def text(self) -> str:
        """The lines newest first, each after its time."""
        return "\n".join(f"{time}  {line}" for time, line in reversed(self._lines)) or "No messages yet."


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

    def show_log(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus()
