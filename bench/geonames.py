"""GeoNames linking on the sample corpus, against bench/data/geonames_gold.json.

geonames_accuracy: share of the gold places whose top candidate is the right GeoNames id, each linked in the context
of every place the recognised register of `texts/` names (as the program would link it).
geonames_link_ms: milliseconds per place linked, the index already built.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "data" / "geonames_gold.json"


def _corpus_places() -> list[str]:
    from reader.core.workspace import Workspace

    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace.open(Path(folder) / "bench.db")
        try:
            workspace.documents.import_paths([ROOT / "texts"])
            workspace.entities.recognise()
            return [entity.name for entity in workspace.entities.register() if entity.type == "PLACE"]
        finally:
            workspace.close()


def run() -> dict[str, float]:
    from reader.core.entities.geonames import link_place

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["places"]
    context = sorted(set(_corpus_places()) | set(gold))
    link_place("Moscow")  # builds the index once
    start = time.perf_counter()
    right = 0
    for name, geonames_id in gold.items():
        found = link_place(name, context)
        right += bool(found) and found[0].geonames_id == geonames_id
    elapsed = time.perf_counter() - start
    return {"geonames_accuracy": right / len(gold), "geonames_link_ms": 1000 * elapsed / len(gold)}
