"""Ctrl+C in the terminal that started the window, and SIGTERM (`kill`, a logout), close it as its close button does:
what was typed is saved and the session is kept, instead of the process dying or ignoring the request.

Python runs a signal's handler only when it next runs Python code, and Qt's event loop may sit in C until the mouse
moves; so the signal also writes a byte to a pipe (signal.set_wakeup_fd) that the event loop watches, whose notice
runs Python at once. (A pipe, not a socket pair: importing `socket` would cost the start more than all of this.)
"""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QWidget

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def close_on_stop_signals(window: QWidget) -> None:
    """From now on, SIGINT and SIGTERM close `window` (on the GUI thread, where Python runs signal handlers)."""
    for number in STOP_SIGNALS:
        signal.signal(number, lambda _number, _frame: window.close())
    if os.name != "posix":  # elsewhere the wakeup needs a socket; the handlers still run with the next event
        return
    listening, signalling = os.pipe()  # open for the process's life: a wakeup fd left pointing at a closed
    # descriptor would write the signal's byte into whatever file took its number next (the database, say)
    for end in (listening, signalling):
        os.set_blocking(end, False)
    signal.set_wakeup_fd(signalling)
    notifier = QSocketNotifier(listening, QSocketNotifier.Type.Read, window)
    notifier.activated.connect(lambda *_args: _drain(listening))


def _drain(listening: int) -> None:
    """Read the signals' bytes: the handlers themselves have run by now (Python runs them before this line)."""
    try:
        while os.read(listening, 64):
            pass
    except BlockingIOError:
        pass
