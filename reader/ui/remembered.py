"""Filters, sorts and queries kept from one session to the next, in the session file beside the database.

Why: a historian works through a question over days. The desk came back after a restart (panes, places, docks),
but the library's filter and sort, the query in Search, the Timeline's zoom and filters, Comparisons' relation and
the register's filter were gone, set up again each morning. Each control is given its last value back when it is
built, and keeps each change.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QStringListModel, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QLineEdit, QTableView, QWidget

GROUP = "remembered/"
RECENT = 20  # queries offered again


def remember(settings: QSettings, key: str, *controls: QWidget) -> None:
    """Give each control (a line, a choice box, a tick box) the value it had, and keep its changes; `key` names
    the panel, each control is numbered within it."""
    for number, control in enumerate(controls):
        name = f"{GROUP}{key}/{number}"
        saved = settings.value(name)
        if isinstance(control, QLineEdit):
            _restore_text(control, saved)
            control.textChanged.connect(lambda text, name=name: settings.setValue(name, text))
        elif isinstance(control, QComboBox):
            _restore_choice(control, saved)
            control.currentIndexChanged.connect(lambda _index, control=control, name=name: settings.setValue(
                name, control.currentText()))
        elif isinstance(control, QCheckBox):
            control.setChecked(saved in (True, "true") if saved is not None else control.isChecked())
            control.toggled.connect(lambda checked, name=name: settings.setValue(name, checked))


def remember_sort(settings: QSettings, key: str, table: QTableView) -> None:
    """The column a table is sorted by, and which way."""
    name = f"{GROUP}{key}/sort"
    saved = settings.value(name)
    if isinstance(saved, list) and len(saved) == 2 and all(str(part).isdigit() for part in saved):
        column, order = (int(part) for part in saved)
        if column < table.model().columnCount() and order in (0, 1):
            table.sortByColumn(column, Qt.SortOrder(order))
    table.horizontalHeader().sortIndicatorChanged.connect(
        lambda column, order: settings.setValue(name, [column, order.value]))


def remember_recent(settings: QSettings, key: str, line: QLineEdit) -> None:
    """The queries run lately with Enter, offered again as the box is typed in (newest first, any part matching):
    there was no search history, only the searches a user had saved by name."""
    name = f"{GROUP}{key}/recent"
    saved = settings.value(name)
    recent = [saved] if isinstance(saved, str) else [q for q in saved or () if isinstance(q, str)]  # one: a string
    model = QStringListModel(recent[:RECENT], line)
    completer = QCompleter(model, line)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    line.setCompleter(completer)

    def keep() -> None:
        query = line.text().strip()
        if query:
            kept = [query, *(q for q in model.stringList() if q != query)][:RECENT]
            model.setStringList(kept)
            settings.setValue(name, kept)

    line.returnPressed.connect(keep)


def _restore_text(line: QLineEdit, saved) -> None:
    if isinstance(saved, str):
        line.setText(saved)


def _restore_choice(box: QComboBox, saved) -> None:
    """Choose the saved item, if the box still offers it (a tag since deleted is not)."""
    index = box.findText(saved) if isinstance(saved, str) else -1
    if index >= 0:
        box.setCurrentIndex(index)
