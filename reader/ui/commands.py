"""Undo/redo: one QUndoCommand per kind of change to annotations, links, tags, notes and document metadata.

Each command calls ONE core method to do and one to undo (the core keeps ids stable: deleting goes to the Trash and
restoring brings the same row back), then tells the rest of the window through `AnnotationEvents` what to refresh.
A core error raised while doing or undoing is reported through `AnnotationEvents.failed`, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.core.annotations.models import Annotation, Passage
from reader.core.errors import ReaderError
from reader.core.models import METADATA_FIELDS, DocumentInfo
from reader.ui.events import AnnotationEvents

if TYPE_CHECKING:  # services are passed in; importing them here would load every one at start-up
    from reader.core.annotations.links import LinkService, Target
    from reader.core.annotations.models import SourceCriticism
    from reader.core.annotations.notebook import NotebookService
    from reader.core.annotations.review import ReviewService
    from reader.core.annotations.service import AnnotationService
    from reader.core.annotations.sources import SourceCriticismService
    from reader.core.annotations.tag_models import TagRename
    from reader.core.annotations.tags import TagService
    from reader.core.annotations.trash import TrashService
    from reader.core.documents.service import DocumentService


class _CoreCommand(QUndoCommand):
    """Runs `_do` on redo and `_undo` on undo, turning a core error into `events.failed` and an obsolete command."""

    def __init__(self, text: str, events: AnnotationEvents):
        super().__init__(text)
        self.events = events

    def redo(self) -> None:
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except ReaderError as exc:
            self.setObsolete(True)
            self.events.failed.emit(str(exc))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateAnnotationCommand(_CoreCommand):
    """Highlight or note a passage; undo moves it to the Trash, redo restores the same annotation."""

    def __init__(self, annotations: AnnotationService, events: AnnotationEvents, document_id: int, start: int,
                 end: int, color: str = "yellow", note: str = "", tags: tuple[str, ...] = ()):
        super().__init__("Add note" if note.strip() else "Highlight", events)
        self._annotations = annotations
        self._fields = {"document_id": document_id, "start": start, "end": end, "color": color, "note": note,
                        "tags": tags}
        self.annotation_id: int | None = None

    def _do(self) -> None:
        if self.annotation_id is None:
            created = self._annotations.create(**self._fields)
            self.annotation_id = created.id
        else:
            created = self._annotations.restore(self.annotation_id)
        self.events.annotation_changed(created)

    def _undo(self) -> None:
        self.events.annotation_changed(self._annotations.delete(self.annotation_id))


class DeleteAnnotationCommand(_CoreCommand):
    """Move an annotation to the Trash; undo restores it with its tags and links."""

    def __init__(self, annotations: AnnotationService, events: AnnotationEvents, annotation_id: int):
        super().__init__("Delete annotation", events)
        self._annotations, self._annotation_id = annotations, annotation_id

    def _do(self) -> None:
        self.events.annotation_changed(self._annotations.delete(self._annotation_id))
        self.events.links_changed.emit()

    def _undo(self) -> None:
        self.events.annotation_changed(self._annotations.restore(self._annotation_id))
        self.events.links_changed.emit()


class _SwapCommand(_CoreCommand):
    """A change from one value to another through one setter: redo sets `new`, undo sets `old`."""

    def __init__(self, text: str, events: AnnotationEvents, old: object, new: object):
        super().__init__(text, events)
        self._old, self._new = old, new

    def _do(self) -> None:
        self._apply(self._new)

    def _undo(self) -> None:
        self._apply(self._old)

    def _apply(self, value: object) -> None:
        raise NotImplementedError


class _AnnotationFieldCommand(_SwapCommand):
    """Change one field of an annotation through its AnnotationService setter."""

    label, field, setter = "", "", ""

    def __init__(self, annotations: AnnotationService, events: AnnotationEvents, annotation_id: int, value: object):
        super().__init__(self.label, events, getattr(annotations.get(annotation_id), self.field), value)
        self._annotations, self._annotation_id = annotations, annotation_id

    def _apply(self, value: object) -> None:
        self.events.annotation_changed(getattr(self._annotations, self.setter)(self._annotation_id, value))
        if self.field == "tags":
            self.events.tags_changed.emit()


class EditNoteCommand(_AnnotationFieldCommand):
    """Change an annotation's Markdown note."""

    label, field, setter = "Edit note", "note", "set_note"


class SetColorCommand(_AnnotationFieldCommand):
    """Change a highlight's colour."""

    label, field, setter = "Change colour", "color", "set_color"


class SetTagsCommand(_AnnotationFieldCommand):
    """Replace an annotation's tags (a tuple of names)."""

    label, field, setter = "Edit tags", "tags", "set_tags"


class CreateLinkCommand(_CoreCommand):
    """Link two passages or annotations; undo trashes the link and any annotation it made from a passage."""

    def __init__(self, links: LinkService, events: AnnotationEvents, source: Target, target: Target, relation: str,
                 note: str = ""):
        super().__init__("Link", events)
        self._links, self._request = links, (source, target, relation, note)
        self.link_id: int | None = None
        self._created: tuple[int, ...] = ()

    def _do(self) -> None:
        if self.link_id is None:
            link = self._links.link(*self._request)
            self.link_id = link.id
            made = (isinstance(self._request[0], Passage), isinstance(self._request[1], Passage))
            self._created = tuple(a for a, new in zip((link.from_annotation_id, link.to_annotation_id), made,
                                                      strict=True) if new)
        else:
            self._links.restore(self.link_id, self._created)
        self._refresh()

    def _undo(self) -> None:
        self._links.delete(self.link_id, self._created)
        self._refresh()

    def _refresh(self) -> None:
        self.events.links_changed.emit()
        for side in self._request[:2]:
            if isinstance(side, Passage):
                self.events.annotations_changed.emit(side.document_id)


class DeleteLinkCommand(_CoreCommand):
    """Move a link to the Trash; undo restores it."""

    def __init__(self, links: LinkService, events: AnnotationEvents, link_id: int):
        super().__init__("Delete link", events)
        self._links, self._link_id = links, link_id

    def _do(self) -> None:
        self._links.delete(self._link_id)
        self.events.links_changed.emit()

    def _undo(self) -> None:
        self._links.restore(self._link_id)
        self.events.links_changed.emit()


class EditLinkCommand(_SwapCommand):
    """Change a link's relation and note together."""

    def __init__(self, links: LinkService, events: AnnotationEvents, link_id: int, relation: str, note: str):
        link = links.get(link_id)
        super().__init__("Edit link", events, (link.relation, link.note), (relation, note))
        self._links, self._link_id = links, link_id

    def _apply(self, value: object) -> None:
        relation, note = value
        self._links.update(self._link_id, relation=relation, note=note)
        self.events.links_changed.emit()


class RenameTagCommand(_CoreCommand):
    """Rename a tag everywhere (merging into an existing one); undo puts every annotation's tags back."""

    def __init__(self, tags: TagService, events: AnnotationEvents, old: str, new: str):
        super().__init__(f"Rename tag '{old}'", events)
        self._tags, self._names = tags, (old, new)
        self._change: TagRename | None = None

    def _do(self) -> None:
        self._change = self._tags.rename(*self._names)
        self._refresh()

    def _undo(self) -> None:
        self._tags.undo_rename(self._change)
        self._refresh()

    def _refresh(self) -> None:
        self.events.tags_changed.emit()
        self.events.links_changed.emit()


class UpdateMetadataCommand(_SwapCommand):
    """Change a document's metadata fields (title, author, date, kind…)."""

    def __init__(self, documents: DocumentService, events: AnnotationEvents, document_id: int, changes: dict):
        metadata = documents.get(document_id).metadata
        old = {name: getattr(metadata, name) for name in changes if name in METADATA_FIELDS}
        super().__init__("Edit metadata", events, old, dict(changes))
        self._documents, self._document_id = documents, document_id

    def _apply(self, value: object) -> None:
        self._documents.update_metadata(self._document_id, value)
        self.events.document_changed.emit(self._document_id)


class SetSourceCriticismCommand(_SwapCommand):
    """Change a document's source criticism (date written, events date, reliability, provenance)."""

    def __init__(self, sources: SourceCriticismService, events: AnnotationEvents, document_id: int,
                 criticism: SourceCriticism):
        super().__init__("Edit source criticism", events, sources.get(document_id), criticism)
        self._sources, self._document_id = sources, document_id

    def _apply(self, value: object) -> None:
        self._sources.set(self._document_id, value)
        self.events.document_changed.emit(self._document_id)
        self.events.links_changed.emit()


class ReviewCommand(_CoreCommand):
    """One review action ("accept", "relocate" with a range, "orphan"); undo writes the old anchor back."""

    def __init__(self, review: ReviewService, events: AnnotationEvents, annotation_id: int, action: str,
                 start: int | None = None, end: int | None = None):
        labels = {"accept": "Accept place", "relocate": "Choose another place", "orphan": "Keep as orphan"}
        super().__init__(labels[action], events)
        self._review, self._annotation_id, self._action, self._range = review, annotation_id, action, (start, end)
        self._before: Annotation | None = None

    def _do(self) -> None:
        actions = {"accept": lambda: self._review.accept(self._annotation_id),
                   "relocate": lambda: self._review.relocate(self._annotation_id, *self._range),
                   "orphan": lambda: self._review.keep_orphan(self._annotation_id)}
        self._before, after = actions[self._action]()
        self.events.annotation_changed(after)

    def _undo(self) -> None:
        self.events.annotation_changed(self._review.restore_anchor(self._before))


class CreateNotebookNoteCommand(_CoreCommand):
    """Write a notebook or document note; undo trashes it, redo restores the same note."""

    def __init__(self, notebook: NotebookService, events: AnnotationEvents, body: str, title: str = "",
                 document_id: int | None = None, citations: tuple[int, ...] = ()):
        super().__init__("Add notebook note", events)
        self._notebook, self._fields = notebook, {"body": body, "title": title, "document_id": document_id,
                                                  "citations": citations}
        self.note_id: int | None = None

    def _do(self) -> None:
        if self.note_id is None:
            self.note_id = self._notebook.create(**self._fields).id
        else:
            self._notebook.restore(self.note_id)
        self.events.notebook_changed.emit()

    def _undo(self) -> None:
        self._notebook.delete(self.note_id)
        self.events.notebook_changed.emit()


class EditNotebookNoteCommand(_SwapCommand):
    """Change a notebook note's title, body and citations together."""

    def __init__(self, notebook: NotebookService, events: AnnotationEvents, note_id: int, title: str, body: str,
                 citations: tuple[int, ...]):
        note = notebook.get(note_id)
        super().__init__("Edit notebook note", events, (note.title, note.body, note.citations),
                         (title, body, tuple(citations)))
        self._notebook, self._note_id = notebook, note_id

    def _apply(self, value: object) -> None:
        title, body, citations = value
        self._notebook.edit(self._note_id, body=body, title=title, citations=citations)
        self.events.notebook_changed.emit()


class TrashCommand(_CoreCommand):
    """Restore an item from the Trash (`restore=True`) or move one there (a notebook note, say); undo reverses."""

    def __init__(self, trash: TrashService, events: AnnotationEvents, kind: str, item_id: int, restore: bool = True):
        super().__init__(f"Restore {kind}" if restore else f"Delete {kind}", events)
        self._trash, self._item, self._restore = trash, (kind, item_id), restore

    def _do(self) -> None:
        self._switch(self._restore)

    def _undo(self) -> None:
        self._switch(not self._restore)

    def _switch(self, restore: bool) -> None:
        item = self._trash.restore(*self._item) if restore else self._trash.delete(*self._item)
        if isinstance(item, Annotation):
            self.events.annotation_changed(item)
        if isinstance(item, DocumentInfo):
            self.events.document_changed.emit(item.id)
            self.events.annotations_changed.emit(item.id)
        self.events.links_changed.emit()
        self.events.notebook_changed.emit()
