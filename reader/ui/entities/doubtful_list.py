"""The mentions recognition is least sure of, to confirm or reject one by one instead of hunting for them.

Each is drawn lighter in the text (a dotted underline); here they are listed, least sure first. Confirm makes one
sure through every later run; Not a mention (Delete) removes it for good. Both are undoable decisions; after one, the
next mention is chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.core.entities.service import EntityService
from reader.ui.keyed_actions import KeyTable, keyed_menu
from reader.ui.wrapped_label import WrappedElidedLabel

MENTION_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN = 500  # the list is for review, one by one: the least sure first
# The decisions' actions and keys: the list's are made from this, and Help > Keyboard shortcuts lists it before the
# register is first shown.
LIST_KEYS = KeyTable("Doubtful mentions", {"confirm_mention": ("Confirm", ()),
                                           "reject_mention": ("Not a mention", ("Delete",))})
STEPS = {"confirm_mention": "Confirm mention", "reject_mention": "Not a mention"}  # each decision's undo step


class DoubtfulList(QWidget):
    """Emits `mention_activated(document_id, start, end)` on double-click; decisions go through `decide`."""

    mention_activated = Signal(int, int, int)

    def __init__(self, entities: EntityService, titles: Callable[[], dict[int, str]],
                 decide: Callable[[str, Callable[[EntityService], object]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._entities, self._titles, self._decide = entities, titles, decide
        self.heading = WrappedElidedLabel("", self)  # on one line it made the panel wider than the Library
        self.entries = QListWidget(self, wordWrap=True)  # a mention, its type and source read whole in a narrow dock
        self.entries.itemActivated.connect(self._on_activated)
        self.confirm_button = QPushButton("Confirm", self, toolTip="It is right: keep it, as sure")
        self.reject_button = QPushButton("Not a mention", self, toolTip="Remove it, through every later run")
        self.confirm_button.clicked.connect(lambda: self._on_decided("confirm_mention"))
        self.reject_button.clicked.connect(lambda: self._on_decided("reject_mention"))
        self._list_actions()
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.entries)
        layout.addLayout(buttons)

    def _list_actions(self) -> None:
        """The decisions in the list's context menu, and Not a mention on Delete (as a suggestion is dismissed)."""
        keyed_menu(self.entries, LIST_KEYS,
                   {kind: lambda kind=kind: self._on_decided(kind) for kind in LIST_KEYS.actions})

    def refresh(self) -> None:
        """Read the list again, the place kept: after a decision the next mention is the chosen one."""
        place = self.entries.currentRow()
        mentions = self._entities.low_confidence_mentions()
        titles = self._titles()
        self.entries.clear()
        for mention in mentions[:SHOWN]:
            entry = QListWidgetItem(f"{mention.text}  ·  {mention.type.lower()}, {mention.confidence:.0%} sure  ·  "
                                    f"{titles.get(mention.document_id, '')}")
            entry.setData(MENTION_ROLE, (mention.document_id, mention.start, mention.end))
            entry.setToolTip(entry.text())
            self.entries.addItem(entry)
        if place >= 0 and self.entries.count():
            self.entries.setCurrentRow(min(place, self.entries.count() - 1))
        count = len(mentions)
        self.heading.setText(f"Doubtful mentions ({count}): check them against the text" if count
                             else "No doubtful mentions")
        enabled = count > 0
        self.confirm_button.setEnabled(enabled)
        self.reject_button.setEnabled(enabled)

    def _current(self) -> tuple[int, int, int] | None:
        entry = self.entries.currentItem()
        return entry.data(MENTION_ROLE) if entry is not None else None

    def _on_decided(self, kind: str) -> None:
        """`kind` names the decision: the EntityService method that records it."""
        place = self._current()
        if place is not None:
            self._decide(STEPS[kind], lambda entities: getattr(entities, kind)(*place))

    def _on_activated(self, entry: QListWidgetItem) -> None:
        self.mention_activated.emit(*entry.data(MENTION_ROLE))
