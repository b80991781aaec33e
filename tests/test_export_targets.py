"""An export never replaces the progress database, another database or a read-only file,
and its CSV cannot run formulas in a spreadsheet."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.service import StudyService
from tests.conftest import CONTENT


@pytest.fixture
def progress(db_path: Path) -> bytes:
    """A progress database with one answer; returns its bytes after a checkpoint."""
    service = StudyService.open(CONTENT, str(db_path), fuzz=False)
    run = service.start_quiz("nato-russia", count=1, types=["cloze"], seed=3)
    service.answer(run, run.questions[0], '=HYPERLINK("http://x","y")', seconds=2)
    service.close()
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return db_path.read_bytes()


@pytest.mark.parametrize("kind", ["--csv", "--anki"])
@pytest.mark.parametrize("part", ["", "-wal", "-shm"])
def test_the_progress_database_is_never_an_export_target(
    kind: str, part: str, db_path: Path, progress: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    target = f"{db_path}{part}"
    assert main(["export", kind, target, "--db", str(db_path)]) == 2
    assert "is your progress database" in capsys.readouterr().err
    assert db_path.read_bytes() == progress


@pytest.mark.parametrize("kind", ["--csv", "--anki"])
def test_another_sqlite_file_is_never_replaced(
    kind: str, tmp_path: Path, db_path: Path, progress: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE kept (x)")
    connection.close()
    before = other.read_bytes()
    assert main(["export", kind, str(other), "--db", str(db_path)]) == 2
    assert "is a database file" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.parametrize("kind", ["--csv", "--anki"])
def test_a_read_only_target_is_left_alone(
    kind: str, tmp_path: Path, db_path: Path, progress: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "answers.out"
    target.write_text("mine\n")
    target.chmod(stat.S_IRUSR)
    try:
        assert main(["export", kind, str(target), "--db", str(db_path)]) == 2
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert "read-only" in capsys.readouterr().err
    assert target.read_text() == "mine\n"


def test_a_formula_typed_as_an_answer_is_plain_text_in_the_csv(
    tmp_path: Path, db_path: Path, progress: bytes
) -> None:
    target = tmp_path / "answers.csv"
    assert main(["export", "--csv", str(target), "--db", str(db_path)]) == 0
    with target.open(newline="", encoding="utf-8") as file:
        [row] = list(csv.DictReader(file))
    assert row["response"] == '\'=HYPERLINK("http://x","y")'
    assert not any(
        value.startswith(("=", "+", "@")) for value in row.values() if isinstance(value, str)
    )
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".answers.csv")]
