"""Qt-free core: documents, storage, entities, annotations, search and export.

Nothing in this package may import PySide6, reader.ui or reader.cli (checked by import-linter in `make test`).

sqlite-utils imports numpy and pandas, when they are installed, only to map their scalar types to column types. We
never store numpy or pandas values, and numpy (installed for spaCy) costs about 100 ms: a third of the window's
start-up. So sqlite-utils is imported here first with those two hidden; they import normally afterwards.
"""

import sys


class _HideOptionalTypes:
    """A meta path finder making `import numpy` / `import pandas` fail while sqlite-utils loads.

    (Not subclassing importlib.abc.MetaPathFinder: importing importlib.abc alone costs 17 ms.)
    """

    def find_spec(self, fullname, path, target=None):
        if fullname in ("numpy", "pandas"):
            raise ImportError(f"{fullname} hidden while sqlite-utils loads")
        return None


def _import_sqlite_utils_lean() -> None:
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return
    hider = _HideOptionalTypes()
    sys.meta_path.insert(0, hider)
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        sys.meta_path.remove(hider)


_import_sqlite_utils_lean()
