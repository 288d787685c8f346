"""The library's and the register's tables fit their columns to the dock without reading every row."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from reader.ui.fitting_table import MEASURED_ROWS, FittingTable


class _Rows(QAbstractTableModel):
    """A long list that counts the rows whose cells are read."""

    def __init__(self, count: int):
        super().__init__()
        self.count, self.read = count, set()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.read.add(index.row())
            return f"row {index.row()} " + "x" * (index.row() % 7) if index.column() else f"Title {index.row()}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return f"Column {section}" if role == Qt.ItemDataRole.DisplayRole else None


def test_fitting_the_columns_reads_a_bounded_number_of_rows(qtbot):
    """With a thousand documents the library measured every row of each column on every change (a note added: half
    a second of a frozen window); the rows in view and a sample after them are enough to size a column of counts,
    dates and kinds."""
    model = _Rows(20_000)
    table = FittingTable((1, 2), 20)
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    model.read.clear()
    table.rows_changed()
    assert 0 < len(model.read) <= MEASURED_ROWS + 50
    assert not table.isColumnHidden(1)
