"""Shared fixtures: Qt runs offscreen; a workspace is a real SQLite file in tmp_path with the sample corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.workspace import Workspace  # noqa: E402 (after the Qt platform is chosen)

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "texts"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations.db"


@pytest.fixture
def empty_workspace(db_path: Path):
    workspace = Workspace.open(db_path)
    yield workspace
    workspace.close()


@pytest.fixture
def workspace(empty_workspace: Workspace) -> Workspace:
    """A workspace with the five sample documents imported."""
    report = empty_workspace.documents.import_paths([TEXTS])
    assert not report.failed
    return empty_workspace


@pytest.fixture(scope="session")
def shared_model():
    """One loaded spaCy model for the whole session: loading it per test would dominate the run."""
    from reader.core.entities.model import ModelStep

    step = ModelStep()
    step.load()
    return step
