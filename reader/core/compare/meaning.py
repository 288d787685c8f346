"""Passages' meanings: the encoder's vectors of their sentences, each sentence read once and kept in the database.

Two passages are as alike as their closest sentences: paragraphs often tell several things, and the one episode two
sources share is a sentence or two of each. Encoding costs about 8 ms a sentence on two cores, far too much to
repeat per query; a vector depends only on the text, so it is cached by the sentence's hash (a passage that moved,
or another document quoting the same sentence, costs nothing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from reader.core.compare.passages import Piece, rows_of
from reader.core.errors import ReaderError, WorkCancelled, stop_if
from reader.core.records.progress import Cancelled, Progress
from reader.core.storage import compare as store
from reader.core.storage.store import Store

if TYPE_CHECKING:
    import numpy as np

MODEL = "all-MiniLM-L6-v2"
KEEP_EVERY = 64  # sentences encoded between writes (half a second): a run stopped or failed keeps what it read


def text_key(text: str) -> str:
    """What a vector is kept under: the hash of the text it was read from."""
    return hashlib.sha256(text.encode()).hexdigest()


class Meanings:
    """Sentence vectors of passages for the parallels ranking; reads the missing ones with the encoder."""

    def __init__(self, db: Store):
        self._db = db

    @cached_property
    def _encoder(self):
        from reader.core.compare.encoder import Encoder  # the weights load only when a passage is new

        return Encoder()

    def of(self, pieces: Iterable[Piece], progress: Progress | None = None,
           cancelled: Cancelled | None = None) -> dict[Piece, np.ndarray]:
        """Each passage's sentences as rows of unit vectors; sentences never read before are encoded now (with
        progress), then kept. `cancelled()` true stops the reading between batches (WorkCancelled)."""
        import numpy as np  # not at start-up: the window opens without it

        texts: dict[str, str] = {}
        parts: dict[Piece, list[str]] = {}
        for piece in pieces:
            hashes = parts[piece] = []
            for text in rows_of(piece):
                hashes.append(text_key(text))
                texts[hashes[-1]] = text
        known = {h: np.frombuffer(v, dtype=np.float32) for h, v in store.meanings(self._db, texts, MODEL).items()}
        missing = [(h, text) for h, text in texts.items() if h not in known]
        for begin in range(0, len(missing), KEEP_EVERY):
            stop_if(cancelled, WorkCancelled)
            if progress:
                progress(begin, len(missing), "Reading what the passages mean")
            chunk = missing[begin:begin + KEEP_EVERY]
            vectors = self._encoder.encode([text for _, text in chunk])
            read = {h: vector for (h, _), vector in zip(chunk, vectors, strict=True)}
            known.update(read)
            self._keep(read)
        return {piece: np.vstack([known[h] for h in hashes]) for piece, hashes in parts.items()}

    def _keep(self, read: dict[str, np.ndarray]) -> None:
        """Keep the vectors for next time. A cache that cannot be written (a read-only or full database) only costs
        the next query the same reading again; the comparison the user asked for goes on."""
        try:
            with self._db.atomic():
                store.store_meanings(self._db, MODEL, {h: vector.tobytes() for h, vector in read.items()})
        except ReaderError:
            pass
