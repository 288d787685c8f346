"""Dismissed pairs: what was judged not parallel (in Parallels, or as not one event on the timeline), newest first,
each side by the sentence that tied it to the other (as Parallels showed it), the passages whole in the tooltip.

Edit > Undo reaches only the latest steps; Bring back undoes one such judgement however long ago it was made, as one
undoable step, and the pair may then be suggested, and joined on the timeline, again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.core.records.compare import Dismissal
from reader.core.wording import local_time, one_line
from reader.ui.operations import OpRunner

QUOTE_CHARS = 100
NAME_CHARS = 50  # a source's title, cut: some are a whole sentence


class DismissalsDialog(QDialog):
    """Lists the dismissed pairs; Bring back restores the chosen one."""

    def __init__(self, workspace, ops: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Dismissed pairs")
        self.resize(900, 420)
        self._workspace, self._parallels, self._ops = workspace, workspace.parallels, ops
        self.dismissals: list[Dismissal] = []
        self.empty_label = QLabel("No pair has been dismissed.", self)
        self.pair_list = QListWidget(self, alternatingRowColors=True)  # three lines a pair: the rows kept apart
        self.pair_list.currentRowChanged.connect(lambda row: self.bring_back_button.setEnabled(row >= 0))
        self.pair_list.itemActivated.connect(lambda _item: self.bring_back_current())
        self.bring_back_button = QPushButton("&Bring back", self, clicked=self.bring_back_current)
        ops.changes_applied.connect(self._on_changes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.pair_list)
        layout.addWidget(self.bring_back_button)
        self.refresh()

    def refresh(self) -> None:
        place = max(self.pair_list.currentRow(), 0)
        self.dismissals = self._parallels.dismissals()
        names = self._workspace.documents.names()
        self.pair_list.clear()
        for dismissal in self.dismissals:
            one, two = dismissal.one, dismissal.two
            first, second = (one_line(names.get(side.document_id, side.file_name), NAME_CHARS) for side in (one, two))
            entry = QListWidgetItem(f"{first}: “{one.excerpt_line(QUOTE_CHARS)}”\n"
                                    f"{second}: “{two.excerpt_line(QUOTE_CHARS)}”\n"
                                    f"dismissed {local_time(dismissal.dismissed_at)}")
            entry.setToolTip(f"{one.file_name} {one.start}–{one.end}:\n{one.text}\n\n{two.file_name} "
                             f"{two.start}–{two.end}:\n{two.text}")
            self.pair_list.addItem(entry)
        self.empty_label.setVisible(not self.dismissals)
        self.pair_list.setCurrentRow(min(place, len(self.dismissals) - 1))
        self.bring_back_button.setEnabled(self.pair_list.currentRow() >= 0)

    def bring_back_current(self) -> None:
        row = self.pair_list.currentRow()
        if 0 <= row < len(self.dismissals):
            chosen = self.dismissals[row]
            self._ops.run("Bring back dismissed pair", lambda: self._parallels.bring_back(chosen))

    def _on_changes(self, changes) -> None:
        if changes.dismissals:
            self.refresh()
