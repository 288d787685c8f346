"""The user's decisions about entities, as data replayed on every run so recognition never undoes them.

Decisions name entities by any of their names (not by id), so they still apply after the register is rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NEW_ENTITY = "\x00new:"  # before a moved mention's name: an entity of its own, though another has the name (a
# namesake written "Genden", moved off Peljidiin Genden, must not find its way back to him by that name)


@dataclass
class Decisions:
    """Everything the user decided, in the order decided."""

    renames: dict[str, str] = field(default_factory=dict)  # name key -> canonical name
    types: dict[str, str] = field(default_factory=dict)  # name key -> type
    merge_types: dict[str, str] = field(default_factory=dict)  # of those, the types a merge kept (a split takes back)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (name key, name key)
    not_merged: set[frozenset[str]] = field(default_factory=set)  # suggestion pairs the user rejected
    split_aliases: set[str] = field(default_factory=set)  # alias keys that stand on their own
    rejected_entities: set[str] = field(default_factory=set)  # name keys that are "not an entity"
    rejected_mentions: set[tuple[int, int, int]] = field(default_factory=set)  # (document id, start, end)
    added_mentions: list[tuple[int, int, int, str]] = field(default_factory=list)  # (document id, start, end, type)
    confirmed_mentions: set[tuple[int, int, int]] = field(default_factory=set)  # checked by the user: sure
    moved_mentions: dict[tuple[int, int, int], str] = field(default_factory=dict)  # (document, start, end) -> the
    # key or name of the entity the user moved it to (a new entity's name when no entity has it)
    moved_names: dict[str, str] = field(default_factory=dict)  # an entity's key -> its name when a mention was moved
    # to it: what the entity is called where no text names it any more
