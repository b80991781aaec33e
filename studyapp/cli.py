"""The command line: `python main.py [command]`. With no command it opens the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from studyapp.content import default_content_dir, load_catalogue
from studyapp.quiz import QUESTION_TYPES, QuizRequestError
from studyapp.service import StudyService

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
    quiz = commands.add_parser("quiz", help="make a quiz on a course")
    quiz.add_argument("--course", required=True, metavar="ID", help="the course's id")
    quiz.add_argument(
        "--lesson",
        action="append",
        dest="lessons",
        metavar="ID",
        help="a lesson to ask about (repeatable; default: all)",
    )
    quiz.add_argument("--count", type=int, default=10, metavar="N", help="questions (default 10)")
    quiz.add_argument("--seed", type=int, default=None, metavar="S", help="same seed, same quiz")
    quiz.add_argument(
        "--types",
        default=None,
        metavar="T1,T2",
        help=f"question types, comma-separated (default all: {', '.join(QUESTION_TYPES)})",
    )
    quiz.add_argument(
        "--json",
        action="store_true",
        required=True,
        help="print the questions as JSON (no answers are recorded)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    content = args.content or default_content_dir()
    if args.command == "check":
        return check(content)
    if args.command == "quiz":
        return quiz_json(content, args)
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


def _fail(message: str) -> int:
    print(f"studyapp: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def quiz_json(content: Path, args: argparse.Namespace) -> int:
    """Print a quiz as a JSON list; nothing touches the progress database."""
    if not content.is_dir():
        return _fail(f"{content}: no such content folder")
    if args.count < 1:
        return _fail("--count must be at least 1")
    service = StudyService.without_progress(content)
    if args.course in service.broken_courses:
        problems = "\n".join(str(p) for p in service.broken_courses[args.course])
        return _fail(f"course '{args.course}' has problems:\n{problems}")
    try:
        service.course(args.course)
        types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
        questions = service.quiz(
            args.course, lessons=args.lessons, count=args.count, types=types, seed=args.seed
        )
    except (KeyError, QuizRequestError) as error:
        return _fail(str(error.args[0]))
    print(json.dumps([q.to_json() for q in questions], ensure_ascii=False, indent=2))
    return EXIT_OK


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
