"""Suggested parallel passages: which passages of other documents likely tell of the same thing as this one.

Signals, all from what the program already holds: the consolidated entities two passages share, weighted by their
rarity across documents (a name in every source says little; counted among the documents compared, so unrelated
documents in the library do not make it rare); their dates (the same, or near: the same meeting
dated a week apart is the interesting case); and their words (TF-IDF cosine, candidates also found through the
FTS5 index by BM25). Candidates come from the rare entities, the near dates and the index, so one document is
compared with a large corpus without reading all of it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from reader.core.compare import dating
from reader.core.compare.dismissed import Dismissed
from reader.core.compare.judge import focus, hints, judge, ties_a_short_line
from reader.core.compare.meaning import Meanings
from reader.core.compare.passages import PassageIndex, Piece, passages, rows_of, sentence_spans, short, telling
from reader.core.compare.words import Vectors, tokens
from reader.core.entities.scripts import mostly_cyrillic
from reader.core.errors import ReaderError
from reader.core.heap import without_collection
from reader.core.ops import operation
from reader.core.records.compare import Dismissal, ParallelSuggestion, PassageRef
from reader.core.records.progress import Cancelled, Progress
from reader.core.records.relations import RELATIONS
from reader.core.storage import compare as store
from reader.core.storage import documents as document_store
from reader.core.storage.entities import entity_names, geonames_links
from reader.core.storage.store import Store

COMMON_SHARE = 0.2  # an entity in more than this share of the documents does not propose candidates
MIN_COMMON = 5  # ... unless the corpus is this small
KEEP_PER_PASSAGE = 25  # candidates per passage scored in full
MAX_DOCUMENTS = 60  # documents read in full per query, those with the most shared evidence
SMALL_CORPUS, SCORE_ALL = 20, 600  # documents, passages: below these every passage is judged
LEXICAL_HITS = 12  # index neighbours per passage
LEXICAL_WORDS = 8  # ... found by this many of its words
_NOT_A_LETTER = re.compile(r"[^\w]+")
PER_SOURCE = 2  # suggestions per passage of a document at least, so one paragraph does not fill the list ...
SHARED_LIST = 20  # ... and at most its share of a list this long: a passage asked about alone takes it all
PER_OTHER = 3  # suggestions per passage of another document
MIN_SCORE = 0.35
MUTUAL_BONUS = 0.4


@dataclass
class _Features:
    """What one passage names and dates."""

    entities: dict[int, str] = field(default_factory=dict)  # entity id -> type
    dates: set[str] = field(default_factory=set)
    named: list[tuple[int, int]] = field(default_factory=list)  # where names and dates stand, in the passage
    dated_at: dict[str, int] = field(default_factory=dict)  # each date -> where (in the document) it is first given
    names_at: list[tuple[int, int]] = field(default_factory=list)  # (where in the document, entity id) of each name


class ParallelService:
    """Rank other documents' passages against a document, a passage or a selection; dismiss suggestions."""

    def __init__(self, db: Store):
        self._db = db
        self._meanings = Meanings(db)

    def suggest(self, document_id: int, start: int | None = None, end: int | None = None, top: int = 10,
                progress: Progress | None = None, cancelled: Cancelled | None = None,
                ) -> list[ParallelSuggestion]:
        """The best `top` suggestions for the document (or its passages overlapping [start, end)); passages never
        compared before are read by the encoder first, which takes seconds (reported through `progress`; stopped,
        with WorkCancelled, when `cancelled()` turns true)."""
        query, around = _query_pieces(store.lines_of(self._db, [document_id]), start, end)
        if not query:
            return []
        ranking = _Ranking(self._db, document_id, query, around)
        with without_collection():
            candidates = ranking.candidates()
        ranking.sentence_vectors = self._meanings.of(ranking.compared, progress, cancelled)  # may encode: seconds
        with without_collection():
            chosen = ranking.best(candidates, top, Dismissed(store.dismissed(self._db)))
        linked = store.linked_ranges(self._db)
        return [replace(s, linked=_linked_relation(s, linked)) for s in chosen]

    def prepare(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Read every passage's meaning ahead (after an import), so the first suggestions come at once; returns how
        many passages there are."""
        pieces = [p for p in passages(store.all_lines(self._db)) if telling(p)]
        self._meanings.of(pieces, progress, cancelled)
        return len(pieces)

    def unjudged(self, document_ids: list[int], per_document: int = 5) -> list[ParallelSuggestion]:
        """The best suggestions for these documents that are neither dismissed nor linked yet (each pair once): a
        document's `per_document` best of the pairs not linked (a pair linked took one of the places, and a second
        telling of one meeting never showed; audit BN F2)."""
        found: dict[tuple, ParallelSuggestion] = {}
        for document_id in dict.fromkeys(document_ids):
            for suggestion in self._unlinked(document_id, per_document):
                found.setdefault(suggestion.key, suggestion)
        return sorted(found.values(), key=lambda s: -s.score)

    def _unlinked(self, document_id: int, wanted: int) -> list[ParallelSuggestion]:
        """A document's `wanted` best suggestions not linked, ranked again for more while links take places: a
        link over two long passages is inside several pairs (it took one more place, and two of the five were
        shown; audit BO F10)."""
        top = wanted
        while True:
            ranked = self.suggest(document_id, top=top)
            unlinked = [s for s in ranked if not s.linked]
            if len(unlinked) >= wanted or len(ranked) < top:
                return unlinked[:wanted]
            top += 2 * (wanted - len(unlinked))

    def dismiss(self, suggestion: ParallelSuggestion) -> None:
        """Judge a suggestion not parallel: it is kept (undoably) and never suggested again, whatever range is ranked.
        A pair the user linked is refused: it would be both linked and judged not parallel, and its row, the one
        place Parallels shows the link, would go."""
        if suggestion.linked:
            raise ReaderError(f"these passages are linked as “{RELATIONS.get(suggestion.linked, suggestion.linked)}”: "
                              "delete the link (in Comparisons) to judge them not parallel")
        with operation(self._db, "Dismiss suggested parallel"):
            store.insert_dismissal(self._db, suggestion.key, (*suggestion.ties[0], *suggestion.ties[1]))

    def dismissals(self) -> list[Dismissal]:
        """The pairs judged not parallel, newest first, each passage as its document reads now. Pairs with a document
        in the Trash are left out: they come back with it."""
        labels = store.document_labels(self._db)
        texts: dict[int, str] = {}

        def side(document_id: int, start: int, end: int, focus_start, focus_end, key) -> PassageRef:
            if document_id not in texts:
                texts[document_id] = document_store.version_text(
                    self._db, document_store.current_version_id(self._db, document_id)).text
            inside = focus_start is not None and start <= focus_start < focus_end <= end  # else the whole passage
            return PassageRef(document_id, labels[document_id][0], start, end, texts[document_id][start:end],
                              (focus_start, focus_end) if inside else None, key if inside else None)

        return [Dismissal(side(*key[:3], *ties[:3]), side(*key[3:], *ties[3:]), at)
                for key, ties, at in store.dismissals(self._db) if key[0] in labels and key[3] in labels]

    def bring_back(self, dismissal: Dismissal) -> None:
        """Undo a judgement made long ago (Edit > Undo reaches only the latest steps): the pair may be suggested,
        and joined on the timeline, again. One undoable step."""
        with operation(self._db, "Bring back dismissed pair"):
            store.delete_dismissal(self._db, dismissal.key)


def _unnamed(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without its names and dates, which the entity and date signals already weigh: counted again as
    words, a shared name would count twice ("State Baga Hural" as three words and a phrase)."""
    chars = list(text)
    for start, end in spans:
        chars[max(start, 0):max(end, 0)] = " " * (max(end, 0) - max(start, 0))
    return "".join(chars)


def longest_words(text: str) -> list[str]:
    """The LEXICAL_WORDS longest stems of a passage's content words (of five letters or more), to ask the index for
    its neighbours. A compound gives its parts, as the index holds them (a hyphen parts words): asked for whole,
    'counterrevolutionary' found nothing (audit BR F3). Among stems as long, the first in the alphabet: taken in a
    set's order, they were chosen anew by each run's hashing, and a library gave other suggestions each time."""
    parts = {part for token in tokens(text) for part in _NOT_A_LETTER.split(token) if len(part) >= 5}
    return sorted(parts, key=lambda part: (-len(part), part))[:LEXICAL_WORDS]


def _linked_relation(suggestion: ParallelSuggestion, linked: list[tuple]) -> str:
    """The relation of a link already joining annotations inside both passages (either way round), or ''."""
    one, two = suggestion.source, suggestion.other

    def inside(passage, document_id: int, start: int, end: int) -> bool:
        return passage.document_id == document_id and start < passage.end and passage.start < end

    return next((row[6] for row in linked if (inside(one, *row[:3]) and inside(two, *row[3:6]))
                 or (inside(two, *row[:3]) and inside(one, *row[3:6]))), "")


def _query_pieces(lines: list, start: int | None, end: int | None) -> tuple[list[Piece], Piece | None]:
    """The passages to rank, and the passage around them when they are a selection inside one."""
    pieces = passages(lines)
    if start is None or end is None:
        return [p for p in pieces if telling(p)], None
    inside = [p for p in pieces if p.start < end and start < p.end]
    if len(inside) == 1 and (start > inside[0].start or end < inside[0].end):  # a selection inside one passage
        piece = inside[0]
        lo, hi = max(start, piece.start), min(end, piece.end)
        return [Piece(piece.document_id, lo, hi, piece.text[lo - piece.start:hi - piece.start])], piece
    # as for the whole document, passages too short to tell anything (a heading) are left out, unless nothing else
    # is asked about: the whole range and the document had different lists, numbered differently
    return [p for p in inside if telling(p)] or inside, None


class _Ranking:
    """One ranking run: the query passages, their candidates, and the scores."""

    def __init__(self, db: Store, document_id: int, query: list[Piece], around: Piece | None = None):
        """`around`: the passage a selection (the one query piece) lies in, whose names it is of."""
        self._db = db
        self._document_id = document_id
        self._query = query
        self._selection = around is not None  # the text a user chose, however short, not a line of the document
        self._features: dict[Piece, _Features] = defaultdict(_Features)
        mentions = store.mentions_in(db, [document_id])
        self._fill(PassageIndex(query), mentions)
        if around is not None:
            self._name_from(query[0], around, mentions)
        entity_ids = {e for p in query for e in self._features[p].entities}
        self._df: dict[int, float] = dict(store.document_counts(db, entity_ids))  # weighed anew by `candidates`
        self._total: float = max(store.live_document_count(db), 1)
        self.compared: set[Piece] = set()  # every passage `candidates` chose to judge, the query's included
        self.sentence_vectors: dict = {}  # passage -> its sentences' vectors (rows), given before `best`
        self._cyrillic: dict[Piece, bool] = {}  # passage -> whether it is in Cyrillic, read once (pairs ask often)

    def _fill(self, index: PassageIndex, mentions: list) -> None:
        for document_id, start, entity_id, kind, value, end in mentions:
            piece = index.at(document_id, start)
            if piece is None:
                continue
            features = self._features[piece]
            features.named.append((start - piece.start, end - piece.start))
            if kind != "DATE":
                features.entities[entity_id] = kind
                features.names_at.append((start, entity_id))
            elif dating.span(value or "") is not None:
                features.dates.add(value)
                features.dated_at.setdefault(value, start)

    def _name_from(self, selection: Piece, around: Piece, mentions: list) -> None:
        """A selection is of the people and places its passage names: "The two met on November 15, 1934." is of
        Stalin and Genden, named in the sentences before it. Ranked on its own names (none), it shared none with the
        account dating the meeting 24 November, and a week apart read as no disagreement ('see also'). Its dates and
        words stay its own."""
        features = self._features[selection]
        for _document_id, start, entity_id, kind, _value, _end in mentions:
            if kind != "DATE" and around.start <= start < around.end:
                features.entities.setdefault(entity_id, kind)

    def idf(self, entity_id: int) -> float:
        """Rarity over documents (classic IDF, smoothed): a name every source gives says almost nothing."""
        return math.log((self._total + 1) / (self._df.get(entity_id, 1.0) + 0.5))

    def best(self, candidates: dict[Piece, list[Piece]], top: int, dismissed: Dismissed) -> list[ParallelSuggestion]:
        """The `top` suggestions among the candidates (their meanings read), judged and thinned out."""
        scored = [(judge(self, q, c), q, c) for q, cs in candidates.items() for c in cs if not dismissed.covers(q, c)
                  and (not (short(c) or short(q) and not self._selection) or ties_a_short_line(self, q, c))]
        scored = _mutual_best([s for s in scored if s[0].score >= MIN_SCORE])
        scored.sort(key=lambda s: -s[0].score)
        chosen, per_source, per_other = [], defaultdict(int), defaultdict(int)
        share = max(PER_SOURCE, math.ceil(SHARED_LIST / max(len(self._query), 1)))  # not by `top`: a longer list
        # begins as the shorter did, so suggestion N is the same pair whatever --top listed it
        for suggestion, q, c in scored:
            if per_other[(c.document_id, c.start)] >= PER_OTHER or per_source[q.start] >= share:
                continue
            per_other[(c.document_id, c.start)] += 1
            per_source[q.start] += 1
            mine, theirs = focus(self, q, c)  # hints and focus only for what is shown
            differ = hints(self, (q, mine.sentence), (c, theirs.sentence)) if suggestion.relation != "see_also" \
                else ()  # what differs between passages of different happenings is no disagreement
            chosen.append(replace(suggestion, hints=differ,
                                  source=replace(suggestion.source, focus=mine.sentence, key=mine.key),
                                  other=replace(suggestion.other, focus=theirs.sentence, key=theirs.key)))
            if len(chosen) == top:
                break
        return chosen

    def candidates(self) -> dict[Piece, list[Piece]]:
        """Per query passage, the other passages worth scoring in full: first the documents with the most evidence
        (two-stage retrieval: a document naming none of the rarer names and no near date is not read), then their
        passages by shared names and dates, and the index's lexical neighbours. Of another document only those
        neighbouring lines are read: a lexical neighbour in each of 240 documents had them all read whole, a quarter
        of the time a query took, for passages never judged."""
        postings = self._postings()
        evidence = self._evidence(postings)
        whole = self._best_documents(evidence) | self._few_documents()
        lexical = self._lexical()
        lines = sorted({line for found in lexical.values() for line in found if line[0] not in whole})
        pieces = [p for p in passages(store.lines_of(self._db, whole) + store.lines_at(self._db, lines)) if telling(p)]
        index = PassageIndex(pieces)
        self._fill(index, store.mentions_in(self._db, whole | {line[0] for line in lines}))
        by_piece: dict[Piece, set] = defaultdict(set)
        for (document_id, start), signals in postings.items():
            piece = index.at(document_id, start)
            if piece is not None:
                by_piece[piece] |= signals
        found: dict[Piece, list[Piece]] = {}
        for q in self._query:
            if len(pieces) <= SCORE_ALL:  # a small corpus: judge every passage, the shortlist would only guess
                found[q] = pieces
                continue
            first = self._prescore(q, by_piece)
            near = sorted(first, key=first.get, reverse=True)[:KEEP_PER_PASSAGE]
            near += [p for line in lexical.get(q, []) for p in index.within(*line)]  # every piece of a long line:
            # only the first was judged, and a retelling in its middle never (audit BR F1)
            found[q] = list(dict.fromkeys(near))
        self.compared = {*self._query, *(c for cs in found.values() for c in cs)}
        self._weigh_rarity_among_neighbours({d: evidence[d] for d in whole if d in evidence})  # found by rarity
        # in the corpus; judged by it among the documents read whole
        self._vectors = Vectors({p: _unnamed(p.text, self._features[p].named) for p in self.compared})
        return found

    def _few_documents(self) -> set[int]:
        """Every other document, when there are so few that all their passages can be judged."""
        if self._total > SMALL_CORPUS:
            return set()
        return set(store.document_labels(self._db)) - {self._document_id}

    def _best_documents(self, evidence: dict[int, float]) -> set[int]:
        return set(sorted(evidence, key=evidence.get, reverse=True)[:MAX_DOCUMENTS])

    def _evidence(self, postings: dict) -> dict[int, float]:
        """How much each other document shares with this one: its rarer names (by rarity) and near dates."""
        evidence: dict[int, float] = defaultdict(float)
        for (document_id, _start), signals in postings.items():
            for kind, value in signals:
                evidence[document_id] += self.idf(value) if kind == "entity" else 1.0
        return evidence

    def _weigh_rarity_among_neighbours(self, evidence: dict[int, float]) -> None:
        """From here on, an entity's rarity is counted among the documents read, each as much as it shares with
        this one (this one fully). Rarity over the whole corpus found them; but among sources on one subject a name
        they all give (Genden, for Mongolia in the 1930s) says little about which passages tell the same thing, and
        a hundred unrelated documents would make it look rare and outweigh every other signal."""
        strongest = max(evidence.values(), default=0.0)
        documents_of: dict[int, set[int]] = defaultdict(set)
        for piece, features in self._features.items():
            for entity_id in features.entities:
                documents_of[entity_id].add(piece.document_id)

        def weight(document_id: int) -> float:
            if document_id == self._document_id or strongest <= 0:
                return 1.0
            return evidence.get(document_id, 0.0) / strongest

        self._df = {e: sum(map(weight, ids)) for e, ids in documents_of.items()}
        self._total = sum(map(weight, {piece.document_id for piece in self._features}))

    def _postings(self) -> dict[tuple[int, int], set[tuple[str, object]]]:
        """(document, offset) of other documents' mentions of the query's rarer entities and of near dates."""
        common = max(MIN_COMMON, COMMON_SHARE * self._total)
        entity_ids = {e for p in self._query for e in self._features[p].entities if self._df.get(e, 0) <= common}
        found: dict[tuple[int, int], set] = defaultdict(set)
        for document_id, start, entity_id in store.mentions_of_entities(self._db, entity_ids, self._document_id):
            found[(document_id, start)].add(("entity", entity_id))
        values = {v for p in self._query for v in self._features[p].dates}
        same_or_near = dating.SameOrNear([s for v in values if (s := dating.span(v)) is not None])
        near: dict[str, bool] = {}
        for document_id, start, value in store.dates_in_years(self._db, {v[:4] for v in values}, self._document_id):
            if value not in near:
                other = dating.span(value or "")
                near[value] = other is not None and other.precision != "year" and same_or_near(other)
            if near[value]:
                found[(document_id, start)].add(("date", value))
        return found

    def _prescore(self, q: Piece, by_piece: dict[Piece, set]) -> dict[Piece, float]:
        mine = self._features[q]
        scores: dict[Piece, float] = {}
        for piece, signals in by_piece.items():
            score = sum(self.idf(value) if kind == "entity" else 1.0 for kind, value in signals
                        if (kind == "entity" and value in mine.entities) or (kind == "date" and mine.dates))
            if score:
                scores[piece] = score
        return scores

    def _lexical(self) -> dict[Piece, list]:
        """Index neighbours (BM25) of each query passage, by its longest content words."""
        found = {}
        for q in self._query:
            words = longest_words(q.text)
            if words:
                expression = " OR ".join(f'"{w}"*' for w in words)
                found[q] = store.lexical_neighbours(self._db, expression, self._document_id, LEXICAL_HITS)
        return found

    def features(self, piece: Piece) -> _Features:
        return self._features[piece]

    @property
    def vectors(self) -> Vectors:
        return self._vectors

    def meaning(self, one: Piece, two: Piece) -> float:
        """How alike the two passages are in meaning: the cosine of their closest sentences' vectors. Nothing for a
        passage in Cyrillic: the encoder learnt English, and rates unrelated Russian sentences (a cow's milk, a
        tractor works) 0.6-0.75 alike."""
        if self._in_cyrillic(one) or self._in_cyrillic(two):
            return 0.0
        return self._closest(one, two)[0]

    def alike_sentences(self, one: Piece, two: Piece) -> tuple[str, str]:
        """The two passages' sentences closest in meaning, as written: the reason a historian can check (asked only
        of a pair alike enough to say so; splitting every judged passage into sentences cost a sixth of a query)."""
        _similarity, mine, theirs = self._closest(one, two)
        return self._sentence(one, mine), self._sentence(two, theirs)

    def _in_cyrillic(self, piece: Piece) -> bool:
        if piece not in self._cyrillic:
            self._cyrillic[piece] = mostly_cyrillic(piece.text)
        return self._cyrillic[piece]

    def closest_sentences(self, one: Piece, two: Piece) -> tuple[tuple[int, int], tuple[int, int]]:
        """The two passages' sentences closest in meaning, as ranges of the documents' texts."""
        _similarity, mine, theirs = self._closest(one, two)
        return self._sentence_range(one, mine), self._sentence_range(two, theirs)

    def _closest(self, one: Piece, two: Piece) -> tuple[float, int, int]:
        similarity = self.sentence_vectors[one] @ self.sentence_vectors[two].T
        mine, theirs = divmod(int(similarity.argmax()), similarity.shape[1])
        return float(similarity[mine, theirs]), mine, theirs

    @staticmethod
    def _sentence_range(piece: Piece, index: int) -> tuple[int, int]:
        """Row `index` of the passage's meaning as a range: its sentence (rows_of counts them so), or the whole."""
        spans = sentence_spans(piece.text)
        if not spans:
            return piece.start, piece.end
        begin, end = spans[index]
        return piece.start + begin, piece.start + end

    def _sentence(self, piece: Piece, index: int) -> str:
        """Sentence `index` of a passage, counted as its meaning's rows are; each passage is split once per run."""
        split = self.__dict__.setdefault("_sentences", {})
        if piece not in split:
            split[piece] = rows_of(piece)
        return split[piece][index]

    def names(self, entity_ids: set[int]) -> dict[int, str]:
        known = self.__dict__.setdefault("_names", {})
        missing = entity_ids - known.keys()
        if missing:
            known.update(entity_names(self._db, missing))
        return known

    def located(self, entity_ids: set[int]) -> dict:
        """Entity id -> where the place is (a GeoCandidate, or None): by the GeoNames link the user chose in the
        register, else by its name's best link."""
        from reader.core.entities.geonames import located

        names, links = self.names(entity_ids), geonames_links(self._db, entity_ids)
        return {e: located(names.get(e, ""), links.get(e, "")) for e in entity_ids}

    def file_name(self, document_id: int) -> str:
        labels = getattr(self, "_labels", None)
        if labels is None:
            labels = self._labels = store.document_labels(self._db)
        return labels.get(document_id, ("", ""))[0]


def _mutual_best(scored: list) -> list:
    """Raise a pair whose two passages are each other's best match (as aligners of parallel texts do): a passage
    that matches one passage better than any other is likelier its parallel than a passage that matches many."""
    best_of_source: dict = {}
    best_of_other: dict = {}
    for suggestion, q, c in scored:
        if suggestion.score > best_of_source.get(q, (0.0,))[0]:
            best_of_source[q] = (suggestion.score, c)
        if suggestion.score > best_of_other.get(c, (0.0,))[0]:
            best_of_other[c] = (suggestion.score, q)
    mutual = {(q, c) for q, (_, c) in best_of_source.items() if best_of_other[c][1] == q}
    return [(replace(s, score=round(s.score + MUTUAL_BONUS, 4)) if (q, c) in mutual else s, q, c)
            for s, q, c in scored]
