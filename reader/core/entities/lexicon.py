"""What the language model's own vocabulary says about a word, read without loading spaCy.

The model ships the strings it was trained on (`vocab/strings.json`, some 85,000 words in the case they were
written). A word the vocabulary holds only in lower case ('ratification', 'whereupon') is a common word, however a
page capitalises it; a word it does not hold at all is rare, a foreign name or an OCR misreading. spaCy's own
`Lexeme.is_oov` and `prob` carry nothing in a model without vectors, and its string store grows with every text it
reads, so the file is read as shipped. Without the model the lexicon is empty and every check says 'unknown'.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path


class Lexicon:
    """Words as the model's training text wrote them: `lower` held in lower case, `capitalised` with a capital."""

    def __init__(self, words: list[str] | tuple[str, ...] = ()):
        self.lower = frozenset(w for w in words if w.isalpha() and w.islower())
        self.capitalised = frozenset(w.casefold() for w in words if w.isalpha() and w[:1].isupper())
        title = {w for w in words if w.isalpha() and w[:1].isupper() and w[1:].islower()}
        self.acronyms = frozenset(w for w in words if len(w) > 1 and w.isalpha() and w.isupper()
                                  and w.capitalize() not in title)  # 'USSR', never written 'Ussr'

    def knows(self, word: str) -> bool:
        key = word.casefold()
        return key in self.lower or key in self.capitalised

    def is_common_word(self, word: str) -> bool:
        """Known in lower case and never written with a capital: capitalised here only by its place on the page."""
        key = word.casefold()
        return key in self.lower and key not in self.capitalised

    def __bool__(self) -> bool:
        return bool(self.lower)


EMPTY = Lexicon()


@cache
def model_lexicon(model_name: str) -> Lexicon:
    """The lexicon of an installed model package (or a model folder); empty when neither is found."""
    path = _strings_file(model_name)
    if path is None:
        return EMPTY
    try:
        return Lexicon(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return EMPTY


def _strings_file(model_name: str) -> Path | None:
    folder = Path(model_name)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(model_name.replace("-", "_"))
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    found = sorted(folder.glob("vocab/strings.json")) + sorted(folder.glob("*/vocab/strings.json"))
    return found[0] if found else None
