"""A splitter's first sharing-out of its room: in given proportions, once it has room to share.

A QSplitter starts its parts at their size hints, and sizes set before it is laid out are lost; a panel whose main
list sits above lesser ones (the register above its spelling variants, the hits above the saved searches) showed one
row of the list that matters at 1366×768.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSplitter


def share_out(splitter: QSplitter, weights: list[int]) -> None:
    """Give the splitter's parts its room in proportion to `weights`, once the window has laid it out."""
    def share() -> None:
        total = sum(splitter.sizes())
        if total > 0:
            splitter.setSizes([total * weight // sum(weights) for weight in weights])

    QTimer.singleShot(0, splitter, share)
