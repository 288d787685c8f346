"""Entity recognition quality and speed on the sample corpus, against bench/data/entities_gold.json.

entity_recall: share of gold entities (per document) with at least one mention found with the right type.
type_accuracy: share of gold mention occurrences covered by a found mention of the right type.
boilerplate_mentions: mentions inside boilerplate (goal 0).
ner_speed_ratio: documents per second of the whole pipeline (cache emptied) over spaCy's own nlp.pipe.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "entities_gold.json"


def _gold_occurrences(text: str, boilerplate: list[tuple[int, int]], surfaces: list[str]) -> list[tuple[int, int]]:
    found = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w]){re.escape(surface)}(?![\w])", text):
            inside = any(s <= match.start() < e for s, e in boilerplate)
            taken = any(s <= match.start() < e for s, e in found)
            if not inside and not taken:
                found.append(match.span())
    return found


def _score(workspace) -> tuple[float, float, int]:
    gold = {k: v for k, v in json.loads(GOLD.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    found_entities = total_entities = right_mentions = total_mentions = 0
    for file_name, entities in gold.items():
        info = workspace.documents.resolve(file_name)
        version = workspace.documents.text(info.id)
        boilerplate = [(s.start, s.end) for s in version.boilerplate]
        mentions = workspace.entities.mentions(info.id)
        for entity in entities.values():
            occurrences = _gold_occurrences(version.text, boilerplate, entity["surfaces"])
            right = [o for o in occurrences
                     if any(m.start <= o[0] < m.end and m.type == entity["type"] for m in mentions)]
            total_entities += 1
            found_entities += bool(right)
            total_mentions += len(occurrences)
            right_mentions += len(right)
    inside = sum(1 for info in workspace.documents.list() for m in workspace.entities.mentions(info.id)
                 if any(s.start <= m.start < s.end for s in workspace.documents.text(info.id).boilerplate))
    return found_entities / total_entities, right_mentions / total_mentions, inside


def _speed(workspace) -> float:
    """spaCy's own pipeline, loaded as spaCy ships it, against ours with the cache emptied (best of 3 each)."""
    import spacy

    texts = [workspace.documents.text(info.id).text for info in workspace.documents.list()]
    nlp = spacy.load(workspace.entities.model.model_name)
    list(nlp.pipe(texts[:1]))
    spacy_seconds = min(_timed(lambda: list(nlp.pipe(texts))) for _ in range(3))
    ours = min(_timed(lambda: _recognise_uncached(workspace)) for _ in range(3))
    return spacy_seconds / ours


def _recognise_uncached(workspace) -> None:
    workspace.db.execute("DELETE FROM entity_cache")
    workspace.entities.recognise()


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def run() -> dict[str, float]:
    from reader.core.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "bench.db")
        workspace.documents.import_paths([ROOT / "texts"])
        workspace.entities.model.load()
        list(workspace.entities.model.load().pipe(["Warm-up text about Genden in Moscow."]))
        workspace.entities.recognise()
        recall, accuracy, inside = _score(workspace)
        speed = _speed(workspace)
        workspace.close()
    return {"entity_recall": recall, "type_accuracy": accuracy, "boilerplate_mentions": inside,
            "ner_speed_ratio": speed}
