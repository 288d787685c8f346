"""Needs review: annotations re-anchoring was unsure about, with the old and new context and three actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.review import ReviewService
from reader.core.documents.service import DocumentService
from reader.core.records.annotations import Context, ReviewItem
from reader.ui.coalesce import coalesced
from reader.ui.events import AnnotationEvents
from reader.ui.operations import OpRunner
from reader.ui.passage_text import PassageText


def context_html(context: Context | None) -> str:
    if context is None:
        return "<i>No likely place was found in the new version.</i>"
    return f"…{escape(context.before)}<b><u>{escape(context.text)}</u></b>{escape(context.after)}…"


REVIEW_LABELS = {"accept": "Accept place", "relocate": "Choose another place", "orphan": "Keep as orphan"}
ORPHAN_HTML = ("<i>An orphan: kept with its quote and note, placed nowhere in this version. Choose another place… "
               "puts it back in the text.</i>")
EMPTY_HINT = ("Nothing needs review. When a text changes (a corrected or re-imported version), a note whose new place "
              "is uncertain is listed here, with where it was and where it may go.")


class PlaceDialog(QDialog):
    """Shows a document's current text; the user selects where the annotation belongs."""

    def __init__(self, text: str, hint: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Choose another place")
        self.text_view = PassageText(self)
        self.text_view.set_text(text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text_view.selectionChanged.connect(self._on_selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Select the passage for: <b>{escape(hint)}</b>", self))
        layout.addWidget(self.text_view)
        layout.addWidget(self.buttons)
        self._on_selection_changed()

    def select(self, start: int, end: int) -> None:
        """Select [start, end) in code points, as a user's drag would."""
        self.text_view.select(start, end)

    def chosen_range(self) -> tuple[int, int] | None:
        return self.text_view.selected_range()

    def _on_selection_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen_range() is not None)


class ReviewList(QWidget):
    """The list, the two contexts of the selected item, and Accept / Choose another place / Keep as orphan."""

    annotation_activated = Signal(int)

    def __init__(self, review: ReviewService, documents: DocumentService, ops: OpRunner,
                 events: AnnotationEvents, parent: QWidget | None = None):
        super().__init__(parent)
        self._review, self._documents, self._ops, self._events = review, documents, ops, events
        self._items: list[ReviewItem] = []
        self.items_list = QListWidget(self)
        self.include_orphans = QCheckBox("Show orphans too", self)
        self.old_view, self.new_view = QTextBrowser(self), QTextBrowser(self)
        self.accept_button = QPushButton("Accept", self)
        self.place_button = QPushButton("Choose another place…", self)
        self.orphan_button = QPushButton("Keep as orphan", self)
        self._connect()
        self._lay_out()
        self.refresh()

    def _connect(self) -> None:
        self.items_list.currentRowChanged.connect(self._on_current_row_changed)
        self.items_list.itemActivated.connect(self._on_item_activated)
        self.include_orphans.toggled.connect(self.refresh)
        self.accept_button.clicked.connect(lambda: self._push("accept"))
        self.place_button.clicked.connect(self._on_place_clicked)
        self.orphan_button.clicked.connect(lambda: self._push("orphan"))
        self._events.annotations_changed.connect(coalesced(self.refresh, self))  # once for a burst of notices

    def _lay_out(self) -> None:
        """The list, where a note was and where it may go, side by side (the bottom dock is wide and short; stacked,
        they grew the bottom of the window for good), the decisions below."""
        columns = QHBoxLayout()
        for label, widget in ((None, self.items_list), ("Where it was (old version):", self.old_view),
                              ("Proposed place (new version):", self.new_view)):
            column = QVBoxLayout()
            column.addWidget(self.include_orphans if label is None else QLabel(label, self))
            column.addWidget(widget, 1)
            columns.addLayout(column, 1)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.place_button, self.orphan_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def refresh(self, *_args) -> None:
        row = max(0, self.items_list.currentRow())
        self._items = self._review.needs_review(include_orphans=self.include_orphans.isChecked())
        self.items_list.clear()
        for item in self._items:
            status = "orphan" if item.annotation.anchor_status == "orphan" else \
                f"{item.annotation.anchor_confidence:.0%} sure"
            entry = QListWidgetItem(f"“{' '.join(item.old.text.split())}” ({status}) — {item.document_title}")
            entry.setData(Qt.ItemDataRole.UserRole, item.annotation.id)
            self.items_list.addItem(entry)
        self.items_list.setCurrentRow(min(row, len(self._items) - 1))
        self._on_current_row_changed(self.items_list.currentRow())

    def current_item(self) -> ReviewItem | None:
        row = self.items_list.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _on_current_row_changed(self, _row: int) -> None:
        item = self.current_item()
        orphan = item is not None and item.annotation.anchor_status == "orphan"
        self.old_view.setHtml(context_html(item.old) if item else f"<i>{EMPTY_HINT}</i>")  # an empty list says why
        self.new_view.setHtml(ORPHAN_HTML if orphan else context_html(item.new) if item else "")
        self.accept_button.setEnabled(bool(item and item.new))
        self.place_button.setEnabled(item is not None)
        self.orphan_button.setEnabled(bool(item and item.annotation.anchor_status != "orphan"))

    def _on_item_activated(self, entry: QListWidgetItem) -> None:
        self.annotation_activated.emit(entry.data(Qt.ItemDataRole.UserRole))

    def place_dialog(self) -> PlaceDialog:
        """The dialog 'Choose another place' opens for the current item (tests drive it directly)."""
        item = self.current_item()
        text = self._documents.text(item.annotation.document_id).text
        dialog = PlaceDialog(text, item.old.text, self)
        if item.new is not None:
            dialog.select(item.annotation.start, item.annotation.end)
        return dialog

    def _on_place_clicked(self) -> None:
        dialog = self.place_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_range():
            self.place_at(*dialog.chosen_range())

    def place_at(self, start: int, end: int) -> None:
        self._push("relocate", start, end)

    def _push(self, action: str, start: int | None = None, end: int | None = None) -> None:
        item = self.current_item()
        if item is not None:
            annotation_id, review = item.annotation.id, self._review
            settle = {"accept": lambda: review.accept(annotation_id),
                      "orphan": lambda: review.keep_orphan(annotation_id),
                      "relocate": lambda: review.relocate(annotation_id, start, end)}
            self._ops.run(REVIEW_LABELS[action], settle[action])
