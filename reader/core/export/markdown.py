"""Markdown notes grouped by document, by tag or by entity: each quote as a blockquote with its citation, the note,
tags and links.

Readable as it is in Obsidian or Zotero. Grouped by tag or entity, a note appears under each of its tags (or each
entity it mentions), so a paper's section on one person or one question can be drafted from one heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby

from reader.core.export.items import ExportItem, NoteItem, citation

GROUPINGS = ("document", "tag", "entity")
UNTAGGED, NO_ENTITY = "Untagged", "No entity named"


def to_markdown(items: list[ExportItem], group_by: str = "document",
                entities_of: Mapping[int, tuple[str, ...]] | None = None, title: str = "Notes",
                notes: Sequence[NoteItem] = ()) -> str:
    """`entities_of` maps an annotation id to the names of the entities mentioned in its passage (for `entity`);
    `notes`, the notebook's, follow the annotations under their own heading."""
    lines = [f"# {title}", ""]
    if group_by == "tag":
        lines += _sections(items, lambda item: item.annotation.tags, UNTAGGED)
    elif group_by == "entity":
        lines += _sections(items, lambda item: (entities_of or {}).get(item.annotation.id, ()), NO_ENTITY)
    else:
        lines += _by_document(items)
    if notes:
        lines += ["## Notebook", ""]
        for note in notes:
            lines += _note(note)
    return "\n".join(lines).rstrip() + "\n"


def _note(note: NoteItem) -> list[str]:
    """A notebook note: its title, what it is on, its Markdown (headings and quotes escaped), the passages cited."""
    lines = [f"### {literal(note.heading)}", ""]
    if note.about is not None:
        lines += [f"*On {literal(citation(note.about))}*", ""]
    if note.note.body.strip():
        lines += [*note_lines(note.note.body), ""]
    for cited in note.cited:
        lines += [*_quote(cited), ""]
    return [*lines, "---", ""]


def _by_document(items: list[ExportItem]) -> list[str]:
    lines = []
    for _, group in groupby(items, key=lambda item: item.document.id):
        group = list(group)
        lines += [f"## {literal(group[0].document.title)}", "", f"*{literal(citation(group[0].document))}*", ""]
        for item in group:
            lines += _item(item)
    return lines


def _sections(items: list[ExportItem], keys_of: Callable[[ExportItem], Iterable[str]], leftover: str) -> list[str]:
    """One heading per key (sorted, the leftover heading last); an item sits under every key it has."""
    sections: dict[str, list[ExportItem]] = {}
    for item in items:
        for key in dict.fromkeys(keys_of(item)) or (leftover,):
            sections.setdefault(key, []).append(item)
    lines = []
    for key in sorted(sections, key=lambda name: (name == leftover, name.casefold())):
        lines += [f"## {literal(key)}", ""]
        for item in sections[key]:
            lines += [f"### {literal(item.document.title)}", "", *_item(item)]
    return lines


_MARKUP = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&amp;" as printed, not an '&'
_CLOSING_HASHES = re.compile(r"(?<=\s)(#+\s*)$")  # a heading's end "Fond 5 #": read as its closing sequence
_LIST_START = re.compile(r"^(\s{0,3})(?:([-+])|(\d{1,9})([.)]))(?=\s|$)")  # "- ", "+ ", "1934. ", "2) "


def literal(text: str) -> str:
    """A name (a tag, a title, a citation) written as it reads, on one line (see `plain_line`)."""
    return plain_line(" ".join(text.split()))


def plain_line(line: str) -> str:
    """A line of a source's words written so that a Markdown reader shows every character as printed: a quote lost
    what it took for markup ("e<f>g" read "eg", "# counted" became a heading, "*lamas*" italics, a line "1934. The"
    a numbered list, "&amp;" an '&')."""
    escaped = _ENTITY.sub(r"\\&", _MARKUP.sub(r"\\\1", line))
    escaped = _LIST_START.sub(lambda match: f"{match[1]}\\{match[2]}" if match[2] else
                              f"{match[1]}{match[3]}\\{match[4]}", escaped, count=1)
    return _CLOSING_HASHES.sub(r"\\\1", escape_block_line(escaped))


_BLOCK_START = re.compile(r"^(\s{0,3})([#>]|[-*_=](?:\s*[-*_=]){2,}\s*$|=+\s*$|-+\s*$)")


def escape_block_line(line: str) -> str:
    """A note's line that would open a heading, a blockquote (our citation lines are quotes) or a rule, or turn the
    line above into a heading ('===', '---'), gets a backslash: a note, perhaps imported from someone else's file,
    must not forge the export's structure. The rest of its Markdown (emphasis, lists, links) is kept."""
    return _BLOCK_START.sub(lambda match: f"{match[1]}\\{match[2]}", line, count=1)


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
_TAG_OPENING = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")
_RAW_HTML = re.compile(r"^(\s{0,3})(<(?:!|\?|(?:script|pre|style|textarea)\b))", re.IGNORECASE)


def _without_inline_tags(line: str) -> str:
    """A '<' that opens a tag escaped outside code spans: an editorial insertion ("<per protocol>") is words, which
    Markdown readers took for an HTML tag and hid."""
    pieces = _CODE_SPAN.split(line)  # code spans at odd places, kept as written
    return "".join(piece if number % 2 else _TAG_OPENING.sub(r"\\<", piece) for number, piece in enumerate(pieces))


def note_lines(text: str) -> list[str]:
    """A note's Markdown as lines of the export, kept inside its note: structural lines escaped (see
    `escape_block_line`) outside code, a code fence left open closed where the note ends, and raw HTML that runs
    until it is closed ('<!--', '<pre>') shown as text. A draft's unclosed fence or comment made every later note,
    quote and heading of the export code, or invisible."""
    lines, fence = [], ""
    for line in text.strip().split("\n"):
        opening = _FENCE.match(line)
        if fence:
            closes = opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence) \
                and not line[opening.end():].strip()
            fence = "" if closes else fence
            lines.append(line)
        elif opening:
            fence = opening[1]
            lines.append(line)
        else:
            escaped = _RAW_HTML.sub(lambda match: f"{match[1]}\\{match[2]}", escape_block_line(line), count=1)
            lines.append(_without_inline_tags(escaped))
    return [*lines, fence] if fence else lines


def _quote(item: ExportItem) -> list[str]:
    """The passage as a blockquote, with its source and where in it."""
    annotation = item.annotation
    lines = (line.strip() for line in item.quote.split("\n"))  # an indent would make a code block
    quote = [f"> {plain_line(line)}" if line else ">" for line in lines]
    where = item.placed(f"characters {annotation.start}–{annotation.end}")
    return [*quote, ">", f"> — {literal(citation(item.document))} ({where})"]


def _item(item: ExportItem) -> list[str]:
    annotation = item.annotation
    lines = [*_quote(item), ""]
    if annotation.note.strip():
        lines += [*note_lines(annotation.note), ""]
    if annotation.tags:  # as written: '#meeting-1934' stood for 'meeting 1934' and 'meeting-1934' alike
        lines += ["*Tags:* " + ", ".join(literal(tag) for tag in annotation.tags), ""]  # no tag holds a comma
    for link in item.links:
        note = f" — {_without_inline_tags(escape_block_line(' '.join(link.note.split())))}" if link.note.strip() else ""
        lines.append(f"- *{link.label}*: “{literal(link.other.quote.exact)}” ({literal(link.other_document.title)})"
                     f"{note}")
    return [*lines, "", "---", ""] if item.links else [*lines, "---", ""]
