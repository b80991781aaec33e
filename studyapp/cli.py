"""The command line: `python main.py [command]`. With no command it opens the app."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.content.locations import default_content_dir
from studyapp.quiz.kinds import QUESTION_TYPES
from studyapp.window import open_window

if TYPE_CHECKING:  # each command imports what it needs: the window opens sooner
    from studyapp.service import StudyService

EXIT_OK = 0
EXIT_USER_ERROR = 2
SEED_LIMIT = 2**63  # seeds are kept in SQLite, whose integers are signed 64-bit
COUNT_LIMIT = 500


def _seed(text: str) -> int:
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 0 <= seed < SEED_LIMIT:
        raise argparse.ArgumentTypeError(f"a seed is a whole number from 0 to {SEED_LIMIT - 1}")
    return seed


def _count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= count <= COUNT_LIMIT:
        raise argparse.ArgumentTypeError(f"a quiz has 1 to {COUNT_LIMIT} questions")
    return count


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--content",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="folder of course folders (default: the bundled content/)",
    )
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="progress database file or SQLAlchemy URL (default: $STUDYAPP_DB, "
        "else the per-user data folder)",
    )
    common.add_argument(
        "--profile", default=argparse.SUPPRESS, metavar="NAME", help="learner profile"
    )
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="studyapp",
        description="Read articles as lessons, take quizzes on them, and track your mastery.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="command")
    commands.add_parser("gui", parents=[common], help="open the app window (the default)")
    commands.add_parser(
        "check", parents=[common], help="validate every course and print a summary of each"
    )
    quiz = commands.add_parser("quiz", parents=[common], help="take a quiz in the terminal")
    quiz.add_argument("--course", required=True, metavar="ID", help="the course's id")
    quiz.add_argument(
        "--lesson",
        action="append",
        dest="lessons",
        metavar="ID",
        help="a lesson to ask about (repeatable; default: all)",
    )
    quiz.add_argument(
        "--count", type=_count, default=10, metavar="N", help="questions (default 10)"
    )
    quiz.add_argument("--seed", type=_seed, default=None, metavar="S", help="same seed, same quiz")
    quiz.add_argument(
        "--types",
        default=None,
        metavar="T1,T2",
        help=f"question types, comma-separated (default all: {', '.join(QUESTION_TYPES)})",
    )
    quiz.add_argument("--review", action="store_true", help="ask the items that are due first")
    quiz.add_argument(
        "--json", action="store_true", help="print the questions as JSON; record nothing"
    )
    stats = commands.add_parser("stats", parents=[common], help="print your progress")
    stats.add_argument("--course", default=None, metavar="ID", help="default: the first course")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    importing = commands.add_parser(
        "import", parents=[common], help="turn a text or Markdown article into a course"
    )
    importing.add_argument("article", type=Path, metavar="ARTICLE")
    importing.add_argument("--id", dest="course_id", default=None, metavar="COURSE_ID")
    importing.add_argument("--title", default=None, metavar="TITLE")
    importing.add_argument(
        "--out", type=Path, default=None, metavar="DIR", help="default: the content folder"
    )
    export = commands.add_parser(
        "export", parents=[common], help="a course as an Anki deck, or your answers as CSV"
    )
    export.add_argument("--anki", type=Path, metavar="OUT.apkg", help="write an Anki deck")
    export.add_argument("--course", default=None, metavar="ID", help="default: the first course")
    export.add_argument("--csv", type=Path, metavar="OUT.csv", help="write every answer as CSV")
    shots = commands.add_parser(
        "screenshots", parents=[common], help="render every screen to PNG (light and dark)"
    )
    shots.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    backup = commands.add_parser(
        "backup", parents=[common], help="back up your progress now (or --list the backups)"
    )
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    restore = commands.add_parser(
        "restore", parents=[common], help="put a backup in your progress database's place"
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE")
    lesson_class = commands.add_parser(
        "class",
        parents=[common],
        help="on a PostgreSQL server: the class's progress, or grant/revoke a learner's login",
    )
    lesson_class.add_argument("action", nargs="?", choices=["grant", "revoke"])
    lesson_class.add_argument("name", nargs="?", metavar="NAME", help="the learner's login")
    lesson_class.add_argument("--course", default=None, metavar="ID", help="default: the first")
    lesson_class.add_argument("--json", action="store_true", help="print one JSON object")
    read = commands.add_parser("read", parents=[common], help="mark a lesson as read")
    read.add_argument("lesson", metavar="LESSON_ID")
    read.add_argument("--course", default=None, metavar="ID", help="needed if ids repeat")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if not words:
        return open_window()
    try:
        return _main(words)
    except BrokenPipeError:
        # The reader went away (`stats | head -1`): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    content = getattr(args, "content", None) or default_content_dir()
    db = getattr(args, "db", None)
    profile = getattr(args, "profile", "default")
    if args.command in ("backup", "restore"):
        return backup_command(args, content, db, profile)
    if args.command == "check":
        return check(content)
    if args.command == "export":
        return export_command(args, content, db, profile)
    if args.command == "import":
        return import_command(args, args.out or content)
    if args.command == "class":
        from studyapp.class_command import run

        return run(content, db, action=args.action, name=args.name, course_id=args.course,
                   as_json=args.json)  # fmt: skip
    if args.command == "screenshots":
        return screenshots(content, args.out_dir)
    if args.command in ("quiz", "stats", "read"):
        from studyapp.service import StoreError, StudyService

        if not content.is_dir():
            return fail(f"{content}: no such content folder")
        if args.command == "quiz" and args.json:
            return quiz_json(StudyService.without_progress(content), args)
        try:
            service = StudyService.open(content, db, profile)
        except (StoreError, ValueError) as error:
            return fail(str(error))
        if service.notice:
            print(f"studyapp: {service.notice}", file=sys.stderr)
        try:
            code = {"quiz": quiz, "stats": stats, "read": read}[args.command](service, args)
            if args.command != "stats":
                service.automatic_backup()
            return code
        except StoreError as error:
            return fail(str(error))
        finally:
            service.close()
    return open_window(content, db)


def fail(message: str) -> int:
    print(f"studyapp: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def check(content: Path) -> int:
    """Print one summary line per course; on any problem, list them all on stderr."""
    from studyapp.content import load_catalogue

    if not content.is_dir():
        return fail(f"{content}: no such content folder")
    catalogue = load_catalogue(content)
    for course in catalogue.courses:
        print(course.summary())
    for problems in catalogue.broken.values():
        for problem in problems:
            print(problem, file=sys.stderr)
    if not catalogue.courses and not catalogue.broken:
        return fail(f"{content}: no course folders found")
    return EXIT_USER_ERROR if catalogue.broken else EXIT_OK


def _course_problem(service: StudyService, course_id: str) -> str | None:
    """Why a course cannot be used, or None."""
    if course_id in service.broken_courses:
        problems = "\n".join(str(p) for p in service.broken_courses[course_id])
        return f"course '{course_id}' has problems:\n{problems}"
    try:
        service.course(course_id)
    except KeyError as error:
        return str(error.args[0])
    return None


def _types(args: argparse.Namespace) -> list[str] | None:
    return [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None


def _quiz_problem(service: StudyService, args: argparse.Namespace) -> str | None:
    """What is wrong with a quiz's options before any question is made, or None."""
    if args.count < 1:
        return "--count must be at least 1"
    return _course_problem(service, args.course)


def quiz_json(service: StudyService, args: argparse.Namespace) -> int:
    """Print a quiz as a JSON list; nothing touches the progress database."""
    from studyapp.quiz import QuizRequestError

    if problem := _quiz_problem(service, args):
        return fail(problem)
    try:
        questions = service.quiz(
            args.course, lessons=args.lessons, count=args.count, types=_types(args), seed=args.seed
        )
    except QuizRequestError as error:
        return fail(str(error))
    print(json.dumps([q.to_json() for q in questions], ensure_ascii=False, indent=2))
    return EXIT_OK


def quiz(service: StudyService, args: argparse.Namespace) -> int:
    """A quiz in the terminal; every answer is saved the moment it is given."""
    from studyapp.quiz import QuizRequestError
    from studyapp.terminal import run_quiz

    if problem := _quiz_problem(service, args):
        return fail(problem)
    try:
        if args.review:
            run = service.start_review(args.course, count=args.count, seed=args.seed)
            if run is None:
                when = service.next_due(args.course)
                later = f" The next item falls due {when:%Y-%m-%d %H:%M} UTC." if when else ""
                print(f"Nothing is due for review.{later}")
                return EXIT_OK
        else:
            run = service.start_quiz(
                args.course,
                lessons=args.lessons,
                count=args.count,
                types=_types(args),
                seed=args.seed,
            )
    except QuizRequestError as error:
        return fail(str(error))
    if not run.questions:
        run.abandon()
        return fail("these lessons and types give no questions; choose more of them")
    run_quiz(service.course(args.course), run, sys.stdin, sys.stdout)
    return EXIT_OK


def _default_course(service: StudyService, course_id: str | None) -> str | None:
    if course_id:
        return course_id
    return service.courses[0].id if service.courses else None


def stats(service: StudyService, args: argparse.Namespace) -> int:
    course_id = _default_course(service, args.course)
    if course_id is None:
        return fail("there is no course to report on")
    problem = _course_problem(service, course_id)
    if problem:
        return fail(problem)
    from studyapp.terminal import format_stats

    figures = service.stats(course_id)
    if args.json:
        print(json.dumps(figures.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_stats(figures, service.course(course_id).title))
    return EXIT_OK


def read(service: StudyService, args: argparse.Namespace) -> int:
    """Mark a lesson read, as reaching its end in the app does."""
    owners = [
        c.id
        for c in service.courses
        if (args.course in (None, c.id)) and any(lesson.id == args.lesson for lesson in c.lessons)
    ]
    if args.course and (problem := _course_problem(service, args.course)):
        return fail(problem)
    if not owners:
        known = ", ".join(
            lesson.id
            for c in service.courses
            if args.course in (None, c.id)
            for lesson in c.lessons
        )
        return fail(f"unknown lesson '{args.lesson}' (lessons: {known})")
    if len(owners) > 1:
        return fail(
            f"lesson '{args.lesson}' is in several courses; add --course (one of: "
            f"{', '.join(owners)})"
        )
    service.record_reading(owners[0], args.lesson, seconds=0, finished=True)
    title = service.course(owners[0]).lesson(args.lesson).title
    print(f"Marked as read: {title}")
    return EXIT_OK


def export_command(args: argparse.Namespace, content: Path, db: str | None, profile: str) -> int:
    """Write the Anki deck and/or the answers' CSV that the options ask for."""
    from studyapp.service import ExportError, StoreError, StudyService

    if args.anki is None and args.csv is None:
        return fail("say what to export: --anki OUT.apkg and/or --csv OUT.csv")
    if args.anki is not None:
        if not content.is_dir():
            return fail(f"{content}: no such content folder")
        courses = StudyService.without_progress(content, db or "")
        course_id = _default_course(courses, args.course)
        problem = _course_problem(courses, course_id) if course_id else "there is no course"
        if problem or course_id is None:
            return fail(str(problem))
        try:
            notes = courses.export_anki(course_id, args.anki)
        except ExportError as error:
            return fail(str(error))
        except OSError as error:
            return fail(f"{args.anki}: cannot write the deck ({error.strerror or error})")
        print(f"Wrote {notes} notes of '{course_id}' to {args.anki}")
    if args.csv is not None:
        try:
            service = StudyService.open(content, db, profile)
        except (StoreError, ValueError) as error:
            return fail(str(error))
        try:
            rows = service.export_answers(args.csv)
        except (ExportError, StoreError) as error:
            return fail(str(error))
        except OSError as error:
            return fail(f"{args.csv}: cannot write the file ({error.strerror or error})")
        finally:
            service.close()
        print(f"Wrote {rows} answers to {args.csv}")
    return EXIT_OK


def backup_command(args: argparse.Namespace, content: Path, db: str | None, profile: str) -> int:
    """`backup` makes one now, `backup --list` lists them, `restore FILE` puts one back."""
    from studyapp.service import StoreError, StudyService

    try:
        service = StudyService.open(content, db, profile)
    except (StoreError, ValueError) as error:
        return fail(str(error))
    try:
        if args.command == "restore":
            backup = args.backup_file.expanduser().resolve()
            safety = service.restore_backup(backup)
            if safety is not None:
                print(f"Your progress as it was is kept in {safety}")
            print(f"Restored {args.backup_file} to {service.database}")
        elif args.list:
            found = service.backups()
            for made in found:
                answers = "unreadable" if made.answers is None else f"{made.answers} answers"
                print(f"{made.path}\t{made.made:%Y-%m-%d %H:%M:%S}\t{answers}")
            if not found:
                print(f"No backups yet of {service.database}", file=sys.stderr)
        else:
            print(service.backup_now())
    except StoreError as error:
        return fail(str(error))
    finally:
        service.close()
    return EXIT_OK


def import_command(args: argparse.Namespace, out: Path) -> int:
    """Import an article as a new course folder, all or nothing."""
    from studyapp.content.importer import ArticleError, import_article

    try:
        course = import_article(args.article, out, course_id=args.course_id, title=args.title)
    except ArticleError as error:
        return fail(str(error))
    print(f"Imported {course.folder}: {course.summary()}")
    print("Its items are marked 'generated: true': read them over and curate them.")
    return EXIT_OK


def screenshots(content: Path, out_dir: Path) -> int:
    """Render the screens offscreen against a throw-away demo database."""
    if not content.is_dir():
        return fail(f"{content}: no such content folder")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from studyapp.ui.screenshots import render_screens

    written = render_screens(out_dir, content)
    print(f"Wrote {len(written)} screenshots to {out_dir}")
    return EXIT_OK
