"""Search calls: run a query against the index, apply its filters, and group the hits by kind."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlite_utils import Database

from reader.core.errors import ReaderError
from reader.core.search.query import Query, QueryError, parse
from reader.core.storage import documents as document_store
from reader.core.storage import search_index as store

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

    def __init__(self, db: Database):
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
        names = {info.id: info.file_name for info in document_store.list_documents(self._db)}
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


def _mention_rows(db: Database, query: Query) -> list[store.IndexRow]:
    """With only entity/type/date filters, the hits are the mentions themselves, each shown in its line."""
    rows = []
    name = query.filters.get("entity", [""])[0]
    kind = "DATE" if "date" in query.filters else TYPE_ALIASES.get(query.filters.get("type", [""])[0].casefold(), "")
    for document_id, start, end, entity_id, _kind, _name, _value in store.mention_rows(db, name=name, kind=kind,
                                                                                        limit=CANDIDATES):
        line = store.line_at(db, document_id, start)
        snippet = line[2] if line else ""
        if line:
            local = start - line[0]
            snippet = f"{snippet[:local]}[{snippet[local:local + end - start]}]{snippet[local + end - start:]}"
        rows.append(store.IndexRow("text", document_id, entity_id, start, end, snippet))
    return rows


class _Filters:
    """Applies key:value filters to index rows, loading only the lookups the query needs."""

    def __init__(self, db: Database, query: Query, document_ids: set[int]):
        self.query = query
        self.filters = query.filters
        self.documents = {i.id: i for i in document_store.list_documents(db)} if \
            {"doc", "kind"} & set(self.filters) else {}
        self.tags = store.annotation_tags(db) if "tag" in self.filters else {}
        self.relations = store.annotation_relations(db) if "relation" in self.filters else {}
        self.link_relations = store.link_relations(db) if "relation" in self.filters else {}
        self.mentions = self._load_mentions(db, document_ids)

    def _load_mentions(self, db: Database, document_ids: set[int]) -> dict:
        """Only the mentions the filters can use: in the candidate documents, of the named entity or type."""
        if not {"entity", "type", "date"} & set(self.filters):
            return {}
        name = self.filters["entity"][0] if len(self.filters.get("entity", [])) == 1 else ""
        kinds = {TYPE_ALIASES.get(v.casefold(), v.upper()) for v in self.filters.get("type", [])}
        single = kinds.pop() if len(kinds) == 1 else ""
        kind = ("" if kinds or single else "DATE") if "date" in self.filters else single
        return _group_mentions(store.mention_rows(db, document_ids, name=name, kind=kind))

    def apply(self, rows: list[store.IndexRow]) -> list[store.IndexRow]:
        return [row for row in rows if all(self._keeps(key, values, row) for key, values in self.filters.items())]

    def _keeps(self, key: str, values: list[str], row: store.IndexRow) -> bool:
        return all(getattr(self, f"_{key}")(value.casefold(), row) for value in values)

    def _doc(self, value: str, row: store.IndexRow) -> bool:
        info = self.documents.get(row.document_id)
        return info is not None and (value in info.file_name.casefold() or value in info.title.casefold()
                                     or value == str(info.id))

    def _kind(self, value: str, row: store.IndexRow) -> bool:
        info = self.documents.get(row.document_id)
        return info is not None and info.metadata.kind == value

    def _tag(self, value: str, row: store.IndexRow) -> bool:
        return row.kind == "annotation" and value in self.tags.get(row.ref, set())

    def _relation(self, value: str, row: store.IndexRow) -> bool:
        wanted = value.replace(" ", "_").replace("-", "_")
        if row.kind == "link":
            return self.link_relations.get(row.ref, "").casefold() == wanted
        return row.kind == "annotation" and wanted in {r.casefold() for r in self.relations.get(row.ref, set())}

    def _entity(self, value: str, row: store.IndexRow) -> bool:
        if row.kind == "entity":
            return value in row.snippet.casefold()
        return any(value in name.casefold() for _, _, _, name, _ in self._mentions_in(row))

    def _type(self, value: str, row: store.IndexRow) -> bool:
        wanted = TYPE_ALIASES.get(value, value.upper())
        if row.kind == "entity":
            return row.snippet.rstrip(" ]").endswith(wanted)
        return any(kind == wanted for _, _, kind, _, _ in self._mentions_in(row))

    def _date(self, _value: str, row: store.IndexRow) -> bool:
        first, last = self.query.date_range
        return any(kind == "DATE" and _year(value) is not None and first <= _year(value) <= last
                   for _, _, kind, _, value in self._mentions_in(row))

    def _mentions_in(self, row: store.IndexRow) -> list[tuple[int, int, str, str, str]]:
        """Mentions inside the hit's range (a line, an annotation), or in the whole document for metadata hits."""
        found = self.mentions.get(row.document_id, [])
        if row.kind == "document":
            return found
        return [m for m in found if row.start <= m[0] < max(row.end, row.start + 1)]


def _group_mentions(rows) -> dict[int, list[tuple[int, int, str, str, str]]]:
    grouped: dict[int, list[tuple[int, int, str, str, str]]] = {}
    for document_id, start, end, _entity_id, kind, name, value in rows:
        grouped.setdefault(document_id, []).append((start, end, kind, name, value))
    return grouped


def _year(value: str) -> int | None:
    return int(value[:4]) if value[:4].isdigit() else None
