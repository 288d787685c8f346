"""Typing held when the library refused it as the reader moved on: kept apart from the drafts' module so that a
panel shown at start (Metadata) loads nothing more for it."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.errors import ReaderError
from reader.core.wording import one_line


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

    def hold_fields(self, item_id: int, typed: dict, base: dict, refused: str, where: str) -> str:
        """Hold a form's fields typed (`typed`, with what they were when the typing began, `base`) for the item
        `where` names; the line that says so. A form's held typing is saved when the window closes if the library
        takes it then, else asked about."""
        return self.hold({self._id_key: item_id, "values": typed, "base": base, "text": typed_fields(where, typed),
                          "about": where}, refused, f"in the {where}", "closing the window saves it or asks")

    def save_fields(self, now_of: Callable[[int], dict], save: Callable[[int, dict], str | None]) -> list[str]:
        """At closing, each form's held fields saved where no one changed them meanwhile (they were asked about even
        when the library could be written again by then): `now_of(item_id)`, the fields as stored; `save(item_id,
        fields)`, why the library refused them, or None. Returns what is still held, one line per item (refused
        again, or typed over another's change: the close asks about it)."""
        for item_id, held in list(self._held.items()):
            try:
                now = now_of(item_id)
            except ReaderError:  # its document gone meanwhile: asked about
                continue
            kept, clashed = _split(held, now)
            if kept and save(item_id, {**now, **kept}) is not None:
                continue  # refused again: asked about, whole
            if clashed:  # asked about as what it is: typing over another's change (theirs said), not a refusal
                self._held[item_id] = {**held, "values": clashed, "text": typed_fields(held["about"], clashed, now)}
            else:
                del self._held[item_id]
        return self.texts()

    def texts(self) -> list[str]:
        """What is held, one line per item (for the question asked on closing)."""
        return [held["text"] for held in self._held.values()]

    def take(self, item_id: int) -> dict | None:
        return self._held.pop(item_id, None)

    def put_back(self, item_id: int, now: dict, set_field: Callable[[str, object], None],
                 say: Callable[[str], None]) -> None:
        """Put a form's held fields (`values` of its draft) back, unsaved, with `set_field`, but those another hand
        changed since the typing began (its `base`; `now`: the fields as stored): put back over such a change, they
        were saved over it on moving on. Those are left as they are, and `say` tells what had been typed there."""
        held = self.take(item_id) or {}
        kept, clashed = _split(held, now)
        for name, typed in kept.items():
            set_field(name, typed)
        if clashed:
            say(f"Changed elsewhere while your typing was held, so theirs is shown: you had {_had(clashed)} "
                f"({held.get('about', '')}).")

    def drafts(self) -> list[dict] | None:
        return list(self._held.values()) or None


def _split(held: dict, now: dict) -> tuple[dict, dict]:
    """A form's held fields: those still as they were when the typing began (`now`: as stored), and those another
    hand changed since; one another hand set as typed is neither (asked about, its two sides were one value)."""
    kept, clashed = {}, {}
    for name, typed in held.get("values", {}).items():
        if not _alike(now.get(name), typed):
            (kept if _alike(now.get(name), held.get("base", {}).get(name)) else clashed)[name] = typed
    return kept, clashed


def _alike(one, other) -> bool:
    """The same value of a field, an empty one being none."""
    return one == other or one in (None, "") and other in (None, "")


def _had(typed: dict) -> str:
    """'cleared date written and typed author “Mine”': what the reader had done to each field."""
    cleared = [name.replace("_", " ") for name, value in typed.items() if value in (None, "")]
    written = {name: value for name, value in typed.items() if value not in (None, "")}
    return " and ".join(([f"cleared {', '.join(cleared)}"] if cleared else [])
                        + ([f"typed {_fields(written)}"] if written else []))


def _fields(typed: dict, theirs: dict | None = None) -> str:
    """'author “Mine”'; when `theirs` (the fields as stored) is given, what another program set meanwhile first,
    each value cut (the question at closing is cut at its length: a long typing hid theirs)."""
    if theirs is None:
        return "; ".join(f"{name.replace('_', ' ')} {_set(value, '', 'cleared')}" for name, value in typed.items())
    return "; ".join(f"{name.replace('_', ' ')}: another program {_set(theirs.get(name), 'set', 'cleared it')} "
                     f"meanwhile; you {_set(value, 'typed', 'cleared it')}" for name, value in typed.items())


def _set(value, verb: str, cleared: str) -> str:
    """'typed “4”' (a field's value: text, or a number such as a source's reliability), or `cleared` for none."""
    quoted = f"“{one_line(str(value), VALUE_SHOWN)}”"
    return cleared if value in (None, "") else f"{verb} {quoted}" if verb else quoted


VALUE_SHOWN = 60  # characters of each value a clash quotes


def typed_fields(where: str, typed: dict, theirs: dict | None = None) -> str:
    """A line quoting the fields typed on an item (`where` names it), and another program's values of them where it
    changed them meanwhile (`theirs`): what the closing question quotes."""
    return f"{where}: {_fields(typed, theirs)}"
