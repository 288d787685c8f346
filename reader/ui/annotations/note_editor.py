"""A Markdown note editor with a live rendered preview (QTextDocument.setMarkdown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from reader.ui.keyed_actions import KeyTable, keyed_action
from reader.ui.plain_text import exact_text

# A note's Markdown as the exports render it: raw HTML shown as text (an editorial "<per protocol>" swallowed the
# rest of the note in the preview)
MARKDOWN_AS_TEXT = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML

NOTE_KEYS = KeyTable("Note panel and Notebook", {"save": ("Save note", ("Ctrl+Return",))})


class NoteEditor(QWidget):
    """Write above, read the rendered note below (stacked, so it fits a narrow sidebar), or side by side (in a wide
    and short bottom dock); Save emits `note_saved`. It remembers the note it was given, so its owner can tell what
    was typed and not saved (`unsaved`)."""

    note_saved = Signal(str)

    def __init__(self, parent: QWidget | None = None, side_by_side: bool = False):
        super().__init__(parent)
        self.source = QPlainTextEdit(self, placeholderText="Write the note in Markdown: **bold**, *italic*, - lists…",
                                     tabChangesFocus=True)  # a keyboard user passing through must not change it
        self.preview = QTextBrowser(self, openExternalLinks=True)
        self.save_button = QPushButton("Save note", self, toolTip="Save note (Ctrl+Return)")
        keyed_action(self, NOTE_KEYS, "save", self.save_button.click, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._shown = ""  # the note as given, saved or not yet
        self.source.textChanged.connect(self._on_source_changed)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.source.installEventFilter(self)
        self.preview.hide()  # until there is a note to render
        splitter = QSplitter(Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical, self)
        splitter.addWidget(self.source)
        splitter.addWidget(self.preview)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        layout.addLayout(buttons)

    def set_note(self, text: str, keep_typed: bool = False) -> None:
        """Show a note; the same text again (the refresh after its own Save) leaves the cursor where it is, and
        what was typed no longer the box's to undo: Ctrl+Z is then Edit > Undo of the save (the box's undo emptied
        it while the note stayed stored, and moving on saved the empty box over it).
        `keep_typed`: the same note read again (its highlight changed colour, say) leaves what is being typed."""
        typed = keep_typed and self.unsaved() is not None
        self._shown = text
        if typed:
            return
        if text != exact_text(self.source):
            self.source.setPlainText(text)
        else:
            self.source.document().clearUndoRedoStacks()

    def set_saved(self, text: str) -> None:
        """What the database holds of this note, the text typed left as it is (a save was refused: it is unsaved)."""
        self._shown = text

    def text(self) -> str:
        return exact_text(self.source)

    def unsaved(self) -> str | None:
        """The text, if it is not the note as last given: typed and not saved."""
        text = self.text()
        return None if text == self._shown else text

    def _on_source_changed(self) -> None:
        """Render the note; the preview shows only what it adds: an empty one, or one repeating a plain note word for
        word, took the room the links below it need (at 1366×768 they were out of view, audit CC N7)."""
        text = exact_text(self.source)
        self.preview.document().setMarkdown(text, MARKDOWN_AS_TEXT)
        self.preview.setVisible(self.preview.toPlainText().split() != text.split())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+Z (and redo) with nothing of the box's own to undo is Edit > Undo: the box took the keys for itself
        even then, so after a save Ctrl+Z did nothing at all."""
        if watched is self.source and event.type() == QEvent.Type.ShortcutOverride and (
                (event.matches(QKeySequence.StandardKey.Undo) and not self.source.document().isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not self.source.document().isRedoAvailable())):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _on_save_clicked(self) -> None:
        self.note_saved.emit(self.text())
