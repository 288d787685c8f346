"""Reading files from disk into decoded text, with every way a file can be unfit named in one line."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.decoding import DecodeError, decode
from reader.core.documents.html_text import html_to_text
from reader.core.errors import ImportFailed

MAX_FILE_BYTES = 50 * 1024 * 1024
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".xhtml": "html"}


@dataclass(frozen=True)
class SourceFile:
    """A file read and decoded: the text to store, and the HTML it came from (for metadata), if any."""

    path: Path
    text: str
    encoding: str
    fmt: str
    html: str | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[ImportFailed]]:
    """Files to import from files and folders (folders: supported files, recursively, in name order)."""
    files: list[Path] = []
    problems: list[ImportFailed] = []
    for path in paths:
        if not path.exists():
            problems.append(ImportFailed(str(path), "no such file or folder"))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            files.extend(found)
            if not found:
                problems.append(ImportFailed(str(path), "folder has no .txt, .md or .html files"))
        else:
            files.append(path)
    return files, problems


def read_source(path: Path) -> SourceFile:
    """Read and decode one file, or raise ImportFailed naming the file and the reason."""
    data = _read_bytes(path)
    try:
        raw, encoding = decode(data)
    except DecodeError as exc:
        raise ImportFailed(str(path), str(exc)) from exc
    fmt = FORMATS.get(path.suffix.lower(), "text")
    text = html_to_text(raw) if fmt == "html" else raw
    if not text.strip():
        raise ImportFailed(str(path), "no text in it (empty file or only markup)")
    return SourceFile(path, text, encoding, fmt, raw if fmt == "html" else None)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(str(path), f"file is {size / 1e6:.0f} MB, over the 50 MB limit")
        if size == 0:
            raise ImportFailed(str(path), "empty file")
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read it ({exc.strerror or exc})") from exc
