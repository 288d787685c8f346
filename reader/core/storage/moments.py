"""When a part of a note was last changed: two copies of a library exchanging exports take each part from the copy
that changed it last, so a part saved as it was must keep its moment (saved again, it had become the newer, and an
exchange undid the other copy's change)."""

from __future__ import annotations


def stamped_if_changed(moment: str, columns, held: str) -> str:
    """SQL setting `moment` to `:stamp` where one of `columns` takes a new value (given as parameters of the same
    names), else to `held`."""
    unchanged = " AND ".join(f'"{column}" IS :{column}' for column in columns) or "1"
    return f"{moment} = CASE WHEN {unchanged} THEN {held} ELSE :stamp END"
