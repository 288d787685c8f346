"""Undo/redo of every annotation command through a real QUndoStack over a real database."""

from __future__ import annotations

import pytest

from reader.core.annotations.models import Passage, SourceCriticism
from reader.ui.commands import (
    CreateAnnotationCommand,
    CreateLinkCommand,
    CreateNotebookNoteCommand,
    DeleteAnnotationCommand,
    DeleteLinkCommand,
    EditLinkCommand,
    EditNotebookNoteCommand,
    EditNoteCommand,
    RenameTagCommand,
    SetColorCommand,
    SetSourceCriticismCommand,
    SetTagsCommand,
    TrashCommand,
    UpdateMetadataCommand,
)


@pytest.fixture
def annotation(workspace):
    document = workspace.documents.list()[0]
    return workspace.annotations.create_at_quote(document.id, "Genden", note="first", tags=["a"])


def round_trip(stack, command, read, before, after):
    """Push, undo, redo: `read()` shows `after`, `before`, `after`."""
    stack.push(command)
    assert read() == after
    stack.undo()
    assert read() == before
    stack.redo()
    assert read() == after


def test_create_annotation_undo_redo_keeps_the_id(workspace, stack, events, qtbot):
    """Undo of a highlight trashes it, redo restores the same annotation; each refreshes its document."""
    document_id = workspace.documents.list()[0].id
    command = CreateAnnotationCommand(workspace.annotations, events, document_id, 0, 6, "green", "", ("x",))
    with qtbot.waitSignal(events.annotations_changed, check_params_cb=lambda d: d == document_id):
        stack.push(command)
    created = workspace.annotations.get(command.annotation_id)
    assert (created.color, created.tags) == ("green", ("x",))
    stack.undo()
    assert workspace.annotations.for_document(document_id) == []
    stack.redo()
    assert workspace.annotations.for_document(document_id)[0].id == command.annotation_id


def test_delete_annotation_undo(workspace, stack, events, annotation):
    """Deleting then undoing brings the annotation back with its tags."""
    round_trip(stack, DeleteAnnotationCommand(workspace.annotations, events, annotation.id),
               lambda: [a.tags for a in workspace.annotations.for_document(annotation.document_id)], [("a",)], [])


@pytest.mark.parametrize(("make", "read", "after"), [
    (lambda w, e, a: EditNoteCommand(w.annotations, e, a.id, "**second**"), lambda w, a: w.annotations.get(a.id).note,
     "**second**"),
    (lambda w, e, a: SetColorCommand(w.annotations, e, a.id, "pink"), lambda w, a: w.annotations.get(a.id).color,
     "pink"),
    (lambda w, e, a: SetTagsCommand(w.annotations, e, a.id, ("b", "c")), lambda w, a: w.annotations.get(a.id).tags,
     ("b", "c")),
])
def test_annotation_edits_undo(workspace, stack, events, annotation, make, read, after):
    """Note, colour and tag edits each undo to the old value and redo to the new."""
    round_trip(stack, make(workspace, events, annotation), lambda: read(workspace, annotation),
               read(workspace, annotation), after)


def test_link_to_a_passage_undo_removes_the_made_annotation(workspace, stack, events, annotation, qtbot):
    """Undoing a link to a passage trashes the link and the highlight it created; redo brings both back."""
    other = workspace.documents.list()[1]
    command = CreateLinkCommand(workspace.links, events, annotation.id, Passage(other.id, 0, 10), "contradicts")
    with qtbot.waitSignal(events.links_changed):
        stack.push(command)
    assert len(workspace.comparisons.list()) == 1 and len(workspace.annotations.for_document(other.id)) == 1
    stack.undo()
    assert workspace.comparisons.list() == [] and workspace.annotations.for_document(other.id) == []
    stack.redo()
    assert len(workspace.comparisons.list()) == 1 and len(workspace.annotations.for_document(other.id)) == 1


def test_link_edit_and_delete_undo(workspace, stack, events, annotation):
    """Changing a link's relation and note, and deleting it, both undo."""
    other = workspace.annotations.create_at_quote(workspace.documents.list()[1].id, "Stalin")
    link = workspace.links.link(annotation.id, other.id, "corroborates")
    round_trip(stack, EditLinkCommand(workspace.links, events, link.id, "derives_from", "copied"),
               lambda: (workspace.links.get(link.id).relation, workspace.links.get(link.id).note),
               ("corroborates", ""), ("derives_from", "copied"))
    round_trip(stack, DeleteLinkCommand(workspace.links, events, link.id), lambda: len(workspace.comparisons.list()),
               1, 0)


def test_rename_tag_undo(workspace, stack, events, annotation):
    """Merging tag 'a' into 'b' undoes back to the two tags as they were."""
    other = workspace.annotations.create_at_quote(workspace.documents.list()[1].id, "Stalin", tags=["b"])
    round_trip(stack, RenameTagCommand(workspace.tags, events, "a", "b"),
               lambda: (workspace.annotations.get(annotation.id).tags, workspace.annotations.get(other.id).tags),
               (("a",), ("b",)), (("b",), ("b",)))


def test_metadata_and_source_criticism_undo(workspace, stack, events):
    """Metadata and source-criticism edits undo to the old values."""
    document_id = workspace.documents.list()[0].id
    old_title = workspace.documents.get(document_id).metadata.title
    round_trip(stack, UpdateMetadataCommand(workspace.documents, events, document_id, {"title": "New title"}),
               lambda: workspace.documents.get(document_id).metadata.title, old_title, "New title")
    judged = SourceCriticism(date_written="1990", events_date="1934", reliability=2, provenance_note="memoir")
    round_trip(stack, SetSourceCriticismCommand(workspace.sources, events, document_id, judged),
               lambda: workspace.sources.get(document_id), SourceCriticism(), judged)


def test_notebook_note_commands_undo(workspace, stack, events, annotation):
    """Writing a notebook note and editing it both undo; undoing the creation trashes it."""
    create = CreateNotebookNoteCommand(workspace.notebook, events, "Dates differ", citations=(annotation.id,))
    round_trip(stack, create, lambda: [n.body for n in workspace.notebook.notebook()], [], ["Dates differ"])
    round_trip(stack, EditNotebookNoteCommand(workspace.notebook, events, create.note_id, "T", "Resolved", ()),
               lambda: workspace.notebook.get(create.note_id).body, "Dates differ", "Resolved")


def test_trash_restore_undo(workspace, stack, events, annotation):
    """Restoring from the Trash undoes back into the Trash."""
    workspace.annotations.delete(annotation.id)
    round_trip(stack, TrashCommand(workspace.trash, events, "annotation", annotation.id),
               lambda: [i.id for i in workspace.trash.items()], [annotation.id], [])


def test_failing_command_reports_and_leaves_the_stack(workspace, stack, events, qtbot):
    """A core error (unknown colour) is reported on `failed` and the command is dropped from the stack."""
    document_id = workspace.documents.list()[0].id
    with qtbot.waitSignal(events.failed, check_params_cb=lambda m: m.startswith("unknown colour")):
        stack.push(CreateAnnotationCommand(workspace.annotations, events, document_id, 0, 5, "mauve"))
    assert stack.count() == 0 and workspace.annotations.for_document(document_id) == []
