"""Docks whose widget is built the first time the dock is shown or the widget is asked for.

Why: at start most docks sit behind another tab. Building them, and importing their modules and the core services
behind them, cost about a third of the window's start-up; a user who never opens the Notebook should not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

T = TypeVar("T")


def scrolling(form: QWidget) -> QScrollArea:
    """A form (the Note inspector, Metadata) as a dock's content that scrolls when the dock is shorter than the form:
    docks claim their content's least height, and where the window has less room than every dock claims (1366×768,
    a bottom panel grown) a dock is laid over the tabs beside it, whose clicks then land on its buttons."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # only height is short of room
    area.setWidget(form)
    area.setMinimumWidth(form.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area


class LazyPanel(QObject):
    """Holds a dock and the function that builds its widget; `widget()` builds it at most once."""

    def __init__(self, dock: QDockWidget, build: Callable[[], QWidget], scrolls: bool = False):
        super().__init__(dock)
        self.dock = dock
        self._build = build
        self._scrolls = scrolls  # a form: the dock holds it in a scroll area (see `scrolling`)
        self._widget: QWidget | None = None
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._build()
            self.dock.setWidget(scrolling(self._widget) if self._scrolls else self._widget)
        return self._widget

    def if_built(self, call: Callable[[QWidget], T]) -> T | None:
        """`call(widget)` only if the widget exists (an unbuilt panel reads fresh data when built); else None."""
        return call(self._widget) if self._widget is not None else None

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.widget()
