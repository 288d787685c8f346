"""Typing held when the library refused it as the reader moved on: kept apart from the drafts' module so that a
panel shown at start (Metadata) loads nothing more for it."""

from __future__ import annotations


class HeldTyping:
    """Typing the database refused when the reader moved on to another item (a read-only or damaged library): it
    went with the next item shown. Held here by the id of the item it was typed on (`id_key` of the draft) until
    that item is shown again. Meanwhile a note's is kept in the session file (a DraftKeeper over `drafts`), so that
    the next start that can write the library saves it; a form's (metadata, source criticism) is asked about when
    the window closes."""

    def __init__(self, id_key: str):
        self._id_key, self._held = id_key, {}

    def hold(self, draft: dict, refused: str, where: str,
             then: str = "the next start that can write the library saves it") -> str:
        """Hold the draft; the line that says so, after the refusal (`where`: what it was typed on; `then`: what
        becomes of it if it is not chosen again)."""
        self._held[draft[self._id_key]] = draft
        return f"{refused}. What you typed {where} is kept: it comes back when you choose it again, and {then}."

    def take(self, item_id: int) -> dict | None:
        return self._held.pop(item_id, None)

    def drafts(self) -> list[dict] | None:
        return list(self._held.values()) or None
