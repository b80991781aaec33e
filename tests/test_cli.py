"""The command line: `check`, and the GUI's clear refusal when there is no display."""

from __future__ import annotations

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
