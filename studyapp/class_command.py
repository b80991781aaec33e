"""`main.py class`: the teacher's view of a class on a PostgreSQL server, and learners'
logins (`class grant NAME`, `class revoke NAME`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from studyapp.progress.classroom import ClassReport
from studyapp.service import StoreError, StudyService


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(100 * share)}%"


def format_report(report: ClassReport, title: str) -> str:
    lines = [f"{report.course_id}: {title}", "", "Learners (answers, accuracy, mastery, due):"]
    if not report.learners:
        lines.append("  none yet: add one with `main.py class grant NAME`")
    width = max((len(each.profile) for each in report.learners), default=0)
    for each in report.learners:
        active = f"{each.last_active:%Y-%m-%d %H:%M} UTC" if each.last_active else "never"
        lines.append(
            f"  {each.profile:<{width}}  {each.answers:>5} answers  {_percent(each.accuracy):>4} "
            f"right  mastery {_percent(each.mastery):>4}  {each.due} due  last active {active}"
        )
    lines += ["", "Lessons across the class (mastery, answers, accuracy):"]
    width = max(len(lesson.title) for lesson in report.lessons)
    for n, lesson in enumerate(report.lessons, 1):
        lines.append(
            f"  {n}. {lesson.title:<{width}}  {_percent(lesson.mastery):>4}  "
            f"{lesson.answered:>5} answered, {_percent(lesson.accuracy)} right"
        )
    lines += ["", "Hardest questions (right at the first try):"]
    if not report.hardest:
        lines.append("  no answers yet")
    for question in report.hardest:
        lines.append(
            f"  {_percent(question.accuracy):>4} of {question.learners}  {question.question_type}"
            f" on {', '.join(question.item_ids)} ({question.lesson_title})"
        )
    return "\n".join(lines)


def run(
    content: Path,
    db: str | None,
    *,
    action: str | None,
    name: str | None,
    course_id: str | None,
    as_json: bool,
) -> int:
    """The `class` command; its exit code."""
    if action is not None and name is None:
        return _fail(f"`class {action}` needs the learner's name, e.g. class {action} ada")
    try:
        service = StudyService.open(content, db)
    except (StoreError, ValueError) as error:
        return _fail(str(error))
    try:
        if not service.is_server:
            return _fail(
                "a class needs a PostgreSQL server: give its URL with --db "
                "(postgresql+psycopg://teacher:…@host:port/database); see the README"
            )
        if not service.is_teacher:
            return _fail(
                f"this login ({service.profile}) is a learner's: only the teacher's login, the "
                "one that ran the migrations and owns the tables, sees and manages the class"
            )
        if action == "grant":
            assert name is not None
            login = service.grant_learner(name)
            print(f"Login '{login.name}' made. Its password is shown once; give {name} this")
            print("URL for --db (replace the host if theirs reaches the server by another):")
            print(login.url)
            return 0
        if action == "revoke":
            assert name is not None
            service.revoke_learner(name)
            print(f"Login '{name}' removed; {name}'s answers stay in the class's history.")
            return 0
        chosen = course_id or (service.courses[0].id if service.courses else None)
        if chosen is None:
            return _fail("there is no course to report on")
        try:
            course = service.course(chosen)
        except KeyError as error:
            return _fail(str(error.args[0]))
        report = service.class_report(course.id)
        if as_json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            print(format_report(report, course.title))
        return 0
    except StoreError as error:
        return _fail(str(error))
    finally:
        service.close()


def _fail(message: str) -> int:
    print(f"studyapp: {message}", file=sys.stderr)
    return 2
