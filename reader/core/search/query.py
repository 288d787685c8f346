"""The query language: words, "phrases", prefix*, AND / OR / NOT, parentheses, and key:value filters.

What the user types is parsed into terms and filters and compiled to an FTS5 expression in which every term is a
quoted string, so no input can reach FTS5's own syntax. A malformed query raises QueryError with a short message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FILTER_KEYS = ("type", "entity", "tag", "doc", "relation", "kind", "date")
OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+(?:"[^"]*"?)?')
_FILTER = re.compile(r"^(?P<key>[a-z]+):(?P<value>.+)$")
_DATE_RANGE = re.compile(r"^(?P<first>\d{4})(?:\.\.(?P<last>\d{4}))?$")


class QueryError(ValueError):
    """A query that cannot be understood; the message says how to fix it, in a few words."""


@dataclass
class Query:
    """A parsed query: the FTS5 expression (empty when only filters were given) and the filters."""

    expression: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)

    @property
    def date_range(self) -> tuple[int, int] | None:
        if "date" not in self.filters:
            return None
        match = _DATE_RANGE.match(self.filters["date"][0])
        first = int(match["first"])
        return first, int(match["last"] or first)


def parse(text: str) -> Query:
    if text.count('"') % 2:
        raise QueryError('a phrase is missing its closing "')
    query = Query()
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        filtered = _FILTER.match(token)
        if filtered and filtered["key"] in FILTER_KEYS:
            _add_filter(query, filtered["key"], filtered["value"].strip('"'))
        else:
            parts.append(_compile_token(token, query))
    query.expression = _check_structure(parts)
    return query


def _add_filter(query: Query, key: str, value: str) -> None:
    if not value:
        raise QueryError(f"{key}: needs a value, e.g. {key}:something")
    if key == "date" and not _DATE_RANGE.match(value):
        raise QueryError("date: takes a year or a range of years, e.g. date:1934..1937")
    query.filters.setdefault(key, []).append(value)


def _compile_token(token: str, query: Query) -> str:
    if token in OPERATORS or token in ("(", ")"):
        return token
    prefix = token.endswith("*") and not token.startswith('"')
    words = token.strip('"').rstrip("*") if not token.startswith('"') else token.strip('"')
    if not re.search(r"\w", words):
        raise QueryError(f"'{token}' has nothing to search for")
    query.terms.append(words)
    escaped = '"' + words.replace('"', '""') + '"'
    return escaped + ("*" if prefix else "")


def _check_structure(parts: list[str]) -> str:
    depth, previous = 0, None
    for part in parts:
        if part == "(":
            depth += 1
        elif part == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("a ')' has no matching '('")
        if part in OPERATORS and (previous is None or previous in OPERATORS or previous == "("):
            raise QueryError(f"{part} needs a word before it, e.g. genden {part} stalin")
        previous = part
    if depth:
        raise QueryError("a '(' is not closed")
    if previous in OPERATORS:
        raise QueryError(f"{previous} needs a word after it")
    return " ".join(_with_explicit_and(parts))


def _with_explicit_and(parts: list[str]) -> list[str]:
    """FTS5 reads some juxtapositions ('"NEAR" (') as its own syntax: join neighbouring operands with AND."""
    joined: list[str] = []
    for part in parts:
        operand_start = part not in OPERATORS and part != ")"
        if joined and operand_start and joined[-1] not in OPERATORS and joined[-1] != "(":
            joined.append("AND")
        joined.append(part)
    return joined
