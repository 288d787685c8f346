"""The title a file declares about itself, less the placeholders programs write there in its stead."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"^(untitled|microsoft word - .*|.*\.(docx?|odt|rtf|pdf|indd|tex|dvi))$", re.IGNORECASE)


def declared_title(title: str) -> str:
    """`title`, or "" when it is no title but a program's placeholder ('Untitled', 'Microsoft Word - x.doc', a file
    name): a declared title outranks the text's own first line at import, so a placeholder must not pass for one."""
    title = " ".join(title.split())
    return "" if _PLACEHOLDER.match(title) else title
