"""Where a name ends in a capitalised line: headlines and captions capitalise their verbs too.

In "Smith Falls into Disfavour" or "J. Smith Talking to the Press" the tagger reads the capitalised verb as part of
the name. Lower-cased, the same line is tagged as ordinary English and the verb shows ("falls" VBZ, "talking" VBG).
Only title-case lines (most longer words capitalised) are tagged again, so running text costs nothing extra.
"""

from __future__ import annotations

from reader.core.entities.tags import is_proper_noun, is_verb

TITLE_CASE_SHARE = 0.6
LONG_WORD = 4  # shorter words ('of', 'to', 'into') stay lower case in titles
MIN_LONG_WORDS = 2
NOT_NEEDED = ("parser", "ner", "attribute_ruler", "lemmatizer")


def is_title_case(tokens) -> bool:
    """Most of the longer words start with a capital: a headline, caption or heading rather than running text."""
    words = [t.text for t in tokens if t.is_alpha and len(t.text) >= LONG_WORD]
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= MIN_LONG_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def _lines(doc) -> list:
    """Sentences cut at line breaks too: the parser often joins a heading to the paragraph below it."""
    pieces, start = [], 0
    for token in doc:
        if token.i > start and (token.is_sent_start or "\n" in doc[token.i - 1].whitespace_ or "\n" in token.text):
            pieces.append(doc[start:token.i])
            start = token.i
    if start < len(doc):
        pieces.append(doc[start:])
    return pieces


def headline_verbs(nlp, docs: list) -> list[set[int]]:
    """For each doc, the indices of capitalised tokens in title-case lines that the tagger reads as verbs once
    lower-cased (all the docs' such lines tagged in one batch)."""
    lines = [(number, line) for number, doc in enumerate(docs) for line in _lines(doc) if _worth_tagging(line)]
    found: list[set[int]] = [set() for _ in docs]
    if not lines:
        return found
    disabled = [name for name in NOT_NEEDED if name in nlp.pipe_names]
    lowered = nlp.pipe([line.text.lower() for _, line in lines], disable=disabled)
    for (number, line), tagged in zip(lines, lowered, strict=True):
        starts = {token.idx - line.start_char: token for token in line}
        found[number].update(starts[token.idx].i for token in tagged
                             if token.idx in starts and is_verb(token) and starts[token.idx].text[:1].isupper())
    return found


def _worth_tagging(line) -> bool:
    """A title-case line with a proper noun, whose offsets survive lower-casing."""
    return is_title_case(line) and any(is_proper_noun(t) for t in line) and len(line.text.lower()) == len(line.text)
