"""Correcting the text of a document by hand (an OCR misreading): an editor of the current text, stored as a new
version with the notes re-anchored onto it. Loaded when first opened."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reader.core.errors import ReaderError
from reader.ui.plain_text import exact_text, with_line_breaks


class CorrectTextDialog(QDialog):
    """The whole current text, editable; Save (Ctrl+S) keeps it as a new version through `save(text)`, which says
    why the library refused it, or None. A refusal keeps the editor open with the corrections, saying why: it
    closed, and a session of corrections was gone."""

    def __init__(self, text: str, save: Callable[[str], str | None] = lambda _text: None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        self.setWindowTitle("Correct text")
        self.resize(760, 640)
        note = QLabel("Saving stores the corrected text as a new version; notes move with the words they are on, "
                      "and the page view stays aligned. Edit > Undo takes the correction back.", self,
                      wordWrap=True)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self._original = text
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut(QKeySequence.StandardKey.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.refusal = QLabel("", self, wordWrap=True)
        self.refusal.setStyleSheet("color: #b00020")
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)

    def text(self) -> str:
        return with_line_breaks(self._original, exact_text(self.editor))

    def accept(self) -> None:
        refused = self._save(self.text())
        if refused:
            self.refusal.setText(f"Not saved: {refused}. The corrections stay here: save again once the library can "
                                 "be written, or copy them out.")
            self.refusal.show()
            return
        super().accept()

    def reject(self) -> None:
        """Cancel, Escape or the close button: corrections made are not dropped without asking (a letter typed and
        erased is none)."""
        from PySide6.QtWidgets import QMessageBox

        if self.text() != self._original and QMessageBox.question(
                self, "Drop corrections?", "Close without saving the corrections made to this text?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        super().reject()


def correct_pane_text(pane: QWidget) -> None:
    """Open the editor on the pane's current text; its Save stores the text (a refusal is said in it, and in the
    status bar)."""
    shown = pane.version
    CorrectTextDialog(shown.text, lambda text: store_correction(pane, text, shown.version_id), pane).exec()


def store_correction(pane: QWidget, text: str, shown: int) -> str | None:
    """Store the text, corrected from version `shown`, as one undoable step; the views follow from what it changed,
    as after any other step. Returns why the library refused it (or another version is current), or None."""
    events, workspace, document_id = pane.services.events, pane.services.workspace, pane.document_id
    try:
        summary = pane.services.ops.run_checked("Correct text",
                                                lambda: workspace.documents.correct_text(document_id, text, shown))
    except ReaderError as exc:
        events.failed.emit(str(exc))
        return str(exc)
    if summary is None:
        return None
    events.told.emit(f"Text corrected (a new version): {summary.message}. Edit > Undo takes it back.")
    events.text_corrected.emit(document_id)
    return None
