"""The visible text of an HTML page: no script, style or navigation; block elements become line breaks."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

_HIDDEN_TAGS = {"script", "style", "noscript", "template", "nav", "head", "iframe", "svg", "object", "canvas"}
_PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure"}
_LINE_TAGS = {
    "div", "li", "tr", "section", "article", "header", "footer", "main", "aside", "address", "dd", "dt",
    "figcaption", "hr", "form", "fieldset", "caption", "details", "summary", "body",
}
_SPACE_RUN = re.compile(r"[ \t\n\f\v]+")


def html_to_text(html: str) -> str:
    """Visible text of `html`, one line per block, paragraphs separated by a blank line."""
    root = lxml.html.document_fromstring(html) if html.strip() else None
    if root is None:
        return ""
    chunks: list[str] = []
    _walk(root, chunks, preformatted=False)
    return _tidy("".join(chunks))


def _is_hidden(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments and processing instructions
    tag = element.tag.lower()
    attrs = element.attrib
    return tag in _HIDDEN_TAGS or attrs.get("role") == "navigation" or "hidden" in attrs \
        or attrs.get("aria-hidden") == "true"


def _walk(element: etree._Element, chunks: list[str], preformatted: bool) -> None:
    if _is_hidden(element):
        _append(chunks, element.tail, preformatted)
        return
    tag = element.tag.lower()
    breaks = "\n\n" if tag in _PARAGRAPH_TAGS else "\n" if tag in _LINE_TAGS else ""
    inner_pre = preformatted or tag == "pre"
    chunks.append("\n" if tag == "br" else breaks)
    _append(chunks, element.text, inner_pre)
    for child in element:
        _walk(child, chunks, inner_pre)
    chunks.append(breaks)
    if tag in ("td", "th"):
        chunks.append(" ")
    _append(chunks, element.tail, preformatted)


def _append(chunks: list[str], text: str | None, preformatted: bool) -> None:
    if text:
        chunks.append(text if preformatted else _SPACE_RUN.sub(" ", text))


def _tidy(text: str) -> str:
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
