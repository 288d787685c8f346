"""Where a version's page images come from: a file moved away, a PDF with a password, and finding a moved file again
by importing it from its new place."""

import shutil

import pytest

from tests.core.pdf_samples import article_pdf, hand_pdf


def test_a_pdf_with_a_password_says_its_pages_cannot_be_shown(empty_workspace, tmp_path):
    """An encrypted PDF imported with its password has no page images to offer, said in one plain line."""
    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    empty_workspace.documents.import_paths([secret], password="genden")
    problem = empty_workspace.documents.page_problem(empty_workspace.documents.resolve("secret.pdf").id)
    assert "secret.pdf" in problem and "password" in problem and "text only" in problem
    assert "PDFium" not in problem and "((" not in problem and "\n" not in problem


def test_a_file_that_is_there_has_no_page_problem(empty_workspace, tmp_path):
    """A PDF still where it was imported from shows its pages: no problem to tell."""
    empty_workspace.documents.import_paths([article_pdf(tmp_path / "article.pdf")])
    assert empty_workspace.documents.page_problem(empty_workspace.documents.resolve("article.pdf").id) == ""


def test_a_moved_file_says_where_it_was_and_how_to_find_it(empty_workspace, tmp_path):
    """The line names the stored path and says that importing the file from its new place shows the pages again."""
    path = article_pdf(tmp_path / "article.pdf")
    empty_workspace.documents.import_paths([path])
    path.unlink()
    problem = empty_workspace.documents.page_problem(empty_workspace.documents.resolve("article.pdf").id)
    assert str(path) in problem and "no longer there" in problem and "import" in problem and "\n" not in problem


@pytest.mark.parametrize("moved_to", ["sorted/moved_article.pdf", "archive/article.pdf"])
def test_importing_a_moved_file_takes_its_page_images_from_the_new_place(empty_workspace, tmp_path, moved_to):
    """The same file under another name or in another folder, its old place empty: the version's pages now come
    from the new path, and no second document is made."""
    documents = empty_workspace.documents
    path = article_pdf(tmp_path / "article.pdf")
    documents.import_paths([path])
    moved = tmp_path / moved_to
    moved.parent.mkdir()
    shutil.move(path, moved)
    outcome = documents.import_paths([moved]).outcomes[0]
    document_id = documents.resolve("article.pdf").id
    assert outcome.status == "unchanged" and outcome.document_id == document_id
    assert outcome.message == f"{moved.name}: already imported; its page images now come from {moved.resolve()}"
    assert documents.page_source(document_id) == str(moved.resolve()) and documents.page_problem(document_id) == ""
    assert len(documents.list()) == 1


def test_a_window_is_told_when_another_program_finds_a_moved_file_again(empty_workspace, tmp_path):
    """The moved file imported again from the command line: a window beside it was told nothing (a new page source
    is no step and no new version), so its pane kept Page and Both greyed until the document was opened again."""
    from reader.core.workspace import Workspace

    path = article_pdf(tmp_path / "article.pdf")
    empty_workspace.documents.import_paths([path])
    document_id = empty_workspace.documents.resolve("article.pdf").id
    window = Workspace.open(empty_workspace.path, backup=False)
    window.outside.since_last()
    moved = tmp_path / "archive" / "article.pdf"
    moved.parent.mkdir()
    shutil.move(path, moved)
    empty_workspace.documents.import_paths([moved])
    assert document_id in window.outside.since_last().documents
    window.close()


def test_a_copy_beside_an_original_still_there_changes_nothing(empty_workspace, tmp_path):
    """A second copy of a file whose original is where it was is only reported as a copy; the pages keep their path."""
    documents = empty_workspace.documents
    path = article_pdf(tmp_path / "article.pdf")
    documents.import_paths([path])
    copy = shutil.copy(path, tmp_path / "copy.pdf")
    outcome = documents.import_paths([copy]).outcomes[0]
    assert outcome.message == "copy.pdf: same text as article.pdf, already imported"
    assert documents.page_source(documents.resolve("article.pdf").id) == str(path.resolve())


def test_another_file_at_the_path_is_not_drawn_under_this_versions_marks(empty_workspace, tmp_path):
    """The page view drew whatever file stood at the path: after Undo of a changed PDF's import, or a new edition
    saved over the old, this version's highlights were painted over another file's pages (audit DO 3). Another
    file is said in one line; the same bytes written again are the same file; a corrected version keeps its file's
    and is made though the file moved away."""
    documents = empty_workspace.documents
    path = hand_pdf(tmp_path / "report.pdf", ["The talks lasted three days.", "The seal of the ministry."])
    documents.import_paths([path])
    document_id = documents.resolve("report.pdf").id
    original = path.read_bytes()
    hand_pdf(path, ["An inserted page tells of the return.", "The seal of the ministry."])
    problem = documents.page_problem(document_id)
    assert "report.pdf is not the file this version was read from" in problem and "\n" not in problem
    path.write_bytes(original)
    assert documents.page_problem(document_id) == ""
    path.unlink()
    text = documents.text(document_id).text
    documents.correct_text(document_id, text.replace("three days", "three long days"))
    path.write_bytes(original)
    assert documents.page_problem(document_id) == ""  # the corrected version's pages are the file's it was read from
