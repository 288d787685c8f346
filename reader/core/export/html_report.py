"""A standalone, printable HTML report: quotes, notes, links and an index of entities.

All user text is escaped; a note's Markdown is rendered (emphasis, lists, links) with any raw HTML in it shown as
text, never run. The index lists the entities named in the exported passages, not the whole register.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from itertools import groupby

from reader.core.documents.language import language_tag
from reader.core.export.items import ExportItem, NoteItem, citation
from reader.core.records.entities import EntitySummary
from reader.core.wording import plural

STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5}
blockquote{border-left:3px solid #c9a227;margin:0;padding:.2em 1em;background:#fbf6e3}
.meta{color:#555;font-size:.9em}.tags span{background:#eee;border-radius:3px;padding:0 .3em;margin-right:.3em}
@media print{body{margin:0}}"""


def to_html(items: list[ExportItem], entities: list[EntitySummary], title: str = "Notes",
            notes: Sequence[NoteItem] = ()) -> str:
    """`entities`: those named in the passages of `items` (the caller picks them); `notes`, the notebook's, follow
    the annotations."""
    parts = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
             f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>"]
    shown = {item.annotation.id for item in items}
    for _, group in groupby(items, key=lambda item: item.document.id):
        group = list(group)
        document = group[0].document
        parts.append(f"<h2>{escape(document.title)}</h2><p class='meta'>{escape(citation(document))}</p>")
        parts.extend(_item(item, shown) for item in group)
    if notes:
        parts.append("<h2>Notebook</h2>")
        parts.extend(_note(note, shown) for note in notes)
    if entities:
        parts.append("<h2>Index of entities</h2><ul>")
        parts.extend(f"<li>{escape(e.name)} <span class='meta'>({escape(e.type)}, "
                     f"{plural(e.mention_count, 'mention')} in the library)</span></li>"
                     for e in sorted(entities, key=lambda e: e.name.casefold()))
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _note(note: NoteItem, shown: set[int]) -> str:
    """A notebook note: its title, what it is on, its Markdown rendered (raw HTML shown as text), what it cites
    (each a link to its entry above, when the report holds it)."""
    html = [f"<h3>{escape(note.heading)}</h3>"]
    if note.about is not None:
        html.append(f"<p class='meta'>On {escape(citation(note.about))}</p>")
    if note.note.body.strip():
        html.append(f"<div class='note' dir='auto'>{markdown_html(note.note.body)}</div>")
    for cited in note.cited:
        source = escape(citation(cited.document))
        if cited.annotation.id in shown:
            source = f"<a href='#{_anchor(cited.annotation.id)}'>{source}</a>"
        html += [*_quote(cited), f"<p class='meta'>{source}</p>"]
    return "\n".join(html)


def _anchor(annotation_id: int) -> str:
    return f"a{annotation_id}"


def _quote(item: ExportItem, anchored: bool = False) -> list[str]:
    """The quote (with the entry's anchor, for the report's links to it) and its page."""
    anchor = f" id='{_anchor(item.annotation.id)}'" if anchored else ""
    tag = language_tag(item.document.metadata.language)
    language = f" lang='{escape(tag)}'" if tag else ""
    html = [f"<blockquote dir='auto'{language}{anchor}>{escape(item.quote)}</blockquote>"]  # Arabic, Hebrew: right
    # to left
    if item.where:
        html.append(f"<p class='meta page'>{escape(item.where)}</p>")
    return html


def _item(item: ExportItem, shown: set[int]) -> str:
    """An annotation's entry; a link's other passage leads to its own entry when the report holds it."""
    a = item.annotation
    html = _quote(item, anchored=True)
    if a.note.strip():
        html.append(f"<div class='note' dir='auto'>{markdown_html(a.note)}</div>")
    if a.tags:
        html.append("<p class='tags'>" + "".join(f"<span>{escape(t)}</span>" for t in a.tags) + "</p>")
    for link in item.links:
        other = f"“{escape(link.other.quote.exact)}”"
        if link.other.id in shown:
            other = f"<a href='#{_anchor(link.other.id)}'>{other}</a>"
        html.append(f"<p class='meta'>{escape(link.label)}: {other} "
                    f"({escape(link.other_document.title)}){' — ' + escape(link.note) if link.note else ''}</p>")
    return "\n".join(html)


NOTE_HEADINGS_BELOW = 3  # the report's own heading levels (title, document, note): a note's '#' is an <h4>


def markdown_html(text: str) -> str:
    """A note's Markdown as HTML, raw HTML escaped rather than passed through (CommonMark, html off); its headings
    below the report's own (a note's '# Heading' had stood level with the report's title in a printed outline)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False})
    tokens = parser.parse(text)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1:]) + NOTE_HEADINGS_BELOW)}"
    return parser.renderer.render(tokens, parser.options, {}).strip()
