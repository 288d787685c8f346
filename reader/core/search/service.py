"""Search calls: run a query against the index, apply its filters, and group the hits by kind."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.core.errors import ReaderError
from reader.core.search.query import Query, QueryError, parse
from reader.core.storage import documents as document_store
from reader.core.storage import search_index as store
from reader.core.storage.store import Store

KINDS = ("text", "annotation", "link", "notebook", "entity", "document")
KIND_LABELS = {"text": "Text", "annotation": "Highlights and notes", "link": "Links", "notebook": "Notebook",
               "entity": "Entities", "document": "Documents"}
TYPE_ALIASES = {"person": "PERSON", "people": "PERSON", "place": "PLACE", "places": "PLACE", "org": "ORG",
                "organisation": "ORG", "organization": "ORG", "date": "DATE"}
CANDIDATES = 5000


@dataclass(frozen=True)
class Hit:
    """One result: what kind of thing, in which document, where (code points), and a snippet."""

    kind: str
    document_id: int | None
    file_name: str
    ref: int | None
    start: int
    end: int
    snippet: str


@dataclass
class SearchResults:
    """Hits grouped by kind in a fixed order, or a short message when the query could not be understood."""

    groups: dict[str, list[Hit]] = field(default_factory=dict)
    error: str = ""

    @property
    def count(self) -> int:
        return sum(len(hits) for hits in self.groups.values())

    def hits(self) -> list[Hit]:
        return [hit for kind in KINDS for hit in self.groups.get(kind, [])]


class SearchService:
    """Searches everything the user has: document text, metadata, notes, tags, links and the entity register."""

    def __init__(self, db: Store):
        self._db = db

    def search(self, text: str, limit: int = 200) -> SearchResults:
        """Never raises for what the user typed: a malformed query comes back as `error`."""
        if not text.strip():
            return SearchResults()
        try:
            query = parse(text)
        except QueryError as exc:
            return SearchResults(error=str(exc))
        try:
            rows = self._candidates(query)
        except sqlite3.OperationalError as exc:  # a last guard: the parser should make this unreachable
            return SearchResults(error=f"the search index could not read this query ({exc})")
        hits = _Filters(self._db, query, {row.document_id for row in rows if row.document_id is not None}).apply(rows)
        return self._group(hits, limit)

    def _candidates(self, query: Query) -> list[store.IndexRow]:
        if query.expression:
            return store.match(self._db, query.expression, CANDIDATES)
        if {"entity", "type", "date"} & set(query.filters):
            return _mention_rows(self._db, query)
        return store.rows_of_kind(self._db, ("annotation", "link"), CANDIDATES)

    def _group(self, hits: list[store.IndexRow], limit: int) -> SearchResults:
        names = {doc_id: label[0] for doc_id, label in store.document_labels(self._db).items()}
        results = SearchResults()
        for row in hits:
            group = results.groups.setdefault(row.kind, [])
            if len(group) < limit:
                group.append(Hit(row.kind, row.document_id, names.get(row.document_id, ""), row.ref, row.start,
                                 row.end, " ".join(row.snippet.split())))
        return results

    def save(self, name: str, query: str) -> int:
        if not name.strip() or not query.strip():
            raise ReaderError("a saved search needs a name and a query")
        with self._db.atomic():
            return store.save_search(self._db, name.strip(), query.strip())

    def saved(self) -> list[tuple[int, str, str]]:
        return store.saved_searches(self._db)

    def delete_saved(self, search_id: int) -> None:
        with self._db.atomic():
            store.delete_saved_search(self._db, search_id)


def _mention_rows(db: Store, query: Query) -> list[store.IndexRow]:
    """With only entity/type/date filters, the hits are the mentions themselves, each shown in its line."""
    rows: list[store.IndexRow] = []
    texts: dict[int, str] = {}
    name = query.filters.get("entity", [""])[0]
    kind = "DATE" if "date" in query.filters else TYPE_ALIASES.get(query.filters.get("type", [""])[0].casefold(), "")
    for document_id, start, end, entity_id, _kind, _name, _value in store.mention_rows(db, name=name, kind=kind,
                                                                                        limit=CANDIDATES):
        if document_id not in texts:
            texts[document_id] = document_store.version_text(
                db, document_store.current_version_id(db, document_id)).text
        rows.append(store.IndexRow("text", document_id, entity_id, start, end,
                                   _in_its_line(texts[document_id], start, end)))
    return rows


def _in_its_line(text: str, start: int, end: int) -> str:
    """The line holding [start, end), with that stretch in [brackets] as index snippets have it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return f"{text[line_start:start]}[{text[start:end]}]{text[end:line_end]}"


class _Filters:
    """Applies key:value filters to index rows; mention filters (entity, type, date) run as one indexed join."""

    MENTION_KEYS = ("entity", "type", "date")

    def __init__(self, db: Store, query: Query, document_ids: set[int]):
        self.db = db
        self.query = query
        self.filters = query.filters
        self.documents = store.document_labels(db) if {"doc", "kind"} & set(self.filters) else {}
        self.tags = store.annotation_tags(db) if "tag" in self.filters else {}
        self.relations = store.annotation_relations(db) if "relation" in self.filters else {}
        self.link_relations = store.link_relations(db) if "relation" in self.filters else {}

    def apply(self, rows: list[store.IndexRow]) -> list[store.IndexRow]:
        plain = {k: v for k, v in self.filters.items() if k not in self.MENTION_KEYS}
        kept = [row for row in rows if all(self._keeps(key, values, row) for key, values in plain.items())]
        if not set(self.MENTION_KEYS) & set(self.filters):
            return kept
        passing = self._with_mentions(kept)
        return [row for index, row in enumerate(kept) if index in passing]

    def _with_mentions(self, rows: list[store.IndexRow]) -> set[int]:
        """Rows whose passage mentions what every entity/type/date filter asks for (entity rows: by their name)."""
        passing = set(range(len(rows)))
        ranges = [(row.document_id or 0, row.start if row.kind != "document" else 0,
                   max(row.end, row.start + 1) if row.kind != "document" else 1 << 40) for row in rows]
        for value in self.filters.get("entity", []):
            passing &= self._entity_rows(rows, value) | store.ranges_with_mentions(self.db, ranges, name=value)
        for value in self.filters.get("type", []):
            kind = TYPE_ALIASES.get(value.casefold(), value.upper())
            passing &= self._entity_rows(rows, f" {kind}", suffix=True) | \
                store.ranges_with_mentions(self.db, ranges, kind=kind)
        if self.query.date_range:
            passing &= store.ranges_with_mentions(self.db, ranges, years=self.query.date_range)
        return passing

    @staticmethod
    def _entity_rows(rows: list[store.IndexRow], value: str, suffix: bool = False) -> set[int]:
        text = value.casefold()
        return {i for i, row in enumerate(rows) if row.kind == "entity"
                and (row.snippet.casefold().rstrip(" ]").endswith(text) if suffix else text in row.snippet.casefold())}

    def _keeps(self, key: str, values: list[str], row: store.IndexRow) -> bool:
        return all(getattr(self, f"_{key}")(value.casefold(), row) for value in values)

    def _doc(self, value: str, row: store.IndexRow) -> bool:
        label = self.documents.get(row.document_id)
        return label is not None and (value in label[0].casefold() or value in label[1].casefold()
                                      or value == str(row.document_id))

    def _kind(self, value: str, row: store.IndexRow) -> bool:
        label = self.documents.get(row.document_id)
        return label is not None and label[2] == value

    def _tag(self, value: str, row: store.IndexRow) -> bool:
        return row.kind == "annotation" and value in self.tags.get(row.ref, set())

    def _relation(self, value: str, row: store.IndexRow) -> bool:
        wanted = value.replace(" ", "_").replace("-", "_")
        if row.kind == "link":
            return self.link_relations.get(row.ref, "").casefold() == wanted
        return row.kind == "annotation" and wanted in {r.casefold() for r in self.relations.get(row.ref, set())}


