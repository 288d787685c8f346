"""Tags: what renaming one changed, the autocomplete counts, and the rule for tag names.

Apart from the annotation records because the Comparisons view, on screen from the start, offers the tags as a filter.
"""

from __future__ import annotations

import unicodedata
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


def tag_key(name: str) -> str:
    """What makes two tag names one tag: the same letters, case aside in any script ('Élite' is 'élite', 'Война'
    'война'), however the accents were typed (composed or not)."""
    return unicodedata.normalize("NFC", name).casefold()


def clean_tags(tags: tuple[str, ...] | list[str]) -> list[str]:
    """Tags as stored: trimmed, inner whitespace collapsed, no empties, no case-insensitive repeats, in given order.
    A comma separates tags wherever they come from (the command line, an imported file), as the window's tag box
    reads them: one tag holding a comma would be split by the next edit there."""
    names: dict[str, str] = {}
    for tag in (part for given in tags for part in str(given).split(",")):
        name = " ".join(tag.split())
        if name:
            names.setdefault(tag_key(name), name)
    return list(names.values())


def split_by_commas(tags: tuple[str, ...] | list[str]) -> list[tuple[str, list[str]]]:
    """Each tag given that holds a comma, with the tags `clean_tags` reads it as: said, for that is not what the one
    who wrote it meant ('Smith, John' two tags, another tool's 'Genden, Peljidiin', 'dup,dup' one, 'Trailing,')."""
    return [(str(tag), clean_tags([tag])) for tag in tags if "," in str(tag)]


def renaming(old: str, new: str, merged: bool) -> str:
    """The step of renaming a tag as history and Undo name it, with both names ("Rename tag 'y'" left out the new
    one: audit DH 4)."""
    return f"Merge tag '{old}' into '{new}'" if merged else f"Rename tag '{old}' to '{new}'"
