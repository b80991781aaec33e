"""A class on one PostgreSQL server (started by the tests): learners' logins that see only
their own rows, the teacher's view of the class, thirty learners answering at once, and a
server that goes away in the middle of a quiz."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from studyapp.demo import right_response, wrong_response
from studyapp.progress import StoreError
from studyapp.service import StudyService
from tests.conftest import CONTENT, ROOT, rows
from tests.pg_server import Cluster, server_binaries
from tests.pg_server import start as start_cluster


def main_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120
    )


def grant(url: str, name: str) -> str:
    """`main.py class grant NAME`: the URL on its last line."""
    made = main_py("class", "grant", name, "--db", url)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def answer(url: str, right: int, wrong: int, seed: int) -> StudyService:
    """A learner's app on `url`, having answered `right` then `wrong` questions."""
    service = StudyService.open(CONTENT, url)
    run = service.start_quiz("nato-russia", count=right + wrong, seed=seed)
    for n, question in enumerate(run.questions):
        given = (
            right_response(question) if n < right else wrong_response(question, random.Random(n))
        )
        service.answer(run, question, given, seconds=5)
    return service


@pytest.fixture
def class_of_two(pg_url: str) -> Iterator[tuple[str, str]]:
    """Ada (3 right, 1 wrong) and Ben (2 wrong), each through their own login."""
    StudyService.open(CONTENT, pg_url).close()  # the teacher runs the migrations
    ada, ben = grant(pg_url, "ada"), grant(pg_url, "ben")
    answer(ada, 3, 1, seed=1).close()
    answer(ben, 0, 2, seed=2).close()
    yield ada, ben


def test_a_learners_login_reads_and_writes_only_its_own_rows(
    pg_url: str, class_of_two: tuple[str, str]
) -> None:
    ada = class_of_two[0]
    app = StudyService.open(CONTENT, ada)
    assert app.profile == "ada" and app.profiles() == ["ada"]
    assert app.stats("nato-russia").answers == 4
    app.close()
    assert rows(ada, "SELECT count(*) FROM answers") == [(4,)]
    assert rows(
        ada, "SELECT DISTINCT p.name FROM answers a JOIN profiles p ON p.id = a.profile_id"
    ) == [("ada",)]
    [(ben_id,)] = rows(pg_url, "SELECT id FROM profiles WHERE name = 'ben'")
    for sql in (  # by plain SQL too: Ben's rows are not there for Ada to see
        f"SELECT * FROM answers WHERE profile_id = {ben_id}",
        f"SELECT * FROM item_states WHERE profile_id = {ben_id}",
        f"SELECT * FROM quiz_sessions WHERE profile_id = {ben_id}",
        f"SELECT * FROM lesson_reads WHERE profile_id = {ben_id}",
        f"UPDATE item_states SET reviews = 0 WHERE profile_id = {ben_id} RETURNING id",
    ):
        assert rows(ada, sql) == []
    answer_row = (  # an answer in Ben's name
        "INSERT INTO answers (profile_id, course_id, lesson_id, question_id, question_type,"
        " topic, item_ids, response, correct, score, seconds, answered_at, day) VALUES"
        f" ({ben_id}, 'nato-russia', 'key-events', 'q', 'cloze', 'concept', 'concept:x', '\"\"',"
        " true, 1, 1, now(), '2026-01-01')"
    )
    for sql in (  # nor to write: not in another's name, nor to move her own rows to Ben
        answer_row,
        "INSERT INTO profiles (name, created_at, desired_retention) VALUES ('ben2', now(), 0.9)",
        f"UPDATE item_states SET profile_id = {ben_id}",
    ):
        with pytest.raises(DBAPIError, match="row-level security"):
            rows(ada, sql)
    for sql in (  # and her own record is kept as it was given: no rewriting, no deleting
        "UPDATE answers SET correct = true",
        "DELETE FROM answers",
        "DELETE FROM profiles",
        "UPDATE profiles SET name = 'ben'",
    ):
        with pytest.raises(DBAPIError, match="permission denied"):
            rows(ada, sql)
    with pytest.raises(StoreError, match="this login is not allowed to do that"):
        StudyService.open(CONTENT, ada, profile="ben")
    assert rows(pg_url, "SELECT count(*) FROM answers") == [(6,)]  # the teacher reads all


def test_the_teacher_sees_each_learner_each_lesson_and_the_hardest_questions(
    pg_url: str, class_of_two: tuple[str, str]
) -> None:
    shown = main_py("class", "--course", "nato-russia", "--json", "--db", pg_url)
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    learners = {each["profile"]: each for each in report["learners"]}
    assert set(learners) == {"ada", "ben"}  # not the teacher's own profile
    assert (learners["ada"]["answers"], learners["ada"]["correct"]) == (4, 3)
    assert (learners["ben"]["answers"], learners["ben"]["correct"]) == (2, 0)
    assert learners["ada"]["last_active"].endswith("Z") and learners["ada"]["mastery"] > 0
    assert len(report["lessons"]) == 8
    assert sum(lesson["answered"] for lesson in report["lessons"]) == 6
    hardest = report["hardest"]
    assert hardest and hardest[0]["accuracy"] == 0.0 and hardest[0]["item_ids"]
    assert len(hardest[0]["item_labels"]) == len(hardest[0]["item_ids"])
    assert [q["accuracy"] for q in hardest] == sorted(q["accuracy"] for q in hardest)
    table = main_py("class", "--db", pg_url)
    assert "ada" in table.stdout and "Hardest questions" in table.stdout
    as_learner = main_py("class", "--db", class_of_two[0])
    assert as_learner.returncode == 2 and "learner's" in as_learner.stderr


def test_a_revoked_login_is_refused_and_its_answers_stay(
    pg_url: str, class_of_two: tuple[str, str]
) -> None:
    ada, _ben = class_of_two
    gone = main_py("class", "revoke", "ada", "--db", pg_url)
    assert gone.returncode == 0, gone.stderr
    with pytest.raises(StoreError, match="refused the login"):
        StudyService.open(CONTENT, ada)
    teacher = StudyService.open(CONTENT, pg_url)
    kept = {each.profile: each.answers for each in teacher.class_report("nato-russia").learners}
    teacher.close()
    assert kept == {"ada": 4, "ben": 2}


def test_thirty_learners_answering_at_once_lose_nothing(pg_url: str) -> None:
    """Thirty learners, each through their own login, answer fifty questions each at once:
    every answer is committed when given, and none is lost."""
    teacher = StudyService.open(CONTENT, pg_url)
    logins = [teacher.grant_learner(f"learner{n}") for n in range(30)]
    teacher.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.load_worker", login.url, "default", "50", str(n)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, login in enumerate(logins)
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=600)
        assert worker.returncode == 0, err
        assert len(json.loads(out)["answer_ms"]) == 50
    counted = rows(
        pg_url,
        "SELECT p.name, count(a.id) FROM profiles p JOIN answers a ON a.profile_id = p.id "
        "GROUP BY p.name",
    )
    assert sorted(counted) == sorted((f"learner{n}", 50) for n in range(30))


def test_apps_starting_at_once_on_a_new_class_database_make_it_once(pg_url: str) -> None:
    opening = "from studyapp.service import StudyService; import sys; " + (
        f"StudyService.open(__import__('pathlib').Path({str(CONTENT)!r}), sys.argv[1]).close()"
    )
    starts = [
        subprocess.Popen([sys.executable, "-c", opening, pg_url], stderr=subprocess.PIPE, text=True)
        for _ in range(8)
    ]
    for start in starts:
        _, err = start.communicate(timeout=300)
        assert start.returncode == 0, err
    assert rows(pg_url, "SELECT count(*) FROM alembic_version") == [(1,)]


def test_only_a_learners_login_of_this_class_can_be_revoked(
    pg_url: str, pg_cluster: Cluster
) -> None:
    teacher = StudyService.open(CONTENT, pg_url)
    pg_cluster.admin("CREATE ROLE payroll LOGIN")  # another program's role on the server
    with pytest.raises(StoreError, match="is not a learner's login of this class"):
        teacher.revoke_learner("payroll")
    with pytest.raises(StoreError, match="there is no login named 'nobody'"):
        teacher.revoke_learner("nobody")
    user = teacher.grant_learner("user")  # an SQL keyword is a name like any other
    with pytest.raises(StoreError, match="already a login on this server"):
        teacher.grant_learner("user")
    learner = StudyService.open(CONTENT, user.url)
    assert learner.profile == "user"
    learner.close()
    teacher.revoke_learner("user")
    teacher.close()
    assert rows(pg_url, "SELECT count(*) FROM pg_roles WHERE rolname = 'payroll'") == [(1,)]


@pytest.fixture
def own_cluster(pg_cluster: Cluster) -> Iterator[Cluster]:
    """A cluster of this test's own, which it may stop and start."""
    binaries = server_binaries()
    assert binaries is not None
    cluster = start_cluster(binaries)
    yield cluster
    cluster.stop()


def test_a_server_gone_mid_quiz_is_one_message_and_the_answer_waits(own_cluster: Cluster) -> None:
    url = own_cluster.new_database("class")
    service = StudyService.open(CONTENT, url)
    run = service.start_quiz("nato-russia", count=3, seed=4)
    first, second = run.questions[:2]
    run.answer(right_response(first), seconds=3)
    own_cluster.pause()
    try:
        with pytest.raises(StoreError) as stopped:
            run.answer(right_response(second), seconds=3)
        assert "try again once it is back" in str(stopped.value)
        assert "teacher-secret" not in str(stopped.value)
        assert run.current() == second and len(run.graded) == 1  # the question waits
    finally:
        own_cluster.resume()
    run.answer(right_response(second), seconds=3)  # the same answer, given again
    service.close()
    engine = create_engine(url)
    with engine.connect() as connection:
        saved = connection.execute(text("SELECT question_id FROM answers ORDER BY id")).scalars()
        assert list(saved) == [first.id, second.id]
    engine.dispose()


def test_a_server_url_without_the_driver_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if `studyapp[server]` were missing
    url = "postgresql+psycopg://teacher:secret@127.0.0.1:5999/class"
    with pytest.raises(StoreError, match=r"pip install 'studyapp\[server\]'") as missing:
        StudyService.open(CONTENT, url)
    assert "secret" not in str(missing.value)


def test_a_login_given_by_the_environment_studies_as_itself(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.engine import make_url

    StudyService.open(CONTENT, pg_url).close()
    login = make_url(grant(pg_url, "ada"))
    monkeypatch.setenv("PGUSER", "ada")  # libpq's own way, as a school's setup may do
    monkeypatch.setenv("PGPASSWORD", str(login.password))
    bare = login.set(username=None, password=None).render_as_string(hide_password=False)
    app = StudyService.open(CONTENT, bare)
    assert app.profile == "ada" and not app.is_teacher
    app.close()


def test_a_class_database_of_an_older_schema_is_upgraded_with_its_rows(pg_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from studyapp.progress.db import HEAD_REVISION, MIGRATIONS

    engine = create_engine(pg_url)
    with engine.begin() as connection:  # the schema of the release before class mode
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO profiles (id, name, created_at, desired_retention)"
            " VALUES (1, 'ada', now(), 0.9)"
        )
        connection.exec_driver_sql(
            "INSERT INTO quiz_sessions (profile_id, course_id, mode, lessons, question_count,"
            " seed, questions, started_at) VALUES (1, 'nato-russia', 'quiz', '', 3, 7, '[]', now())"
        )
    engine.dispose()
    app = StudyService.open(CONTENT, pg_url, profile="ada")
    app.start_quiz("nato-russia", count=2, seed=2**62)  # too large before the upgrade
    app.close()
    assert rows(pg_url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert sorted(rows(pg_url, "SELECT seed FROM quiz_sessions")) == [(7,), (2**62,)]
    secured = "SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY relname"
    assert [name for (name,) in rows(pg_url, secured)] == [
        "answers", "item_states", "lesson_reads", "profiles", "quiz_sessions"
    ]  # fmt: skip


def test_the_hardest_questions_count_each_learner_once_per_question(pg_url: str) -> None:
    teacher = StudyService.open(CONTENT, pg_url)  # makes the teacher's own profile too
    for name in ("ada", "ben", "cy"):
        rows(pg_url, f"INSERT INTO profiles (name, created_at) VALUES ('{name}', now())")

    def answered(name: str, question: str, items: str, lesson: str, right: bool) -> None:
        rows(
            pg_url,
            "INSERT INTO answers (profile_id, course_id, lesson_id, question_id, question_type,"
            " topic, item_ids, response, correct, score, seconds, answered_at, day) SELECT id,"
            f" 'nato-russia', '{lesson}', '{question}', 'matching', 'concept', '{items}', '[]',"
            f" {right}, 0, 5, now(), '2026-03-01' FROM profiles WHERE name = '{name}'",
        )

    # One matching question, its items and lesson told differently each time it was made.
    answered("ada", "matching:1", "concept:a concept:b", "key-events", False)
    answered("ada", "matching:1", "concept:a concept:b", "key-events", True)  # a second try
    answered("ben", "matching:1", "concept:b concept:a", "introduction", False)
    answered("cy", "matching:1", "concept:a concept:b", "key-events", True)
    answered("teacher", "matching:1", "concept:a concept:b", "key-events", True)
    answered("ada", "cloze:1", "concept:c", "key-events", False)  # one learner's slip
    hardest = teacher.class_report("nato-russia").hardest
    teacher.close()
    assert [(q.question_id, q.learners, q.right_first_time) for q in hardest] == [
        ("matching:1", 3, 1)
    ]
