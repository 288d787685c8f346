"""Three writers and a reader on one database at once, for a bounded time: every write must succeed."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from reliability.setup import ROOT, copy_of, environment, template


def run(folder: Path, seconds: float) -> dict[str, int]:
    db = copy_of(template(folder), folder / "concurrent.db")
    command = [sys.executable, "-m", "reliability.worker"]
    processes = [subprocess.Popen([*command, "write", str(db), f"writer{n}"], cwd=ROOT, env=environment(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(3)]
    processes.append(subprocess.Popen([*command, "read", str(db)], cwd=ROOT, env=environment(),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    time.sleep(seconds)
    writes = failed = tracebacks = 0
    for number, process in enumerate(processes):
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate()
        lines = out.splitlines()
        failed += sum(line.startswith("failed") for line in lines)
        if number < 3:
            writes += sum(line == "ok" for line in lines) * 2  # a create and an edit each
        tracebacks += "Traceback" in err and "KeyboardInterrupt" not in err and "SIGTERM" not in err
    return {"concurrent_writes": writes, "concurrent_failed": failed, "concurrent_tracebacks": tracebacks}
