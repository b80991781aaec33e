"""The command line: `python main.py [command]`. With no command it opens the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from studyapp.content import default_content_dir, load_catalogue

EXIT_OK = 0
EXIT_USER_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Read articles as lessons, take quizzes on them, and track your mastery.",
    )
    parser.add_argument(
        "--content",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of course folders (default: the bundled content/)",
    )
    parser.add_argument("--db", default=None, metavar="PATH", help="progress database file")
    commands = parser.add_subparsers(dest="command", metavar="command")
    commands.add_parser("gui", help="open the app window (the default)")
    commands.add_parser("check", help="validate every course and print a summary of each")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    content = args.content or default_content_dir()
    if args.command == "check":
        return check(content)
    return gui(content, args.db)


def check(content: Path) -> int:
    """Print one summary line per course; on any problem, list them all on stderr."""
    if not content.is_dir():
        print(f"{content}: no such content folder", file=sys.stderr)
        return EXIT_USER_ERROR
    catalogue = load_catalogue(content)
    for course in catalogue.courses:
        print(course.summary())
    for problems in catalogue.broken.values():
        for problem in problems:
            print(problem, file=sys.stderr)
    if not catalogue.courses and not catalogue.broken:
        print(f"{content}: no course folders found", file=sys.stderr)
        return EXIT_USER_ERROR
    return EXIT_USER_ERROR if catalogue.broken else EXIT_OK


def _display_missing() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def gui(content: Path, db: str | None) -> int:
    if _display_missing():
        print(
            "studyapp: no display available to open the window. "
            "Use the terminal commands instead (python main.py --help), "
            "or run under a display (e.g. xvfb-run python main.py).",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    from studyapp.ui.app import run  # Qt loads only when a window is wanted

    return run(content, db)
