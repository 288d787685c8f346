"""The research notebook: free-standing notes and notes on a whole document, in Markdown, citing passages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.notebook import NotebookService, NoteNotFound
from reader.core.annotations.service import AnnotationService
from reader.core.annotations.trash import TrashService
from reader.core.documents.service import DocumentService
from reader.core.errors import ChangedElsewhere, DocumentNotFound, ReaderError
from reader.core.records.annotations import NotebookNote, Passage
from reader.ui.annotations.link_dialog import TargetPicker
from reader.ui.annotations.note_editor import NoteEditor
from reader.ui.drafts import draft_as_note
from reader.ui.events import AnnotationEvents
from reader.ui.held_typing import HeldTyping
from reader.ui.operations import OpRunner

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole


def _changed_under(draft: dict, now: NotebookNote, body_typed: bool) -> bool:
    """Whether another hand changed the note's text or title, being typed, to something else than the draft."""
    title_typed = draft["title"] != draft["base_title"]
    return (body_typed and now.body not in (draft["base"], draft["text"])) or \
        (title_typed and now.title not in (draft["base_title"], draft["title"]))


class CiteDialog(QDialog):
    """Pick the annotation or passage (any document) a note cites."""

    def __init__(self, annotations: AnnotationService, documents: DocumentService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Cite a passage")
        self.picker = TargetPicker(annotations, documents, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.picker.bind_ok(self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)


class NotebookPanel(QWidget):
    """Notes of one scope (the notebook, or one document) with an editor; every change is one undoable operation."""

    citation_activated = Signal(int)
    typing_changed = Signal()  # what is unsaved may have changed: the drafts look again (drafts.py)

    def __init__(self, notebook: NotebookService, annotations: AnnotationService, documents: DocumentService,
                 trash: TrashService, ops: OpRunner, events: AnnotationEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._notebook, self._annotations, self._documents, self._trash = notebook, annotations, documents, trash
        self._ops, self._events = ops, events
        self._notes: list[NotebookNote] = []
        self._shown: NotebookNote | None = None  # the note in the editor, as last read or saved
        self._held = HeldTyping("note_id")
        self._own_notes_chosen = False  # the user chose the Notebook's own notes in the scope box: they stay
        self.passage_in_reading: Callable[[], tuple[int, tuple[int, int] | None] | None] = lambda: None  # the
        # document read and its selection, as the reading area says (the window sets it)
        self.scope_box = QComboBox(self)
        self.note_list = QListWidget(self)
        self.new_button, self.delete_button = QPushButton("New note", self), QPushButton("Delete", self)
        self.title_edit = QLineEdit(self, placeholderText="Title")
        self.editor = NoteEditor(self, side_by_side=True)  # the bottom dock is wide and short
        self.citation_list = QListWidget(self, wordWrap=True)  # a quote wraps in the narrow column: it was cut
        self.citation_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # behind a scroll bar
        self.citation_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # ... and wraps again when widened
        self.cite_button = QPushButton("Cite a passage…", self)
        self._connect()
        self._lay_out()
        self.refresh()

    def _connect(self) -> None:
        self.scope_box.currentIndexChanged.connect(self._on_scope_changed)
        self.scope_box.activated.connect(self._on_scope_chosen)
        self.note_list.currentRowChanged.connect(self._on_current_row_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.editor.note_saved.connect(self._on_note_saved)
        self.cite_button.clicked.connect(self._on_cite_clicked)
        self.editor.source.textChanged.connect(self.typing_changed)
        self.title_edit.textChanged.connect(self.typing_changed)
        self.citation_list.itemActivated.connect(
            lambda item: self.citation_activated.emit(item.data(NOTE_ID_ROLE)))
        self._events.notebook_changed.connect(self._reload_notes)

    def _lay_out(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.scope_box)
        left_layout.addWidget(self.note_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        cited = QVBoxLayout()  # the note's citations beside it: stacked below, they grew the bottom of the window
        cited.addWidget(self.citation_list, 1)
        cited.addWidget(self.cite_button)
        body = QHBoxLayout()
        body.addWidget(self.editor, 3)
        body.addLayout(cited, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title_edit)
        right_layout.addLayout(body, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)  # the dock has its own
        outer.addWidget(splitter)

    def refresh(self, *_args) -> None:
        """Re-read the scopes (documents change) and the notes."""
        chosen = self.scope_box.currentData()
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem("Notebook", None)
        for info in self._documents.list():
            self.scope_box.addItem(f"Notes on: {info.title}", info.id)
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(chosen)))
        self.scope_box.blockSignals(False)
        self._reload_notes()

    def show_document(self, document_id: int | None) -> None:
        """Follow the document worked in, unless the Notebook's own notes were chosen in the box: a note being
        written there stays in view while the reader moves between panes (to cite a passage, say)."""
        if not self._own_notes_chosen:
            self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(document_id)))

    def _on_scope_chosen(self, _index: int) -> None:
        self._own_notes_chosen = self.scope_box.currentData() is None

    def current_note(self) -> NotebookNote | None:
        row = self.note_list.currentRow()
        return self._notes[row] if 0 <= row < len(self._notes) else None

    def show_note(self, note_id: int) -> None:
        """Choose a note wherever it is (a search found it): the box turned to its document's notes, or to the
        Notebook's own, as if chosen there (kept while the reader moves between documents)."""
        document_id = self._notebook.get(note_id).document_id
        self.scope_box.setCurrentIndex(max(0, self.scope_box.findData(document_id)))
        self._on_scope_chosen(self.scope_box.currentIndex())
        self.select_note(note_id)

    def select_note(self, note_id: int) -> None:
        ids = [note.id for note in self._notes]
        self.note_list.setCurrentRow(ids.index(note_id) if note_id in ids else -1)

    def _reload_notes(self, *_args) -> None:
        current = self.current_note()
        scope = self.scope_box.currentData()
        self._notes = self._notebook.notebook() if scope is None else self._notebook.for_document(scope)
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in self._notes:
            self.note_list.addItem(note.title or (note.body.strip().splitlines() or ["(untitled)"])[0])
        self.note_list.blockSignals(False)
        self.select_note(current.id if current else -1)
        self._on_current_row_changed(self.note_list.currentRow())

    def _on_scope_changed(self, *_args) -> None:
        self.note_list.setCurrentRow(-1)
        self._reload_notes()

    def _on_current_row_changed(self, _row: int) -> None:
        """Show the chosen note. What was typed into another note and not saved is saved first; the same note read
        again (a citation added, an undo) leaves what is being typed."""
        note = self.current_note()
        same = note is not None and self._shown is not None and note.id == self._shown.id
        if not same:
            self._save_on_leaving()
        draft = self.draft() if same else None
        apart = draft is not None and not self._ops.stepping and \
            _changed_under(draft, note, self.editor.unsaved() is not None)  # not the reader's own Undo (DM 2)
        same = same and not apart  # the other hand's note is shown; the typing is kept apart, below
        title_typed = same and self.title_edit.text().strip() != self._shown.title
        self._shown = note
        for widget in (self.title_edit, self.editor, self.citation_list, self.cite_button, self.delete_button):
            widget.setEnabled(note is not None)
        if not title_typed:
            self.title_edit.setText(note.title if note else "")
        self.editor.set_note(note.body if note else "", keep_typed=same)
        self._show_citations(note.citations if note else ())
        if not same and note is not None:
            self._take_back_held(note)
        self.typing_changed.emit()
        if apart:
            self._keep_apart(draft)

    def _take_back_held(self, note: NotebookNote) -> None:
        """Typing the database refused on moving on goes back in the editor with its note, unsaved; or, the note
        changed by another hand meanwhile, to a note of its own."""
        held = self._held.take(note.id)
        if held is None:
            return
        if _changed_under(held, note, True):
            self._keep_apart(held)
            return
        self.title_edit.setText(held["title"])
        self.editor.source.setPlainText(held["text"])

    def _keep_apart(self, draft: dict, deleted: bool = False) -> None:
        """Typing in a note another hand rewrote or deleted meanwhile (another window, the command line) becomes a
        note of its own, as a recovered draft does: saved on moving on, it wrote over the other's text without a
        word."""
        kept = self._ops.run("Keep typing apart", lambda: draft_as_note(self._notebook, draft))
        if kept is not None:
            self._events.told.emit(f"This note was {'deleted' if deleted else 'changed'} elsewhere while you typed: "
                                   f"what you typed is kept as “{kept.title}”.")

    def draft(self) -> dict | None:
        """What is typed into the note shown and not saved, kept against a crash or a refused write (drafts.py)."""
        note, title = self._shown, self.title_edit.text().strip()
        if note is None or (self.editor.unsaved() is None and title == note.title):
            return None
        return {"note_id": note.id, "document_id": note.document_id, "text": self.editor.text(), "title": title,
                "base": note.body, "base_title": note.title, "about": f"Notebook note “{title or note.title}”"}

    def held(self) -> list[dict] | None:
        """The drafts of typing the database refused when another note was chosen (kept like `draft`), or None."""
        return self._held.drafts()

    def keep_unsaved(self) -> None:
        """Save the title and text typed into the note shown and not saved, as Save would (one undoable step):
        choosing another scope or closing the window must not throw away what was written. A refusal is said."""
        refused = self._save_typing()
        if refused:
            self._events.failed.emit(refused)

    def _save_on_leaving(self) -> None:
        """Another note is chosen: what was typed is saved, or, refused by the database, held (HeldTyping)."""
        draft = self.draft()
        refused = self._save_typing()
        if refused and draft is not None:
            self._events.failed.emit(self._held.hold(draft, refused, f"in the {draft['about']}"))

    def _save_typing(self) -> str | None:
        """Write the title and text typed (one undoable step) unless another hand changed the note since the typing
        began: then the typing becomes a note of its own. Returns why the database refused it (still unsaved, still
        a draft), or None."""
        note, draft = self._shown, self.draft()
        if note is None or draft is None:
            return None
        self._shown = None  # kept now: the refresh its saving causes has nothing more to keep
        try:
            self._ops.run_checked("Edit notebook note", lambda: self._notebook.edit(
                note.id, body=draft["text"], title=draft["title"], citations=note.citations,
                was=(draft["base"], draft["base_title"])))
        except (ChangedElsewhere, NoteNotFound) as exc:  # rewritten, or deleted, elsewhere: the typing a note of its
            self._keep_apart(draft, deleted=isinstance(exc, NoteNotFound))  # own
        except ReaderError as exc:
            self._shown = note
            return str(exc)
        return None

    def _show_citations(self, annotation_ids: tuple[int, ...]) -> None:
        self.citation_list.clear()
        for annotation_id in annotation_ids:
            found = self._annotations.cited(annotation_id)
            if found is None:
                continue  # gone for good (its document emptied from the Trash): nothing left to point at
            annotation, trashed = found
            title = self._title(annotation.document_id)
            cited = f"“{' '.join(annotation.quote.exact.split())}” — {title}"
            item = QListWidgetItem(f"In the Trash: {cited}" if trashed else cited)
            item.setData(NOTE_ID_ROLE, annotation_id)
            if trashed:  # nowhere to go until it is restored
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.citation_list.addItem(item)

    def _title(self, document_id: int) -> str:
        try:
            return self._documents.get(document_id).title
        except DocumentNotFound:
            return "a document in the Trash"

    def _on_new_clicked(self) -> None:
        scope = self.scope_box.currentData()
        created = self._ops.run("Add notebook note", lambda: self._notebook.create("", "", scope))
        if created is not None:
            self.select_note(created.id)
            self.title_edit.setFocus()  # a new note is named first; the box's placeholder says so

    def _on_delete_clicked(self) -> None:
        """What was typed into the note is saved first (its own step), so that it goes to the Trash as written and
        Restore gives it back so; a refusal is said, and the note stays. A note another hand rewrote or deleted
        since is not deleted unseen (audit DC 5, DF 4): the typing goes apart, and the note is shown as it is now."""
        note = self.current_note()
        if note is None:
            return
        apart = self._changed_elsewhere(note)
        if apart and self.draft() is None:
            self._events.told.emit("This note was changed or deleted elsewhere since it was shown: nothing was "
                                   "deleted, and it is shown as it is now.")
            self._reload_notes()
            return
        refused = self._save_typing()
        if refused:
            self._events.failed.emit(refused)
        elif not apart:
            self._ops.run("Delete notebook note", lambda: self._trash.delete("note", note.id))

    def _changed_elsewhere(self, note: NotebookNote) -> bool:
        """Whether another hand rewrote or deleted the note since it was shown, or since what is typed in it
        began."""
        draft = self.draft()
        try:
            stored = self._notebook.get(note.id)
        except NoteNotFound:
            return True
        if draft is None:
            return (stored.body, stored.title) != (note.body, note.title)
        fields = ((stored.body, draft["base"], draft["text"]), (stored.title, draft["base_title"], draft["title"]))
        return any(now not in (begun, typed) for now, begun, typed in fields)  # each as it began or as typed (the
        # other hand writing just what was typed): nothing to keep apart

    def _on_note_saved(self, _body: str) -> None:
        """Save or Ctrl+Return: as moving on saves (over nothing another hand wrote meanwhile)."""
        self.keep_unsaved()

    def _on_cite_clicked(self) -> None:
        """Cite a passage…, starting on the passage selected in the text read (`passage_in_reading`), or on that
        text: the dialog started on the library's first document, and the passage was found and selected again."""
        dialog = CiteDialog(self._annotations, self._documents, self)
        reading = self.passage_in_reading()
        if reading is not None:
            document_id, selection = reading
            if selection is None:
                dialog.picker.show_document(document_id)
            else:
                dialog.picker.choose(document_id, *selection)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.picker.target() is not None:
            self.cite(dialog.picker.target())

    def cite(self, target: int | Passage) -> None:
        """Add a citation to the current note; a passage first becomes a highlight (one undo step for both)."""
        note = self.current_note()
        if note is None:
            return
        body, title, draft = self.editor.text(), self.title_edit.text().strip(), self.draft()  # citing saves it

        def cite_it() -> None:
            cited = target
            if isinstance(cited, Passage):  # made on the text the passage was chosen in, or refused
                cited = self._annotations.create(cited.document_id, cited.start, cited.end, shown=cited.shown).id
            self._notebook.edit(note.id, body=body, title=title, citations=(*note.citations, cited),
                                was=(note.body, note.title))  # the note as shown: never over another's change

        try:
            self._ops.run_checked("Cite passage", cite_it)
        except ChangedElsewhere:
            self._cited_too_late(draft)
        except ReaderError as exc:
            self._events.failed.emit(str(exc))

    def _cited_too_late(self, draft: dict | None) -> None:
        """The note was changed elsewhere after it was shown: nothing is cited, the typing kept apart, and the note
        shown as it now is."""
        if draft is not None:
            self._shown = None  # kept apart: the refresh its keeping causes has nothing more to keep
            self._keep_apart(draft)
        self._reload_notes()
        kept = ", and what you typed is kept as a note of its own" if draft is not None else ""
        self._events.failed.emit(f"This note was changed elsewhere (another window or the command line): nothing was "
                                 f"cited; its new text is shown{kept}. Cite the passage again.")
