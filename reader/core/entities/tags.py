"""Word classes read from the tagger's fine-grained tags, so the attribute ruler (which only copies tags to coarse
parts of speech) need not run: it costs about a fifth of the model's time. A model that sets coarse parts of speech
itself is read by those instead.
"""

from __future__ import annotations

PLURAL_PROPER_NOUN = "NNPS"
PROPER_NOUN_TAGS = {"NNP", PLURAL_PROPER_NOUN}
NOUN_TAGS = {"NN", "NNS"}
BE_FORMS = {"be", "is", "was", "are", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m"}


def is_proper_noun(token) -> bool:
    return token.pos_ == "PROPN" if token.pos else token.tag_ in PROPER_NOUN_TAGS


def is_noun(token) -> bool:
    return token.pos_ == "NOUN" if token.pos else token.tag_ in NOUN_TAGS


def is_verb(token) -> bool:
    """A tagged verb ('falls', 'talking'); auxiliaries count too, as a name never runs through them."""
    return token.tag_.startswith("VB")


def is_full_verb(token) -> bool:
    """A verb that acts ('ordered', 'met'), not a form of 'be'."""
    return token.pos_ == "VERB" if token.pos else is_verb(token) and token.lower_ not in BE_FORMS
