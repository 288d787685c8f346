"""Where the keyboard is: the text and the tables a keyboard user moves between show a frame in the highlight colour
while they have the focus. The style drew none around them (a line edit's is its own), so the only sign was a
selection colour or a caret often scrolled out of view."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea

# the same room framed or not (padding makes up the border's second pixel): nothing inside moves as the focus comes
_FRAME = ("{kind} {{ border: 1px solid palette(mid); padding: 1px; }} "
          "{kind}:focus {{ border: 2px solid palette(highlight); padding: 0px; }}")


def frame_focus(view: QAbstractScrollArea) -> None:
    """Frame `view` in the highlight colour while it has the focus (its own class only: not its header views)."""
    view.setStyleSheet(_FRAME.format(kind=view.metaObject().className()))
