"""What every command's output shares: rows one to a line, a word to the person when a listing is empty, and the
counts a user types."""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.records.tags import split_by_commas


def say_if_none(found, message: str) -> None:
    """An empty listing prints nothing (scripts read the output) but tells the person on stderr, so no one is left
    wondering whether the command ran."""
    if not found:
        print(message, file=sys.stderr)


def warn_tags_read_otherwise(tags: list[str] | None) -> None:
    """A tag holding a comma is stored as several (a comma separates tags, as the window's tag box reads them), and an
    empty one not at all: said on stderr, not done silently."""
    for given, parts in split_by_commas(tags or []):
        quoted = [f"'{part}'" for part in parts]
        stored = f"the tags {', '.join(quoted[:-1])} and {quoted[-1]}" if len(parts) > 1 else \
            f"the tag {quoted[0]}" if parts else "no tag"
        print(f"warning: a comma separates tags, so '{given}' was stored as {stored}", file=sys.stderr)
    if any(not tag.strip() for tag in tags or []):
        print("warning: an empty tag was left out", file=sys.stderr)


def tab_fields(*names: str) -> str:
    """A listing command's description naming its fields in order: its lines carry no header (scripts read them),
    so `COMMAND --help` says what each column holds."""
    return f"Prints one line each, its fields separated by tabs: {', '.join(names)}."


def tab_line(values) -> str:
    """Tab-separated fields, each kept on the line: a tab, newline or other control character inside a field (a file
    name may hold one) is written as its escape, so one record stays one line."""
    return "\t".join(str(value).translate(_CONTROL_ESCAPES) for value in values)


_CONTROL_ESCAPES = {code: f"\\x{code:02x}" for code in (*range(32), *range(127, 160))} | {
    code: f"\\u{code:04x}" for code in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))} | {
    9: "\\t", 10: "\\n", 13: "\\r"}  # C0 and C1 controls, the line and paragraph separators, and the overrides
# of writing direction (a name holding U+202E showed its letters reversed)


def say(message: str, err: bool = False) -> None:
    """A message line to the person, on stdout or (`err`) stderr, as `escaped` writes it: every line naming a file
    goes through here (names with a newline or a terminal's escape split lines and turned the terminal red)."""
    print(escaped(message), file=sys.stderr if err else sys.stdout)


def escaped(message: str) -> str:
    """A message as one line, a control character in it written as its escape: a file name may hold a newline (an
    outcome spread over two lines) or a terminal's escape (a name turned the terminal red)."""
    return message.translate(_CONTROL_ESCAPES)


def given(text: str) -> str:
    """A filter's value, refused when empty: a shell variable left empty had listed everything, as if unfiltered."""
    if not text.strip():
        raise argparse.ArgumentTypeError("it is empty: give a value, or leave the option out")
    return text


def file_name(text: str) -> Path:
    """A file named on the command line, refused when empty (it was read as "." and refused as a folder, though
    nothing was typed)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("it is empty: give a file name")
    return Path(text)


def output_file(text: str) -> Path:
    """The file -o writes: '-', which scripts write for standard output, had made a file of that name."""
    if text == "-":
        raise argparse.ArgumentTypeError("'-' is no file name here: leave -o out to print")
    return file_name(text)


def counted(text: str) -> int:
    """A count or a number in a listing: a whole number from 1 up."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is too small: counting starts at 1")
    if value >= 2**63:  # past what SQLite counts: "--limit 99999999999999999999" was a fault of the program's
        raise argparse.ArgumentTypeError(f"{text} is too large: at most {2**63 - 1}")
    return value


_REF = re.compile(r"[a-z][0-9a-f]{6}")


def ref(kind: str, *place) -> str:
    """An item's ref, as a listing shows it beside its number: `kind` (p: a pair of passages, e: an event) and six
    hex digits of what the item is (`place`: its passages' places), so it names the same item in every listing."""
    return kind + hashlib.blake2s(repr(place).encode(), digest_size=3).hexdigest()


def listed(text: str) -> int | str:
    """An item of a listing, by its number (from 1) or its ref. A number names the next item once a judgement has
    closed the list up (a command repeated from the shell's history judged another pair); a ref stays with its
    item."""
    if _REF.fullmatch(text):
        return text
    try:
        return counted(text)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"'{text}' is neither a number in the listing nor a ref shown beside "
                                         "one") from None


def pick(items: list, chosen: int | str, ref_of: Callable[[object], str]):
    """The item a listing numbered `chosen`, or showed with the ref `chosen`; None where it lists none such."""
    if isinstance(chosen, int):
        return items[chosen - 1] if chosen <= len(items) else None
    return next((item for item in items if ref_of(item) == chosen), None)


def replaceable(workspace, path: Path, force: bool, fmt: str | None = None) -> None:
    """A file named by -o is replaced only when asked (--force), as the window asks first: a mistyped name must not
    take the place of a file the user keeps. One no export may replace (a database), or named as another format's
    export than `fmt`, is refused first, so --force is not offered for it."""
    workspace.export.check_target(path, fmt)
    if path.exists() and not force:
        raise ReaderError(f"{path} already exists; add --force to replace it")


def row_id(text: str) -> int:
    """An id argument: a positive whole number SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an id (a whole number)") from None
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{text} is not an id (ids run from 1 to {2**63 - 1})")
    return value


class OutputFailed(ReaderError):
    """The command's output could not be written (a full disk): no fault of the program, told as such."""


class _Output:
    """Standard output whose failed writes are told apart from the program's faults (a BrokenPipeError, the reader
    of the output gone, stays what it is: no error)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._guarded(self._stream.write, text)

    def flush(self) -> None:
        self._guarded(self._stream.flush)

    def _guarded(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - nothing more is written, nor flushed
            raise OutputFailed(f"cannot write the output: {exc.strerror or exc}") from exc

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def open_output() -> None:
    """Standard output in UTF-8, whatever the terminal's encoding; with none (closed, as cron and daemon wrappers
    leave it) the output goes nowhere and the command still runs."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open until the process ends
        return
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout = _Output(sys.stdout)


def flush_output() -> None:
    """Write out what is buffered now, where a failure can be told (at the exit, Python only warns of it)."""
    sys.stdout.flush()
