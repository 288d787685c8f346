"""The layers the legend toggles and their colours, kept apart from the character formats so the legend, shown at
start, does not make PySide6 build its text-format classes (about 1 ms) before a document is open."""

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "DATE")
LAYERS = (*ENTITY_TYPES, "highlights", "notes")
ENTITY_COLORS = {"PERSON": "#4e79a7", "PLACE": "#59a14f", "ORG": "#b07aa1", "DATE": "#f28e2b"}
HIGHLIGHT_TINTS = {"yellow": "#f2d024", "green": "#5cc95c", "blue": "#5aa7e6", "pink": "#ef7ab5",
                   "orange": "#f29a38", "purple": "#a77be0"}
OTHER_ENTITY_COLOR = "#9c755f"
UNCERTAIN_COLOR = "#d62728"  # dotted under OCR words the engine was unsure of
