"""The query language: words, "phrases", prefix*, AND / OR / NOT, parentheses, and key:value filters.

What the user types is parsed into terms and filters and compiled to an FTS5 expression in which every term is a
quoted string, so no input can reach FTS5's own syntax. A malformed query raises QueryError with a short message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import accumulate, product

from reader.core.entities.dates import date_span
from reader.core.folding import YO_FOR_YE, searchable, without_yo
from reader.core.morphology import search_forms
from reader.core.records.documents import DOCUMENT_KINDS
from reader.core.records.relations import RELATIONS

FILTER_KEYS = ("type", "entity", "tag", "doc", "relation", "kind", "date")
TYPE_ALIASES = {"person": "PERSON", "people": "PERSON", "place": "PLACE", "places": "PLACE", "org": "ORG",
                "organisation": "ORG", "organization": "ORG", "date": "DATE"}
OPERATORS = ("AND", "OR", "NOT")
JOINING = {"and": "AND", "or": "OR"}  # typed in lower case between two words, meant as the operators ("not" is a
# word of many phrases typed unquoted: did not sign)
TYPOGRAPHIC_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»", '"'))  # a phrase pasted from a source
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+(?:"[^"]*"?)?')
_FILTER = re.compile(r"^(?P<key>[a-z]+):(?P<value>.*)$")
_ANY_CASE_FILTER = re.compile(r"^(?P<minus>-?)(?P<key>[A-Za-z]+):(?P<value>.*)$")
_DATE_RANGE = re.compile(r"^(?P<first>\d{4}(?:-\d{2}){0,2})(?:\.\.(?P<last>\d{4}(?:-\d{2}){0,2}))?$")  # years, months
# or days, or a range of them
_SEARCHABLE = re.compile(r"[^\W_]")  # a letter or a digit: what FTS5's unicode61 tokenizer indexes
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,.\u00a0\u202f]\d{3})+|\d{4,})(?![\w])(?![.,]\d)")  # 1,490 or 1490
MOST_FORMS = 8  # the ways a term's figures are searched (two a figure: three figures in one phrase)
MOST_YO_FORMS = 64  # the ways a phrase's ё are searched; beyond ("лед на реке еще не сошел": 72), its words are
MAX_GROUPED_TERMS = 200  # FTS5 evaluates a grouped query term by term: 200 keep a 10,000-character query < 0.5 s
MAX_DEPTH = 10  # groups in groups a query may nest: bound, they nest about twice as deep, and the index fails at 32
INDEX_DEPTH = 30  # ... as the query is written for the index
LEFT_OUT_OR = ("a word left out cannot be a side of OR: leave it out by itself (genden -stalin), or give either of "
               "two words (genden OR molotov)")

LEFT_OUT_TWICE = "NOT, or a minus, leaves a word out once: give one of them (genden NOT stalin, or genden -stalin)"


class QueryError(ValueError):
    """A query that cannot be understood; the message says how to fix it, in a few words."""


@dataclass
class Query:
    """A parsed query: the FTS5 expression (empty when only filters were given) and the filters."""

    expression: str = ""
    filters: dict[str, list] = field(default_factory=dict)  # key -> values; a tag's may be a tuple: either of them
    terms: list[str] = field(default_factory=list)
    left_out: str = ""  # with filters and no word to search for (entity:Genden -Stalin): what the hits must not hold

    @property
    def date_range(self) -> tuple[str, str] | None:
        """The first and the last day every date: filter takes in (ISO): each applies, as every filter does (only the
        first typed did, audit BS F4)."""
        if "date" not in self.filters:
            return None
        spans = [_days_of(value) for value in self.filters["date"]]
        return max(first for first, _last in spans), min(last for _first, last in spans)


def parse(text: str) -> Query:
    text = text.translate(TYPOGRAPHIC_QUOTES)
    if text.count('"') % 2:
        raise QueryError('a phrase is missing its closing "')
    query = Query()
    tokens = _operators([_lower_key(token) for token in _TOKEN.findall(text)])
    if not tokens and text.strip():  # punctuation alone ("-")
        raise QueryError(f"'{text.strip()}' has nothing to search for: type a word, a name or a number")
    if max(accumulate({"(": 1, ")": -1}.get(token, 0) for token in tokens), default=0) > MAX_DEPTH:
        raise QueryError(f"parentheses nest more than {MAX_DEPTH} deep")  # before the groups are read (500 deep
        # failed with a RecursionError, 32 reached the index: audit BP F7, F8)
    tokens, ignored = _without_ignored(tokens)
    typed = _and_not(_filters_in_groups(tokens))  # as typed, for naming what is left out
    tokens = _not_as_minus(typed)  # NOT after a group of filters is read as after a filter (BQ F4)
    parts, left_out = _read(tokens, query)
    if left_out and not parts and query.filters:  # the filters find the hits; these words rule some out
        query.left_out = " OR ".join(_check_structure(_bound(_level(left))) if isinstance(left, list) else left
                                     for left in left_out)
    else:
        parts = _leaving_out(parts, left_out, typed)
    if ignored and not parts and not query.filters:
        raise QueryError(f"'{ignored[0]}' has nothing to search for: type a word, a name or a number")
    _check_structure(parts, bound=False)
    compiled = _bound(_level(parts))
    if (grouped := _grouped_words(compiled)) > MAX_GROUPED_TERMS:
        raise QueryError(f"the query holds {grouped} words in groups or joined by OR beside others; at most "
                         f"{MAX_GROUPED_TERMS} are searched together (search fewer)")
    query.expression = _check_structure(compiled)
    _check_date_range(query)
    return query


def _lower_key(token: str) -> str:
    """A filter's name as the filters are named, whatever its case: 'Entity:Genden' (a phone capitalises a field's
    first word) was searched as words, and "nothing found" read as the corpus holding nothing."""
    filtered = _ANY_CASE_FILTER.match(token)
    if filtered is None or filtered["key"].lower() not in FILTER_KEYS:
        return token
    return f"{filtered['minus']}{filtered['key'].lower()}:{filtered['value']}"


def _read(tokens: list[str], query: Query) -> tuple[list[str], list[str]]:
    """The FTS5 parts of the tokens (filters go into `query`), and what a minus before the first word leaves out
    (-stalin genden: put after the rest)."""
    parts: list[str] = []
    left_out: list[str] = []
    group_end = -1  # a group left out before any word, read whole: its tokens are passed over
    for index, token in enumerate(tokens):
        if index <= group_end:
            continue
        filtered = _FILTER.match(token)
        if filtered and filtered["key"] not in FILTER_KEYS and filtered["value"]:
            _refuse_misspelt(filtered["key"])
        if filtered and filtered["key"] in FILTER_KEYS:
            _add_filter(query, filtered["key"], filtered["value"].strip('"'), either=_joins_tags(tokens, index - 1))
        elif token.startswith("-") and (dropped := _FILTER.match(token[1:])) and dropped["key"] in FILTER_KEYS:
            _leave_out_filter(query, dropped["key"], dropped["value"].strip('"'))
        elif token in OPERATORS and (_beside_a_filter(tokens, index) or not parts and left_out):
            _without_words_before(tokens, index, parts)
        elif token == "-" and tokens[index + 1:index + 2] == ["("]:  # -(a OR b): the group is left out
            group_end = _minus_group(tokens, index, parts, left_out, query)
        elif _excluded(token) and (compiled := _compile_token(token[1:], query)) is not None:
            if parts:
                parts += ["NOT", compiled]
            else:
                left_out.append(compiled)
        elif (compiled := _compile_token(token, query)) is not None:
            parts.append(compiled)
    return parts, left_out


def _without_words_before(tokens: list[str], index: int, parts: list[str]) -> None:
    """An operator beside a filter (every filter applies: AND says nothing more, OR joins tags alone), or after
    words left out first ('-stalin AND genden' joins as side by side: it was refused, "AND needs a word before it";
    audit BP F4)."""
    token = tokens[index]
    if _beside_a_filter(tokens, index):
        if token != "AND" and not _joins_tags(tokens, index):
            raise QueryError(_misjoined(tokens, index))
        if token == "AND" and _joins_across_filters(tokens, index, parts):
            parts.append("AND")
    elif token == "OR":
        raise QueryError(LEFT_OUT_OR)
    elif token == "NOT":
        parts.append(token)  # bound after the words that follow it, or said to need one


def _joins_across_filters(tokens: list[str], index: int, parts: list[str]) -> bool:
    """Whether an AND beside a filter joins the words either side of the filters ('genden AND entity:Genden AND
    stalin OR mongolia'): dropped, the words met side by side, and OR took stalin alone (audit BP F1)."""
    after = next((token for token in tokens[index + 1:] if token != "AND" and not _a_filter(token)), "")
    return bool(parts) and parts[-1] not in (*OPERATORS, "(") and (after == "(" or (
        after not in (*OPERATORS, ")", "-", "") and not _excluded(after)))


def _operators(tokens: list[str]) -> list[str]:
    """And / or in lower case (or capitalised) between two words, groups or filters are the operators: `genden or
    stalin` found nothing (the word "or" was required), `genden and stalin` lost every line without "and",
    `(stalin and molotov) or genden` searched "or" (audit BJ F4), as did `tag:a or tag:b` and `Genden Or Stalin`
    (BK F9). A hyphen typed alone is punctuation ('1934 - 1937' left 1937 out, BJ F5), but before a group, which it
    leaves out."""
    def operand(at: int) -> bool:  # what and / or may stand between: a word, a filter, a group's edge, punctuation
        token = tokens[at]
        return _is_word(token) or token in ("(", ")") or bool(_FILTER.match(token.lstrip("-"))) or _lone_hyphen(
            tokens, at)

    return [JOINING[token.lower()] if token.lower() in JOINING and token not in OPERATORS
            and 0 < index < len(tokens) - 1 and operand(index - 1) and tokens[index - 1] != "("
            and (operand(index + 1) and tokens[index + 1] != ")"
                 or tokens[index + 1] in ("NOT", "-"))  # 'genden and -(stalin)' searched "and" (BP F3)
            else token for index, token in enumerate(tokens)]


def _lone_hyphen(tokens: list[str], at: int) -> bool:
    """Whether tokens[at] is a hyphen typed alone, punctuation ('1934 - 1937'), not before a group it leaves out: it
    was dropped before the rest was read, so 'genden NOT - stalin' left Stalin out and 'genden NOT — stalin' did not
    (audit BU F2)."""
    return tokens[at] == "-" and tokens[at + 1:at + 2] != ["("]


def _and_not(tokens: list[str]) -> list[str]:
    """The tokens without an AND before NOT or a word left out: AND NOT is NOT, and AND -word is -word ("NOT needs a
    word before it"; audit BH F9, BI F10). After punctuation is left out, which may leave them side by side. An AND
    before a tag left out (-tag:x, NOT tag:x) stays: it joins the words either side of the filter (BU F4, BX F1)."""
    return [token for at, token in enumerate(tokens) if not (token == "AND" and _leaves_out_a_word(tokens, at + 1))]


def _leaves_out_a_word(tokens: list[str], at: int) -> bool:
    """Whether tokens[at] leaves out a word or a group (NOT word, -word, -( … )), not a filter (NOT tag:x, -tag:x)."""
    after = tokens[at] if at < len(tokens) else ""
    if after == "NOT":
        return not (at + 1 < len(tokens) and _a_filter(tokens[at + 1]))
    return after.startswith("-") and not _a_filter(after)


def _without_ignored(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The tokens as if those holding nothing to search for (punctuation, emoji, a hyphen alone: the index holds no
    such word) had not been typed: each goes with a NOT or a minus before it, a group left empty goes too, and an AND
    or OR left with nothing on a side goes (only there: dropped once the query was read, every operator then seeming
    to dangle went, and '— NOT stalin genden' required Stalin, 'genden OR -stalin 😀' searched him; audit BS F1-F3).
    Returns the tokens kept and those left out (as typed)."""
    kept: list[str] = []
    ignored: list[str] = []
    emptied: list[bool] = []  # for each group open, whether something in it was left out ('()' typed is refused)
    dangling = False  # whether an AND or OR next has nothing before it, what stood there left out
    for at, token in enumerate(tokens):
        if token in ("AND", "OR") and dangling:
            continue
        emptied += [False] if token == "(" else []
        group_emptied = token == ")" and bool(emptied) and emptied.pop() and kept[-1:] == ["("]
        if not group_emptied and not _nothing_to_search(token) and not _lone_hyphen(tokens, at):
            kept.append(token)
            dangling = False
            continue
        if group_emptied:
            kept.pop()
        else:
            ignored.append(token)
        emptied[-1:] = [True] * len(emptied[-1:])
        if kept[-1:] in (["NOT"], ["-"]):
            kept.pop()
        following = tokens[at + 1] if at + 1 < len(tokens) else ""
        if kept[-1:] in (["AND"], ["OR"]) and (following in ("AND", "OR") and not (
                kept[-1] == "OR" and following == "AND")  # of two, the AND bound what went ('a OR 😀 AND b')
                or following in ("", ")")):
            kept.pop()
        dangling = not kept or kept[-1] in ("(", *OPERATORS)
    return kept, ignored


def _nothing_to_search(token: str) -> bool:
    """Whether a word or phrase (or one left out) holds no letter or digit the index could find."""
    if token in OPERATORS or token in ("(", ")", "-") or _FILTER.match(token.lstrip("-")):
        return False
    return not _SEARCHABLE.search(_term_text(token[1:] if _excluded(token) else token))


def _term_text(token: str) -> str:
    """What the index is asked for of a word or a phrase: without its quotes, or a word's final *, as it reads text."""
    return searchable(token.strip('"') if token.startswith('"') else token.strip('"').rstrip("*"))


def _is_word(token: str) -> bool:
    """Whether a token is a word (or a phrase, or a word left out): not an operator, a parenthesis or a filter."""
    return bool(token) and token not in OPERATORS and token not in JOINING and token not in ("(", ")", "-") \
        and not _FILTER.match(token)


def _not_as_minus(tokens: list[str]) -> list[str]:
    """NOT where nothing to search for stands before it (first, first in a group, after a filter, a word or a group
    left out) leaves out what follows, as a minus does: 'NOT stalin tag:x' and 'entity:Genden -choibalsan NOT 1934'
    were refused, "a word left out needs one to search for", though the filter finds the hits (audit BQ F1); and
    'tag:meeting-1934 NOT archival' was refused as "NOT leaves out words, not filters". NOT before a filter leaves
    the filter out (NOT tag:x is -tag:x)."""
    read: list[str] = []
    left_out_groups: list[bool] = []  # for each group open, whether a minus leaves it out
    closed_left_out = False  # whether the last token read closes a group left out
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        before = read[-1] if read else ""
        if token == "NOT" and after.startswith("-"):  # made a minus, 'NOT -genden' was '--genden' (BS F5)
            raise QueryError(LEFT_OUT_TWICE)
        if token == "NOT" and (_FILTER.match(after) or (_is_word(after) or after == "(") and (
                not read or before == "(" or _FILTER.match(before) or _excluded(before) or closed_left_out)):
            read.append("-")
        elif read[-1:] == ["-"] and token != "(":
            read[-1] = "-" + token
        else:
            read.append(token)
        if token == "(":
            left_out_groups.append(before == "-")
        closed_left_out = token == ")" and bool(left_out_groups) and left_out_groups.pop()
    return read


def _leaving_out(parts: list[str], left_out: list[str], tokens: list[str]) -> list[str]:
    """Words a minus left out before any word to search for, after the rest: -stalin genden OR demid is
    (genden OR demid) NOT stalin."""
    if not left_out:
        return parts
    if not parts:
        excluded = _first_left_out(tokens)
        what = "words" if '"' in excluded or "(" in excluded else "a word"
        example = "stalin" if "genden" in excluded.casefold() else "genden"  # not "e.g. genden -genden"
        raise QueryError(f"{excluded} leaves {what} out: give one to search for first, e.g. {example} {excluded}")
    for compiled in left_out:  # bound, a word left out leaves every line the words before it find
        parts = [*parts, "NOT", *(compiled if isinstance(compiled, list) else [compiled])]
    return parts


def _first_left_out(tokens: list[str]) -> str:
    """The first thing left out outside any group, as typed: '-stalin', 'NOT stalin', '-( … )' (a typed NOT was
    named as a minus, a word inside a group for the group: audit BU F6, BX F4)."""
    for at, (token, depth) in enumerate(zip(tokens, _depths(tokens), strict=True)):
        after = tokens[at + 1] if at + 1 < len(tokens) else ""
        if depth == 0 and _excluded(token):
            return token
        if depth == 0 and token in ("NOT", "-") and after == "(":
            return "NOT ( … )" if token == "NOT" else "-( … )"
        if depth == 0 and token == "NOT" and after:
            return f"NOT {after}"
    return "-( … )"


def _depths(tokens: list[str]) -> list[int]:
    """How deep in parentheses each token stands (a parenthesis counted outside its group)."""
    depths, depth = [], 0
    for token in tokens:
        depth -= token == ")"
        depths.append(depth)
        depth += token == "("
    return depths


def _minus_group(tokens: list[str], index: int, parts: list[str], left_out: list[str], query: Query) -> int:
    """-( … ) at `index`: after a word, a NOT before the group; before any word (or beside filters alone), the group
    read whole and left out, as -word is there (it was refused). Returns the index of the last token it took."""
    end = _closing(tokens, index + 1)
    if parts:
        parts.append("NOT")
        return index
    group, group_left_out = _read(tokens[index + 2:end], query)
    if not group:
        raise QueryError(LEFT_OUT_TWICE if group_left_out else
                         "empty parentheses: put the words they group inside them")
    group = _leaving_out(group, group_left_out, tokens)  # '-(-stalin moscow)': its minus had been dropped (BP F6)
    _check_structure(group, bound=False)
    left_out.append(["(", *group, ")"])  # bound as the rest is (it was read by the index's own rules, BP F11)
    return end


def _filters_in_groups(tokens: list[str]) -> list[str]:
    """The tokens, a group of filters alone read without its parentheses ('(tag:a OR tag:b)' as 'tag:a OR tag:b',
    which it means: it was refused, audit BI F5); else a group ( … ) holds words: a filter in it was read as a
    filter of the whole search, which then found what a group left out meant to leave out ('quagga -(zebra
    tag:alpha)' found quagga tagged alpha), or left out what a group joined by OR meant to add ('zebra OR (quagga
    tag:alpha)' found only notes tagged alpha)."""
    for index, token in enumerate(tokens):
        if token != "(":
            continue
        end = _closing(tokens, index)
        group = tokens[index + 1:end]
        typed = next((word for word in group if _is_filter([word.lstrip("-")])), None)  # as typed: a filter left
        # out named without its minus was to be put outside, required (audit BX F3)
        found = typed.lstrip("-") if typed is not None else None
        before = tokens[index - 1] if index else ""
        if found is not None and before not in ("-", "NOT") and _filters_alone(group):
            return _filters_in_groups([*tokens[:index], *group, *tokens[end + 1:]])
        if found is not None and before in ("-", "NOT"):
            raise QueryError(f"a filter cannot go inside {'-( … )' if before == '-' else 'NOT ( … )'}: leave it out "
                             f"by itself (-{found}) or put it outside the parentheses")
        if found is not None:
            raise QueryError(f"a filter cannot go inside ( … ): filters apply to the whole search, so put {typed} "
                             "outside the parentheses")
    return tokens


def _filters_alone(group: list[str]) -> bool:
    """Whether a group is one filter, or tags joined by OR (the one filter either of whose values will do)."""
    return len(group) == 1 and _is_filter(group) or len(group) > 1 and all(
        _is_filter([token], "tag") if at % 2 == 0 else token == "OR" for at, token in enumerate(group)) \
        and len(group) % 2 == 1


def _closing(tokens: list[str], opening: int) -> int:
    """The index of the ')' closing the '(' at `opening`."""
    depth = 0
    for index in range(opening, len(tokens)):
        depth += {"(": 1, ")": -1}.get(tokens[index], 0)
        if depth == 0:
            return index
    raise QueryError("a '(' is not closed")


def _misjoined(tokens: list[str], index: int) -> str:
    """Why an OR or a NOT beside a filter cannot be: filters are not terms either-or or left out."""
    if tokens[index] == "NOT":
        return "NOT leaves out words (genden NOT stalin), not filters"
    beside = tokens[index - 1] if index > 0 and _a_filter(tokens[index - 1]) else tokens[index + 1]
    key = _FILTER.match(beside.lstrip("-"))["key"]  # a filter left out (-tag:x) too
    return (f"OR takes either of two words or two tags (tag:a OR tag:b), not other filters: every filter applies "
            f"({key}:a {key}:b finds what has both)")


def _refuse_misspelt(key: str) -> None:
    """A word before a colon within two letters of a filter's name is that filter mistyped (tpye:, enity:): read as
    words it found nothing, which reads as "the corpus holds nothing". Farther off, it is words (https:, 10:30)."""
    from rapidfuzz.distance import DamerauLevenshtein

    meant = min(FILTER_KEYS, key=lambda name: DamerauLevenshtein.distance(key, name))
    if len(key) >= 3 and DamerauLevenshtein.distance(key, meant) <= min(2, len(meant) // 2):
        raise QueryError(f"unknown filter {key}: did you mean {meant}:? (the filters are "
                         f"{' '.join(name + ':' for name in FILTER_KEYS)})")


def _excluded(token: str) -> bool:
    """-word (or -"a phrase") leaves it out, as in web searches (the index would read it as the word itself)."""
    return len(token) > 1 and token[0] == "-" and token[1] != "-"


def _is_filter(tokens: list[str], key: str | None = None) -> bool:
    """Whether `tokens` is one key:value filter (of `key`, if given): a slice, so an edge is simply no filter."""
    filtered = _FILTER.match(tokens[0]) if len(tokens) == 1 else None
    return bool(filtered) and filtered["key"] in FILTER_KEYS and key in (None, filtered["key"])


def _beside_a_filter(tokens: list[str], index: int) -> bool:
    """Whether an operator stands next to a key:value filter, or one left out (filters are not terms it could
    join)."""
    return index > 0 and _a_filter(tokens[index - 1]) or index + 1 < len(tokens) and _a_filter(tokens[index + 1])


def _a_filter(token: str) -> bool:
    """Whether a token is a key:value filter, or one left out (-tag:x)."""
    return _is_filter([token[1:] if token.startswith("-") else token])


def _joins_tags(tokens: list[str], index: int) -> bool:
    """Whether tokens[index] is an OR between two tag filters: the one filter a passage may meet either way of
    (tagged 'meeting-1934' or 'meeting-1935'); other filters all apply."""
    return (0 < index < len(tokens) - 1 and tokens[index] == "OR" and _is_filter(tokens[index - 1:index], "tag")
            and _is_filter(tokens[index + 1:index + 2], "tag"))


def _level(parts: list[str]) -> list:
    """The parts of a well-formed query as one level's items: a part, or a group's items as a list of its own."""
    levels: list[list] = [[]]
    for part in parts:
        if part == "(":
            levels.append([])
        elif part == ")":
            group = levels.pop()
            levels[-1].append(group)
        else:
            levels[-1].append(part)
    return levels[0]


def _bound(items: list) -> list[str]:
    """A level's items as the query means them, written so FTS5 reads them so: words side by side are each
    required, and OR joins only the words beside it, as in a web search ('Genden Stalin OR Choibalsan': FTS5 binds OR
    loosest, and found every line of Choibalsan; audit BM F2); AND typed joins as words side by side do, before OR
    ('Genden AND Stalin OR Choibalsan'); a word left out (NOT, a minus) is left out by itself, of every line the
    words beside it find ('Genden OR Stalin -Choibalsan' left it out of Stalin's lines only, BM F3; 'Genden -Stalin
    AND Choibalsan' only of the lines holding both, BO F1), and cannot be a side of OR (BO F8). A group is searched
    once however often it is typed (100 repeats of 'the or a' took two seconds, BO F2)."""
    if not items:  # filters alone
        return []
    wanted: list[tuple[str, ...]] = []
    left_out: list[tuple[str, ...]] = []
    for clause in _side_by_side(_negated(items)):
        sides = _split(clause, "OR")
        if len(sides) == 1:  # words joined by AND are words side by side: no group (prose with 'and', BO F3)
            for atom in _split(sides[0], "AND"):
                (left_out if _is_left_out(atom[0]) else wanted).append(tuple(_atom(atom[0])))
        else:  # a word left out on a side of OR is left out of every line too (it was of that side's: BP F2)
            either = [_either_side(side) for side in sides]
            wanted.append(tuple(_in_parentheses(_joined([tuple(side) for side, _out in either], "OR"))))
            left_out += [excluded for _side, out in either for excluded in out]
    found = _all_of(wanted, left_out)
    return found[1:-1] if found[0] == "(" and _closing(found, 0) == len(found) - 1 else found  # one group: its words


def _negated(items: list) -> list:
    """The items, each NOT made one item with the operand it leaves out."""
    negated: list = []
    for item in items:
        if negated and negated[-1] == "NOT":
            negated[-1] = ("NOT", item)
        else:
            negated.append(item)
    return negated


def _side_by_side(items: list) -> list[list]:
    """The items cut where two operands stand side by side, with no operator between them."""
    clauses: list[list] = []
    for at, item in enumerate(items):
        if not clauses or _is_operand(items[at - 1]) and _is_operand(item):
            clauses.append([item])
        else:
            clauses[-1].append(item)
    return clauses


def _split(items: list, operator: str) -> list[list]:
    sides: list[list] = [[]]
    for item in items:
        if item == operator:
            sides.append([])
        else:
            sides[-1].append(item)
    return sides


def _either_side(side: list) -> tuple[list[str], list[tuple[str, ...]]]:
    """One side of OR (words joined by AND, not only words left out), and the words it leaves out."""
    atoms = [atom[0] for atom in _split(side, "AND")]
    if all(_is_left_out(atom) for atom in atoms):
        raise QueryError(LEFT_OUT_OR)
    return (_all_of([tuple(_atom(a)) for a in atoms if not _is_left_out(a)], []),
            [tuple(_atom(a)) for a in atoms if _is_left_out(a)])


def _all_of(wanted: list[tuple[str, ...]], left_out: list[tuple[str, ...]]) -> list[str]:
    """What every line must hold, less each left out (FTS5's NOT needs what it leaves out of before it)."""
    if not wanted:
        raise QueryError("a word left out needs one to search for: give it first, e.g. genden -stalin")
    found = _joined(list(dict.fromkeys(wanted)), "AND")
    for excluded in dict.fromkeys(left_out):
        found += ["NOT", *_in_parentheses(list(excluded))]
    return found


def _joined(sides: list[tuple[str, ...]], operator: str) -> list[str]:
    """The sides (each once) joined by the operator, each of several parts in parentheses."""
    distinct = list(dict.fromkeys(sides))
    if len(distinct) == 1:
        return list(distinct[0])
    joined: list[str] = []
    for side in distinct:
        joined += [*([operator] if joined else []), *_in_parentheses(list(side))]
    return joined


def _in_parentheses(parts: list[str]) -> list[str]:
    """The parts in parentheses, unless one operand or one group already."""
    whole = len(parts) == 1 or parts[0] == "(" and _closing(parts, 0) == len(parts) - 1
    return parts if whole else ["(", *parts, ")"]


def _atom(item) -> list[str]:
    """A word, a group (its parts in parentheses), or what a NOT leaves out: not a group of words left out alone
    ('genden -(-stalin)', 'genden (-stalin)'), though one of words left out and wanted ('genden -(-stalin moscow)':
    BP F6)."""
    if isinstance(item, list) and _only_left_out(item):  # said to give a word first, as it had (BQ F2)
        raise QueryError("parentheses holding only words left out give nothing to search for: leave the words out "
                         "without them (genden -stalin)")
    if _is_left_out(item):
        item = item[1]
        if isinstance(item, list) and _only_left_out(item):
            raise QueryError(LEFT_OUT_TWICE)
    return ["(", *_bound(item), ")"] if isinstance(item, list) else [item]


def _only_left_out(items: list) -> bool:
    """Whether a level's operands are all words left out."""
    return all(_is_left_out(one) for one in _negated(items) if _is_operand(one))


def _is_left_out(item) -> bool:
    return isinstance(item, tuple)


def _grouped_words(parts: list[str]) -> int:
    """How many words stand in parentheses: FTS5 reads each group through for every line (480 repeats of
    '(Genden* OR Stalin*)' took 2 s), while words outside groups, however many (a pasted page), cost little."""
    depth, words = 0, 0
    for part in parts:
        depth += {"(": 1, ")": -1}.get(part, 0)
        words += depth > 0 and part not in OPERATORS and part not in ("(", ")")
    return words


def _is_operand(item) -> bool:
    return isinstance(item, list | tuple) or item not in OPERATORS


def _add_filter(query: Query, key: str, value: str, either: bool = False) -> None:
    """Add a filter; `either`: a tag joined by OR to the tag filter before it, which then takes either."""
    if not value:
        raise QueryError(f"{key}: needs a value, e.g. {key}:something")
    if key == "date":
        _check_years(value)
    elif key in _CHOICES:
        _check_choice(key, value)
    values = query.filters.setdefault(key, [])
    if either and values:
        last = values.pop()
        values.append((*(last if isinstance(last, tuple) else (last,)), value))
    else:
        values.append(value)


def _leave_out_filter(query: Query, key: str, value: str) -> None:
    """-tag:x (or NOT tag:x): the notes carrying the tag are left out ("passages not coded x"); other filters say
    what is wanted, not what is not."""
    if key != "tag":
        raise QueryError(f"only tags can be left out of a search (-tag:name), not {key}: give the {key}: wanted")
    _add_filter(query, "-tag", value)


def _days_of(value: str) -> tuple[str, str]:
    """The first and the last day (ISO) of a date: filter's value."""
    match = _DATE_RANGE.match(value)
    return date_span(match["first"])[0], date_span(match["last"] or match["first"])[1]


def _check_date_range(query: Query) -> None:
    """Date filters that share no day would find nothing, as if the corpus held nothing: say which two, and the range
    over both."""
    found = query.date_range
    if found is None or found[0] <= found[1]:
        return
    days = {value: _days_of(value) for value in query.filters["date"]}
    latest = max(days, key=lambda value: days[value][0])  # begins after `earliest` ends
    earliest = min(days, key=lambda value: days[value][1])
    first, last = _DATE_RANGE.match(earliest), _DATE_RANGE.match(latest)
    raise QueryError(f"date:{earliest} and date:{latest} have no day in common: give one date: filter, or a range "
                     f"over both (date:{first['first']}..{last['last'] or last['first']})")


def _check_years(value: str) -> None:
    match = _DATE_RANGE.match(value)
    if not match:
        raise QueryError("date: takes a year or a range of years, e.g. date:1934..1937 (or months and days: "
                         "date:1934-11, date:1934-11-15)")
    for given in (match["first"], match["last"]):
        if given and date_span(given) is None:
            raise QueryError(f"date:{given} is not a date: no such month or day")
    if match["last"] and date_span(match["last"])[1] < date_span(match["first"])[0]:
        raise QueryError(f"date:{value} runs backwards: give the earlier year first, "
                         f"date:{match['last']}..{match['first']}")


def _check_choice(key: str, value: str) -> None:
    """A type, relation or kind that does not exist would only ever find nothing: say which ones do."""
    normal, choices = _CHOICES[key]
    if normal(value) not in choices:
        raise QueryError(f"{key}: is {_ONE_OF[key]}")


def relation_key(value: str) -> str:
    """A relation as typed ("same event", same-event, or a word of its label: quotes) as it is stored."""
    key = value.casefold().replace(" ", "_").replace("-", "_")
    return next((stored for stored, label in RELATIONS.items() if key in label.replace(" ", "_").split("_/_")), key)


def kind_name(value: str) -> str:
    """A document kind as typed (news_article) as it is stored."""
    return value.casefold().replace("_", " ")


_CHOICES = {"type": (str.casefold, frozenset(TYPE_ALIASES) | {t.casefold() for t in TYPE_ALIASES.values()}),
            "relation": (relation_key, frozenset(RELATIONS)), "kind": (kind_name, frozenset(DOCUMENT_KINDS))}
_ONE_OF = {"type": "person, place, org or date", "relation": ", ".join(RELATIONS),
           "kind": "one of " + ", ".join(DOCUMENT_KINDS) + " (with _ for a space: kind:news_article)"}


def _compile_token(token: str, query: Query) -> str | None:
    if token in OPERATORS or token in ("(", ")"):
        return token
    prefix = token.endswith("*") and not token.startswith('"')
    if "*" in token.rstrip("*") and not token.startswith('"'):
        raise QueryError(f"{token}: a * stands only at the end of a word (genden* finds Genden and Gendendorj): "
                         "words are found by how they begin")
    words = _term_text(token)
    if not _SEARCHABLE.search(words):
        return None  # only punctuation or emoji: the index holds no such token, so it cannot narrow the search
    query.terms.append(without_yo(words))
    # a long phrase of many е: each of its words, in any of its forms
    if math.prod(len(choice) for choice in _yo_choices(words)) > MOST_YO_FORMS:
        return "(" + " AND ".join(_either(_yo_forms(word), prefix) for word in without_yo(words).split()) + ")"
    quoted = token.startswith('"')  # a word in quotes as typed, as a phrase is
    forms = [words] if prefix else [found for form in _figure_forms(words)
                                    for found in ([form] if quoted else search_forms(without_yo(form)))]
    return _either(list(dict.fromkeys(yo for form in forms for yo in _yo_forms(form))), prefix)


def _either(written: list[str], prefix: bool) -> str:
    forms = ['"' + form.replace('"', '""') + '"' + ("*" if prefix else "") for form in written]
    return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"


def _yo_forms(words: str) -> list[str]:
    """The term with an е of each word written ё, or none, as Russian print writes it at will ("признаете" finds
    "Признаёте", "Семёнов" finds "Семенов"); a word has one ё at most, as it has one stress. SQLite's tokenizer folds
    the accents of Latin letters only; the text indexed, and the snippets, stay as written."""
    return [" ".join(chosen) for chosen in product(*_yo_choices(words))]


def _yo_choices(words: str) -> list[list[str]]:
    """Each word of the term as written with е, then with each е in turn written ё."""
    return [[word, *(word[:at] + YO_FOR_YE[letter] + word[at + 1:] for at, letter in enumerate(word)
                     if letter in YO_FOR_YE)]
            for word in without_yo(words).split(" ")]



def _figure_forms(words: str) -> list[str]:
    """The term as the index may hold its figures: it reads '1,490', '1.490' and '1 490' as two words, 1 and 490,
    and '1490' as one, and a historian checking a figure types it either way."""
    pieces = _FIGURE.split(words)  # the figures at the odd places
    choices = [[piece] if n % 2 == 0 else list(dict.fromkeys((_digits(piece), _grouped(piece))))
               for n, piece in enumerate(pieces)]
    if math.prod(len(choice) for choice in choices) > MOST_FORMS:  # a run of figures (a table pasted): as typed,
        # or written all the one way or all the other
        return list(dict.fromkeys([words, *("".join(piece if n % 2 == 0 else way(piece) for n, piece in
                                                    enumerate(pieces)) for way in (_digits, _grouped))]))
    return ["".join(chosen) for chosen in product(*choices)]


def _digits(figure: str) -> str:
    return re.sub(r"\D", "", figure)


def _grouped(figure: str) -> str:
    """'1490' as '1 490', '1234567' as '1 234 567': the words the index reads of it written with separators."""
    digits = _digits(figure)
    head = len(digits) % 3 or 3
    return " ".join([digits[:head], *(digits[at:at + 3] for at in range(head, len(digits), 3))])


def _check_structure(parts: list[str], bound: bool = True) -> str:
    """The parts as the index reads them, if they make sense; else QueryError saying what is missing. Before the
    query is bound (`bound` false), the query or a group may begin with a word left out: binding puts it after the
    words beside it ('(-stalin genden) OR moscow' and 'NOT stalin genden' were refused, "NOT needs a word before
    it", though '-stalin genden' is searched; audit BP F5)."""
    depth, previous, before = 0, None, None
    for part in parts:
        if bound or not (part == "NOT" and previous in (None, "(")):
            _check_beside(part, previous, before)
        depth += {"(": 1, ")": -1}.get(part, 0)
        if depth > INDEX_DEPTH:
            raise QueryError(f"parentheses nest more than {MAX_DEPTH} deep")
        if depth < 0:
            raise QueryError("a ')' has no matching '('")
        previous, before = part, previous
    if depth:
        raise QueryError("a '(' is not closed")
    if previous in OPERATORS:
        raise QueryError(f"{previous} needs a word after it")
    return " ".join(_with_explicit_and(parts))


def _check_beside(part: str, previous: str | None, before: str | None) -> None:
    """Refuse a part its neighbours leave without sense, saying what is missing."""
    if part == ")" and previous == "(":
        raise QueryError("empty parentheses: put the words they group inside them")
    if part == ")" and previous in OPERATORS:  # FTS5's own "syntax error near )" said nothing (audit BM F5)
        raise QueryError(f"{previous} needs a word after it")
    if part == "NOT" and previous == "NOT":  # (BM F7)
        raise QueryError(LEFT_OUT_TWICE)
    if part == "NOT" and previous == "OR":
        raise QueryError(LEFT_OUT_OR)
    if part in OPERATORS and (previous is None or previous in OPERATORS or previous == "("):
        raise QueryError(f"{part} needs a word before it, e.g. genden {part} stalin")


def _with_explicit_and(parts: list[str]) -> list[str]:
    """FTS5 reads some juxtapositions ('"NEAR" (') as its own syntax: join neighbouring operands with AND."""
    joined: list[str] = []
    for part in parts:
        operand_start = part not in OPERATORS and part != ")"
        if joined and operand_start and joined[-1] not in OPERATORS and joined[-1] != "(":
            joined.append("AND")
        joined.append(part)
    return joined
