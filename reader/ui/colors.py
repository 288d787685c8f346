"""The layers the legend toggles and their colours, kept apart from the character formats so the legend, shown at
start, does not make PySide6 build its text-format classes (about 1 ms) before a document is open."""

ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "DATE")
LAYERS = (*ENTITY_TYPES, "highlights", "notes")
# Tableau's colour-blind-aware set; the date orange darkened so every underline keeps 3:1 against a light or a
# dark page (tests/ui/test_contrast.py checks it, and the highlights' tints, in both palettes).
ENTITY_COLORS = {"PERSON": "#4e79a7", "PLACE": "#59a14f", "ORG": "#b07aa1", "DATE": "#d2691e"}
HIGHLIGHT_ALPHA = {"light": 150, "dark": 90}  # the tint's strength over a light or a dark page
HIGHLIGHT_TINTS = {"yellow": "#f2d024", "green": "#5cc95c", "blue": "#5aa7e6", "pink": "#ef7ab5",
                   "orange": "#f29a38", "purple": "#a77be0"}
OTHER_ENTITY_COLOR = "#9c755f"
UNCERTAIN_COLOR = "#d62728"  # dotted under OCR words the engine was unsure of
# a suggested contradiction's words, on a light or a dark page: Qt's dark red measured 2.0:1 on a dark one
CONTRADICTS_TEXT = {"light": "#a31515", "dark": "#ff8a7a"}
