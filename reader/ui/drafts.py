"""Drafts: what is typed in the Note inspector and the Notebook, kept in the window's session file until it is saved.

A note reaches the database on Save, on moving to another item and on closing. A crash, a power cut, or a database
that refuses the write (read-only, a full disk) would take the typing with it. So a moment after typing stops, what is
unsaved is written to the session file beside the database (the window's QSettings, not the database), and removed
once saved. At the next start, a draft still kept that says what the database does not comes back as a Notebook note.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer

from reader.core.errors import ReaderError
from reader.core.workspace import Workspace
from reader.ui.operations import OpRunner

KEEP_AFTER_MS = 800  # a pause in typing this long writes the draft
GROUP = "drafts"
RECOVERED_TITLE = "Recovered: typed and not saved when the program last stopped"


class DraftKeeper(QObject):
    """Keeps one panel's unsaved typing under `slot`: `draft_of()` says what it is (a dict: text, what it was typed
    on, and what it was saved as, to tell it from what the database now holds), or None when nothing is unsaved."""

    def __init__(self, settings: QSettings, slot: str, draft_of: Callable[[], dict | None], parent: QObject):
        super().__init__(parent)
        self._settings, self._key, self._draft_of = settings, f"{GROUP}/{slot}", draft_of
        self._timer = QTimer(self, singleShot=True, interval=KEEP_AFTER_MS)
        self._timer.timeout.connect(self.keep_now)

    def typing_changed(self, *_args) -> None:
        self._timer.start()

    def keep_now(self) -> None:
        """Write the draft (or remove it, nothing being unsaved) at once: when the window closes, after its panels
        saved what they could."""
        self._timer.stop()
        draft = self._draft_of()
        if draft is None and not self._settings.contains(self._key):
            return
        if draft is None:
            self._settings.remove(self._key)
        else:
            self._settings.setValue(self._key, json.dumps(draft, ensure_ascii=False))
        self._settings.sync()


def recover_drafts(settings: QSettings, workspace: Workspace, ops: OpRunner, told: Callable[[str], None]) -> None:
    """Drafts left by a run that ended without saving them become Notebook notes (one undoable step each), on the
    document they were typed about; one the database cannot take yet stays kept for the next start."""
    settings.beginGroup(GROUP)
    slots = settings.childKeys()
    settings.endGroup()
    recovered, waiting = 0, 0
    for slot in slots:
        key = f"{GROUP}/{slot}"
        draft = _read(settings.value(key))
        if draft is None or _saved_already(workspace, draft):
            settings.remove(key)
        elif ops.run("Recover unsaved typing", lambda draft=draft: _as_note(workspace, draft)) is not None:
            settings.remove(key)
            recovered += 1
        else:
            waiting += 1
    settings.sync()
    if recovered:
        told(f"Typing not saved when the program last stopped is back, in the Notebook: {RECOVERED_TITLE!r}.")
    elif waiting:
        told("Typing not saved when the program last stopped is kept until the database can be written.")


def _read(value: object) -> dict | None:
    try:
        draft = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return draft if isinstance(draft, dict) and isinstance(draft.get("text"), str) else None


def _saved_already(workspace: Workspace, draft: dict) -> bool:
    """Whether the database holds what the draft says (its item saved after all, on closing or elsewhere)."""
    try:
        if "annotation_id" in draft:
            annotation = workspace.annotations.get(int(draft["annotation_id"]))
            return annotation.note == draft["text"] and list(annotation.tags) == list(draft.get("tags") or
                                                                                    annotation.tags)
        if "note_id" in draft:
            note = workspace.notebook.get(int(draft["note_id"]))
            return note.body == draft["text"] and note.title == draft.get("title", note.title)
    except (ReaderError, TypeError, ValueError):
        return False
    return False


def _as_note(workspace: Workspace, draft: dict):
    """The draft as a Notebook note: its text, then what it was typed on (and tags typed), on its document if that
    is still in the library."""
    parts = [draft["text"], f"> {draft.get('about', '')}" if draft.get("about") else "",
             f"Tags: {', '.join(draft['tags'])}" if draft.get("tags") else ""]
    body = "\n\n".join(part for part in parts if part)
    document_id = draft.get("document_id")
    try:
        return workspace.notebook.create(body, RECOVERED_TITLE, document_id)
    except ReaderError:  # its document went to the Trash meanwhile: a free-standing note
        return workspace.notebook.create(body, RECOVERED_TITLE)
