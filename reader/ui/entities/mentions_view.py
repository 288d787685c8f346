"""All mentions of one entity, as keyword-in-context lines grouped by document; activating one opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.core.entities.service import EntityService
from reader.core.wording import plural

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class MentionsView(QWidget):
    """Shows one entity's mentions; emits `mention_activated(document_id, start, end)`."""

    mention_activated = Signal(int, int, int)

    def __init__(self, entities: EntityService, parent: QWidget | None = None):
        super().__init__(parent)
        self._entities = entities
        self.heading = QLabel("Click a highlighted name, or double-click an entity in the register.", self,
                              wordWrap=True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemActivated.connect(self._on_item_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)

    def show_entity(self, entity_id: int) -> None:
        entity = self._entities.describe(entity_id)
        aliases = f" — also {', '.join(entity.aliases)}" if entity.aliases else ""
        self.heading.setText(f"<b>{entity.name}</b> ({entity.type}): {plural(entity.mention_count, 'mention')} in "
                             f"{plural(entity.document_count, 'document')}{aliases}")
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for context in self._entities.mentions_of(entity_id):
            if context.document_id not in groups:
                groups[context.document_id] = QTreeWidgetItem(self.tree, [context.file_name])
            line = QTreeWidgetItem(groups[context.document_id], [f"…{context.left} [{context.text}] {context.right}…"])
            line.setData(0, PLACE_ROLE, (context.document_id, context.start, context.end))
        self.tree.expandAll()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, PLACE_ROLE)
        if place:
            self.mention_activated.emit(*place)
