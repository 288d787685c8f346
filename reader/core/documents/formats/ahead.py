"""Reading pages one step ahead in a worker thread while the caller lays out the previous ones.

pdfium does most of a page's work in C, where ctypes lets go of the GIL, so loading the next page overlaps the
Python layout of the current one. Only the worker calls `produce` (pdfium must never be called from two threads at
once), at most `depth` results wait in memory, and the worker has ended whenever the generator is closed, so the
caller may close the document right after.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def read_ahead(produce: Callable[[int], T], count: int, depth: int = 4) -> Iterator[T]:
    """Yield produce(0), produce(1), … in order; an exception in produce is raised here at its index."""
    results: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    worker = threading.Thread(target=_work, args=(produce, count, results, stop), name="read-ahead", daemon=True)
    worker.start()
    try:
        for _ in range(count):
            value, error = results.get()
            if error is not None:
                raise error
            yield value
    finally:
        stop.set()
        worker.join()


def _work(produce: Callable[[int], T], count: int, results: queue.Queue, stop: threading.Event) -> None:
    for index in range(count):
        if stop.is_set():
            return
        try:
            item = (produce(index), None)
        except Exception as exc:  # handed to the caller, who raises it where the page was expected
            item = (None, exc)
        while not stop.is_set():
            try:
                results.put(item, timeout=0.05)
                break
            except queue.Full:
                continue
        if item[1] is not None:
            return
