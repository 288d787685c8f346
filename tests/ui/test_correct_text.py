"""Correct text…: the pane's editor stores the edited text as a new version and the notes move with their words."""

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from reader.ui.reading import correct_dialog


def _save_pressed(dialog) -> bool:
    """The editor as Save leaves it: stored and closed, or open with the refusal said."""
    dialog.accept()
    return dialog.result() == dialog.DialogCode.Accepted


def test_corrections_the_library_refused_stay_in_the_editor(window, qtbot, monkeypatch):
    """A read-only library refused the correction and the editor closed, the corrections gone (hours of OCR
    fixes): it stays open with them, saying why in it, until they are saved or dropped on purpose."""
    from reader.core.documents.service import DocumentService
    from reader.core.errors import ReaderError

    def refuse(*_args, **_kwargs):
        raise ReaderError("annotations.db is read-only; nothing was changed")

    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    pane = window.reading_area.open_document(document_id)
    seen = []
    monkeypatch.setattr(DocumentService, "correct_text", refuse)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "exec", lambda self: seen.append(self) or _save_pressed(self))
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "text", lambda self: "[Checked] " + pane.version.text)
    pane.correct_text()
    [dialog] = seen
    assert dialog.result() != dialog.DialogCode.Accepted and "read-only" in dialog.refusal.text()
    assert window.workspace.documents.get(document_id).version_number == 1


def test_correcting_the_text_in_a_pane_moves_its_notes(window, qtbot, monkeypatch):
    """Saving the editor makes version 2, shown in the pane, with the note on the same words at new offsets; the
    status bar says what the correction did (it had said another program stored a new version)."""
    workspace = window.workspace
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    note = workspace.annotations.create_at_quote(document_id, "The two met on November 15, 1934.", note="15 or 24?")
    pane = window.reading_area.open_document(document_id)
    corrected = "[Transcribed by hand.] " + pane.version.text.replace("The two met", "The two men met")
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "exec", _save_pressed)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "text", lambda self: corrected)
    pane.correct_text()
    qtbot.waitUntil(lambda: pane.version.version_number == 2)
    assert pane.view.toPlainText().startswith("[Transcribed by hand.]")
    moved = workspace.annotations.get(note.id)
    assert corrected[moved.start:moved.end] == "The two men met on November 15, 1934."
    assert moved.note == "15 or 24?"
    message = window.statusBar().currentMessage()
    assert message.startswith("Text corrected (a new version): 000_8339fa2bec93c400.txt: 0 annotations on their words, "
                              "1 needs review")  # a word changed inside its quote
    window.ops.follow_outside()  # the next look at other programs' changes finds none: the correction was ours
    assert window.statusBar().currentMessage() == message


def test_undo_takes_a_correction_back_in_the_pane(window, qtbot, monkeypatch):
    """Edit > Undo after Correct text shows the text as it was, the note on its old words; Redo the correction."""
    workspace = window.workspace
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    pane = window.reading_area.open_document(document_id)
    original, shown = pane.version.text, pane.view.toPlainText()
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "exec", _save_pressed)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "text", lambda self: "[By hand.] " + original)
    pane.correct_text()
    qtbot.waitUntil(lambda: pane.view.toPlainText().startswith("[By hand.]"))
    assert window.ops.undo_text() == "Correct text"
    window.ops.undo()
    qtbot.waitUntil(lambda: pane.version.version_number == 1)
    assert pane.view.toPlainText() == shown
    window.ops.redo()
    qtbot.waitUntil(lambda: pane.view.toPlainText().startswith("[By hand.]"))


def test_an_empty_correction_is_refused_in_one_line(window, qtbot, monkeypatch):
    """Saving an empty text stores nothing and says why in the status bar."""
    document_id = window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    pane = window.reading_area.open_document(document_id)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "exec", _save_pressed)
    monkeypatch.setattr(correct_dialog.CorrectTextDialog, "text", lambda self: "  \n")
    pane.correct_text()
    qtbot.waitUntil(lambda: "corrected text is empty" in window.statusBar().currentMessage())
    assert window.workspace.documents.get(document_id).version_number == 1


def test_the_editor_keeps_the_texts_own_separators(qtbot):
    """A text holding paragraph separators (U+2029) or lone carriage returns came back from Correct text… with each
    rewritten as a new line: fixing one typo rewrote them all in the new version. They come back as they were."""
    from reader.ui.reading.correct_dialog import CorrectTextDialog

    text = "Genden met Satlin.\u2029Second paragraph.\rOld Mac line.\r\nWindows line.\nLast."
    dialog = CorrectTextDialog(text)
    qtbot.addWidget(dialog)
    assert dialog.text() == text
    cursor = dialog.editor.document().find("Satlin")
    cursor.insertText("Stalin")
    assert dialog.text() == text.replace("Satlin", "Stalin")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Genden", "Satlin", " ", "\n", "\r", "\r\n", "\u2029", "𝔐", "é"]), max_size=30))
def test_line_breaks_come_back_wherever_the_edit_kept_them(parts):
    """Whatever breaks a text holds, the box's view of it gives it back whole, and a word corrected changes that
    word alone."""
    from reader.ui.plain_text import with_line_breaks

    original = "".join(parts)
    seen = original.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")
    assert with_line_breaks(original, seen) == original
    assert with_line_breaks(original, seen.replace("Satlin", "Stalin")) == original.replace("Satlin", "Stalin")


def test_cancel_after_a_letter_typed_and_erased_asks_nothing(qtbot, monkeypatch):
    """Typing a letter and erasing it made Cancel ask "Drop corrections?" of a text as stored."""
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.reading.correct_dialog import CorrectTextDialog

    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: asked.append(args)))
    dialog = CorrectTextDialog("Genden met Stalin.")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editor, "x")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Backspace)
    dialog.reject()
    assert asked == [] and dialog.result() == dialog.DialogCode.Rejected
