"""Tags across all annotations: the autocomplete list, and renaming or merging in one place."""

from __future__ import annotations

from reader.core.errors import ReaderError
from reader.core.ops import operation
from reader.core.records.tags import TagCount, TagRename, clean_tags, renaming, tag_key
from reader.core.storage import annotations as annotation_store
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
        if new_name == old:
            raise ReaderError(f"the tag is already named '{old}': nothing to rename")
        tagged = store.annotation_ids_with_tag(self._db, old)
        into = self._merged_into(old, new_name)
        merged = into is not None
        already = [] if not merged else sorted(set(tagged) & set(store.annotation_ids_with_tag(self._db, new_name)))
        with operation(self._db, renaming(old, into or new_name, merged)):  # as rename_step names it
            if merged:
                store.add_tag_to(self._db, tagged, [new_name])
                store.delete_tag(self._db, old)
            else:
                store.rename_tag_row(self._db, old, new_name)
            annotation_store.stamp_tags_changed(self._db, tagged)  # an edit of each note it changes
        return TagRename(old, into or new_name, tuple(tagged), tuple(already), merged)  # the name kept (DS F7)

    def rename_step(self, old: str, new: str) -> str:
        """How renaming `old` to `new` is named as a step: a merge into the tag of that name where one is, in the
        Trash too, by the name it keeps ("Rename tag 'alpha' to 'beta'" merged it into a trashed note's 'Beta')."""
        new_name = (clean_tags([new]) or [new])[0]
        into = self._merged_into(old, new_name)
        return renaming(old, into, True) if into is not None else renaming(old, new_name, False)

    def _merged_into(self, old: str, new: str) -> str | None:
        """The stored name of another tag `new` names (any case), which a rename to it merges into; None if none."""
        if tag_key(old) == tag_key(new) or store.tag_id(self._db, new) is None:
            return None
        return store.tag_name(self._db, new)

    def remove(self, name: str) -> int:
        """Take a tag off every live annotation, as one undoable step; how many had it. Those in the Trash keep it
        (restored, they come back as they went), and the tag is forgotten once nothing carries it."""
        if store.tag_id(self._db, name) is None:
            raise ReaderError(f"no tag '{name}'")
        tagged = store.annotation_ids_with_tag(self._db, name, live=True)
        with operation(self._db, f"Remove tag '{name}'"):
            store.remove_tag_from(self._db, tagged, name)
            store.delete_tag_if_unused(self._db, name)
            annotation_store.stamp_tags_changed(self._db, tagged)
        return len(tagged)
