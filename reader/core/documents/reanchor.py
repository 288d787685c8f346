"""Re-anchoring a document's annotations, and what the user judged about its ranges (pairs not parallel, mentions,
boilerplate), onto its new version, in the import's or the correction's transaction.

Lives with the documents because a new version is what sets it off; the Needs review list (annotations/review.py)
only settles what this left unsure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.records.annotations import ANCHORED, ORPHAN, REVIEW, TextQuote, quote_at
from reader.core.records.documents import ReanchorSummary
from reader.core.storage import annotations as store
from reader.core.storage import compare as compare_store
from reader.core.storage import documents as document_store
from reader.core.storage import entities as entity_store
from reader.core.storage.store import Store

if TYPE_CHECKING:
    from reader.core.anchoring import AnchorResult
    from reader.core.documents.offset_map import OffsetMap


def reanchor_document(db: Store, document_id: int, new_version_id: int, previous_version_id: int) -> ReanchorSummary:
    """Move every annotation of a document onto `new_version_id`, and what was judged about ranges of the version
    current before it (`previous_version_id`: not always the one numbered before, when a correction was undone);
    the caller holds the transaction."""
    from reader.core.anchoring import Anchor, reanchor  # rapidfuzz loads only when re-anchoring: faster start
    from reader.core.documents.language import language_tag

    new_text = document_store.version_text(db, new_version_id).text
    document = document_store.get_document(db, document_id)
    said = document.metadata.language.strip()  # its words tell a typo from a word changed: a name ("English") or a
    language = language_tag(said) or said  # tag, a region's too ("en-GB", which exports do not mark: audit CL L7)
    rows = store.anchors_to_move(db, document_id, new_version_id)
    updates, counts = [], {ANCHORED: 0, REVIEW: 0, ORPHAN: 0}
    told = {"back": 0, "moved": 0, "waiting": 0, "in_trash": 0}  # the summary's other counts
    for version_id in dict.fromkeys(row["version_id"] for row in rows):
        group = [row for row in rows if row["version_id"] == version_id]
        old_text = document_store.version_text(db, version_id).text
        anchors = [Anchor(r["start"], r["end"], TextQuote(r["exact"], r["prefix"], r["suffix"])) for r in group]
        for row, result in zip(group, reanchor(old_text, new_text, anchors, language), strict=True):
            updates.append(_update_row(row, result, new_text, new_version_id))
            if row["deleted_at"] is not None:
                told["in_trash"] += 1
            elif row["anchor_status"] == ANCHORED:  # what this version did: notes already waiting in review, or
                counts[result.status] += 1  # orphaned, are not counted again, but said when they are back
                told["moved"] += result.status == ANCHORED and (result.start, result.end) != (row["start"], row["end"])
            else:
                told["back" if result.status == ANCHORED else "waiting"] += 1
    store.set_anchors(db, updates)
    _move_judgements(db, document_id, previous_version_id, new_version_id, new_text)
    _carry_mentions(db, document_id, new_version_id, new_text)
    return ReanchorSummary(document_id, document.file_name, counts[ANCHORED], counts[REVIEW], counts[ORPHAN], **told)


def _move_judgements(db: Store, document_id: int, previous: int, new_version_id: int, new_text: str) -> None:
    """Carry what the user judged about ranges of the text onto the new version, as the notes are: the pairs judged
    not parallel, the mentions confirmed, rejected or added, and the stretches marked or unmarked as boilerplate.
    Left on the old ranges, a dismissed pair or a rejected mention came back once words before it changed, an added
    mention landed on other words, and an advert marked by hand showed again."""
    from reader.core.documents.offset_map import OffsetMap  # at run time only when a text changed

    dismissed = compare_store.dismissals_of(db, document_id)
    decided = entity_store.ranged_decisions_of(db, document_id)
    marked = document_store.user_boilerplate_rows(db, previous)
    if not (dismissed or decided or marked):
        return
    moved = OffsetMap(document_store.version_text(db, previous).text, new_text)
    _move_boilerplate(db, new_version_id, marked, moved)
    for row_id, key, ties in dismissed:
        sides = [_moved_side(side, tie, moved) if side[0] == document_id else (side, tie)
                 for side, tie in ((key[:3], ties[:3]), (key[3:], ties[3:]))]
        sides.sort(key=lambda moved_side: moved_side[0])  # by range, as pair_key orders them (a tie may be None)
        compare_store.move_dismissal(db, row_id, (*sides[0][0], *sides[1][0]), (*sides[0][1], *sides[1][1]))
    for row_id, payload in decided:
        entity_store.set_decision_payload(db, row_id, {**payload, "start": moved(payload["start"]),
                                                       "end": moved.end(payload["end"])})


def _carry_mentions(db: Store, document_id: int, new_version_id: int, new_text: str) -> None:
    """Move the entity marks found in an earlier version onto the new text where their words are unchanged, and drop
    the others, until recognition reads the new version: left on their old offsets, they were drawn on other words
    (a preface added, and 'the editor' was marked as a person), and the timeline read dates where none stand."""
    from reader.core.documents.offset_map import OffsetMap

    rows = entity_store.mentions_off_version(db, document_id, new_version_id)
    moved, dropped = [], []
    for version_id in dict.fromkeys(row[1] for row in rows):
        old_text = document_store.version_text(db, version_id).text
        offsets = OffsetMap(old_text, new_text)
        for row_id, _version, start, end, text in (row for row in rows if row[1] == version_id):
            now_start, now_end = offsets(start), offsets.end(end)
            if new_text[now_start:now_end] == text and _same_edges(old_text, start, end, new_text, now_start, now_end):
                moved.append((row_id, now_start, now_end))
            else:
                dropped.append(row_id)
    entity_store.move_mentions(db, new_version_id, moved, dropped)


def _same_edges(old_text: str, start: int, end: int, new_text: str, now_start: int, now_end: int) -> bool:
    """Whether the characters on either side of a mark are what they were: 'Genden' become 'Gendenovich' keeps
    the letters of the mark, inside another word."""
    return (old_text[start - 1:start] if start else "") == (new_text[now_start - 1:now_start] if now_start else "") \
        and old_text[end:end + 1] == new_text[now_end:now_end + 1]


def _moved_side(side: tuple, tie: tuple, moved) -> tuple[tuple, tuple]:
    """One side of a dismissed pair, and where it tied the other, on the new version's text."""
    (document_id, start, end), (focus_start, focus_end, key) = side, tie
    tie = (None, None, None) if focus_start is None else (moved(focus_start), moved.end(focus_end),
                                                          None if key is None else moved(key))
    return (document_id, moved(start), moved.end(end)), tie


def _move_boilerplate(db: Store, new_version_id: int, marked: list[tuple[int, int, bool]], moved: OffsetMap) -> None:
    """The user's boilerplate marks, only where their words are the same: hiding edited text would hide news."""
    for start, end, is_boilerplate in marked:
        if moved.unchanged(start, end):
            document_store.add_user_boilerplate(db, new_version_id, moved(start), moved.end(end), is_boilerplate)
    if marked:
        document_store.refresh_boilerplate_count(db, new_version_id)


def _update_row(row: dict, result: AnchorResult, new_text: str, new_version_id: int) -> dict:
    """The new anchor columns; a moved annotation quotes its new text, the others keep the quote they had."""
    quote = (quote_at(new_text, result.start, result.end) if result.status == ANCHORED
             else TextQuote(row["exact"], row["prefix"], row["suffix"]))
    was_sure = row["anchor_status"] == ANCHORED
    history = {"old_version_id": row["version_id"], "old_start": row["start"], "old_end": row["end"]} if was_sure \
        else {}
    return {
        "id": row["id"], "version_id": new_version_id, "start": result.start, "end": result.end,
        "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix, "anchor_status": result.status,
        "anchor_confidence": result.confidence, **_kept_history(row), **history,
    }


def _kept_history(row: dict) -> dict:
    return {"old_version_id": row["old_version_id"], "old_start": row["old_start"], "old_end": row["old_end"]}
