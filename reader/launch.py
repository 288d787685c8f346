"""The program's entry point for every way it is started: `python main.py`, `python -m reader` and the
`annotated-reader` command an install makes. No command opens the window; otherwise the command line runs."""

from __future__ import annotations

import sys

from reader import cli


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    problem = cli.undecodable_argument(argv)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return cli.EXIT_USAGE
    args = cli.build_parser().parse_args(cli.query_after_dashes(argv))
    if args.command is None:
        from reader.ui.app import run_app  # Qt is loaded only when the window is wanted

        return run_app(cli.db_path(args))
    return cli.run(args)


def console() -> None:
    """The `annotated-reader` command."""
    sys.exit(main())
