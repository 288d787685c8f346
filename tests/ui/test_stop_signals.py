"""SIGTERM and Ctrl+C close the window properly (typing saved, session kept), even while Qt waits in C."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from PySide6.QtCore import SIGNAL, SLOT, QEventLoop, QObject, QTimer

from reader.ui.stop_signals import STOP_SIGNALS, close_on_stop_signals


@pytest.fixture
def restored_signals():
    """The test process's own handlers come back after the test."""
    before = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    yield
    signal.set_wakeup_fd(-1)
    for number, handler in before.items():
        signal.signal(number, handler)


@pytest.mark.parametrize("number", STOP_SIGNALS)
def test_a_stop_signal_closes_the_window_while_qt_waits(window, restored_signals, number):
    """A signal sent from outside while the event loop sits idle in C closes the window through its close button's
    path (its `closing` notice, which saves what was typed), not on the next mouse move and not by dying."""
    close_on_stop_signals(window)
    loop = QEventLoop()
    bound = QTimer(singleShot=True, interval=5_000)  # a bound on failing, not a wait; it runs no Python code
    QObject.connect(bound, SIGNAL("timeout()"), loop, SLOT("quit()"))
    closed_in_time = []
    window.closing.connect(lambda: (closed_in_time.append(bound.isActive()), loop.quit()))
    bound.start()
    threading.Timer(0.2, os.kill, (os.getpid(), number)).start()
    loop.exec()
    assert closed_in_time == [True] and not window.isVisible()
