"""Start-up: process start to main window shown with the corpus listed, against a bare PySide6 QMainWindow.

Both are timed as whole processes (interpreter start included) in the same run, median of several runs, so the
ratio says what the program adds on top of Qt itself. Both run with their modules' bytecode cached, as every start after
the first does: PySide6's was compiled when pip installed it, ours is compiled here (Python would write it on the first
run, but not where PYTHONDONTWRITEBYTECODE is set, as on this machine).
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
"""

READER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from reader.core.workspace import Workspace
from reader.ui.app import build_window, settings_for
app = QApplication([])
path = Path(sys.argv[1])
window = build_window(Workspace.open(path), settings_for(path))
window.show()
app.processEvents()
assert window.library.model.rowCount() == 5, window.library.model.rowCount()
"""


def _time_process(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def run() -> dict[str, float]:
    compileall.compile_dir(ROOT / "reader", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        subprocess.run([sys.executable, "main.py", "--db", str(db_path), "import", "texts"], cwd=ROOT, check=True,
                       capture_output=True)
        bare, reader = [], []
        for _ in range(RUNS):
            bare.append(_time_process(BARE))
            reader.append(_time_process(READER, str(db_path)))
    startup = statistics.median(reader)
    return {"startup_ratio": startup / statistics.median(bare), "startup_s": startup}
