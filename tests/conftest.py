"""Shared fixtures: the bundled course, small courses written on the fly, a fresh database."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from studyapp.service import StudyService
from tests.pg_server import Cluster, server_binaries
from tests.pg_server import start as start_cluster

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Checked courses are cached per test run, never in the machine's own cache folder.
os.environ["STUDYAPP_CACHE"] = tempfile.mkdtemp(prefix="studyapp-cache-")

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
ARTICLE = ROOT / "tests" / "data" / "nato-russia-article.txt"

TOY_COURSE = """\
id: toy
title: A Toy Course
actors:
  - name: Cats
  - name: Dogs
lessons:
  - id: first
    title: The First Lesson
    paragraphs:
      - "Cats prefer naps. A nap is a short sleep taken by day."
      - "In 1999 the great nap began."
  - id: second
    title: The Second Lesson
    paragraphs:
      - "Dogs say walks matter most. A walk is a stroll outdoors."
concepts:
  - id: concept:nap
    lesson: first
    term: nap
    aliases: [naps]
    definition: A short sleep taken by day.
    quote: "A nap is a short sleep taken by day."
events:
  - id: event:great-nap
    lesson: first
    title: The great nap begins
    date: "1999"
    quote: "In 1999 the great nap began."
claims:
  - id: claim:walks
    lesson: second
    actor: Dogs
    statement: Walks matter most.
    quote: "Dogs say walks matter most."
"""


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the bundled content folder that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


WriteCourse = Callable[..., Path]


@pytest.fixture
def write_course(tmp_path: Path) -> WriteCourse:
    """Write a course folder from YAML texts: write_course("toy", **{"course.yaml": text})."""

    def write(course_id: str = "toy", root: Path | None = None, **files: str) -> Path:
        folder = (root or tmp_path / "courses") / course_id
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in (files or {"course.yaml": TOY_COURSE}).items():
            (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return write


def main_py(
    *args: str, stdin: str = "", limit_bytes: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`python main.py ARGS` in a child process, optionally under `ulimit -f`."""

    def limit() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, resource.RLIM_INFINITY))

    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


def answer_count(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM answers").fetchone()[0])
    finally:
        connection.close()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody may add files to: chmod, or for root (whom modes do not stop) the
    immutable attribute."""
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(stat.S_IRWXU)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for the whole run (see tests/pg_server.py)."""
    binaries = server_binaries()
    if binaries is None:
        reason = "no PostgreSQL server on this machine: `pg_config --bindir` names no initdb"
        if os.environ.get("CI"):  # CI promises these tests: a missing server is a failure
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = start_cluster(binaries)
    yield cluster
    cluster.stop()


_databases = itertools.count()


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> Iterator[str]:
    """A new, empty database on the cluster, owned by the teacher's role: its URL."""
    name = f"test_{os.getpid()}_{next(_databases)}"
    url = pg_cluster.new_database(name)
    yield url
    pg_cluster.drop_database(name)


def rows(location: str, statement: str) -> list[tuple[Any, ...]]:
    """What a plain SQL statement returns, on a file or a server."""
    from sqlalchemy import create_engine, text

    from studyapp.progress.db import database_url

    engine = create_engine(database_url(location))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement))
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


UTC_PLUS_2 = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def service(db_path: Path) -> Iterator[StudyService]:
    """The bundled course over a fresh database, for a learner at UTC+2, without fuzz."""
    opened = StudyService.open(CONTENT, str(db_path), tz=UTC_PLUS_2, fuzz=False)
    yield opened
    opened.close()


# CI runs the same examples every time, so that a landing never depends on luck; locally
# hypothesis explores new ones on each run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")
