"""How long work reports how far it got and learns it should stop: the shapes every worker task shares."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]  # (done, total, what is being read)
Cancelled = Callable[[], bool]  # true once the user (or a closing window) asked the work to stop
STORING = "storing"  # what an import says it is at once its files are read: the window says "Storing the files…"
