"""Nothing is ever lost: damaged files moved aside, old schemas upgraded with a backup,
answers committed one by one (even a kill -9 keeps them), clear messages for bad files."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from studyapp.progress import StoreError, head_revision, open_database
from studyapp.progress.db import _alembic_config
from studyapp.progress.models import Base
from studyapp.service import StudyService
from tests.conftest import CONTENT, ROOT, rows


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_fast_revision_check_knows_the_newest_migration() -> None:
    from studyapp.progress.db import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_the_models_match_the_migrations(store_location: str) -> None:
    engine = open_database(store_location).engine
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_an_older_database_is_backed_up_then_upgraded_with_every_row(db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO profiles (id, name, created_at) VALUES (1, 'Ana', '2025-01-01 10:00:00')"
        )
        for n in range(25):
            connection.exec_driver_sql(
                "INSERT INTO lesson_reads (profile_id, course_id, lesson_id, opened_at,"
                f" finished_at, seconds_spent) VALUES (1, 'nato-russia', 'key-events',"
                f" '2025-01-02 10:00:00', '2025-01-02 10:05:00', {n})"
            )
    engine.dispose()

    service = StudyService.open(CONTENT, str(db_path), profile="Ana")
    assert service.lesson_states("nato-russia")[2].read
    service.close()
    assert count(db_path, "lesson_reads") == 25
    with sqlite3.connect(db_path) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version")
        [(retention,)] = connection.execute("SELECT desired_retention FROM profiles")
    assert revision == head_revision() and retention == 0.9
    [backup] = db_path.parent.glob(f"{db_path.name}.bak-0001-*")
    assert count(backup, "lesson_reads") == 25
    with sqlite3.connect(backup) as connection:
        [(old,)] = connection.execute("SELECT version_num FROM alembic_version")
    assert old == "0001"


def test_a_damaged_database_is_moved_aside_and_a_fresh_one_made(db_path: Path) -> None:
    service = StudyService.open(CONTENT, str(db_path))
    service.record_reading("nato-russia", "conclusion", seconds=5, finished=True)
    service.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page : page * 3] = b"\xde\xad\xbe\xef" * (page // 2)  # wreck pages 2 and 3
    db_path.write_bytes(bytes(data))

    again = StudyService.open(CONTENT, str(db_path))
    assert again.notice is not None
    [moved] = [
        p
        for p in db_path.parent.glob(f"{db_path.name}.corrupt-*")
        if p.suffix[-4:] not in ("-wal", "-shm")
    ]
    assert str(moved) in again.notice and "nothing was deleted" in again.notice
    assert moved.read_bytes() == bytes(data)
    assert not any(s.read for s in again.lesson_states("nato-russia"))
    again.record_reading("nato-russia", "conclusion", seconds=5, finished=True)
    again.close()


def test_a_read_only_database_is_a_clear_error(db_path: Path) -> None:
    StudyService.open(CONTENT, str(db_path)).close()
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(StoreError, match="read-only"):
            StudyService.open(CONTENT, str(db_path))
    finally:
        db_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_sqlalchemy_url_is_accepted(db_path: Path) -> None:
    service = StudyService.open(CONTENT, f"sqlite:///{db_path}")
    service.record_reading("nato-russia", "introduction", seconds=3, finished=True)
    service.close()
    assert count(db_path, "lesson_reads") == 1


def test_the_environment_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere" / "mine.sqlite3"
    monkeypatch.setenv("STUDYAPP_DB", str(target))
    StudyService.open(CONTENT).close()
    assert target.exists()


def cli(*args: str, stdin: str = "", db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def terminal_quiz(location: Path | str, output: int) -> subprocess.Popen[str]:
    """A terminal quiz of six true/false questions, waiting for answers on its stdin."""
    command = [sys.executable, str(ROOT / "main.py"), "quiz", "--course", "nato-russia"]
    command += ["--count", "6", "--seed", "5", "--types", "true_false", "--db", str(location)]
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=output, stderr=output, text=True)


def test_answers_survive_a_kill_between_two_answers(store_location: str) -> None:
    process = terminal_quiz(store_location, subprocess.DEVNULL)
    assert process.stdin is not None
    try:
        for given in (1, 2):
            process.stdin.write("t\n")
            process.stdin.flush()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if _safe_count(store_location) == given:
                    break
                time.sleep(0.05)
            assert _safe_count(store_location) == given
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert rows(store_location, "SELECT count(*) FROM answers") == [(2,)]


def _safe_count(location: str) -> int:
    if "://" not in location and not Path(location).exists():
        return 0  # not made yet (and a look must not make it)
    try:
        return int(rows(location, "SELECT count(*) FROM answers")[0][0])
    except DBAPIError:
        return 0  # the tables are still being made


def test_five_piped_answers_show_in_stats(db_path: Path) -> None:
    result = cli(
        "quiz", "--course", "nato-russia", "--count", "5", "--seed", "21",
        "--types", "true_false", stdin="t\nt\nt\nt\nt\n", db=db_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\nQuestion ") == 5
    stats = json.loads(cli("stats", "--json", db=db_path).stdout)
    assert stats["answers"] == 5
    with sqlite3.connect(db_path) as connection:
        right = connection.execute("SELECT sum(correct) FROM answers").fetchone()[0]
        touched = {row[0] for row in connection.execute("SELECT lesson_id FROM answers")}
    assert stats["correct"] == right
    assert stats["accuracy"] == round(right / 5, 4)
    assert {"answers", "correct", "accuracy", "due", "streak_days", "topics", "lessons"} <= set(
        stats
    )
    for lesson in stats["lessons"]:
        assert {"id", "title", "read", "mastery", "answered"} <= set(lesson)
        if lesson["id"] in touched:
            assert lesson["mastery"] > 0 and lesson["answered"] > 0


def test_end_of_input_stops_the_quiz_and_keeps_the_answers(db_path: Path) -> None:
    result = cli(
        "quiz", "--course", "nato-russia", "--count", "6", "--seed", "2",
        "--types", "true_false", stdin="f\nt\n", db=db_path,
    )  # fmt: skip
    assert result.returncode == 0
    assert "Quiz stopped. 2 answers saved." in result.stdout
    assert count(db_path, "answers") == 2


def test_review_with_nothing_due_says_so(db_path: Path) -> None:
    result = cli("quiz", "--course", "nato-russia", "--review", db=db_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing is due for review.")


def test_read_marks_a_lesson_and_unknown_lessons_are_named(db_path: Path) -> None:
    result = cli("read", "key-events", db=db_path)
    assert result.returncode == 0 and "Key Events and Escalations" in result.stdout
    stats = json.loads(cli("stats", "--json", db=db_path).stdout)
    assert [lesson["read"] for lesson in stats["lessons"]][:3] == [False, False, True]
    bad = cli("read", "key-event", db=db_path)
    assert (
        bad.returncode == 2 and "unknown lesson 'key-event' (lessons: introduction," in bad.stderr
    )


def test_a_bad_database_path_is_one_clear_line(tmp_path: Path) -> None:
    result = cli("stats", db=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("is a folder, not a progress database file")
    assert "Traceback" not in result.stderr


def test_ctrl_c_stops_the_quiz_and_keeps_the_answers(db_path: Path) -> None:
    process = terminal_quiz(db_path, subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write("t\n")
    process.stdin.flush()
    deadline = time.monotonic() + 30
    while _safe_count(str(db_path)) < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Quiz stopped. 1 answer saved." in out
    assert "Traceback" not in err
    assert count(db_path, "answers") == 1
