"""Run every benchmark module and print `name: value` lines; a failing module says so and the rest still run."""

from __future__ import annotations

import importlib
import sys
import traceback

MODULES = ["bench.startup", "bench.reading", "bench.entities", "bench.heldout", "bench.geonames", "bench.annotations",
           "bench.search", "bench.decisions", "bench.formats", "bench.layout", "bench.pages", "bench.compare"]


def main() -> int:
    failures = 0
    for name in MODULES:
        try:
            results = importlib.import_module(name).run()
        except Exception:  # a broken benchmark must not hide the others' numbers
            failures += 1
            print(f"# {name} failed:\n{traceback.format_exc()}", file=sys.stderr)
            continue
        for metric, value in results.items():
            print(f"{metric}: {value:.4g}" if isinstance(value, float) else f"{metric}: {value}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
