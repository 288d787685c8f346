"""Annotation calls: each one transaction, each returning the annotation as it now is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.errors import ChangedElsewhere, ReaderError
from reader.core.ops import operation
from reader.core.records.annotations import ANCHORED, HIGHLIGHT_COLORS, ORPHAN, REVIEW, Annotation, TextQuote, quote_at
from reader.core.records.documents import Span
from reader.core.records.tags import clean_tags
from reader.core.storage import annotations as store
from reader.core.storage import documents as document_store
from reader.core.storage import tags as tag_store
from reader.core.storage.store import Store
from reader.core.wording import plural


@dataclass(frozen=True)
class NewAnnotation:
    """One annotation to create among many (an import): where, and with what."""

    document_id: int
    start: int
    end: int
    color: str = "yellow"
    note: str = ""
    tags: tuple[str, ...] = ()
    orphan_quote: TextQuote | None = None  # a note whose words are not in the text: kept as an orphan with these
    created: str = field(default="", compare=False)  # when it was written and changed ('' = now): a note read
    modified: str = field(default="", compare=False)  # back from another library keeps its dates, and those
    moments: tuple[str, ...] = field(default=("", "", "", ""), compare=False)  # of its text, tags, colour, place
    tags_read: tuple[str, ...] | None = field(default=None, compare=False)  # another tool's tags, as it gave them


@dataclass(frozen=True)
class TakenEdit:
    """What an annotation takes of its edit in another copy of the library, each part with the moment it was made
    there (None: kept as it is here): its note's text, its tags, its colour, its place (on the current version)."""

    note: tuple[str, str] | None = None
    tags: tuple[tuple[str, ...], str] | None = None
    color: tuple[str, str] | None = None
    place: tuple[tuple[int, int], str] | None = None


class AnnotationNotFound(ReaderError):
    """An annotation id that does not exist (or is in the Trash)."""


class AnnotationService:
    """Highlights and notes over one database connection."""

    def __init__(self, db: Store):
        self._db = db

    def create(self, document_id: int, start: int, end: int, color: str = "yellow", note: str = "",
               tags: tuple[str, ...] | list[str] = (), shown: int | None = None) -> Annotation:
        """Anchor a new annotation on [start, end) of the document's current version (read inside the write
        transaction, so a re-import by another program cannot slip a new version in between). `shown`: the version
        the offsets were read on (a selection in a pane); another one current by now is refused, as the offsets
        would name other words (a highlight made in the second after another program stored a new version landed
        on "the border with" instead of the "without agreement" selected)."""
        _check_color(color)
        names = clean_tags(tags)
        with operation(self._db, "Add annotation"):
            version_id = self.check_shown(document_id, shown)
            text = document_store.version_text(self._db, version_id).text
            check_range(text, start, end)
            if not text[start:end].strip():
                raise ReaderError("the quote has nothing but blanks: a highlight on them could not be seen")
            annotation_id = store.insert_annotation(
                self._db, document_id, version_id, start, end, quote_at(text, start, end), color, note)
            tag_store.add_tag_to(self._db, [annotation_id], names)
        return self.get(annotation_id)

    def check_shown(self, document_id: int, shown: int | None) -> int:
        """The document's current version, refused when it is not `shown` (the version a selection was made on)."""
        return document_store.shown_version_id(self._db, document_id, shown)

    def create_many(self, new: list[NewAnnotation]) -> list[int]:
        """Create many annotations in one transaction (all or none); each document's text is read once."""
        with operation(self._db, "Add annotations"):
            texts: dict[int, tuple[int, str]] = {}
            rows = []
            for item in new:
                if item.document_id not in texts:
                    version_id = document_store.current_version_id(self._db, item.document_id)
                    texts[item.document_id] = (version_id, document_store.version_text(self._db, version_id).text)
                version_id, text = texts[item.document_id]
                _check_color(item.color)
                if item.orphan_quote is None:
                    check_range(text, item.start, item.end)
                quote = item.orphan_quote or quote_at(text, item.start, item.end)
                rows.append({"document_id": item.document_id, "version_id": version_id, "start": item.start,
                             "end": item.end, "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix,
                             "color": item.color, "note": item.note,
                             "anchor_status": ORPHAN if item.orphan_quote else ANCHORED,
                             "anchor_confidence": 0.0 if item.orphan_quote else 1.0,
                             "created": item.created or None, "modified": item.modified or item.created or None,
                             **{moment: at or None for moment, at in zip(store.MOMENTS, item.moments, strict=True)},
                             "tags_read": item.tags_read})
            ids = store.insert_annotations(self._db, rows)
            tag_store.tag_pairs(self._db, [(annotation_id, name) for annotation_id, item in zip(ids, new, strict=True)
                                           for name in clean_tags(item.tags)])
        return ids

    def create_at_quote(self, document_id: int, quote: str, occurrence: int = 1, **fields) -> Annotation:
        """Annotate the `occurrence`-th (1-based) appearance of `quote` in the current text, as scripts do."""
        text = document_store.version_text(self._db, document_store.current_version_id(self._db, document_id)).text
        start = _nth_occurrence(text, quote, occurrence)
        return self.create(document_id, start, start + len(quote), **fields)

    def get(self, annotation_id: int) -> Annotation:
        found = store.get_annotation(self._db, annotation_id)
        if found is None:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        return found

    def cited(self, annotation_id: int) -> tuple[Annotation, bool] | None:
        """An annotation a note cites, and whether it is in the Trash; None once it is gone for good. A citation
        outlives a deleted highlight (Undo or the Trash bring it back), so its note says where it went."""
        found = store.get_annotation(self._db, annotation_id, include_deleted=True)
        if found is None:
            return None
        return found, store.get_annotation(self._db, annotation_id) is None

    def at(self, document_id: int, start: int, end: int) -> Annotation | None:
        """The annotation already over exactly this text, if any (the oldest, if several)."""
        return store.annotation_at(self._db, document_id, start, end)

    def in_trash_at(self, document_id: int, start: int, end: int) -> Annotation | None:
        """An annotation moved to the Trash that was made over exactly this text."""
        return store.trashed_annotation_at(self._db, document_id, start, end)

    def for_document(self, document_id: int) -> list[Annotation]:
        """A document's live annotations in text order (orphans included: they keep their quote)."""
        return store.annotations_for_document(self._db, document_id)

    def all(self) -> list[Annotation]:
        """Every live annotation, by document then text order."""
        return store.all_annotations(self._db)

    def spans(self, document_id: int) -> list[Span]:
        """Ranges to paint: kind 'highlight' (label = colour) or 'note', ref = annotation id; doubtful when the place
        is only proposed (a new version changed the words: it waits in review), drawn apart from the notes' own."""
        return [Span(a.start, a.end, "note" if a.is_note else "highlight", a.color, a.id, a.anchor_status == REVIEW)
                for a in self.for_document(document_id) if a.anchor_status != ORPHAN]

    def set_note(self, annotation_id: int, note: str, was: str | None = None) -> Annotation:
        """`was`: the note as it was when the typing that gives `note` began. A note another hand rewrote since (to
        something else than `note`) is not written over: ChangedElsewhere, and nothing is written. Looked at inside
        the write transaction: a window's look every second left a second for the other's note to be lost."""
        self.get(annotation_id)
        with operation(self._db, "Edit note"):
            stored = self._stored(annotation_id).note
            if was is not None:
                unchanged_since(stored, was, note)
            if stored != note:  # the note it has is no step: undone, it seemed to do nothing (audit DH 7)
                store.update_annotation(self._db, annotation_id, {"note": note})
        return self.get(annotation_id)

    def _stored(self, annotation_id: int) -> Annotation:
        """The annotation as the open transaction sees it (another program may have deleted it since `get`)."""
        found = store.get_annotation(self._db, annotation_id)
        if found is None:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        return found

    def take_edit(self, annotation_id: int, taken: TakenEdit) -> Annotation:
        """An edit made in another copy of the library, read from its export: each part taken with the moment that
        copy made it (stamped now, an older edit read back later took the newer's place)."""
        here = self.get(annotation_id)
        changes: dict = {}
        if taken.note is not None:
            changes.update(note=taken.note[0], note_at=taken.note[1])
        if taken.color is not None:
            _check_color(taken.color[0])
            changes.update(color=taken.color[0], color_at=taken.color[1])
        if taken.place is not None:
            changes.update(anchor_columns(placed(self._db, here, *taken.place[0])), place_at=taken.place[1])
        if taken.tags is not None:
            changes["tags_at"] = taken.tags[1]
        latest = max(here.modified_at, *(changes[moment] for moment in store.MOMENTS if moment in changes))
        with operation(self._db, "Edit annotation"):
            if taken.tags is not None:
                tag_store.replace_annotation_tags(self._db, annotation_id, clean_tags(taken.tags[0]))
            store.update_annotation(self._db, annotation_id, changes, latest)
        return self.get(annotation_id)

    def keep_tags_read(self, annotation_id: int, tags: tuple[str, ...]) -> None:
        """The tags another tool gave a note, as its file was read now: what it adds or takes out later is told from
        what the user changes here (its tags have no moments)."""
        with operation(self._db, "Read tags"):
            store.set_tags_read(self._db, annotation_id, tuple(tags))

    def made_at(self, document_id: int, created: str) -> list[tuple[Annotation, bool]]:
        """A document's annotations made at `created` (to the second), those in the Trash too, each with whether it
        is: the same annotation in two copies of a library is one of them."""
        return store.annotations_made_at(self._db, document_id, created)

    def set_color(self, annotation_id: int, color: str) -> Annotation:
        _check_color(color)
        self.get(annotation_id)
        with operation(self._db, "Change colour"):
            if self._stored(annotation_id).color != color:  # as a note: the colour it has is no step
                store.update_annotation(self._db, annotation_id, {"color": color})
        return self.get(annotation_id)

    def set_tags(self, annotation_id: int, tags: tuple[str, ...] | list[str],
                 was: tuple[str, ...] | list[str] | None = None) -> Annotation:
        """Replace an annotation's tags (new names create tags; the undo command passes the old tuple back). `was`:
        the tags when the typing began, as for `set_note`."""
        self.get(annotation_id)
        names = clean_tags(tags)
        with operation(self._db, "Edit tags"):
            stored = self._stored(annotation_id).tags
            if was is not None:
                unchanged_since(_folded(stored), _folded(was), _folded(names))
            if _folded(stored) != _folded(names):  # saved as they were (in any case: tags are matched so), they are
                # not changed now (audit BG F12, BH F17)
                tag_store.replace_annotation_tags(self._db, annotation_id, names)
                store.stamp_tags_changed(self._db, [annotation_id])
        return self.get(annotation_id)

    def delete(self, annotation_id: int) -> Annotation:
        """Move to the Trash (restorable); returns the annotation as it was."""
        annotation = self.get(annotation_id)
        with operation(self._db, "Delete annotation"):
            store.mark_deleted(self._db, annotation_id, True)
        return annotation

    def restore(self, annotation_id: int) -> Annotation:
        """Bring an annotation back from the Trash, with its tags and links."""
        if store.get_annotation(self._db, annotation_id, include_deleted=True) is None:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        with operation(self._db, "Restore annotation"):
            store.mark_deleted(self._db, annotation_id, False)
        return self.get(annotation_id)


def placed(db: Store, annotation: Annotation, start: int, end: int) -> Annotation:
    """`annotation` put on [start, end) of its document's current version, its place sure (chosen by a user, or by
    the copy of the library that moved it there)."""
    version_id = document_store.current_version_id(db, annotation.document_id)
    text = document_store.version_text(db, version_id).text
    return replace(annotation, version_id=version_id, start=start, end=end, quote=quote_at(text, start, end),
                   anchor_status=ANCHORED, anchor_confidence=1.0)


def anchor_columns(annotation: Annotation) -> dict:
    """The columns of `annotation`'s place, as storage writes them."""
    return {"version_id": annotation.version_id, "start": annotation.start, "end": annotation.end,
            "exact": annotation.quote.exact, "prefix": annotation.quote.prefix, "suffix": annotation.quote.suffix,
            "anchor_status": annotation.anchor_status, "anchor_confidence": annotation.anchor_confidence}


def _nth_occurrence(text: str, quote: str, occurrence: int) -> int:
    if not quote:
        raise ReaderError("the quote is empty")
    if occurrence < 1:
        raise ReaderError("the occurrence counts from 1")
    position = -1
    for _ in range(occurrence):
        position = text.find(quote, position + 1)
        if position < 0:
            count = text.count(quote)
            raise ReaderError(f"the quote occurs {plural(count, 'time')} in the document, not {occurrence}"
                              if count else f"the quote '{quote[:60]}' is not in the document")
    return position


def check_range(text: str, start: int, end: int) -> None:
    """A range to place a note on: forwards, not empty, inside the text; else one line saying which is wrong."""
    if end < start:
        raise ReaderError(f"range {start}-{end} runs backwards: give the start first ({end} {start})")
    if not 0 <= start < end <= len(text):
        raise ReaderError(f"range {start}-{end} is not inside the text (0-{len(text)})")


def _check_color(color: str) -> None:
    if color not in HIGHLIGHT_COLORS:
        raise ReaderError(f"unknown colour '{color}'; use one of {', '.join(HIGHLIGHT_COLORS)}")


def unchanged_since(now, was, typed) -> None:
    """Refuse to write typing over what another hand wrote since it began (what was there then, or the typing itself
    already there, is no one's loss)."""
    if now not in (was, typed):
        raise ChangedElsewhere("changed elsewhere while you typed (another window or the command line): "
                               "nothing was written over it")


def _folded(tags) -> list[str]:
    return sorted(tag.casefold() for tag in tags)
