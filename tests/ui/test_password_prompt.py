"""The window asks for the password of an encrypted PDF, says when it was wrong, and imports it with the right one."""

from reader.ui import password_dialog
from tests.core.pdf_samples import hand_pdf


def test_window_asks_for_the_password_and_retries(window, qtbot, tmp_path, monkeypatch):
    """Wrong password: asked again (told it was wrong); right one: imported; no warning box for the locked file."""
    from PySide6.QtWidgets import QMessageBox

    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    asked, answers = [], ["stalin", "genden"]
    monkeypatch.setattr(password_dialog, "ask_password",
                        lambda parent, name, wrong: asked.append((name, wrong)) or answers.pop(0))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: warned.append(args)))
    window.import_paths([secret])
    qtbot.waitUntil(lambda: window.workspace.documents.list()[-1].file_name == "secret.pdf", timeout=20000)
    assert asked == [("secret.pdf", False), ("secret.pdf", True)] and not warned
    document_id = window.workspace.documents.resolve("secret.pdf").id
    assert window.workspace.documents.text(document_id).text == "Secret minutes of 1937\n"


def test_cancelled_password_leaves_the_database_unchanged(window, qtbot, tmp_path, monkeypatch):
    """Cancelling the prompt imports nothing and puts the one-line reason in the status bar."""
    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    asked = []
    monkeypatch.setattr(password_dialog, "ask_password", lambda parent, name, wrong: asked.append(name))
    before = [info.id for info in window.workspace.documents.list()]
    shown = []  # every status message: a later one (recognition's progress, say) may replace it at any moment
    window.statusBar().messageChanged.connect(shown.append)
    window.import_paths([secret])
    qtbot.waitUntil(lambda: any("the PDF is password-protected; give its password" in m for m in shown), timeout=20000)
    assert asked and [info.id for info in window.workspace.documents.list()] == before


def test_the_import_line_says_a_locked_pdf_waits_for_its_password(window, qtbot, tmp_path, monkeypatch):
    """The import's line counted a PDF as failed before its password was even asked: it waits for it."""
    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(password_dialog, "ask_password", lambda parent, name, wrong: None)
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: None))
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    window.import_paths([secret, tmp_path / "empty.txt"])
    qtbot.waitUntil(lambda: any(m.startswith("Import:") for m in shown), timeout=20000)
    line = next(m for m in shown if m.startswith("Import:"))
    assert line.startswith("Import: 1 failed, 1 waiting for a password"), line


def test_a_wrong_password_asks_for_the_same_file_again_first(window, qtbot, tmp_path, monkeypatch):
    """With two locked PDFs, a wrong password for the first asked about the second before the first again: the
    file just refused is asked again at once, told its password was wrong."""
    one = hand_pdf(tmp_path / "one.pdf", ["Secret minutes of 1937"], password="genden")
    two = hand_pdf(tmp_path / "two.pdf", ["Other minutes of 1938"], password="demid")
    answers = iter(["wrong", "genden", "demid"])
    asked = []
    monkeypatch.setattr(password_dialog, "ask_password",
                        lambda parent, name, wrong: asked.append((name, wrong)) or next(answers))
    window.import_paths([one, two])
    qtbot.waitUntil(lambda: len(asked) == 3 and len(window.workspace.documents.list()) >= 2, timeout=30000)
    assert asked == [("one.pdf", False), ("one.pdf", True), ("two.pdf", False)]


def test_a_changed_password_pdf_chosen_alone_is_asked_for_its_password(window, qtbot, tmp_path, monkeypatch):
    """A password PDF already imported, changed, and chosen by itself in File > Import…, was passed over with
    "give its password", and the window asked for none: its new text could come in only by the command line
    (audit DO 5). Chosen alone it is asked for, and its new text imported; a folder swept again asks nothing."""
    (tmp_path / "fond").mkdir()
    secret = hand_pdf(tmp_path / "fond" / "secret.pdf", ["Secret minutes of 1937"], password="genden")
    window.workspace.documents.import_paths([secret], password="genden")
    hand_pdf(secret, ["Secret minutes of 1937, corrected"], password="genden")
    asked = []
    monkeypatch.setattr(password_dialog, "ask_password", lambda parent, name, wrong: asked.append(name) or None)
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    window.import_paths([tmp_path / "fond"])
    qtbot.waitUntil(lambda: any(m.startswith("Import:") for m in shown), timeout=20000)
    assert asked == []
    monkeypatch.setattr(password_dialog, "ask_password", lambda parent, name, wrong: asked.append(name) or "genden")
    window.import_paths([secret])
    document_id = window.workspace.documents.resolve("secret.pdf").id
    qtbot.waitUntil(lambda: window.workspace.documents.text(document_id).text.endswith("corrected\n"), timeout=20000)
    assert asked == ["secret.pdf"]
