"""Entity decisions on the 1,000-document bench corpus (about 30 MB of text, 300 entities, 1,000,000 mentions).

entity_rename_ms: renaming one entity, as the register's Rename does (one undoable operation).
entity_merge10_ms: merging ten entities into one, as the register's Merge of ten selected rows does (one operation).
entity_decision_ms: the slower of the two (goal <= 200 ms each).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.search import DOCUMENTS, insert_documents

ENTITIES, MENTIONS = 300, 1_000_000


def _build(db_path: Path):
    from reader.core.storage import entity_state, search_index
    from reader.core.workspace import Workspace

    rng = random.Random(5)
    workspace = Workspace.open(db_path)
    db = workspace.db
    with db.atomic():
        texts = insert_documents(db, rng)
        db.executemany("INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)",
                       [(n, f"person {n}", f"Person {n}", "PERSON") for n in range(1, ENTITIES + 1)])
        db.executemany("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
                       [(n, f"Person {n}") for n in range(1, ENTITIES + 1)])
        rows = []
        for _ in range(MENTIONS):
            document_id, entity_id = rng.randint(1, DOCUMENTS), rng.randint(1, ENTITIES)
            start = rng.randrange(0, len(texts[document_id]) - 10)
            rows.append((document_id, document_id, entity_id, start, start + 8, f"Person {entity_id}", "PERSON"))
        db.executemany('INSERT INTO mentions (document_id, version_id, entity_id, start, "end", text, type) '
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        search_index.index_entities(db)
        entity_state.set_state(db, "signature", workspace.entities._signature())  # the register is current
    return workspace


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        workspace = _build(Path(folder) / "decisions.db")
        entities = workspace.entities
        start = time.perf_counter()
        workspace.run("Rename entity", lambda: entities.rename(1, "Person One, renamed"))
        rename = time.perf_counter() - start
        start = time.perf_counter()
        workspace.run("Merge entities", lambda: entities.merge(2, *range(3, 13)))
        merge = time.perf_counter() - start
        assert not entities.is_stale()
        workspace.close()
    return {"entity_rename_ms": rename * 1000, "entity_merge10_ms": merge * 1000,
            "entity_decision_ms": max(rename, merge) * 1000}
