"""The progress store's behaviour is tested on both engines: a SQLite file, and a database
on a PostgreSQL server (started by the tests, see tests/pg_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.service import StudyService
from tests.conftest import CONTENT, UTC_PLUS_2


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the progress is kept: a file path, or a server's URL."""
    if request.param == "sqlite":
        return str(tmp_path / "progress.sqlite3")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def service(store_location: str) -> Iterator[StudyService]:
    """The bundled course over a fresh store, for a learner at UTC+2, without fuzz."""
    opened = StudyService.open(CONTENT, store_location, tz=UTC_PLUS_2, fuzz=False)
    yield opened
    opened.close()
