"""Fixtures for window tests: the real window wired over a workspace in tmp_path."""

import pytest

from reader.ui.app import build_window, settings_for


@pytest.fixture
def window(qtbot, workspace):
    main_window = build_window(workspace, settings_for(workspace.path))
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
    main_window.close()
