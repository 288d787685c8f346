"""The legend: one toggle per layer (entity types, highlights, notes), applying to every pane."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from reader.ui.colors import ENTITY_COLORS, HIGHLIGHT_TINTS, LAYERS

LABELS = {"PERSON": "People", "PLACE": "Places", "ORG": "Organisations", "DATE": "Dates", "highlights": "Highlights",
          "notes": "Notes"}


class Legend(QWidget):
    """Emits `layers_changed(set of enabled layers)` whenever a toggle changes."""

    layers_changed = Signal(set)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Show:", self))
        for layer in LAYERS:
            box = QCheckBox(LABELS[layer], self, checked=True)
            color = QColor(ENTITY_COLORS.get(layer) or HIGHLIGHT_TINTS["yellow"])
            box.setStyleSheet(f"QCheckBox {{ border-bottom: 3px solid {color.name()}; padding: 1px 3px; }}")
            box.toggled.connect(self._on_box_toggled)
            self.boxes[layer] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def enabled_layers(self) -> set[str]:
        return {layer for layer, box in self.boxes.items() if box.isChecked()}

    def set_enabled_layers(self, layers: set[str]) -> None:
        for layer, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(layer in layers)
            box.blockSignals(False)
        self.layers_changed.emit(self.enabled_layers())

    def _on_box_toggled(self, _checked: bool) -> None:
        self.layers_changed.emit(self.enabled_layers())
