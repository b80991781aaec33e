"""The command line: `check`, and the GUI's clear refusal when there is no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.conftest import ROOT, TOY_COURSE, WriteCourse


def test_check_prints_the_bundled_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("nato-russia: 8 lessons, ")
    assert out.rstrip().endswith("claims")


def test_check_on_a_folder_of_good_courses(
    write_course: WriteCourse, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_course().parent
    assert main(["--content", str(root), "check"]) == 0
    assert capsys.readouterr().out == "toy: 2 lessons, 1 concepts, 1 events, 1 claims\n"


def test_check_lists_every_problem_and_exits_2(
    write_course: WriteCourse, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_course().parent
    bad = TOY_COURSE.replace("lesson: second", "lesson: secnd").replace(
        'quote: "A nap is', 'quote: "A nap was'
    )
    write_course("bad", **{"course.yaml": bad.replace("id: toy", "id: bad")})
    write_course("broken", **{"course.yaml": "id: broken\ntitle: [oops\n"})
    assert main(["--content", str(root), "check"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "toy: 2 lessons, 1 concepts, 1 events, 1 claims\n"
    errors = captured.err.splitlines()
    assert len(errors) == 3
    assert any(
        f"{root / 'bad' / 'course.yaml'}:" in e and "unknown lesson 'secnd'" in e for e in errors
    )
    assert any("quote is not verbatim in lesson 'first'" in e for e in errors)
    assert any(
        f"{root / 'broken' / 'course.yaml'}:" in e and "YAML syntax error" in e for e in errors
    )


def test_check_on_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(tmp_path / "nowhere"), "check"]) == 2
    assert "no such content folder" in capsys.readouterr().err


def test_gui_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env["STUDYAPP_DB"] = str(tmp_path / "p.sqlite3")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "no display" in line and "python main.py --help" in line


def run_quiz(*args: str) -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "quiz", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.returncode, result.stdout, result.stderr


def test_quiz_json_has_every_field() -> None:
    code, out, _ = run_quiz("--course", "nato-russia", "--count", "20", "--seed", "3", "--json")
    assert code == 0
    questions = json.loads(out)
    assert len(questions) == 20
    for q in questions:
        assert {"id", "type", "topic", "lesson_id", "prompt", "options", "answer"} <= set(q)
        assert {"explanation", "source"} <= set(q)
        assert ("item_id" in q) != ("item_ids" in q)
        if q["type"] == "cloze":
            assert q["options"] is None
        if q["type"] == "matching":
            assert all(len(pair) == 2 for pair in q["answer"])
        if q["type"] == "event_order":
            assert sorted(q["answer"]) == sorted(q["options"])


def test_quiz_json_same_seed_same_bytes_and_another_seed_differs() -> None:
    args = ("--course", "nato-russia", "--count", "20", "--json")
    first = run_quiz(*args, "--seed", "11")[1]
    assert first == run_quiz(*args, "--seed", "11")[1]
    assert first != run_quiz(*args, "--seed", "12")[1]


def test_quiz_json_by_lesson_and_type() -> None:
    code, out, _ = run_quiz(
        "--course", "nato-russia", "--lesson", "key-events", "--lesson", "conclusion",
        "--types", "cloze,true_false", "--seed", "1", "--json",
    )  # fmt: skip
    assert code == 0
    questions = json.loads(out)
    assert {q["lesson_id"] for q in questions} <= {"key-events", "conclusion"}
    assert {q["type"] for q in questions} <= {"cloze", "true_false"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--course", "nope"), "unknown course 'nope' (courses: nato-russia)"),
        (("--course", "nato-russia", "--lesson", "nope"), "(lessons: introduction, "),
        (("--course", "nato-russia", "--types", "essay"), "(types: concept_definition, "),
    ],
)
def test_quiz_json_unknown_names_list_the_valid_ones(args: tuple[str, ...], message: str) -> None:
    code, out, err = run_quiz(*args, "--json")
    assert code == 2 and out == ""
    assert message in err
