"""Several writers on one database at once, as the window plus command-line scripts are in normal use."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.core.errors import DatabaseBusy, ReaderError
from reader.core.workspace import Workspace

WRITES_EACH = 25


def _writer(path: Path, document_id: int, failures: list[str]) -> None:
    workspace = Workspace.open(path, backup=False)
    try:
        for number in range(WRITES_EACH):
            try:
                annotation = workspace.annotations.create(document_id, number, number + 5, note=f"n{number}")
                workspace.annotations.set_note(annotation.id, f"edited {number}")
            except ReaderError as exc:
                failures.append(str(exc))
    finally:
        workspace.close()


def _reader(path: Path, stop: threading.Event, failures: list[str]) -> None:
    workspace = Workspace.open(path, backup=False)
    try:
        while not stop.is_set():
            try:
                workspace.annotations.all()
                workspace.documents.list()
            except ReaderError as exc:
                failures.append(str(exc))
    finally:
        workspace.close()


def test_three_writers_and_a_reader_never_fail(workspace: Workspace) -> None:
    """Protects concurrent use: writers wait for each other (BEGIN IMMEDIATE, busy timeout) instead of failing."""
    document_id = workspace.documents.list()[0].id
    workspace.wait_for_backup()
    failures: list[str] = []
    stop = threading.Event()
    reader = threading.Thread(target=_reader, args=(workspace.path, stop, failures))
    writers = [threading.Thread(target=_writer, args=(workspace.path, document_id, failures)) for _ in range(3)]
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join()
    stop.set()
    reader.join()
    assert failures == []
    assert len(workspace.annotations.all()) == 3 * WRITES_EACH


def test_a_writer_kept_waiting_too_long_gets_one_line(workspace: Workspace, monkeypatch) -> None:
    """Protects the message after a long wait: one line naming the file, and nothing changed."""
    import reader.core.storage.faults as faults

    document_id = workspace.documents.list()[0].id
    workspace.wait_for_backup()
    other = Workspace.open(workspace.path, backup=False)
    other.db.conn.execute("PRAGMA busy_timeout = 50")
    monkeypatch.setattr(faults, "BUSY_TIMEOUT_S", 0.05)
    try:
        with workspace.db.atomic():
            workspace.annotations.create(document_id, 0, 5)
            try:
                other.annotations.create(document_id, 10, 15)
                raise AssertionError("the second writer should have been refused")
            except DatabaseBusy as exc:
                message = str(exc)
        assert "\n" not in message and str(workspace.path) in message and "nothing was changed" in message
        assert len(other.annotations.all()) == 1
    finally:
        other.close()


def test_a_note_rewritten_elsewhere_is_not_written_over(workspace: Workspace) -> None:
    """A save that says what the note was when the typing began writes nothing over a note another program rewrote
    since (the window saved on moving on, within its second before it looked, over the command line's edit)."""
    import pytest

    from reader.core.errors import ChangedElsewhere

    document_id = workspace.documents.list()[0].id
    highlight = workspace.annotations.create(document_id, 0, 9, note="first")
    elsewhere = Workspace.open(workspace.path, backup=False)
    elsewhere.annotations.set_note(highlight.id, "theirs")
    elsewhere.close()
    steps = workspace.history.next_undo()
    with pytest.raises(ChangedElsewhere):
        workspace.annotations.set_note(highlight.id, "first, mine", was="first")
    assert workspace.annotations.get(highlight.id).note == "theirs" and workspace.history.next_undo() == steps
    assert workspace.annotations.set_note(highlight.id, "theirs, mine", was="theirs").note == "theirs, mine"
    assert workspace.annotations.set_note(highlight.id, "theirs, mine", was="first").note == "theirs, mine"  # the
    # same text already there: nothing of theirs to lose


def test_marks_on_a_selection_of_a_replaced_text_are_refused(workspace: Workspace) -> None:
    """Mark as boilerplate and Mark as entity took a pane's selection onto the new text another program stored the
    moment before: boilerplate, and a person named "me the “Mon", landed on other words. Both are refused."""
    import pytest

    from reader.core.errors import ReaderError

    document = workspace.documents.resolve("000_8339fa2bec93c400.txt")
    shown = workspace.documents.text(document.id)
    start = shown.text.index("The two met")
    elsewhere = Workspace.open(workspace.path, backup=False)
    elsewhere.run("Correct text", lambda: elsewhere.documents.correct_text(document.id, "Added.\n\n" + shown.text))
    elsewhere.close()
    before = workspace.documents.text(document.id).boilerplate
    with pytest.raises(ReaderError, match="select the words again"):
        workspace.documents.set_boilerplate(document.id, start, start + 11, True, shown=shown.version_id)
    with pytest.raises(ReaderError, match="select the words again"):
        workspace.entities.add_mention(document.id, start, start + 11, "PERSON", shown=shown.version_id)
    assert workspace.documents.text(document.id).boilerplate == before


def test_a_correction_made_on_a_replaced_text_is_refused(workspace: Workspace) -> None:
    """Correct text, open for hours on one version while another program stored a newer one: saving replaced the
    newer text with the old one plus the correction, and the other's paragraph was gone. It is refused, saying the
    corrections stay in the editor."""
    import pytest

    from reader.core.errors import ReaderError

    document = workspace.documents.resolve("000_8339fa2bec93c400.txt")
    shown = workspace.documents.text(document.id)
    elsewhere = Workspace.open(workspace.path, backup=False)
    elsewhere.run("Correct text", lambda: elsewhere.documents.correct_text(document.id, "THEIRS.\n\n" + shown.text))
    elsewhere.close()
    with pytest.raises(ReaderError, match="your corrections stay in the editor"):
        workspace.documents.correct_text(document.id, shown.text + " my fix", shown=shown.version_id)
    assert workspace.documents.text(document.id).text.startswith("THEIRS.")
