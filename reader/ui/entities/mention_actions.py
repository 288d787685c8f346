"""What a reader can say of one mention of an entity, from the text or from the Mentions list: it is no mention, or
it names another entity (a namesake, or a misread name, that recognition joined to the wrong one)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader.core.wording import one_line, plural

if TYPE_CHECKING:
    from reader.core.entities.service import EntityService
    from reader.ui.operations import OpRunner


class MentionActions:
    """Adds a mention's actions to a context menu and runs them as undoable steps, off the window's thread (a move
    to a new entity recognises the register again)."""

    def __init__(self, parent: QWidget, ops: OpRunner, entities: EntityService):
        self._parent, self._ops, self._entities = parent, ops, entities

    def add_to(self, menu: QMenu, document_id: int, start: int, end: int, text: str, kind: str,
               entity_id: int) -> None:
        """'Not a mention' and, but for a date, 'Move to another entity…', for the mention of `entity_id` there."""
        shown = one_line(text, 40)
        menu.addAction(f"“{shown}” is not a mention", lambda: self._ops.run_in_background(
            f"“{shown}” is not a mention", lambda workspace: workspace.entities.reject_mention(document_id, start, end),
            tell=True))
        if kind != "DATE":
            menu.addAction(f"Move “{shown}” to another entity…",
                           lambda: self.ask_and_move(document_id, start, end, text, entity_id))

    def ask_and_move(self, document_id: int, start: int, end: int, text: str, entity_id: int) -> None:
        """Ask which entity the mention names, from the register's others (most mentioned first, each with its
        type), or a new one's name. Nothing is chosen at first: Enter at once changes nothing."""
        register = [entity for entity in self._entities.register() if entity.type != "DATE"]
        now = next((f"{e.name} ({e.type.lower()})" for e in register if e.id == entity_id), "another entity")
        labels = entity_labels([entity for entity in register if entity.id != entity_id])
        typed, ok = QInputDialog.getItem(
            self._parent, "Move mention", f"“{one_line(text, 60)}” is now a mention of {now}. Move it to the entity "
                                          "(choose one, or type a new name for an entity of its own):",
            ["", *labels], 0, True)
        typed = typed.strip()
        if not ok or not typed:
            return
        found = _chosen(labels, typed)
        if len(found) > 1:  # a new entity of that name would have been a third, made without a word (audit DI 2)
            self._ops.say(f"Not moved: several entities are named “{typed}”: choose one from the list, where each "
                          "shows its type")
            return
        chosen = found[0] if found else None
        target = next((label for label, i in labels.items() if i == chosen), f"a new entity “{typed}”")
        self._ops.run_in_background(f"Move “{one_line(text, 40)}” to {target}", lambda workspace:
                                    workspace.entities.move_mention(document_id, start, end, chosen,
                                                                    "" if chosen else typed), tell=True)


def entity_labels(entities: list) -> dict[str, int]:
    """Each entity as a choice names it, by name and type ("Mongolia (place)"), with its mentions where another has
    both ("Mongolia (place, 3 mentions)"), and its number where even those are alike: a name taken twice had been
    offered as two equal choices, and the first kept whichever was chosen (audit DI 2). Label -> entity id."""
    def label(entity, detail: str = "") -> str:
        return f"{entity.name} ({entity.type.lower()}{detail})"

    def with_count(entity) -> str:
        return label(entity, f", {plural(entity.mention_count, 'mention')}")

    plain, counted = Counter(map(label, entities)), Counter(map(with_count, entities))
    labels = {}
    for entity in entities:
        if plain[label(entity)] == 1:
            labels[label(entity)] = entity.id
        elif counted[with_count(entity)] == 1:
            labels[with_count(entity)] = entity.id
        else:
            labels[label(entity, f", no. {entity.id}")] = entity.id
    return labels


def _chosen(labels: dict[str, int], typed: str) -> list[int]:
    """The entities typed, as listed, by the name and type a count was added to ("Mongolia (place)": it had made an
    entity of that name, audit DJ 10), or by the name alone (in any case): one, several, or none (a new name)."""
    folded = typed.casefold()
    return sorted({i for label, i in labels.items() if folded in _forms(label.casefold())})


def _forms(label: str) -> tuple[str, ...]:
    """A label as it may be typed: whole, its name and type alone, its name alone."""
    name, _, detail = label.rpartition(" (")
    return label, f"{name} ({detail.split(',')[0].rstrip(')')})", name
