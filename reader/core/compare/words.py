"""Words and numbers of a passage: what lexical similarity and the number hints compare."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from reader.core.entities.calendar_words import ABBREVIATIONS, MONTHS
from reader.core.folding import without_accents
from reader.core.number_words import NUMBER_WORDS

STOPWORDS = frozenset(str.split("""
a about above after again against all also although am an and any are as at be because been before being below
between both but by can could did do does doing down during each even ever every few for from further had has have
having he her here hers him his how however i if in into is it its itself just many may me might more most much must
my no nor not now of off on once one only or other our out over own same she should since so some still such than
that the their them then there these they this those through thus to too under until up upon very was we were what
when where which while who whom why will with within without would yet you your mr said says also another two three
first second time took made make became become began however year years day days night month months
january february march april may june july august september october november december
"""))
_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W\d_]|[^\W\d_]{2}", re.UNICODE)
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]+[^\W\d_]")  # as _WORD, three letters or more
# a number, "5 000" too (French and German print thousands apart, with a space, a thin or a no-break one)
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d[\d,.]*\d?)(?![\w])")
_GERMAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "5.000 Mann", "1.490": no count has three decimals
_MONTH_BEFORE = re.compile(rf"\bon\s+(?:{'|'.join((*MONTHS, *ABBREVIATIONS, 'sept'))})\.?\s+$")  # "on July 1 780
# men": a day, then a count; "Im August 12 000 Mann", "En juillet 12 000 hommes" count 12,000


def fold(text: str) -> str:
    """Lower case without diacritics, as the search index reads text."""
    return without_accents(text.lower())


@lru_cache(maxsize=65536)  # a corpus's vocabulary is small beside its running words: each is stemmed once
def stem(word: str) -> str:
    """A light English stem, enough that 'meetings' meets 'meeting' and 'Stalin's' meets 'Stalin'."""
    word = word.replace("’", "'").split("'")[0]
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """The content words of a text, folded and stemmed."""
    words = (stem(word) for word in _WORD.findall(fold(text)))
    return [word for word in words if len(word) > 2 and word not in STOPWORDS]


def as_written(stems: list[str], text: str) -> list[str]:
    """Each stem (or pair of stems, "includ military") as the text writes it, its first such word in lower case: a
    reason reads 'executed', not 'execut'."""
    forms = _written_forms(text)
    return [" ".join(forms.get(part, part) for part in found.split()) for found in stems]


@lru_cache(maxsize=4096)  # a passage's words are looked up for each of its suggestions
def _written_forms(text: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        forms.setdefault(stem(fold(word)), word)
    return forms


def content_words(text: str) -> list[str]:
    """The content words as written (lower case, neither stemmed nor folded) of three letters or more: cheap, for
    reading every dated sentence of a corpus, where a retelling reuses the very words. No word runs across a blank,
    and a run of letters only is one word whole, so the pattern reads only the runs that hold anything else
    ("stalin's", "1934-ban", "met,"): it cost twice as much over every run."""
    found = []
    for run in text.lower().split():
        if run.isalpha():
            if len(run) > 2 and run not in STOPWORDS:
                found.append(run)
        else:
            found += [word for word in _LONG_WORD.findall(run) if word not in STOPWORDS]
    return found


_ONE_NUMBER_WORD = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_NUMBER_WORD = re.compile(rf"(?<![\w-]){_ONE_NUMBER_WORD}(?:(?:-|\s+(?:and\s+)?){_ONE_NUMBER_WORD})*(?![\w-])")
# a number written in words, whole: "ninety-eight", "two hundred", "one hundred and twenty"; "forty-third" none
_NEXT_WORD = re.compile(r"[\s,]*([^\W\d_][\w’'-]*)")
_UNITS = frozenset({"year", "years", "day", "days", "month", "months", "night", "nights", "time", "times"})


_TIME = re.compile(r"(?<![\w.,:])(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?"
                   r"(?:\s*(?P<half>[ap])(?:\.\s?m\b\.?|m\b(?!(?-i:\s+[A-ZÄÖÜ])))|\s*(?P<clock>o['’]clock))?(?![\w.,:]\d)",
                   re.IGNORECASE)  # an hour alone only with a.m., p.m. or o'clock ("at 3 p.m.", "11 o'clock"); a bare
# "am" before a capital is German ("von den 12 am Tisch")
_AT_TIME = re.compile(r"\b(?:at|about|around|by|till|until|from|to|and|before|after|towards?)\s+$|[-–]\s*$",
                      re.IGNORECASE)  # "at 23:40", "from 10:15 to 10:45", "10:15–10:45"
_RATE_AFTER = re.compile(r"\s*(?:per\s*cent|percent|%)", re.IGNORECASE)


def times_of_day(text: str) -> list[tuple[str, tuple[int, bool]]]:
    """The times of day a text gives in figures, as written, with their minutes after midnight and whether the half
    of the day is said: '11.40 p.m.', '2:20 am', '10.40 o'clock', '3 p.m.', 'at 23:40'. A figure without a.m., p.m.
    or o'clock is a time only with minutes after a colon and 'at' (or 'about', 'until'…) before: '10.40 points',
    'John 3:16' are none."""
    found = []
    for match in _TIME.finditer(text):
        hour, minute, half = int(match["hour"]), int(match["minute"] or 0), (match["half"] or "").lower()
        told = half or match["clock"] or (match["minute"] and ":" in match.group(0) and
                                          _AT_TIME.search(text, max(0, match.start() - 12), match.start()))
        if not told or (half and not 1 <= hour <= 12) or _RATE_AFTER.match(text, match.end()):
            continue
        if half:
            hour = hour % 12 + (12 if half == "p" else 0)
        found.append((match.group(0).strip(), (hour * 60 + minute, bool(half) or hour > 12)))
    return found


def counted(text: str, skip: list[tuple[int, int]] = ()) -> dict[str, set[str]]:
    """What the numbers a text states count: each counted word (the word after the number, stemmed) with the numbers
    given for it ('100,000 lamas': {'lama': {'100,000'}}), leaving out the given ranges (its dates), "one", the parts
    of "forty-third", and numbers followed by a word that counts nothing ('two of them')."""
    lowered = text.lower()
    found: dict[str, set[str]] = {}
    for match in [*_figures(lowered), *_NUMBER_WORD.finditer(lowered)]:
        value = match.group(0).rstrip(".,")
        after = _NEXT_WORD.match(lowered, match.end())
        if value == "one" or after is None or any(s <= match.start() < e for s, e in skip):
            continue
        word = after.group(1)
        if word in NUMBER_WORDS or (word in STOPWORDS and word not in _UNITS):
            continue
        found.setdefault(stem(fold(word)), set()).add(value)
    return found


def _figures(text: str):
    """The numbers written in figures: a day after its month is not the first group of a count spaced in thousands
    ("on July 1 780 men" counts 780)."""
    for match in _NUMBER.finditer(text):
        day = re.match(r"\d+\s", match.group(0))
        if day and _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            yield from _NUMBER.finditer(text, match.start() + day.end(), match.end())
        else:
            yield match


def number_value(written: str) -> float | None:
    """What a number as written counts: '1,200' 1200, 'ninety-eight' 98, 'a hundred thousand' read from 'hundred
    thousand' 100000; None when it is no number ('1.2.3')."""
    if written[:1].isdigit():
        try:
            return float(re.sub(r"[,\s]" if not _GERMAN_THOUSANDS.fullmatch(written) else r"[.]", "", written))
        except ValueError:
            return None
    total = current = 0
    for word in re.split(r"[\s-]+", written.lower()):
        value = NUMBER_WORDS.get(word)
        if value is None:  # "and"
            continue
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total, current = total + max(current, 1) * value, 0
        else:
            current += value
    return float(total + current)


def counted_word(stemmed: str, text: str) -> str:
    """A counted word as the text writes it."""
    return _written_forms(text).get(stemmed, stemmed)


class Vectors:
    """TF-IDF vectors over a set of passages: cosine similarity of two of them."""

    def __init__(self, texts: dict[object, str]):
        words = {key: tokens(text) for key, text in texts.items()}
        self._counts = {key: Counter(found) for key, found in words.items()}
        self._pairs = {key: set(zip(found, found[1:], strict=False)) for key, found in words.items()}
        frequency: Counter = Counter()
        for counts in self._counts.values():
            frequency.update(counts.keys())
        total = len(self._counts) or 1
        self.idf = {word: math.log(1 + total / n) for word, n in frequency.items()}
        self._norms = {key: math.sqrt(sum((c * self.idf[w]) ** 2 for w, c in counts.items())) or 1.0
                       for key, counts in self._counts.items()}

    def cosine(self, one: object, two: object) -> tuple[float, list[str]]:
        """Similarity (0-1) and the shared words that weigh most, those weighing alike in the alphabet's order: in a
        set's, the reason 'words: …' changed from run to run (audit BR F2); summed exactly, so in any order."""
        first, second = self._counts[one], self._counts[two]
        shared = first.keys() & second.keys()
        weights = {w: first[w] * second[w] * self.idf[w] ** 2 for w in shared}
        score = math.fsum(weights.values()) / (self._norms[one] * self._norms[two])
        return score, sorted(weights, key=lambda word: (-weights[word], word))

    def phrases(self, one: object, two: object) -> list[str]:
        """Word pairs both passages use in the same order ("alliance … Japan"): the mark of one account retold or
        quoted by another, which single shared words are not."""
        return [" ".join(pair) for pair in self._pairs[one] & self._pairs[two]]
