"""Drafts: what is typed in the Note inspector and the Notebook, kept in the window's session file until it is saved.

A note reaches the database on Save, on moving to another item and on closing. A crash, a power cut, or a database
that refuses the write (read-only, a full disk) would take the typing with it. So a moment after typing stops, what is
unsaved is written to the session file beside the database (the window's QSettings, not the database), and removed
once saved. At the next start, a draft still kept that says what the database does not is saved: on its item if that
is as it was when the typing began, else as a Notebook note.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer

from reader.core.annotations.notebook import NotebookService
from reader.core.errors import ReaderError
from reader.core.wording import one_line
from reader.core.workspace import Workspace
from reader.ui.operations import OpRunner

KEEP_AFTER_MS = 800  # a pause in typing this long writes the draft
GROUP = "drafts"


class DraftKeeper(QObject):
    """Keeps one panel's unsaved typing under `slot`: `draft_of()` says what it is (a dict: text, what it was typed
    on, and what it was saved as, to tell it from what the database now holds; or a list of them), or None when
    nothing is unsaved."""

    def __init__(self, settings: QSettings, slot: str, draft_of: Callable[[], dict | list[dict] | None],
                 parent: QObject,
                 unkept: Callable[[str], None] = lambda text: None):
        """`unkept(text)`: told when a draft could not be written either (the session file's disk is full)."""
        super().__init__(parent)
        self._unkept = unkept
        # one key per process: two windows on one database each keep their own (the slot name, then the process id)
        self._settings, self._key, self._draft_of = settings, f"{GROUP}/{slot}-{os.getpid()}", draft_of
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
        if draft is not None and self._settings.status() != QSettings.Status.NoError:  # not written
            for each in draft if isinstance(draft, list) else [draft]:
                self._unkept(each["text"])


def recover_drafts(settings: QSettings, workspace: Workspace, ops: OpRunner, told: Callable[[str], None]) -> None:
    """Drafts left by a run that ended without saving them are saved (one undoable step each): back on their
    highlight or note when that is still as it was when the typing began (what a clean close would have done), else
    as a Notebook note on their document, so nothing another hand wrote meanwhile is overwritten. One the database
    cannot take yet stays kept for the next start."""
    settings.beginGroup(GROUP)
    slots = settings.childKeys()
    settings.endGroup()
    places, waiting = [], 0
    for slot in slots:
        if _kept_by_a_running_window(slot):
            continue  # another window, still open, keeps it and will save it
        key = f"{GROUP}/{slot}"
        left = []
        for draft in _read(settings.value(key)):
            place = _recover(workspace, ops, draft)
            if place is None:
                left.append(draft)
            elif place != "saved":
                places.append(place)
        if left:
            settings.setValue(key, json.dumps(left, ensure_ascii=False))
            waiting += len(left)
        else:
            settings.remove(key)
    settings.sync()
    if places:
        told(f"Typing not saved when the program last stopped is back: {'; '.join(places)}.")
    elif waiting:
        told("Typing not saved when the program last stopped is kept until the database can be written.")


def _kept_by_a_running_window(slot: str) -> bool:
    """Whether the draft's process (its key ends in the process id) is another one still running. Elsewhere than
    on POSIX no process is asked (there, signal 0 would end it): its drafts are taken as left behind."""
    _name, _, pid = slot.rpartition("-")
    if not pid.isdigit() or int(pid) == os.getpid() or os.name != "posix":
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running
        return True
    return True


def _read(value: object) -> list[dict]:
    """The drafts a slot keeps (one, or a list of them); none if it is not one of ours."""
    try:
        kept = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return []
    return [draft for draft in (kept if isinstance(kept, list) else [kept])
            if isinstance(draft, dict) and isinstance(draft.get("text"), str)]


def _recover(workspace: Workspace, ops: OpRunner, draft: dict) -> str | None:
    """Where the draft went ('saved' if it already was), or None if the database refused it."""
    state = _state(workspace, draft)
    if state == "saved":
        return "saved"
    if state == "as it was":
        done = ops.run("Recover unsaved typing", lambda: _put_back(workspace, draft))
        return None if done is None else f"on its {'highlight' if 'annotation_id' in draft else 'note'}"
    note = ops.run("Recover unsaved typing", lambda: draft_as_note(workspace.notebook, draft))
    return None if note is None else f"in the Notebook, as “{note.title}”"


def _state(workspace: Workspace, draft: dict) -> str:
    """'saved' (the database holds the draft), 'as it was' (its item unchanged since the typing began) or 'other'
    (its item gone, or changed by another hand meanwhile)."""
    try:
        if "annotation_id" in draft:
            annotation = workspace.annotations.get(int(draft["annotation_id"]))
            now = (annotation.note, sorted(annotation.tags))
            typed, base = (draft["text"], sorted(draft.get("tags", []))), (draft.get("base"),
                                                                            sorted(draft.get("base_tags", [])))
        elif "note_id" in draft:
            note = workspace.notebook.get(int(draft["note_id"]))
            now, typed, base = ((note.body, note.title), (draft["text"], draft.get("title")),
                                (draft.get("base"), draft.get("base_title")))
        else:
            return "other"
    except (ReaderError, TypeError, ValueError):
        return "other"
    return "saved" if now == typed else "as it was" if now == base else "other"


def _put_back(workspace: Workspace, draft: dict):
    """The draft saved on its item, as Save would have."""
    if "annotation_id" in draft:
        annotation_id = int(draft["annotation_id"])
        workspace.annotations.set_tags(annotation_id, draft.get("tags", []))
        return workspace.annotations.set_note(annotation_id, draft["text"])
    return workspace.notebook.edit(int(draft["note_id"]), body=draft["text"], title=draft.get("title", ""))


def draft_as_note(notebook: NotebookService, draft: dict):
    """The draft as a Notebook note: its text, then what it was typed on (and tags typed), on its document if that
    is still in the library."""
    about = draft.get("about", "")
    on = (f"Typed on the highlight “{about}”" if "annotation_id" in draft else f"Typed in the {about}") if about else ""
    parts = [draft["text"], on,
             f"Tags: {', '.join(draft['tags'])}" if draft.get("tags") else ""]
    body = "\n\n".join(part for part in parts if part)
    title = (f"Recovered: {draft.get('title') or 'untitled note'}" if "note_id" in draft
             else f"Recovered: note on “{one_line(draft.get('about', ''), 50)}”")
    try:
        return notebook.create(body, title, draft.get("document_id"))
    except ReaderError:  # its document went to the Trash meanwhile: a free-standing note
        return notebook.create(body, title)
