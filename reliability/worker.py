"""What a killed process was doing, run as `python -m reliability.worker OPERATION DB [ARG]`.

Each step that commits prints a line at once, so the trial knows what must survive the kill.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.workspace import Workspace


def annotate_forever(db: Path) -> None:
    workspace = Workspace.open(db)
    document_ids = [info.id for info in workspace.documents.list()]
    number = 0
    while True:
        number += 1
        annotation = workspace.annotations.create(document_ids[number % len(document_ids)], number % 500,
                                                  number % 500 + 7, note=f"trial note {number}")
        print(annotation.id, flush=True)


def write_forever(db: Path, writer: str) -> None:
    """A writer among several: create and edit annotations; every failure is printed as 'failed <message>'."""
    from reader.core.errors import ReaderError

    workspace = Workspace.open(db, backup=False)
    document_id = workspace.documents.list()[0].id
    number = 0
    while True:
        number += 1
        try:
            annotation = workspace.annotations.create(document_id, number % 300, number % 300 + 5,
                                                      note=f"{writer} {number}")
            workspace.annotations.set_note(annotation.id, f"{writer} {number} edited")
            print("ok", flush=True)
        except ReaderError as exc:
            print(f"failed {exc}", flush=True)


def read_forever(db: Path) -> None:
    from reader.core.errors import ReaderError

    workspace = Workspace.open(db, backup=False)
    while True:
        try:
            workspace.annotations.all()
            workspace.search.search("Genden")
            print("ok", flush=True)
        except ReaderError as exc:
            print(f"failed {exc}", flush=True)


if __name__ == "__main__":
    operation, path, *rest = sys.argv[1:]
    {"annotate": lambda: annotate_forever(Path(path)), "write": lambda: write_forever(Path(path), rest[0]),
     "read": lambda: read_forever(Path(path))}[operation]()
