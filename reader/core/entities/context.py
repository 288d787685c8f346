"""Weak evidence for a name's type from the sentence around it, added up later over all of a name's mentions.

Subjects of verbs act (people), and so does 'X, who ...'; objects of 'in/at' (less so 'to/from') are places;
'X was a country', 'X, a city', 'the border of X', 'the town at X', 'the king of X' describe places; 'X was a general',
'X, Secretary of ...', 'the wife of X' describe people. Names listed with 'and' are noted for the corpus-wide vote.
The word lists are general English, not names from any corpus.
"""

from __future__ import annotations

from reader.core.entities.names import TITLES
from reader.core.entities.tags import is_full_verb, is_noun, is_proper_noun

PLACE_PREPOSITIONS = {"in", "at", "near", "into", "across", "inside", "within", "throughout"}
DIRECTION_PREPOSITIONS = {"to", "from", "toward", "towards"}  # people are written to and heard from too
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
COPULAS = {"is", "was", "are", "were", "be", "been", "being", "became", "becomes", "remained"}
PLACE_NOUNS = {
    "country", "state", "nation", "city", "town", "village", "capital", "province", "region", "republic",
    "kingdom", "empire", "territory", "colony", "island", "river", "lake", "mountain", "valley", "port", "district",
    "county", "steppe", "desert", "sea", "protectorate", "principality", "khanate", "monarchy", "place", "land",
}
ADMINISTRATIVE_NOUNS = {  # units written after their name in translated texts ('Tver oblast', 'Hovd aimag')
    "oblast", "krai", "raion", "rayon", "uyezd", "uezd", "guberniya", "gubernia", "aimag", "aimak", "vilayet",
    "sanjak", "prefecture", "canton", "voivodeship", "okrug",
}
FOLLOWING_PLACE_NOUNS = ADMINISTRATIVE_NOUNS | {"province", "region", "district", "county", "river", "lake", "city",
                                               "town", "village", "valley", "mountains", "desert", "steppe"}
_TITLE_WORDS = {t for t in TITLES if " " not in t and not t.endswith(".") and t not in ("the", "father")}
PLACE_OF_HEADS = PLACE_NOUNS | _TITLE_WORDS | {  # 'the border of X', 'the king of X': X is a place
    "border", "borders", "frontier", "independence", "establishment", "recognition", "invasion", "occupation",
    "annexation", "territory", "population", "inhabitants", "people", "government", "north", "south", "east", "west",
    "coast", "shore", "shores", "heart", "interior", "outskirts", "streets", "ruler", "duke", "duchess", "count",
}
PERSON_NOUNS = _TITLE_WORDS | {
    "man", "woman", "person", "politician", "revolutionary", "leader", "officer", "soldier", "writer", "poet",
    "historian", "diplomat", "monk", "official", "statesman", "wife", "husband", "son", "daughter", "friend",
    "scholar", "scientist", "philosopher", "painter", "merchant", "priest", "nobleman", "aristocrat", "lawyer",
    "journalist", "author", "representative", "delegate", "adviser", "advisor", "interpreter", "partisan", "veteran",
    "head", "chief", "director", "member", "deputy", "commissar", "consul", "agent", "assistant",
}
PERSON_OF_HEADS = {
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "death", "murder",
    "execution", "arrest", "assassination", "successor", "predecessor", "speech", "memoirs", "biography", "friend",
}
COORDINATORS = ("and", "or", ", and", ", or")
CONTEXT_WEIGHT = 0.5
DIRECTION_WEIGHT = 0.25
PERSONAL_RELATIVES = {"who", "whom", "whose"}
RELATIVE_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 2.0  # "X was a country" says outright what the model only guesses


def add_context_votes(first, root, votes: dict[str, float]) -> None:
    """Evidence from syntax around one mention: its role, its preposition, the noun that describes or follows it."""
    lead = root.head.left_edge if root.dep_ == "conj" else first  # 'in Hovd and Altai': 'in' governs both
    previous = first.doc[lead.i - 1] if lead.i > 0 else None
    if root.dep_ in SUBJECT_DEPS and is_full_verb(root.head):
        _add(votes, "PERSON", CONTEXT_WEIGHT)
    governed = previous is not None and not _followed_by_possessive(root)  # 'at X’s insistence': 'at' governs
    if governed and previous.lower_ in PLACE_PREPOSITIONS:                     # 'insistence', not X
        described = previous.head.lower_ in PLACE_NOUNS  # 'the border town at X' says X is a place outright
        _add(votes, "PLACE", DESCRIPTION_WEIGHT if described else CONTEXT_WEIGHT)
    if governed and previous.lower_ in DIRECTION_PREPOSITIONS:
        _add(votes, "PLACE", DIRECTION_WEIGHT)
    if previous is not None and previous.lower_ == "of" and is_noun(previous.head):
        head = previous.head.lower_  # 'the republic of X' names what X is, as 'X was a republic' does
        weight = DESCRIPTION_WEIGHT if head in PLACE_NOUNS else CONTEXT_WEIGHT
        _add(votes, _kind_of(head, PLACE_OF_HEADS, PERSON_OF_HEADS), weight)
    for noun in _describing_nouns(root):
        _add(votes, _kind_of(noun.lower_, PLACE_NOUNS, PERSON_NOUNS), DESCRIPTION_WEIGHT)
    if _followed_by_who(root):
        _add(votes, "PERSON", RELATIVE_WEIGHT)
    if _followed_by_place_noun(root):
        _add(votes, "PLACE", DESCRIPTION_WEIGHT)


def _followed_by_possessive(last) -> bool:
    following = last.nbor() if last.i + 1 < len(last.doc) else None
    return following is not None and following.tag_ == "POS"


def _followed_by_place_noun(last) -> bool:
    """'Hovd aimag', 'Tver province': a lower-case place noun right after the name says what it is."""
    following = last.nbor() if last.i + 1 < len(last.doc) else None
    return following is not None and following.is_lower and following.lower_ in FOLLOWING_PLACE_NOUNS \
        and "\n" not in last.whitespace_


def _followed_by_who(last) -> bool:
    """'X, who ...' (a place or a body would be 'which'). Read from the words, not the parse, which often hangs the
    clause on the wrong name of a list."""
    following = [t for t in last.doc[last.i + 1:last.i + 3] if t.text != ","][:1]
    return bool(following) and following[0].lower_ in PERSONAL_RELATIVES


def follows_article(first, root) -> bool:
    """'the Kremlin', 'the Comintern': a name after 'the' is an institution or a place, hardly a person. The article
    must be the name's own: in 'the Smith affair' it belongs to 'affair'."""
    article = first if first.lower_ == "the" else first.doc[first.i - 1] if first.i > 0 else None
    return article is not None and article.lower_ == "the" and article.head.i == root.i


def _describing_nouns(root) -> list:
    """'X was a puppet state' (attribute of a copula), 'X, a small town' and 'the head of the delegation, X'
    (apposition either way)."""
    nouns = [child for child in root.children if child.dep_ == "appos" or _comma_conjunct(child)]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ in SUBJECT_DEPS and root.head.lower_ in COPULAS:
        attributes = [child for child in root.head.children if child.dep_ == "attr"]
        nouns += attributes + [c for a in attributes for c in a.children if c.dep_ == "conj"]  # 'a scholar and poet'
    return [noun for noun in nouns if (is_noun(noun) or is_proper_noun(noun)) and same_line(root, noun)]


def _comma_conjunct(token) -> bool:
    """'X, Secretary of ...' parsed as a list of two: with only a comma before it, it is an apposition."""
    return token.dep_ == "conj" and token.i > 0 and token.doc[token.i - 1].text == ","


def same_line(first, second) -> bool:
    """The parser may join a heading to the sentence below it; a description never crosses a line break."""
    low, high = sorted((first.i, second.i))
    return all("\n" not in token.whitespace_ and "\n" not in token.text for token in first.doc[low:high])


def _kind_of(noun: str, place_nouns: set[str], person_nouns: set[str]) -> str:
    singular = noun[:-1] if noun.endswith("s") and noun[:-1] in place_nouns | person_nouns else noun
    if singular in place_nouns:
        return "PLACE"
    return "PERSON" if singular in person_nouns else ""


def _add(votes: dict[str, float], kind: str, weight: float) -> None:
    if kind:
        votes[kind] = votes.get(kind, 0) + weight


def record_lists(text: str, candidates: list, is_place=None) -> None:
    """'Demid and Namsrai', 'Japan or Korea', 'Monroe, Wayne, Huron and Emmet': names joined by 'and'/'or', or in a
    comma series that 'and'/'or' closes, are probably of one type, which the corpus-wide vote settles (a bare comma
    is not enough: 'the founding of X, Smith said'). A name followed by a comma and a known place ('Keytesville,
    Missouri') leans to a place, and the place does not lean back."""
    ordered = sorted(candidates, key=lambda c: c.start)
    pairs = list(zip(ordered, ordered[1:], strict=False))
    joints = [_joint(text[left.end:right.start]) for left, right in pairs]
    for number, (left, right) in enumerate(pairs):
        if joints[number] == "and" or joints[number] == "," and _closed_series(joints, number):
            left.listed_with.append(right.text)
            right.listed_with.append(left.text)
        elif joints[number] == "," and is_place is not None and is_place(right.text):
            left.listed_with.append(right.text)


def _joint(between: str) -> str:
    between = between.strip().lower()
    return "and" if between in COORDINATORS else "," if between == "," else ""


def _closed_series(joints: list[str], number: int) -> bool:
    """The comma at `number` is followed by more commas and then 'and'/'or', as a series is written."""
    for joint in joints[number + 1:]:
        if joint != ",":
            return joint == "and"
    return False
