"""Comparing sources: parallel passages and the timeline, for quality on the sample corpus and speed at scale.

parallels_recall_at_10: share of the gold pairs (bench/data/parallels_gold.json) found among the top 10 suggestions
    for their first document. parallels_precision_at_10: share of those top-10 lists that are gold pairs (the gold
    is sparse, so this is a floor). conflict_recall: share of the gold date conflicts among `conflicts`.
parallels_recall_at_10_heldout: the same on bench/data/parallels_heldout.json, pairs written after the ranking was
    tuned on the first gold (how the method holds on pairs it was not tuned on).
parallels_recall_at_10_among_unrelated: the same recall once 100 documents on other subjects (made-up words) share
    the library, recognised like the rest: a corpus where every name of the sample is rare must not change its
    suggestions much.
parallels_ms: one document's suggestions against a generated 1,000-document corpus (median of 5 documents).
timeline_ms: the whole timeline of that corpus (every dated passage, with its events; median of 3).
meaning_sentences_per_s: how fast the sentence encoder reads the sample corpus's passages the first time (after an
    import this runs in a worker; later queries read the kept vectors). parallels_ms is measured with every passage's
    meaning already kept, as after that reading: the synthetic corpus's words are random, so its vectors are random
    unit vectors, which cost the query the same as real ones.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "parallels_gold.json"
HELDOUT = ROOT / "bench" / "data" / "parallels_heldout.json"
DOCUMENTS, PARAGRAPHS, NAMES, VOCABULARY = 1000, 20, 400, 3000
UNRELATED = 100


def _covers(passage, document: str, quote: str) -> bool:
    return passage.file_name == document and quote in passage.text


def quality(workspace) -> dict[str, float]:
    """Recall and precision at 10 on the gold pairs (and recall on the held-out ones), and conflict recall, for a
    workspace of texts/."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    conflicts = workspace.timeline.conflicts()
    caught = sum(any(all(any(e.file_name == src["document"] and e.value == src["value"] for e in event.entries)
                         for src in wanted["sources"]) for event in conflicts) for wanted in gold["conflicts"])
    recall, precision = _at_10(workspace, gold["pairs"])
    heldout, _ = _at_10(workspace, json.loads(HELDOUT.read_text(encoding="utf-8"))["pairs"])
    return {"parallels_recall_at_10": recall, "parallels_precision_at_10": precision,
            "parallels_recall_at_10_heldout": heldout, "conflict_recall": caught / len(gold["conflicts"])}


def _at_10(workspace, pairs: list[dict]) -> tuple[float, float]:
    """Share of the pairs among the top 10 suggestions for their first document, and share of those lists that
    are pairs."""
    found, shown, hits = 0, 0, 0
    lists: dict[str, list] = {}
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        if a["document"] not in lists:
            lists[a["document"]] = workspace.parallels.suggest(workspace.documents.resolve(a["document"]).id, top=10)
        if any(_covers(s.source, a["document"], a["quote"]) and _covers(s.other, b["document"], b["quote"])
               for s in lists[a["document"]]):
            found += 1
    for document, suggestions in lists.items():
        shown += len(suggestions)
        hits += sum(any(_covers(s.source, p["a"]["document"], p["a"]["quote"])
                        and _covers(s.other, p["b"]["document"], p["b"]["quote"])
                        for p in pairs if p["a"]["document"] == document) for s in suggestions)
    return found / len(pairs), hits / max(shown, 1)


def _sample_workspace(folder: Path):
    from reader.core.workspace import Workspace

    workspace = Workspace.open(folder / "sample.db")
    workspace.documents.import_paths([ROOT / "texts"])
    workspace.entities.ensure_current()
    return workspace


def _among_unrelated(workspace, folder: Path) -> float:
    """Recall at 10 on the gold pairs after 100 unrelated documents join the sample's library."""
    rng = random.Random(15)
    unrelated = folder / "unrelated"
    unrelated.mkdir()
    for n in range(UNRELATED):
        words = [_word(rng) for _ in range(240)]
        paragraphs = (" ".join(words[k:k + 24]).capitalize() + "." for k in range(0, 240, 24))
        (unrelated / f"letter{n:03d}.txt").write_text("\n".join(paragraphs), encoding="utf-8")
    workspace.documents.import_paths([unrelated])
    workspace.entities.ensure_current()
    return _at_10(workspace, json.loads(GOLD.read_text(encoding="utf-8"))["pairs"])[0]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def _build(db_path: Path):
    """1,000 accounts of 20 paragraphs each, over 400 names (a few everywhere, most rare) and dates of 1920-1940,
    every mention at its real place in the text."""
    from reader.core.storage import search_index
    from reader.core.workspace import Workspace

    rng = random.Random(15)
    words = [_word(rng) for _ in range(VOCABULARY)]
    names = [(_word(rng).capitalize(), rng.choice(["PERSON", "PLACE", "ORG"])) for _ in range(NAMES)]
    workspace = Workspace.open(db_path)
    db = workspace.db
    with db.atomic():
        db.conn.executemany("INSERT INTO entities (id, key, name, type) VALUES (?, ?, ?, ?)",
                            [(n + 1, name.lower() + str(n), name, kind) for n, (name, kind) in enumerate(names)])
        db.execute("INSERT INTO entities (id, key, name, type) VALUES (?, 'date', 'date', 'DATE')", [NAMES + 1])
        mentions = []
        for n in range(DOCUMENTS):
            text = _document(rng, words, names, n + 1, mentions)
            db.execute("INSERT INTO documents (id, file_name, title, kind) VALUES (?, ?, ?, ?)",
                       [n + 1, f"doc{n:04d}.txt", f"Account {n}", "primary" if n % 10 == 0 else "secondary"])
            db.execute("""INSERT INTO versions (id, document_id, number, text, content_hash, char_count)
                          VALUES (?, ?, 1, ?, ?, ?)""", [n + 1, n + 1, text, f"h{n}", len(text)])
            db.execute("UPDATE documents SET current_version_id = ? WHERE id = ?", [n + 1, n + 1])
        db.conn.executemany("""INSERT INTO mentions (document_id, version_id, entity_id, start, "end", text, type,
                               date_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", mentions)
        search_index.index_all_texts(db)
    return workspace


def _document(rng: random.Random, words: list[str], names: list, document_id: int, mentions: list) -> str:
    cast = [int(rng.paretovariate(0.8)) % NAMES for _ in range(12)]
    parts, offset = [], 0
    for _ in range(PARAGRAPHS):
        pieces = []
        for _ in range(rng.randint(2, 4)):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
            pieces.append(sentence.capitalize())
            if rng.random() < 0.7:
                entity = rng.choice(cast)
                pieces.append(f"with {names[entity][0]}")
                _mention(mentions, document_id, offset, pieces, names[entity][0], entity + 1, names[entity][1], "")
            if rng.random() < 0.25:
                year, month, day = rng.randint(1920, 1940), rng.randint(1, 12), rng.randint(1, 28)
                written = f"{day} {['January', 'March', 'May', 'July', 'September', 'November'][month % 6]} {year}"
                pieces.append(f"on {written}.")
                value = f"{year}-{[1, 3, 5, 7, 9, 11][month % 6]:02d}-{day:02d}"
                _mention(mentions, document_id, offset, pieces, written, NAMES + 1, "DATE", value)
            else:
                pieces[-1] += "."
        paragraph = " ".join(pieces)
        parts.append(paragraph)
        offset += len(paragraph) + 1
    return "\n".join(parts)


def _mention(mentions: list, document_id: int, offset: int, pieces: list[str], text: str, entity_id: int,
             kind: str, value: str) -> None:
    start = offset + len(" ".join(pieces)) - len(pieces[-1]) + pieces[-1].index(text)
    mentions.append((document_id, document_id, entity_id, start, start + len(text), text, kind, value))


def _read_meanings(workspace) -> float:
    """Sentences per second of the encoder's first reading of a corpus."""
    from reader.core.compare.passages import passages, sentences, telling
    from reader.core.storage import compare as store

    count = sum(len(sentences(p.text)) for p in passages(store.all_lines(workspace.db)) if telling(p))
    start = time.perf_counter()
    workspace.parallels.prepare()
    return count / (time.perf_counter() - start)


def _random_meanings(workspace) -> None:
    """Keep a random unit vector for every sentence of the synthetic corpus, as the reading after import would."""
    import numpy as np

    from reader.core.compare.meaning import MODEL, text_key
    from reader.core.compare.passages import passages, sentences
    from reader.core.storage import compare as store

    rng = np.random.default_rng(15)
    texts = {text_key(text) for p in passages(store.all_lines(workspace.db)) for text in sentences(p.text)}
    vectors = rng.standard_normal((len(texts), 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    with workspace.db.atomic():
        store.store_meanings(workspace.db, MODEL, {h: v.tobytes() for h, v in zip(texts, vectors, strict=True)})


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        sample = _sample_workspace(Path(folder))
        reading = _read_meanings(sample)
        results = quality(sample)
        results["parallels_recall_at_10_among_unrelated"] = _among_unrelated(sample, Path(folder))
        sample.close()
        workspace = _build(Path(folder) / "bench.db")
        _random_meanings(workspace)
        timings = []
        for document_id in (1, 250, 500, 750, 1000):
            start = time.perf_counter()
            workspace.parallels.suggest(document_id)
            timings.append(time.perf_counter() - start)
        timeline_timings = []
        for _ in range(3):
            start = time.perf_counter()
            entries, _events = workspace.timeline.view()
            timeline_timings.append(time.perf_counter() - start)
        workspace.close()
    return {**results, "meaning_sentences_per_s": reading, "parallels_ms": statistics.median(timings) * 1000,
            "timeline_ms": statistics.median(timeline_timings) * 1000, "timeline_entries": len(entries)}
