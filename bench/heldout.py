"""Entity recognition on text it was not tuned on: the HIPE-2020 English dev set of OCR'd historical newspapers.

The set lives outside the repository (`../shared/entity-dev/`, CC BY-NC-SA: measured, never copied in). Each
document is imported as `<id>.txt` into one temporary database, all together as a user's corpus would be, then
recognised by the real pipeline; the mentions are scored by the set's own `score.py`.

heldout_dev_f1_fuzzy / heldout_dev_f1_strict: micro F1 over PERSON, PLACE and ORG (fuzzy: overlapping span and same
type; strict: same span and type), and the same per type (`heldout_dev_f1_fuzzy_person`, ...). Nothing is printed
and {} is returned when the set is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "entity-dev"
GOLD = DEV / "hipe2020-dev-en.jsonl"
SCORER = DEV / "score.py"
TYPES = ("PERSON", "PLACE", "ORG")


def _write_texts(folder: Path) -> list[Path]:
    paths = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            document = json.loads(line)
            path = folder / f"{document['id']}.txt"
            path.write_text(document["text"], encoding="utf-8")
            paths.append(path)
    return paths


def _predictions(workspace, path: Path) -> None:
    names = {info.id: info.file_name for info in workspace.documents.list()}
    with path.open("w", encoding="utf-8") as out:
        for mention in workspace.entities.mentions():
            out.write(json.dumps({"document": names[mention.document_id], "start": mention.start, "end": mention.end,
                                  "type": mention.type, "text": mention.text,
                                  "confidence": mention.confidence}) + "\n")


def _scored(predictions: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(predictions), "--types", ",".join(TYPES),
                           "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def predict(folder: Path) -> Path:
    """Import the set into a database in `folder`, recognise, and write the predictions file; returns its path."""
    from reader.core.workspace import Workspace

    texts = folder / "texts"
    texts.mkdir()
    workspace = Workspace.open(folder / "heldout.db")
    try:
        workspace.documents.import_paths(_write_texts(texts))
        workspace.entities.recognise()
        predictions = folder / "predictions.jsonl"
        _predictions(workspace, predictions)
    finally:
        workspace.close()
    return predictions


def run() -> dict[str, float]:
    if not GOLD.exists() or not SCORER.exists():
        return {}
    with tempfile.TemporaryDirectory() as folder:
        scores = _scored(predict(Path(folder)))
    results = {"heldout_dev_f1_fuzzy": scores["fuzzy/ALL"][2], "heldout_dev_f1_strict": scores["strict/ALL"][2]}
    for kind in TYPES:
        for match in ("fuzzy", "strict"):
            results[f"heldout_dev_f1_{match}_{kind.lower()}"] = scores[f"{match}/{kind}"][2]
    return results
