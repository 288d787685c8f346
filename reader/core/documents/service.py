"""The document calls the UI and the command line make: each one transaction, each returning what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import DocumentNotFound
from reader.core.ops import operation
from reader.core.records.documents import DocumentInfo, ImportReport, ReanchorSummary, Span, VersionText
from reader.core.storage import documents as store
from reader.core.storage import search_index
from reader.core.storage.store import Store
from reader.core.wording import plural

if TYPE_CHECKING:
    from reader.core.records.pages import PageInfo, UncertainWord, WordBox

SHOWN_CANDIDATES = 3  # file names an ambiguous beginning lists


class DocumentService:
    """Documents, versions, metadata and boilerplate over one database connection."""

    def __init__(self, db: Store):
        self._db = db

    def import_paths(self, paths: list[Path], progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, password: str | None = None) -> ImportReport:
        """Import files and folders; `password` opens the encrypted PDFs among them."""
        from reader.core.documents import importer  # decoders and parsers load only when importing: faster start

        return importer.import_paths(self._db, paths, progress, cancelled, password)

    def list(self) -> list[DocumentInfo]:
        return store.list_documents(self._db)

    def in_trash(self) -> list[DocumentInfo]:
        return store.trashed_document_infos(self._db)

    def names(self) -> dict[int, str]:
        """Each document's name as a reader knows it: its title (its file name when it has none). Panels that
        set sources side by side name them so; '002_ff824666d88bbe20.txt' says nothing of which source it is."""
        return store.titles(self._db)

    def get(self, document_id: int, include_trashed: bool = False) -> DocumentInfo:
        info = store.get_document(self._db, document_id, include_trashed=include_trashed)
        if info is None:
            raise DocumentNotFound(f"no document with id {document_id}")
        return info

    def resolve(self, ref: str | int) -> DocumentInfo:
        """A document by id, by file name, or by the unique beginning of its file name ("003" for
        003_bfdd3a082e8d2a08.txt, as with abbreviated commit ids), as every DOC argument of the command line accepts.
        A number is an id, unless written with a leading zero, as ids never are."""
        text = str(ref).strip()
        document_id = store.find_document_id(self._db, text)
        if document_id is None:
            document_id = _as_id(text)
        if document_id is None and text:
            document_id = self._named_from(text)
        if document_id is None or store.get_document(self._db, document_id) is None:
            trashed = store.trashed_named(self._db, text, _as_id(text), SHOWN_CANDIDATES + 1) if text else []
            if len(trashed) == 1:  # it was "no document", as if never imported (audit DH 9c)
                raise DocumentNotFound(f"{trashed[0]} is in the Trash: undo (if deleting it was the last step), Edit "
                                       "> Trash in the window, or importing its file again brings it back")
            if trashed:
                raise DocumentNotFound(f"'{text}' could be {_listed(trashed)}, in the Trash: give more of the file "
                                       "name, or the id")
            raise DocumentNotFound(f"no document '{text}' (give its id, its file name or the beginning of it; "
                                   "'docs' lists them)")
        return self.get(document_id)

    def _named_from(self, beginning: str) -> int | None:
        found = store.documents_named_from(self._db, beginning, SHOWN_CANDIDATES + 1)
        if len(found) > 1:
            raise DocumentNotFound(f"'{beginning}' could be {_listed([name for _, name in found])}: give more of the "
                                   "file name, or the id")
        return found[0][0] if found else None

    def text(self, document_id: int) -> VersionText:
        """The current version's text and boilerplate."""
        return store.version_text(self._db, self.get(document_id).version_id)

    def boilerplate(self, version_id: int) -> list[Span]:
        """A version's boilerplate as it stands (detected, marked and unmarked)."""
        return store.effective_boilerplate(self._db, version_id)

    def version(self, version_id: int) -> VersionText:
        return store.version_text(self._db, version_id)

    def pages(self, document_id: int) -> list[PageInfo]:
        """The current version's pages (none for a text file)."""
        return self.version_pages(self.get(document_id).version_id)

    def version_pages(self, version_id: int) -> list[PageInfo]:
        """A version's pages, for callers that listed the documents already (exports: one query per document)."""
        from reader.core.storage import pages as page_store  # loads on first use: faster start

        return page_store.pages(self._db, version_id)

    def boxes(self, document_id: int, page_index: int) -> list[WordBox]:
        """The word boxes of one page of the current version."""
        from reader.core.storage import pages as page_store

        return page_store.boxes(self._db, self.get(document_id).version_id, page_index)

    def uncertain(self, document_id: int) -> list[UncertainWord]:
        """The OCR words of the current version to check against the page image."""
        from reader.core.storage import pages as page_store

        return page_store.uncertain(self._db, self.get(document_id).version_id)

    def page_source(self, document_id: int) -> str:
        """The file the current version's pages were read from ('' when it has none)."""
        from reader.core.storage import pages as page_store

        return page_store.source_path(self._db, self.get(document_id).version_id)

    def page_problem(self, document_id: int) -> str:
        """Why the current version's page images cannot be shown ('' when they can): the file moved away, or a PDF
        that opens only with a password. Asked before the page view is offered, so it never shows a blank page."""
        from reader.core.documents.page_images import why_no_page_images
        from reader.core.storage import pages as page_store

        version_id = self.get(document_id).version_id
        return why_no_page_images(page_store.source_path(self._db, version_id),
                                  page_store.source_digest(self._db, version_id))

    def correct_text(self, document_id: int, text: str, shown: int | None = None) -> ReanchorSummary | None:
        """Store a hand-corrected text (say, of an OCR misreading) as a new version, notes re-anchored onto it, in one
        transaction; None when the text is unchanged. `shown`: the version it was corrected from (see
        correction.correct_text)."""
        from reader.core.documents.correction import correct_text

        self.get(document_id)
        return correct_text(self._db, document_id, text, shown)

    def update_metadata(self, document_id: int, changes: dict[str, str]) -> DocumentInfo:
        """Store typed metadata; a date, web address or DOI changed to what is not one is refused (ReaderError),
        nothing changed. One stored unchecked (from a file's front matter, or before dates were checked) stays until
        changed: the window sends every field, and it refused every other edit."""
        from reader.core.documents.typed_metadata import checked

        stored = self.get(document_id).metadata
        changes = {**changes, **checked({name: value for name, value in changes.items()
                                         if _trimmed(getattr(stored, name, None)) != _trimmed(value)})}
        with operation(self._db, "Edit metadata"):
            store.update_metadata(self._db, document_id, changes)
        return self.get(document_id)

    def delete(self, document_id: int) -> DocumentInfo:
        """Move a document to the Trash with its annotations and mentions, as one step; returns it as it was."""
        from reader.core.storage import document_trash

        with operation(self._db, "Delete document"):
            info = self.get(document_id)
            document_trash.trash_document(self._db, document_id)
        return info

    def leaving_with(self, document_id: int) -> str:
        """What a move to the Trash does besides hiding the document's annotations, as one clause ('' for nothing):
        its links to other sources leave with it (gone from Comparisons), and the Notebook notes citing its passages
        still cite them, marked in the Trash (as the Notebook and every export show them), said before it goes."""
        from reader.core.storage import document_trash

        links, notes = document_trash.ties(self._db, document_id)
        parts = ([f"{plural(links, 'link')} to {'another source leaves' if links == 1 else 'other sources leave'} "
                  "with it"] if links else [])
        if notes:
            parts.append(f"{plural(notes, 'Notebook note')} still cite{'s' * (notes == 1)} its passages, marked “in "
                         "the Trash”")
        return "; ".join(parts)

    def restore(self, document_id: int) -> DocumentInfo:
        """Bring a document back from the Trash with what went with it (the undo of `delete`)."""
        from reader.core.storage import document_trash

        with operation(self._db, "Restore document"):
            if store.get_document(self._db, document_id, include_trashed=True) is None:
                raise DocumentNotFound(f"no document with id {document_id}")
            if store.get_document(self._db, document_id) is None:
                document_trash.restore_document(self._db, document_id)
        return self.get(document_id)

    def set_boilerplate(self, document_id: int, start: int, end: int, is_boilerplate: bool,
                        shown: int | None = None) -> VersionText:
        """Mark or unmark a range as boilerplate on the current version (refused if it is not `shown`, the version
        the range was selected on); the decision survives re-detection."""
        self.get(document_id)
        with operation(self._db, "Mark boilerplate"):
            version_id = store.shown_version_id(self._db, document_id, shown)
            store.add_user_boilerplate(self._db, version_id, start, end, is_boilerplate)
            store.refresh_boilerplate_count(self._db, version_id)
            search_index.index_document_text(self._db, document_id)
        return store.version_text(self._db, version_id)


def _trimmed(value):
    """A field as the window sends it back, blanks around it trimmed: the same value, not a change."""
    return value.strip() if isinstance(value, str) else value


def _listed(names: list[str]) -> str:
    """Names a DOC argument could mean, as many as are shown, '…' after them where there are more."""
    return ", ".join(names[:SHOWN_CANDIDATES]) + (", …" if len(names) > SHOWN_CANDIDATES else "")


def _as_id(text: str) -> int | None:
    """A DOC argument read as an id: a number without a leading zero, as ids never have one."""
    return int(text) if text.isdigit() and not text.startswith("0") and int(text) < 2**63 else None
