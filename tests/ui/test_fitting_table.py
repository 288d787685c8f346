"""The library's and the register's tables fit their columns to the dock without reading every row."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from reader.ui.fitting_table import MEASURED_ROWS, FittingTable


class _Rows(QAbstractTableModel):
    """A long list that counts the rows whose cells are read."""

    def __init__(self, count: int):
        super().__init__()
        self.count, self.read = count, set()
        self.longer: dict[int, str] = {}  # rows whose second column was rewritten

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.read.add(index.row())
            if index.column() == 1 and index.row() in self.longer:
                return self.longer[index.row()]
            return f"row {index.row()} " + "x" * (index.row() % 7) if index.column() else f"Title {index.row()}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        return f"Column {section}" if role == Qt.ItemDataRole.DisplayRole else None


def _shown(qtbot) -> tuple[_Rows, FittingTable]:
    """A table of 20,000 rows, shown."""
    model = _Rows(20_000)
    table = FittingTable((1, 2), 20)
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    return model, table


def test_fitting_the_columns_reads_a_bounded_number_of_rows(qtbot):
    """With a thousand documents the library measured every row of each column on every change (a note added: half
    a second of a frozen window); the rows in view and a sample after them are enough to size a column of counts,
    dates and kinds."""
    model, table = _shown(qtbot)
    model.read.clear()
    table.rows_changed()
    assert 0 < len(model.read) <= MEASURED_ROWS + 50
    assert not table.isColumnHidden(1)


def test_a_row_changed_in_place_is_measured_alone(qtbot):
    """A note added changes one document's count: the columns were measured again over the rows in view and 200
    more (a twentieth of a second a note on a thousand documents); the changed row alone is read, and its column
    widens when the row needs it."""
    model, table = _shown(qtbot)
    table.rows_changed()
    width = table.columnWidth(1)
    model.read.clear()
    model.longer[5] = "a much longer value than any row had before"
    model.dataChanged.emit(model.index(5, 0), model.index(5, 2))
    table.rows_updated([5])
    assert model.read == {5}
    assert table.columnWidth(1) > width
