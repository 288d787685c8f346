"""A Markdown file's front matter: the YAML block that Obsidian, Zettlr, Jekyll and Pandoc notes open with.

It says the note's title, author and date; read as text, its first line became the title ("title: Field notes…",
key and all) and the rest was lost. It is read as metadata, and the block is set aside as boilerplate: the stored
text stays the file's own.
"""

from __future__ import annotations

import datetime
import re

_BLOCK = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
MAX_CHARS = 20_000  # front matter longer than this is no front matter
FIELDS = {"title": "title", "author": "author", "authors": "author", "date": "date_published"}


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The metadata the front matter gives, and where the block ends (0: the text has none)."""
    import yaml

    found = _BLOCK.match(text[:MAX_CHARS])
    if found is None:
        return {}, 0
    try:
        values = yaml.safe_load(found["yaml"])
    except yaml.YAMLError:
        return {}, 0  # a rule of dashes opening a text, not YAML
    if not isinstance(values, dict):
        return {}, 0
    metadata = {field: _text(values[key]) for key, field in FIELDS.items() if key in values}
    end = found.end() - 1 if found.group().endswith("\n") else found.end()  # the closing line, not its newline
    return {field: value for field, value in metadata.items() if value}, end


def _text(value) -> str:
    """A value as one line: the first of a list (authors), a date as ISO."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return " ".join(str(value).split()) if value is not None else ""
