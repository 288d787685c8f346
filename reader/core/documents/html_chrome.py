"""A web page's chrome, as the page itself marks it: the site's banner, sidebars and footer around the article.

Boilerplate is otherwise found by recurring across a corpus's pages, so a page imported alone (or a few short ones
of one site) kept its menus, cookie notice, adverts and copyright as text. HTML5 marks these parts: a header, aside
or footer (or the ARIA roles banner, complementary, contentinfo) that is not inside the article or the main content.
Their lines are set aside as boilerplate (hidden, never deleted: the reader can show them); an article's own header
and asides stay.
"""

from __future__ import annotations

import lxml.html

from reader.core.documents.html_text import html_to_text
from reader.core.documents.lines import Line, split_lines

CHROME_TAGS = {"header", "footer", "aside"}
CHROME_ROLES = {"banner", "contentinfo", "complementary"}
CONTENT_TAGS = {"article", "main"}


def chrome_ranges(html: str, text: str) -> list[tuple[int, int]]:
    """The [start, end) ranges of `text` (the page's visible text) that its chrome elements give."""
    root = lxml.html.document_fromstring(html) if html.strip() else None
    if root is None:
        return []
    lines = [line for line in split_lines(text) if not line.blank]
    ranges, at = [], 0
    for element in _chrome(root):
        wanted = [line.key for line in split_lines(html_to_text(lxml.html.tostring(element, encoding="unicode",
                                                                                    with_tail=False)))
                  if not line.blank]
        found = _find(lines, wanted, at)
        if found is not None:
            ranges.append((lines[found].start, lines[found + len(wanted) - 1].end))
            at = found + len(wanted)
    return ranges


def _chrome(root) -> list:
    """The outermost chrome elements outside the article, in document order."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str) or not _is_chrome(element):
            continue
        ancestors = list(element.iterancestors())
        if not any(a.tag in CONTENT_TAGS or a.get("role") == "main" or _is_chrome(a) for a in ancestors):
            found.append(element)
    return found


def _is_chrome(element) -> bool:
    return element.tag in CHROME_TAGS or element.get("role") in CHROME_ROLES


def _find(lines: list[Line], wanted: list[str], at: int) -> int | None:
    """Where the run of line keys `wanted` stands in `lines`, from `at` on."""
    if not wanted:
        return None
    for start in range(at, len(lines) - len(wanted) + 1):
        if all(lines[start + k].key == key for k, key in enumerate(wanted)):
            return start
    return None
