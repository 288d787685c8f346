"""Re-importing a changed file moves annotations, lists the unsure ones for review, and never loses any."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from jsonschema import Draft4Validator

from reader.core.errors import ReaderError
from tests.core.test_export import _must_assertions, _registry

ORIGINAL = ("Genden Falls into Disfavor\n\nIn 1934 Satlin met Genden in Moscow on November 15, 1934.\n"
            "Choibalshan attended the meeting.\nThe monasteries were closed later.\n")
CHANGED = ("Genden Falls into Disfavor\n\nPreface added by the editor.\n\nIn 1934 Stalin met Genden in Moscow on "
           "November 24, 1934.\nThe monasteries were closed later.\n")


@pytest.fixture
def source(empty_workspace, tmp_path):
    path = tmp_path / "account.txt"
    path.write_text(ORIGINAL, encoding="utf-8")
    empty_workspace.documents.import_paths([path])
    return path


def _annotate(workspace, quote):
    document_id = workspace.documents.resolve("account.txt").id
    return workspace.annotations.create_at_quote(document_id, quote, note=f"on {quote}")


def test_reimport_counts_moved_review_and_orphaned(empty_workspace, source):
    """Unchanged and lightly edited passages move; a removed one is kept for review or as an orphan."""
    workspace = empty_workspace
    kept, typo, removed = (_annotate(workspace, q) for q in ("monasteries were closed", "Satlin met Genden",
                                                             "Choibalshan attended the meeting"))
    source.write_text(CHANGED, encoding="utf-8")
    report = workspace.documents.import_paths([source])
    [summary] = report.reanchored
    assert (summary.kept, summary.review + summary.orphaned) == (2, 1)
    text = workspace.documents.text(kept.document_id).text
    for annotation, expected in ((kept, "monasteries were closed"), (typo, "Stalin met Genden")):
        now = workspace.annotations.get(annotation.id)
        assert now.anchor_status == "anchored" and text[now.start:now.end] == expected == now.quote.exact
    lost = workspace.annotations.get(removed.id)
    assert lost.quote.exact == "Choibalshan attended the meeting" and lost.note == "on Choibalshan attended the meeting"
    assert len(workspace.annotations.for_document(kept.document_id)) == 3


def test_review_actions_and_their_undo(empty_workspace, source):
    """Accept takes the proposal, another place re-quotes, keep-as-orphan stays listed; restore_anchor undoes each."""
    workspace = empty_workspace
    date = _annotate(workspace, "November 15, 1934")
    source.write_text(ORIGINAL.replace("November 15, 1934", "Nov. 24th of that year"), encoding="utf-8")
    workspace.documents.import_paths([source])
    [item] = workspace.review.needs_review(include_orphans=True)
    assert item.old.text == "November 15, 1934" and item.annotation.id == date.id
    text = workspace.documents.text(date.document_id).text
    start = text.index("Nov. 24th")
    before, after = workspace.review.relocate(date.id, start, start + 9)
    assert after.anchor_status == "anchored" and after.quote.exact == "Nov. 24th"
    assert workspace.review.needs_review(include_orphans=True) == []
    restored = workspace.review.restore_anchor(before)
    assert replace(restored, modified_at=before.modified_at, place_at=before.place_at) == before  # written again:
    # a second may have passed (its place's moment too: the test failed when one did)
    _, orphan = workspace.review.keep_orphan(date.id)
    assert orphan.anchor_status == "orphan" and workspace.review.orphans() == [orphan]
    assert date.id not in [s.ref for s in workspace.annotations.spans(date.document_id)]
    with pytest.raises(ReaderError):
        workspace.review.accept(date.id)


def test_accept_takes_the_proposed_place(empty_workspace, source):
    """A rewritten passage is proposed for review; accepting anchors it there, quoting the new text."""
    workspace = empty_workspace
    annotation = _annotate(workspace, "Satlin")
    source.write_text(ORIGINAL.replace("In 1934 Satlin met", "During 1934 Joseph V. Stalin then met"),
                      encoding="utf-8")
    [summary] = workspace.documents.import_paths([source]).reanchored
    assert (summary.kept, summary.review, summary.orphaned) == (0, 1, 0)
    [item] = workspace.review.needs_review()
    assert (item.old.text, item.new.text) == ("Satlin", "Stalin")
    before, accepted = workspace.review.accept(annotation.id)
    assert before.anchor_status == "review" and before.quote.exact == "Satlin"
    assert accepted.anchor_status == "anchored" and accepted.anchor_confidence == 1.0
    assert accepted.quote.exact == "Stalin" and workspace.review.needs_review() == []


def test_an_orphaned_note_is_in_every_export_marked_as_such(empty_workspace, source):
    """A note whose passage a new version removed was left out of every export without a word: a JSON-LD kept as a
    backup lost it. Each format now holds it, with its old quote, marked as no longer in the text (and placed
    nowhere in it: no position, no anchor)."""
    workspace = empty_workspace
    date = _annotate(workspace, "November 15, 1934")
    source.write_text(ORIGINAL.replace("November 15, 1934", "Nov. 24th of that year"), encoding="utf-8")
    workspace.documents.import_paths([source])
    _, orphan = workspace.review.keep_orphan(date.id)
    assert orphan.anchor_status == "orphan"
    for fmt in ("md", "csv", "tei", "html"):
        text = workspace.export.export(fmt)
        assert "on November 15, 1934" in text and "November 15, 1934" in text, fmt
        assert "no longer in the text" in text, fmt
    assert "a new version changed or removed the passage" in workspace.export.export("md")  # it was reworded here,
    # and "a new version removed the passage" was untrue (audit DG 2)
    [annotation] = [a for a in json.loads(workspace.export.export("jsonld"))["first"]["items"]
                    if a["id"].endswith(f":{date.id}")]
    assert annotation["body"][0]["value"] == "on November 15, 1934"
    assert [s["type"] for s in annotation["target"]["selector"]] == ["TextQuoteSelector"]
    assert annotation["target"]["state"]["type"] == "TimeState"  # the quote is of the text as it was then
    for schema in _must_assertions():
        valid = Draft4Validator(schema, registry=_registry()).is_valid(annotation)
        assert valid == (schema.get("expectedResult", "valid") == "valid"), schema["id"]


def test_a_backup_restored_keeps_its_orphaned_note_as_an_orphan(empty_workspace, source, tmp_path):
    """Read into a fresh library, the program's JSON-LD keeps a note whose passage is gone as an orphan, with its
    quote, note and tags, waiting in Needs review: it was 'not placed', and the backup lost it."""
    from reader.core.workspace import Workspace

    workspace = empty_workspace
    date = _annotate(workspace, "November 15, 1934")
    workspace.annotations.set_tags(date.id, ["meeting"])
    source.write_text(ORIGINAL.replace("November 15, 1934", "Nov. 24th of that year"), encoding="utf-8")
    workspace.documents.import_paths([source])
    workspace.review.keep_orphan(date.id)
    backup = tmp_path / "backup.jsonld"
    workspace.export.write("jsonld", backup)
    fresh = Workspace.open(tmp_path / "fresh.db")
    fresh.documents.import_paths([source])
    report = fresh.export.import_annotations(backup)
    assert report.skipped == [] and report.orphaned == 1 and "1 kept as an orphan" in report.summary
    [kept] = fresh.review.orphans()
    assert (kept.quote.exact, kept.note, kept.tags) == ("November 15, 1934", "on November 15, 1934", ("meeting",))
    assert fresh.export.import_annotations(backup).already == 1  # read twice: not doubled
    fresh.close()


def test_a_new_version_counts_what_it_did_not_what_was_waiting(empty_workspace, source):
    """A correction that touches nothing annotated moves the notes and says so; a note orphaned before is not counted
    again as orphaned by it ('1 orphaned' had blamed the correction for an earlier re-import)."""
    workspace = empty_workspace
    kept, gone = _annotate(workspace, "monasteries were closed"), _annotate(workspace, "November 15, 1934")
    source.write_text(ORIGINAL.replace("November 15, 1934", "Nov. 24th of that year"), encoding="utf-8")
    workspace.documents.import_paths([source])
    workspace.review.keep_orphan(gone.id)
    text = workspace.documents.text(kept.document_id).text
    summary = workspace.documents.correct_text(kept.document_id, text.replace("Genden Falls", "Genden falls"))
    assert (summary.kept, summary.review, summary.orphaned) == (1, 0, 0)


def test_a_changed_file_imported_again_is_undone_and_redone_as_one_step(empty_workspace, source):
    """Undo takes back the new version an import stored (the earlier text current again, its notes on their old
    words) with the new document it brought (to the Trash), the steps before it stay undoable, Redo stores them
    back. An import of a changed file had ended Undo for the whole library."""
    workspace = empty_workspace
    meeting = _annotate(workspace, "Satlin met Genden")
    other = source.parent / "letter.txt"
    other.write_text("A letter from Ulaanbaatar.\n", encoding="utf-8")
    source.write_text(CHANGED, encoding="utf-8")
    report = workspace.documents.import_paths([other, source])
    assert [o.status for o in report.outcomes] == ["imported", "new_version"]  # in the order given
    assert workspace.history.next_undo() == "Import 2 files"
    document_id = workspace.documents.resolve("account.txt").id
    workspace.history.undo()
    assert workspace.documents.text(document_id).text == ORIGINAL
    back = workspace.annotations.get(meeting.id)
    assert ORIGINAL[back.start:back.end] == "Satlin met Genden"
    assert [item.label for item in workspace.trash.items()] == ["letter.txt (with 0 annotations)"]
    workspace.history.redo()
    assert workspace.documents.text(document_id).text == CHANGED
    assert workspace.documents.resolve("letter.txt") and workspace.trash.items() == []
    workspace.history.undo()
    workspace.history.undo()  # the note made before the import
    assert workspace.annotations.for_document(document_id) == []


def test_notes_back_in_the_text_are_said(empty_workspace, source):
    """A file reverted after an edit put its orphaned notes back on their words, and the import said "0 moved, 0
    orphaned": nothing told the user two notes had come back. It says how many are back."""
    workspace = empty_workspace
    gone = _annotate(workspace, "Choibalshan attended the meeting")
    source.write_text(ORIGINAL.replace("Choibalshan attended the meeting.\n", ""), encoding="utf-8")
    workspace.documents.import_paths([source])
    assert workspace.annotations.get(gone.id).anchor_status == "orphan"
    source.write_text(ORIGINAL, encoding="utf-8")
    [summary] = workspace.documents.import_paths([source]).reanchored
    assert summary.back == 1 and "1 back in the text" in summary.message
    assert workspace.annotations.get(gone.id).anchor_status == "anchored"


def test_a_new_version_never_shows_the_old_ones_entity_marks(empty_workspace, source, shared_model):
    """After a changed file was imported again, the old version's entity marks were drawn on the new text (moved by
    a preface: 'the editor' marked as a person) until recognition reached it: marks on unchanged words move with
    them and the others go (a name grown into another word too); an Undo of the import drops the marks of the
    version it leaves, and recognition reads the other's again."""
    workspace = empty_workspace
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    document_id = workspace.documents.resolve("account.txt").id

    def misplaced() -> list[str]:
        text = workspace.documents.text(document_id).text
        return [m.text for m in workspace.entities.mentions(document_id) if text[m.start:m.end] != m.text]

    source.write_text(CHANGED.replace("met Genden in", "met Gendenovich in"), encoding="utf-8")
    workspace.documents.import_paths([source])
    assert misplaced() == [] and "Genden" in {m.text for m in workspace.entities.mentions(document_id)}
    text = workspace.documents.text(document_id).text
    assert all(not text[m.end:m.end + 1].isalpha() for m in workspace.entities.mentions(document_id))  # not the
    # 'Genden' of 'Gendenovich'
    workspace.history.undo()
    assert misplaced() == []
    workspace.entities.ensure_current()
    assert "Satlin" in {m.text for m in workspace.entities.mentions(document_id)}


def test_the_import_summary_says_orphans_in_the_plural_without_an_article():
    """'2 kept as an orphans' (audit BZ F13): the article goes with the plural."""
    from reader.core.records.exports import AnnotationImportReport

    assert "2 kept as orphans (" in AnnotationImportReport(orphaned=2).summary
    assert "1 kept as an orphan (" in AnnotationImportReport(orphaned=1).summary


def test_a_note_in_its_place_cannot_be_kept_as_an_orphan(empty_workspace, source):
    """`review ID --orphan` orphaned a note placed in its text, and the export then said a new version had removed
    its passage, which stood there (audit CE F6): only a note waiting for review, or an orphan, can be kept so."""
    from reader.core.errors import ReaderError

    placed = _annotate(empty_workspace, "monasteries were closed")
    with pytest.raises(ReaderError, match="is in its place"):
        empty_workspace.review.keep_orphan(placed.id)
    assert empty_workspace.annotations.get(placed.id).anchor_status == "anchored"


def test_a_word_become_another_word_waits_for_review_in_an_english_text(empty_workspace, tmp_path):
    """"the monasteries were closed later" become "closed latter": one letter apart, as "Satlin" and "Stalin" are,
    and the note moved silently onto another statement. The document's language (read at import) knows both for
    words, where "Satlin" is none."""
    workspace, path = empty_workspace, tmp_path / "memoir.txt"
    text = ("In the autumn of 1934 Satlin met Genden in Moscow, and the two men argued about the lamas for a long "
            "time. The Mongolian leader would not give way, and the monasteries were closed later, after his fall.\n")
    path.write_text(text, encoding="utf-8")
    workspace.documents.import_paths([path])
    assert workspace.documents.resolve("memoir.txt").metadata.language == "English"
    typo, changed = (workspace.annotations.create_at_quote(workspace.documents.resolve("memoir.txt").id, quote)
                     for quote in ("Satlin met Genden", "monasteries were closed later"))
    path.write_text(text.replace("Satlin", "Stalin").replace("closed later", "closed latter"), encoding="utf-8")
    workspace.documents.import_paths([path])
    assert [workspace.annotations.get(note.id).anchor_status for note in (typo, changed)] == ["anchored", "review"]


def test_a_document_whose_language_names_a_region_knows_its_words(empty_workspace, tmp_path):
    """A document whose language was set to "en-GB" re-anchored without its words, and "closed later" become
    "closed latter" moved silently (audit CL L7)."""
    workspace, path = empty_workspace, tmp_path / "note.txt"
    text = "The monasteries were closed later.\n"
    path.write_text(text, encoding="utf-8")
    document_id = workspace.documents.import_paths([path]).outcomes[0].document_id
    workspace.documents.update_metadata(document_id, {"language": "en-GB"})
    note = workspace.annotations.create_at_quote(document_id, "monasteries were closed later")
    path.write_text(text.replace("later", "latter"), encoding="utf-8")
    workspace.documents.import_paths([path])
    assert workspace.annotations.get(note.id).anchor_status == "review"


PAGES = ("THE MONGOLIAN REPORTS\n\nGenden travelled to Moscow.\n\n1\n\nTHE MONGOLIAN REPORTS\n\nThe talks lasted three "
         "days.\n\n2\n\nTHE MONGOLIAN REPORTS\n\nAmar, who followed Genden, kept the same course.\n\n3\n\n"
         "THE MONGOLIAN REPORTS\n\nIn 1937 the arrests began.\n\n4\n")


def test_a_note_on_a_notice_repeated_on_every_page_is_not_moved_silently_when_its_page_goes(empty_workspace,
                                                                                            tmp_path):
    """A note on page 3's running head, page 3 removed: the note was moved, silently, onto page 4's head, the same
    words with the same words before them, and cited as p. 4 (audit DO 1). Words repeated in the text that kept only
    one side of what stood around them are only proposed there."""
    third = PAGES.index("THE MONGOLIAN REPORTS\n\nAmar")
    note = _note_through_a_new_version(empty_workspace, tmp_path / "report.txt", PAGES, third,
                                       "THE MONGOLIAN REPORTS", PAGES.replace(
                                           "THE MONGOLIAN REPORTS\n\nAmar, who followed Genden, kept the same "
                                           "course.\n\n3\n\n", ""))
    assert note.anchor_status != "anchored"


def test_a_note_on_a_repeated_name_stays_when_only_the_sentence_before_it_is_reworded(empty_workspace, tmp_path):
    """Telling a repeated notice apart by both sides sent a note on "Stalin", a name the text repeats, to review when
    only the words before its sentence were reworded (audit DP 2): words within a line are told by their sentence."""
    text = ("Stalin met Genden twice. Genden refused. Furthermore, Stalin criticized Genden's call for Mongols to get "
            "rich. Stalin left.\n")
    note = _note_through_a_new_version(empty_workspace, tmp_path / "meeting.txt", text,
                                       text.index("Stalin criticized"), "Stalin",
                                       text.replace("Furthermore, Stalin", "Stalin"))
    assert note.anchor_status == "anchored"


def _note_through_a_new_version(workspace, path, text: str, at: int, quote: str, changed: str):
    """A note on `quote` at `at` of a file's `text`, as it is after the file, `changed`, is imported again."""
    path.write_text(text, encoding="utf-8")
    workspace.documents.import_paths([path])
    document_id = workspace.documents.resolve(path.name).id
    note = workspace.annotations.create(document_id, at, at + len(quote), note="a note")
    path.write_text(changed, encoding="utf-8")
    workspace.documents.import_paths([path])
    return workspace.annotations.get(note.id)
