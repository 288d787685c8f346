"""File > Export…: choose a format, a scope (all, a document, a tag, the current search, the Comparisons view), how
Markdown notes are grouped, and a file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from reader.core.errors import ReaderError, WorkCancelled
from reader.core.export.items import Scope
from reader.core.export.service import named_as, with_ending
from reader.core.records.comparisons import ComparisonFilter
from reader.core.workspace import Workspace
from reader.ui.file_dialogs import export_folder, remember_export_folder
from reader.ui.workers import TaskRunner, progress_dialog

FORMAT_LABELS = {"md": "Markdown notes", "csv": "CSV table", "jsonld": "W3C Web Annotations (JSON-LD)",
                 "tei": "TEI P5 XML", "html": "HTML report", "geojson": "Places on a map (GeoJSON)"}
GROUP_LABELS = {"document": "Document", "tag": "Tag", "entity": "Entity named in the passage"}
MAP_SCOPES = ("all", "doc")  # a map holds every place of the register, or one document's
SCOPE_CHARACTERS = 48  # the scope box's width, in characters; a longer name is cut there and whole in its tooltip


class ExportDialog(QDialog):
    """Writes the chosen export through the core; says how many annotations went where, or why it could not."""

    def __init__(self, workspace: Workspace, runner: TaskRunner, search_query: str = "",
                 comparisons: ComparisonFilter | None = None, parent: QWidget | None = None,
                 settings: QSettings | None = None):
        """`search_query` and `comparisons` (the Comparisons view's filters) are offered as scopes when given; a
        relative file name is taken in the last export folder, remembered in `settings`. The file is written by a
        worker of `runner` (a hundred thousand notes take seconds), with progress and Cancel."""
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self.setWindowTitle("Export notes")
        self._workspace = workspace
        self._query = search_query
        self._comparisons = comparisons
        self.format_box = _combo(self, FORMAT_LABELS)
        self.group_box = _combo(self, GROUP_LABELS)
        self.scope_box = self._scope_box()
        self.path_edit = QLineEdit(self)
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._on_browse_clicked)
        self.result = QLabel("", self, wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Format", self.format_box)
        form.addRow("What", self.scope_box)
        form.addRow("Group notes by", self.group_box)
        form.addRow("File", path_row)
        form.addRow(self.result)
        form.addRow(self.buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        for changed in (self.scope_box.currentIndexChanged, self.group_box.currentIndexChanged,
                        self.path_edit.textEdited):
            changed.connect(lambda *_args: self._say(""))  # what it said was of the choices before
        self._on_format_changed()

    def _scope_box(self) -> QComboBox:
        """The scopes, each named in full in its tooltip: the box keeps a width of its own (a tag named with its
        description, 300 characters, made the dialog wider than the screen, its buttons out of reach)."""
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(SCOPE_CHARACTERS)
        choices = [("All notes", ("all", None))]
        choices += [(f"Document: {info.title}", ("doc", info.id)) for info in self._workspace.documents.list()]
        choices += [(f"Tag: {tag.name}", ("tag", tag.name)) for tag in self._workspace.tags.all()]
        if self._query:
            choices.append((f"Search: {self._query}", ("search", self._query)))
        if self._comparisons is not None:
            choices.append(("Comparisons: the linked pairs listed (with their filters)", ("comparisons",
                                                                                        self._comparisons)))
        for label, data in choices:
            box.addItem(label, data)
            box.setItemData(box.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        return box

    def scope(self) -> Scope:
        kind, value = self.scope_box.currentData()
        if kind == "doc":
            return Scope(document_id=value)
        if kind == "tag":
            return Scope(tag=value)
        if kind == "search":
            search = self._workspace.search
            return Scope(annotation_ids=search.annotation_ids(value), notebook_ids=search.notebook_ids(value))
        if kind == "comparisons":
            return self._workspace.export.comparison_scope(value)
        return Scope()

    def export_folder(self) -> Path:
        """Where a relative file name goes: the folder of the last export, else the home folder."""
        return export_folder(self._settings)

    def target(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else self.export_folder() / path

    def _give_the_ending(self) -> None:
        """A new file's typed name given the format's ending, shown as written: "notes" was written with none, a file
        no program knew (audit DQ F5). A file, folder or device there already is left as named, to be refused or
        replaced as asked."""
        text, path = self.path_edit.text().strip(), self.target()
        if path is not None and not os.path.exists(path):  # False for a name too long for the disk, which raised
            # from Path.exists (audit DS F1): the check after names it
            self.path_edit.setText(str(with_ending(Path(text), self.format_box.currentData())))

    def export(self) -> None:
        """Write the chosen export in a worker; the dialog says how many notes went where, or why none did."""
        self._give_the_ending()
        fmt, path = self.format_box.currentData(), self.target()
        if path is None:
            self._say("Choose a file to write to.")
            return
        try:
            self._workspace.export.check_target(path, fmt)  # refused before "Replace it?" is asked of a database
        except ReaderError as exc:
            self._say(str(exc))
            return
        if path.exists() and not self._may_replace(path):
            return
        try:
            scope = self.scope()
        except ReaderError as exc:  # a search query the index cannot read
            self._say(str(exc))
            return
        group_by = self.group_box.currentData()
        self.save_button.setEnabled(False)
        self._say(f"Writing {path}…")
        task = self._runner.start(lambda workspace, report, cancelled: workspace.export.write(
            fmt, path, scope, group_by=group_by, progress=report, cancelled=cancelled), cancel_types=(WorkCancelled,))
        progress = progress_dialog(task, self, "Export", f"Writing {path.name}…")  # Cancel writes nothing
        task.finished.connect(lambda written: self._on_written(written.in_words(), path, progress))
        task.failed.connect(lambda message: self._on_stopped(message, progress))
        task.cancelled.connect(lambda: self._on_stopped("Export cancelled; nothing was written.", progress))

    def _say(self, message: str) -> None:
        """Show a result or a reason whole: a form row keeps a wrapped label one line high unless told its height."""
        self.result.setText(message)
        self._fit_result()

    def _fit_result(self) -> None:
        self.result.setMinimumHeight(self.result.heightForWidth(self.result.width()) if self.result.text() else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_result()  # narrower, the same reason takes more lines

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _on_written(self, counted: str, path: Path, progress: QProgressDialog) -> None:
        remember_export_folder(self._settings, path)
        self._on_stopped(f"{counted} written to {path}", progress)

    def _on_stopped(self, message: str, progress: QProgressDialog) -> None:
        progress.reset()
        self.save_button.setEnabled(True)
        self._say(message)

    def _may_replace(self, path: Path) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, "Replace file?", f"{path} already exists. Replace it?",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_format_changed(self, *_args) -> None:
        self._say("")
        self.group_box.setEnabled(self.format_box.currentData() == "md")
        self._offer_scopes(self.format_box.currentData() == "geojson")
        typed = self.path_edit.text().strip() or "notes"
        self.path_edit.setText(str(named_as(Path(typed), self.format_box.currentData())))

    def _offer_scopes(self, mapped: bool) -> None:
        """Offer the scopes the format has (a map: every place, or one document's), another one chosen before left
        for All: greyed out for the map, the box still applied a tag chosen, and the export was refused with no way
        to choose again (audit DQ F3)."""
        model = self.scope_box.model()
        for row in range(self.scope_box.count()):
            model.item(row).setEnabled(not mapped or self.scope_box.itemData(row)[0] in MAP_SCOPES)
        if not model.item(self.scope_box.currentIndex()).isEnabled():
            self.scope_box.setCurrentIndex(0)

    def _on_browse_clicked(self) -> None:
        from reader.ui.file_dialogs import save_file_name

        path = save_file_name(self, "Export to", str(self.target() or self.export_folder()))
        if path:
            self.path_edit.setText(path)


def _combo(parent: QWidget, labels: dict[str, str]) -> QComboBox:
    box = QComboBox(parent)
    for key, label in labels.items():
        box.addItem(label, key)
    return box
