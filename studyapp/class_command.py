"""`main.py class`: the teacher's view of a class on a PostgreSQL server, and learners'
logins (`class grant NAME`, `class revoke NAME`)."""

from __future__ import annotations

import json
from pathlib import Path

from studyapp.cli import fail
from studyapp.service import StoreError, StudyService
from studyapp.terminal import format_report


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
        return fail(f"`class {action}` needs the learner's name, e.g. class {action} ada")
    try:
        service = StudyService.open(content, db)
    except (StoreError, ValueError) as error:
        return fail(str(error))
    try:
        if not service.is_server:
            return fail(
                "a class needs a PostgreSQL server: give its URL with --db "
                "(postgresql+psycopg://teacher:…@host:port/database); see the README"
            )
        if not service.is_teacher:
            return fail(
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
            return fail("there is no course to report on")
        try:
            course = service.course(chosen)
        except KeyError as error:
            return fail(str(error.args[0]))
        report = service.class_report(course.id)
        if as_json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            print(format_report(report, course.title))
        return 0
    except StoreError as error:
        return fail(str(error))
    finally:
        service.close()
