"""The one lock every call into pdfium takes: pdfium must never run in two threads at once, and the window renders
page images while an import may be reading another PDF in a worker. Each holder keeps it for one page's work at
most (an OCR page's recognition runs outside it), so the window never waits long."""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
