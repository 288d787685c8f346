"""Markdown notes grouped by document: each quote as a blockquote with its citation, note, tags and links.

Readable as it is in Obsidian or Zotero.
"""

from __future__ import annotations

from itertools import groupby

from reader.core.export.items import ExportItem, citation


def to_markdown(items: list[ExportItem], title: str = "Notes") -> str:
    lines = [f"# {title}", ""]
    for _, group in groupby(items, key=lambda item: item.document.id):
        group = list(group)
        lines += [f"## {group[0].document.title}", "", f"*{citation(group[0].document)}*", ""]
        for item in group:
            lines += _item(item)
    return "\n".join(lines).rstrip() + "\n"


def _item(item: ExportItem) -> list[str]:
    annotation = item.annotation
    quote = [f"> {line}" if line else ">" for line in annotation.quote.exact.split("\n")]
    lines = [*quote, ">", f"> — {citation(item.document)} (characters {annotation.start}–{annotation.end})", ""]
    if annotation.note.strip():
        lines += [annotation.note.strip(), ""]
    if annotation.tags:
        lines += [" ".join(f"#{tag.replace(' ', '-')}" for tag in annotation.tags), ""]
    for link in item.links:
        other = " ".join(link.other.quote.exact.split())
        note = f" — {link.note}" if link.note else ""
        lines.append(f"- *{link.label}*: “{other}” ({link.other_document.title}){note}")
    return [*lines, "", "---", ""] if item.links else [*lines, "---", ""]
