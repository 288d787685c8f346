"""File dialogs that never open the files they list.

Why: Qt's file dialog asks the MIME database what each listed file is, and the MIME database reads the first bytes
of files whose name does not settle it, `annotations.db-wal` and `-shm` among them. On POSIX, closing any descriptor
of a file drops every lock the process holds on it, so one look at the database's folder silently took SQLite's
locks away from the open database: another process then believed it was alone, checkpointed and deleted the
write-ahead log the window was still writing to, and the window's later edits were lost after a crash. These
dialogs name and draw files from their names alone, and always use Qt's own dialog (a native one may sniff too).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QFileInfo, QSettings
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name alone: nothing is opened or read."""

    def icon(self, what):  # noqa: D401 - Qt's overloaded signature: an IconType or a QFileInfo
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        return f"{info.suffix().upper()} file" if info.suffix() else "File"


def file_dialog(parent: QWidget | None, caption: str, folder: str, name_filter: str = "") -> QFileDialog:
    """A Qt (not native) file dialog that reads nothing but the folder listing."""
    dialog = QFileDialog(parent, caption, folder, name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._icon_provider = provider  # the dialog does not own it: keep it alive as long as the dialog
    return dialog


def open_file_names(parent: QWidget | None, caption: str, folder: str, name_filter: str) -> list[str]:
    dialog = file_dialog(parent, caption, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dialog.selectedFiles() if dialog.exec() else []


def open_file_name(parent: QWidget | None, caption: str, folder: str, name_filter: str) -> str:
    dialog = file_dialog(parent, caption, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def existing_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    """A folder to import, whole ('' if none was chosen)."""
    dialog = file_dialog(parent, caption, folder)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def save_file_name(parent: QWidget | None, caption: str, path: str, types: dict[str, str] | None = None) -> str:
    """Ask where to save; the dialog asks before overwriting an existing file. `types`: the kinds of file offered,
    each with its suffix ({"HTML page (*.html)": "html"}): a name typed without one takes the kind chosen's (a name
    without was written as CSV, unsaid; audit BN F10); the first kind is chosen unless `path` ends as another."""
    dialog = file_dialog(parent, caption, path, ";;".join(types or {}))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if types:
        chosen = next((kind for kind, suffix in types.items() if path.lower().endswith(f".{suffix}")),
                      next(iter(types)))
        dialog.selectNameFilter(chosen)
        dialog.setDefaultSuffix(types[chosen])
        dialog.filterSelected.connect(lambda kind: dialog.setDefaultSuffix(types.get(kind, "")))
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    chosen = dialog.selectedFiles()[0]
    return _of_the_kind(parent, chosen, dialog.selectedNameFilter(), types) if types else chosen


def _of_the_kind(parent: QWidget | None, chosen: str, kind: str, types: dict[str, str]) -> str:
    """The name chosen, ending as the kind chosen asks: 'timeline 24.11.1934' with 'HTML page' chosen was written as
    CSV, its '.1934' taken for an extension (audit BO F9); the name made so is asked about if a file has it ('' if
    it is not to be replaced)."""
    from PySide6.QtWidgets import QMessageBox

    if Path(chosen).suffix.lstrip(".").lower() in re.findall(r"\*\.(\w+)", kind):
        return chosen
    named = f"{chosen}.{types.get(kind, next(iter(types.values())))}"
    if Path(named).exists() and QMessageBox.question(
            parent, "Replace?", f"{Path(named).name} already exists. Replace it?") != QMessageBox.StandardButton.Yes:
        return ""
    return named


def export_folder(settings: QSettings | None) -> Path:
    """Where an export goes unless told: the folder of the last export, else the home folder."""
    saved = settings.value("export/folder") if settings is not None else None
    return Path(saved) if saved and Path(saved).is_dir() else Path.home()


def remember_export_folder(settings: QSettings | None, path: Path) -> None:
    if settings is not None:
        settings.setValue("export/folder", str(path.parent))
