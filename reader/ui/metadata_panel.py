"""The metadata panel: every field of a document's metadata, editable, saved in one core call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.records.documents import DOCUMENT_KINDS, DocumentInfo
from reader.ui.dates_said import said
from reader.ui.held_typing import HeldTyping, typed_fields
from reader.ui.plain_text import exact_text
from reader.ui.reading.header import ElidedLabel

_LINE_FIELDS = (("title", "Title"), ("author", "Author"), ("date_published", "Date published"), ("url", "URL"),
                ("doi", "DOI"), ("language", "Language"))


Save = Callable[[int, dict], str | None]  # (document, changes) -> why the library refused them, or None


class MetadataPanel(QWidget):
    """Shows one document's metadata; `save(document_id, changes)` stores what the user saves; `failed(line)` says
    a refusal; `unkept(text)` is told, on closing, of typing held for another document that the library refused
    again (see HeldTyping); `stored(document_id)` reads a document as stored, for saving that typing then;
    `typing_apart(about, text)` gives the typing on a document gone to the Trash meanwhile, to keep elsewhere."""

    failed = Signal(str)
    typing_apart = Signal(str, str)

    def __init__(self, save: Save, unkept: Callable[[str], None], stored: Callable[[int], DocumentInfo],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._save, self._unkept, self._stored = save, unkept, stored
        self._held = HeldTyping("document_id")  # typing the library refused when another document was chosen
        self._document_id: int | None = None
        self._shown: dict[str, str] = {}  # the fields as last shown or saved: what differs was typed since
        self.file_label = ElidedLabel(self)  # a long file name is cut, not the form widened past its panel
        self.line_edits = {name: QLineEdit(self) for name, _ in _LINE_FIELDS}
        self.kind_box = QComboBox(self)
        self.kind_box.addItems(DOCUMENT_KINDS)
        self.kind_box.setEditable(True)  # the list suggests; any kind a historian uses can be typed
        self.source_note = QPlainTextEdit(self, placeholderText="Where this source comes from, how it was found…",
                                         tabChangesFocus=True)
        self.save_button = QPushButton("Save metadata", self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._lay_out()
        self.show_document(None)

    def _lay_out(self) -> None:
        form = QFormLayout()
        for name, label in _LINE_FIELDS:
            form.addRow(label, self.line_edits[name])
        form.addRow("Kind", self.kind_box)
        form.addRow("Source note", self.source_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

    @property
    def document_id(self) -> int | None:
        """The document shown, if any."""
        return self._document_id

    def show_document(self, info: DocumentInfo | None) -> None:
        """Show a document's metadata. What was typed for another document and not saved is saved first; the same
        document read again (changed elsewhere: another process, an undo) takes the new values of the fields not
        being typed and leaves those that are, so saving neither drops the typing nor puts old values back."""
        same = info is not None and info.id == self._document_id
        if not same:
            self._save_on_leaving()
        typed = {name for name, value in self._values().items() if same and value != self._shown.get(name)}
        self._document_id = info.id if info else None
        self.setEnabled(info is not None)
        if info is None:
            self.file_label.setText("No document selected")
            fresh = {name: "" for name in self._values()}  # no document, no kind (the first would look chosen)
        else:
            self.file_label.setText(f"{info.file_name} · version {info.version_number}")
            fresh = _values_of(info)
        self.file_label.setToolTip(self.file_label.text())
        for name, value in fresh.items():
            if name not in typed:
                self._set_field(name, value)
        self._shown = {**self._values(), **{name: fresh[name] for name in typed}}  # what the typing differs from
        if info is not None and not same:
            self._held.put_back(info.id, fresh, self._set_field, self.failed.emit)

    def _set_field(self, name: str, value: str) -> None:
        if self._values()[name] == value:
            return  # the same again: the cursor stays where it is
        if name == "kind":
            self.kind_box.setCurrentText(value)
        elif name == "source_note":
            self.source_note.setPlainText(value)
        else:
            edit = self.line_edits[name]
            edit.setText(value)
            edit.setCursorPosition(0)  # a long title shows its beginning, not its last letters
            edit.setToolTip(value)

    def _values(self) -> dict[str, str]:
        values = {name: edit.text() for name, edit in self.line_edits.items()}
        return {**values, "kind": self.kind_box.currentText(), "source_note": exact_text(self.source_note)}

    def keep_unsaved(self) -> None:
        """Save what was typed and not saved, as Save would (one undoable step): closing the window must not throw
        away what was written; typing held for other documents is saved too, or told to `unkept` (the close asks
        about it)."""
        typed = self._typed()
        if typed and (refused := self._save_typed()):  # a date it refuses: asked about, as held typing is
            self._unkept(f"{typed_fields(f'metadata of {self.file_label.text()}', typed)} ({refused})")
        for text in self._held.save_fields(lambda document_id: _values_of(self._stored(document_id)), self._store):
            self._unkept(text)

    def _save_on_leaving(self) -> None:
        """Another document is chosen: what was typed is saved, or, refused by the library, held until its document
        is shown again (HeldTyping; not across a restart)."""
        typed = self._typed()
        if not typed:
            return
        document_id, base, about = self._document_id, self._shown, self.file_label.text()
        refused = self._save_typed()
        if refused and self._gone(document_id):  # to the Trash (another program, an undo): held, it was said as
            # "no document with id 3 … comes back when you choose it again", a document no longer listed (DN F2)
            self.typing_apart.emit(about, typed_fields(f"metadata of {about}", typed))
        elif refused:
            self.failed.emit(self._held.hold_fields(document_id, typed, {name: base.get(name) for name in typed},
                                                    refused, f"metadata of {about}"))

    def _gone(self, document_id: int) -> bool:
        try:
            self._stored(document_id)
        except ReaderError:
            return True
        return False

    def _typed(self) -> dict[str, str]:
        """The fields typed since they were shown or saved (none without a document)."""
        if self._document_id is None:
            return {}
        return {name: value for name, value in self._values().items() if value != self._shown.get(name)}

    def _on_save_clicked(self) -> None:
        refused = self._save_typed()
        if refused:
            self.failed.emit(refused)

    def _save_typed(self) -> str | None:
        """Store the fields as shown; why the library refused them (they stay unsaved), or None."""
        if self._document_id is None:
            return None
        before, changes = self._shown, self._values()
        self._shown = changes  # saved as shown: the refresh its saving causes keeps nothing
        refused = self._store(self._document_id, changes)
        if refused:
            self._shown = before
        return refused

    def _store(self, document_id: int, values: dict[str, str]) -> str | None:
        """Store a document's fields as the form reads them; why the library refused them, or None."""
        return self._save(document_id, {name: values[name].strip() for name in self.line_edits}
                          | {"kind": values["kind"], "source_note": values["source_note"]})


def _values_of(info: DocumentInfo) -> dict[str, str]:
    """The fields of a document's metadata, as `_values` reads them from the form: the date as a historian writes
    it (it read "1935 circa" after "c. 1935" was typed, audit DL F2), which is read back as the date it was."""
    values = {name: getattr(info.metadata, name) for name, _label in _LINE_FIELDS}
    values["date_published"] = said(values["date_published"])
    return {**values, "kind": info.metadata.kind, "source_note": info.metadata.source_note}
