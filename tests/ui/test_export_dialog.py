"""The Export dialog asks before replacing a file and takes a relative name in the last export folder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.ui.export_dialog import ExportDialog


def test_export_asks_before_replacing_and_keeps_the_file_on_no(window, tmp_path, monkeypatch) -> None:
    """Protects an existing file: answering No to 'Replace it?' writes nothing."""
    target = tmp_path / "notes.md"
    target.write_text("mine", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.No)
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(target))
    dialog.export()
    assert asked and str(target) in asked[0]
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_file_no_export_may_replace_is_refused_before_asking_to_replace_it(window, tmp_path, monkeypatch) -> None:
    """The open database, a folder or a device is refused at once, in the dialog's line: the dialog had asked
    "already exists. Replace it?" of the user's own database, and refused only after Yes."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.Yes)
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    for target, said in ((window.workspace.path, "belongs to the database"), (tmp_path, "is a folder"),
                         ("/dev/null", "is not a regular file")):
        dialog.path_edit.setText(str(target))
        dialog.export()
        assert said in dialog.result.text()
    assert asked == []


def test_a_relative_name_goes_to_the_last_export_folder(window, qtbot, tmp_path) -> None:
    """A bare file name is written in the folder of the previous export, not wherever the program was started."""
    first = tmp_path / "exports"
    first.mkdir()
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(first / "one.md"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result.text().endswith("one.md"))
    again = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    again.path_edit.setText("two.md")
    again.export()
    qtbot.waitUntil(lambda: again.save_button.isEnabled())
    assert (first / "two.md").exists()
    assert again.result.text().endswith(str(first / "two.md"))


def test_an_export_that_cannot_be_written_says_why_and_can_be_tried_again(window, qtbot, tmp_path) -> None:
    """A folder that does not exist: the worker's failure reaches the dialog as one line, and Save works again."""
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(tmp_path / "missing" / "notes.md"))
    dialog.export()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert "missing" in dialog.result.text() and "\n" not in dialog.result.text()
    assert "Traceback" not in dialog.result.text()
    dialog.path_edit.setText(str(tmp_path / "notes.md"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result.text().endswith(str(tmp_path / "notes.md")))


def test_the_dialogs_line_is_shown_whole_and_goes_when_the_choice_changes(window, qtbot, tmp_path) -> None:
    """A long reason wraps onto lines the dialog makes room for (it was clipped to one line's height), and a result
    no longer true once the format, the scope or the file is changed is taken away."""
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setText(str(tmp_path / "a folder that is not there" / "and another" / "notes.md"))
    dialog.export()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.waitUntil(lambda: dialog.result.height() >= dialog.result.heightForWidth(dialog.result.width()))
    assert dialog.result.heightForWidth(dialog.result.width()) > dialog.result.fontMetrics().height() * 1.5
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    assert dialog.result.text() == ""


def test_file_import_annotations_brings_back_notes_and_links(window, qtbot, tmp_path, monkeypatch) -> None:
    """File > Import annotations… reads a W3C export back, links included, and the views follow: Comparisons lists
    the link it made, and the status bar says what was placed and made."""
    import sqlite3
    from contextlib import closing

    from reader.core.workspace import Workspace
    from reader.ui import file_dialogs

    workspace = window.workspace
    first = workspace.annotations.create_at_quote(workspace.documents.resolve("000").id, "November 15, 1934")
    second = workspace.annotations.create_at_quote(workspace.documents.resolve("002").id, "November 24, 1934")
    with closing(sqlite3.connect(workspace.path)) as source, closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
        source.backup(copy)
    other = Workspace.open(tmp_path / "copy.db")  # another copy of the library, where the link was made
    other.links.link(first.id, second.id, "contradicts", "15 or 24?")
    path = tmp_path / "notes.jsonld"
    other.export.write("jsonld", path)
    other.close()
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args: str(path))
    [action] = [a for a in window.file_menu.actions() if a.text() == "Import &annotations…"]
    action.trigger()
    assert "1 link made" in window.statusBar().currentMessage()
    comparisons = window.annotation_panels.comparisons
    qtbot.waitUntil(lambda: comparisons.model.rowCount() == 1)


def test_many_entries_not_placed_are_listed_in_a_box_that_fits_the_screen(window, tmp_path, monkeypatch) -> None:
    """1,500 entries on documents not here made a warning 42,000 pixels tall, its OK button off the screen and the
    summary said only after it (audit BF F15): the summary and the first reasons, the rest under Show Details."""
    import json

    from PySide6.QtWidgets import QMessageBox

    from reader.ui import file_dialogs

    entries = [{"type": "Annotation", "id": f"urn:x:{n}", "target": {"source": f"https://example.org/{n}",
                "selector": {"type": "TextQuoteSelector", "exact": "words"}}} for n in range(1500)]
    path = tmp_path / "elsewhere.jsonld"
    path.write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *args: str(path))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box))
    [action] = [a for a in window.file_menu.actions() if a.text() == "Import &annotations…"]
    action.trigger()
    [box] = shown
    assert box.text().startswith("0 annotations placed") and "… and 1,490 more (Show Details…)" in box.text()
    assert len(box.text().splitlines()) < 15 and len(box.detailedText().splitlines()) == 1500


def test_a_long_tag_name_does_not_push_the_dialog_off_the_screen(window, qtbot):
    """A code with its description in its name (300 characters) made File > Export… 2,300 pixels wide, its Save and
    Close buttons off a 1440-pixel screen: the scope box keeps a sane width, the full name in its tooltip."""
    document_id = window.workspace.documents.list()[0].id
    name = "Violence against lamas as the sources describe it " * 6
    window.workspace.annotations.create_at_quote(document_id, "Genden", tags=[name])
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.scope_box.sizeHint().width() < 600
    [index] = [i for i in range(dialog.scope_box.count()) if dialog.scope_box.itemData(i) == ("tag", name.strip())]
    assert dialog.scope_box.itemData(index, Qt.ItemDataRole.ToolTipRole) == f"Tag: {name.strip()}"


def test_a_file_named_as_another_format_is_refused_before_it_is_written(window, tmp_path) -> None:
    """TEI chosen and 'notes.jsonld' typed wrote TEI under the name of a JSON-LD file: refused in the dialog's line,
    saying what to do, and nothing written."""
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("tei"))
    dialog.path_edit.setText(str(tmp_path / "notes.jsonld"))
    dialog.export()
    assert "notes.jsonld" in dialog.result.text() and ".xml" in dialog.result.text()
    assert not (tmp_path / "notes.jsonld").exists() and dialog.save_button.isEnabled()


def test_a_name_too_long_for_the_disk_is_refused_in_the_dialog(window, tmp_path) -> None:
    """A file name longer than the file system takes raised out of Save once the dialog looked whether it was there
    to give it its ending (audit DS F1): the dialog's line says the name cannot be written."""
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(tmp_path / ("n" * 300)))
    dialog.export()
    assert "too long" in dialog.result.text()


def test_a_name_where_a_broken_link_stands_is_given_its_ending(window, tmp_path) -> None:
    """A typed name where a symbolic link to nothing stood got no ending and was written through the link, wherever
    it pointed (audit DU F7): it is given its ending, as a name nothing stands at is."""
    (tmp_path / "notes").symlink_to(tmp_path / "elsewhere" / "gone.txt")
    window.workspace.annotations.create(window.workspace.documents.list()[0].id, 0, 10)
    dialog = ExportDialog(window.workspace, window.runner, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(tmp_path / "notes"))
    dialog.export()
    assert dialog.path_edit.text() == str(tmp_path / "notes.md")
