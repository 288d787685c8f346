"""The "Link to…" dialog: a relation, an optional note, and a target annotation or passage in any document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotations.links import Target
from reader.core.annotations.service import AnnotationService
from reader.core.documents.service import DocumentService
from reader.core.records.annotations import Passage
from reader.core.records.relations import RELATIONS, SEEN_FROM_THE_OTHER
from reader.ui.passage_text import PassageText
from reader.ui.plain_text import exact_text

_RANGE_ROLE = Qt.ItemDataRole.UserRole + 1  # an annotation's (start, end)


class TargetPicker(QWidget):
    """Pick a document, then one of its annotations or a passage selected in its text; `target_changed` when what
    is chosen may have changed."""

    target_changed = Signal()

    def __init__(self, annotations: AnnotationService, documents: DocumentService, parent: QWidget | None = None):
        super().__init__(parent)
        self._annotations, self._documents = annotations, documents
        self._version_id: int | None = None
        self.document_box = QComboBox(self)
        for info in documents.list():
            self.document_box.addItem(info.title, info.id)
        self.tabs = QTabWidget(self)
        self.annotation_list = QListWidget(self)
        self.passage_view = PassageText(self)
        self.tabs.addTab(self.annotation_list, "Annotation")
        self.tabs.addTab(self.passage_view, "Passage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.document_box)
        layout.addWidget(self.tabs)
        self.document_box.currentIndexChanged.connect(self._on_document_changed)
        for signal in (self.annotation_list.currentRowChanged, self.passage_view.selectionChanged,
                       self.tabs.currentChanged):
            signal.connect(self.target_changed)
        self._on_document_changed()

    def bind_ok(self, ok: QPushButton, usable: Callable[[Target | None], bool] = lambda t: t is not None) -> None:
        """Enable a dialog's OK only while what is chosen is `usable`: OK with nothing chosen did nothing."""
        def check() -> None:
            ok.setEnabled(usable(self.target()))

        self.target_changed.connect(check)
        check()

    def show_document(self, document_id: int) -> None:
        self.document_box.setCurrentIndex(max(0, self.document_box.findData(document_id)))

    def _on_document_changed(self, *_args) -> None:
        document_id = self.document_box.currentData()
        self.annotation_list.clear()
        if document_id is None:
            return
        for annotation in self._annotations.for_document(document_id):
            label = " ".join(annotation.quote.exact.split())
            entry = QListWidgetItem(f"“{label}”" + (f" — {annotation.note.strip()[:60]}" if annotation.note else ""))
            entry.setData(Qt.ItemDataRole.UserRole, annotation.id)
            entry.setData(_RANGE_ROLE, (annotation.start, annotation.end))
            self.annotation_list.addItem(entry)
        version = self._documents.text(document_id)
        self._version_id = version.version_id
        self.passage_view.set_text(version.text)
        self.tabs.setCurrentIndex(0 if self.annotation_list.count() else 1)  # no highlights there: pick a passage

    def choose(self, document_id: int, start: int, end: int) -> None:
        """Start on [start, end) of a document (a selection in the text read): the highlight on exactly those words
        when there is one, else the passage, selected."""
        self.show_document(document_id)
        rows = [n for n in range(self.annotation_list.count())
                if self.annotation_list.item(n).data(_RANGE_ROLE) == (start, end)]
        if rows:
            self.tabs.setCurrentWidget(self.annotation_list)
            self.annotation_list.setCurrentRow(rows[0])
        else:
            self.select_passage(start, end)

    def select_passage(self, start: int, end: int) -> None:
        """Select [start, end) (code points) in the passage tab, as a user's drag would."""
        self.tabs.setCurrentWidget(self.passage_view)
        self.passage_view.select(start, end)

    def target(self) -> Target | None:
        if self.tabs.currentWidget() is self.passage_view:
            chosen = self.passage_view.selected_range()
            if chosen is None:
                return None
            return Passage(self.document_box.currentData(), *chosen, self._version_id)
        entry = self.annotation_list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None


def _relation_box(parent: QWidget, relation: str = "", backwards: bool = False) -> QComboBox:
    """The relations, each as read from the passage the link is seen from (`backwards`: from its second passage)."""
    box = QComboBox(parent)
    for key, label in RELATIONS.items():
        box.addItem(SEEN_FROM_THE_OTHER.get(key, label) if backwards else label, key)
    box.setCurrentIndex(max(0, box.findData(relation)))
    return box


def _note_edit(parent: QWidget, note: str = "") -> QPlainTextEdit:
    """A link's note, its lines shown as lines (Markdown, as an annotation's note is written)."""
    return QPlainTextEdit(note, parent, placeholderText="Why these passages belong together (optional)",
                          tabChangesFocus=True)


class LinkDialog(QDialog):
    """Choose relation, note and target for a link from `source` (an annotation id or a Passage)."""

    def __init__(self, annotations: AnnotationService, documents: DocumentService, source: Target,
                 source_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Link to…")
        self.source = source
        self.relation_box, self.note_edit = _relation_box(self), _note_edit(self)
        self.picker = TargetPicker(annotations, documents, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("From", QLabel(f"“{' '.join(source_label.split())[:200]}”", self))
        form.addRow("Relation", self.relation_box)
        form.addRow("Note", self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("To:", self))
        layout.addWidget(self.picker)
        layout.addWidget(self.buttons)
        self.picker.bind_ok(self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                            lambda target: target is not None and target != self.source)

    def relation(self) -> str:
        return self.relation_box.currentData()

    def note(self) -> str:
        return exact_text(self.note_edit).strip()

    def target(self) -> Target | None:
        return self.picker.target()


class EditLinkDialog(QDialog):
    """A link's relation and note, changed in one dialog: the note had a one-line box, its lines run together and
    none to be typed (audit DK 7). Edited from its second passage (`backwards`), the relations read from there:
    "← is elaborated by" offered "elaborates", the link said the wrong way round."""

    def __init__(self, relation: str, note: str, between: str, parent: QWidget | None = None, backwards: bool = False):
        super().__init__(parent)
        self.setWindowTitle("Edit link")
        self._note = note
        self.relation_box, self.note_edit = _relation_box(self, relation, backwards), _note_edit(self, note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(between, self, wordWrap=True))
        form.addRow("Relation", self.relation_box)
        form.addRow("Note", self.note_edit)
        form.addRow(buttons)

    def relation(self) -> str:
        return self.relation_box.currentData()

    def note(self) -> str:
        """The note as typed, trimmed; the stored one when only the space around it differs (no step for that)."""
        typed = exact_text(self.note_edit).strip()
        return self._note if typed == self._note.strip() else typed
