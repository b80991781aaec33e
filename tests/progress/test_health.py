"""The full check of a large progress database runs after the first screen and once a week,
never before the lessons; the damage it finds is set aside on the next start."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from studyapp.progress import health
from studyapp.service import StudyService
from tests.conftest import CONTENT

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database counts as large: read whole only after the first screen."""
    monkeypatch.setattr(health, "FULL_CHECK_BYTES", 0)


def filled(db_path: Path) -> Path:
    service = StudyService.open(CONTENT, str(db_path))
    for _ in range(400):
        service.record_reading("nato-russia", "conclusion", seconds=5, finished=True)
    service.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return db_path


def wreck_last_pages(db_path: Path) -> bytes:
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[-page * 3 : -page] = b"\xde\xad\xbe\xef" * (page // 2)  # the newest rows' pages
    db_path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.usefixtures("large")
def test_damage_in_a_large_database_is_found_after_the_start_and_set_aside_on_the_next(
    db_path: Path,
) -> None:
    wrecked = wreck_last_pages(filled(db_path))
    service = StudyService.open(CONTENT, str(db_path))  # no full read before the lessons
    assert service.notice is None
    found = service.check_database(NOW)
    service.close()
    assert found is not None and "damage" in found and str(db_path) in found
    assert health.verdict_file(db_path).read_text().startswith("damaged ")

    again = StudyService.open(CONTENT, str(db_path))
    assert again.notice is not None and "nothing was deleted" in again.notice
    corrupt = db_path.parent.glob(f"{db_path.name}.corrupt-*")
    moved = [p for p in corrupt if p.suffix[-4:] not in ("-wal", "-shm")]
    assert len(moved) == 1 and moved[0].read_bytes() == wrecked
    assert not health.verdict_file(db_path).exists()
    again.close()


@pytest.mark.usefixtures("large")
def test_a_sound_large_database_is_read_whole_once_a_week(db_path: Path) -> None:
    service = StudyService.open(CONTENT, str(filled(db_path)))
    assert service.check_database(NOW) is None
    assert health.verdict_file(db_path).read_text().startswith("ok ")
    assert not health.check_due(db_path, NOW + dt.timedelta(days=6))
    assert health.check_due(db_path, NOW + dt.timedelta(days=7))
    service.close()


def test_a_small_database_is_checked_at_every_start_and_leaves_no_verdict(db_path: Path) -> None:
    service = StudyService.open(CONTENT, str(filled(db_path)))
    assert service.check_database(NOW) is None  # nothing due: it was read whole at open
    service.close()
    assert not health.verdict_file(db_path).exists()


@pytest.mark.usefixtures("large")
def test_a_lock_during_the_weeks_check_is_no_damage_and_the_check_waits(db_path: Path) -> None:
    from studyapp.progress.db import check_database

    before = filled(db_path).read_bytes()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert check_database(db_path, NOW) is None  # another program's lock, not damage
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert db_path.read_bytes() == before
    assert not health.verdict_file(db_path).exists()  # so it runs again next time
    assert health.check_due(db_path, NOW)
    service = StudyService.open(CONTENT, str(db_path))
    assert service.notice is None
    assert [s.read for s in service.lesson_states("nato-russia")].count(True) == 1
    service.close()
