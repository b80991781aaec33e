from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.service import StudyService
from tests.conftest import CONTENT

UTC_PLUS_2 = dt.timezone(dt.timedelta(hours=2))


@pytest.fixture
def service(db_path: Path) -> Iterator[StudyService]:
    opened = StudyService.open(CONTENT, str(db_path), tz=UTC_PLUS_2, fuzz=False)
    yield opened
    opened.close()
