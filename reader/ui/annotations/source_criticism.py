"""Source criticism of one document: date written, date of the events, reliability 1–5, provenance; undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields, replace

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from reader.core.annotations.sources import SourceCriticismService
from reader.core.documents.service import DocumentService
from reader.core.errors import ReaderError
from reader.core.records.annotations import SourceCriticism
from reader.ui.events import AnnotationEvents
from reader.ui.held_typing import HeldTyping, typed_fields
from reader.ui.operations import OpRunner
from reader.ui.plain_text import exact_text


class SourceCriticismPanel(QWidget):
    """Edits the fields; Save pushes one command; the panel follows `document_changed` (undo included)."""

    def __init__(self, sources: SourceCriticismService, ops: OpRunner, events: AnnotationEvents,
                 documents: DocumentService, parent: QWidget | None = None,
                 unkept: Callable[[str], None] = lambda _text: None):
        """`documents` names the source being judged (the pane worked in, or the library's choice): with two texts
        open, the fields alone do not say whose they are. `unkept(text)` is told, on closing, of typing held for
        another document (see HeldTyping)."""
        super().__init__(parent)
        self._sources, self._ops, self._events, self._documents = sources, ops, events, documents
        self._unkept, self._held = unkept, HeldTyping("document_id")
        self.about = QLabel(self)
        self._document_id: int | None = None
        self._shown = SourceCriticism()  # the fields as last shown or saved: what differs was typed since
        self.date_written = QLineEdit(self, placeholderText="when the source was written, e.g. 1990 or 1934-11")
        self.events_date = QLineEdit(self, placeholderText="when the events it tells happened")
        self.reliability = QSpinBox(self, minimum=0, maximum=5, specialValueText="not judged")
        self.provenance = QPlainTextEdit(self, placeholderText="Who wrote it, for whom, how it reached us…",
                                         tabChangesFocus=True)
        self.save_button = QPushButton("Save source criticism", self)
        self.save_button.clicked.connect(self._on_save_clicked)
        for edited in (self.date_written.textEdited, self.events_date.textEdited, self.reliability.valueChanged,
                       self.provenance.textChanged):
            edited.connect(lambda *_args: self.about.setText(self._name()))  # "saved" no longer holds
        events.document_changed.connect(self._on_document_changed)
        self._lay_out()
        self.setEnabled(False)

    def _lay_out(self) -> None:
        """The short fields and the provenance side by side: the bottom dock is wide and short (stacked, they grew
        the bottom of the window for good)."""
        form = QFormLayout()
        form.addRow("Date written", self.date_written)
        form.addRow("Date of events", self.events_date)
        form.addRow("Reliability (1–5)", self.reliability)
        form.addRow(self.save_button)
        provenance = QFormLayout()
        provenance.addRow("Source", self.about)
        provenance.addRow("Provenance", self.provenance)
        layout = QHBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(provenance, 2)

    def show_document(self, document_id: int | None) -> None:
        """Show a document's source criticism. What was typed for another document and not saved is saved first;
        the same document read again (changed elsewhere: another process, an undo) takes the new values of the
        fields not being typed and leaves those that are."""
        same = document_id is not None and document_id == self._document_id
        if not same:
            self._save_on_leaving()
        shown = self.criticism()
        typed = {f.name for f in fields(SourceCriticism)
                 if same and getattr(shown, f.name) != getattr(self._shown, f.name)}
        self._document_id = document_id
        self.setEnabled(document_id is not None)
        self.about.setText(self._name() if not same else self.about.text())
        fresh = self._sources.get(document_id) if document_id is not None else SourceCriticism()
        for f in fields(SourceCriticism):
            if f.name not in typed:
                self._set_field(f.name, getattr(fresh, f.name))
        self._shown = replace(self.criticism(), **{name: getattr(fresh, name) for name in typed})
        if document_id is not None and not same:
            self._held.put_back(document_id, asdict(fresh), self._set_field, self._events.failed.emit)

    def _set_field(self, name: str, value) -> None:
        if name == "reliability":
            self.reliability.setValue(value or 0)
        elif name == "provenance_note":
            if exact_text(self.provenance) != value:  # the same again: the cursor stays where it is
                self.provenance.setPlainText(value)
        else:  # date_written, events_date: the boxes are named as the fields
            getattr(self, name).setText(value)

    def keep_unsaved(self) -> None:
        """Save what was typed and not saved, as Save would (one undoable step): closing the window must not throw
        away what was written; typing held for other documents is saved too, or told to `unkept` (the close asks
        about it)."""
        typed = self._typed()
        if typed and (refused := self._save_typed()):  # a date it refuses: asked about, as held typing is
            self._unkept(f"{typed_fields(f'source criticism of {self._name()}', typed)} ({refused})")
        for text in self._held.save_fields(lambda document_id: asdict(self._sources.get(document_id)),
                                           lambda document_id, values: self._store(document_id,
                                                                                   SourceCriticism(**values))):
            self._unkept(text)

    def _save_on_leaving(self) -> None:
        """Another document is chosen: what was typed is saved, or, refused by the library, held until its document
        is shown again (HeldTyping; not across a restart)."""
        typed = self._typed()
        if not typed:
            return
        document_id, base, about = self._document_id, self._shown, self._name()
        refused = self._save_typed()
        if refused:
            self._events.failed.emit(self._held.hold_fields(
                document_id, typed, {name: getattr(base, name) for name in typed}, refused,
                f"source criticism of {about}"))
        elif self._in_trash(document_id):  # another program's doing: kept with it, said (it raised, audit DP F7)
            self._events.told.emit(f"{about} went to the Trash while you typed its source criticism: what you typed "
                                   "is kept with it, and comes back with it (Edit > Trash…)")

    def _in_trash(self, document_id: int) -> bool:
        try:
            self._documents.get(document_id)
        except ReaderError:
            return True
        return False

    def _typed(self) -> dict:
        """The fields typed since they were shown or saved (none without a document)."""
        if self._document_id is None:
            return {}
        now = self.criticism()
        return {f.name: getattr(now, f.name) for f in fields(SourceCriticism)
                if getattr(now, f.name) != getattr(self._shown, f.name)}

    def criticism(self) -> SourceCriticism:
        return SourceCriticism(self.date_written.text().strip(), self.events_date.text().strip(),
                               self.reliability.value() or None, exact_text(self.provenance).strip())

    def _name(self) -> str:
        if self._document_id is None:
            return "no document chosen"
        return self._documents.get(self._document_id, include_trashed=True).file_name  # gone meanwhile: named

    def _on_document_changed(self, document_id: int) -> None:
        if document_id == self._document_id:
            self.show_document(document_id)

    def _on_save_clicked(self) -> None:
        refused = self._save_typed()
        if refused:
            self._events.failed.emit(refused)

    def _save_typed(self) -> str | None:
        """Store the fields as shown (one undoable step); why the library refused them (still unsaved), or None."""
        if self._document_id is None:
            return None
        criticism, before = self.criticism(), self._shown
        self._shown = criticism  # saved as shown: the refresh its saving causes keeps nothing
        refused = self._store(self._document_id, criticism)
        if refused:
            self._shown = before
        else:
            self.about.setText(f"{self._name()}: saved")  # nothing else on screen changes
        return refused

    def _store(self, document_id: int, criticism: SourceCriticism) -> str | None:
        """Store a document's source criticism (one undoable step); why the library refused it, or None."""
        try:
            self._ops.run_checked("Edit source criticism", lambda: self._sources.set(document_id, criticism))
        except ReaderError as exc:
            return str(exc)
        return None
