"""The language a text is written in, for its metadata: by py3langid's model (in its wheel), paragraph by paragraph.

A whole text classified at once takes the language of its most distinctive letters (one Russian sentence in an
English report made it Russian), and an encoding detector's guess, used before, called English texts German or
Dutch. Each paragraph votes by its length; a language holding most of the text is the text's, else none is said.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, cached_property

READ_CHARS = 20_000  # the text's beginning is enough to tell
MIN_LETTERS = 40  # a paragraph shorter than this says too little to vote
SURE = 0.8  # a paragraph votes only when the model is this sure of it
MOST = 0.6  # share of the voting letters a language needs to be the text's
_LETTER = re.compile(r"[^\W\d_]")


class LanguageReader:
    """Reads texts' languages with the model loaded once, for as long as the reader is kept: one import's documents.
    Loaded, the model holds some 80 MB, which a window kept for its whole session for one metadata field."""

    @cached_property
    def _model(self):
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)

    def of(self, text: str) -> str:
        """The English name of the language most of the text is written in ("English"), or "" when unsure."""
        votes: Counter[str] = Counter()
        for paragraph in re.split(r"\n\s*\n|\n", text[:READ_CHARS]):
            letters = len(_LETTER.findall(paragraph))
            if letters >= MIN_LETTERS:
                code, probability = self._model.classify(paragraph)
                if probability >= SURE:
                    votes[code] += letters
        if not votes:
            return ""
        code, letters = votes.most_common(1)[0]
        return _name(code) if letters >= MOST * sum(votes.values()) else ""


def _name(code: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


def language_tag(language: str) -> str:
    """The BCP 47 tag of a language as the metadata names it ("Russian", or "ru" itself), '' when it names none:
    what an export marks a source's text with, so a screen reader, a spell checker and hyphenation read it as such."""
    said = " ".join(language.split()).casefold()
    tags = _tags_by_name()
    return tags.get(said, said if said in tags.values() else "")


@cache
def _tags_by_name() -> dict[str, str]:
    from babel import Locale

    return {name.casefold(): code for code, name in Locale("en").languages.items()}
