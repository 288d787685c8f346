"""Tags across all annotations: the autocomplete list, and renaming or merging in one place."""

from __future__ import annotations

from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.tags import TagCount, TagRename, clean_tags
from reader.core.storage import tags as store
from reader.core.storage.store import Store


class TagService:
    """Tag-wide operations; tagging one annotation is `AnnotationService.set_tags`."""

    def __init__(self, db: Store):
        self._db = db

    def all(self) -> list[TagCount]:
        """Every tag in use with its count of live annotations, by name: the autocomplete source."""
        return store.tag_counts(self._db)

    def rename(self, old: str, new: str) -> TagRename:
        """Rename a tag; if `new` exists already the two merge. Returns what changed (undone by the history)."""
        if "," in new:
            raise ReaderError(f"a tag name cannot hold a comma, which separates tags: '{new}'")
        new_name = (clean_tags([new]) or [""])[0]
        if not new_name:
            raise ReaderError("a tag name cannot be empty")
        if store.tag_id(self._db, old) is None:
            raise ReaderError(f"no tag '{old}'")
        tagged = store.annotation_ids_with_tag(self._db, old)
        same_tag = old.casefold() == new_name.casefold()
        merged = not same_tag and store.tag_id(self._db, new_name) is not None
        already = [] if not merged else sorted(set(tagged) & set(store.annotation_ids_with_tag(self._db, new_name)))
        with operation(self._db, "Rename tag"):
            if merged:
                store.add_tag_to(self._db, tagged, [new_name])
                store.delete_tag(self._db, old)
            else:
                store.rename_tag_row(self._db, old, new_name)
        return TagRename(old, new_name, tuple(tagged), tuple(already), merged)

    def remove(self, name: str) -> int:
        """Take a tag off every annotation and forget it, as one undoable step; how many annotations had it."""
        if store.tag_id(self._db, name) is None:
            raise ReaderError(f"no tag '{name}'")
        tagged = store.annotation_ids_with_tag(self._db, name)
        with operation(self._db, "Remove tag"):
            store.delete_tag(self._db, name)
        return len(tagged)
