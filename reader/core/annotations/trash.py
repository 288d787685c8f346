"""The Trash: everything deleted (annotations, links, notebook notes), newest first, each restorable."""

from __future__ import annotations

from reader.core.annotations.links import LinkService
from reader.core.annotations.notebook import NotebookService
from reader.core.annotations.service import AnnotationService
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.records.annotations import TrashItem
from reader.core.storage import annotations as annotation_store
from reader.core.storage import document_trash
from reader.core.storage import links as link_store
from reader.core.storage import notebook as note_store
from reader.core.storage.store import Store
from reader.core.wording import one_line

LABEL_CHARS = 80


class TrashService:
    """Lists what was deleted and restores it through the owning service."""

    def __init__(self, db: Store, annotations: AnnotationService, links: LinkService, notebook: NotebookService,
                 documents: DocumentService):
        self._db = db
        self._documents = documents
        self._restorers = {"annotation": annotations.restore, "link": links.restore, "note": notebook.restore,
                           "document": documents.restore}
        self._deleters = {"annotation": annotations.delete, "link": links.delete, "note": notebook.delete,
                          "document": documents.delete}

    def items(self) -> list[TrashItem]:
        """Everything in the Trash; an annotation that went with its document is listed under the document."""
        documents = document_trash.trashed_documents(self._db)
        with_documents = {document_id for document_id, *_ in documents}
        found = [TrashItem("document", document_id, f"{one_line(title, LABEL_CHARS)} (with {count} annotation"
                                                    f"{'s' * (count != 1)})", at)
                 for document_id, title, at, count in documents]
        titles = self._documents.names()
        found += [TrashItem("annotation", a.id, _annotation_label(a, titles.get(a.document_id, "")), at)
                  for a, at in annotation_store.trashed_annotations(self._db) if a.document_id not in with_documents]
        found += [TrashItem("link", link.id, f"{link.relation_label}: {link.from_annotation_id} → "
                                             f"{link.to_annotation_id}", at)
                  for link, at in link_store.trashed_links(self._db)]
        found += [TrashItem("note", note.id, one_line(note.title or note.body, LABEL_CHARS), at)
                  for note, at in note_store.trashed_notes(self._db)]
        return sorted(found, key=lambda item: item.deleted_at, reverse=True)

    def restore(self, kind: str, item_id: int) -> object:
        """Restore one item; returns it as restored (Annotation, Link or NotebookNote)."""
        return self._by_kind(self._restorers, kind)(item_id)

    def delete(self, kind: str, item_id: int) -> object:
        """Put one item (back) in the Trash: the undo of `restore`."""
        return self._by_kind(self._deleters, kind)(item_id)

    @staticmethod
    def _by_kind(actions: dict, kind: str):
        if kind not in actions:
            raise ReaderError(f"nothing of kind '{kind}' goes to the Trash")
        return actions[kind]


def _annotation_label(annotation, title: str) -> str:
    """“quote” in Title — note: what a user recognises a deleted note by."""
    note = f" — {one_line(annotation.note, LABEL_CHARS)}" if annotation.note.strip() else ""
    return f"“{one_line(annotation.quote.exact, LABEL_CHARS)}” in {one_line(title, LABEL_CHARS)}{note}"

