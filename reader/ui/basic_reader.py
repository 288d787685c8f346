"""A tabbed plain reader: each opened document in a read-only view with its boilerplate dimmed."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QWidget

from reader.core.documents.service import DocumentService
from reader.ui.offsets import Utf16Map


class BasicReadingArea(QTabWidget):
    """Opens documents in tabs; one tab per document, re-activated when opened again."""

    def __init__(self, documents: DocumentService, parent: QWidget | None = None):
        super().__init__(parent)
        self._documents = documents
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.tabCloseRequested.connect(self.removeTab)

    def open_document(self, document_id: int) -> QPlainTextEdit:
        for index in range(self.count()):
            if self.widget(index).property("document_id") == document_id:
                self.setCurrentIndex(index)
                return self.widget(index)
        view = self._build_view(document_id)
        self.setCurrentIndex(self.addTab(view, self._documents.get(document_id).title[:40]))
        return view

    def _build_view(self, document_id: int) -> QPlainTextEdit:
        version = self._documents.text(document_id)
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setProperty("document_id", document_id)
        view.setPlainText(version.text)
        dimmed = QTextCharFormat()
        dimmed.setForeground(view.palette().color(QPalette.ColorRole.PlaceholderText))
        offsets = Utf16Map(version.text)
        for span in version.boilerplate:
            cursor = QTextCursor(view.document())
            cursor.setPosition(offsets.to_utf16(span.start))
            cursor.setPosition(offsets.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(dimmed)
        return view
