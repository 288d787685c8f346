"""The Note inspector: one place for the selected highlight or note — its note (Markdown), tags (with autocomplete),
colour, links (edit, remove, go), when it was made and changed, and Delete.

Why one inspector instead of an editor in every pane: with two to four panes side by side, a per-pane editor left
each text column 30 characters wide and the note 3 words a line. With nothing selected it cannot be typed into; when
its annotation is deleted (here, by Undo, or from another program) it clears, keeping what was typed and not saved
as a draft: Redo brings it back with its highlight, and a highlight that never returns leaves it to the Notebook.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from reader.core.annotations.service import AnnotationNotFound
from reader.core.errors import ChangedElsewhere, ReaderError
from reader.core.records.annotations import HIGHLIGHT_COLORS, STATUS_SAID, Annotation
from reader.core.wording import one_line, plural
from reader.core.workspace import Workspace
from reader.ui.annotations.links_list import LinksList
from reader.ui.annotations.note_editor import NoteEditor
from reader.ui.annotations.tag_editor import TagEditor
from reader.ui.colors import HIGHLIGHT_TINTS
from reader.ui.drafts import draft_as_note
from reader.ui.events import AnnotationEvents
from reader.ui.held_typing import HeldTyping
from reader.ui.operations import OpRunner

EMPTY = "Select a highlight or a note in a text to see and edit it here."


def _changed_under(draft: dict, now: Annotation, note_typed: bool, tags_typed: bool) -> bool:
    """Whether another hand changed what is being typed (the note, or the tags) to something else than the draft."""
    def folded(tags) -> list[str]:
        return sorted(tag.casefold() for tag in tags)

    return (note_typed and now.note not in (draft["base"], draft["text"])) or \
        (tags_typed and folded(now.tags) not in (folded(draft["base_tags"]), folded(draft["tags"])))


class AnnotationInspector(QWidget):
    """Shows one annotation; every change is an undoable operation; `annotation_activated(id)` goes to a link's
    other end."""

    annotation_activated = Signal(int)
    typing_changed = Signal()  # what is unsaved may have changed: the drafts look again (drafts.py)

    def __init__(self, workspace: Workspace, ops: OpRunner, events: AnnotationEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._workspace, self._ops, self._events = workspace, ops, events
        self._left_behind: dict | None = None  # typing on a highlight an undo removed, until it comes back
        self._held = HeldTyping("annotation_id")
        self._gone: Annotation | None = None  # the annotation shown until it went (deleted, undone): back, shown
        self.annotation: Annotation | None = None
        self.heading = QLabel(EMPTY, self, wordWrap=True)
        self.editor = NoteEditor(self)
        self.tags = TagEditor(workspace.tags, self)
        self.colors = {name: self._color_button(name) for name in HIGHLIGHT_COLORS}
        self.links = LinksList(workspace.links, workspace.documents, ops, events, self)
        self.dates = QLabel("", self, wordWrap=True)
        self.delete_button = QPushButton("Delete highlight", self)
        self._connect(events)
        self._lay_out()
        self.show_annotation(None)

    def _color_button(self, name: str) -> QToolButton:
        button = QToolButton(self, toolTip=f"Colour: {name}", checkable=True, autoExclusive=True)
        button.setStyleSheet(f"QToolButton {{ background: {HIGHLIGHT_TINTS[name]}; min-width: 18px; }}"
                             "QToolButton:checked { border: 2px solid palette(text); }")
        button.clicked.connect(lambda _checked=False, color=name: self._set_color(color))
        return button

    def _set_color(self, color: str) -> None:
        self._change("Change colour", lambda a: self._workspace.annotations.set_color(a.id, color))

    def _connect(self, events: AnnotationEvents) -> None:
        self.editor.note_saved.connect(self._save_note)
        self.tags.tags_edited.connect(lambda names: self._change("Edit tags", lambda a: self._workspace.annotations
                                                                 .set_tags(a.id, names)))
        self.delete_button.clicked.connect(self._delete_shown)
        self.links.annotation_activated.connect(self.annotation_activated)
        self.editor.source.textChanged.connect(self.typing_changed)
        self.tags.textChanged.connect(self.typing_changed)
        events.annotations_changed.connect(self._on_annotations_changed)
        events.tags_changed.connect(self.tags.refresh)
        events.tags_changed.connect(self._on_tags_changed)

    def _lay_out(self) -> None:
        colors = QHBoxLayout()
        colors.addWidget(QLabel("Colour", self))
        for button in self.colors.values():
            colors.addWidget(button)
        colors.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 3)
        layout.addWidget(QLabel("Tags", self))
        layout.addWidget(self.tags)
        layout.addLayout(colors)
        layout.addWidget(QLabel("Links", self))
        layout.addWidget(self.links, 2)
        layout.addWidget(self.dates)
        layout.addWidget(self.delete_button)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """Each wrapped line (the heading's quote, the dates) tall enough for its text at its width. Their heights
        follow their widths no other way: a panel holding such a line asked its scroll area for its preferred height,
        and at 1366×768 showed the two note boxes alone, Save, Tags, Colour, Links and Delete to scroll to (audit CB
        F5), though all fitted."""
        for label in (self.heading, self.dates):  # as tall as its text, no taller: a short quote after a long one
            label.setFixedHeight(max(0, label.heightForWidth(max(label.width(), 1))))  # kept the long one's height
            # (audit CC N7); an empty label's is -1, which Qt refused on stderr (N9)
            policy = label.sizePolicy()  # its height follows its width here, not in the layout (a label sets this
            policy.setHeightForWidth(False)  # again with each text)
            label.setSizePolicy(policy)

    def show_annotation(self, annotation_id: int | None) -> None:
        """Show an annotation, or nothing (everything disabled) when it is None or gone. A note typed and not saved
        is saved before another annotation is shown, and stays in the editor when the same one is read again."""
        same = self.annotation is not None and self.annotation.id == annotation_id
        shown_before = self.annotation
        if not same:
            self._save_on_leaving()
        draft = self.draft() if same else None
        typed = self.editor.unsaved() is not None, self.tags.unsaved() is not None
        try:
            self.annotation = self._workspace.annotations.get(annotation_id) if annotation_id else None
        except ReaderError:
            self.annotation = None
        if same and self.annotation is None:
            self._leave_behind(draft or self._left_behind)
        self._gone = shown_before if same and self.annotation is None else None  # Undo may bring it back
        annotation = self.annotation
        apart = same and draft is not None and annotation is not None and not self._ops.stepping and \
            _changed_under(draft, annotation, *typed)  # the reader's own Undo under the typing leaves it in place
        same = same and not apart  # the other hand's note is shown; the typing is kept apart, below
        for widget in (self.editor, self.tags, self.links, self.delete_button, *self.colors.values()):
            widget.setEnabled(annotation is not None)
        if annotation is None:
            self.heading.setText(EMPTY)
            self.editor.set_note("")
            self.tags.set_tags(())
            self.dates.setText("")
            self.links.show_annotation(None)
            self._fit_wrapped()
            self.typing_changed.emit()
            return
        title = self._workspace.documents.get(annotation.document_id).title
        quote = " ".join(annotation.quote.exact.split())
        status = STATUS_SAID.get(annotation.anchor_status, "")
        self.heading.setText(f"“{quote[:160]}{'…' if len(quote) > 160 else ''}” — {title}"
                             + (f"\n({status}: the Needs review panel settles it)" if status else ""))
        self.heading.setToolTip(f"“{quote}”" if len(quote) > 160 else "")  # read whole where it is cut
        self.editor.set_note(annotation.note, keep_typed=same)
        self.tags.set_tags(annotation.tags, keep_typed=same)
        self._take_back_left_typing(annotation)
        self.colors.get(annotation.color, self.colors[HIGHLIGHT_COLORS[0]]).setChecked(True)
        self.links.show_annotation(annotation.id)
        self.dates.setText(f"Created {annotation.created_at[:16].replace('T', ' ')}, changed "
                           f"{annotation.modified_at[:16].replace('T', ' ')} (UTC)")
        self._fit_wrapped()
        self.typing_changed.emit()
        if apart:
            self._keep_apart(draft)

    def _keep_apart(self, draft: dict) -> None:
        """Typing on a note another hand rewrote meanwhile (another window, the command line) goes to the Notebook,
        as a recovered draft does: saved on moving on, it wrote over the other's note without a word."""
        note = self._ops.run("Keep typing apart", lambda: draft_as_note(self._workspace.notebook, draft))
        if note is not None:
            self._events.told.emit(f"This note was changed elsewhere while you typed: its new text is shown, and what "
                                   f"you typed is in the Notebook, as “{note.title}”.")

    def _take_back_left_typing(self, annotation: Annotation) -> None:
        """The highlight typing was left behind for is shown again (back by a Redo, or chosen again after the
        database refused the typing): the typing goes back in the editor, unsaved, as it was; or, its note changed
        by another hand meanwhile, to the Notebook."""
        left = self._left_behind
        if left is not None and left["annotation_id"] == annotation.id:
            self._left_behind = None
        else:
            left = self._held.take(annotation.id)
        if left is None:
            return
        if _changed_under(left, annotation, True, True):
            self._keep_apart(left)
            return
        self.editor.source.setPlainText(left["text"])
        self.tags.setText(", ".join(left["tags"]))

    def left_behind(self) -> dict | None:
        """The draft of typing on a highlight an undo removed, until a Redo brings it back (kept like `draft`)."""
        return self._left_behind

    def held(self) -> list[dict] | None:
        """The drafts of typing the database refused when the reader moved on (kept like `draft`), or None."""
        return self._held.drafts()

    def draft(self) -> dict | None:
        """What is typed and not saved, kept against a crash or a refused write (drafts.py): the text and tags, what
        they were typed on, and the note as saved then (`base`, so that a recovery can tell whether it may go back
        in place). None if nothing."""
        annotation = self.annotation
        if annotation is None or (self.editor.unsaved() is None and self.tags.unsaved() is None):
            return None
        return {"annotation_id": annotation.id, "document_id": annotation.document_id, "text": self.editor.text(),
                "tags": list(self.tags.tags()), "base": annotation.note, "base_tags": list(annotation.tags),
                "about": " ".join(annotation.quote.exact.split())}

    def keep_unsaved(self) -> None:
        """Save the note and tags typed and not saved, as Save and Enter would (an undoable step each): closing the
        window or deleting the highlight must not throw away what was written. A refusal is said; the typing stays
        in the editor, and so in its draft."""
        refused = self._save_typing(self.editor.unsaved(), self.tags.unsaved())
        if refused:
            self._events.failed.emit(refused)

    def _save_on_leaving(self) -> None:
        """Another highlight is chosen: what was typed is saved. Typing the database refused (a read-only or damaged
        file) went with the next highlight shown; it is held, back in the editor when its highlight is chosen again,
        and kept in the session file meanwhile, so the next start that can write the library saves it."""
        draft = self.draft()
        refused = self._save_typing(self.editor.unsaved(), self.tags.unsaved())
        if refused and draft is not None:
            self._events.failed.emit(self._held.hold(draft, refused, f"on “{one_line(draft['about'], 40)}”"))

    def _save_note(self, text: str) -> None:
        """Save note or Ctrl+Return."""
        refused = self._save_typing(text, None)
        if refused:
            self._events.failed.emit(refused)

    def _save_typing(self, text: str | None, tags: tuple[str, ...] | None) -> str | None:
        """Write the note and tags typed (an undoable step each), unless another hand changed them since the typing
        began: then the typing goes to the Notebook and theirs stays. Returns why the database refused the typing
        (it is then still unsaved), or None. The text is the note from now on, so the refresh the save causes
        leaves nothing typed, and the box's own undo is emptied (its Ctrl+Z took the typing back in the box while
        the note stayed stored: Ctrl+Z is Edit > Undo of the save)."""
        annotation, draft, notes = self.annotation, self.draft(), self._workspace.annotations
        if annotation is None or draft is None:
            return None

        def save() -> None:  # one step: the note and the tags saved together or not at all
            if text is not None:
                notes.set_note(annotation.id, text, was=draft["base"])
            if tags is not None:
                notes.set_tags(annotation.id, tags, was=draft["base_tags"])

        try:
            if text is not None:
                self.editor.set_note(text)
            if tags is not None:
                self.tags.set_tags(tags)
            self._ops.run_checked("Edit tags" if text is None else "Edit note" if tags is None
                                  else "Edit note and tags", save)
        except (ChangedElsewhere, AnnotationNotFound) as exc:  # rewritten, or deleted, by another hand meanwhile
            if isinstance(exc, ChangedElsewhere):
                self._keep_apart(draft)
            else:
                self._leave_behind(draft)  # back with an Undo of the deletion, else in the Notebook at next start
            self._show_stored(annotation.id)
        except ReaderError as exc:  # still unsaved, still a draft
            if text is not None:
                self.editor.set_saved(annotation.note)
            if tags is not None:
                self.tags.set_tags(annotation.tags)
                self.tags.setText(", ".join(tags))
            return str(exc)
        return None

    def _show_stored(self, annotation_id: int) -> None:
        """The note and tags as stored now, the typing having been kept apart: nothing is left unsaved here, and
        the editor does not show as saved what another hand's text replaced."""
        try:
            now = self._workspace.annotations.get(annotation_id)
        except ReaderError:  # deleted: nothing of it to show
            self.editor.set_note("")
            self.tags.set_tags(())
            return
        self.editor.set_note(now.note)
        self.tags.set_tags(now.tags)

    def delete(self, annotation_id: int) -> None:
        """Show the annotation and delete it (the Delete key or a menu in a pane), as Delete highlight would."""
        if self.annotation is None or self.annotation.id != annotation_id:
            self.show_annotation(annotation_id)
        self._delete_shown()

    def _delete_shown(self) -> None:
        """Delete the annotation, what was typed on it saved first: Undo brings the note back as it was written.
        One that Notebook notes cite is deleted only once the user has seen which (their argument's evidence)."""
        if self.annotation is None or not self._deleting_confirmed(self.annotation.id):
            return
        self.keep_unsaved()
        links = self.links.entries.count()
        if self._change("Delete annotation", lambda a: self._workspace.annotations.delete(a.id)) is not None:
            went = f"the highlight and its {plural(links, 'link')}" if links else "the highlight"
            self._events.told.emit(f"Deleted {went}: Edit > Undo or Edit > Trash brings it back.")

    def _deleting_confirmed(self, annotation_id: int) -> bool:
        from PySide6.QtWidgets import QMessageBox

        citing = self._workspace.notebook.citing(annotation_id)
        if not citing:
            return True
        titles = ", ".join(f"“{note.title or 'untitled'}”" for note in citing[:3]) + (" …" if len(citing) > 3 else "")
        answer = QMessageBox.question(
            self, "Delete a cited highlight?",
            f"Notebook notes cite this highlight: {titles}. Deleted, it is listed in them as in the Trash until "
            "Undo or the Trash brings it back. Delete it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _leave_behind(self, draft: dict | None) -> None:
        """The annotation whose note or tags were being typed is gone (an undo, here or in another program). A new
        step (a Notebook note, say) would end the Redo that brings it back; so the typing is kept as a draft: Redo
        puts it back in the editor, and if the highlight never returns, the next start keeps it in the Notebook."""
        if draft is None:
            return
        self._left_behind = draft
        self._events.told.emit("The highlight being annotated is gone (undone, or deleted, perhaps in another window): "
                               "what you typed is kept and comes back with it (Undo or Redo), else the next start "
                               "keeps it in the Notebook.")

    def _change(self, label: str, change):
        """Run a change of the annotation shown as one undoable step; its result, or None if it failed (said in the
        status bar)."""
        annotation = self.annotation
        return self._ops.run(label, lambda: change(annotation)) if annotation is not None else None

    def _on_tags_changed(self) -> None:
        """A tag renamed, merged or removed everywhere: the annotation shown reads its tags anew (tags being typed
        stay), or the box would keep the old name and write it back when the reader moves on."""
        if self.annotation is not None:
            self.show_annotation(self.annotation.id)

    def _on_annotations_changed(self, document_id: int) -> None:
        if self.annotation is not None and self.annotation.document_id == document_id:
            self.show_annotation(self.annotation.id)  # its new state, or nothing if it went to the Trash
        elif self.annotation is None and self._left_behind and self._left_behind["document_id"] == document_id:
            self.show_annotation(self._left_behind["annotation_id"])  # back, by a Redo? Then the typing with it
        elif self.annotation is None and self._gone is not None and self._gone.document_id == document_id:
            self._show_if_back(self._gone)

    def _show_if_back(self, gone: Annotation) -> None:
        """The annotation shown before it went (deleted, or undone) is shown again if it came back (Undo, Redo)."""
        try:
            self._workspace.annotations.get(gone.id)
        except ReaderError:
            return
        self.show_annotation(gone.id)
