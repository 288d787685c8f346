"""What an import of other people's annotations did."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.core.wording import listed, plural

SETTLED = ("updated",  # the file's newer edit taken
           "newer_here",  # edited here since the file's copy: kept as it is
           "same_moment",  # the file's otherwise, changed at the same moment: kept as it is
           "undated")  # the file's otherwise, with no date to tell which is newer: kept as it is
KINDS = ("annotation", "link", "Notebook note")


@dataclass
class AnnotationImportReport:
    """What reading W3C annotations back did: how many were placed, links made, found already here (a file read
    twice), and what could not be placed (never dropped silently)."""

    placed: int = 0
    linked: int = 0
    already: int = 0  # annotations; links and Notebook notes are counted apart, as the export counted them
    links_already: int = 0
    notes_already: int = 0
    orphaned: int = 0  # notes on a document here whose words it no longer holds: kept as orphans, for review
    notebook: int = 0  # Notebook notes made (and notes on a whole page, from other tools)
    cited: int = 0  # citations given to Notebook notes already here, whose passages could not be placed before
    changed: list[str] = field(default_factory=list)  # what each update changed ("the note of “…”")
    settled: Counter = field(default_factory=Counter)  # (how, kind): how an annotation, link or Notebook note here
    # that the file gives otherwise was settled (see SETTLED); by kind, or a line added links to annotations (DJ 11)
    in_trash: int = 0  # annotations moved to the Trash here: not brought back unasked
    links_in_trash: int = 0  # links removed here, or to a passage removed here: not made again
    left_out: int = 0  # ... and those with a note or tags the file does not give: kept as they are
    beside: list[str] = field(default_factory=list)  # links made beside another relation of the same passages
    beside_notes: list[str] = field(default_factory=list)  # undated notes made beside one on the same words
    skipped: list[str] = field(default_factory=list)
    split_tags: list[str] = field(default_factory=list)  # tags holding a comma, read as tags apart (see clean_tags)

    def settle(self, how: str, kind: str = "annotation") -> None:
        """Count one thing here the file gives otherwise, settled `how` (one of SETTLED)."""
        self.settled[how, kind] += 1

    def _total(self, how: str) -> int:
        return sum(self.settled[how, kind] for kind in KINDS)

    updated = property(lambda self: self._total("updated"))  # of every kind
    newer_here = property(lambda self: self._total("newer_here"))
    same_moment = property(lambda self: self._total("same_moment"))
    undated = property(lambda self: self._total("undated"))

    def _kinds(self, how: str) -> str:
        """'1 annotation and 1 link': what was settled `how`, by kind."""
        named = [plural(self.settled[how, kind], kind) for kind in KINDS if self.settled[how, kind]]
        return listed(named)

    @property
    def summary(self) -> str:
        """One line for the status bar and the command line."""
        parts = [f"{plural(self.placed, 'annotation')} placed"]
        if self.linked:
            parts.append(f"{plural(self.linked, 'link')} made")
        if self.notebook:
            parts.append(f"{plural(self.notebook, 'Notebook note')} made")
        if self.cited:
            parts.append(f"{plural(self.cited, 'citation')} added to Notebook notes already here")
        if self.updated:
            shown = "; ".join(self.changed[:3]) + ("; …" if len(self.changed) > 3 else "")
            parts.append(f"{self._kinds('updated')} updated (edited since: {shown})")
        parts += self._found_here()
        if self.beside:  # which the other copy meant to replace, if any, no file says: both stand, said
            parts.append(f"{plural(len(self.beside), 'link')} beside another between the same passages here "
                         f"({'; '.join(self.beside)}): see Comparisons")
        if self.beside_notes:
            parts.append(f"{len(self.beside_notes)} placed beside a note on the same words here, the file giving no "
                         f"date to tell an edit from another note ({'; '.join(self.beside_notes)}): both kept")
        if self.orphaned:
            kept = "an orphan" if self.orphaned == 1 else "orphans"
            parts.append(f"{self.orphaned} kept as {kept} (words not in the text: see Needs review)")
        if self.split_tags:
            shown = ", ".join(f"'{tag}'" for tag in dict.fromkeys(self.split_tags))
            parts.append(f"{plural(len(set(self.split_tags)), 'tag')} holding a comma, which separates tags, "
                         f"read as tags apart ({shown})")
        parts.append(f"{len(self.skipped)} could not be placed")
        return ", ".join(parts)

    def _found_here(self) -> list[str]:
        """What the file gives that was here already, one way or another, and kept as it is here."""
        parts = []
        if self.already:
            parts.append(f"{plural(self.already, 'annotation')} already here (not added again)")
        if self.links_already:
            parts.append(f"{plural(self.links_already, 'link')} already here")
        if self.notes_already:
            parts.append(f"{plural(self.notes_already, 'Notebook note')} already here")
        if self.newer_here:
            parts.append(f"{self._kinds('newer_here')} already here in a newer edit (kept as "
                         f"{'it is' if self.newer_here == 1 else 'they are'})")
        if self.in_trash or self.links_in_trash:
            parts.append(f"{self.in_trash + self.links_in_trash} in the Trash here (not added again"
                         + (f": {plural(self.links_in_trash, 'link')}" if self.links_in_trash else "") + ")")
        if self.same_moment:
            parts.append(f"{self._kinds('same_moment')} here otherwise than in the file, changed at the same moment "
                         f"(kept as {'it is' if self.same_moment == 1 else 'they are'} here)")
        if self.undated:
            parts.append(f"{self._kinds('undated')} here otherwise than in the file, which gives no date (kept as "
                         f"{'it is' if self.undated == 1 else 'they are'} here)")
        if self.left_out:
            parts.append(f"{self.left_out} with a note or tags here that the file leaves out (kept here)")
        return parts
