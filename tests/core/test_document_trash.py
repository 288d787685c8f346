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
