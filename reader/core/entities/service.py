"""Entity calls: recognition (cached per text), the register, and the user's decisions (each one transaction)."""

from __future__ import annotations

import hashlib
import os
import re
from bisect import insort
from collections import Counter
from dataclasses import asdict
from typing import TYPE_CHECKING

from reader.core.entities.confidence import LOW_CONFIDENCE, USER_CONFIDENCE
from reader.core.entities.dates import find_dates
from reader.core.entities.decisions import NEW_ENTITY, Decisions
from reader.core.entities.model import (
    DEFAULT_MODEL,
    PIPELINE_VERSION,
    REGISTER_VERSION,
    RUSSIAN_VERSION,
    Candidate,
    ModelStep,
)
from reader.core.entities.names import name_key
from reader.core.entities.piece_memory import remembered
from reader.core.entities.pieces import recognise_each
from reader.core.errors import ReaderError, stop_if
from reader.core.ops import operation
from reader.core.ranges import overlaps_merged
from reader.core.records.dates import DateMention
from reader.core.records.documents import Span
from reader.core.records.entities import TYPES, EntitySummary, Mention, MentionContext, RecognitionReport, Suggestion
from reader.core.records.progress import Cancelled, Progress
from reader.core.storage import documents as document_store
from reader.core.storage import entities as store
from reader.core.storage import entity_state, search_index
from reader.core.storage.store import Store
from reader.core.wording import one_line, plural

if TYPE_CHECKING:
    from reader.core.entities.consolidate import Consolidated, DocumentInput
    from reader.core.entities.places import LinkedPlace

MODEL_ENV_VAR = "ANNOTATED_READER_MODEL"
DECISION_LABELS = {"rename": "rename", "type": "change type", "merge": "merge", "not_merged": "keep apart",
                   "split": "split off a name", "reject_entity": "not an entity", "reject_mention": "not a mention",
                   "add_mention": "mark a name", "confirm_mention": "confirm a mention",
                   "move_mention": "move a mention"}
CONTEXT = 60
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # the Latin letters, accented ones included


SHOWN_UNREAD, TITLE_CHARS = 3, 60  # texts named in the line saying no model read their names, and their titles' length


class EntityService:
    """The register over one database; recognition re-runs only what changed and replays every decision."""

    def __init__(self, db: Store, model_name: str | None = None):
        self._db = db
        self.model = ModelStep(model_name or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL)

    # -- recognition ---------------------------------------------------------------------------------------------

    def recognise(self, progress: Progress | None = None, cancelled: Cancelled | None = None,
                  ) -> RecognitionReport:
        """Run the model on texts it has not seen, then consolidate the whole corpus into the register."""
        from reader.core.entities.consolidate import consolidate  # the pipeline loads on first use: faster start
        from reader.core.entities.gazetteer import is_known_place, is_minor_place
        from reader.core.entities.geonames import located
        from reader.core.entities.lexicon import model_lexicon

        report = RecognitionReport()
        documents = self._documents(progress, cancelled, report)
        consolidated = self._inputs()  # what is consolidated, read before: a change meanwhile leaves it stale
        decisions = self._decisions()
        # no write lock while the corpus is consolidated (tens of seconds for a large library): every edit in the
        # window had waited for it, and failed
        result = consolidate(documents, decisions, is_known_place, model_lexicon(self.model.model_name),
                             is_minor_place, located, set(store.entity_ids_by_key(self._db)))
        with self._db.atomic():
            store.keep_failures_of(self._db, set(report.failed))  # the others read well (now, or from the cache)
            self._write(result, documents, decisions.confirmed_mentions,
                        {added[:3] for added in decisions.added_mentions})
            entity_state.set_state(self._db, "signature", self._signature(consolidated))
        report.entities = len(result.clusters)
        report.mentions = sum(len(c.places) for c in result.clusters)
        report.merged_variants = result.merged_variants
        report.model_warning = self.model.warning
        return report

    def is_stale(self) -> bool:
        """Whether documents or decisions changed since the register was last brought up to date."""
        return entity_state.get_state(self._db, "signature") != self._signature()

    def ensure_current(self, progress: Progress | None = None, cancelled: Cancelled | None = None,
                       ) -> RecognitionReport | None:
        """Recognise only if documents or decisions changed since the last run (the CLI calls this before printing,
        the window at start)."""
        if entity_state.get_state(self._db, "signature") == self._signature():
            return None
        return self.recognise(progress, cancelled)

    def _signature(self, inputs: str = "") -> str:
        """What the register was brought up to date for: its inputs (`inputs`: as read before it was consolidated)
        and the mentions written (an undone Delete brings a document back, not the mentions the delete dropped)."""
        return f"{inputs or self._inputs()}:{store.mention_count(self._db)}"

    def _inputs(self) -> str:
        from reader.core.entities.dates import READING_VERSION

        versions = ",".join(str(v) for v in document_store.current_version_ids(self._db))
        decisions = hashlib.sha256(repr((store.decision_rows(self._db), document_store.boilerplate_of_current(
            self._db))).encode()).hexdigest()[:16]  # an undone decision and a new one can share an id and a count,
        # never their content; text marked as boilerplate names no one (it left the register current, BW F3)
        missing = "missing a model" if self.model.warning else ""  # read without one, the register is never
        # current for a run that may have it: once natasha or the spaCy model is installed, names come
        return f"{PIPELINE_VERSION}:{RUSSIAN_VERSION}:{REGISTER_VERSION}:{READING_VERSION}:{self.model.model_name}:" \
               f"{missing}:{versions}:{decisions}"

    def _documents(self, progress, cancelled, report: RecognitionReport) -> list[DocumentInput]:
        from reader.core.entities.consolidate import DocumentInput

        infos = document_store.list_documents(self._db)
        texts = {info.id: document_store.version_text(self._db, info.version_id) for info in infos}
        pipelines, hashes, cached = self._read_before(texts)
        missing = [doc_id for doc_id, found in cached.items() if found is None]
        titles = {info.id: info.title for info in infos}
        results = recognise_each(remembered(self._db, self.model), [texts[d].text for d in missing],
                                 cancelled, _piece_by_piece(progress, missing, titles))
        for done, (doc_id, found) in enumerate(zip(missing, results, strict=True)):
            stop_if(cancelled)
            if progress:
                progress(done + 1, len(missing), titles[doc_id])
            self._keep(doc_id, texts[doc_id].version_id, hashes[doc_id], pipelines[doc_id], found, cached, report)
        report.documents_processed, report.documents_cached = len(missing), len(texts) - len(missing)
        report.unread = [titles[doc_id] for doc_id, version in texts.items()
                         if self.model.reads_no_names(version.text, pipelines[doc_id])]
        return [DocumentInput(doc_id, version.text, [(s.start, s.end) for s in version.boilerplate],
                              [Candidate(**c) for c in cached[doc_id] if c.get("base") or in_model_script(c["text"])],
                              self._dates(version.text, hashes[doc_id], cancelled))
                for doc_id, version in texts.items()]

    def _dates(self, text: str, text_hash: str, cancelled: Cancelled | None) -> list[DateMention]:
        """The dates of a text, read once and kept with its names under its hash: every run read every text's dates
        again, a minute for 30 MB at each start with anything changed."""
        from reader.core.entities.dates import READING_VERSION

        stop_if(cancelled)
        kind = f"dates:{READING_VERSION}"
        kept = store.cached_candidates(self._db, text_hash, kind)
        if kept is not None:
            return [DateMention(**mention) for mention in kept]
        found = find_dates(text, cancelled)
        with self._db.atomic():
            store.store_candidates(self._db, text_hash, kind, [asdict(mention) for mention in found])
        return found

    def unread(self) -> list[tuple[str, int]]:
        """(file name, characters) of each text the model has not read yet: the next run reads them (half an hour
        for 30 MB), so a listing may rather show the names as last read."""
        infos = document_store.list_documents(self._db)
        texts = {info.id: document_store.version_text(self._db, info.version_id) for info in infos}
        cached = self._read_before(texts)[2]
        return [(info.file_name, len(texts[info.id].text)) for info in infos if cached[info.id] is None]

    def _read_before(self, texts: dict) -> tuple[dict[int, str], dict[int, str], dict[int, list[dict] | None]]:
        """Each text's pipeline and hash, and what the model found in it when it read it (None: not read yet)."""
        pipelines = {doc_id: self.model.pipeline(version.text) for doc_id, version in texts.items()}
        hashes = {doc_id: hashlib.sha256(v.text.encode()).hexdigest() for doc_id, v in texts.items()}
        cached = {doc_id: store.cached_candidates(self._db, h, pipelines[doc_id]) for doc_id, h in hashes.items()}
        return pipelines, hashes, cached

    def _keep(self, document_id: int, version_id: int, text_hash: str, pipeline: str,
              found: list[Candidate] | Exception, cached: dict, report: RecognitionReport) -> None:
        """Cache what the model found, or record on the document why it failed (it then has dates only, and the
        library and its pane offer Retry); either way the other documents go on."""
        if isinstance(found, Exception):
            cached[document_id] = []
            report.failed[document_id] = _failure_line(found)
            with self._db.atomic():
                store.set_failure(self._db, document_id, version_id, report.failed[document_id])
            return
        cached[document_id] = [asdict(c) for c in found]
        with self._db.atomic():
            store.set_failure(self._db, document_id, version_id, "")
            if self.model.loaded_for(pipeline):
                store.store_candidates(self._db, text_hash, pipeline, cached[document_id])

    def _write(self, result: Consolidated, documents: list[DocumentInput], confirmed: set = frozenset(),
               drawn: set = frozenset()) -> None:
        versions = {info.id: info.version_id for info in document_store.list_documents(self._db)}
        ids = store.upsert_entities(self._db, [(c.key, result.names[c.key], result.types[c.key])
                                               for c in result.clusters])
        aliases, rows = {}, []
        for cluster in result.clusters:
            entity_id = ids[cluster.key]
            aliases[entity_id] = set(cluster.names)
            for document_id, start, end, text in {p[:4] for p in cluster.places if p[0] in versions}:  # not a
                # document deleted, or its import undone, while the corpus was consolidated: its mentions went too
                rows.append({"document_id": document_id, "version_id": versions[document_id], "entity_id": entity_id,
                             "start": start, "end": end, "text": text, "type": result.types[cluster.key],
                             "date_value": cluster.date_value,
                             "confidence": 1.0 if (document_id, start, end) in confirmed
                             else result.confidence.get((document_id, start, end), 1.0)})
        store.replace_register(self._db, aliases, _without_overlaps(rows, drawn))
        store.replace_suggestions(self._db, result.suggestions)
        search_index.index_entities(self._db)

    def _decisions(self) -> Decisions:
        decisions = Decisions()
        for kind, payload in store.decision_rows(self._db):
            _apply_decision(decisions, kind, payload)
        return decisions

    # -- what the reader and panels ask --------------------------------------------------------------------------

    def mentions_within(self, ranges: list[tuple[int, int, int]]) -> list[Mention]:
        """The mentions overlapping any of these (document, start, end) ranges (the passages linked)."""
        return store.mentions_within(self._db, ranges)

    def mention_spans(self, document_id: int) -> list[Span]:
        return [Span(m.start, m.end, "mention", m.type, m.entity_id, m.confidence < LOW_CONFIDENCE)
                for m in store.mentions(self._db, document_id)]

    def mentions(self, document_id: int | None = None):
        return store.mentions(self._db, document_id)

    def low_confidence_mentions(self, below: float = LOW_CONFIDENCE) -> list[Mention]:
        """Mentions recognition is least sure of (an OCR-garbled name seen once, a type the evidence split on),
        least sure first: the list a reader reviews."""
        return store.low_confidence_mentions(self._db, below)

    def register(self) -> list[EntitySummary]:
        return store.summaries(self._db)

    def counts(self) -> tuple[int, int, int]:
        """(entities, their mentions, dates), as the register lists them: what the window's status line says."""
        return store.counts(self._db)

    def describe(self, entity_id: int) -> EntitySummary:
        found = store.summaries(self._db, "WHERE e.id = ?", [entity_id])
        if not found:
            raise ReaderError(f"no entity with id {entity_id}")
        return found[0]

    def mentions_of(self, entity_id: int, most: int | None = None) -> list[MentionContext]:
        """The entity's mentions (the first `most`, in document order), each with the words around it."""
        names = {info.id: info.file_name for info in document_store.list_documents(self._db)}
        titles = document_store.titles(self._db)
        texts: dict[int, str] = {}
        contexts = []
        for mention in store.mentions(self._db, entity_id=entity_id, most=most):
            if mention.document_id not in texts:
                version = document_store.current_version_id(self._db, mention.document_id)
                texts[mention.document_id] = document_store.version_text(self._db, version).text
            text = texts[mention.document_id]
            contexts.append(MentionContext(mention.document_id, names[mention.document_id], mention.start,
                                           mention.end, mention.text, _flat(text[max(0, mention.start - CONTEXT):
                                                                                  mention.start]),
                                           _flat(text[mention.end:mention.end + CONTEXT]),
                                           titles.get(mention.document_id, "")))
        return contexts

    def suggestions(self) -> list[Suggestion]:
        """The merges recognition suggests between entities that still have mentions (one judged not an entity, or
        merged away, kept its suggestions to merge with nothing: audit BV F6)."""
        ids = store.entity_ids_by_key(self._db, with_mentions=True)
        names = store.entity_names(self._db)  # not the register: counting every mention again took a second
        return [Suggestion(sid, ids[a], ids[b], names.get(ids[a], a), names.get(ids[b], b), score)
                for sid, a, b, score in store.suggestion_rows(self._db) if a in ids and b in ids]

    # -- decisions -----------------------------------------------------------------------------------------------

    def reject_suggestion(self, suggestion_id: int) -> RecognitionReport:
        suggestion = self._suggestion(suggestion_id)
        return self._decide("not_merged", {"keys": [self._key(suggestion.entity_id), self._key(suggestion.other_id)]})

    def rename(self, entity_id: int, name: str) -> RecognitionReport:
        if not name.strip():
            raise ReaderError("an entity's name cannot be empty")
        return self._decide("rename", {"key": self._key(entity_id), "name": name.strip()})

    def set_type(self, entity_id: int, kind: str) -> RecognitionReport:
        if kind not in TYPES:
            raise ReaderError(f"unknown type '{kind}'; use one of {', '.join(TYPES)}")
        row = self._row(entity_id)
        if "DATE" in (row["type"], kind):  # kept until the next recognition only (BV F1, F2; a date to DATE: BW F2)
            raise ReaderError(DATES_BY_PATTERN)
        return self._decide("type", {"key": row["key"], "type": kind}, quick=not self._titles_move([row], kind))

    def merge(self, entity_id: int, *other_ids: int) -> RecognitionReport:
        """Merge the other entities into this one, which keeps its name and type for good (kept with the decision:
        named anew from the entities' names, a later run could choose a misreading of another's, and voting the type
        again over them made a person a place, audit BV F5). The user's judgement, its mentions are sure."""
        rows = {i: store.entity_row(self._db, i) for i in (entity_id, *other_ids)}  # rows: no counting
        missing = next((i for i, row in rows.items() if row is None), None)
        if missing is not None:
            raise ReaderError(f"no entity with id {missing}")
        gone = next((i for i in rows if not store.has_mentions(self._db, i)), None)
        if gone is not None:
            raise ReaderError(f"{rows[gone]['name']} was merged into another entity (or has no mentions left): "
                              "choose among the register's entities as it is now")
        keeper = rows[entity_id]
        if any(row["type"] == "DATE" for row in rows.values()):  # kept until the next recognition only (BV F7)
            raise ReaderError(DATES_BY_PATTERN)
        with operation(self._db, f"Entities: {DECISION_LABELS['merge']}"):  # one step with the ids carried over
            report = self._decide("merge", *({"keys": [keeper["key"], rows[other]["key"]], "name": keeper["name"],
                                              "type": keeper["type"]} for other in other_ids),
                                  quick=not self._titles_move([rows[other] for other in other_ids], keeper["type"]))
            carried: dict[str, str] = {}
            for other in other_ids:
                carried |= _details_of_both({**keeper, **carried}, rows[other])
            if carried:
                store.update_entity(self._db, entity_id, carried)
        return report

    def separable_names(self, entity_id: int) -> list[tuple[str, ...]]:
        """The entity's names that recognition joined to it from another name ("Satlin" to Joseph Stalin, "Genden"
        to Peljidiin Genden), and so can be split off; the forms of one name ("Stalin", "I. V. Stalin") together,
        as they would leave together. A date's wordings are one value, never split."""
        if self.describe(entity_id).type == "DATE":
            return []
        key = self._key(entity_id)
        own = _own_name_keys(key)
        given = self._decisions().renames.get(key, "")  # the user's name for it: split off, it made two of that name
        groups: dict[str, list[str]] = {}
        for name in store.aliases_of(self._db, entity_id):  # the name shown among them: 'Stalin' shown for the
            # Russian entity Сталин was offered only once the entity was renamed
            if name_key(name) not in own and name_key(name) != name_key(given):
                groups.setdefault(name_key(name), []).append(name)
        return sorted(tuple(sorted(names)) for names in groups.values())

    def split_off(self, entity_id: int, name: str) -> RecognitionReport:
        """Make a name recognition joined to the entity one of its own, with every mention written so (and in the
        other forms of that name), at every later run; Undo joins them again."""
        if not any(name in names for names in self.separable_names(entity_id)):
            raise ReaderError(f"“{name}” cannot be split off {self.describe(entity_id).name}: it is not another "
                              "name the entity was given")
        return self._decide("split", {"alias": name_key(name)})

    def reject_entity(self, entity_id: int) -> RecognitionReport:
        return self._decide("reject_entity", {"key": self._key(entity_id)})

    def places(self) -> list[LinkedPlace]:
        """The register's places with their GeoNames candidates and the one each is linked to."""
        from reader.core.entities.places import linked_places

        return linked_places(self.register())

    def names(self, entity_ids: set[int]) -> dict[int, str]:
        """Entity id -> canonical name (cheaper than the register, which counts every mention)."""
        return store.entity_names(self._db, entity_ids)

    def documents_of_entities(self) -> dict[int, list[int]]:
        """Entity id -> the ids of the documents that mention it."""
        return store.documents_of_entities(self._db)

    def choose_place(self, entity_id: int, geonames_id: int) -> EntitySummary:
        """Link a place to the GeoNames id the user picked (kept through every re-run); its other ids stay."""
        entity = self.describe(entity_id)
        return self.set_details(entity_id, entity.wikidata, entity.viaf, str(geonames_id), entity.note)

    def confirm_mention(self, document_id: int, start: int, end: int) -> RecognitionReport:
        """The user checked a doubtful mention: it is sure from now on, through every later run."""
        return self._decide("confirm_mention", {"document_id": document_id, "start": start, "end": end})

    def reject_mention(self, document_id: int, start: int, end: int) -> RecognitionReport:
        return self._decide("reject_mention", {"document_id": document_id, "start": start, "end": end})

    def add_mention(self, document_id: int, start: int, end: int, kind: str, shown: int | None = None
                    ) -> RecognitionReport:
        """Mark a name recognition missed; `shown`: the version the range was selected on (another is refused)."""
        if kind not in TYPES:
            raise ReaderError(f"unknown type '{kind}'; use one of {', '.join(TYPES)}")
        text = document_store.version_text(self._db, document_store.shown_version_id(self._db, document_id,
                                                                                     shown)).text
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise ReaderError(f"range {start}-{end} holds no text to mark")
        if kind == "DATE" and not find_dates(text[start:end]):
            raise ReaderError(f"no date in “{one_line(text[start:end], 60)}”: mark the words giving its day, month, "
                              "season or year")
        return self._decide("add_mention", {"document_id": document_id, "start": start, "end": end, "type": kind})

    def move_mention(self, document_id: int, start: int, end: int, entity_id: int | None,
                     new_name: str = "") -> RecognitionReport:
        """One mention to another entity, or (`entity_id` None) to a new one named `new_name`: recognition joined a
        namesake or a misread name to the wrong entity, and the rest of that entity's mentions are right. Kept
        through every later run and every new version of the text, as the other decisions about mentions."""
        mention = store.mention_at(self._db, document_id, start, end)
        if mention is None or mention.type == "DATE":
            raise ReaderError(f"no entity mention at {start}-{end} of this document")
        if entity_id is None and not new_name.strip():
            raise ReaderError("a new entity needs a name")
        payload = {"document_id": document_id, "start": start, "end": end}
        if entity_id is None:
            return self._decide("move_mention", {**payload, "to": new_name.strip(), "new": True})
        row = self._row(entity_id)  # its name too: shown if no text names the entity any more (not its key)
        if row["type"] == "DATE":  # the next recognition made the date a person (BV F12)
            raise ReaderError(DATES_BY_PATTERN)
        return self._decide("move_mention", {**payload, "to": row["key"], "name": row["name"]})

    def set_details(self, entity_id: int, wikidata: str = "", viaf: str = "", geonames: str = "",
                    note: str = "") -> EntitySummary:
        from reader.core.entities.authority import check_geonames, check_viaf, check_wikidata

        self._key(entity_id)
        ids = {"wikidata": check_wikidata(wikidata), "viaf": check_viaf(viaf), "geonames": check_geonames(geonames)}
        with operation(self._db, "Edit entity ids"):
            store.update_entity(self._db, entity_id, {**ids, "note": note})
        return self.describe(entity_id)

    def _titles_move(self, rows: list[dict], kind: str) -> bool:
        """Whether making these entities of type `kind` moves a title into or out of one of their mentions: a
        person's mention takes in the title before the name ('War Minister Damdainiin Sukhbaatar') and another's
        does not, and only consolidation places mentions (the quick path kept the title, audit BV F3)."""
        from reader.core.entities.titled import AROUND, placed_by_title

        crossing = [row["id"] for row in rows if (row["type"] == "PERSON") != (kind == "PERSON")]
        return bool(crossing) and any(placed_by_title(*mention) for mention in
                                      store.mentions_in_context(self._db, crossing, *AROUND))

    def _decide(self, kind: str, *payloads: dict, quick: bool = True) -> RecognitionReport:
        """Record decisions of one kind (one undoable operation) and apply them: to the stored rows alone when the
        register is current and the decisions allow it (a rename, a merge: milliseconds; not `quick` when the
        caller knows they do not), else by consolidating again."""
        from reader.core.storage.entity_decisions import apply_decisions

        with operation(self._db, f"Entities: {DECISION_LABELS.get(kind, kind)}"):
            current = not self.is_stale()
            for payload in payloads:
                store.add_decision(self._db, kind, payload)
            if current and quick and apply_decisions(self._db, kind, list(payloads), USER_CONFIDENCE):
                entity_state.set_state(self._db, "signature", self._signature())
                search_index.index_entities(self._db)
                return RecognitionReport()  # nothing was recognised: the decision changed only its rows
            return self.recognise()

    def _key(self, entity_id: int) -> str:
        return self._row(entity_id)["key"]

    def _row(self, entity_id: int) -> dict:
        row = store.entity_row(self._db, entity_id)
        if row is None:
            raise ReaderError(f"no entity with id {entity_id}")
        return row

    def _suggestion(self, suggestion_id: int) -> Suggestion:
        found = next((s for s in self.suggestions() if s.id == suggestion_id), None)
        if found is None:
            raise ReaderError(f"no merge suggestion with id {suggestion_id}")
        return found


DATES_BY_PATTERN = "dates are read by their patterns: none is retyped, merged or given a name (reject a misread one)"


def _apply_decision(decisions: Decisions, kind: str, payload: dict) -> None:
    if kind == "rename":
        decisions.renames[payload["key"]] = payload["name"]
    elif kind == "type":
        decisions.types[payload["key"]] = payload["type"]
        decisions.merge_types.pop(payload["key"], None)  # the user's own choice: no split takes it back
    elif kind == "merge":
        _add_merge(decisions, payload)
    elif kind == "not_merged":
        decisions.not_merged.add(frozenset(payload["keys"]))
    elif kind == "split":
        _add_split(decisions, payload["alias"])
    elif kind == "reject_entity":
        decisions.rejected_entities.add(payload["key"])
    elif kind == "reject_mention":
        decisions.rejected_mentions.add((payload["document_id"], payload["start"], payload["end"]))
    elif kind == "add_mention":
        decisions.added_mentions.append((payload["document_id"], payload["start"], payload["end"], payload["type"]))
    elif kind == "confirm_mention":
        decisions.confirmed_mentions.add((payload["document_id"], payload["start"], payload["end"]))
    elif kind == "move_mention":
        _add_move(decisions, payload)


def _add_merge(decisions: Decisions, payload: dict) -> None:
    """Entities merged, under the name and type of the one kept (merges decided before the name was kept are named
    from their names, as then, and those before the type was kept typed by a vote over them)."""
    decisions.merges.append(tuple(payload["keys"]))
    if "name" in payload:
        decisions.renames[payload["keys"][0]] = payload["name"]
    if "type" in payload:
        decisions.types[payload["keys"][0]] = decisions.merge_types[payload["keys"][0]] = payload["type"]


def _add_split(decisions: Decisions, alias: str) -> None:
    """An earlier merge of that name is taken back, and the type it kept with it (the kept entity's mentions stayed
    sure: audit BW F1); a later merge joins it again."""
    decisions.split_aliases.add(alias)
    decisions.merges = [keys for keys in decisions.merges if alias not in map(name_key, keys)]
    keepers = {keys[0] for keys in decisions.merges}
    for key in [key for key in decisions.merge_types if key not in keepers]:
        del decisions.merge_types[key]
        decisions.types.pop(key, None)


def _add_move(decisions: Decisions, payload: dict) -> None:
    """A mention moved to a new entity of a name, or to an entity by its key (with the name it had then, where the
    move recorded it: the entity is called so when no text names it any more)."""
    place = (payload["document_id"], payload["start"], payload["end"])
    if payload.get("new"):
        decisions.moved_mentions[place] = NEW_ENTITY + payload["to"]
        return
    decisions.moved_mentions[place] = payload["to"]
    if payload.get("name"):
        decisions.moved_names[payload["to"]] = payload["name"]


def _own_name_keys(key: str) -> set[str]:
    """The keys of an entity's own name in each of its cases ('генден', 'гендена', 'генденом'): 'Split off' offered a
    Russian name's cases one by one, each splitting into a second entity of the same name."""
    from reader.core.entities.scripts import has_cyrillic
    from reader.core.morphology import name_forms

    if " " in key or not has_cyrillic(key):
        return {key}
    return {key, *(name_key(form) for form in name_forms(key.capitalize()))}


def in_model_script(name: str) -> bool:
    """Whether a name the English model found is written in the Latin script it was trained on: on a Russian letter
    it made "Письмо" (letter) and "Он" (he) people and "Решение" (decision) a place mapped in the Balkans (the Russian
    model, which reads such texts now, gives each name its dictionary form). A name the historian marks in any script
    is theirs, and kept."""
    letters = len(_LETTER.findall(name))
    return letters == 0 or 2 * len(_LATIN.findall(name)) >= letters


def _failure_line(exc: Exception) -> str:
    """What went wrong, in the words a user can act on (spaCy's own messages run to several lines)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"entity recognition failed on this text ({text[:200]})"


def _details_of_both(keeper: dict, other: dict) -> dict[str, str]:
    """What the entity kept takes of the other's Details… (their rows): the authority ids it lacks, and the other's
    note after its own (they lived on the other's row, which a merge leaves listed nowhere)."""
    carried = {field: other[field] for field in ("wikidata", "viaf", "geonames")
               if other.get(field) and not keeper.get(field)}
    mine, theirs = (keeper.get("note") or "").strip(), (other.get("note") or "").strip()
    if theirs and theirs not in mine:
        carried["note"] = "\n\n".join(part for part in (mine, theirs) if part)
    return carried


def _without_overlaps(rows: list[dict], drawn: set = frozenset()) -> list[dict]:
    """One mention per stretch of text. Where two overlap, a mention the user drew wins ("Tsarist Russia" marked over
    the "Russia" recognition found), then the entity the corpus names more often (a headline 'Genden Falls' read as a
    place loses to the 80 mentions of Genden), then the longer one."""
    sizes = Counter(row["entity_id"] for row in rows)
    ranked = sorted(rows, key=lambda r: ((r["document_id"], r["start"], r["end"]) not in drawn,
                                         -sizes[r["entity_id"]], -(r["end"] - r["start"]), r["start"]))
    kept: dict[int, list[tuple[int, int]]] = {}  # per document: the ranges taken, sorted and disjoint
    chosen = []
    for row in ranked:
        taken = kept.setdefault(row["document_id"], [])
        if not overlaps_merged(taken, row["start"], row["end"]):
            insort(taken, (row["start"], row["end"]))
            chosen.append(row)
    return sorted(chosen, key=lambda r: (r["document_id"], r["start"]))


def _flat(text: str) -> str:
    return " ".join(text.split())


LONG_READING = 20  # pieces: a text this long says how far its reading has gone, a piece at a time


def _piece_by_piece(progress: Progress | None, missing: list[int], titles: dict[int, str]):
    """Progress within a long text: its title with the share read ("0 of 1" stood half an hour for 45 MB)."""
    if progress is None:
        return None

    said: dict[int, int] = {}  # text number -> the share last said: said again only when it moves

    def reading(number: int, done: int, total: int) -> None:
        share = done * 100 // total
        if total >= LONG_READING and said.get(number) != share:
            said[number] = share
            progress(number, len(missing), f"{one_line(titles[missing[number]], 60)}, {share} %")  # a title may be
            # a whole first sentence

    return reading


def unread_line(titles: list[str]) -> str:
    """What is said of the texts no name model here reads (`RecognitionReport.unread`): a German report's names are
    the dates alone, and nothing had told 'no names here' from 'names not read' (audit DZ F3)."""
    shown = ", ".join(f"“{one_line(title, TITLE_CHARS)}”" for title in titles[:SHOWN_UNREAD])
    more = f" and {len(titles) - SHOWN_UNREAD} more" if len(titles) > SHOWN_UNREAD else ""
    return (f"The names of {plural(len(titles), 'text')} ({shown}{more}) are read by no model: they are in a language "
            "other than English and Russian. Their names are those marked by hand and those other texts make known.")
