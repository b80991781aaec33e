"""Opening the progress database never hides or destroys a learner's history: only real
damage moves a file aside; locks, I/O errors, newer or foreign files stop with one message
and leave the file as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from studyapp.progress import StoreError
from studyapp.service import StudyService
from tests.conftest import CONTENT, ROOT, main_py, read_only
from tests.conftest import answer_count as answers_in


def with_answers(db: Path, answers: int = 3) -> None:
    """A database holding `answers` answers, closed and checkpointed."""
    service = StudyService.open(CONTENT, str(db), fuzz=False)
    run = service.start_quiz("nato-russia", count=answers, types=["true_false"], seed=4)
    for question in run.questions:
        service.answer(run, question, "true", seconds=3.0)
    service.close()
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def set_aside(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.name}.corrupt-*"))


def test_a_database_locked_by_another_program_is_left_alone(db_path: Path) -> None:
    with_answers(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = main_py("stats", "--json", "--db", str(db_path))
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert result.returncode == 2, result.stdout
    assert "locked by another program" in result.stderr
    assert "Traceback" not in result.stderr
    assert set_aside(db_path) == []
    assert json.loads(main_py("stats", "--json", "--db", str(db_path)).stdout)["answers"] == 3


def test_a_lock_released_within_seconds_is_waited_for(db_path: Path) -> None:
    with_answers(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")

    def release() -> None:
        time.sleep(1.5)
        holder.execute("COMMIT")
        holder.close()

    releaser = threading.Thread(target=release)
    releaser.start()
    result = main_py("stats", "--json", "--db", str(db_path))
    releaser.join()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == 3


def test_a_disk_io_error_is_named_and_the_file_untouched(db_path: Path) -> None:
    with_answers(db_path)
    before = db_path.read_bytes()
    result = main_py("stats", "--db", str(db_path), limit_bytes=20 * 1024)  # ulimit -f 20
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "disk" in result.stderr and str(db_path) in result.stderr
    assert set_aside(db_path) == []
    assert db_path.read_bytes() == before
    assert answers_in(db_path) == 3


def test_a_read_only_folder_is_one_message(db_path: Path) -> None:
    with_answers(db_path)
    with read_only(db_path.parent):
        result = main_py("stats", "--db", str(db_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "folder" in result.stderr
    assert set_aside(db_path) == []
    assert answers_in(db_path) == 3


def test_the_set_aside_notice_is_shown_even_when_the_next_step_fails(db_path: Path) -> None:
    damaged = b"SQLite format 3\x00" + b"\x00" * 84 + b"\xde\xad" * 3000
    db_path.write_bytes(damaged)
    # The damaged file can be moved aside, but a file size limit stops the new one.
    result = main_py("stats", "--db", str(db_path), limit_bytes=20 * 1024)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [moved] = [p for p in set_aside(db_path) if not p.name.endswith(("-wal", "-shm"))]
    assert str(moved) in result.stderr and "nothing was deleted" in result.stderr
    assert moved.read_bytes() == damaged


def test_a_database_made_by_a_newer_studyapp_is_refused_untouched(db_path: Path) -> None:
    with_answers(db_path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = db_path.read_bytes()
    result = main_py("stats", "--db", str(db_path))
    assert result.returncode == 2
    assert "newer StudyApp" in result.stderr and "Traceback" not in result.stderr
    assert db_path.read_bytes() == before
    assert list(db_path.parent.glob("*.bak-*")) == []
    with pytest.raises(StoreError, match="newer StudyApp"):
        StudyService.open(CONTENT, str(db_path))


def test_another_programs_sqlite_file_is_refused_untouched(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.close()
    before = db_path.read_bytes()
    result = main_py("stats", "--db", str(db_path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "not a StudyApp progress database" in result.stderr and "recipes" in result.stderr
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["recipes"]


def test_a_fifo_as_the_database_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = main_py("stats", "--db", str(fifo))
    assert result.returncode == 2
    assert "not a regular file" in result.stderr


def test_three_processes_starting_on_a_new_file_at_once_all_succeed(db_path: Path) -> None:
    command = [sys.executable, str(ROOT / "main.py"), "read", "introduction"]
    processes = [
        subprocess.Popen(
            [*command, "--db", str(db_path), "--profile", f"learner {n % 2}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert "Marked as read" in out
    with sqlite3.connect(db_path) as connection:
        reads = connection.execute("SELECT count(*) FROM lesson_reads").fetchone()[0]
        profiles = connection.execute("SELECT count(*) FROM profiles").fetchone()[0]
    connection.close()
    assert (reads, profiles) == (3, 2)


def test_two_stores_creating_the_same_profile_both_get_it(db_path: Path) -> None:
    StudyService.open(CONTENT, str(db_path)).close()
    barrier = threading.Barrier(2)
    ids: list[int] = []
    errors: list[BaseException] = []

    def open_as_ana() -> None:
        try:
            from studyapp.progress import ProgressStore, open_database

            engine = open_database(str(db_path)).engine
            barrier.wait()
            ids.append(ProgressStore(engine, "Ana").profile_id)
            engine.dispose()
        except BaseException as error:  # the test reports it below
            errors.append(error)

    for _ in range(5):  # the race is likely, not certain, in any one round
        threads = [threading.Thread(target=open_as_ana) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(ids) == 2 and ids[0] == ids[1]
        ids.clear()
        with sqlite3.connect(db_path) as connection:
            connection.execute("DELETE FROM profiles WHERE name = 'Ana'")
        connection.close()
