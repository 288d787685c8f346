"""Docks whose widget is built the first time the dock is shown or the widget is asked for.

Why: at start most docks sit behind another tab. Building them, and importing their modules and the core services
behind them, cost about a third of the window's start-up; a user who never opens the Notebook should not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QWidget

T = TypeVar("T")


class LazyPanel(QObject):
    """Holds a dock and the function that builds its widget; `widget()` builds it at most once."""

    def __init__(self, dock: QDockWidget, build: Callable[[], QWidget]):
        super().__init__(dock)
        self.dock = dock
        self._build = build
        self._widget: QWidget | None = None
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._build()
            self.dock.setWidget(self._widget)
        return self._widget

    def if_built(self, call: Callable[[QWidget], T]) -> T | None:
        """`call(widget)` only if the widget exists (an unbuilt panel reads fresh data when built); else None."""
        return call(self._widget) if self._widget is not None else None

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.widget()
