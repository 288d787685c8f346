"""Re-anchoring: 10,000 annotations on a generated 1 MB document, after 100 random edits, through the real database.

`reanchor_ms_per_annotation` times `reanchor_document` (diff, matching and the bulk update, one transaction) divided by
the number of annotations (goal <= 2 ms); `reanchor_exact_share` is the share that moved without needing review.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from reader.core.documents.reanchor import reanchor_document
from reader.core.records.annotations import quote_at
from reader.core.storage import annotations as annotation_store
from reader.core.storage import documents as document_store
from reader.core.workspace import Workspace

DOCUMENT_CHARS = 1_000_000
ANNOTATIONS = 10_000
EDITS = 100
SEED = 1934
VOCABULARY = ("Genden Stalin Choibalsan Moscow Ulaanbaatar lamas purge treaty minister meeting November 1934 the "
              "of and in a to was his that with for on by Mongolia Soviet People's Republic party congress revolution")
WORDS = VOCABULARY.split()


def _document(rng: random.Random) -> str:
    paragraphs, size = [], 0
    while size < DOCUMENT_CHARS:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + ".\n\n"
        paragraphs.append(paragraph)
        size += len(paragraph)
    return "".join(paragraphs)[:DOCUMENT_CHARS]


def _edited(text: str, rng: random.Random) -> str:
    for _ in range(EDITS):
        position = rng.randrange(len(text) - 20)
        kind = rng.choice(("insert", "delete", "typo"))
        replacement = {"insert": " " + rng.choice(WORDS), "delete": "", "typo": rng.choice("aeiou")}[kind]
        removed = {"insert": 0, "delete": rng.randint(1, 15), "typo": 1}[kind]
        text = text[:position] + replacement + text[position + removed:]
    return text


def _annotate(workspace: Workspace, document_id: int, version_id: int, text: str, rng: random.Random) -> None:
    with workspace.db.atomic():
        for _ in range(ANNOTATIONS):
            start = rng.randrange(len(text) - 100)
            end = start + rng.randint(5, 80)
            annotation_store.insert_annotation(workspace.db, document_id, version_id, start, end,
                                               quote_at(text, start, end), "yellow", "")


def run() -> dict[str, float]:
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.txt"
        text = _document(rng)
        source.write_text(text, encoding="utf-8")
        workspace = Workspace.open(Path(folder) / "bench.db", backup=False)
        try:
            outcome = workspace.documents.import_paths([source]).outcomes[0]
            _annotate(workspace, outcome.document_id, outcome.version_id, text, rng)
            changed = _edited(text, rng)
            with workspace.db.atomic():
                version_id = document_store.insert_version(workspace.db, outcome.document_id, changed, "bench",
                                                           "utf-8", "txt")
                started = time.perf_counter()
                summary = reanchor_document(workspace.db, outcome.document_id, version_id, outcome.version_id)
            elapsed = time.perf_counter() - started
        finally:
            workspace.close()
    return {"reanchor_ms_per_annotation": elapsed * 1000 / ANNOTATIONS,
            "reanchor_exact_share": summary.kept / ANNOTATIONS,
            "reanchor_review": summary.review, "reanchor_orphaned": summary.orphaned}
