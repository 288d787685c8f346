"""Capitalised common words that are no names: a page capitalises words by their place (a sentence start, a
headline, a title-cased caption), and the model often takes them for names.

The evidence is the corpus's own (the same word written in lower case elsewhere) and the model's vocabulary (a word
it only ever saw in lower case is a common word): no list of names or words from any corpus.
"""

from __future__ import annotations

import re

from reader.core.entities.context import FOLLOWING_PLACE_NOUNS, PLACE_NOUNS
from reader.core.entities.decisions import Decisions
from reader.core.entities.lexicon import Lexicon
from reader.core.entities.spelling import is_all_capitals
from reader.core.entities.voting import ORGANISATION_NOUNS

REPEATED_LABEL = 2.0  # votes of two model labels (or one and strong context): the model means it
PHRASE_JOINERS = {"of", "and", "the", "for", "on", "in", "de"}
KIND_NOUNS = ORGANISATION_NOUNS | PLACE_NOUNS | FOLLOWING_PLACE_NOUNS
MAX_ACRONYM = 3  # 'US', 'USA': capitals this short are an abbreviation, whatever lower-case word they spell
_WORD = re.compile(r"[^\W\d_]+")


def drop_lexical_words(clusters: dict, lowercase: set[str], lexicon: Lexicon, decisions: Decisions) -> None:
    """A one-word name that is a common word: one the model's vocabulary knows only in lower case ('Whereupon',
    'Ratification', a long-s 'Congrefs' read as 'congress' included), or a word set in capitals in a headline that
    the corpus writes in lower case ('TAXES'). Capitals and sentence starts say nothing there."""
    for key in list(clusters):
        if " " in key or key in decisions.split_aliases or key in decisions.types:
            continue
        capitals = len(key) > MAX_ACRONYM and all(is_all_capitals(name) for name in clusters[key].names)
        if lexicon.is_common_word(key) or capitals and key in lowercase:
            del clusters[key]


def drop_common_words(clusters: dict, lowercase: set[str], decisions: Decisions) -> None:
    """A name the model did not type whose every word also appears in lower case ('Government Department Chief')
    is a capitalised common noun, not a name."""
    for key in list(clusters):
        cluster = clusters[key]
        untyped = not any(v >= 1.0 for v in cluster.votes.values())
        if untyped and key not in decisions.split_aliases and all(w in lowercase for w in _WORD.findall(key)):
            del clusters[key]


def drop_common_phrases(clusters: dict, lowercase: set[str], lexicon: Lexicon, decisions: Decisions) -> None:
    """A capitalised phrase of common words that names no kind of body or place ('Wedding Anniversary', 'Law
    Books', a headline's words) is no name, unless the model labelled it more than once. 'Red Army' and 'Council
    of Ministers' keep their place: a body or a place is named by such words and the noun of its kind."""
    for key in list(clusters):
        words = [w for w in _WORD.findall(key) if w not in PHRASE_JOINERS]
        labelled = max(clusters[key].votes.values(), default=0) >= REPEATED_LABEL
        if len(words) < 2 or labelled or key in decisions.split_aliases or key in decisions.types \
                or any(w in KIND_NOUNS for w in words):
            continue
        if all(lexicon.is_common_word(w) or w in lowercase and w in lexicon.lower for w in words):
            del clusters[key]


def keep_out_common_noun_bodies(clusters: dict, types: dict[str, str], lexicon: Lexicon,
                                decisions: Decisions) -> None:
    """'the Senate', 'the Court', 'the Union': a body named by one common noun is named by its kind, which any
    text uses of many bodies; with no other word to name which one, it is left out of the register (an acronym or
    an unusual word, 'NKVD', 'Comintern', is a name). Its words stay free to be part of a longer name ('Council of
    Ministers')."""
    for key, kind in list(types.items()):
        names = clusters[key].names
        if kind == "ORG" and " " not in key and key not in decisions.types and key in lexicon.lower \
                and not any(name.isupper() and len(name) <= MAX_ACRONYM + 2 for name in names):
            del types[key], clusters[key]
