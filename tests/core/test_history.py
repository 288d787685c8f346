"""Every user change is an operation with an undo step in the database: undo restores what was, redo what became."""

from __future__ import annotations

from contextlib import closing

import pytest

from reader.core.errors import ReaderError
from reader.core.records.annotations import SourceCriticism
from reader.core.workspace import Workspace


def _snapshot(workspace: Workspace) -> tuple:
    """What a user can see of the data: documents with metadata, notes with tags, links, notebook, searches."""
    documents = [(info.id, info.metadata, info.annotation_count, info.boilerplate_chars)
                 for info in workspace.documents.list()]
    annotations = [(a.id, a.start, a.end, a.color, a.note, a.tags) for a in workspace.annotations.all()]
    links = [(c.link_id, c.relation, c.note) for c in workspace.comparisons.list()]
    notes = [(n.id, n.title, n.body, n.citations) for n in workspace.notebook.notebook()]
    return (documents, annotations, links, notes, workspace.search.saved(), workspace.search.search("Genden").counts,
            [workspace.sources.get(info.id) for info in workspace.documents.list()])


def _operations(workspace: Workspace):
    infos = workspace.documents.list()
    first, second = infos[0].id, infos[1].id
    made = {}
    yield "add", lambda: made.setdefault("a", workspace.annotations.create(first, 0, 10, note="first note"))
    yield "add second", lambda: made.setdefault("b", workspace.annotations.create(second, 5, 20, tags=["x"]))
    yield "note", lambda: workspace.annotations.set_note(made["a"].id, "edited")
    yield "colour", lambda: workspace.annotations.set_color(made["a"].id, "green")
    yield "tags", lambda: workspace.annotations.set_tags(made["a"].id, ["meeting", "x"])
    yield "link", lambda: made.setdefault("l", workspace.links.link(made["a"].id, made["b"].id, "contradicts"))
    yield "edit link", lambda: workspace.links.update(made["l"].id, note="dates differ")
    yield "rename tag", lambda: workspace.tags.rename("x", "y")
    yield "notebook", lambda: workspace.notebook.create("a thought", "Title", citations=(made["a"].id,))
    yield "metadata", lambda: workspace.documents.update_metadata(first, {"author": "Anon", "kind": "primary"})
    yield "criticism", lambda: workspace.sources.set(first, SourceCriticism("1935", "1934", 4, "archive"))
    yield "boilerplate", lambda: workspace.documents.set_boilerplate(second, 0, 40, True)
    yield "save search", lambda: workspace.search.save("meeting", "tag:meeting")
    yield "delete annotation", lambda: workspace.annotations.delete(made["b"].id)
    yield "delete document", lambda: workspace.documents.delete(first)


def test_each_operation_undoes_and_redoes_exactly(workspace: Workspace) -> None:
    """Protects undo: after each operation, undo gives back the state before and redo the state after."""
    for name, change in _operations(workspace):
        before = _snapshot(workspace)
        change()
        after = _snapshot(workspace)
        assert before != after, name
        workspace.history.undo()
        assert _snapshot(workspace) == before, name
        workspace.history.redo()
        assert _snapshot(workspace) == after, name


def test_undo_walks_back_through_everything_and_survives_a_restart(workspace: Workspace) -> None:
    """The history is data in the database: after a restart every step can still be undone, newest first."""
    start = _snapshot(workspace)
    steps = [name for name, change in _operations(workspace) if change() or True]
    workspace.close()
    reopened = Workspace.open(workspace.path)
    labels = [reopened.history.undo()[0] for _ in steps]
    assert labels[0] == "Delete document" and labels[-1] == "Add annotation"
    assert _snapshot(reopened) == start
    assert reopened.history.undo()[0] == "Import 5 files"  # the sample corpus came in by an undoable import
    assert reopened.documents.list() == []
    with pytest.raises(ReaderError, match="nothing to undo"):
        reopened.history.undo()
    reopened.close()


def test_a_new_change_after_undo_drops_the_redo_steps(workspace: Workspace) -> None:
    """As in every editor: undo, then a new change, and the undone step cannot come back."""
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create(document_id, 0, 5, note="one")
    workspace.history.undo()
    workspace.annotations.create(document_id, 5, 9, note="two")
    assert workspace.history.next_redo() == ""
    with pytest.raises(ReaderError, match="nothing to redo"):
        workspace.history.redo()


def test_undoing_a_new_annotation_says_which_document_it_left(workspace: Workspace) -> None:
    """Undoing a highlight's creation deletes its row, so its document could not be looked up by it any more: the
    change said no document changed, and the pane kept painting the highlight and the inspector kept offering it."""
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create(document_id, 0, 5, note="one")
    _label, changes = workspace.history.undo()
    assert changes.annotation_documents == {document_id}
    _label, changes = workspace.history.redo()
    assert changes.annotation_documents == {document_id}


def test_an_entity_merge_undoes(workspace: Workspace, shared_model) -> None:
    """A merge of several entities is one step; undo brings the entities apart again, recognition reruns."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    people = [e for e in workspace.entities.register() if e.type == "PERSON"][:3]
    before = {e.id: e.name for e in workspace.entities.register()}
    workspace.run("Merge entities", lambda: [workspace.entities.merge(people[0].id, other.id)
                                             for other in people[1:]])
    assert not {people[1].id, people[2].id} & {e.id for e in workspace.entities.register()}
    label, changes = workspace.history.undo()
    assert label == "Merge entities" and changes.register
    assert workspace.entities.is_stale()
    workspace.entities.ensure_current()
    assert {e.id: e.name for e in workspace.entities.register()} == before


def test_a_step_that_changes_nothing_keeps_redo(workspace: Workspace) -> None:
    """An operation that changed nothing (Correct text saved as it was, metadata saved unchanged) forgot the undone
    steps before it had written anything: the change just undone could no longer be redone."""
    document = workspace.documents.list()[0]
    workspace.annotations.create(document.id, 0, 10, note="kept for redo")
    workspace.history.undo()
    assert workspace.documents.correct_text(document.id, workspace.documents.text(document.id).text) is None
    workspace.documents.update_metadata(document.id, {})
    assert workspace.history.next_redo() == "Add annotation"
    workspace.history.redo()
    assert [a.note for a in workspace.annotations.for_document(document.id)] == ["kept for redo"]


def test_an_id_undone_is_never_given_to_another(workspace: Workspace) -> None:
    """An undone highlight's or link's id went to the next one made: an export or a listing naming #4 then meant an
    unrelated passage, and `link 4 …` typed from it linked the wrong one."""
    first, second = (info.id for info in workspace.documents.list()[:2])
    one = workspace.annotations.create(first, 0, 10)
    two = workspace.annotations.create(second, 0, 10)
    link = workspace.links.link(one.id, two.id, "contradicts")
    workspace.history.undo()
    workspace.history.undo()
    again = workspace.annotations.create(second, 20, 30)
    assert again.id not in (one.id, two.id)
    assert workspace.links.link(one.id, again.id, "corroborates").id != link.id


def test_an_older_library_keeps_every_row_and_link_when_its_ids_are_made_never_reused(workspace: Workspace) -> None:
    """The upgrade makes eight tables again: every note, tag, link and notebook citation is still there and joined,
    the search and the undo history still follow changes, and an undone id is not given again."""
    import sqlite3

    from reader.core.storage.migrations import IDS_NEVER_REUSED, rebuild_table

    for _name, change in _operations(workspace):
        change()
    before = _snapshot(workspace)
    path = workspace.path
    workspace.close()
    # as the library was before the upgrade: ids given again
    with closing(sqlite3.connect(path)) as older, older:
        older.execute("PRAGMA legacy_alter_table = ON")
        for table in IDS_NEVER_REUSED:
            rebuild_table(_Utils(older), table, lambda sql: sql.replace(" AUTOINCREMENT", "", 1))
        older.execute("DELETE FROM _sqlite_migrations WHERE name = 'm018_ids_never_reused'")
    upgraded = Workspace.open(path, backup=False)
    try:
        assert _snapshot(upgraded) == before
        assert upgraded.db.execute("PRAGMA foreign_key_check").fetchall() == []
        newest = upgraded.db.execute("SELECT MAX(id) FROM annotations").fetchone()[0]
        made = upgraded.annotations.create(upgraded.documents.list()[0].id, 0, 5, note="after the upgrade")
        assert made.id > newest and upgraded.search.search("upgrade").count == 1
        upgraded.history.undo()
        assert upgraded.search.search("upgrade").count == 0
        again = upgraded.annotations.create(upgraded.documents.list()[0].id, 0, 5)
        assert again.id > made.id
    finally:
        upgraded.close()


class _Utils:
    """What rebuild_table needs of a sqlite-utils Database, over a plain connection."""

    def __init__(self, conn):
        self.execute = conn.execute


def test_undoing_a_new_highlight_names_its_passage_as_redoing_it_does(workspace):
    """Undo of "Add annotation" said only "(Genden Falls into Disfavor)" while its Redo said on “Genden Gets
    Corrected”: the highlight an undo takes away is named by the history's image of it."""
    document_id = workspace.documents.resolve("000_8339fa2bec93c400.txt").id
    workspace.annotations.create_at_quote(document_id, "Genden Gets Corrected")
    undone = workspace.history.told(*workspace.history.undo())
    redone = workspace.history.told(*workspace.history.redo())
    assert "on “Genden Gets Corrected”" in undone and "on “Genden Gets Corrected”" in redone


def test_undo_names_a_long_titled_source_short_enough_for_the_status_line(workspace):
    """A source titled by a whole line ("Oriental Studies (Jun 2021) «Japan is encroaching …»: I. V. Stalin Talking
    to P. Genden on November 24, 1934") made Undo's line run under the status bar's counts, and the source's name
    was what was lost: the title is shortened as the passage is."""
    from reader.core.ops import QUOTED

    document_id = workspace.documents.resolve("002_ff824666d88bbe20.txt").id
    title = workspace.documents.get(document_id).title
    assert len(title) > 2 * QUOTED
    workspace.annotations.create_at_quote(document_id, "Stalin")
    undone = workspace.history.told(*workspace.history.undo())
    assert undone.startswith("Add annotation on “Stalin” (") and len(undone) < len("Add annotation on “Stalin” ()") \
        + QUOTED + 2 and title[:20] in undone


def test_undo_names_a_title_once_when_the_step_names_it_already(empty_workspace, tmp_path):
    """A PDF titled by its long file name: Undo said "Import Report_of_the_British_Legation….pdf
    (Report_of_the_British_Legation…)", the shortened title no longer found in the label that held it whole."""
    from tests.core.pdf_samples import SENTENCES, qt_pdf

    name = "Report_of_the_British_Legation_in_Peking_on_Outer_Mongolia_1934"
    lines = [(72, 100 + 14 * i, sentence[:60], 11) for i, sentence in enumerate(SENTENCES[:6])]
    empty_workspace.documents.import_paths([qt_pdf(tmp_path / f"{name}.pdf", [lines])])
    assert empty_workspace.documents.resolve(f"{name}.pdf").title == name
    assert empty_workspace.history.told(*empty_workspace.history.undo()) == f"Import {name}.pdf"


def test_an_import_undone_takes_the_names_only_it_gave_out_of_search(workspace, shared_model, tmp_path):
    """After an import was undone, Search still listed the entity only the undone file named ("Memorandum …"), until
    the next recognition: the register's search rows follow the documents an undo or redo moves."""
    workspace.entities.model = shared_model
    (tmp_path / "memo.txt").write_text("Zhamtsarano wrote to Rinchino from Urga in 1922.\n", encoding="utf-8")
    workspace.documents.import_paths([tmp_path / "memo.txt"])
    workspace.entities.recognise()
    assert "entity" in workspace.search.search("Zhamtsarano").counts
    workspace.history.undo()
    assert "entity" not in workspace.search.search("Zhamtsarano").counts


def test_undo_and_redo_give_back_a_decimal_to_its_last_digit(workspace: Workspace) -> None:
    """The images of a change held a decimal to 15 digits: a note's anchoring confidence 0.7715816005040957 came
    back from undo and redo as 0.771581600504096 (audit BT F2)."""
    from reader.core.ops import operation

    def confidence(annotation_id: int) -> float:
        return workspace.db.execute("SELECT anchor_confidence FROM annotations WHERE id = ?",
                                    [annotation_id]).fetchone()[0]

    note = workspace.annotations.create(workspace.documents.list()[0].id, 0, 10, note="placed")
    for value in (0.7715816005040957, 1 / 3):
        before = confidence(note.id)
        with operation(workspace.db, "Anchor again"):
            workspace.db.execute("UPDATE annotations SET anchor_confidence = ? WHERE id = ?", [value, note.id])
        workspace.history.undo()
        assert confidence(note.id) == before
        workspace.history.redo()
        assert confidence(note.id) == value
