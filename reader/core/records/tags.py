"""Tags: what renaming one changed, the autocomplete counts, and the rule for tag names.

Apart from the annotation records because the Comparisons view, on screen from the start, offers the tags as a filter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TagCount:
    """A tag and how many live annotations carry it: the autocomplete source."""

    name: str
    count: int


@dataclass(frozen=True)
class TagRename:
    """What renaming (or merging) a tag changed, enough to undo it exactly."""

    old: str
    new: str
    annotation_ids: tuple[int, ...]
    already_tagged_new: tuple[int, ...]
    merged: bool


def clean_tags(tags: tuple[str, ...] | list[str]) -> list[str]:
    """Tags as stored: trimmed, inner whitespace collapsed, no empties, no case-insensitive repeats, in given order."""
    names: dict[str, str] = {}
    for tag in tags:
        name = " ".join(str(tag).split())
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())
