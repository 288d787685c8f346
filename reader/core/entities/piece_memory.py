"""The model's reading of a long text, kept piece by piece as it is read.

Why: the names of a 30 MB text take half an hour to read, and a run stopped by closing the window began again at
the first piece at the next start. Each piece's candidates are kept in the recognition cache under the piece's own
hash (as a whole text's are under its hash), a few dozen pieces at a time; a piece read before is not read again,
in this text or in a text imported again with a paragraph changed elsewhere.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict

from reader.core.entities.candidate import Candidate
from reader.core.entities.pieces import Recogniser
from reader.core.storage import entities as store
from reader.core.storage.store import Store

KEEP_EVERY = 32  # pieces read (about 160,000 characters, a few seconds) between two writes of what they gave


def remembered(db: Store, model) -> Recogniser:
    """`model.candidates` for the pieces of one text, each piece's found in the cache where it was read before, and
    the others kept there as they are read (also when the run stops between them). A text of one piece is kept
    whole by the caller, as before."""
    def recognise(texts: list[str]) -> Iterator[list[Candidate]]:
        if len(texts) < 2:
            yield from model.candidates(texts)
            return
        pipeline = model.pipeline("".join(texts))
        keys = [hashlib.sha256(text.encode()).hexdigest() for text in texts]
        known = {key: store.cached_candidates(db, key, pipeline) for key in keys}
        fresh = model.candidates([text for text, key in zip(texts, keys, strict=True) if known[key] is None])
        read: list[tuple[str, list[Candidate]]] = []
        try:
            for key in keys:
                if known[key] is not None:
                    yield [Candidate(**found) for found in known[key]]
                    continue
                found = next(fresh)
                read.append((key, found))
                if len(read) >= KEEP_EVERY:
                    _keep(db, model, pipeline, read)
                yield found
        finally:  # stopped between pieces (the window closing): what was read is kept all the same
            _keep(db, model, pipeline, read)

    return recognise


def _keep(db: Store, model, pipeline: str, read: list[tuple[str, list[Candidate]]]) -> None:
    """Write the pieces read to the cache and forget them; not what a missing model gave (nothing, to read again
    once it is installed)."""
    if read and model.loaded_for(pipeline):
        with db.atomic():
            for key, found in read:
                store.store_candidates(db, key, pipeline, [asdict(candidate) for candidate in found])
    read.clear()
