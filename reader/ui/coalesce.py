"""One refresh for a burst of change notices.

An undo, or an import by another process, tells its changes document by document; a view that read everything again
on each notice (the library, Comparisons) did so hundreds of times in a row, and the window froze for seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def coalesced(call: Callable[[], None], parent: QObject) -> Callable[..., None]:
    """A slot that runs `call` once, on the next turn of the event loop, however many notices come before then."""
    timer = QTimer(parent, singleShot=True, interval=0)
    timer.timeout.connect(call)
    return lambda *_args: timer.start()
