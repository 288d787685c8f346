"""Search and export at scale: 1,000 documents (about 30 MB), 100,000 annotations and 1,000,000 mentions.

search_p95_ms: 95th percentile over 50 fixed queries through SearchService (parsing, matching, filters, grouping).
search_ratio: the same 50 queries' total time against a bare FTS5 MATCH of their expressions on the same index,
    ranked, with snippets, for as many rows as the service lists per kind (what a plain search box would show).
search_count_ratio: the same against the cheapest bare MATCH, `count(*)` (reads no content, makes no snippets):
    printed so the cost of exact per-kind counts and snippets is visible, not hidden by the choice of baseline.
export_md_s: Markdown export of all 100,000 annotations.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

DOCUMENTS, ANNOTATIONS, MENTIONS = 1000, 100_000, 1_000_000
LISTED = 200  # hits the service lists per kind (SearchService.search's default limit)
WORDS = ["Genden", "Stalin", "Moscow", "Ulaanbaatar", "lamas", "monastery", "treaty", "protocol", "army", "border",
         "Japan", "Manchukuo", "purge", "revolution", "delegation", "minister", "party", "congress", "meeting",
         "banquet", "pipe", "slap", "Choibalsan", "Demid", "Amar", "Sükhbaatar", "independence", "assistance",
         "railway", "trade", "wool", "horse", "steppe", "Buddhist", "reform"]
NAMES = [("Genden", "PERSON"), ("Stalin", "PERSON"), ("Choibalsan", "PERSON"), ("Moscow", "PLACE"),
         ("Ulaanbaatar", "PLACE"), ("Japan", "PLACE"), ("MPRP", "ORG"), ("Comintern", "ORG"), ("1934", "DATE"),
         ("1937", "DATE")]
QUERIES = [
    "genden", "stalin", "moscow", "lamas", "treaty", '"genden met"', '"border protocol"', "gend*", "mon*", "choi*",
    "genden AND stalin", "genden OR choibalsan", "genden NOT stalin", "lamas AND monastery", "pipe OR slap",
    "sukhbaatar", "Sükhbaatar", '"railway trade"', "reform*", "delegation minister", "tag:meeting-1934",
    "tag:purge genden", "relation:contradicts", "doc:doc0001", "genden doc:doc0500", "entity:Genden lamas",
    "type:place moscow", "date:1934..1937 genden", "kind:primary genden", "genden tag:meeting-1934",
    "banquet", "horse steppe", '"wool trade"', "buddh*", "independence", "revolution AND army", "japan",
    "manchukuo", "congress party", "amar", "demid", "assistance", "purge", "meeting", "border", "steppe",
    "(genden OR stalin) AND pipe", "protocol NOT army", "treaty*", "trade",
]


def insert_documents(db, rng: random.Random) -> dict[int, str]:
    """DOCUMENTS synthetic accounts of 90 lines each, stored as their first version; returns their texts by id."""
    texts = {}
    for n in range(DOCUMENTS):
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + "." for _ in range(90)]
        texts[n + 1] = "\n".join(lines)
        db.execute("INSERT INTO documents (id, file_name, title, kind) VALUES (?, ?, ?, ?)",
                   [n + 1, f"doc{n:04d}.txt", f"Account {n}", "primary" if n % 10 == 0 else "secondary"])
        db.execute("""INSERT INTO versions (id, document_id, number, text, content_hash, char_count)
                      VALUES (?, ?, 1, ?, ?, ?)""", [n + 1, n + 1, texts[n + 1], f"h{n}", len(texts[n + 1])])
        db.execute("UPDATE documents SET current_version_id = ? WHERE id = ?", [n + 1, n + 1])
    return texts


def _build(db_path: Path):
    from reader.core.storage import search_index
    from reader.core.workspace import Workspace

    rng = random.Random(3)
    workspace = Workspace.open(db_path)
    db = workspace.db
    with db.atomic():
        texts = insert_documents(db, rng)
        search_index.index_all_texts(db)
        _annotate(db, texts, rng)
        _mentions(db, texts, rng)
        search_index.index_entities(db)
    return workspace


def _annotate(db, texts: dict[int, str], rng: random.Random) -> None:
    db.execute("INSERT INTO tags (id, name) VALUES (1, 'meeting-1934'), (2, 'purge')")
    rows, tags = [], []
    for n in range(ANNOTATIONS):
        document_id = rng.randint(1, DOCUMENTS)
        start = rng.randrange(0, len(texts[document_id]) - 60)
        exact = texts[document_id][start:start + 40]
        rows.append((n + 1, document_id, document_id, start, start + 40, exact, f"note {rng.choice(WORDS)} {n}",
                     "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"))
        if n % 7 == 0:
            tags.append((n + 1, 1 + n % 2))
    db.conn.executemany("""INSERT INTO annotations (id, document_id, version_id, start, "end", exact, note, created_at,
                           modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    db.conn.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", tags)
    db.conn.executemany("INSERT INTO links (from_annotation_id, to_annotation_id, relation, note) VALUES (?, ?, ?, ?)",
                        [(n, n + 1, "contradicts", "which date?") for n in range(1, 2000, 2)])


def _mentions(db, texts: dict[int, str], rng: random.Random) -> None:
    for entity_id, (name, kind) in enumerate(NAMES, start=1):
        db.execute("INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)",
                   [entity_id, name.lower(), name, kind])
    rows = []
    for _ in range(MENTIONS):
        document_id = rng.randint(1, DOCUMENTS)
        entity_id = rng.randint(1, len(NAMES))
        start = rng.randrange(0, len(texts[document_id]) - 10)
        name, kind = NAMES[entity_id - 1]
        rows.append((document_id, document_id, entity_id, start, start + 6, name, kind,
                     name if kind == "DATE" else ""))
    db.conn.executemany("""INSERT INTO mentions (document_id, version_id, entity_id, start, "end", text, type,
                           date_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows)


def run() -> dict[str, float]:
    from reader.core.search.query import parse
    from reader.core.storage import search_hits, search_index

    with tempfile.TemporaryDirectory() as folder:
        workspace = _build(Path(folder) / "bench.db")
        timings = []
        for query in QUERIES:
            start = time.perf_counter()
            results = workspace.search.search(query)
            timings.append(time.perf_counter() - start)
            assert not results.error, (query, results.error)
        expressions = [parse(query).expression for query in QUERIES]
        bare = _total_seconds(lambda expression: search_index.match(workspace.db, expression, LISTED), expressions)
        counted = _total_seconds(lambda expression: search_hits.count_all(workspace.db, expression), expressions)
        start = time.perf_counter()
        workspace.export.export("md")
        export_seconds = time.perf_counter() - start
        workspace.close()
    return {"search_p95_ms": statistics.quantiles(timings, n=20)[18] * 1000,
            "search_ratio": sum(timings) / max(bare, 1e-9), "search_count_ratio": sum(timings) / max(counted, 1e-9),
            "export_md_s": export_seconds}


def _total_seconds(call, expressions: list[str]) -> float:
    """Time `call` over the queries that have words (filter-only queries have no MATCH to compare with)."""
    start = time.perf_counter()
    for expression in expressions:
        if expression:
            call(expression)
    return time.perf_counter() - start
