"""Starting the app for real: the window paints, then the service opens off the GUI thread."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def start(tmp_path: Path, db: Path | str, until: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "STUDYAPP_DB": str(db),
        "STUDYAPP_QUIT_AFTER": until,
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py")], env=env, capture_output=True, text=True, timeout=60
    )


def test_the_window_paints_then_opens_the_lessons(tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    painted = start(tmp_path, db, "paint")
    assert painted.returncode == 0 and painted.stdout.splitlines() == ["first-paint"]
    ready = start(tmp_path, db, "ready")
    assert ready.returncode == 0 and ready.stdout.splitlines() == ["ready"]
    assert db.exists()


def test_a_database_that_cannot_open_ends_with_one_message(tmp_path: Path) -> None:
    result = start(tmp_path, tmp_path, "ready")  # a folder where the file should be
    assert result.returncode == 2
    assert result.stderr.strip().endswith("is a folder, not a progress database file")
    assert "Traceback" not in result.stderr


def test_the_last_lesson_is_shown_before_the_progress_and_a_quit_waits_for_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "progress.sqlite3"
    assert start(tmp_path, db, "ready").returncode == 0  # the learner has been here before
    db.unlink()  # a new database: its creation is under way when the lesson shows
    shown = start(tmp_path, db, "lessons")
    assert shown.returncode == 0 and shown.stdout.splitlines() == ["lessons"]
    assert db.exists()  # the quit waited for the database to be made whole
    assert start(tmp_path, db, "ready").returncode == 0


def test_the_window_opens_on_a_class_server(tmp_path: Path, pg_url: str) -> None:
    ready = start(tmp_path, pg_url, "ready")
    assert ready.returncode == 0 and ready.stdout.splitlines() == ["ready"], ready.stderr


def test_a_server_that_cannot_be_reached_is_one_message(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://ada:secret@127.0.0.1:{port}/class"
    result = start(tmp_path, url, "ready")
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "cannot be reached" in line and "try again once it is back" in line
    assert "secret" not in line and "Traceback" not in result.stderr
