"""The Export dialog asks before replacing a file and takes a relative name in the last export folder."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from reader.ui.export_dialog import ExportDialog


def test_export_asks_before_replacing_and_keeps_the_file_on_no(window, tmp_path, monkeypatch) -> None:
    """Protects an existing file: answering No to 'Replace it?' writes nothing."""
    target = tmp_path / "notes.md"
    target.write_text("mine", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.No)
    dialog = ExportDialog(window.workspace, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(target))
    dialog.export()
    assert asked and str(target) in asked[0]
    assert target.read_text(encoding="utf-8") == "mine"


def test_a_relative_name_goes_to_the_last_export_folder(window, tmp_path) -> None:
    """A bare file name is written in the folder of the previous export, not wherever the program was started."""
    first = tmp_path / "exports"
    first.mkdir()
    dialog = ExportDialog(window.workspace, parent=window, settings=window.settings)
    dialog.path_edit.setText(str(first / "one.md"))
    dialog.export()
    again = ExportDialog(window.workspace, parent=window, settings=window.settings)
    again.path_edit.setText("two.md")
    again.export()
    assert (first / "two.md").exists()
    assert again.result.text().endswith(str(first / "two.md"))
