"""Exports reach the user's file whole or not at all, and never land on the database's own files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.errors import ReaderError
from reader.core.export import safe_write
from reader.core.export.items import Scope
from reader.core.storage.backup import list_backups


def test_a_failed_write_keeps_the_previous_export_whole(workspace, tmp_path, monkeypatch) -> None:
    """Protects the previous export: a write that fails half-way (here a full disk on sync) leaves it as it was and
    leaves no temporary file behind."""
    target = tmp_path / "notes.md"
    target.write_text("the previous export\n", encoding="utf-8")

    def full_disk(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", full_disk)
    with pytest.raises(ReaderError, match="disk holding .* is full"):
        workspace.export.write("md", target)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(path.name for path in tmp_path.iterdir() if "notes" in path.name) == ["notes.md"]


def test_export_replaces_the_file_by_rename(workspace, tmp_path) -> None:
    """The new export is complete under the user's name (a rename, so the old inode is never truncated)."""
    target = tmp_path / "notes.csv"
    target.write_text("old", encoding="utf-8")
    inode = os.stat(target).st_ino
    workspace.export.write("csv", target)
    assert target.read_text(encoding="utf-8-sig").startswith("id,") and os.stat(target).st_ino != inode


def test_an_export_onto_a_link_replaces_the_file_it_points_to(workspace, tmp_path) -> None:
    """notes.md linked into a vault or synced folder: the export replaced the link with a plain file, and the real
    file kept last week's export without a word."""
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "notes.md").write_text("last week's export\n", encoding="utf-8")
    link = tmp_path / "notes.md"
    link.symlink_to(vault / "notes.md")
    workspace.export.write("md", link)
    assert link.is_symlink()
    assert (vault / "notes.md").read_text(encoding="utf-8").startswith("# Notes")
    assert sorted(path.name for path in vault.iterdir()) == ["notes.md"]


def test_a_csv_file_opens_right_in_a_spreadsheet(workspace, tmp_path) -> None:
    """Excel, opening a CSV by a double-click, reads it in the machine's code page without a byte-order mark: 𝔐,
    Cyrillic or Arabic came out as mojibake. A CSV file starts with UTF-8's mark (the printed export does not)."""
    document_id = workspace.documents.list()[0].id
    workspace.annotations.create(document_id, 0, 6, note="Монголия 𝔐")
    workspace.export.write("csv", tmp_path / "notes.csv")
    raw = (tmp_path / "notes.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,") and "Монголия 𝔐" in raw.decode("utf-8-sig")
    assert workspace.export.export("csv").startswith("id,")


def test_an_export_has_the_permissions_any_new_file_gets(workspace, tmp_path) -> None:
    """The temporary file an export is written through is private (0600); renamed as it was, every export was
    unreadable to the group and others whatever the umask, and one written over a shared file took its sharing
    away. A new export gets what the umask gives new files; one written over a file keeps that file's mode."""
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.md"
        workspace.export.write("md", fresh)
        assert os.stat(fresh).st_mode & 0o777 == 0o644
        shared = tmp_path / "shared.csv"
        shared.write_text("old", encoding="utf-8")
        os.chmod(shared, 0o664)
        workspace.export.write("csv", shared)
        assert os.stat(shared).st_mode & 0o777 == 0o664
    finally:
        os.umask(umask)


@pytest.mark.parametrize("name", ["annotations.db", "annotations.db-wal", "annotations.db-shm", "annotations.ui.ini",
                                  "backup"])
def test_export_refuses_the_database_files(workspace, name) -> None:
    """Protects the database, its journal, backups and session file from being written over by an export."""
    workspace.close()
    from reader.core.workspace import Workspace

    workspace = Workspace.open(workspace.path)  # a second start: a backup now exists
    workspace.wait_for_backup()
    folder = workspace.path.parent
    target = list_backups(workspace.path)[-1] if name == "backup" else folder / name
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(ReaderError, match="belongs to the database"):
        workspace.export.write("md", Path(os.path.relpath(target)) if name == "annotations.db" else target)
    assert (target.read_bytes() if target.exists() else None) == before
    workspace.close()


def test_a_file_name_too_long_is_said_as_the_export_not_written(workspace, tmp_path) -> None:
    """A file name too long for the disk was 'cannot finish (…: File name too long); nothing was changed', the name
    echoed whole (audit BZ F9): the export could not be written there, said with the system's reason."""
    with pytest.raises(ReaderError, match=r"^cannot write the export: its file name, or the path of folders to it, "
                                          r"is too long for the system; nothing was changed$"):
        workspace.export.write("md", tmp_path / ("a" * 300 + ".md"))


def test_a_cancelled_export_writes_nothing(workspace, tmp_path) -> None:
    """Protects the user's file from a half-done export: Cancel while the notes are read leaves it as it was."""
    from reader.core.errors import WorkCancelled

    document_id = workspace.documents.list()[0].id
    for n in range(3):
        workspace.annotations.create(document_id, n * 10, n * 10 + 5, note=f"note {n}")
    target = tmp_path / "notes.md"
    target.write_text("the previous export\n", encoding="utf-8")
    reports = []
    with pytest.raises(WorkCancelled):
        workspace.export.write("md", target, progress=lambda *report: reports.append(report),
                               cancelled=lambda: bool(reports))
    assert reports == [(0, 3, "notes")]
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert workspace.export.write("md", target, progress=lambda *report: reports.append(report)).count == 3
    assert reports[-1] == (1, 1, "notes") and "note 2" in target.read_text(encoding="utf-8")


def test_an_export_says_the_notebook_notes_it_holds(workspace, tmp_path) -> None:
    """An export holding a Notebook note with its citations said only "1 annotation written" (audit DB F6): it
    counts the notes too, and one of notes alone is no export of nothing."""
    document_id = workspace.documents.list()[0].id
    cited = workspace.annotations.create(document_id, 0, 10)
    workspace.notebook.create("They disagree.", "The meeting", citations=[cited.id])
    written = workspace.export.write("md", tmp_path / "notes.md")
    assert (written.count, written.notebook_notes, written.in_words()) == (1, 1, "1 annotation and 1 Notebook note")
    workspace.notebook.create("A thought of my own.", "Free")
    _text, held = workspace.export.rendered("csv", Scope(annotation_ids=frozenset(), notebook_ids=frozenset({2})))
    assert held.in_words() == "0 annotations and 1 Notebook note" and not held.empty()
    assert workspace.export.write("geojson", tmp_path / "places.geojson").in_words().endswith("places")


def test_an_export_never_replaces_what_is_not_a_regular_file(workspace, tmp_path) -> None:
    """A device or a pipe named as the target (/dev/null, a FIFO) is refused in one line and stays what it was: the
    rename an export is written through had put a regular file in the place of /dev/full."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, Path("/dev/null")):
        with pytest.raises(ReaderError, match="is not a regular file"):
            workspace.export.write("md", target)
    assert fifo.is_fifo() and Path("/dev/null").is_char_device()


def test_an_export_never_replaces_a_read_only_file(workspace, tmp_path) -> None:
    """Protects an export the user made read-only to keep it: written over by rename (the folder allowed it), it was
    replaced without a word; it stays as it was, and the line says why."""
    kept = tmp_path / "notes.md"
    kept.write_text("the export to keep\n", encoding="utf-8")
    os.chmod(kept, 0o444)
    with pytest.raises(ReaderError, match="notes.md is read-only"):
        workspace.export.write("md", kept)
    assert kept.read_text(encoding="utf-8") == "the export to keep\n"


def test_an_export_says_the_links_it_holds(workspace, tmp_path) -> None:
    """An export of two linked passages and a Notebook note said "2 annotations and 1 Notebook note written", and
    reading it back then named "1 link" too (audit DJ 11): the export counts its links, each once."""
    first, second = workspace.documents.list()[:2]
    one = workspace.annotations.create(first.id, 0, 10)
    two = workspace.annotations.create(second.id, 0, 10)
    workspace.links.link(one.id, two.id, "contradicts")
    workspace.notebook.create("They disagree.", "The meeting", citations=[one.id])
    for fmt in ("md", "csv", "html", "jsonld", "tei"):
        written = workspace.export.write(fmt, tmp_path / f"notes.{fmt}")
        assert written.in_words() == "2 annotations, 1 link and 1 Notebook note", fmt
    only_one = workspace.export.write("md", tmp_path / "one.md", Scope(annotation_ids=frozenset({one.id})))
    assert only_one.in_words() == "1 annotation, 1 link and 1 Notebook note"
