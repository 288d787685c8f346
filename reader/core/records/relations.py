"""The relations a link can state between two passages, with the labels the user sees."""

RELATIONS = {
    "corroborates": "corroborates", "contradicts": "contradicts", "same_event": "same event",
    "derives_from": "quotes / derives from", "elaborates": "elaborates", "see_also": "see also",
}
SEEN_FROM_THE_OTHER = {"derives_from": "is quoted / derived by", "elaborates": "is elaborated by"}  # a one-way
# relation as the second passage's side reads it ("B elaborates A" under B was "A elaborates B" said the wrong way)
DIRECTED_RELATIONS = frozenset(SEEN_FROM_THE_OTHER)


def link_step(verb: str, relation: str) -> str:
    """A step on a link as history and Undo name it, with its relation ("Link passages (contradicts)"): among
    several links made or deleted, "Link passages" and "Delete link" named none (audits DH 4, DJ 2)."""
    return f"{verb} ({RELATIONS.get(relation, relation)})"
