"""Place…: link a place of the register to one of its GeoNames candidates (or type an id in Details…).

The candidates come ranked by the corpus's context; the user's pick is kept on the entity through every re-run.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.core.entities.places import LinkedPlace

CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1


class PlaceDialog(QDialog):
    """Lists the candidates with country, kind, population and coordinates; OK links the selected one."""

    def __init__(self, place: LinkedPlace, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Link “{place.entity.name}” to GeoNames")
        self.resize(620, 380)  # a candidate's line (country, kind, people, coordinates, context) is long
        self.candidates = QListWidget(self)
        for candidate in place.candidates:
            where = (f"{candidate.latitude:.3f}, {candidate.longitude:.3f}" if candidate.latitude is not None
                     else "no coordinates")
            entry = QListWidgetItem(f"{candidate.name} ({candidate.country_code}, {candidate.feature}, "
                                    f"{candidate.population:,} people) · {where} · GeoNames {candidate.geonames_id}")
            entry.setData(CANDIDATE_ROLE, candidate.geonames_id)
            self.candidates.addItem(entry)
            if place.linked is not None and candidate.geonames_id == place.linked.geonames_id:
                self.candidates.setCurrentItem(entry)
        note = "No GeoNames place matches this name; enter an id in Details…" if not place.candidates else \
            ("Linked by you." if place.chosen else "Suggested from the corpus's context; OK keeps the one selected.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(note, self, wordWrap=True))
        layout.addWidget(self.candidates)
        layout.addWidget(buttons)

    def chosen_id(self) -> int | None:
        entry = self.candidates.currentItem()
        return entry.data(CANDIDATE_ROLE) if entry is not None else None
