"""Find in document: type, see the match count, step with Enter / Shift+Enter (F3 / Shift+F3) or the arrows."""

from __future__ import annotations

import re
from itertools import islice

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.wording import plural

SHIFT = Qt.KeyboardModifier.ShiftModifier
STEP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3)
LONG_TEXT = 1_000_000  # characters: in a longer text a search waits for a pause in typing (a second a key at 45 MB)
PAUSE_MS = 250
MOST_MATCHES = 10_000  # the first ones are listed: 839,507 matches of "g" took most of that second


class FindBar(QWidget):
    """Finds case-insensitively in a text; emits `match_chosen(start, end)` in code points."""

    match_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self._more = False  # more matches than MOST_MATCHES
        self._pending = QTimer(self, singleShot=True, interval=PAUSE_MS)  # a long text's search, after a pause
        self._pending.timeout.connect(self._search)
        self.query = QLineEdit(self, placeholderText="Find in document…", clearButtonEnabled=True)
        self.count_label = QLabel("", self)
        self.previous_button = QToolButton(self, text="▲", toolTip="Previous match (Shift+Enter, Shift+F3)")
        self.next_button = QToolButton(self, text="▼", toolTip="Next match (Enter, F3)")
        self.close_button = QToolButton(self, text="✕", toolTip="Close (Esc)")
        self.query.textChanged.connect(self._on_query_changed)
        self.query.installEventFilter(self)  # Enter and F3 step here, whatever the line edit would do with them
        self.next_button.clicked.connect(self.next_match)
        self.previous_button.clicked.connect(self.previous_match)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.query, self.count_label, self.previous_button, self.next_button, self.close_button):
            layout.addWidget(widget)

    def set_text(self, text: str) -> None:
        self._text = text
        self._on_query_changed(self.query.text())

    def open(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()

    def eventFilter(self, watched, event) -> bool:
        """Enter or F3: the next match; with Shift, the previous one. Taken here, once: the line edit also passed
        Shift+Enter on as Enter, so the bar stepped back and forth and stood still."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress and event.key() in STEP_KEYS:
            self._step(-1 if event.modifiers() & SHIFT else 1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
        elif event.key() in STEP_KEYS:
            self._step(-1 if event.modifiers() & SHIFT else 1)
        else:
            super().keyPressEvent(event)

    def _on_query_changed(self, _query: str = "") -> None:
        if len(self._text) > LONG_TEXT and self.query.text().strip():
            self._matches, self._more, self._current = [], False, -1
            self.count_label.setText("")
            self._pending.start()
        else:
            self._search()

    def _search(self) -> None:
        self._pending.stop()
        pattern = re.escape(self.query.text().strip())
        found = islice(re.finditer(pattern, self._text, re.IGNORECASE), MOST_MATCHES + 1) if pattern else ()
        self._matches = [m.span() for m in found]
        self._more = len(self._matches) > MOST_MATCHES
        del self._matches[MOST_MATCHES:]
        self._current = -1
        self._show_count()

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self._pending.isActive():  # Enter before the pause: search now
            self._search()
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._show_count()
        self.match_chosen.emit(*self._matches[self._current])

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText("no matches")
        else:
            position = f"{self._current + 1} of " if self._current >= 0 else ""
            count = f"{MOST_MATCHES:,}+ matches" if self._more else plural(len(self._matches), "match", "matches")
            self.count_label.setText(position + count)
