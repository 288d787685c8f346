"""Names in Russian text. The English model reads Cyrillic as noise (on a Russian letter it made "Письмо", letter,
a person), so a Russian text goes to slovnet's news model, which finds people, places and organisations.

Russian inflects names ('Сталин', 'Сталина', 'Сталиным'; 'в Москве'), so each name found carries its dictionary
form (see `morphology`), and the register gathers the forms by it. The model's weights (slovnet's news NER and navec's
embeddings) ship inside the natasha wheel; they are read from its folder without importing natasha, whose own imports
need pymorphy2, which fails on Python 3.11. Loaded on first use, once.
"""

from __future__ import annotations

import importlib.util
import re
import threading
from pathlib import Path

from reader.core.entities.candidate import Candidate
from reader.core.entities.russian_forms import INITIAL, Word, dictionary_form
from reader.core.morphology import analyser

LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
WEIGHTS = {"embeddings": "data/emb/navec_news_v1_1B_250K_300d_100q.tar", "names": "data/model/slovnet_ner_news_v1.tar",
           "morphology": "data/model/slovnet_morph_news_v1.tar"}
_ABBREVIATION = re.compile(r"^[а-яё]{1,4}\.$")  # 'ст.' (article), 'г.' (year) after a name: not part of it
EDGE_MARKS = set("\"'«»„“”[],;:–—-")


class RussianStep:
    """The Russian model, loaded lazily; `warning` holds the one-line reason when it could not be."""

    def __init__(self):
        self.warning = ""
        self._loading = threading.Lock()  # the window's worker and another may read Russian at once: loaded once
        self._tried = False
        self._found = None

    def tools(self):
        """(the name tagger, the morphological analyser), or None when a package or its weights are missing."""
        with self._loading:
            if not self._tried:
                self._tried = True
                self._found = self._load()
            return self._found

    def _load(self):
        try:
            from navec import Navec
            from slovnet import NER, Morph

            folder = _weights_folder()
            embeddings = Navec.load(str(folder / WEIGHTS["embeddings"]))
            names = NER.load(str(folder / WEIGHTS["names"]))
            morphology = Morph.load(str(folder / WEIGHTS["morphology"]))
            names.navec(embeddings)
            morphology.navec(embeddings)
            return names, morphology, analyser()
        except (ImportError, OSError, ValueError) as exc:
            self.warning = f"the Russian name model is not available ({str(exc).splitlines()[0]}); " \
                           "Russian texts have dates and known names only"
            return None

    def candidates(self, text: str) -> list[Candidate]:
        """The names in a Russian text, each with its type's vote and its dictionary form."""
        tools = self.tools()
        if tools is None:
            return []
        names, morphology, morph = tools
        parts = _lines(text)
        found = []
        for (offset, line), markup in zip(parts, names.map([line for _, line in parts]), strict=True):
            spans = [(*_trimmed(line, span.start, span.stop), LABELS[span.type]) for span in markup.spans
                     if span.type in LABELS]
            words = _tagged_words(line, morphology) if spans else {}
            for start, end, kind in spans:
                if end > start:
                    name = [Word(written, *words.get(at, ("", {}))) for at, written in _words_of(line, start, end)]
                    found.append(Candidate(offset + start, offset + end, line[start:end], {kind: 1.0},
                                           base=dictionary_form(name, kind, morph)))
        return found


def _weights_folder() -> Path:
    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the natasha package, which carries its weights, is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each line with words: read whole, the model ran 'Молотов.\\n\\nТов. Сталин' into one
    name. Not sentences: a splitter ends one at 'тт.' ('участвовали тт. Молотов и Ворошилов')."""
    parts, start = [], 0
    for line in text.splitlines(keepends=True):  # as `scripts` cuts a text: at any line break, U+2028 too
        if line.strip():
            parts.append((start, line.splitlines()[0]))
        start += len(line)
    return parts


def _tagged_words(line: str, morphology) -> dict[int, tuple[str, dict]]:
    """What the tagger read of each word of the line in its sentence (part of speech, features), by where the word
    starts."""
    from razdel import tokenize

    tokens = list(tokenize(line))
    tagged = morphology([token.text for token in tokens]).tokens
    return {token.start: (read.pos, read.feats) for token, read in zip(tokens, tagged, strict=True)}


def _words_of(line: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, text) of each word of a name, as spaces part them."""
    return [(start + match.start(), match.group()) for match in re.finditer(r"\S+", line[start:end])]


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotes, an unmatched bracket or punctuation at its edges ('ТАСС)', 'Молотов.'), or a short
    abbreviation after it ('СССР ст.', of an article of law); an initial keeps its full stop ('И. В.')."""
    words = line[start:end].split()
    while len(words) > 1 and _ABBREVIATION.match(words[-1]):
        end = line.rindex(words.pop(), start, end)
    while start < end and _at_edge(line[start], line[start:end]):
        start += 1
    while end > start and (_at_edge(line[end - 1], line[start:end]) or line[end - 1] == "."
                           and not INITIAL.match(line[start:end].split()[-1])):
        end -= 1
    return start, end


def _at_edge(char: str, stretch: str) -> bool:
    """Whether `char`, at an edge of `stretch`, is no part of a name: a space, a quote, a comma or a dash, or a
    bracket the stretch does not close or open."""
    if char in "()":
        return stretch.count("(") != stretch.count(")")
    return char.isspace() or char in EDGE_MARKS
