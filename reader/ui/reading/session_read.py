"""The reading desk's session as saved in the session file, read back only when it is as this version writes it.

The file beside the library can be cut short (a copy interrupted), edited by hand or written by another version:
read blindly, any of those stopped the window from opening at every start (audit DT F3).
"""

from __future__ import annotations

_PANE = {"document_id": int, "position": int, "zoom": int, "boilerplate_hidden": bool, "shows": str,
         "page_zoom": str}  # what a pane's entry may hold (older versions wrote less of it)
_DESK = {"panes": list, "left": list, "splitter": str, "layers": list, "maximised": int}


def read_session(text: object) -> dict | None:
    """The session saved as `text`, or None when it is not one this version can restore."""
    import json  # not at start-up (test_the_first_screen_loads_no_editing_code)

    try:
        state = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if not isinstance(state, dict) or not _holds(state, _DESK) or not all(isinstance(layer, str)
                                                                          for layer in state.get("layers", [])):
        return None
    if not state.get("splitter", "").isascii():  # Base64, or decoding it raised as the window opened (audit DU F4)
        return None
    entries = [*state.get("panes", []), *state.get("left", [])]
    if not all(isinstance(entry, dict) and "document_id" in entry and _holds(entry, _PANE) for entry in entries):
        return None
    return state


def _holds(values: dict, kinds: dict[str, type]) -> bool:
    """Whether each value named in `kinds` is of its kind (a bool is no number here: JSON keeps them apart)."""
    return all(isinstance(values[key], kind) and (kind is bool or not isinstance(values[key], bool))
               for key, kind in kinds.items() if key in values)
