"""The shape of W3C Web Annotations we read back, checked before anything is used.

Other tools' files are foreign input: any value may be missing, of another type, or nested without end. Each entry
becomes an `Incoming` (what to place), an `IncomingLink` (a cross-reference between two passages), `None` (an entity
mention, which recognition rebuilds), or a reason it is skipped, so the report can say, per annotation, what was left
out and why.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone

from reader.core.export.jsonld import IN_THE_TRASH_TERM, NOTEBOOK, URN
from reader.core.records.annotations import HIGHLIGHT_COLORS, TextPosition, TextQuote
from reader.core.records.relations import RELATIONS

REBUILT_MOTIVATIONS = ("identifying",)


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
    created: str = ""  # when the note was written and last changed, as the file says ('' if it does not)
    modified: str = ""
    moments: tuple[str, ...] = ("", "", "", "")  # when its text, tags, colour and place were changed (_moments)
    tags_merged: bool = False  # its tags have no moment of their own (another tool's): what it added or took out
    # since it was last read is added or taken out here, whatever the moments (a Hypothesis note corrected there had
    # the tags added here since replaced, audit BJ F8; a tag it added was refused as older, BK F4)
    target: str = ""  # the id the file gives its passage: a link's or a citation's end names the entry it is
    in_trash: bool = False  # a citation's passage the file says is in the Trash (see jsonld.IN_THE_TRASH_TERM)


@dataclass(frozen=True)
class IncomingLink:
    """A cross-reference to make: its two passages (placed as annotations are), the relation and its note. A
    relation this program does not know (another tool's tag) is 'see also', the tag kept in the note."""

    label: str
    ends: tuple[Incoming, Incoming]
    relation: str
    note: str
    modified: str = ""  # when its note was last changed, as the file says ('' if it does not)


@dataclass(frozen=True)
class IncomingNote:
    """A Notebook note to make: on a document (`about`, a source IRI) or free-standing, citing passages; also another
    tool's note on a whole page (Hypothesis's page notes), its tags written into it."""

    label: str
    title: str
    body: str
    about: str
    cited: tuple[Incoming, ...]
    created: str = ""
    modified: str = ""
    text_at: str = ""  # when its title or text was changed (its citations apart), as `modified` if unsaid
    cited_at: str = ""  # ... and when its citations were ('' where the file does not say: they only complete ours)


def entries_of(data: object) -> tuple[list[object], str]:
    """The annotations a file holds (a collection, a page, a list or one annotation), and a problem with the file
    as a whole ('' if none)."""
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        first = data.get("first")
        if isinstance(first, str):
            return [], f"the collection's items are on another page ({first[:80]}), not in this file"
        if not isinstance(first, dict):
            return [], "the collection has no first page of items"
        return _items(first)
    if isinstance(data, dict) and data.get("type") == "AnnotationPage":
        return _items(data)
    if isinstance(data, dict) and "@graph" in data:  # JSON-LD's own way of holding several objects
        return _items(data, "@graph")
    if isinstance(data, dict) and "rows" in data:  # Hypothesis's search answer ({"total": n, "rows": [...]})
        return _items(data, "rows")
    if isinstance(data, list):
        return data, ""
    if isinstance(data, dict) and "target" not in data:  # our GeoJSON, another program's file: said as a file
        kind = data.get("type")
        return [], f"the file holds {f'a {kind}' if isinstance(kind, str) else 'an object with no target'}, not " \
            "annotations"
    if isinstance(data, dict):
        return [data], ""
    return [], f"the file holds {_held(data)}, not annotations"


def _items(holder: dict, key: str = "items") -> tuple[list[object], str]:
    items = holder.get(key, [])
    return (items, "") if isinstance(items, list) else ([], f"its {key.lstrip('@')} are not a list of annotations")


def _held(data: object) -> str:
    """What a JSON value is, in words (not Python's type names)."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true or false"
    return "a number" if isinstance(data, int | float) else "a string of text"


def parse_entry(entry: object, number: int) -> Incoming | IncomingLink | IncomingNote | str | None:
    """The annotation to place, the link to make, None for a mention (recognition rebuilds it), or why it is
    skipped."""
    if not isinstance(entry, dict):
        return f"item {number}: not an annotation object"
    label = entry.get("id") if isinstance(entry.get("id"), str) else f"item {number}"
    if entry.get("motivation") in REBUILT_MOTIVATIONS:
        return None
    if entry.get("motivation") == "linking":
        return _link(entry, label)
    if label.startswith(NOTEBOOK) or _whole_resources(entry.get("target")):
        return _notebook_note(entry, label)
    note, tags, body_problem = _bodies(entry)
    found = _passage(_first(entry.get("target")), label, note, tags, _color(entry))
    if isinstance(found, Incoming) and body_problem and not note and not tags and found.quote is None:
        return f"{label}: {body_problem}"
    if isinstance(found, Incoming):
        created = moment(entry.get("created"))
        modified = moment(entry.get("modified") or entry.get("updated")) or created  # Hypothesis says 'updated'
        found = replace(found, created=created, modified=modified, moments=_moments(entry, modified, note, tags),
                        tags_merged=not _tags_dated(entry) and not label.startswith(URN))
        # (this program's exports before tags had their moment are dated by their entry, as they were)
    return found


def _moments(entry: dict, modified: str, note: str, tagged: tuple[str, ...]) -> tuple[str, ...]:
    """When the note's text, its tags, its colour and its place were last changed, as its bodies, its stylesheet
    and its target say (this program writes them). A part the entry gives with no moment of its own (another tool's
    file) was changed at the annotation's `modified`; a part it leaves out (no note, no tags) has no moment (''),
    and is taken from no file: a bare highlight recoloured in one copy had wiped the note and tags written since in
    the other. (`note`, `tagged`: what the entry gives, as `_bodies` reads it.)"""
    bodies = entry.get("body", [])
    bodies = [body for body in (bodies if isinstance(bodies, list) else [bodies]) if isinstance(body, dict)]
    undated = [{}]  # a note or tags given otherwise (bodyValue, a plain string, Hypothesis's text and tags): as the
    # entry was changed (they were never taken, audit BI F12)
    notes = [body for body in bodies if body.get("purpose") != "tagging"] or (undated if note else [])
    tags = [body for body in bodies if body.get("purpose") == "tagging"] or (undated if tagged else [])
    stylesheet, target = entry.get("stylesheet"), _first(entry.get("target"))
    return (_latest(notes, modified), _latest(tags, modified),
            _latest([stylesheet] if isinstance(stylesheet, dict) else [], modified),
            _latest([target] if isinstance(target, dict) else [], modified))


def _tags_dated(entry: dict) -> bool:
    """Whether an entry's tags say when they were changed (this program's exports do)."""
    bodies = entry.get("body", [])
    return any(isinstance(body, dict) and body.get("purpose") == "tagging" and moment(body.get("modified"))
               for body in (bodies if isinstance(bodies, list) else [bodies]))


def _latest(parts: list[dict], modified: str) -> str:
    """The latest moment the parts give; `modified` where they give none, '' where there are none."""
    if not parts:
        return ""
    return max((moment(part.get("modified")) for part in parts), default="") or modified


def moment(value: object) -> str:
    """An xsd:dateTime as this program stores times (UTC, to the second), or '' for anything else."""
    if not isinstance(value, str):
        return ""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return ""
    if parsed.tzinfo is None:  # the model requires a zone; a time without one is taken as UTC
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).isoformat(timespec="seconds")


def _whole_resources(targets: object) -> bool:
    """Whether every target is a whole document (an IRI, or a source without a selector): a note on a page."""
    targets = targets if isinstance(targets, list) else [targets]
    return bool(targets) and all(_whole_source(t) for t in targets)


def _whole_source(target: object) -> str:
    """The IRI of a target that is a whole resource ('' for a passage): a string, an External Web Resource
    ({"id": …}), or a source without a selector."""
    if isinstance(target, str):
        return target
    if not isinstance(target, dict) or "selector" in target:
        return ""
    found = target.get("source", target.get("id"))
    return found if isinstance(found, str) else ""


def _notebook_note(entry: dict, label: str) -> IncomingNote | str:
    """A Notebook note (ours), or a note on a whole page: the document it is on, and the passages it cites."""
    targets = entry.get("target") if isinstance(entry.get("target"), list) else [entry.get("target")]
    about = next((source for t in targets if (source := _whole_source(t)) and source != NOTEBOOK), "")
    cited = [_passage(t, label) for t in targets if not _whole_source(t)]
    problem = next((found for found in cited if isinstance(found, str)), None)
    if problem is not None:
        return problem
    bodies = entry.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    title = next((b["value"] for b in bodies if isinstance(b, dict) and b.get("purpose") == "describing"
                  and isinstance(b.get("value"), str)), "")
    kept = {**entry, "body": [b for b in bodies if not (isinstance(b, dict) and b.get("purpose") == "describing")]}
    note, tags, _problem = _bodies(kept)
    body = "\n\n".join(part for part in (note, " ".join(f"#{tag.replace(' ', '-')}" for tag in tags)) if part)
    if not body.strip() and not title.strip():
        return f"{label}: a note on a whole document, with nothing written in it"
    created = moment(entry.get("created"))
    modified = moment(entry.get("modified") or entry.get("updated")) or created
    written = [b for b in bodies if isinstance(b, dict) and b.get("purpose") in ("commenting", "describing")]
    return IncomingNote(label, title, body, about, tuple(cited), created, modified,
                        _latest(written, modified) or modified,
                        max((moment(t.get("modified")) for t in targets if isinstance(t, dict)), default=""))


def _passage(target: object, label: str, note: str = "", tags: tuple[str, ...] = (),
             color: str = "yellow") -> Incoming | str:
    """One target as a passage to place, or why it cannot be."""
    if isinstance(target, str):
        return f"{label}: its target is a whole resource ({target[:80]}), not a passage"
    if not isinstance(target, dict) or not isinstance(target.get("source"), str):
        return f"{label}: it has no target with a source"
    selectors = _selectors(target.get("selector"))
    quote, quote_problem = _quote(selectors)
    position, position_problem = _position(selectors)
    if quote is None and position is None:
        return f"{label}: {quote_problem or position_problem or 'no TextQuoteSelector or TextPositionSelector'}"
    named = target.get("id")  # this program's names an entry's passage; another tool's (a page address) may not
    return Incoming(label, target["source"], quote, position, note, tags, color,
                    target=named if isinstance(named, str) and named.startswith(f"{URN}:annotation:") else "",
                    in_trash=target.get(IN_THE_TRASH_TERM) is True)


def _link(entry: dict, label: str) -> IncomingLink | str:
    """A linking annotation between two passages (as our exports write them: the relation a tag)."""
    targets = entry.get("target")
    if not isinstance(targets, list) or len(targets) != 2:
        return f"{label}: a link needs two targets, the passages it joins"
    ends = [_passage(target, label) for target in targets]
    problem = next((end for end in ends if isinstance(end, str)), None)
    if problem is not None:
        return problem
    note, tags, _problem = _bodies(entry)
    relation = next((tag for tag in tags if tag in RELATIONS), "see_also")
    other_tags = [tag for tag in tags if tag != relation]
    note = "\n\n".join(part for part in (note, ", ".join(other_tags)) if part)
    return IncomingLink(label, (ends[0], ends[1]), relation, note,
                        moment(entry.get("modified") or entry.get("updated")) or moment(entry.get("created")))


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
        "its TextPositionSelector needs whole-number start and end, from 0, start before end"


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
    if not bodies and isinstance(entry.get("text"), str):  # Hypothesis's own shape: its note and tags
        notes.append(entry["text"])
    if not bodies and isinstance(entry.get("tags"), list):
        tags += [tag for tag in entry["tags"] if isinstance(tag, str)]
    return "\n\n".join(note for note in notes if note), tuple(tag for tag in tags if tag.strip()), problem


def _color(entry: dict) -> str:
    """The highlight's colour as its stylesheet gives it; '' where none does (a note here keeps its own, and a new
    one is yellow): a note recoloured here was said to differ from a file giving no colour at all."""
    stylesheet = entry.get("stylesheet")
    value = stylesheet.get("value", "") if isinstance(stylesheet, dict) else ""
    value = value if isinstance(value, str) else ""
    return next((color for color in HIGHLIGHT_COLORS if f"background-color: {color}" in value), "")
