"""The program's entry point for every way it is started: `python main.py`, `python -m reader` and the
`annotated-reader` command an install makes. No command opens the window; otherwise the command line runs."""

from __future__ import annotations

import sys
from collections.abc import Callable

INTERRUPTED_LOADING = "interrupted: nothing was done"
EXIT_INTERRUPTED = 130  # as the command line's (cli.EXIT_INTERRUPTED), which may not be loaded yet


def main(argv: list[str] | None = None) -> int:
    """Ctrl+C while the program loads (a quarter second, at once after a mistyped command) is one line, as it is
    once a command runs: it printed a traceback of the imports under way."""
    try:
        start = _loaded(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        print(INTERRUPTED_LOADING, file=sys.stderr)
        return EXIT_INTERRUPTED
    return start()


def _loaded(argv: list[str]) -> Callable[[], int]:
    """What the arguments ask for, ready to run: the window, a command, or a refusal's exit code."""
    from reader import cli

    problem = cli.undecodable_argument(argv)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return lambda: cli.EXIT_USAGE
    args = cli.build_parser().parse_args(cli.query_after_dashes(argv))
    if args.command is None:
        from reader.ui.app import run_app  # Qt is loaded only when the window is wanted

        return lambda: run_app(cli.db_path(args))
    return lambda: cli.run(args)


def console() -> None:
    """The `annotated-reader` command."""
    sys.exit(main())
