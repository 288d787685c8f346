"""One pair of passages judged: how alike (score), why (reasons), where they disagree (hints), and the relation a
historian would likely state between them.

Relation: a shared entity and the same date corroborate; a shared entity and precise dates close together but
different contradict (one event dated twice); overlapping dates, or the same words or meaning, are the same event;
the rest is see also (names alone make no event: a corpus on two men names both everywhere). Disagreements are shown
for pairs of one happening only.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Protocol

from reader.core.compare import dating
from reader.core.compare.passages import Piece, sentence_around
from reader.core.compare.words import Vectors, as_written, counted, counted_word, number_value, times_of_day
from reader.core.records.compare import ParallelSuggestion, PassageRef
from reader.core.wording import one_line

ENTITY_WEIGHT, WORD_WEIGHT, PHRASE_WEIGHT = 2.0, 2.5, 1.0
# Meaning: the closest sentences of two passages on one subject (Genden and Stalin) rate about 0.5 whatever they
# tell; only what rises above says "the same thing told twice".
MEANING_WEIGHT, MEANING_FLOOR, ONE_EVENT = 3.0, 0.55, 0.7
# The same day twice is rarely chance; a month or a season less so; a day a week off is likely the same event.
DATE_WEIGHTS = {(dating.SAME, "day"): 1.6, (dating.SAME, "month"): 1.0, (dating.NEAR, "day"): 1.2,
                (dating.NEAR, "month"): 0.8}
DATE_DEFAULTS = {dating.SAME: 0.6, dating.OVERLAP: 0.4}
YEAR_DAYS = 366  # a coincidence of dates wider than a year (a decade, "1930-1939") says the less, the wider they are
SHOWN_NAMES, SHOWN_WORDS = 5, 4
RETOLD_PHRASES = 2  # shared word pairs that make two passages one thing told twice
_TYING = frozenset({"day", "month", "part"})  # dates precise enough that two overlapping ones point at one moment
TYPES = {"PERSON": "people", "PLACE": "places", "ORG": "organisations"}


class Ranking(Protocol):
    """What judging needs from a ranking run."""

    vectors: Vectors

    def features(self, piece: Piece): ...
    def meaning(self, one: Piece, two: Piece) -> float: ...
    def alike_sentences(self, one: Piece, two: Piece) -> tuple[str, str]: ...
    def closest_sentences(self, one: Piece, two: Piece) -> tuple[tuple[int, int], tuple[int, int]]: ...
    def idf(self, entity_id: int) -> float: ...
    def names(self, entity_ids: set[int]) -> dict[int, str]: ...
    def located(self, entity_ids: set[int]) -> dict: ...
    def file_name(self, document_id: int) -> str: ...


def judge(ranking: Ranking, q: Piece, c: Piece) -> ParallelSuggestion:
    """The suggestion for passage `c` of another document against `q`."""
    mine, theirs = ranking.features(q), ranking.features(c)
    shared = set(mine.entities) & set(theirs.entities)
    entity_score = _entity_cosine(ranking, set(mine.entities), set(theirs.entities), shared)
    date_relation, date_pair = _dates(mine.dates, theirs.dates)
    word_score, words = ranking.vectors.cosine(q, c)
    phrases = ranking.vectors.phrases(q, c)
    meaning = ranking.meaning(q, c)
    score = (ENTITY_WEIGHT * entity_score + 0.15 * min(len(shared), 4) + _date_weight(date_relation, date_pair)
             + WORD_WEIGHT * word_score + PHRASE_WEIGHT * min(len(phrases), 3) / 3
             + MEANING_WEIGHT * max(meaning - MEANING_FLOOR, 0.0))
    names = ranking.names(shared | set(mine.entities) | set(theirs.entities))
    shared_names = [names.get(e, "?") for e in sorted(shared, key=ranking.idf, reverse=True)]
    reasons = _reasons(shared_names, date_pair, as_written(words[:SHOWN_WORDS], q.text),
                       as_written(sorted(phrases)[:SHOWN_WORDS], q.text))
    if meaning >= MEANING_FLOOR:
        reasons.append(f"alike in meaning ({meaning:.2f}): " + " ~ ".join(
            f"“{one_line(s, 60)}”" for s in ranking.alike_sentences(q, c)))
    both_dated = bool(mine.dates and theirs.dates)
    one_dated = bool(mine.dates) != bool(theirs.dates)  # an act dated beside an undated comment: likeness of
    # meaning is of their subject ('The two met on November 15, 1934' ~ 'Genden was seen as Stalin's man'), not one act
    return ParallelSuggestion(_ref(ranking, q), _ref(ranking, c), round(score, 4),
                              _relation(len(shared), date_relation if both_dated else "",
                                        word_score >= 0.3 or (meaning >= ONE_EVENT and not one_dated),
                                        both_dated and len(phrases) >= RETOLD_PHRASES),
                              tuple(reasons), (),
                              tuple(shared_names))


def ties_a_short_line(ranking: Ranking, q: Piece, c: Piece) -> bool:
    """Whether a pair with a one-line sentence in it is tied as such a line is worth offering for: a name both give,
    and the same day or a near one (a chronology's "Lindqvist died at Uppsala on 12 February 1899." beside another
    source's 2 February). Its few words make any word shared a high likeness: "• 1936: Amar became Prime Minister
    of Mongolia." outranked whole paragraphs telling one act, beside a title on a prime minister's slap in 1935."""
    mine, theirs = ranking.features(q), ranking.features(c)
    return bool(set(mine.entities) & set(theirs.entities)) \
        and _dates(mine.dates, theirs.dates)[0] in (dating.SAME, dating.NEAR)


def _date_weight(relation: str, pair: tuple[str, str] | None) -> float:
    if pair is None:
        return 0.0
    coarser = max((dating.span(value) for value in pair), key=lambda s: s.days)
    weight = DATE_WEIGHTS.get((relation, coarser.precision), DATE_DEFAULTS.get(relation, 0.0))
    return weight * min(1.0, YEAR_DAYS / coarser.days)


def _ref(ranking: Ranking, piece: Piece) -> PassageRef:
    return PassageRef(piece.document_id, ranking.file_name(piece.document_id), piece.start, piece.end, piece.text)


def _entity_cosine(ranking: Ranking, one: set[int], two: set[int], shared: set[int]) -> float:
    if not shared:
        return 0.0
    weight = sum(ranking.idf(e) ** 2 for e in shared)
    norm = (sum(ranking.idf(e) ** 2 for e in one) * sum(ranking.idf(e) ** 2 for e in two)) ** 0.5
    evidence = 1 - math.exp(-sum(ranking.idf(e) for e in shared))  # one common name alone is weak evidence
    return weight / norm * evidence if norm else 0.0


def _dates(mine: set[str], theirs: set[str]) -> tuple[str, tuple[str, str] | None]:
    """The closest relation between any date of one passage and any of the other, with the pair that shows it."""
    order = [dating.SAME, dating.NEAR, dating.OVERLAP]
    best, pair = dating.APART, None
    for one in sorted(mine):
        for two in sorted(theirs):
            a, b = dating.span(one), dating.span(two)
            if a is None or b is None:
                continue
            relation = dating.relate(a, b)
            if relation in order and (best not in order or order.index(relation) < order.index(best)):
                best, pair = relation, (one, two)
    return best, pair


def _reasons(shared_names: list[str], date_pair: tuple[str, str] | None, words: list[str],
             phrases: list[str]) -> list[str]:
    reasons = []
    if shared_names:
        reasons.append("both: " + ", ".join(shared_names[:SHOWN_NAMES]))
    if date_pair:
        reasons.append(f"dates {date_pair[0]}" if date_pair[0] == date_pair[1] else f"dates {date_pair[0]} / "
                       f"{date_pair[1]}")
    if words:
        reasons.append("words: " + ", ".join(words[:SHOWN_WORDS]))
    if phrases:
        reasons.append("phrases: " + ", ".join(sorted(phrases)[:SHOWN_WORDS]))
    return reasons


def hints(ranking: Ranking, one: tuple[Piece, tuple[int, int]], two: tuple[Piece, tuple[int, int]],
          ) -> tuple[str, ...]:
    """Disagreements side by side: dates (of passages telling one happening: sharing names or wording), numbers,
    and names of one kind that differ. Each side is a passage and the sentence in it that ties the pair (see
    `focus`): names in the same role are those of the two sentences telling the same thing, not every name of two
    long paragraphs."""
    (q, q_sentence), (c, c_sentence) = one, two
    mine, theirs = ranking.features(q), ranking.features(c)
    names = ranking.names(set(mine.entities) | set(theirs.entities))
    date_relation, date_pair = _dates(mine.dates, theirs.dates)
    retold = len(ranking.vectors.phrases(q, c)) >= RETOLD_PHRASES
    found = []
    if date_relation == dating.NEAR and date_pair and (retold or set(mine.entities) & set(theirs.entities)):
        found.append(f"dates: {date_pair[0]} / {date_pair[1]}")  # one happening (same names or words), two dates
    elif date_relation == dating.APART and mine.dates and theirs.dates and retold:  # one thing told twice
        found.append(f"dates: {', '.join(sorted(mine.dates))} / {', '.join(sorted(theirs.dates))}")
    found.extend(_numbers_differing(q.text, c.text))
    found.extend(_times_differing(q.text, c.text))
    named_here, named_there = _named_in(mine, q_sentence), _named_in(theirs, c_sentence)
    for kind, label in TYPES.items():
        # a name the other passage gives anywhere is no disagreement, nor a town beside its country (two scales)
        here, there = (_only_here(names, named, own, other, kind) for named, own, other in (
            (named_here, mine.entities, theirs.entities), (named_there, theirs.entities, mine.entities)))
        if kind == "PLACE":  # against every place the other passage names: 'Москва' here, 'Moscow' in its next
            # sentence there, were a disagreement (audit DY F6)
            named_mine, named_theirs = ({e for e, k in entities.items() if k == kind}
                                        for entities in (mine.entities, theirs.entities))
            located = ranking.located(named_mine | named_theirs)
            here, there = _not_within(here, named_theirs, located), _not_within(there, named_mine, located)
        here, there = {names.get(e, "?") for e in here}, {names.get(e, "?") for e in there}
        if here and there:  # names of one kind on both sides, differing: the same role, other names
            found.append(f"{label}: {', '.join(sorted(here))} / {', '.join(sorted(there))}")
    return tuple(found)


def _numbers_differing(mine: str, theirs: str) -> list[str]:
    """Numbers that count the same thing and differ ('a hundred thousand lamas' / 'thirty thousand lamas'); numbers
    of different things ('five countries', 'ten years') are no disagreement, nor are a passage's several counts of
    one thing ('2,201 persons on board, 705 persons saved') beside another's: which count tells the same role as the
    other's is not known."""
    here, there = counted(mine, _dated(mine)), counted(theirs, _dated(theirs))
    found = []
    for word in sorted(here.keys() & there.keys()):
        values_here, values_there = ({number_value(n) for n in side[word]} for side in (here, there))
        if values_here != values_there and len(values_here) == len(values_there) == 1:  # "eighty" and "80" are
            # one count, in words and in figures
            only_here = sorted(n for n in here[word] if number_value(n) not in values_there)
            only_there = sorted(n for n in there[word] if number_value(n) not in values_here)
            found.append(f"numbers: {', '.join(only_here) or '–'} / {', '.join(only_there) or '–'} "
                         f"({counted_word(word, mine)})")
    return found


def _times_differing(mine: str, theirs: str) -> list[str]:
    """Times of day on each side that the other does not give ('10.40 o'clock' / '11.40 p.m.'), as each writes
    them; a time without a.m. or p.m. is read on either half of the day. One side telling a time more (the sinking's
    besides the collision's) is no disagreement."""
    here, there = times_of_day(mine), times_of_day(theirs)
    only_here = [written for written, minutes in here if not any(_same_time(minutes, m) for _, m in there)]
    only_there = [written for written, minutes in there if not any(_same_time(minutes, m) for _, m in here)]
    return [f"times: {', '.join(only_here)} / {', '.join(only_there)}"] if only_here and only_there else []


def _same_time(one: tuple[int, bool], two: tuple[int, bool]) -> bool:
    """Whether two times (minutes after midnight, and whether the half of the day is said) can be one."""
    (minutes, said), (other, other_said) = one, two
    return minutes == other if said and other_said else minutes % 720 == other % 720


def _only_here(names: dict[int, str], named: set[int], own: dict[int, str], other: dict[int, str],
               kind: str) -> set[int]:
    """The entities of `kind` named in a passage's tying sentence whose names the other passage gives nowhere."""
    given_there = {names.get(e, "?") for e, k in other.items() if k == kind}
    return {e for e in named if own[e] == kind and names.get(e, "?") not in given_there}


def _not_within(places: set[int], others: set[int], located: dict) -> set[int]:
    """The places that neither lie in one of the others nor hold one ('Moscow' beside 'Russia' goes, both ways), nor
    are one of them named in another language ('Япония' beside 'Japan'), each where `located` puts it."""
    from reader.core.entities.geonames import lies_in

    def apart(place, other) -> bool:
        if place is None or other is None:
            return True
        return place.geonames_id != other.geonames_id and not lies_in(place, other) and not lies_in(other, place)

    return {p for p in places if all(apart(located[p], located[o]) for o in others)}


def _named_in(features, sentence: tuple[int, int]) -> set[int]:
    """The entities named inside a range of the document."""
    return {entity_id for at, entity_id in features.names_at if sentence[0] <= at < sentence[1]}


class Focus(NamedTuple):
    """Where in a passage two passages tie: a sentence (a range of the text) and, in it, the date that ties them."""

    sentence: tuple[int, int]
    key: int | None = None  # the tying date's offset in the text, kept in view when the sentence is cut short


def focus(ranking: Ranking, q: Piece, c: Piece) -> tuple[Focus, Focus]:
    """Where in each passage the two most likely tell the same thing: the sentences giving the dates that tie them
    (the same day, days close together, or overlapping parts of a year: "early 1935" and "a winter night in 1935"),
    else their sentences closest in meaning. A paragraph's opening words are seldom the part that matches."""
    mine, theirs = ranking.features(q), ranking.features(c)
    relation, pair = _dates(mine.dates, theirs.dates)
    if pair is not None and (relation in (dating.SAME, dating.NEAR) or (relation == dating.OVERLAP and all(
            dating.span(value).precision in _TYING for value in pair))):
        at_mine, at_theirs = mine.dated_at[pair[0]], theirs.dated_at[pair[1]]
        return Focus(sentence_around(q, at_mine), at_mine), Focus(sentence_around(c, at_theirs), at_theirs)
    mine_sentence, their_sentence = ranking.closest_sentences(q, c)
    return Focus(mine_sentence), Focus(their_sentence)


def _dated(text: str) -> list[tuple[int, int]]:
    from reader.core.entities.dates import find_dates

    return [(d.start, d.end) for d in find_dates(text)]


def _relation(shared: int, date_relation: str, alike: bool, retold_and_dated: bool) -> str:
    """`shared`: how many names both give. `date_relation`: how the two passages' dates relate, '' unless both are
    dated. `alike`: the same words or the same meaning. `retold_and_dated`: both passages dated and sharing
    phrases, so one thing told twice; then dates that cannot meet contradict each other, however far apart.
    Otherwise passages whose dates cannot meet tell of different happenings, however alike (a recognition in 1921
    and another in 1934): see also."""
    if shared and date_relation == dating.SAME:
        return "corroborates"
    if ((shared >= 2 or (shared and alike)) and date_relation == dating.NEAR) or (
            retold_and_dated and date_relation == dating.APART):  # one name and two near days: two acts, maybe
        return "contradicts"  # (a fortress stormed on the 14th, pulled down from the 15th)
    if date_relation == dating.APART:
        return "see_also"
    if (date_relation == dating.OVERLAP and shared) or alike:  # names alone do not make one event: in a corpus on
        return "same_event"  # Genden and Stalin every passage names both, a banquet of 1935 and a summit of 1934
    return "see_also"  # alike; nor does a day inside a season alone: Demid's death and Genden's arrest that summer
