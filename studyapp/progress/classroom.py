"""A class on one PostgreSQL server: learners' logins, and the teacher's view of them all.

The teacher's role ran the migrations, so it owns the tables and reads every row. Each
learner gets a login role of their own (`grant`), whose rows are those of the profile of
the same name: the row-level security policies of migration 0004 hide everyone else's.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Integer, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.functions import coalesce

from studyapp.content import Course
from studyapp.progress import stats
from studyapp.progress.errors import StoreError, cause
from studyapp.progress.models import Answer, LessonRead, Profile
from studyapp.progress.repository import ProgressStore

LEARNER_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")  # quoted all the same: `user` is a keyword
HARDEST = 10
HARD_ENOUGH = 3  # learners who must have met a question before it can rank as hardest
# What a learner's login may do: exactly what the app does, no more. Answers and readings
# are only ever added; a profile changes only its desired retention; nothing is deleted.
LEARNER_RIGHTS = (
    "SELECT, INSERT, UPDATE (desired_retention) ON profiles",
    "SELECT, INSERT ON answers",
    "SELECT, INSERT ON lesson_reads",
    "SELECT, INSERT, UPDATE (finished_at) ON quiz_sessions",
    "SELECT, INSERT, UPDATE ON item_states",
    "SELECT ON alembic_version",
    "USAGE ON ALL SEQUENCES IN SCHEMA public",
    "USAGE ON SCHEMA public",
)


def is_server(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def login_name(engine: Engine) -> str | None:
    """The role this engine logs in as (None for a file): asked of the server, since a URL
    may leave the user name to the environment."""
    if not is_server(engine):
        return None
    try:
        with engine.connect() as connection:
            return str(connection.exec_driver_sql("SELECT current_user").scalar())
    except DBAPIError as error:
        where = engine.url.render_as_string(hide_password=True)
        raise StoreError(f"{where}: cannot open the progress database: {cause(error)}") from error


def _only_on_a_server(engine: Engine) -> None:
    if not is_server(engine):
        raise StoreError(
            "a class needs a PostgreSQL server: give its URL with --db "
            "(postgresql+psycopg://teacher:…@host:port/database); a progress file has no logins"
        )


def _checked_name(name: str) -> str:
    if not LEARNER_NAME.fullmatch(name):
        raise StoreError(
            f"'{name}' cannot be a learner's login: use lowercase letters, digits and _, "
            "starting with a letter (at most 40)"
        )
    return name


def _marker(database: str) -> str:
    """What a learner's role says of itself: only such a role may be revoked."""
    return f"StudyApp learner of {database}"


@dataclass(frozen=True)
class Login:
    name: str
    password: str
    url: str  # what the learner gives as --db


def grant(engine: Engine, name: str) -> Login:
    """A login role for learner `name` with a new password, allowed only its own rows."""
    _only_on_a_server(engine)
    name = _checked_name(name)
    password = secrets.token_urlsafe(18)
    try:
        with engine.begin() as connection:
            role = _quoted(connection, name)
            database = str(connection.exec_driver_sql("SELECT current_database()").scalar())
            # The server gets the password's SCRAM verifier, never the password: a statement
            # may be logged, or shown in pg_stat_activity.
            driver = connection.connection.driver_connection
            verifier = driver.pgconn.encrypt_password(  # type: ignore[union-attr]
                password.encode(), name.encode(), b"scram-sha-256"
            ).decode()
            connection.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{verifier}'")
            marker = _marker(database).replace("'", "''")
            connection.exec_driver_sql(f"COMMENT ON ROLE {role} IS '{marker}'")
            connection.exec_driver_sql(
                f"GRANT CONNECT ON DATABASE {_quoted(connection, database)} TO {role}"
            )
            for rights in LEARNER_RIGHTS:
                connection.exec_driver_sql(f"GRANT {rights} TO {role}")
    except DBAPIError as error:
        raise StoreError(f"could not create the login '{name}': {_granting(error)}") from None
    ProgressStore(engine, name)  # the profile, so that the class lists the learner at once
    url = engine.url.set(username=name, password=password)
    return Login(name, password, url.render_as_string(hide_password=False))


def revoke(engine: Engine, name: str) -> None:
    """Remove learner `name`'s login; their answers stay for the teacher to see. Only a
    role that `grant` made for this database is removed, never another."""
    _only_on_a_server(engine)
    name = _checked_name(name)
    try:
        with engine.begin() as connection:
            role = _quoted(connection, name)
            database = str(connection.exec_driver_sql("SELECT current_database()").scalar())
            said = connection.execute(
                text(
                    "SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :name"
                ),
                {"name": name},
            ).first()
            if said is None:
                raise StoreError(f"there is no login named '{name}'")
            if said[0] != _marker(database):
                raise StoreError(
                    f"'{name}' is not a learner's login of this class (class grant did not "
                    "make it here); it was left alone"
                )
            for rights in LEARNER_RIGHTS:
                on_what = rights.split(" ON ", 1)[1]
                connection.exec_driver_sql(f"REVOKE ALL ON {on_what} FROM {role}")
            connection.exec_driver_sql(
                f"REVOKE ALL ON DATABASE {_quoted(connection, database)} FROM {role}"
            )
            connection.exec_driver_sql(f"DROP ROLE {role}")
    except DBAPIError as error:
        raise StoreError(f"could not remove the login '{name}': {_granting(error)}") from None


def _quoted(connection: Connection, name: str) -> str:
    return str(connection.dialect.identifier_preparer.quote_identifier(name))


def _granting(error: DBAPIError) -> str:
    """Why a login could not be made or removed: usually a teacher's role without
    CREATEROLE, or a name already taken on the server (logins are the server's)."""
    state = getattr(error.orig, "sqlstate", None)
    if state == "42501":
        return (
            "the teacher's login may not create or drop roles; the server's administrator "
            "can allow it: ALTER ROLE teacher CREATEROLE"
        )
    if state == "42710":
        return "that name is already a login on this server (maybe of another class)"
    return cause(error)


def is_teacher(engine: Engine) -> bool:
    """Whether this login owns the tables (ran the migrations), by itself or through a
    group, and so reads every row."""
    if not is_server(engine):
        return False
    query = text(
        "SELECT pg_has_role(tableowner, 'MEMBER') FROM pg_tables "
        "WHERE tablename = 'answers' AND schemaname = current_schema()"
    )
    with engine.connect() as connection:
        return bool(connection.execute(query).scalar())


# --- the teacher's view ---------------------------------------------------------------


@dataclass(frozen=True)
class LearnerReport:
    profile: str
    answers: int
    correct: int
    accuracy: float | None
    mastery: float
    last_active: dt.datetime | None  # UTC
    due: int


@dataclass(frozen=True)
class LessonReport:
    id: str
    title: str
    mastery: float  # the mean over the class of each learner's mastery of the lesson
    answered: int
    correct: int
    accuracy: float | None


@dataclass(frozen=True)
class HardQuestion:
    question_id: str
    question_type: str
    item_ids: tuple[str, ...]
    item_labels: tuple[str, ...]  # as a learner knows them: a term, a title, a view
    lesson_id: str
    lesson_title: str
    learners: int  # who answered it, each counted at their first try
    right_first_time: int
    accuracy: float


@dataclass(frozen=True)
class ClassReport:
    course_id: str
    learners: list[LearnerReport]
    lessons: list[LessonReport]
    hardest: list[HardQuestion]

    def to_json(self) -> dict[str, Any]:
        def moment(value: dt.datetime | None) -> str | None:
            return value.isoformat() + "Z" if value else None

        learners = [
            asdict(each) | {"last_active": moment(each.last_active)} for each in self.learners
        ]
        return {
            "course": self.course_id,
            "learners": learners,
            "lessons": [asdict(each) for each in self.lessons],
            "hardest": [asdict(each) for each in self.hardest],
        }


def report(
    engine: Engine, course: Course, *, now: dt.datetime, tz: dt.tzinfo | None
) -> ClassReport:
    """Every learner of the class on one course, its lessons across the class, and the
    questions the class found hardest. The teacher's own profile is not a learner."""
    _only_on_a_server(engine)
    teacher = login_name(engine)
    with engine.connect() as connection:
        names = [
            name
            for name in connection.scalars(select(Profile.name).order_by(Profile.name))
            if name != teacher
        ]
        last_active = _last_active(connection, course.id)
        hardest = _hardest(connection, course, names)
    per_learner = {
        name: stats.compute(ProgressStore(engine, name), course, now=now, tz=tz) for name in names
    }
    learners = [
        LearnerReport(
            profile=name,
            answers=figures.answers,
            correct=figures.correct,
            accuracy=figures.accuracy,
            mastery=figures.mastery,
            last_active=last_active.get(name),
            due=figures.due,
        )
        for name, figures in per_learner.items()
    ]
    lessons = []
    for lesson in course.lessons:
        rows = [next(x for x in f.lessons if x.id == lesson.id) for f in per_learner.values()]
        answered = sum(row.answered for row in rows)
        correct = sum(row.correct for row in rows)
        mastery = sum(row.mastery for row in rows) / len(rows) if rows else 0.0
        accuracy = correct / answered if answered else None
        lessons.append(LessonReport(lesson.id, lesson.title, mastery, answered, correct, accuracy))
    return ClassReport(course.id, learners, lessons, hardest)


def _last_active(connection: Any, course_id: str) -> dict[str, dt.datetime]:
    """Each profile's latest answer or lesson opened in the course."""
    latest: dict[str, dt.datetime] = {}
    for column, table in ((Answer.answered_at, Answer), (LessonRead.opened_at, LessonRead)):
        query = (
            select(Profile.name, func.max(column))
            .join(table, table.profile_id == Profile.id)
            .where(table.course_id == course_id)
            .group_by(Profile.name)
        )
        for name, moment in connection.execute(query):
            if moment is not None and (name not in latest or moment > latest[name]):
                latest[name] = moment
    return latest


def _hardest(connection: Any, course: Course, learners: list[str]) -> list[HardQuestion]:
    """The questions with the lowest share right at each learner's first try, among those
    that enough of the class has met (one learner's slip is not the class's difficulty)."""
    first = (
        select(func.min(Answer.id).label("id"))
        .join(Profile, Profile.id == Answer.profile_id)
        .where(Answer.course_id == course.id, Profile.name.in_(learners))
        .group_by(Answer.profile_id, Answer.question_id)
        .subquery()
    )
    right = coalesce(func.sum(Answer.correct.cast(Integer)), 0)
    query = (  # one row per question: a matching's items and lesson may differ in order
        select(Answer.question_id, func.min(Answer.question_type), func.min(Answer.item_ids),
               func.min(Answer.lesson_id), func.count(), right)
        .join(first, first.c.id == Answer.id)
        .group_by(Answer.question_id)
    )  # fmt: skip
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    labels = {item.id: stats.item_label(item) for item in course.items}
    found = [
        HardQuestion(
            question_id=question_id,
            question_type=kind,
            item_ids=tuple(item_ids.split()),
            item_labels=tuple(labels.get(item, item) for item in item_ids.split()),
            lesson_id=lesson_id,
            lesson_title=titles.get(lesson_id, lesson_id),
            learners=int(tries),
            right_first_time=int(correct),
            accuracy=int(correct) / int(tries),
        )
        for question_id, kind, item_ids, lesson_id, tries, correct in connection.execute(query)
    ]
    enough = min(HARD_ENOUGH, max((q.learners for q in found), default=0))
    found = [q for q in found if q.learners >= enough]
    found.sort(key=lambda q: (q.accuracy, -q.learners, q.question_id))
    return found[:HARDEST]
