"""Turns a query's key:value filters into a Restriction: the documents, tags, relations and mentions they allow,
resolved to ids so that the index query needs no per-row lookups by name."""

from __future__ import annotations

from reader.core.entities.dates import written_span
from reader.core.folding import without_accents
from reader.core.search.entity_names import entities_named, no_entity_named
from reader.core.search.query import TYPE_ALIASES, Query, QueryError, kind_name, relation_key
from reader.core.storage import search_hits as hits
from reader.core.storage import search_index as store
from reader.core.storage.documents import live_versions, trashed_named
from reader.core.storage.store import Store

MENTION_KEYS = ("entity", "type", "date")


def restriction_for(db: Store, query: Query) -> hits.Restriction:
    filters = query.filters
    if query.date_range:
        hits.allow_date_filters(db, _overlaps)
    return hits.Restriction(
        document_ids=_document_ids(db, filters.get("doc", []), filters.get("kind", [])),
        tag_sets=_tag_sets(db, filters.get("tag", [])),
        tags_left_out=frozenset().union(*_tag_sets(db, filters.get("-tag", []))),
        relations=tuple(relation_key(value) for value in filters.get("relation", [])),
        mentions=_mentions(db, query),
        left_out=query.left_out,
    )


def _document_ids(db: Store, names: list[str], kinds: list[str]) -> frozenset[int] | None:
    """Documents whose file name or title contains every doc: value (or whose id it is), of every kind: value."""
    if not names and not kinds:
        return None
    labels = store.document_labels(db)
    named = [{document_id for document_id, (file_name, title, _kind) in labels.items()
              if _names_document(value.casefold(), document_id, file_name, title, labels)} for value in names]
    live = live_versions(db)
    for value, documents in zip(names, named, strict=True):  # one naming no document found nothing, unsaid, as if
        if not documents & live.keys():  # it held no such passage (audit DK 10)
            raise QueryError(_no_document_named(db, value))
    return frozenset(document_id for document_id, (_file_name, _title, kind) in labels.items()
                     if all(document_id in documents for documents in named)
                     and all(kind == kind_name(value) for value in kinds))


def _no_document_named(db: Store, value: str) -> str:
    """Why a doc: value names nothing: the document is in the Trash, or no file name or title holds it."""
    trashed = trashed_named(db, value, int(value) if value.isdigit() and value == str(int(value)) else None, 2)
    if len(trashed) == 1:
        return f"{trashed[0]} is in the Trash: Edit > Trash… brings it back"
    return f"no document's file name or title holds “{value}”"


def _names_document(value: str, document_id: int, file_name: str, title: str, labels: dict) -> bool:
    """A document's id names it alone (doc:3 took every file name and title holding a 3 too); else a part of its
    file name or title."""
    if value.isdigit() and int(value) in labels and value == str(int(value)):
        return value == str(document_id)
    return value in file_name.casefold() or value in title.casefold()


def _tag_sets(db: Store, names: list[str | tuple[str, ...]]) -> tuple[frozenset[int], ...]:
    """Per tag filter, the tag ids it allows: one name's, or, for tags joined by OR, any of theirs. A filter naming
    no tag at all is refused with the nearest tag's name: it could only ever find nothing, which read as "nothing
    is coded so" (tag:meeting 1934 is the tag 'meeting' and the word 1934)."""
    by_name = hits.tag_ids(db) if names else {}
    found = []
    for value in names:
        either = value if isinstance(value, tuple) else (value,)
        tags = frozenset(tag for name in either for tag in _named(by_name, name))
        if not tags:
            raise QueryError(_no_such_tag(db, either[0]))
        found.append(tags)
    return tuple(found)


def _named(by_name: dict[str, set[int]], name: str) -> set[int]:
    """The ids of the tag of that name, or of every tag it begins ('violence*': a hierarchy of codes kept as
    'violence/physical', 'violence/verbal')."""
    key = without_accents(name.casefold())
    if len(key) > 1 and key.endswith("*"):
        return {tag for each, ids in by_name.items() if each.startswith(key[:-1]) for tag in ids}
    return by_name.get(key, set())


def _no_such_tag(db: Store, name: str) -> str:
    from rapidfuzz import fuzz, process

    if name == "*":  # "no tag begins with ''" said nothing (audit DK 13)
        return "tag:* needs the beginning of a tag before the *, e.g. tag:violence*"
    said = f"no tag begins with '{name[:-1]}'" if name.endswith("*") else f"no tag is named '{name}'"
    nearest = process.extractOne(name, hits.tag_names(db), scorer=fuzz.WRatio, score_cutoff=70)
    return f"{said}: did you mean tag:\"{nearest[0]}\"? (a tag's name with spaces goes in quotes)" if nearest else said


def _entities_named(db: Store, name: str) -> tuple[int, ...]:
    """The entities an `entity:` filter names; a name none has is refused, with the nearest (it found nothing,
    silently)."""
    found = entities_named(db, name)
    if not found:
        raise QueryError(no_entity_named(db, name))
    return found


def _overlaps(value: str, first: str, last: str) -> bool:
    """Whether a stored date value meets these days; a bound ("after 1990") by the date it names, where the
    timeline places it: the days it opens onto left out the very year a reader sees in the passage."""
    span = written_span(value or "")
    return span is not None and span[0] <= last and first <= span[1]


def _mentions(db: Store, query: Query) -> tuple[hits.MentionFilter, ...]:
    found = [hits.MentionFilter(entity_ids=_entities_named(db, name)) for name in query.filters.get("entity", [])]
    found += [hits.MentionFilter(entity_type=TYPE_ALIASES.get(value.casefold(), value.upper()))
              for value in query.filters.get("type", [])]
    if query.date_range:
        found.append(hits.MentionFilter(days=query.date_range))
    return tuple(found)
