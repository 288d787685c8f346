"""Search calls: run a query against the index, apply its filters, and group the hits by kind.

Each kind is counted exactly and only its first page is read (with snippets): a common word matches tens of
thousands of lines, and ranking or reading them all would take longer than a keystroke's debounce.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.search.as_written import as_written
from reader.core.search.filters import MENTION_KEYS, restriction_for
from reader.core.search.query import Query, QueryError, parse
from reader.core.storage import documents as document_store
from reader.core.storage import links as link_store
from reader.core.storage import search_hits as hits
from reader.core.storage import search_index as store
from reader.core.storage.store import Store

KINDS = ("text", "annotation", "link", "notebook", "entity", "document")
KIND_LABELS = {"text": "Text", "annotation": "Highlights and notes", "link": "Links", "notebook": "Notebook",
               "entity": "Entities", "document": "Documents"}
BY_VOLUME = ("text", "annotation", "entity", "document", "link", "notebook")  # the kinds with most rows first
NOTE_KINDS = ("annotation", "link", "notebook")  # what a user wrote: listed whenever filters find it
RANKED = 1000  # a kind with at most this many hits is shown best first (bm25); with more, in reading order
SNIPPET_CHARS = 240  # a line found by its mentions alone is shown about this long
MENTION_SCAN = 2000  # rows per kind checked against mention filters; beyond, the count is a lower bound


@dataclass(frozen=True)
class Hit:
    """One result: what kind of thing, in which document, where (code points), and a snippet."""

    kind: str
    document_id: int | None
    file_name: str
    ref: int | None
    start: int
    end: int
    marked: str  # the snippet, its matched words between HIT_OPEN and HIT_CLOSE (no text holds them)
    title: str = ""  # the document's title (its file name when it has none)

    @property
    def snippet(self) -> str:
        """The snippet with its matched words in [brackets], as the command line prints it."""
        return self.marked.replace(hits.HIT_OPEN, "[").replace(hits.HIT_CLOSE, "]")

    @property
    def plain(self) -> str:
        """The snippet's words alone, the text's own brackets kept ("[sic]")."""
        return self.marked.replace(hits.HIT_OPEN, "").replace(hits.HIT_CLOSE, "")

    @property
    def matched_words(self) -> tuple[str, ...]:
        """The words the snippet marks as matched, for the reader to flash."""
        return tuple(dict.fromkeys(word for word in _MARKED.findall(self.marked) if word.strip()))


_MARKED = re.compile(f"{hits.HIT_OPEN}([^{hits.HIT_OPEN}{hits.HIT_CLOSE}]+){hits.HIT_CLOSE}")


@dataclass
class SearchResults:
    """Hits grouped by kind in a fixed order, or a short message when the query could not be understood."""

    groups: dict[str, list[Hit]] = field(default_factory=dict)  # the first hits of each kind
    counts: dict[str, int] = field(default_factory=dict)  # all hits of each kind, shown or not
    partial: set[str] = field(default_factory=set)  # kinds whose count is 'at least' (see MENTION_SCAN)
    error: str = ""

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def hits(self) -> list[Hit]:
        return [hit for kind in KINDS for hit in self.groups.get(kind, [])]


class SearchService:
    """Searches everything the user has: document text, metadata, notes, tags, links and the entity register."""

    def __init__(self, db: Store):
        self._db = db

    def search(self, text: str, limit: int = 200) -> SearchResults:
        """Never raises for what the user typed: a malformed query comes back as `error`. Each kind shows its first
        `limit` hits and counts all of them."""
        if not text.strip():
            return SearchResults()
        try:
            query = parse(text)
            restriction = restriction_for(self._db, query)
        except QueryError as exc:
            return SearchResults(error=str(exc))
        results, rows = SearchResults(), {}
        try:
            if _lists_mentions(query):
                self._mention_results(restriction, limit, results, rows)
                self._kind_results("", restriction, limit, results, rows, NOTE_KINDS)
            else:
                self._kind_results(query.expression, restriction, limit, results, rows)
        except sqlite3.OperationalError as exc:  # a last guard: the parser should make this unreachable
            return SearchResults(error=f"the search index could not read this query ({exc})")
        return self._labelled(results, rows)

    def _kind_results(self, expression: str, restriction: hits.Restriction, limit: int, results: SearchResults,
                      rows: dict[str, list[store.IndexRow]], kinds: tuple[str, ...] = ()) -> None:
        """Per kind (of `kinds`, else those the query may find): an exact count, then one page of hits (with filters
        only, the notes they find are listed: highlights, links and Notebook notes). Unfiltered, one count of all
        matches lets the kinds after the last one with hits go uncounted. Without words but with several mention
        filters, the lines holding a mention for each are listed too."""
        unaccounted = hits.count_all(self._db, expression) if expression and restriction.is_empty else -1
        kinds = kinds or (BY_VOLUME if expression else ("text", *NOTE_KINDS) if restriction.mentions else NOTE_KINDS)
        for kind in kinds:
            if not unaccounted or not restriction.allows(kind):
                continue
            window = self._mention_window(expression, kind, restriction)
            count = hits.count_hits(self._db, expression, kind, restriction, window)
            unaccounted -= count
            if count or window:  # a kind with rows left unchecked counts as 'at least', even 'at least 0'
                results.counts[kind] = count
            if window:
                results.partial.add(kind)
            if count:
                rows[kind] = hits.page_of_hits(self._db, expression, kind, restriction, limit,
                                               ranked=count <= RANKED and not window, last_rowid=window)
        if "text" in kinds and "text" in rows:
            rows["text"] = self._as_shown(expression, restriction, rows["text"])
        for kind in set(rows) & set(hits.NOTED):  # found by their second reading, folded (m034)
            rows[kind] = [replace(row, snippet=as_written(row.snippet, row.written, hits.HIT_OPEN, hits.HIT_CLOSE))
                          for row in rows[kind]]

    def _as_shown(self, expression: str, restriction: hits.Restriction,
                  found: list[store.IndexRow]) -> list[store.IndexRow]:
        """Lines of texts with what found them marked: the words, as the texts write them (the index's snippets
        are folded), or, found by filters alone, the mentions."""
        if not expression:
            text_of = _current_texts(self._db)
            return [self._marked(row, restriction.mentions, text_of) for row in found]
        lines = hits.written_lines(self._db, [(row.document_id, row.start, row.end) for row in found])
        return [replace(row, snippet=as_written(row.snippet, lines.get((row.document_id, row.start, row.end), ""),
                                                hits.HIT_OPEN, hits.HIT_CLOSE)) for row in found]

    def _marked(self, row: store.IndexRow, mentions: tuple[hits.MentionFilter, ...],
                text_of: Callable[[int], str]) -> store.IndexRow:
        """A line found by its mentions alone, with those mentions [bracketed] (no words matched to mark)."""
        text = text_of(row.document_id)
        spans = hits.mentions_within(self._db, row.document_id, row.start, row.end, mentions)
        start, end = _window(text, row.start, row.end, spans)
        snippet = _with_hits_marked(text, start, end, spans)
        return replace(row, snippet=("…" if start > row.start else "") + snippet + ("…" if end < row.end else ""))

    def _mention_window(self, expression: str, kind: str, restriction: hits.Restriction) -> int:
        """Mention filters read every row's passage: past MENTION_SCAN rows of a kind, only the first ones are
        checked (the last rowid checked, or 0 when all are) and the count says 'at least'."""
        if not restriction.mentions or kind == "entity":
            return 0
        beyond = hits.nth_rowid(self._db, expression, kind, restriction, MENTION_SCAN + 1)
        return beyond - 1 if beyond else 0

    def _mention_results(self, restriction: hits.Restriction, limit: int, results: SearchResults,
                         rows: dict[str, list[store.IndexRow]]) -> None:
        """With entity/type/date filters and no words, the hits are the mentions themselves, each shown in its line."""
        count = hits.count_mentions(self._db, restriction.mentions, restriction.document_ids)
        if count:
            results.counts["text"] = count
            rows["text"] = _mention_rows(self._db, hits.first_mentions(self._db, restriction.mentions,
                                                                       restriction.document_ids, limit))

    def _labelled(self, results: SearchResults, rows: dict[str, list[store.IndexRow]]) -> SearchResults:
        """Hits with their documents' file names and snippets on one line."""
        shown = {row.document_id for page in rows.values() for row in page if row.document_id is not None}
        labels = store.document_labels(self._db, shown)
        for kind, page in rows.items():
            results.groups[kind] = [Hit(row.kind, row.document_id, labels.get(row.document_id, ("", "", ""))[0],
                                        row.ref, row.start, row.end, " ".join(row.snippet.split()),
                                        labels.get(row.document_id, ("", "", ""))[1]) for row in page]
        return results

    def annotation_ids(self, text: str) -> frozenset[int]:
        """Every highlight or note the query finds, not only the first page, and the passages of every link it finds
        that pass its filters on passages (doc:, entity:, type:, date:, and the words it leaves out): what 'export a
        search result' takes. An
        export of 'date:1934-11-15' took the passage a link tied to one of that day, dated the 24th, as a find of
        that day. Filters on mentions are checked on every passage here, however many."""
        query, restriction = self._understood(text)
        found = self._all_ids(query, restriction, "annotation")
        ends = frozenset(link_store.link_ends(self._db, self._all_ids(query, restriction, "link")))
        on_passages = hits.Restriction(restriction.document_ids, mentions=restriction.mentions,
                                       left_out=restriction.left_out)
        if not on_passages.is_empty:
            ends &= frozenset(hits.all_ids(self._db, "", "annotation", on_passages))
        return found | ends

    def notebook_ids(self, text: str) -> frozenset[int]:
        """Every Notebook note the query finds: an export of the search takes them with their cited passages."""
        return self._all_ids(*self._understood(text), "notebook")

    def _understood(self, text: str) -> tuple[Query, hits.Restriction]:
        try:
            query = parse(text)
            return query, restriction_for(self._db, query)
        except QueryError as exc:
            raise ReaderError(f"query not understood: {exc}") from exc

    def _all_ids(self, query: Query, restriction: hits.Restriction, kind: str) -> frozenset[int]:
        if not restriction.allows(kind) or not (query.expression or query.filters):
            return frozenset()
        return frozenset(hits.all_ids(self._db, query.expression, kind, restriction))

    def save(self, name: str, query: str) -> int:
        """Keep a query under a name (one a search of that name, in any case, had is replaced); a query that cannot
        run is refused, not kept to fail at every click."""
        if not name.strip() or not query.strip():
            raise ReaderError("a saved search needs a name and a query")
        try:
            restriction_for(self._db, parse(query))  # a filter naming nothing here fails too (entity:Gendn, BO F11)
        except QueryError as exc:
            raise ReaderError(f"query not understood: {exc}") from exc
        same = self.saved_as(name)
        with operation(self._db, "Save search"):
            if same is None:
                return store.save_search(self._db, name.strip(), query.strip())
            store.update_saved_search(self._db, same[0], query.strip())
            return same[0]

    def saved_as(self, name: str) -> tuple[int, str] | None:
        """The saved search a name (in any case) names, with its name as saved: the one saving under it replaces."""
        return next(((search_id, kept) for search_id, kept, _query in self.saved()
                     if kept.casefold() == name.strip().casefold()), None)

    def saved(self) -> list[tuple[int, str, str]]:
        return store.saved_searches(self._db)

    def delete_saved(self, search_id: int) -> None:
        with operation(self._db, "Delete saved search"):
            store.delete_saved_search(self._db, search_id)


def _lists_mentions(query: Query) -> bool:
    """No words, one mention filter, and nothing only notes have (tags, relations): the mentions are the hits.
    With two (entity:Genden date:1934) no one mention is both: the hits are the lines holding each."""
    keys = set(query.filters)
    mention_filters = sum(len(query.filters.get(key, [])) for key in MENTION_KEYS)
    return (not query.expression and mention_filters == 1 and not {"tag", "-tag", "relation"} & keys
            and not query.left_out)


def _current_texts(db: Store) -> Callable[[int], str]:
    """A document's current text by id, each read once: a page of hits holds many lines of one document."""
    return cache(lambda document_id: document_store.version_text(
        db, document_store.current_version_id(db, document_id)).text)


def _mention_rows(db: Store, mentions: list[tuple[int, int, int, int]]) -> list[store.IndexRow]:
    text_of = _current_texts(db)
    return [store.IndexRow("text", document_id, entity_id, start, end, _in_its_line(text_of(document_id), start, end))
            for document_id, start, end, entity_id in mentions]


def _in_its_line(text: str, start: int, end: int) -> str:
    """About SNIPPET_CHARS of the line holding [start, end), around it, with that stretch in [brackets] as index
    snippets have it (a whole paragraph of 900 characters had filled the results)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo, hi = _window(text, line_start, line_end, [(start, end)])
    marked = _with_hits_marked(text, lo, hi, [(start, end)])
    return ("…" if lo > line_start else "") + marked + ("…" if hi < line_end else "")


def _window(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """About SNIPPET_CHARS of a long line, from a little before its first marked mention, cut between words (as the
    index's own snippets are short)."""
    if end - start <= SNIPPET_CHARS:
        return start, end
    first = spans[0][0] if spans else start
    lo = max(start, first - SNIPPET_CHARS // 4)
    lo = start if lo == start else text.find(" ", lo, first) + 1 or lo
    hi = min(end, lo + SNIPPET_CHARS)
    hi = end if hi == end else text.rfind(" ", lo, hi) if text.rfind(" ", lo, hi) > lo else hi
    return lo, max(hi, min(end, spans[0][1] if spans else hi))


def _with_hits_marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] with each of the spans inside it (in order) marked as the index marks a hit; one overlapping
    the last is left out."""
    parts, at = [], start
    for span_start, span_end in spans:
        if span_start < at or span_end > end:
            continue
        parts += [text[at:span_start], hits.HIT_OPEN, text[span_start:span_end], hits.HIT_CLOSE]
        at = span_end
    return "".join(parts) + text[at:end]
