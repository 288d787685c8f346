"""Qt-free core: documents, storage, entities, annotations, search and export.

Nothing in this package may import PySide6, reader.ui or reader.cli (checked by import-linter in `make test`).
"""
