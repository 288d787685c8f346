"""Deleting a document moves it, its annotations and its mentions to the Trash as one step; nothing else changes."""

from __future__ import annotations

from reader.core.errors import DocumentNotFound
from reader.core.workspace import Workspace
from tests.conftest import TEXTS


def _state(workspace: Workspace, keep: int):
    """What a user sees of the corpus: documents, annotations, links, mentions and search hits."""
    mentions = [(m.document_id, m.start, m.end, m.text) for info in workspace.documents.list()
                for m in workspace.entities.mentions(info.id)]
    return ([info.file_name for info in workspace.documents.list()],
            sorted((a.id, a.note) for a in workspace.annotations.all()),
            len(workspace.comparisons.list()), sorted(mentions), workspace.search.search("Genden").counts)


def test_delete_and_restore_a_document(workspace: Workspace, shared_model) -> None:
    """Protects the corpus: the document, its notes, links and mentions leave together and come back together;
    the other documents are untouched."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    infos = workspace.documents.list()
    doomed, other = infos[0], infos[1]
    first = workspace.annotations.create(doomed.id, 0, 10, note="on the doomed one")
    second = workspace.annotations.create(other.id, 0, 10, note="on another")
    workspace.links.link(first.id, second.id, "contradicts")
    before = _state(workspace, other.id)
    others_mentions = workspace.entities.mentions(other.id)
    workspace.documents.delete(doomed.id)
    assert doomed.id not in [info.id for info in workspace.documents.list()]
    assert [a.id for a in workspace.annotations.all()] == [second.id]
    assert workspace.comparisons.list() == [] and workspace.entities.mentions(doomed.id) == []
    assert workspace.entities.mentions(other.id) == others_mentions
    assert all(hit.document_id != doomed.id for hit in workspace.search.search("Genden").hits())
    assert [item.kind for item in workspace.trash.items()] == ["document"]
    try:
        workspace.documents.resolve(doomed.file_name)
        raise AssertionError("a document in the Trash must not resolve")
    except DocumentNotFound:
        pass
    workspace.trash.restore("document", doomed.id)
    assert _state(workspace, other.id) == before
    assert workspace.trash.items() == []


def test_importing_a_trashed_file_again_brings_it_back(workspace: Workspace) -> None:
    """The same file imported after its document was deleted comes back from the Trash with its notes."""
    info = workspace.documents.resolve("000_8339fa2bec93c400.txt")
    workspace.annotations.create(info.id, 0, 10, note="kept")
    workspace.documents.delete(info.id)
    report = workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    assert not report.failed
    assert workspace.documents.resolve("000_8339fa2bec93c400.txt").id == info.id
    assert [a.note for a in workspace.annotations.for_document(info.id)] == ["kept"]


def _mentions(workspace: Workspace, document_id: int) -> list:
    return sorted((m.start, m.end, m.text, m.entity_id) for m in workspace.entities.mentions(document_id))


def test_undoing_a_delete_brings_its_mentions_back(workspace: Workspace, shared_model) -> None:
    """Undo of Delete document wrote the document back but not its mentions, and the register did not know it was
    short of them: `delete`, then `undo`, left the document without a highlighted name for good."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    doomed = workspace.documents.list()[0]
    before = _mentions(workspace, doomed.id)
    workspace.documents.delete(doomed.id)
    workspace.entities.ensure_current()
    label, changes = workspace.history.undo()
    assert label == "Delete document" and changes.register  # the Entities panels are told
    assert workspace.entities.is_stale()
    workspace.entities.ensure_current()
    assert _mentions(workspace, doomed.id) == before
    workspace.history.redo()
    workspace.history.undo()  # the mentions gone again and back again, with nothing recognised in between
    workspace.entities.ensure_current()
    assert _mentions(workspace, doomed.id) == before


def test_a_document_back_from_the_trash_keeps_its_doubtful_mentions(workspace: Workspace, shared_model) -> None:
    """Mentions came back from the Trash as sure (their confidence was not kept): the doubtful ones left the list of
    mentions still to check."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    doubtful = workspace.entities.low_confidence_mentions()
    assert doubtful
    document_id = doubtful[0].document_id
    workspace.documents.delete(document_id)
    workspace.trash.restore("document", document_id)
    assert [m for m in workspace.entities.low_confidence_mentions() if m.document_id == document_id] == \
        [m for m in doubtful if m.document_id == document_id]


def test_undo_after_an_import_takes_the_import_back(workspace: Workspace, tmp_path) -> None:
    """An import was no step: Undo right after it took back the change made before it (a note), and the wrong
    folder imported could only be deleted document by document. Undo now puts what it brought in the Trash."""
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create(document_id, 0, 10, note="kept")
    (tmp_path / "letter.txt").write_text("A letter of 1936 about the protocol.\n", encoding="utf-8")
    workspace.documents.import_paths([tmp_path / "letter.txt"])
    assert workspace.history.undo()[0] == "Import letter.txt"
    assert "letter.txt" not in [info.file_name for info in workspace.documents.list()]
    assert [a.note for a in workspace.annotations.for_document(document_id)] == ["kept"]
    workspace.history.redo()
    assert workspace.documents.resolve("letter.txt")


def test_a_deleted_document_imported_again_says_it_is_back_and_undo_deletes_it_again(workspace: Workspace) -> None:
    """Importing a deleted document's file brought it back unlogged and said 'already imported, unchanged'; its
    notes are said only when some come back ('with its notes' was said of none, audit BY F8)."""
    info = workspace.documents.resolve("000_8339fa2bec93c400.txt")
    workspace.documents.delete(info.id)
    report = workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    assert report.outcomes[0].message == "000_8339fa2bec93c400.txt: back from the Trash"
    workspace.annotations.create(info.id, 0, 10, note="kept")
    workspace.documents.delete(info.id)
    report = workspace.documents.import_paths([TEXTS / "000_8339fa2bec93c400.txt"])
    assert report.outcomes[0].message == "000_8339fa2bec93c400.txt: back from the Trash, with 1 note"
    assert workspace.history.next_undo() == "Import 000_8339fa2bec93c400.txt"
    workspace.history.undo()
    assert [item.kind for item in workspace.trash.items()] == ["document"]


def test_a_deleted_document_imported_again_changed_says_both_and_is_one_file(workspace: Workspace, tmp_path) -> None:
    """A deleted file edited on disk and imported again was "changed, stored as a new version … Undo takes the new
    text back", under a step named "Import 2 files": it came back from the Trash too, and its Undo sends it back."""
    path = tmp_path / "envoy.txt"
    path.write_text("Report of the envoy.\n\nHe left on 9 May 1921.\n", encoding="utf-8")
    workspace.documents.import_paths([path])
    info = workspace.documents.resolve("envoy.txt")
    workspace.documents.delete(info.id)
    path.write_text("Report of the envoy.\n\nHe left on 19 May 1921.\n", encoding="utf-8")
    report = workspace.documents.import_paths([path])
    assert report.outcomes[0].message == "envoy.txt: back from the Trash, changed: stored as a new version"
    assert report.history_note.startswith("Undo takes the import back, its documents to the Trash")
    assert workspace.history.next_undo() == "Import envoy.txt"
    workspace.history.undo()
    assert [item.kind for item in workspace.trash.items()] == ["document"]


def test_a_copy_of_a_deleted_documents_file_brings_the_document_back(workspace: Workspace, tmp_path) -> None:
    """A file giving a deleted document's text was 'same text as a.txt, already imported', and nothing came in: the
    text could not be had from it at all (audit BY F11). Its document comes back from the Trash, said so, and the
    import's Undo sends it back there."""
    text = "A letter of 1936 about the protocol.\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    workspace.documents.import_paths([tmp_path / "a.txt"])
    workspace.documents.delete(workspace.documents.resolve("a.txt").id)
    report = workspace.documents.import_paths([tmp_path / "b.txt"])
    assert report.outcomes[0].message == "b.txt: same text as a.txt, back from the Trash"
    assert workspace.documents.resolve("a.txt")
    workspace.history.undo()
    assert "a.txt" not in [info.file_name for info in workspace.documents.list()]


def test_a_copy_of_an_undone_version_is_not_called_earlier(workspace: Workspace, tmp_path) -> None:
    """A re-import undone, then its newer text imported from another folder: the line called it an earlier version
    of the document (audit DG 4); it is the version undone."""
    path = tmp_path / "a.txt"
    path.write_text("The delegation left on 12 May 1921.\n", encoding="utf-8")
    workspace.documents.import_paths([path])
    path.write_text("The delegation left on 14 May 1921.\n", encoding="utf-8")
    workspace.run("Import a.txt", lambda: workspace.documents.import_paths([path]))
    workspace.history.undo()
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "b.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    [outcome] = workspace.documents.import_paths([other / "b.txt"]).outcomes
    assert outcome.message == "b.txt: imported (utf-8); its text is a version of a.txt's that was undone"


def test_a_copy_of_an_earlier_version_is_a_document_of_its_own(workspace: Workspace, tmp_path) -> None:
    """A file giving the text of a document's earlier (or undone) version was 'same text as a.txt, already
    imported', or brought a deleted a.txt back at its newer text, and its own text was had nowhere (audit CA C8,
    C16): only a document's text as shown is 'already imported'; the file is a document of its own."""
    path = tmp_path / "a.txt"
    path.write_text("The delegation left on 12 May 1921.\n", encoding="utf-8")
    workspace.documents.import_paths([path])
    (tmp_path / "old.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    path.write_text("The delegation left on 14 May 1921.\n", encoding="utf-8")
    workspace.documents.import_paths([path])
    workspace.documents.delete(workspace.documents.resolve("a.txt").id)
    [outcome] = workspace.documents.import_paths([tmp_path / "old.txt"]).outcomes
    assert outcome.message == "old.txt: imported (utf-8); its text is an earlier version of a.txt's"  # said (CC N12)
    listed = [info.file_name for info in workspace.documents.list()]
    assert "old.txt" in listed and "a.txt" not in listed
