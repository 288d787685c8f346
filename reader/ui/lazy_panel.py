"""Docks whose widget is built the first time the dock is shown or the widget is asked for.

Why: at start most docks sit behind another tab. Building them, and importing their modules and the core services
behind them, cost about a third of the window's start-up; a user who never opens the Notebook should not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QWidget

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

    def __init__(self, dock: QDockWidget, build: Callable[[], QWidget], scrolls: bool = False, least: float = 0.0):
        """`least`: the share of the window's height (or width) the dock takes at least when first shown."""
        super().__init__(dock)
        self.dock = dock
        self._build = build
        self._scrolls = scrolls  # a form: the dock holds it in a scroll area (see `scrolling`)
        self._least = least
        self._widget: QWidget | None = None
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._build()
            kept = self._area_size()
            self.dock.setWidget(scrolling(self._widget) if self._scrolls else self._widget)
            if kept is not None:
                self._keep_area_size(*kept)
        return self._widget

    def _area_size(self) -> tuple[Qt.Orientation, int] | None:
        """The size across its side of the window the dock has now, shown (None when not shown or not docked)."""
        window = self.dock.parentWidget()
        if not isinstance(window, QMainWindow) or not self.dock.isVisible() or self.dock.isFloating():
            return None
        if window.dockWidgetArea(self.dock) in (Qt.DockWidgetArea.TopDockWidgetArea,
                                                Qt.DockWidgetArea.BottomDockWidgetArea):
            return Qt.Orientation.Vertical, self.dock.height()
        return Qt.Orientation.Horizontal, self.dock.width()

    def _keep_area_size(self, across: Qt.Orientation, size: int) -> None:
        """A panel built on its first showing takes the room its dock had, not its own preferred size (the bottom
        docks grew by a third on the first look at Comparisons' neighbours, and every reading pane shrank), or its
        `least` share of the window: a wide list or time axis in a bottom dock of 154 pixels showed two rows."""
        give_room(self.dock, self._least, size, across)

    def if_built(self, call: Callable[[QWidget], T]) -> T | None:
        """`call(widget)` only if the widget exists (an unbuilt panel reads fresh data when built); else None."""
        return call(self._widget) if self._widget is not None else None

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.widget()


def give_room(dock: QDockWidget, share: float, size: int = 0, across: Qt.Orientation | None = None) -> None:
    """Make a docked panel `size` pixels or `share` of its window's height (docked above or below the text; else its
    width), whichever is more, once laid out: a list asked for in a bottom dock of 180 pixels showed a row and a
    half."""
    window = dock.parentWidget()
    if not isinstance(window, QMainWindow) or dock.isFloating():
        return
    if across is None:
        sides = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
        across = Qt.Orientation.Vertical if window.dockWidgetArea(dock) in sides else Qt.Orientation.Horizontal
    extent = window.height() if across == Qt.Orientation.Vertical else window.width()
    wanted = max(size, int(extent * share))
    QTimer.singleShot(0, dock, lambda: window.resizeDocks([dock], [wanted], across))
