"""kill -9 at a random moment during annotate, import, re-import and export; then check nothing was lost.

Lost means: an annotation the process had reported committed is missing, the database fails its check, an import
or re-import is half there (its transaction must be all or nothing), or an export file is cut short (it must be
the previous export or the new one, whole).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from reader.core.storage.store import with_functions
from reliability.setup import ROOT, TEXTS, cli, copy_of, count, environment, healthy, template


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=environment(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _kill_after(process: subprocess.Popen, seconds: float) -> str:
    time.sleep(seconds)
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate()
    return out


def annotate_trial(folder: Path, rng: random.Random) -> bool:
    """True when every annotation reported committed is in the database after the kill."""
    db = copy_of(template(folder), folder / "annotate.db")
    out = _kill_after(_start("-m", "reliability.worker", "annotate", str(db)), rng.uniform(0.4, 1.6))
    committed = [int(line) for line in out.split() if line.isdigit()]
    if not healthy(db):
        return False
    return all(count(db, "SELECT COUNT(*) FROM annotations WHERE id = ?", (i,)) == 1 for i in committed)


def import_trial(folder: Path, rng: random.Random) -> bool:
    """True when the import is wholly there or wholly absent."""
    db = folder / "import.db"
    for companion in ("", "-wal", "-shm"):
        Path(f"{db}{companion}").unlink(missing_ok=True)
    _kill_after(_start(str(ROOT / "main.py"), "--db", str(db), "import", str(TEXTS)), rng.uniform(0.1, 1.4))
    if not db.exists():
        return True
    if not healthy(db):
        return False
    return count(db, "SELECT COUNT(*) FROM documents") in (0, len(list(TEXTS.glob("*.txt"))))


def reimport_trial(folder: Path, rng: random.Random, changed: Path) -> bool:
    """True when the new versions and the moved notes are all there or none, and no note is lost."""
    db = copy_of(template(folder, notes=200), folder / "reimport.db")
    # the files since moved (changed/ holds them, edited): their new versions
    with closing(with_functions(sqlite3.connect(db))) as moved_away, moved_away:
        moved_away.execute("UPDATE documents SET source_path = ? || file_name", [str(folder / "moved-away") + "/"])
    _kill_after(_start(str(ROOT / "main.py"), "--db", str(db), "import", str(changed)), rng.uniform(0.2, 1.6))
    if not healthy(db):
        return False
    versions = count(db, "SELECT COUNT(*) FROM versions")
    documents = count(db, "SELECT COUNT(*) FROM documents")
    moved = count(db, "SELECT COUNT(*) FROM annotations a JOIN documents d ON d.id = a.document_id "
                      "WHERE a.version_id = d.current_version_id")
    notes = count(db, "SELECT COUNT(*) FROM annotations")
    return (documents == len(list(TEXTS.glob("*.txt"))) and versions in (documents, 2 * documents) and notes == 200
            and moved == 200)


def export_trial(folder: Path, rng: random.Random) -> bool:
    """True when the export file is the previous export or the new one, whole (never cut short)."""
    db = copy_of(template(folder, notes=3000), folder / "export.db")
    target = folder / "notes.md"
    cli(db, "export", "--format", "md", "-o", str(target))
    previous = target.read_text(encoding="utf-8")
    cli(db, "annotate", "000_8339fa2bec93c400.txt", "--quote", "Genden", "--note", "added before the export")
    _kill_after(_start(str(ROOT / "main.py"), "--db", str(db), "export", "--format", "md", "-o", str(target)),
                rng.uniform(0.3, 1.8))
    cli(db, "export", "--format", "md", "-o", str(folder / "whole.md"))
    now = target.read_text(encoding="utf-8")
    return now in (previous, (folder / "whole.md").read_text(encoding="utf-8"))


def changed_texts(folder: Path) -> Path:
    """The sample corpus with a sentence added in the middle of every file: a re-import makes new versions."""
    changed = folder / "changed"
    changed.mkdir(exist_ok=True)
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        middle = text.find("\n", len(text) // 2) + 1
        (changed / path.name).write_text(text[:middle] + "An editor's sentence added here.\n" + text[middle:],
                                         encoding="utf-8")
    return changed


def run(folder: Path, trials: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    changed = changed_texts(folder)
    outcomes = {"annotate": [], "import": [], "reimport": [], "export": []}
    for _ in range(trials):
        outcomes["annotate"].append(annotate_trial(folder, rng))
        outcomes["import"].append(import_trial(folder, rng))
        outcomes["reimport"].append(reimport_trial(folder, rng, changed))
        outcomes["export"].append(export_trial(folder, rng))
    results = {"kill_trials": sum(len(v) for v in outcomes.values()),
               "kill_lost": sum(not ok for key, v in outcomes.items() if key != "export" for ok in v),
               "export_cut_short": sum(not ok for ok in outcomes["export"])}
    for key, values in outcomes.items():
        results[f"kill_lost_{key}"] = sum(not ok for ok in values)
    return results
