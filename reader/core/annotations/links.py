"""Cross-references between passages of any documents: made, changed, trashed and restored."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.annotations import Link, LinkedAnnotation, Passage
from reader.core.records.relations import RELATIONS, link_step
from reader.core.storage import links as store
from reader.core.storage.store import Store

if TYPE_CHECKING:
    from reader.core.annotations.service import AnnotationService

Target = int | Passage


class LinkNotFound(ReaderError):
    """A link id that does not exist (or is in the Trash)."""


class LinkService:
    """Links (corroborates, contradicts, same event, derives from, elaborates, see also) with an optional note."""

    def __init__(self, db: Store, annotations: AnnotationService):
        self._db = db
        self._annotations = annotations

    def link(self, source: Target, target: Target, relation: str, note: str = "") -> Link:
        """Link two annotations (a Passage becomes a highlight first, unless one covers it exactly); `source` derives
        from `target`."""
        _check_relation(relation)
        with operation(self._db, link_step("Link passages", relation)):
            from_id, to_id = self._annotation_id(source), self._annotation_id(target)
            if from_id == to_id:
                raise ReaderError("an annotation cannot be linked to itself")
            existing = store.find_link(self._db, from_id, to_id, relation)
            if existing is not None:
                raise ReaderError(f"these passages are already linked as '{RELATIONS[relation]}' (link {existing.id})")
            link_id = store.insert_link(self._db, from_id, to_id, relation, note)
        return self.get(link_id)

    def get(self, link_id: int) -> Link:
        found = store.get_link(self._db, link_id)
        if found is None:
            raise LinkNotFound(f"no link with id {link_id}")
        return found

    def removed_between(self, one: int, two: int, relation: str) -> bool:
        """Whether a link of `relation` between the two annotations, either way, was moved to the Trash."""
        return store.find_link(self._db, one, two, relation, removed=True) is not None

    def links_for(self, annotation_id: int) -> list[LinkedAnnotation]:
        """An annotation's links (outgoing) and backlinks (incoming), each with the annotation at the other end."""
        entries = []
        for link in store.links_touching(self._db, annotation_id):
            outgoing = link.from_annotation_id == annotation_id
            other_id = link.to_annotation_id if outgoing else link.from_annotation_id
            entries.append(LinkedAnnotation(link, self._annotations.get(other_id), outgoing))
        return entries

    def update(self, link_id: int, relation: str | None = None, note: str | None = None) -> Link:
        """Change a link's relation and/or note; the undo command passes the old values back."""
        link = self.get(link_id)
        changes = {key: value for key, value in (("relation", relation), ("note", note))
                   if value is not None and value != getattr(link, key)}  # as it is: no step (audit DK 7)
        if relation is not None:
            _check_relation(relation)
        with operation(self._db, link_step("Edit link", relation or link.relation)):
            if changes:
                store.update_link(self._db, link_id, changes)
        return self.get(link_id)

    def take_note(self, link_id: int, note: str, modified: str) -> Link:
        """A link's note as another copy of the library changed it, read from its export, with the moment it did."""
        self.get(link_id)
        with operation(self._db, "Edit link"):
            store.update_link(self._db, link_id, {"note": note}, modified)
        return self.get(link_id)

    def delete(self, link_id: int, with_annotations: tuple[int, ...] = ()) -> Link:
        """Move a link to the Trash, with the annotations it created from passages (undoing a link); returns it."""
        link = self.get(link_id)
        with operation(self._db, link_step("Delete link", link.relation)):
            store.mark_link_deleted(self._db, link_id, True)
            for annotation_id in with_annotations:
                self._annotations.delete(annotation_id)
        return link

    def restore(self, link_id: int, with_annotations: tuple[int, ...] = ()) -> Link:
        """Bring a link back from the Trash, with the annotations `delete` took along."""
        if store.get_link(self._db, link_id, include_deleted=True) is None:
            raise LinkNotFound(f"no link with id {link_id}")
        with operation(self._db, "Restore link"):
            for annotation_id in with_annotations:
                self._annotations.restore(annotation_id)
            store.mark_link_deleted(self._db, link_id, False)
        return self.get(link_id)

    def _annotation_id(self, target: Target) -> int:
        """A passage already highlighted exactly is linked through that highlight: linking it again must not stack a
        second highlight (and a duplicate link) on the same text."""
        if isinstance(target, Passage):
            self._annotations.check_shown(target.document_id, target.shown)
            existing = self._annotations.at(target.document_id, target.start, target.end)
            return existing.id if existing else self._annotations.create(target.document_id, target.start,
                                                                         target.end).id  # the version checked
        return self._annotations.get(target).id


def _check_relation(relation: str) -> None:
    if relation not in RELATIONS:
        raise ReaderError(f"unknown relation '{relation}'; use one of {', '.join(RELATIONS)}")
