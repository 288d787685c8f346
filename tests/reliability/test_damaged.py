"""The damaged-database trials measure the program, not their own leftovers."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from reader.core.workspace import Workspace
from reliability.damaged import CASES


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_damage_is_final_when_it_is_done(tmp_path: Path, name: str) -> None:
    """Protects `damaged_written`: a damage that left its connection to the cyclic garbage collector had it
    checkpointed into the file at a moment of the collector's choosing, which the trial counted as written by the
    program (one short run in many failed so)."""
    db = tmp_path / "annotations.db"
    Workspace.open(db).close()
    CASES[name](db)
    before = db.read_bytes() if db.is_file() else None
    gc.collect()
    assert (db.read_bytes() if db.is_file() else None) == before
