"""The shape of W3C Web Annotations we read back, checked before anything is used.

Other tools' files are foreign input: any value may be missing, of another type, or nested without end. Each entry
becomes an `Incoming` (what to place), `None` (a kind we rebuild ourselves: links and entity mentions), or a reason
it is skipped, so the report can say, per annotation, what was left out and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.records.annotations import HIGHLIGHT_COLORS, TextPosition, TextQuote

REBUILT_MOTIVATIONS = ("linking", "identifying")


@dataclass(frozen=True)
class Incoming:
    """One annotation to place: on which source, by quote and/or position, with its note, tags and colour."""

    label: str
    source: str
    quote: TextQuote | None
    position: TextPosition | None
    note: str
    tags: tuple[str, ...]
    color: str


def entries_of(data: object) -> tuple[list[object], str]:
    """The annotations a file holds (a collection, a page, a list or one annotation), and a problem with the file
    as a whole ('' if none)."""
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        first = data.get("first")
        if isinstance(first, str):
            return [], f"the collection's items are on another page ({first[:80]}), not in this file"
        if not isinstance(first, dict):
            return [], "the collection has no first page of items"
        return _items(first), ""
    if isinstance(data, dict) and data.get("type") == "AnnotationPage":
        return _items(data), ""
    if isinstance(data, list):
        return data, ""
    if isinstance(data, dict):
        return [data], ""
    return [], f"the file holds {type(data).__name__ if data is not None else 'null'}, not annotations"


def _items(page: dict) -> list[object]:
    items = page.get("items", [])
    return items if isinstance(items, list) else []


def parse_entry(entry: object, number: int) -> Incoming | str | None:
    """The annotation to place, None for a link or mention (rebuilt elsewhere), or why it is skipped."""
    if not isinstance(entry, dict):
        return f"item {number}: not an annotation object"
    label = entry.get("id") if isinstance(entry.get("id"), str) else f"item {number}"
    if entry.get("motivation") in REBUILT_MOTIVATIONS:
        return None
    target = _first(entry.get("target"))
    if isinstance(target, str):
        return f"{label}: its target is a whole resource ({target[:80]}), not a passage"
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        return f"{label}: it has no target with a source"
    selectors = _selectors(target.get("selector"))
    quote, quote_problem = _quote(selectors)
    position, position_problem = _position(selectors)
    if quote is None and position is None:
        return f"{label}: {quote_problem or position_problem or 'no TextQuoteSelector or TextPositionSelector'}"
    note, tags, body_problem = _bodies(entry)
    if body_problem and not note and not tags and quote is None:
        return f"{label}: {body_problem}"
    return Incoming(label, target["source"], quote, position, note, tags, _color(entry))


def _first(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _selectors(value: object) -> list[dict]:
    found = value if isinstance(value, list) else [value]
    return [selector for selector in found if isinstance(selector, dict)]


def _quote(selectors: list[dict]) -> tuple[TextQuote | None, str]:
    selector = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    if selector is None:
        return None, ""
    quote = TextQuote.from_w3c(selector)
    return quote, "" if quote is not None else "its TextQuoteSelector has no exact text"


def _position(selectors: list[dict]) -> tuple[TextPosition | None, str]:
    selector = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if selector is None:
        return None, ""
    position = TextPosition.from_w3c(selector)
    return position, "" if position is not None else \
        "its TextPositionSelector needs whole-number start and end, start before end"


def _bodies(entry: dict) -> tuple[str, tuple[str, ...], str]:
    bodies = entry.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes, tags, problem = [], [], ""
    for body in bodies:
        value = body.get("value") if isinstance(body, dict) else body if isinstance(body, str) else None
        if not isinstance(value, str):
            problem = "a body is not text (only TextualBody values are read)"
            continue
        (tags if isinstance(body, dict) and body.get("purpose") == "tagging" else notes).append(value)
    if isinstance(entry.get("bodyValue"), str):
        notes.append(entry["bodyValue"])
    return "\n\n".join(note for note in notes if note), tuple(tag for tag in tags if tag.strip()), problem


def _color(entry: dict) -> str:
    stylesheet = entry.get("stylesheet")
    value = stylesheet.get("value", "") if isinstance(stylesheet, dict) else ""
    value = value if isinstance(value, str) else ""
    return next((color for color in HIGHLIGHT_COLORS if f"background-color: {color}" in value), "yellow")
