"""Fixtures for window tests: the real window wired over a workspace in tmp_path."""

import pytest

from reader.ui.app import build_window, settings_for
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner


@pytest.fixture
def window(qtbot, workspace):
    main_window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()


@pytest.fixture
def events():
    """The annotation commands' change notifications, shared by the widgets of one test."""
    return AnnotationEvents()


@pytest.fixture
def stack(qtbot, workspace, events):
    """The operation runner (the core's undo and redo) the widgets of one test share."""
    return OpRunner(workspace, events)
