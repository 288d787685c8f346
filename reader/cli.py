"""The command line: a second face over the same core calls as the window.

`python main.py [--db PATH] COMMAND …`; with no command, main.py opens the window instead. Every error a user can
cause is one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.workspace import DB_ENV_VAR, Workspace, default_db_path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
Command = Callable[[Workspace, argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="Annotated Reader: read, annotate and compare historical sources.",
        epilog=f"With no command, the window opens. The database defaults to ${DB_ENV_VAR} or ./annotations.db.",
    )
    parser.add_argument("--db", type=Path, help="database file (created if missing)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_document_commands(commands)
    return parser


def _add_document_commands(commands: argparse._SubParsersAction) -> None:
    importing = commands.add_parser("import", help="import files or folders (.txt, .md, .html)")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.set_defaults(handler=cmd_import)
    listing = commands.add_parser("docs", help="list the documents")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    listing.set_defaults(handler=cmd_docs)
    text = commands.add_parser("text", help="print a document's stored text exactly")
    text.add_argument("doc", metavar="DOC", help="document id or file name")
    text.set_defaults(handler=cmd_text)


def cmd_import(workspace: Workspace, args: argparse.Namespace) -> int:
    report = workspace.documents.import_paths(args.paths)
    for outcome in report.outcomes:
        stream = sys.stderr if outcome.status == "failed" else sys.stdout
        print(outcome.message, file=stream)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_docs(workspace: Workspace, args: argparse.Namespace) -> int:
    for info in workspace.documents.list():
        row = {
            "id": info.id, "file_name": info.file_name, "title": info.title, "kind": info.metadata.kind,
            "date": info.metadata.date_published, "characters": info.char_count,
            "boilerplate_characters": info.boilerplate_chars,
        }
        print(json.dumps(row, ensure_ascii=False) if args.json else "\t".join(str(v) for v in row.values()))
    return EXIT_OK


def cmd_text(workspace: Workspace, args: argparse.Namespace) -> int:
    info = workspace.documents.resolve(args.doc)
    sys.stdout.buffer.write(workspace.documents.text(info.id).text.encode("utf-8"))
    return EXIT_OK


def db_path(args: argparse.Namespace) -> Path:
    return args.db or default_db_path()


def run(args: argparse.Namespace) -> int:
    """Run the parsed command against the workspace; user errors become one line on stderr."""
    sys.stdout.reconfigure(encoding="utf-8")
    try:
        workspace = Workspace.open(db_path(args))
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        return args.handler(workspace, args)
    except ReaderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        workspace.close()


def as_json(value: object) -> str:
    """One dataclass as a JSON line, for commands that print records."""
    return json.dumps(asdict(value), ensure_ascii=False)
