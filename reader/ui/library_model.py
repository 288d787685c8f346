"""The library's table model: a thin adapter over cached DocumentInfo rows (no database access in data())."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from reader.core.records.documents import DocumentInfo
from reader.core.wording import plural
from reader.ui.dates_said import said
from reader.ui.table_model import Index, RowTableModel

COLUMNS = ("Title", "Kind", "Date", "Characters", "Notes", "File")
NUMERIC_COLUMNS = (3, 4)
DATE_COLUMN = COLUMNS.index("Date")
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class LibraryModel(RowTableModel):
    """Rows are documents; the cache is replaced whole by `set_documents` after each core call."""

    columns = COLUMNS
    _shared: frozenset[str] = frozenset()  # the titles (case folded) more than one document has

    def set_documents(self, documents: list[DocumentInfo]) -> list[int] | None:
        """List the documents; returns the rows changed in place, or None when all were listed anew. The same
        documents in the same order (a note added: one count changed) update their rows in place: listed anew, a
        thousand documents were sorted and measured again after every note, a fifth of a second of a frozen
        window."""
        shared = _shared_titles(documents)
        if [info.id for info in documents] != [info.id for info in self._rows] or shared != self._shared:
            self._shared = shared
            self.set_rows(documents)
            return None
        changed = [row for row, (old, new) in enumerate(zip(self._rows, documents, strict=True)) if old != new]
        for row in changed:
            self._rows[row] = documents[row]
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return changed

    def document_at(self, row: int) -> DocumentInfo:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, index.column())
        if role == SORT_ROLE:  # a date by the date it is, not by its words ("c. 1935" after "before 1934")
            value = self._values(info)[index.column()]
            return value if index.column() in NUMERIC_COLUMNS else str(value).casefold()
        if role == DOCUMENT_ID_ROLE:
            return info.id
        if role == Qt.ItemDataRole.ToolTipRole:
            problem = f"\n⚠ {info.recognition_error} (right-click: Retry entity recognition)" \
                if info.recognition_error else ""
            return f"{info.title}\n{_facts(info)}\n{info.file_name} · version {info.version_number}{problem}"
        return None

    def _display(self, info: DocumentInfo, column: int) -> str | int:
        value = self._values(info)[column]
        return said(value) if column == DATE_COLUMN else value  # as written: it read "1935 circa" (audit DL F2)

    def _values(self, info: DocumentInfo) -> tuple[str | int, ...]:
        title = f"{info.title} ({info.file_name})" if info.title.casefold() in self._shared else info.title  # two
        # sources given one title were two identical rows where the Library is too narrow for the File column (DL F4)
        title = f"⚠ {title}" if info.recognition_error else title
        return (title, info.metadata.kind, info.metadata.date_published, info.char_count, info.note_count,
                info.file_name)  # notes: a highlight without one counted as '1 note', a Notebook note not at all


def _shared_titles(documents: list[DocumentInfo]) -> frozenset[str]:
    counts = Counter(info.title.casefold() for info in documents)
    return frozenset(title for title, count in counts.items() if count > 1)


def _facts(info: DocumentInfo) -> str:
    """Kind, date, length, highlights and notes in one line: the columns a narrow library hides."""
    facts = (info.metadata.kind, said(info.metadata.date_published), plural(info.char_count, "character"),
             plural(info.annotation_count, "highlight"), plural(info.note_count, "note"))
    return " · ".join(fact for fact in facts if fact)
