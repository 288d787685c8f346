"""Correcting a text by hand: a new version, notes re-anchored, page geometry carried over, edited OCR marks gone."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.extracted import Box
from reader.core.documents.offset_map import OffsetMap
from reader.core.documents.sources import SourceFile
from reader.core.documents.versions import store_version
from reader.core.records.pages import PageInfo, UncertainWord

OCR = "The treaty of 1936 was signed by Genden and Stalln in Moscow.\n\nChoibalsan reported on it to the Party.\n"


def _scanned(workspace, tmp_path) -> int:
    """A two-page 'scan' stored as the importer stores one: boxes per word, 'Stalln' uncertain."""
    text = OCR
    words, position = [], 0
    for word in text.split():
        start = text.index(word, position)
        words.append((start, start + len(word)))
        position = start + len(word)
    split = text.index("Choibalsan")
    pages = (PageInfo(0, "1", 0, split, 1000, 1400, "ocr"), PageInfo(1, "2", split, len(text), 1000, 1400, "ocr"))
    boxes = [Box(0 if s < split else 1, s, e, 10.0 * i, 20, 10.0 * i + 8, 30) for i, (s, e) in enumerate(words)]
    stalln = text.index("Stalln")
    source = SourceFile(tmp_path / "scan.png", text, "utf-8", "image", None, pages, boxes,
                        (UncertainWord(stalln, stalln + 6, 0.41),))
    db = workspace.db
    with db.atomic():
        document_id = db.table("documents").insert({"file_name": "scan.png", "source_path": "scan.png"}).last_pk
        store_version(db, document_id, source)
    return document_id


def test_correcting_ocr_text_makes_a_new_version_and_moves_the_notes(empty_workspace, tmp_path):
    """The note on 'Choibalsan reported' follows the text into the corrected version, at its new offsets."""
    documents, annotations = empty_workspace.documents, empty_workspace.annotations
    document_id = _scanned(empty_workspace, tmp_path)
    note = annotations.create_at_quote(document_id, "Choibalsan reported", note="His own account")
    before = documents.get(document_id).version_number
    corrected = OCR.replace("Stalln", "Stalin").replace("The treaty", "The secret treaty")
    summary = documents.correct_text(document_id, corrected)
    assert summary.kept == 1 and documents.get(document_id).version_number == before + 1
    moved = annotations.get(note.id)
    assert corrected[moved.start:moved.end] == "Choibalsan reported" and moved.start == note.start + len("secret ")
    assert documents.text(document_id).text == corrected
    assert documents.correct_text(document_id, corrected) is None  # unchanged: no version


def test_page_geometry_follows_the_corrected_text(empty_workspace, tmp_path):
    """Pages and boxes point at the same words after the edit; the corrected uncertain word is no longer marked."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    corrected = OCR.replace("Stalln", "Stalin").replace("The treaty", "The secret treaty")
    documents.correct_text(document_id, corrected)
    pages = documents.pages(document_id)
    assert corrected[pages[1].start:].startswith("Choibalsan") and pages[1].end == len(corrected)
    words = [corrected[b.start:b.end] for b in documents.boxes(document_id, 0)]
    assert words[:3] == ["The", "treaty", "of"] and "Stalin" in words
    assert documents.uncertain(document_id) == []


def test_offset_map_is_exact_outside_the_edits():
    """Offsets in unchanged stretches move by the length of the edits before them."""
    moved = OffsetMap("abc def ghi\njkl\n", "abc DEFX ghi\njkl\n")
    assert moved(0) == 0 and moved(8) == 9 and moved(12) == 13 and moved.end(3) == 3
    assert moved.unchanged(8, 11) and not moved.unchanged(4, 7)


def test_the_scan_path_is_kept(empty_workspace, tmp_path):
    """The corrected version still knows the image its pages came from."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    documents.correct_text(document_id, OCR.replace("Stalln", "Stalin"))
    assert Path(documents.page_source(document_id)) == (tmp_path / "scan.png").resolve()


def test_boilerplate_marked_by_hand_holds_through_the_corrected_version(empty_workspace, tmp_path):
    """A stretch the user marked as boilerplate stays marked in the corrected version, moved with its words; one
    whose words were edited is not carried (hiding changed text would hide what the user has not seen)."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    party, stalln = OCR.index("to the Party"), OCR.index("Stalln in Moscow")
    documents.set_boilerplate(document_id, party, party + len("to the Party"), True)
    documents.set_boilerplate(document_id, stalln, stalln + len("Stalln in Moscow"), True)
    corrected = OCR.replace("Stalln", "Stalin").replace("The treaty", "The secret treaty")
    documents.correct_text(document_id, corrected)
    marked = [corrected[s.start:s.end] for s in documents.text(document_id).boilerplate]
    assert marked == ["to the Party"]


def test_a_correction_is_undone_and_redone_as_one_step(empty_workspace, tmp_path):
    """Undo takes a correction back (the text before it, the note at its old place, found by search again) and
    keeps the steps before it undoable; Redo brings it back. A correction had ended Undo for the whole library."""
    documents, annotations, history = empty_workspace.documents, empty_workspace.annotations, empty_workspace.history
    document_id = _scanned(empty_workspace, tmp_path)
    note = annotations.create_at_quote(document_id, "Choibalsan reported", note="His own account")
    corrected = OCR.replace("Stalln", "Stalin").replace("The treaty", "The secret treaty")
    documents.correct_text(document_id, corrected)
    assert history.next_undo() == "Correct text"
    history.undo()
    assert documents.text(document_id).text == OCR
    assert (annotations.get(note.id).start, annotations.get(note.id).end) == (note.start, note.end)
    assert empty_workspace.search.search("Stalln").groups.get("text")
    assert not empty_workspace.search.search("secret").groups.get("text")
    history.redo()
    assert documents.text(document_id).text == corrected
    assert corrected[annotations.get(note.id).start:annotations.get(note.id).end] == "Choibalsan reported"
    history.undo()
    history.undo()  # the note's creation, made before the correction
    assert annotations.for_document(document_id) == []


def test_a_correction_after_an_undone_one_starts_from_the_text_shown(empty_workspace, tmp_path):
    """After a correction is undone, the next one moves what was judged about ranges (a mention rejected) from the
    text shown, not from the undone version stored beside it."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    moscow = OCR.index("Moscow")
    with empty_workspace.db.atomic():
        from reader.core.storage import entities as entity_store

        entity_store.add_decision(empty_workspace.db, "reject_mention",
                                  {"document_id": document_id, "start": moscow, "end": moscow + 6})
    documents.correct_text(document_id, "A far longer first line than before. " + OCR)
    empty_workspace.history.undo()
    documents.correct_text(document_id, "X " + OCR)
    [(_row, payload)] = entity_store.ranged_decisions_of(empty_workspace.db, document_id)
    assert (payload["start"], payload["end"]) == (moscow + 2, moscow + 8)


def test_the_same_correction_made_again_is_the_same_version(empty_workspace, tmp_path):
    """Correct, Undo, and the same correction again stored the same text as yet another version each time: the
    version numbers a user sees grew (version 6 for two texts) and a number no longer named one text."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    corrected = OCR.replace("Stalln", "Stalin")
    for _ in range(3):
        documents.correct_text(document_id, corrected)
        empty_workspace.history.undo()
    documents.correct_text(document_id, corrected)
    assert documents.get(document_id).version_number == 2
    empty_workspace.history.undo()
    assert documents.get(document_id).version_number == 1 and documents.text(document_id).text == OCR


TYPED = "Title line\n\nIn November 1984 Genden met Stalm in the Kremlin.\n\nGenden was removed from office in 1936.\n"


def _corrected_import(workspace, tmp_path) -> tuple[Path, int, str]:
    """A text file imported, then two misreadings corrected by hand."""
    path = tmp_path / "doc.txt"
    path.write_text(TYPED, encoding="utf-8")
    workspace.documents.import_paths([path])
    document_id = workspace.documents.resolve("doc.txt").id
    corrected = TYPED.replace("Stalm", "Stalin").replace("1984", "1934")
    workspace.documents.correct_text(document_id, corrected)
    return path, document_id, corrected


def test_the_same_file_imported_again_keeps_the_corrections(empty_workspace, tmp_path):
    """Importing a folder again after correcting one of its files by hand reverted every correction (the file
    differs from the corrected text, so it was taken for a new version): the file is as it was read, so unchanged."""
    path, document_id, corrected = _corrected_import(empty_workspace, tmp_path)
    note = empty_workspace.annotations.create_at_quote(document_id, "met Stalin in the Kremlin", note="corrected")
    report = empty_workspace.documents.import_paths([path])
    [outcome] = report.outcomes
    assert outcome.status == "unchanged" and "corrections" in outcome.message
    assert empty_workspace.documents.text(document_id).text == corrected
    assert empty_workspace.annotations.get(note.id).anchor_status == "anchored"


def test_a_changed_file_takes_the_corrections_along(empty_workspace, tmp_path):
    """The file changed since (an archivist's line added): its new text is stored with the hand corrections made
    again on it where the file did not change, and the import says how many it carried and which it could not."""
    path, document_id, corrected = _corrected_import(empty_workspace, tmp_path)
    path.write_text(TYPED.replace("Title line", "Title line, revised") + "\nArchivist's note: folio 12.\n",
                    encoding="utf-8")
    report = empty_workspace.documents.import_paths([path])
    [outcome] = report.outcomes
    text = empty_workspace.documents.text(document_id).text
    assert text == corrected.replace("Title line", "Title line, revised") + "\nArchivist's note: folio 12.\n"
    assert outcome.status == "new_version" and "2 hand corrections carried over" in outcome.message
    path.write_text(TYPED.replace("Stalm", "Stalmm"), encoding="utf-8")  # the file changed where a correction was
    [outcome] = empty_workspace.documents.import_paths([path]).outcomes
    assert "1 hand correction carried over" in outcome.message and "“Stalm” → “Stalin”" in outcome.message
    assert "1934 Genden met Stalmm" in empty_workspace.documents.text(document_id).text


def test_a_library_older_than_the_record_keeps_its_corrections(empty_workspace, tmp_path):
    """In a library made before the document remembered which version its file gave, the first import of the
    unchanged file still reverted every correction: the file giving an earlier version's very text is that
    version, read again."""
    path, document_id, corrected = _corrected_import(empty_workspace, tmp_path)
    with empty_workspace.db.atomic():
        empty_workspace.db.execute("UPDATE documents SET read_version_id = NULL")
    [outcome] = empty_workspace.documents.import_paths([path]).outcomes
    assert outcome.status == "unchanged" and "corrections" in outcome.message
    assert empty_workspace.documents.text(document_id).text == corrected


def test_a_mark_across_a_line_end_survives_a_correction_later_in_the_next_line(empty_workspace, tmp_path):
    """A boilerplate mark across a line's end, a word corrected later in its second line: the diff's unchanged
    text was cut at that line's start into two stretches, and the mark, no longer inside one, was dropped (audit
    CM M1)."""
    documents = empty_workspace.documents
    document_id = _scanned(empty_workspace, tmp_path)
    start = OCR.index("in Moscow.")
    end = OCR.index("Choibalsan reported") + len("Choibalsan reported")
    documents.set_boilerplate(document_id, start, end, True)
    corrected = OCR.replace("the Party", "the Partv")
    documents.correct_text(document_id, corrected)
    assert [corrected[s.start:s.end] for s in documents.text(document_id).boilerplate] == [
        "in Moscow.\n\nChoibalsan reported"]
