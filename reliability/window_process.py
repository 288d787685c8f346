"""The real window in a process of its own, driven line by line on stdin, for trials that kill it with -9.

Commands (one a line; each answered with a line starting "ok" or "error"):
  import-dialog                open File > Import… in the database's folder, let it list and draw, then cancel it
  annotate DOC START END NOTE  create an annotation through the core, as the window does
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402 (after the platform is chosen)
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel  # noqa: E402

from reader.core.workspace import Workspace  # noqa: E402
from reader.ui.app import build_window, settings_for  # noqa: E402


def _cancel_when_listed(app: QApplication, folder: Path) -> None:
    """Find the modal file dialog, wait until it has listed `folder` and drawn its rows, then cancel it."""
    dialog = app.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(20, lambda: _cancel_when_listed(app, folder))
        return
    dialog.setDirectory(str(folder))
    model = dialog.findChild(QFileSystemModel)
    deadline = 200
    while deadline and model.rowCount(model.index(str(folder))) == 0:
        app.processEvents()
        QTimer.singleShot(10, lambda: None)
        deadline -= 1
    for _ in range(20):
        app.processEvents()
        dialog.grab()  # paint every listed row: icons and types are asked for here
    dialog.reject()


def main(db_path: Path) -> int:
    app = QApplication(sys.argv[:1])
    workspace = Workspace.open(db_path)
    window = build_window(workspace, settings_for(db_path))
    window.show()
    os.chdir(db_path.parent)  # the import dialog starts in the current folder, as for a user who ran `make run`
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split(maxsplit=4)
        if command == "import-dialog":
            QTimer.singleShot(0, lambda: _cancel_when_listed(app, db_path.parent))
            window.import_action.trigger()
            print("ok", flush=True)
        elif command == "annotate":
            document_id, start, end = (int(value) for value in args[:3])
            annotation = workspace.annotations.create(document_id, start, end, note=args[3] if len(args) > 3 else "")
            print(f"ok {annotation.id}", flush=True)
        else:
            print(f"error unknown command {command}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
