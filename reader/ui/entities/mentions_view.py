"""All mentions of one entity, as keyword-in-context lines grouped by document; activating one opens it, and its
context menu says it is no mention or names another entity."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.entities.service import EntityService
from reader.core.errors import ReaderError
from reader.core.wording import plural
from reader.ui.entities.mention_actions import MentionActions
from reader.ui.keyboard_menus import keyboard_menus_at_viewport

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
LEFT_CHARS = 16  # of the text before a mention, shown before it
PROMPT = "Click a highlighted name, or double-click an entity in the register."
MOST_LISTED = 1000  # lines: an entity named 24,368 times took three seconds to list, each line read and built here


def _line(context) -> str:
    """The mention with a few words before it and what follows: the panel is narrow, and a line that began with
    sixty characters of what came before was cut short of the name it is about."""
    left = context.left
    if len(left) > LEFT_CHARS:
        tail = left[-LEFT_CHARS:]
        left = "…" + (tail.split(" ", 1)[1] if " " in tail[:-1] else tail)
    return f"{left} [{context.text}] {context.right}…"


class MentionsView(QWidget):
    """Shows one entity's mentions; emits `mention_activated(document_id, start, end)`."""

    mention_activated = Signal(int, int, int)

    def __init__(self, entities: EntityService, actions: MentionActions, parent: QWidget | None = None):
        super().__init__(parent)
        self._entities, self._actions = entities, actions
        self.entity_id: int | None = None
        self.heading = QLabel(PROMPT, self, wordWrap=True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(12)  # the dock is narrow: its room is for the lines
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu_requested)
        keyboard_menus_at_viewport(self.tree)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)

    def show_entity(self, entity_id: int) -> None:
        entity = self._entities.describe(entity_id)
        self.entity_id = entity_id
        aliases = f" — also {', '.join(entity.aliases)}" if entity.aliases else ""
        more = entity.mention_count > MOST_LISTED
        self.heading.setText(f"<b>{entity.name}</b> ({entity.type}): {plural(entity.mention_count, 'mention')} in "
                             f"{plural(entity.document_count, 'document')}{aliases}" + (
                                 f" (the first {MOST_LISTED} of {entity.mention_count} listed; Search finds them all: "
                                 f"entity:{entity.name.split()[-1]})" if more else ""))
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for context in self._entities.mentions_of(entity_id, MOST_LISTED):
            if context.document_id not in groups:
                groups[context.document_id] = group = QTreeWidgetItem(self.tree, [context.source or context.file_name])
                group.setToolTip(0, context.file_name)
            line = QTreeWidgetItem(groups[context.document_id], [_line(context)])
            line.setToolTip(0, f"…{context.left} [{context.text}] {context.right}…")
            line.setData(0, PLACE_ROLE, (context.document_id, context.start, context.end, context.text, entity.type))
        self.tree.expandAll()

    def refresh(self) -> None:
        """Show the entity again after a decision (a mention moved away or rejected); gone from the register (merged
        or rejected), say so rather than list what no longer holds."""
        if self.entity_id is None:
            return
        try:
            self.show_entity(self.entity_id)
        except ReaderError:
            heir = self._heir()
            if heir is not None:  # merged: its mentions are the kept entity's now
                self.show_entity(heir)
                return
            self.tree.clear()  # the entity stays chosen: an Undo brings it back, and here again
            self.heading.setText(f"That entity is no longer in the register. {PROMPT}")

    def _heir(self) -> int | None:
        """The entity that holds the first mention listed, when another one does (the one a merge kept)."""
        group = self.tree.topLevelItem(0)
        place = group.child(0).data(0, PLACE_ROLE) if group is not None and group.childCount() else None
        if not place:
            return None
        holders = [m.entity_id for m in self._entities.mentions_within([place[:3]]) if m.entity_id != self.entity_id]
        return holders[0] if holders else None

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, PLACE_ROLE)
        if place:
            self.mention_activated.emit(*place[:3])

    def _on_context_menu_requested(self, point: QPoint) -> None:
        item = self.tree.itemAt(point)
        place = item.data(0, PLACE_ROLE) if item is not None else None
        if place:
            self.menu_for(place).exec(self.tree.viewport().mapToGlobal(point))

    def menu_for(self, place: tuple) -> QMenu:
        """Open the mention; say it is no mention, or move it to another entity."""
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.mention_activated.emit(*place[:3]))
        self._actions.add_to(menu, *place, self.entity_id)
        return menu
