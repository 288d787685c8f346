"""ALL-CAPITAL headlines and signatures given back their case before the model reads them.

The model learned names from their capitals: in 'EXTENSIVE COLLECTION OF LAW BOOKS' or 'JOHN RUMSEY' every word
looks like one, and its labels there are guesses. In a run of two or more words set in capitals each word is
rewritten as the model's own vocabulary or the text itself writes it: lower case for a common word ('extensive',
'the'), kept in capitals for an acronym the vocabulary knows only so ('USSR'), else with an initial capital ('John',
'Rumsey'). Letters are replaced one for one, so every offset into the text stays valid.
"""

from __future__ import annotations

import re

from reader.core.entities.lexicon import Lexicon

CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’]+\b(?:[^\w\n]{1,3}\b[A-Z][A-Z'’]*\b)+")
CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’]+\b")
LOWER_WORD = re.compile(r"\b[a-z]+\b")


def truecased(text: str, lexicon: Lexicon) -> str:
    """The text with its runs of capitalised words recased; unchanged when it has none or no lexicon is known."""
    if not lexicon or not CAPS_RUN.search(text):
        return text
    lower = set(LOWER_WORD.findall(text))
    return CAPS_RUN.sub(lambda run: CAPS_WORD.sub(lambda word: _recased(word.group(), lexicon, lower), run.group()),
                        text)


def _recased(word: str, lexicon: Lexicon, lower: set[str]) -> str:
    if lexicon.is_common_word(word) or word.lower() in lower:
        return _one_for_one(word, str.lower)
    if word in lexicon.acronyms:
        return word
    return word[0] + _one_for_one(word[1:], str.lower)


def _one_for_one(word: str, change) -> str:
    """Each letter changed where that keeps it one character ('İ' lowers to two, and is left alone)."""
    return "".join(changed if len(changed := change(ch)) == 1 else ch for ch in word)
