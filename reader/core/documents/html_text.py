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
    text = _tidy("".join(chunks))
    return text if text.strip() else _tidy(_streamed_text(html))


def _streamed_text(html: str) -> str:
    """The same rules read as a stream of tags, for pages libxml2 will not build a tree of: it stops at a few
    hundred levels of nesting and drops everything deeper, so a page nested 100,000 deep read as empty."""
    from html.parser import HTMLParser

    class Stream(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.chunks: list[str] = []
            self.hidden: list[bool] = []  # per open element: whether it hides its content
            self.hiding = 0  # how many open elements hide

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag == "br":
                self.chunks.append("\n")
                return
            named = dict(attrs)
            hides = tag in _HIDDEN_TAGS or "hidden" in named or named.get("aria-hidden") == "true"
            self.hidden.append(hides)
            self.hiding += hides
            self.chunks.append(_breaks(tag))

        def handle_endtag(self, tag: str) -> None:
            if self.hidden:
                self.hiding -= self.hidden.pop()
            self.chunks.append(_breaks(tag))

        def handle_data(self, data: str) -> None:
            if not self.hiding:
                self.chunks.append(_SPACE_RUN.sub(" ", data))

    stream = Stream()
    stream.feed(html)
    stream.close()
    return "".join(stream.chunks)


def _breaks(tag: str) -> str:
    return "\n\n" if tag in _PARAGRAPH_TAGS else "\n" if tag in _LINE_TAGS else ""


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
    breaks = _breaks(tag)
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
