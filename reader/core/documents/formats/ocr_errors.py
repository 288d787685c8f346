"""The OCR engines' shared failure, apart from the engines so each can raise it without importing the other."""

from __future__ import annotations

from reader.core.errors import ReaderError


class OcrUnavailable(ReaderError):
    """No OCR engine could be loaded; the message says why, for the one-line import error."""
