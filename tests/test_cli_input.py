"""Arguments a learner can get wrong are one message and exit 2; a failing disk mid-quiz
stops the quiz with every earlier answer kept; a closed pipe is not a traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.conftest import ROOT, main_py


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--seed", str(2**63), "a seed is a whole number from 0"),
        ("--seed", "-1", "a seed is a whole number from 0"),
        ("--count", str(2**70), "a quiz has 1 to 500 questions"),
        ("--count", "0", "a quiz has 1 to 500 questions"),
    ],
)
def test_numbers_out_of_range_are_one_message(
    option: str, value: str, message: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["quiz", "--course", "nato-russia", option, value, "--db", str(db_path)])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "1 to 64 characters"),
        ("   ", "1 to 64 characters"),
        ("x" * 65, "1 to 64 characters"),
        ("Ana\nBen", "line break"),
    ],
)
def test_a_bad_profile_name_is_one_message(
    name: str, message: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--profile", name, "--db", str(db_path)]) == 2
    assert message in capsys.readouterr().err


def test_spaces_around_a_profile_name_are_the_same_learner(db_path: Path) -> None:
    assert main(["read", "introduction", "--profile", "Ana", "--db", str(db_path)]) == 0
    assert main(["read", "conclusion", "--profile", " Ana ", "--db", str(db_path)]) == 0
    connection = sqlite3.connect(db_path)
    names = [row[0] for row in connection.execute("SELECT name FROM profiles")]
    connection.close()
    assert names == ["Ana"]


def test_stats_into_a_closed_pipe_is_quiet(db_path: Path) -> None:
    result = subprocess.run(
        f"'{sys.executable}' '{ROOT / 'main.py'}' stats --json --db '{db_path}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == "{\n"
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_a_disk_that_fails_mid_quiz_stops_it_with_earlier_answers_kept(db_path: Path) -> None:
    first = main_py(
        "quiz", "--course", "nato-russia", "--count", "2", "--seed", "1",
        "--types", "true_false", "--db", str(db_path), stdin="t\nt\n",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    # `ulimit -f 64`: the shared-memory file fits, but the write-ahead log soon cannot grow.
    result = main_py(
        "quiz", "--course", "nato-russia", "--count", "8", "--seed", "2",
        "--types", "true_false", "--db", str(db_path), stdin="t\n" * 8,
        limit_bytes=64 * 1024,
    )  # fmt: skip
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert "could not save the answer" in result.stderr
    assert "Everything saved before is kept" in result.stderr
    saved = int(result.stdout.split("could not be saved; ")[1].split(" answer")[0])
    assert saved < 8
    stats = json.loads(main_py("stats", "--json", "--db", str(db_path)).stdout)
    assert stats["answers"] == 2 + saved
