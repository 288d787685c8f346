"""Ctrl+C in the terminal that started the window, and SIGTERM (`kill`, a logout), close it as its close button does:
what was typed is saved and the session is kept, instead of the process dying or ignoring the request.

Python runs a signal's handler only when it next runs Python code, and Qt's event loop may sit in C until the mouse
moves; so the signal also writes a byte to a socket (signal.set_wakeup_fd) that the event loop watches, whose
notice runs Python at once.
"""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QWidget

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def close_on_stop_signals(window: QWidget) -> None:
    """From now on, SIGINT and SIGTERM close `window` (on the GUI thread, where Python runs signal handlers)."""
    listening, signalling = socket.socketpair()
    for end in (listening, signalling):
        end.setblocking(False)
    signal.set_wakeup_fd(signalling.fileno())
    notifier = QSocketNotifier(listening.fileno(), QSocketNotifier.Type.Read, window)
    notifier.activated.connect(lambda *_args: _drain(listening))
    notifier.sockets = (listening, signalling)  # they live as long as the notifier watching them
    for number in STOP_SIGNALS:
        signal.signal(number, lambda _number, _frame: window.close())


def _drain(listening: socket.socket) -> None:
    """Read the signals' bytes: the handlers themselves have run by now (Python runs them before this line)."""
    try:
        while listening.recv(64):
            pass
    except BlockingIOError:
        pass
