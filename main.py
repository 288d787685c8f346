"""Entry point: no command opens the window; otherwise the command line (`python main.py --help`)."""

import sys

from reader import cli


def main(argv: list[str]) -> int:
    problem = cli.undecodable_argument(argv)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return cli.EXIT_USAGE
    args = cli.build_parser().parse_args(argv)
    if args.command is None:
        from reader.ui.app import run_app  # Qt is loaded only when the window is wanted

        return run_app(cli.db_path(args))
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
