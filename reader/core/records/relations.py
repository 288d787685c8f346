"""The relations a link can state between two passages, with the labels the user sees."""

RELATIONS = {
    "corroborates": "corroborates", "contradicts": "contradicts", "same_event": "same event",
    "derives_from": "quotes / derives from", "elaborates": "elaborates", "see_also": "see also",
}
DIRECTED_RELATIONS = frozenset({"derives_from"})
