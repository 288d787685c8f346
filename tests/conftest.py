"""Shared fixtures: Qt runs offscreen; a workspace is a real SQLite file in tmp_path with the sample corpus."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

# Offscreen, the window stands on a screen as a user's (Qt's own offscreen screen is 800×800), beside a laptop's at
# 200 % (683×384) for the tests of small screens.
if os.environ.setdefault("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen_screens.json')}"
# pytest-xdist runs a worker per core: one BLAS thread each (the sentence encoder's matrix products), not two
# apiece fighting over the same two cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from reader.core.storage import search_index  # noqa: E402 (after the Qt platform is chosen)
from reader.core.workspace import Workspace  # noqa: E402

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


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory, shared_model) -> Path:
    """The sample corpus imported once per session, with the model's output for it cached (but no register yet) and
    its passages' meanings read: a test that recognises entities then only consolidates, one that asks for parallels
    encodes nothing, and spaCy and the sentence encoder run once for the whole suite."""
    path = tmp_path_factory.mktemp("template") / "corpus.db"
    workspace = Workspace.open(path)
    assert not workspace.documents.import_paths([TEXTS]).failed
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    workspace.parallels.prepare()
    with workspace.db.atomic():
        for table in ("mentions", "entity_aliases", "entity_suggestions", "entity_state", "recognition_failures"):
            workspace.db.conn.execute(f"DELETE FROM {table}")
        workspace.db.conn.execute("DELETE FROM entities")
        search_index.index_entities(workspace.db)
    workspace.close()
    return path


@pytest.fixture
def workspace(db_path: Path, corpus_template: Path, shared_model):
    """A workspace with the five sample documents imported (a copy of the session's template, through SQLite)."""
    with closing(sqlite3.connect(corpus_template)) as source, source:
        copy = sqlite3.connect(db_path)
        source.backup(copy)
        copy.close()
    workspace = Workspace.open(db_path)
    workspace.entities.model = shared_model
    yield workspace
    workspace.close()


@pytest.fixture(scope="session")
def shared_model():
    """One loaded spaCy model for the whole session: loading it per test would dominate the run."""
    from reader.core.entities.model import ModelStep

    step = ModelStep()
    step.load()
    return step
