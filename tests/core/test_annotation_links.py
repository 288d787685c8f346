"""Links, comparisons, tags, notebook notes, source criticism and the Trash over a real database."""

from __future__ import annotations

from contextlib import closing

import pytest

from reader.core.errors import ReaderError
from reader.core.records.annotations import Passage
from reader.core.records.comparisons import ComparisonFilter
from reader.core.storage.store import with_functions


@pytest.fixture
def pair(workspace):
    """Two annotations in two documents, linked as 'contradicts' and tagged meeting-1934."""
    first, second = workspace.documents.list()[:2]
    a = workspace.annotations.create_at_quote(first.id, "Genden", tags=["meeting-1934"])
    b = workspace.annotations.create_at_quote(second.id, "Stalin", tags=["Meeting-1934", "wine"])
    link = workspace.links.link(a.id, b.id, "contradicts", "date of the meeting?")
    return a, b, link


def test_links_and_backlinks(workspace, pair):
    """Each end lists the link: outgoing at the source, incoming (a backlink) at the target."""
    a, b, link = pair
    [outgoing] = workspace.links.links_for(a.id)
    [incoming] = workspace.links.links_for(b.id)
    assert outgoing.outgoing and outgoing.other.id == b.id and outgoing.link.note == "date of the meeting?"
    assert not incoming.outgoing and incoming.other.id == a.id
    assert not link.directed and workspace.links.update(link.id, relation="derives_from").directed


def test_a_links_steps_are_named_with_its_relation(workspace, pair):
    """Among several links, "Link passages", "Edit link" and "Delete link" named none: history and Undo name the
    relation (audits DH 4, DJ 2)."""
    _a, _b, link = pair
    assert workspace.history.next_undo() == "Link passages (contradicts)"
    workspace.links.update(link.id, note="15 or 24?")
    assert workspace.history.next_undo() == "Edit link (contradicts)"
    workspace.links.update(link.id, relation="same_event")
    assert workspace.history.next_undo() == "Edit link (same event)"
    workspace.links.delete(link.id)
    assert workspace.history.next_undo() == "Delete link (same event)"


def test_a_link_edited_to_what_it_is_is_no_step(workspace, pair):
    """"Edit link…" accepted without a change recorded a step the first Undo took back to no effect (audit DK 7)."""
    _a, _b, link = pair
    workspace.links.update(link.id, relation="contradicts", note="date of the meeting?")
    assert workspace.history.next_undo() == "Link passages (contradicts)"


def test_linking_a_passage_creates_its_annotation(workspace, pair):
    """A passage as link target becomes an annotation on exactly that text."""
    a, _, _ = pair
    third = workspace.documents.list()[2]
    link = workspace.links.link(a.id, Passage(third.id, 0, 12), "see_also")
    target = workspace.annotations.get(link.to_annotation_id)
    assert target.document_id == third.id and target.quote.exact == workspace.documents.text(third.id).text[:12]


def test_linking_the_same_passages_twice_is_refused_not_doubled(workspace):
    """Protects Comparisons from duplicates: linking two passages again (L pressed twice on one suggestion) reuses
    their highlights and is refused as already linked, instead of stacking a second pair of highlights and link."""
    first, second = workspace.documents.list()[:2]
    ends = (Passage(first.id, 0, 12), Passage(second.id, 5, 20))
    link = workspace.links.link(*ends, "contradicts")
    with pytest.raises(ReaderError, match="already linked"):
        workspace.links.link(*ends, "contradicts")
    assert len(workspace.annotations.all()) == 2 and len(workspace.comparisons.list()) == 1
    again = workspace.links.link(*ends, "same_event")  # another relation between the same two highlights
    assert (again.from_annotation_id, again.to_annotation_id) == (link.from_annotation_id, link.to_annotation_id)


def test_link_mistakes_are_refused(workspace, pair):
    """Self links, duplicates and unknown relations are one-line errors that change nothing."""
    a, b, _ = pair
    for source, target, relation in ((a.id, a.id, "see_also"), (b.id, a.id, "contradicts"), (a.id, b.id, "x")):
        with pytest.raises(ReaderError):
            workspace.links.link(source, target, relation)
    assert len(workspace.comparisons.list()) == 1


def test_comparisons_filter_by_relation_tag_document_and_reliability(workspace, pair):
    """The Comparisons query shows the pair with both quotes and keeps or drops it by each filter."""
    a, b, _ = pair
    [row] = workspace.comparisons.list()
    assert (row.a.quote, row.relation_label, row.b.quote) == ("Genden", "contradicts", "Stalin")
    assert row.a.document_title == workspace.documents.get(a.document_id).title
    keep = [ComparisonFilter(relation="contradicts"), ComparisonFilter(tag="WINE"),
            ComparisonFilter(document_id=b.document_id)]
    drop = [ComparisonFilter(relation="corroborates"), ComparisonFilter(tag="other"),
            ComparisonFilter(document_id=workspace.documents.list()[3].id), ComparisonFilter(min_reliability=3)]
    assert all(workspace.comparisons.list(f) for f in keep) and not any(workspace.comparisons.list(f) for f in drop)
    workspace.sources.update(a.document_id, reliability=4, date_written="1990")
    [row] = workspace.comparisons.list(ComparisonFilter(min_reliability=3))
    assert row.a.reliability == 4 and row.a.date == "1990"


def test_tags_autocomplete_rename_merge_and_undo(workspace, pair):
    """Tags are case-insensitive; renaming onto an existing tag merges; undo puts every annotation back."""
    a, b, _ = pair
    assert [(t.name, t.count) for t in workspace.tags.all()] == [("meeting-1934", 2), ("wine", 1)]
    change = workspace.tags.rename("wine", "meeting-1934")
    assert change.merged and [(t.name, t.count) for t in workspace.tags.all()] == [("meeting-1934", 2)]
    workspace.history.undo()
    assert workspace.annotations.get(b.id).tags == ("meeting-1934", "wine")
    assert workspace.annotations.get(a.id).tags == ("meeting-1934",)
    workspace.annotations.set_tags(b.id, ["meeting-1934"])
    assert [t.name for t in workspace.tags.all()] == ["meeting-1934"]
    workspace.annotations.set_tags(b.id, ["meeting-1934", "wine"])
    renamed = workspace.tags.rename("wine", "  drinking   party ")
    assert renamed.new == "drinking party" and workspace.annotations.get(b.id).tags == ("drinking party",
                                                                                         "meeting-1934")


def test_a_comma_separates_tags_wherever_they_are_given(workspace, pair):
    """'odd tag,with comma' from the command line or an imported file is two tags, as the window's tag box reads it:
    kept as one, the window's next edit of the note split it in two without a word."""
    _, b, _ = pair
    assert workspace.annotations.set_tags(b.id, ["odd tag,with comma"]).tags == ("odd tag", "with comma")
    with pytest.raises(ReaderError, match="comma"):
        workspace.tags.rename("odd tag", "a,b")


def test_trash_lists_and_restores_everything(workspace, pair):
    """Deleted annotations, links and notes appear in the Trash and come back whole."""
    a, _, link = pair
    note = workspace.notebook.create("A **note** citing", title="Dates", citations=[a.id])
    workspace.annotations.delete(a.id)
    workspace.links.delete(link.id)
    workspace.notebook.delete(note.id)
    assert {(i.kind, i.id) for i in workspace.trash.items()} == {("annotation", a.id), ("link", link.id),
                                                                 ("note", note.id)}
    assert workspace.comparisons.list() == []
    for item in workspace.trash.items():
        workspace.trash.restore(item.kind, item.id)
    assert workspace.trash.items() == [] and workspace.annotations.get(a.id).tags == ("meeting-1934",)
    assert len(workspace.comparisons.list()) == 1 and workspace.notebook.get(note.id).citations == (a.id,)


def test_document_and_notebook_notes(workspace, pair):
    """A note on a whole document is listed with it; a free-standing one in the notebook."""
    a, _, _ = pair
    on_document = workspace.notebook.create("Overall unreliable.", document_id=a.document_id)
    free = workspace.notebook.create("Meeting date unresolved", citations=[a.id])
    assert workspace.notebook.for_document(a.document_id) == [on_document]
    assert workspace.notebook.notebook() == [free]
    edited = workspace.notebook.edit(free.id, body="Resolved: 24 Nov", citations=[])
    assert edited.body == "Resolved: 24 Nov" and edited.citations == ()


def test_source_criticism_checks_reliability(workspace):
    """Reliability is 1 to 5; a wrong value or field is refused with a message."""
    document_id = workspace.documents.list()[0].id
    before, after = workspace.sources.update(document_id, reliability=5, provenance_note="Archive copy")
    assert before.reliability is None and after.provenance_note == "Archive copy"
    for bad in ({"reliability": 6}, {"colour": "x"}):
        with pytest.raises(ReaderError):
            workspace.sources.update(document_id, **bad)


def test_source_criticism_dates_must_be_dates(workspace):
    """Date written and date of events stored anything ("1934-13-45", "banana"), and the date written stands for
    the source's date in Comparisons, where the date published is checked (audit DB F3): they are checked as it
    is, a date said in words kept as the date it says, and a refusal names its field."""
    document_id = workspace.documents.list()[0].id
    _before, after = workspace.sources.update(document_id, date_written="Jan 1934", events_date="1936/37")
    assert (after.date_written, after.events_date) == ("1934-01", "1936..1937")
    for field, typed in (("date_written", "1934-13-45"), ("events_date", "banana")):
        with pytest.raises(ReaderError, match=f"{field.replace('_', ' ').replace('events date', 'date of events')}"
                                              f": '{typed}' is not a date"):
            workspace.sources.update(document_id, **{field: typed})
    assert workspace.sources.get(document_id).date_written == "1934-01"
    for doubtful in ("1935?", "~1935", "[1935]", "1935 maybe", "1935 not"):  # a doubt, or a word, was dropped or
        with pytest.raises(ReaderError, match="is not a date"):  # read as a part of the year (audit DC 2, 3)
            workspace.sources.update(document_id, date_written=doubtful)
    assert workspace.sources.update(document_id, date_written="c. 1935")[1].date_written == "1935 circa"
    assert workspace.sources.update(document_id, date_written="(1934)")[1].date_written == "1934"  # audit DE 9


def test_an_unchecked_date_stored_before_does_not_block_other_fields(workspace):
    """A date of events stored before dates were checked ('banana') refused every later edit of the document's
    source criticism, a reliability too, naming a field the reader never typed in (audit DC 4): only what changes
    is checked."""
    document_id = workspace.documents.list()[0].id
    with workspace.db.atomic():
        workspace.db.execute("UPDATE documents SET events_date = 'banana' WHERE id = ?", [document_id])
    _before, after = workspace.sources.update(document_id, reliability=4)
    assert (after.reliability, after.events_date) == (4, "banana")


def test_tags_differing_in_case_are_one_tag_in_any_script(workspace, pair):
    """'Violence' and 'violence' were one tag but 'Élite' and 'élite', or 'Война' and 'война', two, and merging them
    failed on a database constraint; the exports and Comparisons each counted them differently. One tag, everywhere."""
    a, b, _ = pair
    workspace.annotations.set_tags(a.id, ["Élite", "Война"])
    workspace.annotations.set_tags(b.id, ["élite", "война"])
    assert sorted((t.name, t.count) for t in workspace.tags.all() if t.name.casefold() != "meeting-1934") == [
        ("Élite", 2), ("Война", 2)]
    assert len(workspace.comparisons.list(ComparisonFilter(tag="ÉLITE"))) == 1
    from reader.core.export.items import Scope

    assert len(workspace.export.items(Scope(tag="élite"))) == 2
    workspace.tags.rename("Война", "война")  # the case of its name changed, nothing merged
    assert "война" in workspace.annotations.get(a.id).tags


def test_a_note_citing_a_highlight_in_the_trash_can_be_edited(workspace, pair):
    """A Notebook note keeps citing a highlight moved to the Trash (Undo or the Trash bring it back), yet saving its
    text with its citations failed, 'no annotation with id 1': typing in such a note could never be saved."""
    a, b, _link = pair
    note = workspace.notebook.create("Which date?", "The meeting", None, [a.id, b.id])
    workspace.annotations.delete(a.id)
    edited = workspace.notebook.edit(note.id, body="15 November, says one.", title="The meeting",
                                     citations=workspace.notebook.get(note.id).citations, was=(note.body, note.title))
    assert (edited.body, edited.citations) == ("15 November, says one.", (a.id, b.id))


def test_removing_a_tag_everywhere_leaves_the_trash_as_it_was(workspace, pair):
    """'Remove from every note' took the tag off highlights in the Trash too, while saying it would remove it from
    the live ones: restored, they came back uncoded. What is in the Trash comes back as it went."""
    a, b, _ = pair
    workspace.annotations.delete(b.id)
    assert workspace.tags.remove("meeting-1934") == 1
    assert workspace.annotations.get(a.id).tags == ()
    workspace.trash.restore("annotation", b.id)
    assert "meeting-1934" in workspace.annotations.get(b.id).tags


def _as_before_tag_keys(path) -> None:
    """The library as versions before tag keys left it: tags unique by ASCII case only, the key not yet there."""
    import sqlite3

    with closing(sqlite3.connect(path)) as db, db:
        for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE "
                                     "'%name_key%'").fetchall():
            db.execute(f'DROP TRIGGER "{trigger}"')  # the undo log's, made anew by the upgrade
        db.execute("DROP INDEX idx_tags_name_key")
        db.execute("ALTER TABLE tags DROP COLUMN name_key")
        db.execute("CREATE UNIQUE INDEX idx_tags_name ON tags (name COLLATE NOCASE)")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm022_tags_one_whatever_the_case'")


def test_an_upgrade_merging_case_variant_tags_leaves_an_undo_that_works(tmp_path):
    """Opening an older library whose 'Élite' and 'élite' were two tags merges them; Undo of a step made before the
    upgrade then failed on a database constraint ("FOREIGN KEY constraint failed", "UNIQUE constraint failed"),
    blocking every step behind it. Steps that would make the merged tags two again are let go; others undo."""
    import sqlite3

    from reader.core.workspace import Workspace

    (tmp_path / "a.txt").write_text("Genden met Stalin in Moscow on 15 November 1934.\n", encoding="utf-8")
    workspace = Workspace.open(tmp_path / "old.db")
    workspace.documents.import_paths([tmp_path / "a.txt"])
    workspace.annotations.create(1, 0, 6, tags=["Élite"])
    workspace.close()
    _as_before_tag_keys(tmp_path / "old.db")
    # a second tag of another case, as an older version made it
    with closing(with_functions(sqlite3.connect(tmp_path / "old.db"))) as db, db:
        db.execute("INSERT INTO tags (id, name, created_at) VALUES (99, 'élite', '2026-01-01')")
        db.execute("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 99)")
        db.execute("INSERT INTO history_rows (op_id, tbl, pk, before, after) SELECT MAX(id), 'tags', ?, NULL, ? "
                   "FROM history", ['{"id": 99}', '{"id": 99, "name": "élite", "created_at": "x"}'])
    workspace = Workspace.open(tmp_path / "old.db")
    assert [(t.name, t.count) for t in workspace.tags.all()] == [("Élite", 1)]
    with pytest.raises(ReaderError, match="nothing to undo"):
        workspace.history.undo()
    workspace.close()


def test_a_tag_no_note_carries_is_forgotten_and_its_spelling_with_it(workspace):
    """Taken off its last note in the Note panel, a tag left the lists but still spelt the next one: 'FOO' typed was
    stored as the old 'Foo', unsaid (audit DR F4). It is forgotten, as Manage tags' Remove forgets it; Undo keeps."""
    first, second = workspace.documents.list()[:2]
    a = workspace.annotations.create(first.id, 0, 10, tags=["Foo"])
    b = workspace.annotations.create(second.id, 0, 10)
    workspace.annotations.set_tags(a.id, [])
    workspace.annotations.set_tags(b.id, ["FOO"])
    assert workspace.annotations.get(b.id).tags == ("FOO",)
    workspace.history.undo()
    workspace.history.undo()
    assert workspace.annotations.get(a.id).tags == ("Foo",) and workspace.annotations.get(b.id).tags == ()


def test_a_rename_onto_a_tag_only_the_trash_holds_is_named_a_merge(workspace):
    """Renaming 'alpha' to 'beta', where only a note in the Trash carries 'Beta', merged the two under a step named
    "Rename tag 'alpha' to 'beta'" (audit DR F5): the step says what it does, with the name the tags keep."""
    first, second = workspace.documents.list()[:2]
    workspace.annotations.create(first.id, 0, 10, tags=["alpha"])
    trashed = workspace.annotations.create(second.id, 0, 10, tags=["Beta"])
    workspace.annotations.delete(trashed.id)
    assert workspace.tags.rename_step("alpha", "beta") == "Merge tag 'alpha' into 'Beta'"
    assert workspace.tags.rename_step("alpha", "gamma") == "Rename tag 'alpha' to 'gamma'"
    assert workspace.tags.rename("alpha", "beta").new == "Beta"  # as the command line says it (audit DS F7)
    assert workspace.history.next_undo() == "Merge tag 'alpha' into 'Beta'"
