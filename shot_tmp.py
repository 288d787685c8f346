import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.core.workspace import Workspace
from reader.ui.app import build_window, settings_for
d = Path(tempfile.mkdtemp()); p = d / 'a.db'
ws = Workspace.open(p); ws.documents.import_paths([Path('texts')])
w = build_window(ws, settings_for(p)); w.resize(1600, 1000)
w.show(); app.processEvents()
w.reading_area.open_document(1)
w.library.table.selectRow(0); app.processEvents()
w.grab().save(sys.argv[1]); print('ok')
